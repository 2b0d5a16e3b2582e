"""Parse a FRUS document as copied from history.state.gov, of any era (1861–1980s).

Layout (each part optional except the heading)::

    document   := provenance* [doc-number] heading opener* body [signature] footnotes
    provenance := header line or inline source line   ; 761.93/7–1145: Telegram | Paris Peace Conf. 184/17
    doc-number := "No." digits ["."]                  ; No. 46.  (19th century, Potsdam, 1952–54)
    heading    := [digits "."] parties [mark]         ; 58. Telegram From the Secretary of State to …
    opener     := marking | dateline | received | despatch number | [Telegram.] | SUBJECT | PARTICIPANTS
    body       := paragraphs with inline "[Page N]" markers and footnote marks
    footnotes  := ("  " mark "." text)+               ; at the very end; "Source:" note first from 1958

The parse runs in stages over the lines — top (provenance, number, heading),
openers, footnotes, body, signature — and the archival source comes from the
provenance readers (:mod:`.provenance`), tried in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..catalog import Catalog, default_catalog, parse_frus_url
from ..errors import HeaderSyntaxError, UnrecognisedSourceError
from ..model import ArchivalSource, Footnote, Party, Reference
from .dates import DATE_PATTERN, MONTHS, iso_from_match
from .frus_body import PAGE_MARKER, clean_body, enclosures, find_mark, footnote_block, is_signature, page_map
from .frus_heading import EDITORIAL_TAIL, is_heading, is_letter_heading, parse_heading, parse_party, split_number
from .frus_opener import (
    DOC_NUMBER_LINE,
    DOCUMENT_CODE,
    PARTICIPANTS_LABEL,
    RECEIVED,
    SUBJECT_LABEL,
    Openers,
    classification_of,
    editorial_words,
    parse_dateline,
    received_text,
)
from .provenance import Evidence, claims_line, read_provenance
from .provenance.header_line import parse_header_line
from .text import Lines, next_nonblank, split_lines

__all__ = [
    "parse_frus", "looks_like_frus", "parse_header_line", "parse_party", "parse_heading",
    "DATE_PATTERN", "MONTHS", "PAGE_MARKER", "iso_from_match",
]

_FIRST_LINE = re.compile(r"\S[^\n]*")
_HEADING_MARK = re.compile(r"(?<=[A-Za-z)\].’'”])\s?(\d{1,3}[a-z]?)$")
_TELEGRAM_NUMBER = re.compile(r"(\d{1,6})\.\s")
# "Topad 1795.", "Secto 12.", "Tosec 45.": a telegram series and its number
_SERIES_NUMBER = re.compile(r"((?:[A-Z][a-z]{2,6}|[A-Z]{3,6}) \d{1,6})\.\s")
_OFFICE_LINE = re.compile(
    r"(?:[A-Z][\w’'-]*\s){0,3}(?:Secretary|Ambassador|Minister|Chargé|Counselor|Consul|Director|Attaché|Adviser|"
    r"Assistant|Officer|Chief|Commissioner|Representative|President|Chairman)\b.{0,80}$"
)
_MEETING_CODE = re.compile(r"[A-Z]{1,5}[–-]\d{1,4}[A-Z]?(?:\s?\([^()]{1,40}\))?")
_TOP_LINES = 6  # provenance and number lines above a heading, at most


def looks_like_frus(text: str) -> bool:
    """A cheap test used by the format detector."""
    found = _FIRST_LINE.search(text)
    if found is None:
        return False
    first = found.group(0).strip()
    return claims_line(first) or bool(DOC_NUMBER_LINE.fullmatch(first)) or is_heading(first)


@dataclass(frozen=True, slots=True)
class _Top:
    """What stands above the body's openers: provenance lines, printed number, heading."""

    lines_above: tuple[tuple[str, int], ...]
    number: int | None
    heading: str
    heading_index: int
    page: str | None = None
    """A "[Page N]" printed above the heading: the page the document starts on."""
    editorial: tuple[str, ...] = ()
    """Words of a bracketed opener above the heading ("[Translation.]" → "translation")."""


