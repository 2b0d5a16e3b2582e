"""Who a FRUS heading means: a party's printed role and surname, the document's date and volume
→ the person's full name, with the record that decided it — or the printed form kept, with why.

The rules, in order (each says why it decided; none guesses):

1. **office** — a role the data records (Secretary of State, Ambassador in …, President) names
   whoever held it on the date; with a surname, only a holder of that surname.
2. **persons list** — a surname the volume's list of persons names once (a TEI volume's own
   list first, else the people data's copy of it); two persons of the surname are told apart by
   the printed role against each one's identification in that list.
3. **in office** — a surname borne by exactly one official in any post on the date.
4. **only official living** — a surname borne by exactly one person of the data alive on the
   date, and that person an official of the Department (POCOM).

Everything else — an institution ("the Embassy in Israel"), an unknown office, a date the data
does not reach, two candidates — keeps the printed form, and the result says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Literal, Mapping, Sequence

from ..model import Party
from ..model import ListedPerson
from .data import DataError, ListEntry, Person, PersonsData, Tenure, date_range, fold, load_persons_data
from .roles import Office, is_institution, read_role

__all__ = ["ResolvedName", "Rule", "resolve_party", "resolve_parties"]

Rule = Literal["office", "persons list", "in office", "only official living", "author", "as printed"]


_ISO_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?")
"""A date, partial date, or interval of them ("1944/1945": a volume's years for an undated document)."""


@dataclass(frozen=True, slots=True)
class ResolvedName:
    """The name a note gives a party, and the record that decided it."""

    printed: str
    """The party as the heading prints it: "The Ambassador in the Soviet Union (Harriman)"."""
    name: str | None
    """The full name ("W. Averell Harriman"), or ``None`` when the printed form is kept."""
    given: str | None = None
    family: str | None = None
    suffix: str | None = None
    rule: Rule = "as printed"
    """Which rule decided (see the module's documentation)."""
    record: str | None = None
    """The deciding record: "pocom:harriman-william-averell", "people:113770", "tei:p_BM1"."""
    position: str | None = None
    """The post that decided: "Ambassador Extraordinary and Plenipotentiary, Russia"."""
    start: str | None = None
    end: str | None = None
    """The dates of that post (ISO), when a post decided."""
    reason: str = ""
    """One sentence a historian can check: what was matched, or why nothing was."""

    @property
    def resolved(self) -> bool:
        return self.name is not None


def resolve_party(
    party: Party,
    date: str | None,
    volume: str | None = None,
    *,
    persons: Mapping[str, ListedPerson] | Iterable[ListedPerson] | None = None,
    data: PersonsData | None = None,
) -> ResolvedName:
    """The full name of *party* in a document of *date* in *volume*.

    *date* is ISO, may be partial ("1945-07"), or an interval ("1945/1946") when only the
    volume's years are known: then an office alone is named only if one person held it
    throughout, and a printed surname only if the one holder of that name overlaps it.

    *persons* is the volume's own list of persons (a TEI volume's, with its ``p_…`` ids), and
    comes first; a party whose ``listed`` entry the TEI reader found is named by it.  Without a
    list the people data's copy of the volume's list is used.  Never raises on bad input: an
    unknown office, a date outside the data or records that disagree keep the printed form.
    """
    try:
        data = data or load_persons_data()
    except DataError as exc:
        return ResolvedName(party.text or party.display(), None, reason=str(exc))
    if isinstance(persons, Mapping):
        persons = persons.values()
    return _resolve(party, date, volume, tuple(persons) if persons is not None else None, data)


@lru_cache(maxsize=4096)
def _resolve(party: Party, date: str | None, volume: str | None, persons: tuple[ListedPerson, ...] | None, data: PersonsData) -> ResolvedName:
    """:func:`resolve_party`, cached: a book names the same correspondents again and again."""
    printed = party.text or party.display()
    if party.name and re.search(r"\w{2}\.$", party.name):
        # "Mr. Frelinghuysen to Mr. Trescot.": the heading's full stop, not an initial.
        party = replace(party, name=party.name[:-1])
    tagged = _by_tagged_entry(party, volume, data)
    if tagged is not None:
        return tagged
    if not party.name and not party.role:
        return ResolvedName(printed, None, reason="nothing printed to resolve")
    date = date if date and _ISO_DATE.fullmatch(date) else None
    office = read_role(party.role, data) if party.role else None
    notes: list[str] = []
    if office is not None:
        found = _by_office(party, office, date, data, notes)
        if found is not None:
            return found
    if party.name:
        for rule in (_by_persons_list, _by_office_on_date, _by_only_official_living):
            found = rule(party, date, volume, persons, data, notes)
            if found is not None:
                return found
        return _kept(printed, notes or [f"no person named {party.name} found for this document"])
    if party.role and is_institution(party.role):
        return _kept(printed, [f"“{party.role}” is an institution, not a person"])
    return _kept(printed, notes or [f"“{party.role}” is not an office the data records"])


def resolve_parties(parties: Iterable[Party], date: str | None, volume: str | None = None, **options) -> tuple[ResolvedName, ...]:
    return tuple(resolve_party(p, date, volume, **options) for p in parties)


def _kept(printed: str, notes: list[str]) -> ResolvedName:
    return ResolvedName(printed, None, reason="printed form kept: " + "; ".join(notes))


def _by_office(party: Party, office: Office, date: str | None, data: PersonsData, notes: list[str]) -> ResolvedName | None:
    """Rule 1: the holder of the office on the date (of the printed surname, if one is printed);
    the printed form, final, when the office's holder that day bore another name; ``None`` to
    let the other rules try."""
    if office.acting:
        notes.append(f"who was Acting {office.wording} on a given day is not in the data")
        return None
    if date is None:
        notes.append("the document has no date to find the holder of the office")
        return None
    first, last = date_range(date)
    holders = [t for t in _office_tenures(office, data) if t.overlaps(first, last)]
    if party.name:
        others = {data.person(t.person).name for t in holders if not _name_matches(data.person(t.person), party.name)}
        holders = [t for t in holders if _name_matches(data.person(t.person), party.name)]
        if others and not holders:
            # Conflicting records are final: no other rule may overrule the office's holder.
            return _kept(party.text or party.display(), [f"the records disagree: the data has {', '.join(sorted(others))} as {office.wording} on {date}, not {party.name}"])
    people = {t.person for t in holders}
    # A printed surname and the office identify the person over any overlap; an office
    # alone only when one person held it the whole time the date may mean.
    tenure = _covering(holders, first, last, overlap=bool(party.name)) if len(people) == 1 else None
    if tenure is not None:
        return _from_tenure(party, tenure, data, "office", office)
    if len(people) > 1:
        names = ", ".join(sorted({data.person(p).name for p in people}))
        notes.append(f"the data has more than one {office.wording} on {date} ({names})")
    elif party.name:
        notes.append(f"no {office.wording} named {party.name} on {date} in the data")
    else:
        notes.append(f"no {office.wording} on {date} in the data")
    return None


def _covering(tenures: Sequence[Tenure], first: str, last: str, *, overlap: bool = False) -> Tenure | None:
    """The tenure that spans the whole date (or, with *overlap*, meets it): one with a
    recorded end first, then the latest."""
    covering = [t for t in tenures if (t.overlaps(first, last) if overlap else t.covers(first, last))]
    covering.sort(key=lambda t: (t.end is not None, t.start or ""), reverse=True)
    return covering[0] if covering else None


def _office_tenures(office: Office, data: PersonsData) -> list[Tenure]:
    tenures = [t for place in office.places for t in data.tenures_by_place.get((office.kind, place), ())]
    return [t for t in tenures if not office.titles or any(title in t.title for title in office.titles)]


def _by_tagged_entry(party: Party, volume: str | None, data: PersonsData) -> ResolvedName | None:
    """Before all rules: the entry of the volume's list of persons the TEI heading's ``persName``
    points at (``@corresp="#p_KHA1"``) — the TEI list's own entry, else the people data's copy."""
    if party.listed is not None:
        entry = ListEntry.from_listed(party.listed)
        return _from_listing(party, entry, data, volume, tei=True, tagged=True)
    if party.person_id and volume:
        for entry in data.listing(volume):
            if entry.id == party.person_id:
                return _from_listing(party, entry, data, volume, tei=False, tagged=True)
    return None


def _by_persons_list(party, date, volume, persons, data, notes) -> ResolvedName | None:
    """Rule 2: the person of the printed surname in the volume's list of persons."""
    if persons is not None:
        listing = tuple(ListEntry.from_listed(p) for p in persons)
    else:
        listing = data.listing(volume) if volume else ()
    if not listing:
        return None
    source = "the volume's list of persons" if persons is not None else f"the persons list of {volume}"
    candidates = [p for p in listing if _name_matches(p, party.name)]
    if len(candidates) > 1 and party.role:
        candidates = _best_described(candidates, party.role)
    if len(candidates) == 1:
        return _from_listing(party, candidates[0], data, volume, tei=persons is not None)
    if candidates:
        notes.append(f"{source} names {len(candidates)} persons {party.name} and the role does not tell them apart")
    return None


def _by_office_on_date(party, date, volume, persons, data, notes) -> ResolvedName | None:
    """Rule 3: the one official of that surname in any post on the date."""
    if date is None:
        return None
    first, last = date_range(date)
    holders = [t for p in _namesakes(party.name, data) for t in data.tenures_by_person.get(p.index, ()) if t.overlaps(first, last)]
    people = {t.person for t in holders}
    tenure = _covering(holders, first, last, overlap=True) if len(people) == 1 else None
    if tenure is not None and party.role and not _words(party.role) & _words(_position(tenure, data)):
        # "the Private Secretary to the Secretary of State (Crane)" is not the Crane who was then
        # a minister abroad: a printed role must share a word with the post.
        notes.append(f"the one official named {party.name} in office was {_position(tenure, data)}, not “{party.role}”")
        return None
    if tenure is not None:
        return _from_tenure(party, tenure, data, "in office")
    if len(people) > 1:
        notes.append(f"{len(people)} officials named {party.name} were in office on {date}")
    return None


def _by_only_official_living(party, date, volume, persons, data, notes) -> ResolvedName | None:
    """Rule 4: the only person of the surname in the data alive on the date, an official who by
    then had held a post — or, when a role is printed, who held that same post (country or
    office) at some time ("the Chargé in the Soviet Union (Kennan)", later its Ambassador)."""
    if date is None:
        return None
    year = int(date[:4])
    alive = [p for p in _namesakes(party.name, data) if _may_be_alive(p, year) or _may_be_alive(p, int(date_range(date)[1][:4]))]
    if len(alive) > 1:
        notes.append(f"{len(alive)} persons named {party.name} in the data may have been alive in {year}")
    if len(alive) != 1 or not alive[0].pocom_id:
        return None
    person = alive[0]
    office = read_role(party.role, data) if party.role else None
    tenures = data.tenures_by_person.get(person.index, ())
    if party.role:
        places = set(office.places) if office else set()
        tenures = [t for t in tenures if office and t.kind == office.kind and t.where.split("/")[0] in places]
    else:
        tenures = [t for t in tenures if t.start and t.start <= date_range(date)[1]]
    if not tenures:
        return None
    post = _position(tenures[0], data)
    return ResolvedName(
        party.text or party.display(), person.name, person.given, person.family, person.suffix,
        "only official living", person.record, post, tenures[0].start, tenures[0].end,
        reason=f"the only person named {party.name} in the data alive in {year} "
        f"({person.birth or '?'}–{person.death or '?'}); POCOM {tenures[0].record}: {post}, "
        f"{tenures[0].start} to {tenures[0].end or 'no end recorded'}",
    )


def _namesakes(printed: str, data: PersonsData) -> list[Person]:
    """Persons of the data whose name matches the printed one."""
    candidates = data.by_family.get(fold(printed), ()) or data.by_family.get(fold(printed.split()[-1]), ())
    return [data.person(i) for i in candidates if _name_matches(data.person(i), printed)]


def _may_be_alive(person: Person, year: int) -> bool:
    """Unknown years count as possibly alive: such a person cannot be ruled out."""
    born = person.birth if person.birth is not None else (person.death - 100 if person.death else None)
    died = person.death if person.death is not None else (person.birth + 100 if person.birth else None)
    return (born is None or born + 15 <= year) and (died is None or year <= died)


def _best_described(candidates: list[ListEntry], role: str) -> list[ListEntry]:
    """The candidates whose printed identification best covers the words of the role: "the
    President's Special Assistant for National Security Affairs" ↔ "Special Assistant to the
    President for National Security Affairs".  Among equals, the one whose identification is
    most nearly that role ("British Prime Minister", not "daughter of the British Prime Minister")."""
    wanted = _words(role)

    def score(candidate: ListEntry) -> tuple[float, float]:
        clause = _words(re.split(r"[;,(]", candidate.description or "")[0])
        recall = len(wanted & _words(candidate.description or "")) / max(len(wanted), 1)
        return recall, len(wanted & clause) / max(len(clause), 1)

    scored = [(score(c), c) for c in candidates]
    best = max(s for s, _ in scored)
    if best[0] < 0.6:
        return candidates
    return [c for s, c in scored if s == best]


_STOP = {"the", "of", "for", "to", "and", "in", "at", "on", "a", "state"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(text).replace("'s", "")) if w not in _STOP}


