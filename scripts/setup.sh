#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine: system tools, the virtual environment, pinned packages.
# Safe to re-run: every step checks what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

# System packages: Java for the HermiT reasoner (owlready2), raptor/rasqal for the independent
# RDF parser and SPARQL client the tests use, Chromium for the browser tests, Virtuoso for the
# remote-store tests (started on 127.0.0.1 by tests/test_remote_store.py, never as a service).
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v roqet >/dev/null 2>&1 || need+=(rasqal-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
command -v wrk >/dev/null 2>&1 || need+=(wrk)  # the HTTP load figures of README (Serving the graph)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "setup: installing Debian packages: ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.installed-$(cat requirements.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/pip" install -q --upgrade "pip==24.3.1"
  "$VENV/bin/pip" install -q -r requirements.txt
  "$VENV/bin/pip" install -q --no-deps -e .
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi
echo "setup: ready ($VENV)" >&2
