"""IRI slugs: folded, hyphenated, cut to 80 characters, and always a slug the entity pages serve."""
from relgraph.iris import slug
from relgraph.web.links import ENTITY_SLUG


def test_names_are_folded_and_hyphenated():
    assert slug("Sergei Lavrov") == "sergei-lavrov"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug("Côte d’Ivoire") == "cote-divoire"
    assert slug("!!!") == "x"


def test_a_long_name_cut_at_a_word_break_does_not_end_in_a_hyphen():
    # 79 letters, then a space: the 80th character is the hyphen the space becomes.
    name = "a" * 79 + " memorandum on cooperation"
    cut = slug(name)
    assert cut == "a" * 79
    assert ENTITY_SLUG.fullmatch(cut)
    long_words = " ".join(["cooperation"] * 12)
    assert len(slug(long_words)) <= 80 and ENTITY_SLUG.fullmatch(slug(long_words))
