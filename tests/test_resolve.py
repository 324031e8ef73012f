"""Corpus-level identity: one node per real-world fact and person."""
import pytest

from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker, slug
from relgraph.records import ArticleRecords, Evidence, FactRecord, Ref
from relgraph.fact_identity import KnownFact, project_core, same_fact
from relgraph.resolve import CorpusIndex

BASE = "https://example.org/id/"
EV = Evidence("s", 0, 1, "test", 0.5)


def known(kind, type_=None, participants=(), places=(), date=None, core=""):
    return KnownFact("", kind, type_, "x", core, {BASE + p for p in participants}, {BASE + p for p in places}, date)


def test_slugs_are_readable_and_stable():
    assert slug("Sergei Lavrov") == "sergei-lavrov"
    assert slug("Côte d'Ivoire") == "cote-divoire"
    assert slug("  ") == "x"


def test_project_core_ignores_articles_and_generic_words():
    assert project_core("The North-South gas pipeline project") == project_core("North-South gas pipeline")


def test_project_core_ignores_the_order_of_a_route():
    assert project_core("Tirana–Skopje railway") == project_core("Skopje-Tirana railway")


@pytest.mark.parametrize("a,b,same", [
    (known("event", "Visit", ["person/a", "state/x"], ["city/c"], "2021-04"),
     known("event", "Visit", ["person/a"], ["city/c"], "2021-04-06"), True),
    (known("event", "Visit", ["person/a"], ["city/c"], "2021-04"),
     known("event", "Visit", ["person/b"], ["city/c"], "2021-04"), False),
    (known("event", "Visit", ["person/a"], ["city/c"], "2021-04"),
     known("event", "Meeting", ["person/a"], ["city/c"], "2021-04"), False),
    (known("event", "Meeting", ["state/x", "state/y"], [], "2021-03"),
     known("event", "Meeting", ["state/x", "state/y"], [], "2021-05"), False),
    (known("event", "Statement", ["organization/o", "state/x"], [], "2023-06"),
     known("event", "Statement", ["person/p", "state/x"], [], "2023-06"), False),
    (known("agreement", participants=["state/x", "state/y"], date="2023-04", core="oil"),
     known("agreement", participants=["state/y", "state/x"], date="2023-04", core="oil"), True),
    (known("agreement", participants=["state/x", "state/y"], date="2023-04", core="oil"),
     known("agreement", participants=["state/x", "state/y"], date="2023-04", core="gas"), False),
    (known("project", participants=["state/x"], core="pilot"), known("project", participants=["state/x", "state/z"],
                                                                     core="pilot"), True),
    (known("project", participants=["state/x"], core="pilot"), known("project", participants=["state/z"],
                                                                     core="pilot"), False),
    # A shorter name of two words or more inside a longer one is the same project; one word is not.
    (known("project", participants=["state/x"], core="railway skopje tirana"),
     known("project", participants=["state/x"], core="high railway skopje speed tirana"), True),
    (known("project", participants=["state/x"], core="pipeline"),
     known("project", participants=["state/x"], core="gas pipeline"), False),
    # One shared person is not enough when each meeting has a counterpart the other lacks.
    (known("event", "Meeting", ["person/h", "person/w"], [], "2022-09"),
     known("event", "Meeting", ["person/h", "person/p"], [], None), False),
    (known("event", "Meeting", ["person/h", "person/w"], [], "2022-09"),
     known("event", "Meeting", ["person/h", "person/w", "person/x"], [], None), True),
])
def test_same_fact(a, b, same):
    assert same_fact(a, b) is same


def test_projects_whose_proper_names_agree_are_one():
    def project(label):
        return KnownFact("", "project", None, label, project_core(label), {BASE + "state/x"})
    assert same_fact(project("Mambilla hydropower project"), project("Mambilla plant"))
    assert not same_fact(project("Kano-Kaduna railway"), project("Kaduna-Abuja railway"))
    assert not same_fact(project("Supply of 10 units"), project("Supply of Sputnik V vaccine"))


def _records(article_id, participants, date):
    rec = ArticleRecords(article_id)
    for ref in participants:
        rec.entity(ref.kind, ref.key)
    rec.facts.append(FactRecord("event", "Visit of Sergei Lavrov", type="Visit", participants=list(participants),
                                places=[Ref("city", "Islamabad")], date=date, evidence=[EV]))
    return rec


