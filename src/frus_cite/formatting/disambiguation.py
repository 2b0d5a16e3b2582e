"""Disambiguation over the whole set of cited items, as CSL 1.0.2 specifies it.

Two cites are ambiguous when their short form (the cite at a subsequent position, near its
last note and without a locator, as citeproc-js compares them) prints the same.  A style
tells them apart with, in this order:

1. ``disambiguate-add-names``: names hidden by "et al." are shown, one more at a time, until
   no further name tells a cite apart;
2. ``disambiguate-add-givenname``: initials or given names are added to names that share a
   family name; with a ``givenname-disambiguation-rule`` other than ``by-cite`` this is done
   for every name in the document, ambiguous cite or not;
3. ``disambiguate-add-year-suffix``: "a", "b" … in the order of the bibliography (without one,
   of first citation), printed in citations and in the bibliography;
4. the ``disambiguate="true"`` condition for the cites still ambiguous.

:func:`disambiguate` answers a :class:`Disambiguation` for each item; the rendering is done by
the caller's function, so this module knows nothing of citeproc-py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Mapping

from .engine import DISAMBIGUATE_KEY, NAMES_KEY, YEAR_SUFFIX_KEY, NameExpansion
from .engine.disambiguation import NAME_VARIABLES, letters, person_key

__all__ = ["Disambiguation", "NO_DISAMBIGUATION", "Rules", "disambiguate", "letters"]

@dataclass(frozen=True, slots=True)
class Disambiguation:
    """What one item's cites print to tell it apart from the others cited."""

    names: NameExpansion | None = None
    year_suffix: str | None = None
    condition: int = 0
    """CSL's ``disambiguate="true"``: true for the first *condition* such tests a cite meets
    (citeproc-js makes them true one more at a time)."""

    def citation_item_keys(self) -> dict[str, Any]:
        """The keys of a citeproc-py ``CitationItem`` that carry it to the engine layer."""
        keys: dict[str, Any] = {}
        if self.names is not None:
            keys[NAMES_KEY] = self.names
        if self.year_suffix:
            keys[YEAR_SUFFIX_KEY] = self.year_suffix
        if self.condition:
            keys[DISAMBIGUATE_KEY] = self.condition
        return keys


NO_DISAMBIGUATION = Disambiguation()


@dataclass(frozen=True, slots=True)
class Rules:
    """A style's disambiguation options (read once per style)."""

    add_names: bool = False
    add_givenname: bool = False
    givenname_rule: str = "by-cite"
    add_year_suffix: bool = False
    conditions: int = 0  # the style's disambiguate="true" tests

    @classmethod
    def of(cls, citation, conditions: int) -> "Rules":
        def flag(name: str) -> bool:
            return citation.get(name) == "true"

        return cls(flag("disambiguate-add-names"), flag("disambiguate-add-givenname"),
                   citation.get("givenname-disambiguation-rule", "by-cite"), flag("disambiguate-add-year-suffix"),
                   conditions)

    @property
    def condition(self) -> bool:
        return self.conditions > 0

    @property
    def active(self) -> bool:
        return self.add_names or self.add_givenname or self.add_year_suffix or self.condition

    @property
    def global_names(self) -> bool:
        """Given names are added wherever a family name is shared, not only in ambiguous cites."""
        return self.add_givenname and self.givenname_rule != "by-cite"


Person = tuple[str, str]
Render = Callable[[str, Disambiguation], str]


def people(item: Mapping[str, Any]) -> list[Person]:
    """The persons an item names, in order (the first names variable's first)."""
    found: list[Person] = []
    for variable in NAME_VARIABLES:
        for name in item.get(variable) or []:
            if isinstance(name, Mapping) and name.get("family") and not name.get("literal"):
                found.append(person_key(name))
    return found


def _initials(given: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\s.\-]+", given) if word[0].isupper())


def _same_given(one: str, other: str) -> bool:
    """The same given name, however its initials are spaced ("J. J." and "J.J.")."""
    return re.sub(r"[\s.]", "", one) == re.sub(r"[\s.]", "", other)


def _level(person: Person, rivals: Iterable[Person], rule: str) -> int:
    """The given-name level that tells *person* from *rivals* of the same family name:
    1 initials, 2 the whole given name (0: initials do not help and the rule stops there)."""
    others = [r for r in rivals if r[0] == person[0] and not _same_given(r[1], person[1])]
    if not others:
        return 0
    if all(_initials(r[1]) != _initials(person[1]) for r in others):
        return 1
    return 0 if rule.endswith("with-initials") else 2


