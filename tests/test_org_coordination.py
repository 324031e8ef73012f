"""Whole organisation names NER cut inside their coordinated modifiers (relgraph.nlp.org_names),
acronyms merged with the names they abbreviate (relgraph.nlp.org_acronyms) and acronyms that
speak or sign (relgraph.nlp.org_descriptors), on sentences written for these tests."""
import pytest

from extraction_helpers import extract_written
from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.org_acronyms import merge_bracketed_acronyms, merge_spelled_acronyms
from relgraph.nlp.pipeline import load_nlp
from relgraph.records import ArticleRecords, Ref

pytestmark = pytest.mark.slow


def orgs(records) -> dict[str, set[str]]:
    return {ref.key: e.names for ref, e in records.entities.items() if ref.kind == "organization"}


def test_a_name_cut_before_and_runs_on_to_the_head_its_modifiers_share(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Gas contract extended\n\n"
        "Velmor's state grid firm and Ruritanian Oil and Gas Corporation extended their supply contract "
        "by five years on Monday, the companies said.\n")))
    assert "Ruritanian Oil and Gas Corporation" in found, found
    assert "Ruritanian Oil" not in found, found


def test_a_name_cut_at_a_comma_of_its_modifier_list_takes_the_whole_list(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Grant signed\n\n"
        "The grant agreement was signed with the Westland Climate, Transport and Environment Executive Agency "
        "in Brussels on Tuesday.\n")))
    assert "Westland Climate, Transport and Environment Executive Agency" in found, found


def test_a_name_after_for_that_ends_on_an_adjective_shares_the_noun_after_and(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Analysts weigh in\n\n"
        "Ann Roe of the Tarsk-based Ruritanian Foundation for European and Foreign Policy said the memorandum "
        "was a first step.\n")))
    assert any(k.endswith("for European and Foreign Policy") for k in found), found
    assert not any(k.endswith("for European") for k in found), found


def test_an_acronym_read_apart_from_the_name_it_follows_in_brackets_is_that_organisation(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Analysts weigh in\n\n"
        "Ann Roe of the Tarsk-based Ruritanian Foundation for European and Foreign Policy (RFEFP) said the memorandum "
        "was a first step. RFEFP has argued for the link since 2019.\n")))
    [names] = [n | {k} for k, n in found.items() if "RFEFP" in n | {k}]   # one node, both names
    assert "Ruritanian Foundation for European and Foreign Policy" in names, found


class _Meta:
    published = None


def _read_apart(text: str, *names: str) -> ArticleContext:
    """A context in which each of `names` was read as an organisation of its own."""
    nlp, matchers, gaz, lex = load_nlp()
    ctx = ArticleContext(doc=nlp(text), article=_Meta(), gaz=gaz, lex=lex, records=ArticleRecords("t"),
                         matchers=matchers)
    for name in names:
        start = text.index(name)
        span = ctx.doc.char_span(start, start + len(name))
        ref = Ref("organization", name)
        ctx.add_mention(Mention(ref, span.start, span.end, "name"))
        ctx.records.entity("organization", name).names.add(name)
    return ctx


def test_merging_an_acronym_in_brackets_into_the_name_before_it():
    ctx = _read_apart("Ann Roe of the Tarsk Institute for Sea Studies (TISS) said so.",
                      "Tarsk Institute for Sea Studies", "TISS")
    merge_bracketed_acronyms(ctx)
    assert {r.key for r in ctx.records.entities} == {"Tarsk Institute for Sea Studies"}
    assert ctx.records.entities[Ref("organization", "Tarsk Institute for Sea Studies")].names >= {"TISS"}
    # a bracket that does not abbreviate the name is another body (its owner, its partner)
    ctx = _read_apart("the Tarsk Institute for Sea Studies (Omnigas) said so.", "Tarsk Institute for Sea Studies", "Omnigas")
    merge_bracketed_acronyms(ctx)
    assert len(ctx.records.entities) == 2


def test_merging_an_acronym_into_the_one_name_whose_initials_it_spells():
    ctx = _read_apart("Tarsk Oil and Gas Corporation and Velmor Rail signed; TOGC said so.",
                      "Tarsk Oil and Gas Corporation", "Velmor Rail", "TOGC")
    merge_spelled_acronyms(ctx)
    assert {r.key for r in ctx.records.entities} == {"Tarsk Oil and Gas Corporation", "Velmor Rail"}
    ctx = _read_apart("Velmor Rail and VR Holdings met; TOGC said so.", "Velmor Rail", "TOGC")
    merge_spelled_acronyms(ctx)
    assert len(ctx.records.entities) == 2


def test_an_acronym_that_speaks_is_an_organisation_and_the_short_name_of_the_one_it_spells(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Rail freight record\n\n"
        "The line carried a record 1.2 million tonnes in November, VRZ said. Separately, Westland Oil and Gas "
        "Corporation signed a supply deal with Velmor, WOGC said in a statement. LNG imports rose.\n")))
    assert "VRZ" in found, found
    assert "WOGC" not in found and "WOGC" in found.get("Westland Oil and Gas Corporation", set()), found
    assert "LNG" not in found, found


def test_a_name_after_a_descriptor_led_by_a_demonym_is_a_company_even_read_as_a_person(tmp_path):
    found = orgs(extract_written(tmp_path, (
        "Rail section contracted\n\n"
        "Kenya has contracted Norwegian firm Anna Kovar to build the Tarsk-Velmor section, "
        "the transport ministry said.\n")))
    assert "Anna Kovar" in found, found


def test_a_one_word_name_ner_types_as_a_nationality_after_its_descriptor_is_the_company(tmp_path):
    records = extract_written(tmp_path, (
        "Cable contract signed\n\n"
        "The grid operator signed a contract with Italian cable maker Omnivex to lay the cable, and "
        "Peruvian miner Kalvora holds the remaining stake.\n"))
    found = orgs(records)
    assert {"Omnivex", "Kalvora"} <= set(found), found


def test_a_capitalised_word_typed_as_a_nationality_no_state_owns_is_a_name():
    from spacy.tokens import Span

    from relgraph.nlp.org_descriptors import _unknown_nationality
    ctx = _read_apart("They signed with Italian cable maker Omnivex and a Peruvian miner.")
    doc = ctx.doc
    doc.ents = [Span(doc, t.i, t.i + 1, label="NORP") for t in doc if t.text in ("Italian", "Omnivex", "Peruvian")]
    omnivex, italian = (next(t for t in doc if t.text == w) for w in ("Omnivex", "Italian"))
    assert _unknown_nationality(ctx, omnivex) and not _unknown_nationality(ctx, italian)