def _read_top(lines: Lines, text: str, path: str | None) -> _Top:
    """Stage 1: provenance lines, "No. N." line and the heading (which may carry the number)."""
    above: list[tuple[str, int]] = []
    number: int | None = None
    page: str | None = None
    editorial: list[str] = []
    index = next_nonblank(lines, 0)
    for _ in range(_TOP_LINES):
        if index >= len(lines):
            break
        line = lines[index].stripped
        printed = DOC_NUMBER_LINE.fullmatch(line)
        marker = PAGE_MARKER.fullmatch(line)
        words = editorial_words(line)
        if printed and number is None:
            number = int(printed.group(1))
        elif marker and page is None and not above and number is None:
            page = marker.group(1)  # the page break falls between the previous document and this one
        elif words is not None:
            editorial.extend(words)  # "[Translation.]" printed between "No. 182." and the heading
        elif is_heading(line, after_number=number is not None):
            prefix, _ = split_number(line)
            return _Top(tuple(above), number if number is not None else prefix, line, index, page, tuple(editorial))
        elif claims_line(line) and number is None:
            above.append((lines[index].text, lines[index].start))
        elif _MEETING_CODE.fullmatch(line):
            pass  # "BC–1", "IC–104": the conference's number for its minutes, printed above the heading
        else:
            break
        index = next_nonblank(lines, index + 1)
    _no_heading(lines, min(index, len(lines) - 1), text, path, bool(above) or number is not None)
    raise AssertionError("unreachable")


def _no_heading(lines: Lines, index: int, text: str, path: str | None, had_top: bool) -> None:
    at = lines[index]
    if not had_top:
        raise UnrecognisedSourceError(
            "expected a FRUS header line (e.g. '761.93/7–1145: Telegram'), a document heading "
            "(e.g. 'The Ambassador in the Soviet Union (Harriman) to the Secretary of State' or "
            "'58. Telegram From the Secretary of State to …') or a Wilson Center citation",
            source=text,
            span=(at.start + len(at.text) - len(at.text.lstrip()), max(at.end, at.start + 1)),
            path=path,
        )
    raise HeaderSyntaxError(
        "expected the document heading ('<sender> to <recipient>' or 'Memorandum …') after the header line",
        source=text,
        span=(at.start, max(at.end, at.start + 1)),
        path=path,
    )


def _strip_heading_mark(heading: str, marks: list[str]) -> tuple[str, bool]:
    """The heading without its footnote mark, and whether the first footnote's mark was there."""
    if marks:
        mark = marks[0]
        for candidate in (" " + mark, mark):
            if heading.endswith(candidate):
                rest = heading[: -len(candidate)]
                glued_ok = re.search(r"[A-Za-z)\].’'”]$", rest) or re.search(r"\b1[789]\d\d$", rest) or candidate[0] == " "
                if glued_ok and rest.strip():
                    return rest.rstrip(), True
    found = _HEADING_MARK.search(heading)
    if found and not marks:
        return heading[: found.start()].rstrip(), False
    return heading, False


def _read_openers(
    lines: Lines, index: int, end_index: int, marks: list[str], placed: set[int]
) -> tuple[Openers, int]:
    """Stage 2: the opener lines after the heading; returns them and the first body line."""
    found = Openers()
    body_from: int | None = None  # SUBJECT and PARTICIPANTS are read but stay in the body
    while (probe := next_nonblank(lines, index)) < end_index:
        line = lines[probe].stripped
        pending = len(placed)
        # Opener lines are full of dates, so only marks glued to a word count here.
        mark_at = find_mark(line, marks[pending], 0, glued_to_digit=False) if pending < len(marks) else None
        if mark_at is not None:
            line = line[:mark_at] + line[mark_at + len(marks[pending]) :]
        listed = bool(SUBJECT_LABEL.fullmatch(line) or PARTICIPANTS_LABEL.fullmatch(line))
        consumed = _opener_line(found, line, lines, probe, end_index)
        if consumed == 0:
            break
        if listed:
            body_from = probe if body_from is None else body_from
        elif mark_at is not None:
            placed.add(pending)
        index = probe + consumed
    return found, index if body_from is None else body_from


