"""The rule vocabularies load whole and refuse ambiguous files."""
from pathlib import Path

import pytest

from relgraph.errors import InputError
from relgraph.resources import DATA_DIR, read_json_object


def test_a_key_written_twice_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"verbs": ["sign"], "nouns": ["deal"], "verbs": ["ink"]}', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_json_object(path)
    assert "facts.json" in str(err.value) and "'verbs'" in str(err.value)


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "shapes.json"
    path.write_text('{\n"heads": ["minister"],\n"ranks": [\n}', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_json_object(path)
    assert "shapes.json:4" in str(err.value)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA_DIR / "patterns").glob("*.json")))
def test_every_pattern_file_has_unique_keys(name: str) -> None:
    assert isinstance(read_json_object(DATA_DIR / "patterns" / name), dict)
