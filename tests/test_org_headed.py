"""Organisations named by a capitalised run ending in a strong head noun that NER missed
(relgraph.nlp.org_headed), on sentences written for these tests."""
import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def orgs(records) -> set[str]:
    return {ref.key for ref in records.entities if ref.kind == "organization"}


def test_a_capitalised_run_ending_in_a_strong_head_is_an_organisation(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Credit line offered\n\n"
        "The Saudi Omnivex Bank has offered a line of credit for Kenyan buyers of fertiliser, officials said.\n")))
    assert "Saudi Omnivex Bank" in found, found


def test_two_states_joined_by_a_hyphen_begin_the_name_of_their_joint_body(tmp_path):
    records = extract_written(tmp_path, (
        "Leaders meet\n\n"
        "The two presidents told their ministers to convene the Kenya-Uganda Joint Permanent Commission "
        "in Nairobi in November.\n"))
    assert "Kenya-Uganda Joint Permanent Commission" in orgs(records), orgs(records)
    assert {"Kenya", "Uganda"} <= {ref.key for ref in records.entities if ref.kind == "state"}


def test_no_name_from_generic_words_a_headline_or_a_compound_that_is_no_pair_of_states():
    from relgraph.nlp.context import ArticleContext
    from relgraph.nlp.org_headed import headed_names
    from relgraph.nlp.pipeline import load_nlp
    from relgraph.records import ArticleRecords

    class Meta:
        published = None

    def names(text: str) -> set[str]:
        nlp, matchers, gaz, lex = load_nlp()
        ctx = ArticleContext(doc=nlp(text), article=Meta(), gaz=gaz, lex=lex, records=ArticleRecords("t"),
                             matchers=matchers)
        return {named.text for _run, named in headed_names(ctx)}

    assert "Omnivex Bank" not in " ".join(names("Tarsk Omnivex Bank Raises Rates Again\n\nRates rose.\n"))
    assert not names("Officials said the National Central Bank raised rates.\n")
    assert not any("Partnership Council" in n for n in names("They opened the EU-Kenya Partnership Council on Monday.\n"))
