"""Parse a FRUS document as copied from history.state.gov.

Layout (each part optional except the heading)::

    document   := [header-line] [doc-number] heading opener* body [signature] footnotes
    header     := designation [":" document-type]          ; 761.93/7–1145: Telegram
    doc-number := "No." digits                              ; No. 578 (Potsdam volumes)
    heading    := parties [footnote-mark]                   ; The Ambassador … (Harriman) to …
    opener     := classification | dateline | "[Received …]" | despatch-number
    body       := paragraphs with inline "[Page N]" markers and footnote marks
    footnotes  := ("  " mark "." text)+                      ; at the very end
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..catalog import Catalog, default_catalog, parse_frus_url
from ..errors import HeaderSyntaxError, UnrecognisedSourceError
from ..model import FileDesignation, Footnote, PageMap, Party, Reference
from .decimal_file import looks_decimal, parse_decimal
from .marks import MarkIndex
from .text import Lines, next_nonblank, split_lines, squeeze

__all__ = ["parse_frus", "looks_like_frus", "parse_header_line", "parse_party", "parse_heading"]

MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MONTH = "|".join(MONTHS)
DATE_PATTERN = re.compile(
    rf"(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>1[789]\d\d|20\d\d)"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>1[789]\d\d|20\d\d))"
)
PAGE_MARKER = re.compile(r"\[Page\s+([0-9]+|[IVXLCDMivxlcdm]+)\]")
_DOC_NUMBER = re.compile(r"No\.\s*(\d{1,5})")
_FIRST_LINE = re.compile(r"\S[^\n]*")
_RECEIVED = re.compile(r"\[Received\s*([^\]]*)\]")
_CLASS_WORDS = (
    r"top secret|secret|confidential|restricted|unclassified|urgent|priority|niact|immediate|"
    r"most immediate|operational immediate|personal|private|eyes only|official use only|"
    r"limited official use|for official use only|plain|nodis|exdis|limdis|triple priority"
)
# Words joined by white space, "," "and" or "&"; each separator has one way to match
# (a bare `\s*(?:,|and)?\s*` splits every run of spaces in two ways: exponential).
_CLASSIFICATION = re.compile(
    rf"\(?(?:(?:{_CLASS_WORDS})\s*(?:(?:,|and|&)\s*)?)+(?:(?<=\s)for\s+[^.]{{1,120}})?\.?\)?",
    re.IGNORECASE,
)
_HEADING_MARK = re.compile(r"(?<=[A-Za-z)\].’'”])\s?(\d{1,3}[a-z]?)$")
_FOOTNOTE_LINE = re.compile(r"(?P<indent>[ \t\u00a0]*)(?P<mark>\d{1,3}[a-z]?)\.[ \t\u00a0]+(?P<text>\S.*)$")
_SEE_DOCS = re.compile(r"\bdocuments?\s+Nos?\.\s*(\d+(?:\s*(?:,|and|–|-)\s*\d+)*)", re.IGNORECASE)
_TELEGRAM_NUMBER = re.compile(r"(\d{1,6})\.\s")
_TITLE_PREFIX = re.compile(
    r"(?P<role>(?:[A-Z][\w’'-]*\s+)*(?:President|Prime Minister|Generalissimo|Premier|Marshal|Chairman|"
    r"General|Admiral|Ambassador|Minister|Commissar|Secretary(?: of (?:State|Defense|War|the Navy|the Treasury))?|"
    r"King|Queen|Emperor|Chancellor|Senator|Governor|Madame|Madam|Mr\.|Mrs\.|Miss|Dr\.|Sir))\s+"
    r"(?P<name>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)$"
)
_NEW_PARTY = re.compile(
    r"(?:the|The)\s|(?:President|Prime Minister|Generalissimo|Premier|Marshal|Chairman|General|Admiral|Ambassador|"
    r"Secretary|King|Queen|Emperor|Chancellor|Senator|Governor|Madame|Mr\.|Mrs\.|Dr\.|Sir|Soviet|British|French|Chinese)\b"
)
_DOC_KIND_HEADING = re.compile(
    r"(?P<kind>Memorandum of Conversation|Memorandum for the Record|Action Memorandum|Information Memorandum|"
    r"Briefing Memorandum|Intelligence Memorandum|Special National Intelligence Estimate|National Intelligence Estimate|"
    r"Memorandum|Minutes|Record|Notes|Letter|Note|Aide-Mémoire|Backchannel Message|Message|Report|Statement|Draft|"
    r"Paper|Editorial Note|Telegram|Airgram|Despatch|Transcript|Summary|Conversation)\b(?P<rest>.*)$",
)


@dataclass(frozen=True, slots=True)
class _Header:
    designation: FileDesignation
    document_type: str | None


def looks_like_frus(text: str) -> bool:
    """A cheap test used by the format detector."""
    found = _FIRST_LINE.search(text)
    if found is None:
        return False
    first = found.group(0).strip()
    if _is_header_line(first) or _DOC_NUMBER.fullmatch(first):
        return True
    return _is_heading(first)


def _is_header_line(line: str) -> bool:
    if len(line) > 200:
        return False
    designation = line.split(":")[0].strip() if ":" in line else line
    if looks_decimal(designation):
        return True
    return bool(
        re.search(r"\b(Files?|Papers|Diary|Lot\s+\w|Records)\b", designation)
        and not re.search(r"[.!?]$", line)
        and len(designation.split()) <= 14
    )


def _is_heading(line: str) -> bool:
    if not line or len(line) > 400 or line.startswith(("[", "(", "*", "#", '"', "“")):
        return False
    body = _HEADING_MARK.sub("", line)
    if re.search(r"[.!?:]$", body) and not body.endswith(")"):
        return False
    return bool(_DOC_KIND_HEADING.match(body) or re.search(r"\sto\s(?:the\s)?[A-Z]", body))


def parse_header_line(line: str, *, offset: int = 0, source: str | None = None, year: int | None = None) -> _Header:
    """Parse the provenance header line: designation, then optionally ``: Document type``."""
    text = line.strip()
    lead = offset + (len(line) - len(line.lstrip()))
    designation, doc_type = text, None
    match = re.match(r"(?P<des>.+?)\s*:\s*(?P<type>[A-Z][A-Za-z][\w ’'-]*)$", text)
    if match and not re.match(r"Lot\b", match["type"]):
        designation, doc_type = match["des"], match["type"].strip().lower()
    scheme = "other"
    decimal = collection = lot = box = post_file = None
    if looks_decimal(designation):
        scheme = "decimal"
        decimal = parse_decimal(designation, year=year, offset=lead, source=source)
    else:
        lot_match = re.search(r"\bLots?\s+(?:File\s+)?(?P<lot>[0-9A-Z][0-9A-Z –-]*[0-9A-Z])", designation)
        box_match = re.search(r"\bBox\s+(\d+\w*)", designation)
        box = box_match.group(1) if box_match else None
        post = re.match(r"(?P<coll>.+?\b(?:Embassy|Legation|Consulate(?: General)?|Mission|Delegation) Files?)\s*(?:[—–-]\s*(?P<file>.+))?$", designation)
        if lot_match:
            scheme = "lot"
            lot = re.sub(r"[\s–-]", "", lot_match["lot"]).upper()
            collection = designation[: lot_match.start()].rstrip(" :,") or None
        elif post:
            scheme = "post"
            collection, post_file = post["coll"], post["file"]
        elif re.search(r"\b(Papers|Diary|File|Files|Records)\b", designation):
            scheme = "papers"
            collection = re.split(r",\s*Box\b", designation)[0].strip()
        if doc_type is None and scheme == "papers" and ":" in designation:
            collection = designation.split(":")[0].strip()
    return _Header(
        FileDesignation(
            text=designation,
            scheme=scheme,
            decimal=decimal,
            collection=collection,
            lot=lot,
            box=box,
            post_file=post_file,
        ),
        doc_type,
    )


@lru_cache(maxsize=8)
def _with_parens(separator: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"[()]|" + separator.pattern)


def _split_outside_parens(text: str, separator: re.Pattern[str]) -> list[str]:
    parts, depth, start = [], 0, 0
    for match in _with_parens(separator).finditer(text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def parse_party(text: str) -> Party:
    """"The Ambassador in the Soviet Union (Harriman)" → role + name."""
    phrase = text.strip().strip(",")
    bare = re.sub(r"^(?:the|The)\s+", "", phrase)
    match = re.fullmatch(r"(?P<role>.+?)\s*\((?P<name>[^()]+)\)", bare)
    if match:
        return Party(name=match["name"].strip(), role=match["role"].strip(), text=phrase)
    honorific = re.match(r"(?:Mr\.|Mrs\.|Miss|Dr\.|Sir)\s+(?P<rest>[A-Z].*)$", bare)
    if honorific:
        # "Mr. Max W. Bishop of the Division of Far Eastern Affairs": a name, then an office.
        of = re.match(r"(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<office>.+)$", honorific["rest"])
        if of:
            return Party(name=of["name"], role=of["office"], text=phrase)
        return Party(name=honorific["rest"], role=None, text=phrase)
    match = _TITLE_PREFIX.match(bare)
    if match:
        return Party(name=match["name"].strip(), role=match["role"], text=phrase)
    return Party(name=None, role=bare, text=phrase)


_PARTY_SEPARATOR = re.compile(r",\s+and\s+|\s+and\s+|,\s+")


def _parties(text: str) -> tuple[Party, ...]:
    """Split "X, Y and Z" into parties; an "and" inside an office ("East Asian and
    Pacific Affairs") does not start a new party."""
    pieces = _split_outside_parens(text, _PARTY_SEPARATOR)
    merged: list[str] = []
    for piece in pieces:
        if merged and not merged[-1].endswith(")") and not _NEW_PARTY.match(piece) and not _TITLE_PREFIX.match(merged[-1]):
            separator = " and " if f"{merged[-1]} and {piece}" in text else ", "
            merged[-1] = f"{merged[-1]}{separator}{piece}"
        else:
            merged.append(piece)
    return tuple(parse_party(p) for p in merged)


def parse_heading(heading: str) -> tuple[str | None, tuple[Party, ...], tuple[Party, ...]]:
    """Split a heading into (document type, authors, recipients)."""
    kind = None
    body = heading.strip()
    match = _DOC_KIND_HEADING.match(body)
    if match:
        kind = match["kind"].lower()
        rest = match["rest"].strip().lstrip(",").strip()
        by = re.match(r"by\s+(?P<who>.+?)(?:\s+to\s+(?P<to>.+))?$", rest, re.IGNORECASE)
        if by:
            return kind, _parties(by["who"]), _parties(by["to"]) if by["to"] else ()
        # "Memorandum From the President’s Assistant … (Kissinger) to President Nixon"
        source = re.match(r"from\s+(?P<body>.+)$", rest, re.IGNORECASE)
        if source:
            _, authors, recipients = parse_heading(source["body"])
            return kind, authors, recipients
        to = re.match(r"to\s+(?P<to>.+)$", rest, re.IGNORECASE)
        if to:
            return kind, (), _parties(to["to"])
        return kind, (), ()
    # "X (Name) to Y": split at " to " after a closing parenthesis when there is one.
    split = re.search(r"\)\s+to\s+", body)
    if split is None:
        split = re.search(r"\s+to\s+(?=(?:the\s+)?[A-Z])", body)
    if split is None:
        return None, _parties(body), ()
    who = body[: split.start() + (1 if body[split.start()] == ")" else 0)]
    return None, _parties(who), _parties(body[split.end() :])


def iso_from_match(match: re.Match[str]) -> str:
    """The ISO date of a :data:`DATE_PATTERN` match."""
    month = match["month"] or match["month2"]
    day = match["day"] or match["day2"]
    year = match["year"] or match["year2"]
    return f"{int(year):04d}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _parse_dateline(line: str) -> tuple[str | None, str, str | None, str | None] | None:
    """(place, iso date, time, received) when *line* is a dateline."""
    if len(line) > 220:
        return None
    match = DATE_PATTERN.search(line)
    if not match or match.start() > 90:
        return None
    place = line[: match.start()].strip(" ,[]") or None
    if place and (len(place.split()) > 8 or place[-1] in ".!?"):
        return None
    tail = line[match.end() :]
    received = _RECEIVED.search(tail)
    tail_before = tail[: received.start()] if received else tail
    time_match = re.match(r"\s*[—–-]\s*(?P<time>[^\[\]]+?)\s*\]?\s*$", tail_before)
    time = None
    if time_match:
        time = time_match["time"].strip()
        if time.endswith(".") and not time.endswith("m."):
            time = time[:-1]
    elif tail_before.strip(" .]"):
        return None
    if place:
        place = re.sub(r"[\[\]]", "", place).strip(" ,")
    return place, iso_from_match(match), time, _received_text(received.group(1)) if received else None


def _received_text(text: str) -> str:
    """"January 16—8:40 a.m." keeps its abbreviation's period; "March 8." loses the full stop."""
    text = text.strip()
    return text if text.endswith(("a.m.", "p.m.", "a. m.", "p. m.")) else text.rstrip(".")


def _is_signature(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > 60 or len(text.split()) > 5:
        return False
    if re.fullmatch(r"\[[^\[\]]+\]", text):
        return bool(re.fullmatch(r"\[[A-Z][\w.’' -]*\]", text))
    if text.endswith((".", ":", ";", ",", "?", "!")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    return bool(re.fullmatch(r"[A-Z\[][\w.’'\[\] -]*", text)) and text[0].isupper() or text.startswith("[")


@lru_cache(maxsize=512)
def _mark_patterns(mark: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The mark glued to a word or punctuation (strong), or to a digit (weak)."""
    escaped = re.escape(mark)
    end = r"(?=[\s)\].,;:!?”’\"—–]|$)"
    return re.compile(rf"(?<=[A-Za-z.,;:)\]”’\"!?]){escaped}{end}"), re.compile(rf"(?<=\d){escaped}{end}")


def _find_mark(text: str, mark: str, start: int, *, glued_to_digit: bool = True) -> int | None:
    """Position of footnote *mark* in *text* at or after *start*.

    Copied marks are bare digits glued to the word, bracket or punctuation
    they follow ("State.1", "July 11–122)").  Glued to a letter or punctuation
    is preferred; glued to a digit is the fallback.
    """
    strong, weak = _mark_patterns(mark)
    for pattern in (strong, weak) if glued_to_digit else (strong,):
        found = pattern.search(text, start)
        if found:
            return found.end() - len(mark)
    return None


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
    index = next_nonblank(lines, 0)
    header: _Header | None = None
    document_number: int | None = None

    volume, url, url_doc = _resolve_volume(text, volume, url, catalog)
    year_hint = _last_year(catalog.get(volume).coverage) if volume and volume in catalog else None

    if index < len(lines) and _is_header_line(lines[index].stripped) and not _is_heading(lines[index].stripped):
        line = lines[index]
        header = parse_header_line(line.text, offset=line.start, source=text, year=year_hint)
        index = next_nonblank(lines, index + 1)
    if index < len(lines) and _DOC_NUMBER.fullmatch(lines[index].stripped):
        document_number = int(_DOC_NUMBER.fullmatch(lines[index].stripped).group(1))  # type: ignore[union-attr]
        index = next_nonblank(lines, index + 1)
    if index >= len(lines) or not _is_heading(lines[index].stripped):
        at = lines[min(index, len(lines) - 1)]
        if header is None and document_number is None:
            raise UnrecognisedSourceError(
                "expected a FRUS header line (e.g. '761.93/7–1145: Telegram'), a document heading "
                "(e.g. 'The Ambassador in the Soviet Union (Harriman) to the Secretary of State') "
                "or a Wilson Center citation",
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
    heading_line = lines[index]
    heading = heading_line.stripped
    heading_index = index
    index += 1

    # Footnotes first (the numbered lines at the very end), so that their marks
    # can be taken out of the heading, the opener and the signature in order.
    footnote_lines, end_index = _footnote_block(lines, heading_index + 1)
    marks = [mark for mark, _ in footnote_lines]
    placed: dict[int, int | None] = {}  # footnote index -> offset in raw body (None: heading/opener)

    heading_mark = _HEADING_MARK.search(heading)
    title = heading
    if heading_mark and marks and heading_mark.group(1) == marks[0]:
        placed[0] = None
        title = heading[: heading_mark.start()].rstrip()
    elif heading_mark and not marks:
        title = heading[: heading_mark.start()].rstrip()
    heading_kind, authors, recipients = parse_heading(title)

    classification = dateline = place = dateline_date = time = received = despatch = None
    while True:
        probe = next_nonblank(lines, index)
        if probe >= end_index:
            break
        line = lines[probe].stripped
        pending = len(placed)
        # Opener lines are full of dates, so only marks glued to a word count here.
        mark_at = _find_mark(line, marks[pending], 0, glued_to_digit=False) if pending < len(marks) else None
        if mark_at is not None:
            line = line[:mark_at] + line[mark_at + len(marks[pending]) :]
        if _CLASSIFICATION.fullmatch(line) and not line.startswith("(") and dateline is None:
            words = line.strip("()").rstrip(".").lower()
            classification = f"{classification} {words}" if classification else words
        elif dateline is None and (parsed := _parse_dateline(line)):
            dateline = line
            place, dateline_date, time, received = parsed
        elif received is None and (found := _RECEIVED.fullmatch(line)):
            received = _received_text(found.group(1))
        elif despatch is None and _DOC_NUMBER.fullmatch(line):
            despatch = _DOC_NUMBER.fullmatch(line).group(1)  # type: ignore[union-attr]
        else:
            break
        if mark_at is not None:
            placed[pending] = None
        index = probe + 1

    first_body = next_nonblank(lines, index)
    body_start = lines[first_body].start if first_body < len(lines) else len(text)
    body_end = lines[end_index].start if end_index < len(lines) else len(text)
    if body_end < body_start:
        body_end = body_start

    # Signature: a short name-like last line (a footnote mark may follow it).
    signature = None
    last_body = end_index - 1
    while last_body > first_body and lines.is_blank(last_body):
        last_body -= 1
    if first_body < last_body < len(lines):  # at least two body lines
        last = lines[last_body].stripped
        last_mark = marks[-1] if marks and len(placed) < len(marks) else None
        if last_mark and last.endswith(last_mark) and _is_signature(last[: -len(last_mark)]):
            signature = last[: -len(last_mark)]
            placed[len(marks) - 1] = None
        elif _is_signature(last):
            signature = last
        if signature is not None:
            body_end = lines[last_body].start
    raw_body = text[body_start:body_end]

    # Body marks, in order after those already placed.
    footnotes: list[Footnote] = []
    removals: list[tuple[int, int]] = []
    mark_positions: dict[int, int] = {}
    cursor = 0
    body_marks = MarkIndex(raw_body)
    for number, (mark, note_text) in enumerate(footnote_lines):
        see = tuple(int(n) for group in _SEE_DOCS.findall(note_text) for n in re.findall(r"\d+", group))
        if number in placed:
            footnotes.append(Footnote(mark=mark, text=note_text, in_heading=True, see_documents=see))
            continue
        position = body_marks.find(mark, cursor)
        if position is not None:
            removals.append((position, position + len(mark)))
            mark_positions[number] = position
            cursor = position + len(mark)
        footnotes.append(Footnote(mark=mark, text=note_text, see_documents=see))

    # Page markers: remove, remembering where each page starts.
    for marker in PAGE_MARKER.finditer(raw_body):
        start, end = marker.span()
        if end < len(raw_body) and raw_body[end] == " " and (start == 0 or raw_body[start - 1] in " \n"):
            end += 1  # "was [Page 927] made" → "was made"
        removals.append((start, end))
    removals.sort()
    pieces, cursor, shift = [], 0, 0
    new_position: dict[int, int] = {}
    for start, end in removals:
        pieces.append(raw_body[cursor:start])
        new_position[start] = start - shift
        shift += end - start
        cursor = end
    pieces.append(raw_body[cursor:])
    stripped = "".join(pieces)
    page_labels = [(new_position[m.start()], m.group(1)) for m in PAGE_MARKER.finditer(raw_body)]
    mark_offsets = {n: new_position[p] for n, p in mark_positions.items()}
    tracked = [p for p, _ in page_labels] + list(mark_offsets.values())
    body, moved = squeeze(stripped, tracked)
    page_labels = [(moved[i], label) for i, (_, label) in enumerate(page_labels)]
    for k, n in enumerate(mark_offsets):
        footnotes[n] = _replace_offset(footnotes[n], moved[len(page_labels) + k])

    pages = _page_map(page_labels, len(body))

    file_date = header.designation.decimal.date if header and header.designation.decimal else None
    document_type = header.document_type if header else None
    document_type = document_type or heading_kind or ("despatch" if despatch else None)
    telegram_number = despatch
    if telegram_number is None:
        lead = _TELEGRAM_NUMBER.match(body)
        if lead and (document_type == "telegram" or (document_type is None and len(lead.group(1)) > 1)):
            telegram_number = lead.group(1)
    if document_number is None and url_doc is not None:
        document_number = url_doc
    if volume and document_number and not url and volume in catalog:
        url = catalog.get(volume).document_url(document_number)

    return Reference(
        kind="frus",
        title=title,
        text=body,
        date=dateline_date or file_date,
        document_type=document_type,
        document_number=document_number,
        file=header.designation if header else None,
        authors=authors,
        recipients=recipients,
        classification=classification,
        telegram_number=telegram_number,
        place=place,
        dateline=dateline,
        dateline_date=dateline_date,
        file_date=file_date,
        time=time,
        received=received,
        pages=pages,
        footnotes=tuple(footnotes),
        signature=signature,
        volume=volume,
        url=url,
        heading=heading,
        path=path,
    )


@lru_cache(maxsize=256)
def _last_year(coverage: str | None) -> int | None:
    """The last year a volume covers ("1945" of "1945, Volume VII"): decides 1945 vs 1845 in file dates."""
    years = re.findall(r"\d{4}", coverage or "")
    return int(years[-1]) if years else None


def _footnote_block(lines: Lines, first: int) -> tuple[list[tuple[str, str]], int]:
    """The numbered footnote lines at the end of the text, and the index where they start.

    Indented numbered lines (as copied from the website) are footnotes; unindented
    ones only when they number consecutively like footnotes do (1, 2, 2a, 3 …) and
    the text before them holds a mark for each.
    """
    notes: list[tuple[str, str]] = []
    indented = True
    end_index = len(lines)
    probe = end_index - 1
    while probe >= first:
        if lines.is_blank(probe):
            probe -= 1
            continue
        match = _FOOTNOTE_LINE.fullmatch(lines[probe].text)
        if not match:
            break
        notes.insert(0, (match["mark"], match["text"].strip()))
        indented = indented and bool(match["indent"])
        end_index = probe
        probe -= 1
    if notes and not indented:
        region = "\n".join(line.text for line in lines[:end_index])
        cursor = 0
        region_marks = MarkIndex(region)
        for mark, _ in notes:
            found = region_marks.find(mark, cursor)
            if found is None:
                return [], len(lines)
            cursor = found + len(mark)
    return notes, end_index


def _replace_offset(note: Footnote, offset: int) -> Footnote:
    return Footnote(mark=note.mark, text=note.text, offset=offset, in_heading=note.in_heading, see_documents=note.see_documents)


def _page_map(labels: list[tuple[int, str]], length: int) -> PageMap | None:
    """Build the page map: text before the first marker is on the page before it."""
    if not labels:
        return None
    breaks: list[tuple[int, str]] = []
    first_offset, first_label = labels[0]
    if first_offset > 0:
        previous = str(int(first_label) - 1) if first_label.isdigit() else f"{first_label}-"
        breaks.append((0, previous))
    for offset, label in labels:
        if breaks and breaks[-1][0] == offset:
            breaks[-1] = (offset, label)
        else:
            breaks.append((offset, label))
    return PageMap(breaks=tuple(breaks), length=length)


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
        found = re.search(r"https?://(?:www\.)?history\.state\.gov/historicaldocuments/\S+", text)
        if found:
            parsed = parse_frus_url(found.group(0).rstrip(".,)>"))
            if parsed:
                volume, doc = parsed
                url = found.group(0).rstrip(".,)>")
    if volume:
        catalog.get(volume)  # unknown ids fail early, with suggestions
    return volume, url, doc