def test_two_reports_of_one_visit_share_a_node_and_spellings_share_a_person():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    first = _records("a", [Ref("person", "Sergei Lavrov"), Ref("state", "Russia")], "2021-04")
    second = _records("b", [Ref("person", "Sergey Lavrov"), Ref("state", "Russia")], "2021-04-06")
    index.resolve(first)
    index.resolve(second)
    assert first.facts[0].key == second.facts[0].key
    assert index.iris.person_iris["Sergei Lavrov"] == index.iris.person_iris["Sergey Lavrov"]


def test_different_facts_with_the_same_label_get_different_iris():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    a = _records("a", [Ref("person", "Wang Yi")], "2020-01")
    b = _records("b", [Ref("person", "Olaf Scholz")], "2024-01")
    index.resolve(a)
    index.resolve(b)
    assert a.facts[0].key != b.facts[0].key


def test_index_finds_stored_persons_by_name_key_and_facts_by_shared_actors():
    """The index reads only candidates: a spelling variant of a stored person, a stored visit of the
    same person; the graph being rebuilt is never read."""
    from relgraph.mapping import article_quads
    from relgraph.store import open_store

    gaz, store = default_gazetteer(), open_store(None)

    def A(id_):  # an article with the fields the mapping reads
        from relgraph.articles import Article

        return Article(id=id_, source=f"{id_}.txt", title="t", published=None, publisher=None, url=None,
                       raw_text="", text="", sha256="0" * 64)

    first = CorpusIndex.from_store(store, gaz, IriMaker(BASE), set())
    stored = _records("a", [Ref("person", "Sergei Lavrov"), Ref("state", "Russia")], "2021-04")
    first.resolve(stored)
    store.replace_graphs([], article_quads(A("a"), stored, first.iris, first.labels) + first.key_quads(stored))
    unrelated = _records("u", [Ref("person", "Olaf Scholz")], "2024-01")
    unrelated.facts[0].places = [Ref("city", "Berlin")]
    u_index = CorpusIndex.from_store(store, gaz, IriMaker(BASE), set())
    u_index.resolve(unrelated)
    store.replace_graphs([], article_quads(A("u"), unrelated, u_index.iris, u_index.labels)
                         + u_index.key_quads(unrelated))

    index = CorpusIndex.from_store(store, gaz, IriMaker(BASE), {BASE + "graph/b"})
    assert index.queries == 0  # nothing is read up front
    second = _records("b", [Ref("person", "Sergey Lavrov"), Ref("state", "Russia")], "2021-04-06")
    index.resolve(second)
    assert index.iris.person_iris["Sergey Lavrov"] == BASE + "person/sergei-lavrov"
    assert second.facts[0].key == stored.facts[0].key
    assert [f.iri for f in index.facts] == [stored.facts[0].key]  # Scholz's visit was never read

    # Rebuilding "a" itself: its own graph is skipped, so its visit gets the same IRI again.
    again = CorpusIndex.from_store(store, gaz, IriMaker(BASE), {BASE + "graph/a"})
    rebuilt = _records("a", [Ref("person", "Sergei Lavrov"), Ref("state", "Russia")], "2021-04")
    again.resolve(rebuilt)
    assert rebuilt.facts[0].key == stored.facts[0].key


def scan_index(store, gaz, iris, skip_graphs):
    """Reference: an index loaded by reading every person and fact of the kept graphs up front
    (what the resolver did before it looked candidates up)."""
    from relgraph.namespaces import DIP

    index = CorpusIndex(gaz, iris)
    keep = "".join(f" <{g}>" for g in sorted(set(store.named_graphs()) - set(skip_graphs)))
    if not keep.strip():
        return index
    values = f"VALUES ?g {{{keep} }}"
    for p, label in sorted({(r["p"].value, r["label"].value) for r in store.query(f"""SELECT ?p ?label WHERE {{
            {values} GRAPH ?g {{ ?p a <{DIP}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}""")}):
        index.add_person(p, label)
    # Every fact of the kept graphs, turned into known facts by the resolver's own row reader.
    index._remember_fact_rows(list(store.query(f"""SELECT ?g ?f ?cls ?label ?rel ?o WHERE {{ {values}
            GRAPH ?g {{ ?f a ?cls ; <http://www.w3.org/2000/01/rdf-schema#label> ?label .
              VALUES ?cls {{ <{DIP}Agreement> <{DIP}Project> <{DIP}Visit> <{DIP}Meeting> <{DIP}Consultation>
                            <{DIP}PressConference> <{DIP}Signing> <{DIP}Statement> }}
              OPTIONAL {{ ?f ?rel ?o VALUES ?rel {{ <{DIP}party> <{DIP}participant> <{DIP}place>
                                                 <{DIP}projectLocation> <{DIP}date> <{DIP}topic> }} }} }} }}""")))
    return index