def _opener_line(found: Openers, line: str, lines: Lines, probe: int, end_index: int) -> int:
    """Read one opener line into *found*; how many lines it took (0: the body begins)."""
    if (marking := classification_of(line)) is not None and not line.startswith("(Received"):
        found.classification = f"{found.classification} {marking}" if found.classification else marking
        return 1
    if found.dateline is None and line.endswith(",") and probe + 1 < end_index and not lines.is_blank(probe + 1):
        joined = f"{line} {lines[probe + 1].stripped}"  # "Department of State," / "Washington, February 4, 1882."
        if parse_dateline(joined):
            return _dateline(found, joined, 2)
    if found.dateline is None and parse_dateline(line):
        return _dateline(found, line, 1)
    if found.received is None and (received := RECEIVED.fullmatch(line)):
        found.received = received_text(received.group(1))
        return 1
    if found.despatch is None and (number := DOC_NUMBER_LINE.fullmatch(line)):
        found.despatch = number.group(1)
        return 1
    if (words := editorial_words(line)) is not None:
        found.editorial.extend(words)
        levels = [word for word in words if word in ("confidential", "personal", "private", "secret")]
        if levels and found.classification is None:
            found.classification = " ".join(levels)  # "[Confidential.]" over a despatch
        return 1
    if found.code is None and DOCUMENT_CODE.fullmatch(line):
        found.code = line  # "NIE 11–4–59" under an estimate's heading
        return 1
    return _list_opener(found, line, lines, probe, end_index)


def _dateline(found: Openers, line: str, taken: int) -> int:
    found.dateline = line
    found.place, found.date, found.time, found.received = parse_dateline(line)  # type: ignore[misc]
    return taken


def _list_opener(found: Openers, line: str, lines: Lines, probe: int, end_index: int) -> int:
    """SUBJECT and PARTICIPANTS / Present: blocks (label line, then lines up to a blank one)."""
    subject = SUBJECT_LABEL.fullmatch(line)
    people = PARTICIPANTS_LABEL.fullmatch(line)
    if not (subject and found.subject is None) and not (people and not found.participants):
        return 0
    block = [line_text for line_text in [(subject or people)["text"].strip()] if line_text]  # type: ignore[index]
    taken = 1
    while probe + taken < end_index and not lines.is_blank(probe + taken) and taken < 40:
        block.append(lines[probe + taken].stripped)
        taken += 1
    if not block:
        return 0
    if subject:
        found.subject = " ".join(block)
    else:
        found.participants = block
    return taken


def _signature(lines: Lines, first_body: int, end_index: int, marks: list[str], placed: set[int]) -> tuple[str | None, int]:
    """Stage 4: a short name-like last body line (a footnote mark may follow it); and where the body ends."""
    last_body = end_index - 1
    while last_body > first_body and lines.is_blank(last_body):
        last_body -= 1
    if not first_body < last_body < len(lines):  # at least two body lines
        return None, end_index
    last = lines[last_body].stripped
    last_mark = marks[-1] if marks and len(marks) - 1 not in placed else None
    if last_mark and last.endswith(last_mark) and is_signature(last[: -len(last_mark)]):
        placed.add(len(marks) - 1)
        return last[: -len(last_mark)].rstrip(), last_body
    # "John M. Steeves" / "First Secretary of Mission": the signer's office under the name.
    above = last_body - 1
    if above > first_body and _OFFICE_LINE.match(last) and not lines.is_blank(above) and is_signature(lines[above].stripped):
        return lines[above].stripped, above
    if is_signature(last):
        return last, last_body
    return None, end_index


