"""Persons by role key: every known name that `corpus_match` pairs with a new one is found through
the keys, and looking a person up reads the same rows however many stored persons share its given
name."""
from itertools import product

import pyoxigraph as ox
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.nlp.person_match import corpus_match, lookup_words
from relgraph.person_index import PersonIndex, label_keys, probe_keys
from relgraph.records import ArticleRecords
from relgraph.resolve import CorpusIndex

BASE = "https://example.org/id/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

# Forms of names that articles use: full names, middle names, initials, particles, family name
# first, a surname or a given name alone, transliterations, a name ending with an initial.
NAMES = [
    "Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Sergei", "Luis Arce", "Luis Arce Catacora", "Arce",
    "Ranil Kumara Wickramanayake", "Ranil Wickramanayaka", "Wickramanayake", "Kamal Rohan Perera",
    "K.R. Perera", "KP Sharma Oli", "Khadga Prasad Sharma Oli", "K. P. Sharma Oli", "Oli", "Sharma Oli",
    "TANAKAWA Emi", "Emi Tanakawa", "Tanakawa", "Mohammed Shia al-Sudani", "al-Sudani", "Sudani",
    "Mia Mottley", "Mia Amor Mottley", "Amor Mottley", "Mottley", "Amina Wanjiru", "Grace Wanjiru",
    "Wanjiru", "John Smith", "John S.", "John", "Smith", "Viktor Lyashenko", "Viktor Liashenko",
    "Volodymyr Zelensky", "Zelenskyy", "Sidi Ould Tah", "Ould Tah", "Emi", "Grace",
]


def test_every_name_that_corpus_match_pairs_is_found_by_a_role_key():
    """The old candidates were the known names sharing a first or last word with the new one; of
    those, every one that `corpus_match` pairs with it shares a role key with it."""
    paired = [(new, known) for new, known in product(NAMES, NAMES)
              if new != known and lookup_words(new) & lookup_words(known) and corpus_match(new, [known])]
    assert len(paired) > 40
    assert [p for p in paired if not probe_keys(p[0]) & set(label_keys(p[1]))] == []


def test_a_full_name_does_not_look_up_its_given_name_alone():
    """'Sergei' as a first word is no key of 'Sergei Ivanov': the thousands of Sergeis are not read."""
    assert "first:sergei" not in probe_keys("Sergei Ivanov")
    assert "first:sergei" in label_keys("Sergei Petrov")
    assert not probe_keys("Sergei Ivanov") & set(label_keys("Sergei Petrov"))


def _write_people(store, article_id: str, names: list[str]) -> None:
    """One article graph naming `names`, with their labels and keys, as a build writes them."""
    index = CorpusIndex.from_store(store, default_gazetteer(), IriMaker(BASE), set())
    records = ArticleRecords(article_id)
    for name in names:
        records.entity("person", name)
    index.resolve(records)
    graph = ox.NamedNode(index.iris.graph(article_id))
    labels = [ox.Quad(ox.NamedNode(index.iris.person_iris[n]), RDFS_LABEL, ox.Literal(n), graph) for n in names]
    store.replace_graphs([], labels + index.key_quads(records))


def _resolve(store, names: list[str]) -> tuple[CorpusIndex, dict[str, str]]:
    index = CorpusIndex.from_store(store, default_gazetteer(), IriMaker(BASE), set())
    records = ArticleRecords("new")
    for name in names:
        records.entity("person", name)
    index.resolve(records)
    return index, dict(index.iris.person_iris)


def test_looking_a_person_up_reads_the_same_rows_however_many_share_its_given_name(tmp_path):
    """Resolve the same names against a store and against that store plus 60 more persons sharing
    their given names (and one their surname's initial): the lookups return the same rows and the
    names get the same persons. Reading every stored person that shares a word of the name (the
    old word keys) reads 60 more persons' labels from the larger store."""
    from relgraph.store import open_store

    small, large = open_store(tmp_path / "small"), open_store(tmp_path / "large")
    known = ["Sergei Ivanov", "Amina Wanjiru", "Luis Arce Catacora"]
    for store in (small, large):
        _write_people(store, "a", known)
    crowd = [f"{given} Petrov{k}" for k in range(20) for given in ("Sergei", "Amina", "Luis")]
    _write_people(large, "b", crowd)
    new = ["Sergei Ivanov", "Ivanov", "Grace Wanjiru", "Luis Arce"]
    (a, iris_a), (b, iris_b) = _resolve(small, new), _resolve(large, new)
    assert iris_a == iris_b
    assert iris_a["Ivanov"] == iris_a["Sergei Ivanov"] == BASE + "person/sergei-ivanov"
    assert iris_a["Luis Arce"] == BASE + "person/luis-arce-catacora"
    assert iris_a["Grace Wanjiru"] != BASE + "person/amina-wanjiru"
    assert (a.queries, a.rows_read) == (b.queries, b.rows_read)
    assert 0 < a.rows_read < 40


def test_a_store_without_the_role_marker_is_read_through_the_word_keys_too(tmp_path):
    """A store that may hold graphs written before the role keys (no marker) is read through the old
    word keys as well, so a person filed only under `word:` keys is still found."""
    from relgraph.store import ROLE_MARKER, open_store

    store = open_store(tmp_path / "old")
    gaz = default_gazetteer()
    graph, person = ox.NamedNode(BASE + "graph/old"), ox.NamedNode(BASE + "person/ranil-wickramanayake")
    hidden = ox.NamedNode("http://www.w3.org/2004/02/skos/core#hiddenLabel")
    old_keys = [gaz.name_variant_key("Ranil Wickramanayake"),
                *(f"word:{w}" for w in lookup_words("Ranil Wickramanayake"))]
    store.replace_graphs([], [ox.Quad(person, RDFS_LABEL, ox.Literal("Ranil Wickramanayake"), graph)]
                         + [ox.Quad(person, hidden, ox.Literal(k), graph) for k in old_keys])
    (tmp_path / "old" / ROLE_MARKER).unlink()
    index, iris = _resolve(store, ["Wickramanayake"])
    assert not index.roles
    assert iris["Wickramanayake"] == person.value


def test_a_person_found_by_a_one_word_label_is_compared_through_its_full_names():
    """'Wanjiru' once joined 'Amina Wanjiru': 'Grace Wanjiru' is not that person, even when only the
    one-word label shares a role key with it."""
    people = PersonIndex(default_gazetteer())
    people.add(BASE + "person/amina-wanjiru", "Amina Wanjiru")
    people.add_spelling("wanjiru", BASE + "person/amina-wanjiru", "Wanjiru")
    assert people.similar("Grace Wanjiru") is None
    assert people.similar("A. Wanjiru") == (BASE + "person/amina-wanjiru", "Amina Wanjiru")
