"""Parse the "source" part of a Wilson Center citation into an archival location.

Forms handled (all seen in real records)::

    Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives     collection/box/folder
    RGASPI, f. 558, op. 11, d. 97, ll. 67-70                                fond/opis/delo/leaves
    Archive of the Foreign Policy …, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20
    PRC FMA 111-00016-16, 66-67                                             Chinese Foreign Ministry
    Vostochnaia Evropa, …, pp. 504-09 (APRF, f. 45, op. 1, d. 249, l. 90-97) book, archive in brackets
    APRF, f. 52, …, copy in Volkogonov Collection, LC, Reel 17              copy chains
    APRF, …; AVPRF, …; and RGASPI, …                                        several archives

and credits such as "Obtained and translated for NKIDP by Balazs Szalontai".
"""

from __future__ import annotations

import re

from ..model import ArchivalLocation, Contributor

__all__ = ["parse_archival_source", "parse_credits", "split_credits", "REPOSITORIES"]

# Abbreviations used by the Wilson Center, with the repository's full name and place.
REPOSITORIES: dict[str, tuple[str, str | None]] = {
    "APRF": ("Archive of the President of the Russian Federation", "Moscow"),
    "AP RF": ("Archive of the President of the Russian Federation", "Moscow"),
    "AVPRF": ("Archive of Foreign Policy of the Russian Federation", "Moscow"),
    "Archive of the Foreign Policy of the Russian Federation": ("Archive of Foreign Policy of the Russian Federation", "Moscow"),
    "RGASPI": ("Russian State Archive of Socio-Political History", "Moscow"),
    "RGANI": ("Russian State Archive of Contemporary History", "Moscow"),
    "TsKhSD": ("Storage Center for Contemporary Documentation", "Moscow"),
    "TsAMO RF": ("Central Archive of the Ministry of Defense of the Russian Federation", "Podolsk"),
    "PRC FMA": ("Archive of the Ministry of Foreign Affairs of the People’s Republic of China", "Beijing"),
    "MOL": ("Hungarian National Archives", "Budapest"),
    "MNL OL": ("Hungarian National Archives", "Budapest"),
    "BArch": ("Bundesarchiv", "Koblenz"),
    "AAN": ("Archive of Modern Records", "Warsaw"),
    "ANIC": ("National Archives of Romania", "Bucharest"),
    "LC": ("Library of Congress", "Washington, DC"),
    "Library of Congress": ("Library of Congress", "Washington, DC"),
    "Hoover Institution Archives": ("Hoover Institution Archives", "Stanford, CA"),
    "Hoover Institution": ("Hoover Institution Archives", "Stanford, CA"),
    "Public Record Office": ("Public Record Office", "Kew"),
}

_FOND = re.compile(r"\b(?:f|F|fond|Fond)\.?\s*(?P<v>[0-9][\w]*)")
_OPIS = re.compile(r"\b(?:op|Op|opis|Opis)\.?\s*(?P<v>[0-9][\w]*)")
_DELO = re.compile(r"\b(?:d|D|delo|Delo)\.?\s*(?P<v>[0-9][\w]*)")
_PAPKA = re.compile(r"\b(?:p|P|papka|Papka)\.?\s*(?P<v>[0-9][\w]*)")
_LEAVES = re.compile(r"\b(?:ll|Ll|l|L|listy|Listy|list|List)\.?\s*(?P<v>[0-9][\w\-–ob]*)")
_BOX = re.compile(r"\b(?:[Bb]ox|[Cc]ontainer(?:\s*#)?)\s*(?P<v>\w+)")
_FOLDER = re.compile(r"\b[Ff]older\s+(?P<v>[\w-]+)")
_PRC = re.compile(r"(?P<name>PRC FMA)\s*(?P<ref>\d{3}-\d{5}-\d{2})?\s*,?\s*(?P<pages>[\d\-–]+)?")
_COLLECTION_WORDS = re.compile(r"\b(Collection|Papers|Records|Files|Archive Collection)\b")
_REPOSITORY_WORDS = re.compile(r"\b(Archives?|Library|Institution|Museum|Institute|Office|Archiv)\b")

