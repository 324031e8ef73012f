"""relgraph.cache: the cache folder and its atomically written entries."""
from __future__ import annotations

from relgraph.cache import cache_root, write_atomically
from relgraph.settings import REPO_ROOT


def test_the_folder_is_the_environments_or_the_checkouts(monkeypatch, tmp_path):
    monkeypatch.delenv("RELGRAPH_CACHE_DIR", raising=False)
    assert cache_root() == REPO_ROOT / ".cache"
    monkeypatch.setenv("RELGRAPH_CACHE_DIR", str(tmp_path))
    assert cache_root() == tmp_path


def test_an_entry_is_written_whole_and_replaced_whole(tmp_path):
    entry = tmp_path / "deep" / "er" / "entry.json"
    write_atomically(entry, "one")
    write_atomically(entry, "two")
    assert entry.read_text(encoding="utf-8") == "two"
    assert [p.name for p in entry.parent.iterdir()] == ["entry.json"]   # no part files left
    assert oct(entry.stat().st_mode & 0o777) == "0o644"
