"""relgraph.fingerprint: the extractor version changes with the rules, not with the articles."""
import shutil

from relgraph import __version__
from relgraph.fingerprint import DATA, extractor_version
from relgraph.settings import REPO_ROOT


def test_version_is_the_package_version_plus_a_stable_digest():
    version = extractor_version()
    assert version.startswith(__version__ + "+") and len(version.split("+")[1]) == 10
    assert extractor_version.__wrapped__() == version  # recomputed from the files: same digest


def test_a_changed_rule_file_changes_the_version(tmp_path):
    data = tmp_path / "data"
    for part in DATA:  # every rule-data folder the version reads
        shutil.copytree(REPO_ROOT / "data" / part, data / part)
    same = extractor_version.__wrapped__(data)
    assert same == extractor_version()
    posts = data / "patterns" / "posts.jsonl"
    posts.write_text(posts.read_text() + '{"role": "Mayor", "phrases": ["mayor"]}\n')
    changed = extractor_version.__wrapped__(data)
    assert changed != same
    (data / "articles").mkdir()
    (data / "articles" / "new.txt").write_text("An article is input, not a rule.")
    assert extractor_version.__wrapped__(data) == changed


def test_every_listed_part_of_the_extractor_exists() -> None:
    # A module split into a package (dates.py -> dates/) or renamed would otherwise drop out of the
    # digest silently, and a changed rule would not mark stored articles for re-extraction.
    from relgraph.fingerprint import CODE, PACKAGE
    assert [c for c in CODE if not (PACKAGE / c).exists()] == []


def test_a_retrained_model_changes_the_version(tmp_path):
    # A learned decision (data/models) decides output like a pattern file does.
    data = tmp_path / "data"
    for part in DATA:
        shutil.copytree(REPO_ROOT / "data" / part, data / part)
    same = extractor_version.__wrapped__(data)
    model = data / "models" / "orgs.json"
    model.write_text(model.read_text().replace('"threshold"', '"threshold_was"', 1) + "\n")
    assert extractor_version.__wrapped__(data) != same
