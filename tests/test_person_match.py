"""When two spellings name one person (relgraph.nlp.person_match). Invented names throughout."""
import pytest

from relgraph.nlp.person_match import (
    corpus_match, expand_initials, lookup_words, name_keys, names_by_surname, same_full_name, sound_key,
)


@pytest.mark.parametrize("a, b", [
    ("Lyashenko", "Liashenko"), ("Morozovskyy", "Morozovsky"), ("Shyaa", "Shia"), ("Karimayev", "Karimaev"),
    ("Mustafá", "Mustafa"), ("Wiktor", "Viktor"),
])
def test_transliteration_variants_of_a_word_share_a_sound_key(a, b):
    assert sound_key(a) == sound_key(b)


def test_different_words_keep_different_keys():
    assert sound_key("Ivanov") != sound_key("Ivanova")
    assert name_keys("Sergei Ivanov") != name_keys("Sergei Ivanova")


def test_a_long_surname_ending_in_another_vowel_is_the_same_surname():
    assert name_keys("Ranil Wickramanayaka") == name_keys("Ranil Wickramanayake")


@pytest.mark.parametrize("a, b, same", [
    ("Mia Rose Thornbury", "Mia Thornbury", True),              # without the middle name
    ("K.R. Gunasekera Perera", "Kamal Rohan Gunasekera Perera", True),   # initials
    ("KR Perera", "Kamal Rohan Perera", True),
    ("TANAKAWA Emi", "Emi Tanakawa", True),                      # family name first
    ("Mohammed Shyaa Al-Kadhimi", "Mohammed Shia al-Kadhimi", True),
    ("Mia Thornbury", "Leo Thornbury", False),                   # another person of the family
    ("Hamad bin Saif Al Nuaimi", "Rashid bin Saif Al Nuaimi", False),
    ("Mia Rose Thornbury", "Mia Rose Thornbury-Hale", True),     # a second surname after
    ("Pedro Alvarez", "Pedro Alvarez Montoya", True),
    ("Pedro Alvarez", "Pedro Montoya Alvarez", True),            # ... or before the first one
    ("Pedro Alvarez", "Pedro Montoya", False),
])
def test_same_full_name(a, b, same):
    assert same_full_name(a, b) is same
    assert same_full_name(b, a) is same


def test_initials_expand_to_one_letter_words():
    assert expand_initials("K.P. Lal") == [("k",), ("p",), "lal"]


def test_a_single_word_is_a_surname_else_a_name_inside_else_a_first_name():
    names = ["Joseph Kiprono Mwangi", "Luis Arce Catacora", "Prasetyo Wibowo", "Amina Prasetyo"]
    assert names_by_surname("Mwangi", names) == ["Joseph Kiprono Mwangi"]
    assert names_by_surname("Arce", names) == ["Luis Arce Catacora"]
    assert names_by_surname("Prasetyo", names) == ["Amina Prasetyo"]  # a surname before a given name
    assert names_by_surname("Joseph", names) == ["Joseph Kiprono Mwangi"]


def test_a_particle_surname_matches_the_end_of_a_full_name():
    names = ["Noura bint Saif Al Nuaimi", "Saif Al Kaabi"]
    assert names_by_surname("Al Nuaimi", names) == ["Noura bint Saif Al Nuaimi"]


def test_corpus_match_both_ways():
    assert corpus_match("Wickramanayake", ["Ranil Wickramanayaka"]) == ["Ranil Wickramanayaka"]
    assert corpus_match("Ranil Wickramanayake", ["Wickramanayake"]) == ["Wickramanayake"]
    assert corpus_match("Ranil Wickramanayake", ["Ranil Perera"]) == []
    assert lookup_words("Ranil Kumara Perera") == {"ranil", "perera"}
    assert lookup_words("Wickramanayaka") >= lookup_words("Ranil Wickramanayake") - {"ranil"}