_VERB = r"(?:contributed|obtained|translated|transcribed|compiled|edited|translation)"
# A credit clause starts a sentence ("… Archives. Contributed by …") or follows a
# comma ("…, compiled by V. N. Malin"); "edited by" after a comma belongs to a book.
_CREDIT_START = re.compile(
    rf"(?:(?<=^)|(?<=[.;][\s])|(?<=[.;]”\s)|(?<=[.;]\"\s)|(?<=[.;]’\s)|(?<=[.;]'\"\s))(?:{_VERB})\b"
    rf"|(?<=,\s)(?:contributed|obtained|translated|transcribed|compiled|translation)\b",
    re.IGNORECASE,
)
# A run of verbs ("Obtained, translated and transcribed"), then what ends a credit clause.
# Their separator has one way to match a run of spaces (`\s*,?\s*` had two: exponential), and
# the clause's end is tried once per run of verbs, not from each verb in it (quadratic).
_VERBS = re.compile(rf"{_VERB}(?:\s*(?:,\s*)?(?:and\s+)?{_VERB})*", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"(?:\s+from\s+[A-Z]\w+(?:\s+and\s+[A-Z]\w+)?)?"
    r"(?:\s+for(?:\s+(?P<project>[A-Z][A-Za-z]{1,}))?)?"
    r"\s+by\s+",
    re.IGNORECASE,
)
# "and" starts only at the beginning of a run of spaces (from each space of it: quadratic).
_NAME_END = re.compile(rf"(?<=[a-z\u00e0-\u024f]{{2}})\.(?=\s|$)|;|(?<!\s)\s+and\s+(?={_VERB}\b)|$", re.IGNORECASE)
_ROLE = {"translation": "translated"}
_ARCHIVE_SEPARATOR = re.compile(r";\s*(?:and\s+)?|(?<!\s)\s+and\s+(?=[A-Z][\w ]{1,12}[,:]?\s*(?:f\.|F\.|[Ff]ond)\s*\d)")


def split_credits(text: str) -> tuple[str, str]:
    """Split a source into (archival part, credits part) at the first credit clause."""
    match = _CREDIT_START.search(text)
    if not match:
        return text.strip(), ""
    return text[: match.start()].rstrip(" ,;."), text[match.start() :].strip()


def parse_credits(text: str) -> tuple[Contributor, ...]:
    """Read contributors from credit sentences ("Contributed by A and translated by B")."""
    people: list[Contributor] = []
    position = 0
    while True:
        verbs_match = _VERBS.search(text, position)
        if not verbs_match:
            break
        match = _CLAUSE_END.match(text, verbs_match.end())
        if not match:
            position = verbs_match.end()
            continue
        end = _NAME_END.search(text, match.end())
        stop = end.start() if end else len(text)
        names_text = text[match.end() : stop].strip().rstrip(",")
        verbs = re.findall(_VERB, verbs_match.group(0), re.IGNORECASE)
        names = [n.strip() for n in re.split(r",\s*and\s+|(?<!\s)\s+and\s+|,\s*", names_text) if n.strip()]
        for name in names:
            for verb in verbs:
                role = _ROLE.get(verb.lower(), verb.lower())
                people.append(Contributor(role=role, name=name, for_project=match["project"]))
        position = max(stop, match.end())
    return tuple(people)


def _repository(name: str | None) -> tuple[str | None, str | None]:
    if not name:
        return None, None
    if name in REPOSITORIES:
        return REPOSITORIES[name]
    for key, value in REPOSITORIES.items():
        if len(key) > 3 and key in name:
            return value
    return name, None


