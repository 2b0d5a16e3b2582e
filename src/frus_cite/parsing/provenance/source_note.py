"""Provenance reader: the source note of 1950s–80s volumes (footnote 1, or 0 in 1961–63).

Grammar::

    note      := "Source:" location "." sentence*
    location  := [repository ","] [record-group ","] [file ","] [collection] ["," box] ["," folder]*
    file      := "Central Files" [years] "," (decimal | subject-numeric)
               | collection ":" "Lot" lot ["," folder]
    sentence  := marking | "Drafted …" | "Cleared …" | "Approved …" | "Repeated to …"
               | "Received …" | other prose (kept in the verbatim text)

``Source: National Archives, Nixon Presidential Materials, NSC Files, Box 839,
Name Files, China. Secret; Sensitive.`` → repository "National Archives, Nixon
Presidential Materials", collection "NSC Files", box "839", folder "Name Files,
China", classification "secret", handling ("sensitive",).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...errors import FrusCiteError
from ...model import ArchivalSource, FileDesignation
from .files import LOT, read_file_designation
from .marking import read_marking
from .repositories import match_repository

__all__ = ["read", "parse_source_note", "is_source_note", "split_sentences"]

NAME = "source-note"
_PREFIX = re.compile(r"(?:(?<!\s)\s*|(?<=\s))Source:\s*")  # a run of spaces from its start only (#16)
# A full stop ends a sentence unless it ends an initial or a usual abbreviation.
_STOP = re.compile(r"\.\s+(?=[A-Z0-9(“\"\[])")
_ABBREVIATIONS = frozenset("Jr Sr Mr Mrs Ms Dr St No Nos Gen Lt Col Adm Amb Capt Maj Sen Rep Gov Vol vol pp p ca Doc Msg Tel".split())
_CENTRAL = re.compile(r"Central (?:Decimal |Foreign Policy )?Files?(?: (?P<years>\d{4}[–-]\d{2,4}))?$")
_RECORD_GROUP = re.compile(r"(?:RG|Record Group) (?P<number>\d{1,3})")
_YEARS_PART = re.compile(r"(?:19)?\d\d[–-](?:19)?\d\d")
_BOX = re.compile(r"Box(?:es)? (?P<box>.+)$")
_PUBLISHED = re.compile(r"Public Papers|Bulletin|Weekly Compilation|Congressional Record|\bpp?\. \d|Documents on|Printed in|Published in")
_CLAUSES = {
    "drafted_by": re.compile(r"\bDrafted(?: and [a-z]+)?(?: [a-z]+)? (?:by|in) (?P<who>[^;]+?)(?= and (?:approved|cleared|revised|initialed)\b|;|$)"),
    "cleared_by": re.compile(r"\b[Cc]leared (?:by|with|in) (?P<who>[^;]+?)(?= and (?:approved|drafted)\b|;|$)"),
    "approved_by": re.compile(r"\b[Aa]pproved (?:by|in) (?P<who>[^;]+?)(?= and (?:cleared|drafted)\b|;|$)"),
    "repeated_to": re.compile(r"\b(?:Repeated|repeated|Also sent)(?: for information)? to (?P<who>[^;]+?)(?=;|$)"),
    "received": re.compile(r"\bReceived (?P<who>[^;]+?)(?= and (?:passed|relayed|repeated)\b|;|$)"),
}


def is_source_note(text: str) -> bool:
    """True for a footnote that begins "Source:" (or "[Source:" for a withheld document)."""
    return text.lstrip().lstrip("[").startswith("Source:")


def _starts_marking(text: str, start: int) -> bool:
    """True when a marking sentence begins at *start* ("VIET S. Secret; Nodis." ends at "S")."""
    end = text.find(".", start)
    return read_marking(text[start : end if end != -1 else len(text)]) is not None


def _trim(value: str) -> str:
    """Drop a sentence's full stop but keep an abbreviation's ("Stimpson, Jr.")."""
    word = re.search(r"(?<![\w’'])([\w’']+)\.$", value)  # from a word's start only: linear (#16)
    if word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) == 1):
        return value
    return value.rstrip(".")


def split_sentences(text: str) -> list[str]:
    """Sentences of a note; "Harry F. Stimpson, Jr." and "Major William Y. Smith" stay whole."""
    sentences, start = [], 0
    for stop in _STOP.finditer(text):
        word = re.search(r"(?<![\w’'/])([\w’'/]+)$", text[start : stop.start()])
        before = word.group(1) if word else ""
        initial = len(before) == 1 and before.isupper() and not _starts_marking(text, stop.end())
        if initial or before in _ABBREVIATIONS:
            continue
        sentences.append(text[start : stop.start() + 1].strip())
        start = stop.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _parts(text: str) -> list[str]:
    """Comma-separated parts, a comma inside brackets kept ("(Entry A1-5072, Box 3)")."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _read_file(parts: list[str], year: int | None) -> tuple[FileDesignation | None, str | None, list[str]]:
    """The file among *parts* (central files, a lot, a bare decimal number), the collection
    that holds it ("Central Files 1967–69", "Conference Files"), and the parts left."""
    for index, part in enumerate(parts):
        central = _CENTRAL.match(part)
        if central and index + 1 < len(parts):
            years, after = central["years"], index + 1
            if _YEARS_PART.fullmatch(parts[after]) and after + 1 < len(parts):
                years, after = parts[after], after + 1  # "Central Foreign Policy File, 1964-66, POL 7 USSR"
            designation = read_file_designation(parts[after], year=year, years=years)
            if designation.scheme not in ("decimal", "subject-numeric"):
                designation = replace(designation, collection=part)
            return designation, ", ".join(parts[index:after]), parts[:index] + parts[after + 1 :]
        if LOT.search(part):
            designation = read_file_designation(part, year=year)
            return designation, designation.collection, parts[:index] + parts[index + 1 :]
        designation = read_file_designation(part, year=year) if index == 0 else None
        if designation is not None and designation.scheme in ("decimal", "subject-numeric"):
            return designation, None, parts[1:]
    return None, None, parts