def _name_matches(person: Person | ListEntry, printed: str) -> bool:
    """"Harriman" matches W. Averell Harriman; "Max W. Bishop" matches Bishop, Max Waldo;
    "Chiang Kai-shek" matches the family name Chiang Kai-shek; "Alvarez del Vayo" matches whole."""
    wanted = fold(printed)
    family = fold(person.family)
    if wanted == family:
        return True
    if not wanted.endswith(" " + family):
        return False
    given = wanted[: -len(family)].split()
    known = fold(person.given or "").replace(".", " ").split()
    # Every printed given name or initial must stand in order in the recorded given names.
    return len(given) <= len(known) and all(k.startswith(g.rstrip(".")) for g, k in zip(given, known))


def _position(tenure: Tenure, data: PersonsData) -> str:
    if tenure.kind == "president":
        return "President of the United States"
    if tenure.kind == "chief":
        title = data.titles.get(tenure.title, tenure.title)
        territory = tenure.where.split("/")[0]
        return f"{title}, {data.territories.get(territory, [territory])[0]}"
    names = data.offices.get(tenure.where) or [tenure.where]
    return names[0]


def _from_tenure(party: Party, tenure: Tenure, data: PersonsData, rule: Rule, office: Office | None = None) -> ResolvedName:
    person = data.person(tenure.person)
    position = _position(tenure, data)
    span = f"{tenure.start} to {tenure.end or 'no end recorded'}"
    source = "presidents’ terms" if tenure.kind == "president" else f"POCOM {tenure.record}"
    if rule == "office":
        printed_post = office.wording if office else position
        # "was Ambassador in the Soviet Union (Ambassador Extraordinary and Plenipotentiary,
        # Russia)"; but "was President of the United States", not "President (President …)".
        what = f"was {position}" if fold(printed_post) in fold(position) else f"was {printed_post} ({position})"
    else:
        what = f"is the only official named {party.name} in office: {position}"
    return ResolvedName(
        party.text or party.display(), person.name, person.given, person.family, person.suffix, rule, person.record,
        position, tenure.start, tenure.end,
        reason=f"{person.name} {what}, {span} ({source})",
    )


def _from_listing(party: Party, entry: ListEntry, data: PersonsData, volume: str | None, *, tei: bool, tagged: bool = False) -> ResolvedName:
    where = f"the list of persons of {volume or 'the volume'}"
    if tagged:
        return ResolvedName(
            party.text or party.display(), entry.name, entry.given, entry.family, entry.suffix, "persons list",
            f"tei:{entry.id}" if tei or entry.person is None else data.person(entry.person).record,
            reason=f"the heading tags {party.name or party.display()} as {entry.id} of {where}: {entry.name}"
            + (f", “{entry.description}”" if entry.description else ""),
        )
    described = f": “{entry.description}”" if entry.description else ""
    if tei or entry.person is None:
        record = f"tei:{entry.id}"
    else:
        record = data.person(entry.person).record
    return ResolvedName(
        party.text or party.display(), entry.name, entry.given, entry.family, entry.suffix, "persons list", record,
        reason=f"{entry.name} is the one {party.name} in {where} ({entry.id}){described}",
    )