def global_levels(persons: Mapping[str, list[Person]], rule: str) -> dict[str, tuple]:
    """Given-name levels for every item (*persons*: each item's :func:`people`), for the rules
    that act document-wide (``all-names``, ``primary-name`` and their ``-with-initials`` forms)."""
    primary = rule.startswith("primary-name")
    listed = {key: found[:1] if primary else found for key, found in persons.items()}
    by_family: dict[str, set[Person]] = defaultdict(set)
    for found in listed.values():
        for person in found:
            by_family[person[0]].add(person)
    index = 0 if primary else -1
    levels = {}
    for key, found in listed.items():
        levels[key] = tuple(((index, p), level) for p in found
                            if len(by_family[p[0]]) > 1 and (level := _level(p, by_family[p[0]], rule)))
    return levels


Memo = dict[tuple[Any, ...], dict[Any, Disambiguation]]


def disambiguate(items: Mapping[str, Mapping[str, Any]], order: Callable[[], list[str]], rules: Rules,
                 render: Render, persons: Mapping[str, list[Person]] | None = None, memo: Memo | None = None,
                 identity: Callable[[str], Any] | None = None) -> dict[str, Disambiguation]:
    """Each item's :class:`Disambiguation`.  *order* gives the item ids in bibliography order
    (year-suffixes follow it; asked only then); *render* gives an item's short form under a
    disambiguation; *persons*, each item's :func:`people`, if the caller keeps them.

    What is decided for a set of ambiguous items depends on that set only, so a caller that
    asks again as items become known passes a *memo* it keeps: only the set a new item joins
    is examined again.  *identity* names an item in the memo (its content, when the memo is
    shared by engines; by default its id)."""
    persons = persons if persons is not None else {key: people(item) for key, item in items.items()}
    memo = memo if memo is not None else {}
    identity = identity or (lambda key: key)
    if rules.global_names:
        levels = global_levels(persons, rules.givenname_rule)
        state = {key: Disambiguation(NameExpansion(None, levels[key])) if levels[key] else NO_DISAMBIGUATION
                 for key in items}
    else:
        state = {key: NO_DISAMBIGUATION for key in items}
    most = max((len(found) for found in persons.values()), default=0) if rules.add_names else 0
    for group in _ambiguous(state, render):
        _decided(("names", most), group, state, memo, identity,
                 lambda: _tell_apart(group, persons, rules, render, state, most, memo, identity))
    if rules.add_year_suffix:
        _year_suffixes(state, order, render, rules)
    if rules.condition:
        for group in _ambiguous(state, render):
            _decided(("conditions",), group, state, memo, identity,
                     lambda: _make_conditions_true(group, rules.conditions, render, state, memo, identity))
    return state


def _decided(step: tuple[Any, ...], group: list[str], state: dict[str, Disambiguation], memo: Memo,
             identity: Callable[[str], Any], decide: Callable[[], None]) -> None:
    """*decide* a set of ambiguous items (it updates *state*), or take what it decided before
    for the same items in the same state."""
    key = (*step, frozenset((identity(member), state[member]) for member in group))
    kept = memo.get(key)
    if kept is None:
        decide()
        kept = _keep(memo, key, {identity(member): state[member] for member in group})
    for member in group:
        state[member] = kept[identity(member)]


_MEMO_LIMIT = 50_000


def _keep(memo: dict, key: Any, value: Any) -> Any:
    if len(memo) > _MEMO_LIMIT:  # a long-lived process starts afresh, as the renderer's caches do
        memo.clear()
    memo[key] = value
    return value


Tries = tuple[list[Disambiguation], list[str]]


def _tries(memo: dict, key: Any, candidates: Callable[[], list[Disambiguation]], render: Callable[[Disambiguation], str]) -> Tries:
    """An item's candidates and their short forms, kept: as a set of ambiguous items grows,
    its older members are tried the same way again."""
    kept = memo.get(key)
    if kept is None:
        tried = candidates()
        kept = _keep(memo, key, (tried, [render(candidate) for candidate in tried]))
    return kept


