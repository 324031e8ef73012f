"""Persons known to a build, and the keys under which article graphs file them.

A new name is a known person when its full-name key is that person's (`Gazetteer.name_variant_key`)
or when `person_match.corpus_match` finds exactly one known person it may be another form of (a
surname alone, a spelling, initials, a name without its middle part). The known persons it is
compared with used to be all those sharing its first or its last word (`lookup_words`), read by
`word:` keys; a given name is shared by thousands of stored persons, so that set grew with the
store (bench/README.md, incremental). Article graphs now file each person's label under its words
by role (`label_keys`), and a new name looks up only the roles through which `corpus_match` can
pair it with a known name (`probe_keys`):

- a full name (two words or more that are not particles) can be a full name ending with its last
  word (`last:`: the same name, another spelling, a middle name more or less, initials for the
  given names), one beginning with its first two words (`head:`: 'Luis Arce' / 'Luis Arce
  Catacora'), its two words the other way round (`last:` of its first word: 'KAMIKAWA Yoko' /
  'Yoko Kamikawa'), a name ending with the initial of its last word (`initial:`), or a one-word
  name equal to its first or its last word (`solo:`); a full name ending with an initial also
  looks up the names beginning with its first word (`first:`);
- a one-word name can be the last word (`last:`), the first word (`first:`) or the whole
  (`solo:`) of a known name.

Of what these keys find, only names sharing a first or last word with the new name are compared,
as before, so the candidates are the old ones less those `corpus_match` can never pair with it
(not looked up any more: a one-word name that a known name holds in its middle while sharing
another of its words, which `names_by_single_word` would pair).
A store written before these keys (no `store.ROLE_MARKER` file) is read through the old `word:` keys
as well (`legacy`), and so are remote stores.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from relgraph.nlp.person_match import (
    core_length, corpus_match, expand_initials, lookup_words, name_keys, surname_form,
)

if TYPE_CHECKING:
    from relgraph.gazetteer import Gazetteer

FIRST, LAST, HEAD, SOLO, INITIAL = "first:", "last:", "head:", "solo:", "initial:"
WORD_KEY = "word:"   # the keys of stores written before the role keys: a first or last word


def _element(word) -> str:
    """An element of `expand_initials` as key text: an initial (a one-letter tuple) as 'k.'."""
    return f"{word[0]}." if isinstance(word, tuple) else word


def label_keys(label: str) -> list[str]:
    """The role keys under which an article graph files a person labelled `label`."""
    keys = name_keys(label)
    if not keys:
        return []
    if core_length(label) < 2:
        return sorted(SOLO + w for w in lookup_words(label))
    expanded = expand_initials(label)
    out = {FIRST + keys[0], LAST + keys[-1], HEAD + "|".join(_element(w) for w in expanded[:2])}
    if isinstance(expanded[-1], tuple):
        out.add(INITIAL + expanded[-1][0])
    return sorted(out)


def probe_keys(name: str) -> set[str]:
    """The role keys under which the known names that `corpus_match` may pair with `name` are filed
    (see the module docstring)."""
    keys = name_keys(name)
    if not keys:
        return set()
    out = {SOLO + w for w in lookup_words(name)} | {LAST + surname_form(keys[-1])}
    if core_length(name) < 2:
        return out | ({FIRST + keys[0]} if len(keys) == 1 else set())
    expanded = expand_initials(name)
    out.add(HEAD + "|".join(_element(w) for w in expanded[:2]))
    if len(expanded) == 2:
        out.add(LAST + surname_form(keys[0]))
    if isinstance(expanded[-1], tuple):
        out.add(FIRST + keys[0])
    else:
        out.add(INITIAL + keys[-1][:1])
    return out


def legacy_keys(name: str) -> set[str]:
    """What a store written before the role keys files the persons that share a word with `name`
    under: the old `word:` keys, and the role keys of the graphs written since."""
    return {prefix + w for w in lookup_words(name) for prefix in (WORD_KEY, FIRST, LAST, SOLO)}


class PersonIndex:
    """The persons a build knows so far, by full-name key, by word and by role key."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.people: dict[str, tuple[str, str]] = {}      # variant key -> (iri, label)
        self.by_word: dict[str, set[str]] = {}            # first/last word key -> variant keys
        self.by_role: dict[str, set[str]] = {}            # role key -> variant keys
        self.labels: dict[str, str] = {}                  # iri -> canonical label
        self.iri_labels: dict[str, set[str]] = {}         # iri -> every label filed for it

    def stored_keys(self, label: str) -> list[str]:
        """The keys an article graph files a person labelled `label` under."""
        return [self.gaz.name_variant_key(label), *label_keys(label)]

    def lookup_keys(self, names: Iterable[str], *, legacy: bool) -> set[str]:
        """The keys to read from the store to resolve `names`."""
        out = set()
        for name in names:
            out.add(self.gaz.name_variant_key(name))
            out |= probe_keys(name) | (legacy_keys(name) if legacy else set())
        return out

    def add(self, iri: str, label: str) -> None:
        """A person known by `label` (stored or new)."""
        key = self.gaz.name_variant_key(label)
        self.people.setdefault(key, (iri, label))
        self.labels.setdefault(iri, label)
        self._file(key, iri, label)

    def add_spelling(self, key: str, iri: str, label: str) -> None:
        """Another spelling of a known person, found by `similar`."""
        self.people[key] = (iri, label)
        self._file(key, iri, label)

    def _file(self, key: str, iri: str, label: str) -> None:
        self.iri_labels.setdefault(iri, set()).add(label)
        for word in lookup_words(label):
            self.by_word.setdefault(word, set()).add(key)
        for role in label_keys(label):
            self.by_role.setdefault(role, set()).add(key)

    def similar(self, name: str, stored_labels: Callable[[str], Iterable[str]] | None = None
                ) -> tuple[str, str] | None:
        """The one known person that `name` is another form of, or None when none or several fit.
        A person known by a full name is matched by a full name only through that name: 'Grace
        Wanjiru' does not join 'Amina Wanjiru' because an article once called her 'Wanjiru'.
        `stored_labels` gives the labels the store holds for a person IRI (None: those read are
        all there are)."""
        words = lookup_words(name)
        filed = set().union(*(self.by_word.get(w, set()) for w in words))
        keys = filed & set().union(*(self.by_role.get(r, set()) for r in probe_keys(name)))
        by_iri: dict[str, list[str]] = {}
        for k in sorted(keys):
            iri, label = self.people[k]
            by_iri.setdefault(iri, []).append(label)
        fits = []
        for iri, labels in sorted(by_iri.items()):
            full = [label for label in labels if len(label.split()) > 1]
            if not full and len(name.split()) > 1:
                full = self._full_labels(iri, words, stored_labels)
            pool = full if full and len(name.split()) > 1 else labels
            if corpus_match(name, pool):
                fits.append(iri)
        return (fits[0], self.labels.get(fits[0], by_iri[fits[0]][0])) if len(fits) == 1 else None

    def _full_labels(self, iri: str, words: set[str], stored_labels) -> list[str]:
        """The full-name labels of `iri` sharing one of `words`, known or stored: a person found by a
        one-word label is compared with a full name only through its full names, even those that
        no role key of the new name finds."""
        labels = set(self.iri_labels.get(iri, ()))
        if stored_labels is not None:
            labels |= set(stored_labels(iri))
        return sorted(label for label in labels if len(label.split()) > 1 and lookup_words(label) & words)
