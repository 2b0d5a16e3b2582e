"""The lines between a FRUS heading and its body: the openers.

Grammar (any order, each at most once)::

    opener := marking                         ; Secret; Nodis  /  Top Secret Urgent  /  (Confidential)
            | dateline                        ; Washington, September 19, 1955—3:45 p.m.
            | received                        ; [Received March 8.]  /  (Received April 4.)
            | despatch-number                 ; No. 921  /  No. 538.]
            | editorial                       ; [Telegram.]  /  [Paraphrase]
            | subject                         ; SUBJECT / Aid to Israel  or  Subject: Aid to Israel
            | participants                    ; PARTICIPANTS / lines…  or  Present: …
    dateline := [institution ","] place "," date [("—" | ",") time] ["."] [received]
              | place "," "[undated.]"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DATE_PATTERN, iso_from_match
from .provenance.marking import is_term

__all__ = ["Openers", "parse_dateline", "classification_of", "DOC_NUMBER_LINE", "RECEIVED", "received_text"]

DOC_NUMBER_LINE = re.compile(r"No\.\s*(\d{1,5})\.?\]?")
RECEIVED = re.compile(r"[\[(]Received\s*([^\])]*)[\])]\.?")
_INSTITUTION = re.compile(
    r"\b(?:Department|Legation|Embassy|Mission|Consulate|Consulate-General|Office|Delegation|Commission|Headquarters|"
    r"Ministry|Residence|Palace|Chancery|Agency|White House)\b|^(?:American|United States)\b"
)
_EDITORIAL_WORDS = frozenset(
    "telegram cablegram paraphrase extract extracts translation circular confidential personal private "
    "unofficial memorandum note despatch instruction copy summary excerpt excerpts".split()
)
_SEPARATORS = re.compile(r"[\s,;&]+")
DOCUMENT_CODE = re.compile(
    r"(?:S?NIE|SNIE|NIE|NSC|NSAM|NSDM|NSSM|NSDD|NSSD|PRM|PD|NSC Action No\.|JCSM|SM|CF|ESD|Intelligence Memorandum No\.)"
    r"\s?[\w.–/-]{1,20}(?:\s?\([^()]{1,30}\))?"
)
_MONTH_YEAR = re.compile(
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December),?\s+(?P<year>1[789]\d\d)"
)
_RANGE = re.compile(r"(?P<month>[A-Z][a-z]{2,8})\s+(?P<day>\d{1,2})[–-]\d{1,2},\s+(?P<year>1[789]\d\d)")
_TIME = re.compile(r"(?:\d{1,2}(?::\d\d)?(?:[–-]\d{1,2}(?::\d\d)?)?\s?[ap]\.\s?m\.?|midnight|noon|\d{4}Z?)", re.IGNORECASE)
SUBJECT_LABEL = re.compile(r"(?:SUBJECTS?|Subjects?|SUBJ)(?::\s*|\s*$)(?P<text>.*)")
PARTICIPANTS_LABEL = re.compile(r"(?:PARTICIPANTS|Participants|PRESENT|Present)(?::\s*|\s*$)(?P<text>.*)")


@dataclass
class Openers:
    """What the opener lines said (filled in while reading them)."""

    classification: str | None = None
    dateline: str | None = None
    place: str | None = None
    date: str | None = None
    time: str | None = None
    received: str | None = None
    despatch: str | None = None
    editorial: list[str] = field(default_factory=list)
    subject: str | None = None
    participants: list[str] = field(default_factory=list)
    code: str | None = None


def classification_of(line: str) -> str | None:
    """The marking line in lower case as printed ("top secret", "secret priority"), or ``None``.

    Grammar: term (separator term)* [" for " addressee] ["."], where a separator is white
    space, ",", ";", "&" or "and"; a "for …" addressee after the marking ("Personal and
    Secret for the President") is allowed.  Read by splitting and segmenting, no backtracking.
    """
    text = line.strip()
    if not text or text.startswith("(") or len(text) > 200:
        return None  # "(Personal and top secret for the President …)" is a line of the telegram
    text = text.rstrip(".").strip()
    head, _, addressee = text.partition(" for ")
    if "." in addressee or len(addressee) > 120:
        return None  # "… for the President. Number 595": the first line of the telegram
    words = [word for word in _SEPARATORS.split(head) if word and word.lower() != "and"]
    return text.lower() if words and segment_terms(words) is not None else None


def segment_terms(words: list[str]) -> list[str] | None:
    """*words* cut into known marking terms of up to five words ("top", "secret", "nodis" →
    ["top secret", "nodis"]), or ``None`` when they cannot be."""
    reached: list[list[str] | None] = [None] * (len(words) + 1)
    reached[0] = []
    for start in range(len(words)):
        done = reached[start]
        if done is None:
            continue
        for size in range(1, min(5, len(words) - start) + 1):
            term = " ".join(words[start : start + size]).lower()
            if is_term(term) and reached[start + size] is None:
                reached[start + size] = done + [term]
    return reached[-1]


def received_text(text: str) -> str:
    """"January 16—8:40 a.m." keeps its abbreviation's period; "March 8." loses the full stop."""
    text = text.strip()
    return text if text.endswith(("a.m.", "p.m.", "a. m.", "p. m.")) else text.rstrip(".")


def _place(text: str) -> str | None:
    """The place of a dateline without editorial brackets or the sending office."""
    place = re.sub(r"[\[\]?]", "", text).strip(" ,")
    parts = [p.strip() for p in place.split(",")]
    while len(parts) > 1 and _INSTITUTION.search(parts[0]):
        parts = parts[1:]  # "Chinese Legation, Washington", "Foreign Office, London": the sender's office
    place = ", ".join(p for p in parts if p)
    return place or None


def parse_dateline(line: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(place, ISO date, time, received) when *line* is a dateline, else ``None``."""
    if len(line) > 240:
        return None
    undated = re.fullmatch(r"\[?(?P<place>[A-Z][^\[\]]{0,60}?)\??,?\s*\[?undated\.?\]?\.?\]?", line.strip())
    if undated:
        return _place(undated["place"]), None, None, None
    match = DATE_PATTERN.search(line)
    if not match or match.start() > 120:
        return _partial_dateline(line)
    before = line[: match.start()]
    place = _place(before)
    if place and (len(place.split()) > 9 or place[-1] in ".!?" or " to " in place):
        return None
    tail = line[match.end() :]
    received = RECEIVED.search(tail)
    tail_before = tail[: received.start()] if received else tail
    time = None
    timed = re.match(r"\s*[\]]?\s*(?:[—–-]|,)\s*(?P<time>[^\[\]()]+?)\s*\]?\s*$", tail_before)
    if timed and _TIME.match(timed["time"]):
        time = timed["time"].strip()
        if time.endswith(".") and not time.endswith("m."):
            time = time[:-1]
    elif tail_before.strip(" .]"):
        return None
    return place, iso_from_match(match), time, received_text(received.group(1)) if received else None


def _partial_dateline(line: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    """"Washington, March 1969." (ISO "1969-03") and "Geneva, May 11–12, 1959." (the first day)."""
    from .dates import MONTHS

    text = line.strip().rstrip(".")
    if len(text) > 120:
        return None
    ranged = _RANGE.search(text)
    if ranged and ranged["month"] in MONTHS and ranged.end() == len(text):
        place = _place(text[: ranged.start()])
        iso = f"{ranged['year']}-{MONTHS.index(ranged['month']) + 1:02d}-{int(ranged['day']):02d}"
        return (place, iso, None, None) if place and len(place.split()) <= 9 else None
    month = _MONTH_YEAR.search(text)
    if month and month.end() == len(text) and month.start() > 0 and text[: month.start()].rstrip().endswith(","):
        place = _place(text[: month.start()])
        if place and len(place.split()) <= 9 and " to " not in place:
            return place, f"{month['year']}-{MONTHS.index(month['month']) + 1:02d}", None, None
    return None


def editorial_words(line: str) -> list[str] | None:
    """["telegram"] for "[Telegram.]", ["paraphrase"] for "[Paraphrase]"; ``None`` for other lines."""
    text = line.strip()
    if not (text.startswith("[") and text.endswith(("]", "].")) and len(text) < 60):
        return None
    words = [w for w in re.split(r"[\s.,;—–-]+", text.strip("[].").lower()) if w and w not in ("of", "and", "a", "in", "from")]
    return words if words and all(w in _EDITORIAL_WORDS for w in words) else None
