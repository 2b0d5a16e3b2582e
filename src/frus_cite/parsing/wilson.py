"""Parse a Wilson Center Digital Archive record.

Layouts::

    record    := [date-line] [title-line+] section*        ; page copied from the site
              |  citation-line                             ; only the site's citation box
    section   := label ":" text                            ; Citation, Summary, Credits,
                                                           ; Original Language, Contents, …
    citation  := quote title [","] quote [","] date "," archive-name "," source [credits] [url]

Labels may be plain ("Citation:"), bold ("**Citation:**") or markdown headings
("### **Citation:**").  Both citation wordings are read: the current one
("Title", Month D, YYYY, Wilson Center Digital Archive, …) and the older one
("Title," Month DD, YYYY, History and Public Policy Program Digital Archive, …).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import HeaderSyntaxError
from ..model import ArchivalLocation, Reference
from .archival import parse_archival_source, parse_credits, split_credits
from .frus import DATE_PATTERN, MONTHS, iso_from_match
from .text import squeeze

__all__ = ["parse_wilson", "parse_citation_line", "looks_like_wilson", "Citation"]

_LABELS = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "original_language",
    "contents": "contents",
    "source": "source",
    "record id": "record_id",
    "type": "type",
    "authors": "authors",
    "author": "authors",
    "subjects": "subjects",
    "keywords": "keywords",
    "associated places": "places",
    "associated people & organizations": "people",
    "document information": "document_information",
    "rights": "rights",
    "language": "original_language",
}
# Matched against a stripped line; every run of white space has one place to go (adjacent
# `\s*`s made a line of spaces cost n⁴).
_LABEL_LINE = re.compile(
    r"(?:#{1,6}\s*)?(?:(?:\*\*|__)\s*)?(?P<label>[A-Za-z][A-Za-z &]{0,39}[A-Za-z&])"
    r"\s*(?::\s*)?(?:(?:\*\*|__)\s*)?(?::\s*)?"
)
_CITATION_LABEL = re.compile(r"(?:#{1,6}\s*)?(?:\*\*\s*)?Citation\s*(?::\s*)?(?:\*\*\s*)?(?::\s*)?")
_MONTH = "|".join(MONTHS)
_DATE = rf"(?:(?:{_MONTH})\s+\d{{1,2}},\s+\d{{4}}|(?:{_MONTH})\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}|\d{{4}})"
_ARCHIVE_NAME = r"(?:Wilson Center Digital Archive|History and Public Policy Program Digital Archive|[A-Z][\w ]*Digital Archive)"
# One way through each run of white space (`\s*,?\s*(?:date)?\s*,` had three), and a search
# takes a run from its start only (not from each of its spaces); matched where no space precedes.
_AFTER_TITLE = re.compile(
    rf"(?:(?<!\s)\s*|(?<=\s))(?:,\s*)?(?:(?P<date>{_DATE})\s*)?,\s*(?P<archive>{_ARCHIVE_NAME})\s*(?:,\s*|\.\s*|$)"
)
_URL_START = re.compile(r"https?://[^\s<>]")
_TRANSCRIPT = re.compile(r"(?:Transcript|Translation|Original)\s*-\s*\w+(?:\s*\w+)?\s*$")


class Citation:
    """The parts of one Wilson Center citation line."""

    __slots__ = ("title", "date", "archive_name", "source", "credits", "url", "text", "source_text")

    def __init__(self, title: str, date: str | None, archive_name: str, source: str, credits: str, url: str | None, text: str, source_text: str):
        self.title, self.date, self.archive_name = title, date, archive_name
        self.source, self.credits, self.url, self.text = source, credits, url, text
        self.source_text = source_text
        """Everything between the archive name and the URL, as written."""


def looks_like_wilson(text: str) -> bool:
    head = text[:4000]
    if "Citation" in head and any(_CITATION_LABEL.fullmatch(line.strip()) for line in head.split("\n")):
        return True
    first = head.strip().split("\n", 1)[0]
    return "Digital Archive" in first and bool(_AFTER_TITLE.search(first))


def iso_date(text: str | None) -> str | None:
    """"July 05, 1945" → "1945-07-05"; "July 1945" → "1945-07"; "1961" → "1961"."""
    if not text:
        return None
    text = text.strip()
    full = DATE_PATTERN.fullmatch(text)
    if full:
        return iso_from_match(full)
    match = re.fullmatch(rf"({_MONTH})\s+(\d{{4}})", text)
    if match:
        return f"{match[2]}-{MONTHS.index(match[1]) + 1:02d}"
    return text if re.fullmatch(r"\d{4}", text) else None


def parse_citation_line(line: str, *, source: str | None = None, offset: int = 0) -> Citation:
    """Parse one citation line (either wording, straight or curly quotes)."""
    text = " ".join(line.split())
    title = None
    rest = ""
    if text[:1] in "\"“":
        # The title ends at the closing quote that is followed by the date and archive name.
        for close in re.finditer(r"[\"”]", text[1:]):
            position = close.start() + 1
            tail = _AFTER_TITLE.match(text, position + 1)
            if tail:
                title = text[1:position].rstrip()
                rest = text[position + 1 :]
                break
    if title is None:
        # Lossy copies drop the quotation marks: "Title, Month D, YYYY, … Digital Archive, …".
        match = re.search(rf",\s*(?:(?:{_DATE})\s*)?,\s*{_ARCHIVE_NAME}\s*(?:,\s*|\.\s*|$)", text)
        if not match:
            raise HeaderSyntaxError(
                "expected a Wilson Center citation: '\"Title\", Month D, YYYY, Wilson Center Digital Archive, "
                "<source>. <URL>'",
                source=source if source is not None else line,
                span=(offset, offset + max(1, len(line.rstrip()))),
            )
        title = text[: match.start()]
        rest = text[match.start() :]
    title = title.rstrip(",").strip()
    tail = _AFTER_TITLE.match(rest)
    if tail is None:  # not reachable: both searches above require this shape
        raise HeaderSyntaxError("expected the date and archive name after the title", source=source or line, span=(offset, offset + 1))
    remainder = rest[tail.end() :].strip()
    url = None
    url_span = _trailing_url(remainder)
    if url_span:
        url = remainder[url_span[0] : url_span[1]].rstrip(".")
        before = remainder[: url_span[0]]
        remainder = (before[:-1] if before.endswith("<") else before).strip()
    archival, credits = split_credits(remainder)
    return Citation(title, tail["date"], tail["archive"], archival, credits, url, text, remainder.rstrip(" ."))


def _trailing_url(text: str) -> tuple[int, int] | None:
    """Span of the URL that ends *text* (``<…>`` and a full stop allowed around it), or None.

    Only the last word is looked at: a search from every "http" to the end of the text
    was quadratic.  The shortest URL is taken, so a trailing ">" or "." stays outside it.
    """
    body = text.rstrip()
    for suffix in (">.", ">", ".", ""):
        if not body.endswith(suffix):
            continue
        end = len(body) - len(suffix)
        start = end
        while start > 0 and not body[start - 1].isspace() and body[start - 1] not in "<>":
            start -= 1
        found = _URL_START.search(body, start, end)
        if found:
            return found.start(), end
    return None


def _label(line: str) -> str | None:
    stripped = line.strip()
    match = _LABEL_LINE.fullmatch(stripped)
    if not match:
        return None
    # A label must look like one: bold, a heading, or ending in a colon.
    if not (stripped.startswith(("#", "**", "__")) or stripped.rstrip("*_ ").endswith(":")):
        return None
    return _LABELS.get(match["label"].strip().lower())


def _plain(text: str) -> str:
    """Drop markdown emphasis and heading marks from a header line."""
    return " ".join(re.sub(r"^#{1,6}\s*|\*\*|__", "", text).split())


_CANONICAL_URL = "https://digitalarchive.wilsoncenter.org/document/{}"
_KINDS = re.compile(
    r"(Cable|Telegram|Ciphered Telegram|Letter|Memorandum of Conversation|Memorandum|Minutes|Record|Report|Note|Notes"
    r"|Speech|Journal|Transcript|Summary|Excerpts)\b"
)


def parse_wilson(text: str, *, path: str | None = None) -> Reference:
    """Parse a Wilson Center record page, or a file holding only its citation line."""
    sections, starts, preamble = _split_sections(text)
    citation, preamble = _read_citation(text, sections, starts, preamble, path)
    header_date, header_title = _header(preamble)

    def section(name: str) -> str | None:
        body = "\n".join(sections.get(name, [])).strip()
        return " ".join(_plain(l) for l in body.split("\n") if l.strip()) or None

    record_id, url = _record_id_and_url(citation.url, section("record_id"))
    extra = tuple(
        (name, value)
        for name in ("type", "authors", "subjects", "keywords", "places", "people", "rights")
        if (value := section(name))
    )
    return Reference(
        kind="wilson",
        title=citation.title or header_title or "",
        text=_body(sections.get("contents", [])),
        date=iso_date(citation.date) or iso_date(header_date),
        document_type=_document_type(dict(extra).get("type"), citation.title),
        url=url,
        original_url=citation.url,
        record_id=record_id,
        digital_archive=citation.archive_name,
        archive=_archive(citation),
        contributors=parse_credits(citation.credits),
        summary=section("summary"),
        credits=section("credits"),
        original_language=section("original_language"),
        citation=citation.text,
        path=path,
        extra=extra,
    )


def _split_sections(text: str) -> tuple[dict[str, list[str]], dict[str, int], list[str]]:
    """The lines under each label, the offset where each label's lines begin, and the lines before the first label."""
    sections: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    preamble: list[str] = []
    current: str | None = None
    offset = 0
    for line in text.split("\n"):
        label = _label(line) if current != "contents" or _label(line) in {"citation", "summary"} else None
        if label:
            current = label
            sections.setdefault(label, [])
            starts.setdefault(label, offset + len(line) + 1)
        elif current is None:
            preamble.append(line)
        else:
            sections[current].append(line)
        offset += len(line) + 1
    return sections, starts, preamble


