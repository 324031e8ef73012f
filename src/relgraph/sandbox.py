"""Cut a process off the network: a seccomp-BPF filter so that no query, however it is written,
can make pyoxigraph (or anything else in the process) open a network connection.

pyoxigraph runs SERVICE and LOAD with its own HTTP client; Python's audit hooks do not see it and
there is no switch to turn it off. relgraph.sparql refuses such queries on their parsed form; this
is the second line: a query process calls `deny_network()` once at start, before it opens the
store, and from then on the kernel itself refuses, in that process and every thread or child it
starts later (seccomp filters are inherited and cannot be removed):

- socket() and socketpair() for every address family except AF_UNIX: EACCES;
- io_uring_setup(): EPERM (io_uring can create and connect sockets without calling socket());
- pidfd_getfd(): EPERM (it could copy a connected socket out of another process of the same user);
- x32 system calls, and any system call made through another ABI than the process's own
  (x86_64 or aarch64; e.g. int 0x80 on x86_64): EPERM.

Everything else behaves as before: files, pipes, threads, mmap, AF_UNIX sockets, signals. What the
filter cannot see: a network socket the process already holds (inherited or opened before the
filter), or one received over an AF_UNIX socket from another process. The process that starts
query processes must therefore not pass them network sockets (subprocess's close_fds=True).

`deny_network()` raises SandboxError where it cannot do this (not Linux, another architecture, a
kernel without seccomp filters); the caller decides whether to run without it.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import socket
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

# <linux/prctl.h>, <linux/seccomp.h>, <linux/filter.h>, <linux/audit.h>
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_SET_MODE_FILTER = 1
SECCOMP_FILTER_FLAG_TSYNC = 1
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
BPF_LD_W_ABS = 0x20   # BPF_LD | BPF_W | BPF_ABS: load a 32-bit word of struct seccomp_data
BPF_JEQ_K = 0x15      # BPF_JMP | BPF_JEQ | BPF_K
BPF_JGE_K = 0x35      # BPF_JMP | BPF_JGE | BPF_K
BPF_RET_K = 0x06      # BPF_RET | BPF_K
# struct seccomp_data { int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6]; }
OFFSET_NR, OFFSET_ARCH, OFFSET_ARG0 = 0, 4, 16  # args[0]'s low 32 bits (little-endian ABIs)
X32_SYSCALL_BIT = 0x40000000


@dataclass(frozen=True)
class Abi:
    """System call numbers of one architecture (from the kernel's syscall tables)."""

    audit_arch: int
    seccomp: int
    socket: int
    socketpair: int
    io_uring_setup: int
    pidfd_getfd: int
    x32_bit: bool  # does this ABI share its audit arch with x32 system calls?


ABIS = {
    "x86_64": Abi(0xC000003E, seccomp=317, socket=41, socketpair=53, io_uring_setup=425,
                  pidfd_getfd=438, x32_bit=True),
    "aarch64": Abi(0xC00000B7, seccomp=277, socket=198, socketpair=199, io_uring_setup=425,
                   pidfd_getfd=438, x32_bit=False),
}
_MACHINE_ALIASES = {"amd64": "x86_64", "arm64": "aarch64"}


class SandboxError(RuntimeError):
    """The network sandbox cannot be installed in this process."""


class _sock_filter(ctypes.Structure):  # noqa: N801 - the kernel's name
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8),
                ("k", ctypes.c_uint32)]


class _sock_fprog(ctypes.Structure):  # noqa: N801
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_sock_filter))]


# -- the filter program --------------------------------------------------------------------------

def _errno(code: int) -> int:
    return SECCOMP_RET_ERRNO | code


def _program(abi: Abi) -> list[tuple]:
    """The filter as (opcode, jump-if-true label, jump-if-false label, k) with labels by name."""
    deny_socket = _errno(errno.EACCES)
    deny = _errno(errno.EPERM)
    program = [
        ("load", OFFSET_ARCH),
        (BPF_JEQ_K, abi.audit_arch, None, "foreign"),
        ("load", OFFSET_NR),
    ]
    if abi.x32_bit:
        program.append((BPF_JGE_K, X32_SYSCALL_BIT, "deny", None))
    program += [
        (BPF_JEQ_K, abi.socket, "family", None),
        (BPF_JEQ_K, abi.socketpair, "family", None),
        (BPF_JEQ_K, abi.io_uring_setup, "deny", None),
        (BPF_JEQ_K, abi.pidfd_getfd, "deny", None),
        ("return", SECCOMP_RET_ALLOW),
        ("label", "family"),
        ("load", OFFSET_ARG0),
        (BPF_JEQ_K, int(socket.AF_UNIX), None, "deny_socket"),
        ("return", SECCOMP_RET_ALLOW),
        ("label", "deny_socket"),
        ("return", deny_socket),
        ("label", "foreign"),  # a system call through another ABI: its numbers mean other calls
        ("label", "deny"),
        ("return", deny),
    ]
    return program