def parse_frus(
    text: str,
    *,
    path: str | None = None,
    volume: str | None = None,
    url: str | None = None,
    catalog: Catalog | None = None,
) -> Reference:
    """Parse the text of one FRUS document (see the module docstring for the layout).

    *volume* or *url* names the FRUS volume; a history.state.gov URL written in
    the text is used when neither is given.
    """
    catalog = catalog or default_catalog()
    lines = split_lines(text)
    volume, url, url_doc = _resolve_volume(text, volume, url, catalog)
    year_hint = _last_year(catalog.get(volume).coverage) if volume and volume in catalog else None

    top = _read_top(lines, text, path)
    footnote_lines, end_index = footnote_block(lines, top.heading_index + 1)
    marks = [mark for mark, _ in footnote_lines]
    title, kind, authors, recipients, marked = _read_heading(top.heading, marks)
    placed: set[int] = {0} if marked else set()
    openers, index = _read_openers(lines, top.heading_index + 1, end_index, marks, placed)
    openers.editorial[:0] = top.editorial
    signature, body, footnotes, labels = _read_body(text, lines, index, end_index, footnote_lines, placed, path)
    if top.page is not None and not (labels and labels[0][0] == 0):
        labels.insert(0, (0, top.page))

    source = read_provenance(
        Evidence(lines_above=top.lines_above, footnotes=tuple(n for _, n in footnote_lines), year=year_hint, source=text)
    )
    document_number = top.number if top.number is not None else url_doc
    if volume and document_number and not url and volume in catalog:
        url = catalog.get(volume).document_url(document_number)
    file = source.file if source else None
    file_date = file.decimal.date if file and file.decimal else None
    document_type = document_type_of(source, kind, openers)
    return Reference(
        kind="frus",
        title=title,
        text=body,
        date=openers.date or file_date,
        document_type=document_type,
        document_number=document_number,
        file=file,
        source=source,
        subject=openers.subject or _body_subject(body),
        document_code=openers.code,
        participants=tuple(openers.participants),
        enclosures=enclosures(body),
        authors=authors,
        recipients=recipients,
        classification=openers.classification or source_marking(source),
        telegram_number=telegram_number_of(openers.despatch, document_type, body),
        place=openers.place,
        dateline=openers.dateline,
        dateline_date=openers.date,
        file_date=file_date,
        time=openers.time,
        received=openers.received or (source.received if source else None),
        pages=page_map(labels, len(body), heading_page=top.page),
        footnotes=tuple(footnotes),
        signature=signature,
        volume=volume,
        url=url,
        heading=top.heading,
        path=path,
    )


def _read_heading(heading: str, marks: list[str]) -> tuple[str, str | None, tuple[Party, ...], tuple[Party, ...], bool]:
    """Stage 2: title (no printed number, no mark), document type, senders, recipients, and
    whether the first footnote's mark stands after the heading."""
    _, unnumbered = split_number(heading)
    title, marked = _strip_heading_mark(unnumbered, marks)
    kind, authors, recipients = parse_heading(title, numbered=unnumbered != heading)
    if is_letter_heading(title):
        tail = EDITORIAL_TAIL.search(title)
        if tail:  # "Mr. Hay to Mr. Conger. [Telegram.]": the bracket says what it is
            title, kind = title[: tail.start()].rstrip(), kind or _editorial_kind(tail.group(0))
        title = title[:-1] if title.endswith(".") else title  # the heading's full stop is no part of the title
    return title, kind, authors, recipients, marked


def _editorial_kind(bracket: str) -> str | None:
    words = editorial_words("[" + bracket.strip().strip("[]().") + "]") or []
    return "telegram" if "telegram" in words or "cablegram" in words else None


def _read_body(
    text: str,
    lines: Lines,
    index: int,
    end_index: int,
    footnote_lines: list[tuple[str, str]],
    placed: set[int],
    path: str | None,
) -> tuple[str | None, str, list[Footnote], list[tuple[int, str]]]:
    """Stages 4–5: signature, then the body without page markers and marks, its footnotes and pages."""
    marks = [mark for mark, _ in footnote_lines]
    first_body = next_nonblank(lines, index)
    body_start = lines[first_body].start if first_body < len(lines) else len(text)
    signature, body_end_index = _signature(lines, first_body, end_index, marks, placed)
    body_end = lines[body_end_index].start if body_end_index < len(lines) else len(text)
    _check_page_numbers(text, body_start, body_end, path)
    body, footnotes, labels = clean_body(text[body_start : max(body_end, body_start)], footnote_lines, placed)
    return signature, body, footnotes, labels


def document_type_of(source: ArchivalSource | None, kind: str | None, openers: Openers) -> str | None:
    """Header line's type, else the heading's, else "[Telegram.]", else "despatch" for a numbered despatch."""
    if source and source.document_type:
        return source.document_type
    if kind:
        return kind
    if "telegram" in openers.editorial or "cablegram" in openers.editorial:
        return "telegram"
    if "circular" in openers.editorial:
        return "circular"
    return "despatch" if openers.despatch else None