def test_looking_candidates_up_resolves_like_reading_everything(tmp_path):
    """Add articles to a built store: the index that looks candidates up gives every person and fact
    the IRI that an index loaded with the whole store gives, and reads less."""
    import shutil

    from relgraph.articles import iter_articles
    from relgraph.build import build
    from relgraph.nlp.extract import extract_article
    from relgraph.settings import REPO_ROOT, Settings
    from relgraph.store import open_store

    articles = sorted((REPO_ROOT / "data" / "articles").glob("*"))
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir(), rest.mkdir()
    for p in articles:
        shutil.copy(p, (first if p.name.startswith(("000_", "001_", "003_")) else rest) / p.name)
    build([first], Settings.load(store=tmp_path / "store"))
    store, gaz = open_store(tmp_path / "store"), default_gazetteer()
    new = list(iter_articles([rest]))
    base = "https://w3id.org/relgraph/id/"
    skip = {IriMaker(base).graph(a.id) for a in new}
    looked, scanned = CorpusIndex.from_store(store, gaz, IriMaker(base), skip), scan_index(store, gaz, IriMaker(base), skip)
    keys = set()
    for article in new:
        records = [extract_article(article), extract_article(article)]
        looked.resolve(records[0])
        scanned.resolve(records[1])
        assert [f.key for f in records[0].facts] == [f.key for f in records[1].facts]
        keys |= {f.key for f in records[0].facts}
    assert looked.iris.person_iris == scanned.iris.person_iris
    stored = {f.iri for f in scanned.facts if f.articles & {f"{base}graph/000_d41b808b5fb25158",
                                                            f"{base}graph/003_d76d9ba795c697e9"}}
    assert keys & stored  # some new report joined a fact stored by the first build
    assert len(looked.facts) < len(scanned.facts)


def _people(article_id, *names):
    rec = ArticleRecords(article_id)
    for name in names:
        rec.entity("person", name)
    return rec


@pytest.mark.parametrize("first, second", [
    ("Ranil Kumara Wickramanayake", "Wickramanayake"),         # a surname alone in another article
    ("Wickramanayake", "Ranil Kumara Wickramanayake"),         # ... read before the full name
    ("Ranil Kumara Wickramanayake", "Ranil Kumara Wickramanayaka"),
    ("Kamal Rohan Perera", "K.R. Perera"),
    ("Viktor Lyashenko", "Viktor Liashenko"),
    ("TANAKAWA Emi", "Emi Tanakawa"),
])
def test_other_forms_of_a_name_in_other_articles_share_the_person(first, second):
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    index.resolve(_people("a", first))
    index.resolve(_people("b", second))
    assert index.iris.person_iris[first] == index.iris.person_iris[second]


def test_a_surname_shared_by_two_known_people_stays_apart():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    index.resolve(_people("a", "Amina Wanjiru", "Grace Wanjiru"))
    index.resolve(_people("b", "Wanjiru"))
    iris = index.iris.person_iris
    assert iris["Wanjiru"] not in {iris["Amina Wanjiru"], iris["Grace Wanjiru"]}


def test_a_stored_person_is_found_by_a_surname_through_its_word_keys():
    from relgraph.store import open_store

    gaz, store = default_gazetteer(), open_store(None)
    first = CorpusIndex.from_store(store, gaz, IriMaker(BASE), set())
    stored = _people("a", "Ranil Kumara Wickramanayake")
    first.resolve(stored)
    store.replace_graphs([], first.key_quads(stored) + _label_quads(first, stored))
    later = CorpusIndex.from_store(store, gaz, IriMaker(BASE), set())
    later.resolve(_people("b", "Wickramanayake"))
    assert later.iris.person_iris["Wickramanayake"] == first.iris.person_iris["Ranil Kumara Wickramanayake"]


def _label_quads(index, records):
    import pyoxigraph as ox

    graph = ox.NamedNode(index.iris.graph(records.article_id))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    return [ox.Quad(ox.NamedNode(index.iris.person_iris[r.key]), label, ox.Literal(r.key), graph)
            for r in records.entities if r.kind == "person"]


def test_a_surname_once_joined_to_a_full_name_does_not_pull_in_another_full_name():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    index.resolve(_people("a", "Wanjiru"))
    index.resolve(_people("b", "Amina Wanjiru"))
    index.resolve(_people("c", "Grace Wanjiru"))
    iris = index.iris.person_iris
    assert iris["Wanjiru"] == iris["Amina Wanjiru"] != iris["Grace Wanjiru"]