def assemble(abi: Abi) -> list[tuple[int, int, int, int]]:
    """The BPF instructions (code, jt, jf, k) of the filter for `abi`; jumps are resolved from
    labels to the forward offsets BPF wants (counted from the next instruction)."""
    steps = [step for step in _program(abi) if step[0] != "label"]
    labels, index = {}, 0
    for step in _program(abi):
        if step[0] == "label":
            labels[step[1]] = index
        else:
            index += 1
    code = []
    for position, step in enumerate(steps):
        if step[0] == "load":
            code.append((BPF_LD_W_ABS, 0, 0, step[1]))
        elif step[0] == "return":
            code.append((BPF_RET_K, 0, 0, step[1]))
        else:
            opcode, k, if_true, if_false = step
            jump = [0 if label is None else labels[label] - position - 1 for label in (if_true, if_false)]
            if not all(0 <= offset < 256 for offset in jump):
                raise AssertionError(f"BPF jump out of range at {position}: {jump}")
            code.append((opcode, jump[0], jump[1], k))
    return code


# -- installing it -------------------------------------------------------------------------------

def current_abi() -> Abi:
    """The system call ABI of this process; SandboxError where the filter has no table for it."""
    if not sys.platform.startswith("linux"):
        raise SandboxError(f"the network sandbox needs Linux (seccomp); this is {sys.platform}")
    machine = _MACHINE_ALIASES.get(platform.machine(), platform.machine())
    if machine not in ABIS or struct.calcsize("P") != 8:
        raise SandboxError(f"the network sandbox knows x86_64 and aarch64 system calls, "
                           f"not {platform.machine()} ({struct.calcsize('P') * 8}-bit)")
    return ABIS[machine]


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    libc.syscall.restype = ctypes.c_long
    return libc


def _thread_count() -> int:
    return len(os.listdir("/proc/self/task"))


def _install(libc: ctypes.CDLL, abi: Abi, program: _sock_fprog) -> None:
    # TSYNC puts the filter on every thread the process already has (pyoxigraph, RocksDB and
    # some libraries start threads); threads and children started later inherit it anyway.
    result = libc.syscall(ctypes.c_long(abi.seccomp), ctypes.c_ulong(SECCOMP_SET_MODE_FILTER),
                          ctypes.c_ulong(SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(program))
    if result == 0:
        return
    code = ctypes.get_errno()
    if code != errno.ENOSYS:
        raise SandboxError(f"the kernel refused the seccomp filter: {os.strerror(code)}"
                           + (" (another thread could not be synchronised)" if result > 0 else ""))
    # Kernels before 3.17 have no seccomp(): prctl filters only the calling thread.
    if _thread_count() != 1:
        raise SandboxError("this kernel cannot put a seccomp filter on existing threads: "
                           "call deny_network() before any thread starts")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) != 0:
        code = ctypes.get_errno()
        raise SandboxError(f"the kernel refused the seccomp filter: {os.strerror(code)}")


def deny_network() -> None:
    """Make this process (all its threads, and everything it starts later) unable to open a
    network socket. Irreversible. Raises SandboxError where it cannot be done."""
    abi = current_abi()
    libc = _libc()
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:  # required to filter without CAP_SYS_ADMIN
        raise SandboxError(f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}")
    instructions = assemble(abi)
    table = (_sock_filter * len(instructions))(*(_sock_filter(*i) for i in instructions))
    _install(libc, abi, _sock_fprog(len(instructions), table))


# -- asking ----------------------------------------------------------------------------------------

def seccomp_mode(status: Path = Path("/proc/self/status")) -> int:
    """The `Seccomp:` field of /proc/self/status: 0 none, 1 strict, 2 filter (any filter)."""
    for line in status.read_text().splitlines():
        if line.startswith("Seccomp:"):
            return int(line.split()[1])
    return 0


def is_sandboxed() -> bool:
    """Is this process unable to open network sockets? A filter is present (Seccomp: 2) and a TCP
    socket cannot even be created (the probe opens nothing when it succeeds: it is closed)."""
    if not sys.platform.startswith("linux") or seccomp_mode() != SECCOMP_MODE_FILTER:
        return False
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except PermissionError:
        return True
    probe.close()
    return False