def telegram_number_of(despatch: str | None, document_type: str | None, body: str) -> str | None:
    """The despatch number, or a telegram's leading number ("745. Your 1023…")."""
    if despatch is not None:
        return despatch
    lead = _TELEGRAM_NUMBER.match(body)
    if lead and (document_type == "telegram" or (document_type is None and len(lead.group(1)) > 1)):
        return lead.group(1)
    series = _SERIES_NUMBER.match(body) if document_type == "telegram" else None
    return series.group(1) if series else None


def source_marking(source: ArchivalSource | None) -> str | None:
    """The marking a source note states, lower case, when the openers print none."""
    if source is None or (source.classification is None and not source.handling):
        return None
    return " ".join(([source.classification] if source.classification else []) + list(source.handling))


def _body_subject(body: str) -> str | None:
    """A "SUBJECT:" line among the first lines of the body (1969–76 memoranda print it there)."""
    if "SUBJ" not in body[:3000] and "Subject:" not in body[:3000]:
        return None
    lines = [line.strip() for line in body.split("\n", 12)[:12]]
    for index, line in enumerate(lines):
        found = re.match(r"(?:SUBJECT|Subject|SUBJ):\s+(?P<text>\S.{0,300})$", line)
        if found:
            return found["text"].strip()
        if re.fullmatch(r"(?:SUBJECT|Subject|SUBJ):?", line):  # the label on a line of its own, the subject below
            following = next((rest for rest in lines[index + 1 :] if rest), None)
            return following if following and len(following) <= 300 else None
    return None


@lru_cache(maxsize=256)
def _last_year(coverage: str | None) -> int | None:
    """The last year a volume covers ("1945" of "1945, Volume VII"): decides 1945 vs 1845 in file dates."""
    years = re.findall(r"\d{4}", coverage or "")
    return int(years[-1]) if years else None


MAX_PAGE_DIGITS = 6


def _check_page_numbers(text: str, start: int, end: int, path: str | None) -> None:
    """A page number is a few digits; thousands of them are past what Python turns into a number."""
    for marker in PAGE_MARKER.finditer(text, start, max(start, end)):
        if len(marker.group(1)) > MAX_PAGE_DIGITS:
            raise HeaderSyntaxError(
                f"expected a page number of at most {MAX_PAGE_DIGITS} digits in the page marker, found {len(marker.group(1))}",
                source=text, span=marker.span(), path=path,
            )


_OWN_URL = re.compile(r"<?(https?://(?:www\.)?history\.state\.gov/historicaldocuments/\S+)")


def _own_url(text: str) -> str | None:
    """The document's own URL: alone on the first or last line, as copied with the text.
    A URL in a sentence or a footnote ("For the reply, see https://…") names another document."""
    for line in (text.lstrip().split("\n", 1)[0], text.rstrip().rsplit("\n", 1)[-1]):
        found = _OWN_URL.fullmatch(line.strip())
        if found:
            return found.group(1).rstrip(".,)>")
    return None


def _resolve_volume(
    text: str, volume: str | None, url: str | None, catalog: Catalog
) -> tuple[str | None, str | None, int | None]:
    """Volume id, URL and document number from the caller's arguments or a URL in the text."""
    doc = None
    if url:
        parsed = parse_frus_url(url)
        if parsed is None:
            raise HeaderSyntaxError(
                f"expected a history.state.gov document URL such as "
                f"'https://history.state.gov/historicaldocuments/frus1945v07/d578', got {url!r}"
            )
        url_volume, doc = parsed
        if volume and volume != url_volume:
            raise HeaderSyntaxError(f"volume {volume!r} does not match the URL's volume {url_volume!r}")
        volume = url_volume
    elif volume is None:
        own = _own_url(text)
        parsed = parse_frus_url(own) if own else None
        if parsed:
            volume, doc = parsed
            url = own
    if volume:
        catalog.get(volume)  # unknown ids fail early, with suggestions
    return volume, url, doc