def _read_citation(
    text: str, sections: dict[str, list[str]], starts: dict[str, int], preamble: list[str], path: str | None
) -> tuple[Citation, list[str]]:
    """The citation (under its label, or the whole text when there is none) and what is left of the preamble."""
    offset = starts.get("citation", 0)
    if "citation" in sections:
        lines = sections["citation"]
        citation_text = " ".join(l.strip() for l in lines if l.strip())
        first = next((i for i, l in enumerate(lines) if l.strip()), 0)
        offset += sum(len(l) + 1 for l in lines[:first])
    else:
        # Only a citation line (what a user copies from the site's citation box).
        citation_text = " ".join(l.strip() for l in preamble if l.strip())
        offset = len(text) - len(text.lstrip())
        preamble = []
    if not citation_text:
        raise HeaderSyntaxError(
            "expected the citation line after 'Citation:'", source=text, span=(max(0, offset - 1), offset), path=path
        )
    try:
        return parse_citation_line(citation_text, source=text, offset=offset), preamble
    except HeaderSyntaxError as error:
        error.path = path
        if error.span and error.span[1] > len(text):
            error.span = (error.span[0], len(text))
        raise


def _header(preamble: list[str]) -> tuple[str | None, str | None]:
    """Date and title from the bold segments or plain lines before the first label."""
    header_text = " ".join(l.strip() for l in preamble if l.strip())
    segments = [s.strip() for s in re.findall(r"\*\*(.+?)\*\*", header_text)] or [
        _plain(l) for l in preamble if l.strip()
    ]
    header_date = next((s for s in segments if iso_date(s)), None)
    header_title = next((" ".join(s.split()) for s in segments if s != header_date), None)
    return header_date, header_title