def _make_conditions_true(group: list[str], conditions: int, render: Render, state: dict[str, Disambiguation],
                          memo: dict, identity: Callable[[str], Any]) -> None:
    """Step 4: the ``disambiguate="true"`` tests made true one more at a time; a cite keeps the
    fewest that bring its degree of ambiguity lowest, all of them when none lowers it."""
    rows = {key: _tries(memo, ("condition tries", conditions, identity(key), state[key]),
                        lambda key=key: [replace(state[key], condition=count) for count in range(1, conditions + 1)],
                        lambda candidate, key=key: render(key, candidate)) for key in group}
    best = {key: (len(group), replace(state[key], condition=conditions)) for key in group}
    for index in range(conditions):
        degrees = Counter(rows[key][1][index] for key in group)
        for key in group:
            degree = degrees[rows[key][1][index]]
            if degree < best[key][0]:
                best[key] = (degree, rows[key][0][index])
    for key in group:
        state[key] = best[key][1]


def _ambiguous(state: Mapping[str, Disambiguation], render: Render) -> list[list[str]]:
    """Sets of items whose short forms print the same."""
    forms: dict[str, list[str]] = defaultdict(list)
    for key, disambiguation in state.items():
        forms[render(key, disambiguation)].append(key)
    return [group for group in forms.values() if len(group) > 1]


def _tell_apart(group: list[str], persons: Mapping[str, list[Person]], rules: Rules, render: Render,
                state: dict[str, Disambiguation], most: int, memo: dict, identity: Callable[[str], Any]) -> None:
    """Steps 1 and 2 for one set of ambiguous items.  Each cite is tried with one more name
    shown at a time (up to *most*, the most names an item has), each count with given names
    added person by person (by cite); its *degree* is how many items of the set print the
    same under the same settings.  A cite keeps the first settings that bring its degree
    lowest, its short form when none lowers it (the year-suffix is then left to tell it apart)."""
    by_cite = rules.add_givenname and rules.givenname_rule == "by-cite"
    if not (rules.add_names or by_cite):
        return
    rivals = {p for key in group for p in persons[key]}
    levels = {person: _level(person, rivals, "by-cite") for person in rivals}  # once per set, not per try
    settings = [(shown, step) for shown in ([*range(1, most + 1)] or [None])
                for step in range(0, (shown or most or len(rivals)) + 1 if by_cite else 1)]
    # an item's tries depend on its own persons' levels, not on the rest of the set
    rows = {key: _tries(memo, ("name tries", most, by_cite, len(rivals), identity(key), state[key],
                               tuple(levels[person] for person in persons[key])),
                        lambda key=key: [_candidate(state[key], shown, persons[key], step, levels) for shown, step in settings],
                        lambda candidate, key=key: render(key, candidate)) for key in group}
    base = {key: render(key, state[key]) for key in group}
    base_degrees = Counter(base.values())
    best = {key: (base_degrees[base[key]], state[key]) for key in group}
    started: set[str] = set()
    for index, (shown, step) in enumerate(settings):
        degrees = Counter(rows[key][1][index] for key in group)
        for key in group:
            form = rows[key][1][index]
            if key not in started:  # not below the style's own count of names
                if step or (shown is not None and form != base[key]):
                    continue
                started.add(key)
            degree = degrees[form]
            if degree < best[key][0]:
                best[key] = (degree, rows[key][0][index])
    for key in group:
        state[key] = best[key][1]


def _candidate(disambiguation: Disambiguation, shown: int | None, persons: list[Person], step: int,
               levels: Mapping[Person, int]) -> Disambiguation:
    """*disambiguation* with *shown* names and given names added to its first *step* persons
    that share a family name with a rival (*levels*: each person's, see :func:`_level`)."""
    names = disambiguation.names or NameExpansion()
    added = tuple(((-1, person), levels[person]) for person in persons[:step] if levels[person])
    expansion = NameExpansion(shown if shown is not None else names.shown, names.levels + added)
    return Disambiguation(expansion, disambiguation.year_suffix, disambiguation.condition)


def _year_suffixes(state: dict[str, Disambiguation], order: Callable[[], list[str]], render: Render, rules: Rules) -> None:
    """Step 3: "a", "b" … to the items of each set still ambiguous, in bibliography order."""
    groups = _ambiguous(state, render)
    rank = {key: index for index, key in enumerate(order())} if groups else {}
    for group in groups:
        for number, key in enumerate(sorted(group, key=lambda k: rank.get(k, len(rank))), start=1):
            state[key] = replace(state[key], year_suffix=letters(number))