def _value(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match["v"] if match else None


def _russian(text: str) -> ArchivalLocation | None:
    fond = _FOND.search(text)
    if not fond:
        return None
    name = re.split(r"(?:[,:]|(?<![\s,:]))\s*\b(?:f|F|fond|Fond)\.?\s*[0-9]", text, maxsplit=1)[0].strip(" ,:") or None
    after = text[fond.end() :]
    repository, place = _repository(name)
    leaves = None
    leaves_match = _LEAVES.search(after)
    if leaves_match:
        leaves = leaves_match["v"]
    return ArchivalLocation(
        text=text,
        name=name,
        repository=repository,
        place=place,
        fond=fond["v"],
        opis=_value(_OPIS, after),
        delo=_value(_DELO, after),
        papka=_value(_PAPKA, after),
        leaves=leaves,
    )


def _looks_like_place(part: str) -> bool:
    """"Stanford", "CA", "Washington", "D.C", "Kew": short, capitalised, no digits."""
    return len(part.split()) <= 3 and not re.search(r"[\d\"“”()/]", part) and part[:1].isupper()


def _western(text: str) -> ArchivalLocation:
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    collection = repository_name = None
    place_parts: list[str] = []
    other: list[str] = []
    for part in parts:
        if _BOX.fullmatch(part) or _FOLDER.fullmatch(part) or re.fullmatch(r"Reel\s+\w+", part):
            continue
        if repository_name is None and (part in REPOSITORIES or _REPOSITORY_WORDS.search(part)) and not (
            collection is None and _COLLECTION_WORDS.search(part) and not _REPOSITORY_WORDS.search(part)
        ):
            repository_name = part
        elif collection is None and _COLLECTION_WORDS.search(part):
            collection = re.sub(r"^in\s+", "", part)
        elif repository_name is not None and not other and _looks_like_place(part):
            place_parts.append(part)
        else:
            other.append(part)
    repository, place = _repository(repository_name)
    if place_parts:
        place = ", ".join(place_parts)
    name = repository_name
    reference = ", ".join(other) or None
    if name is None and other:
        # "MOL, XIX-J-1-j Korea, …", "BArch, B 136/59748": an archive abbreviation first.
        name = other[0]
        repository, place = _repository(name)
        reference = ", ".join(other[1:]) or None
    return ArchivalLocation(
        text=text,
        name=name,
        repository=repository,
        place=place,
        collection=collection,
        box=_value(_BOX, text),
        folder=_value(_FOLDER, text),
        reference=reference,
    )


def _single(text: str) -> ArchivalLocation:
    text = text.strip().rstrip(".")
    prc = _PRC.match(text)
    if prc:
        repository, place = _repository("PRC FMA")
        return ArchivalLocation(
            text=text, name="PRC FMA", repository=repository, place=place, reference=prc["ref"], leaves=prc["pages"]
        )
    return _russian(text) or _western(text)


def parse_archival_source(source: str) -> ArchivalLocation:
    """Parse a source string (credits already split off) into an :class:`ArchivalLocation`."""
    text = source.strip().rstrip(".")
    published = None
    # "A copy was subsequently found in …" and "Published in …" sentences.
    sentences = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", text)
    main_sentences: list[str] = []
    extra_copies: list[str] = []
    for sentence in sentences:
        copy = re.search(r"\bcopy (?:was subsequently found |is )?in\s+(?P<where>.+)$", sentence, re.IGNORECASE)
        pub = re.match(r"(?:Published|Reprinted)(?: in)?\s+(?P<where>.+)$", sentence)
        if pub:
            published = pub["where"].strip()
        elif copy and copy.start() == 0 or (copy and sentence.lower().startswith("a copy")):
            extra_copies.append(copy["where"])  # type: ignore[index]
        else:
            main_sentences.append(sentence)
    text = ". ".join(main_sentences)
    reprint = re.search(r"\.\s*Reprinted in\s+(?P<where>.+)$", text)
    if reprint:
        published = published or reprint["where"]
        text = text[: reprint.start()]

    # A published book with the archive in brackets at the end.
    bracket = re.search(r"\((?P<inner>[^()]+)\)\s*$", text)
    if bracket and bracket.start() > 0:
        inner = bracket["inner"]
        outer = text[: bracket.start()].strip(" ,")
        if _FOND.search(inner) or _PRC.match(inner):
            primary = _single(inner)
            return _with(primary, text=source.strip(), published_in=outer, copies=tuple(_single(c) for c in extra_copies))
        # "…, PREM 3/396/14 (Public Record Office, Kew)": the bracket names the repository.
        repository, _, place = inner.partition(",")
        located = _western(outer)
        full, known_place = _repository(repository.strip())
        return _with(
            located,
            text=source.strip(),
            name=repository.strip(),
            repository=full,
            place=place.strip() or known_place,
            reference=located.reference or outer,
            published_in=published,
            copies=tuple(_single(c) for c in extra_copies),
        )

    # Several archives: "APRF, …; AVPRF, …; and RGASPI, …" or "APRF, … and AVPRF, Fond …".
    chunks = [c for c in _ARCHIVE_SEPARATOR.split(text) if c.strip()]
    if not chunks:
        return ArchivalLocation(text=source.strip(), published_in=published)
    primary_text = chunks[0]
    copy_in = re.search(r",\s*copy in\s+(?P<where>.+)$", primary_text, re.IGNORECASE)
    if copy_in:
        extra_copies.insert(0, copy_in["where"])
        primary_text = primary_text[: copy_in.start()]
    primary = _single(primary_text)
    copies = tuple(_single(c) for c in chunks[1:] + extra_copies)
    return _with(primary, text=source.strip(), published_in=published, copies=copies)


def _with(location: ArchivalLocation, **changes: object) -> ArchivalLocation:
    from dataclasses import replace

    return replace(location, **{k: v for k, v in changes.items() if v is not None or k == "published_in"})