def read_location(sentence: str, note: str, *, year: int | None = None) -> ArchivalSource:
    """Repository, record group, file, collection, box and folder of the first sentence
    (the *note*'s other fields are left for :func:`parse_source_note`)."""
    text = sentence.strip().rstrip(".")
    if _PUBLISHED.search(text) and match_repository(text) is None:
        return ArchivalSource(text=note, reader=NAME, published_in=text)
    found = match_repository(text)
    repository = printed = None
    if found:
        repository, printed, length = found
        text = text[length:].lstrip(" ,")
    parts = _parts(text)
    group = next((p for p in parts if _RECORD_GROUP.fullmatch(p)), None)
    parts = [p for p in parts if p != group]
    record_group = f"RG {_RECORD_GROUP.fullmatch(group)['number']}" if group else None  # "Record Group 59" → "RG 59"
    file, collection, parts = _read_file(parts, year)
    box = None
    for index, part in enumerate(parts):
        boxed = _BOX.match(part)
        if boxed:
            box = boxed["box"]
            parts = parts[:index] + parts[index + 1 :]
            break
    if collection is None and parts and not (file and file.scheme in ("decimal", "subject-numeric") and len(parts) > 2):
        collection, parts = parts[0], parts[1:]
    return ArchivalSource(
        text=note,
        reader=NAME,
        repository=repository,
        repository_as_printed=printed,
        record_group=record_group,
        file=file,
        collection=collection,
        box=box or (file.box if file else None),
        folder=", ".join(parts) or None,
    )


def _clauses(sentences: list[str]) -> dict[str, str]:
    """Drafting, clearance, approval, repetition and receipt, first statement of each."""
    found: dict[str, str] = {}
    for sentence in sentences:
        body = _trim(sentence)
        for field, pattern in _CLAUSES.items():
            match = pattern.search(body)
            if match and field not in found:
                found[field] = match["who"].strip()
    return found


def parse_source_note(text: str, *, year: int | None = None) -> ArchivalSource:
    """Read a source note ("Source: …", plain text) into an :class:`ArchivalSource`.

    *year* (the volume's last year) decides the century of decimal file dates.
    Raises :class:`~frus_cite.errors.FrusCiteError` when *text* is not a source note.
    """
    if not isinstance(text, str) or not is_source_note(text):
        raise FrusCiteError(f"expected a source note beginning 'Source:', got {str(text)[:60]!r}")
    note = " ".join(text.split())
    body = _PREFIX.sub("", note.lstrip("["), count=1)
    sentences = split_sentences(body[:-1] if note.startswith("[") and body.endswith("]") else body)
    if not sentences:
        raise FrusCiteError("expected a repository or file after 'Source:', got nothing")
    location = read_location(sentences[0], note, year=year)
    marking_sentence = next((s for s in sentences[1:] if read_marking(s) is not None), None)
    level, handling = read_marking(marking_sentence) if marking_sentence else (None, ())
    return replace(
        location,
        classification=level,
        handling=handling,
        marking=marking_sentence.rstrip(".") if marking_sentence else None,
        **_clauses(sentences[1:]),
    )


def read(evidence) -> ArchivalSource | None:
    """The first footnote that is a source note, read; ``None`` when there is none."""
    for note in evidence.footnotes:
        if is_source_note(note):
            return parse_source_note(note, year=evidence.year)
    return None