def _body(contents: list[str]) -> str:
    """The record's text: the Contents section without its "Transcript - English" line."""
    while contents and (not contents[0].strip() or _TRANSCRIPT.fullmatch(_plain(contents[0]))):
        contents = contents[1:]
    body, _ = squeeze("\n".join(contents), [])
    return body


def _record_id_and_url(url: str | None, record_id_section: str | None) -> tuple[str | None, str | None]:
    """The record id (from the URL, else the "Record ID" section) and the URL to cite.

    When the id is known the URL is the archive's own address for it
    (``https://digitalarchive.wilsoncenter.org/document/<id>``), whatever host the record
    was copied from; otherwise the URL is kept as written.
    """
    record_id = None
    if url:
        match = re.search(r"/document/(\d+)/?$", url)
        record_id = match.group(1) if match else None
    if record_id is None and record_id_section:
        record_id = re.sub(r"\D", "", record_id_section) or None
    return record_id, (_CANONICAL_URL.format(record_id) if record_id else url)


def _archive(citation: Citation) -> ArchivalLocation | None:
    """The archival location the citation names, with where it was published."""
    archive = parse_archival_source(citation.source) if citation.source else None
    if archive is None:
        return None
    published = re.search(r"(?:Published|Reprinted) in\s+(.+?)\.?$", citation.credits)
    return replace(
        archive,
        text=citation.source_text,
        published_in=archive.published_in or (published.group(1) if published else None),
    )


def _document_type(type_field: str | None, title: str) -> str | None:
    """The "Type" field, lower case, else the kind of document the title begins with."""
    if type_field:
        return type_field.lower()
    kind = _KINDS.match(title)
    return kind.group(1).lower() if kind else None
