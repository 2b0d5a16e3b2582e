"""One ``div[@type="document"]`` read into a :class:`~frus_cite.model.Reference` of the
same shape the text parser gives.

Grammar (TEI P5 as the Office of the Historian encodes it)::

    document  := div[@type="document"][@xml:id][@n]
                 note[@type="source"]?  head  (opener | dateline)*  body-block*  closer?
    pages     := pb[@n] anywhere; the last pb before a document is the page it starts on
    footnote  := note[@n] where its mark stands (in head/opener/closer: a heading mark)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Mapping
from typing import TYPE_CHECKING

from lxml import etree

from ...catalog import HSG_BASE, default_catalog
from ...errors import SourceError, TeiError
from ...model import ArchivalSource, Footnote, ListedPerson, PageMap, Party, Reference
from ..frus_body import enclosures
from ..frus_heading import parse_heading
from ..frus import document_type_of, source_marking, telegram_number_of
from ..frus_opener import RECEIVED, Openers, editorial_words, received_text
from ..provenance import Evidence, read_provenance
from .text import FRUS_NS, SKIPPED, T, TextBuilder, element_lines, element_text, local_name, note_text

if TYPE_CHECKING:
    from .volume import DocumentEntry, TeiVolume

__all__ = ["DocumentReader"]

_NUMBER_LINE = re.compile(r"No\.\s*(\d{1,5})\.?")
_PRESENT = re.compile(r"(?:Participants|PARTICIPANTS|Present|PRESENT):?")
_PRINTED_NUMBER = re.compile(r"(\d{1,5})\.(?:\s+|(?=[A-Z]))")  # "80.Memorandum" prints no space
_FULL_STOP = re.compile(r"(?<![JS]r)(?<![ap]\.m)(?<![ap]\. m)(?<=[a-zé])\.$")
"""A heading's closing full stop (after a word, not after "Jr" or an initial)."""
_BLOCKS = frozenset(
    {"p", "ab", "quote", "list", "item", "label", "table", "row", "lg", "l", "head", "opener", "closer",
     "dateline", "salute", "signed", "postscript", "attachment", "div", "byline", "trailer", "figure", "argument"}
)
_LINES = frozenset({"item", "label", "row", "l", "signed", "salute", "dateline"})
"""Blocks shown as lines of their container rather than as paragraphs."""
_OPENER_LIKE = frozenset({"p", "seg", "ab"})
_MARKINGS = frozenset(
    {"top secret", "secret", "confidential", "restricted", "unclassified", "priority", "niact", "urgent",
     "immediate", "personal", "private", "eyes only", "nodis", "exdis", "limdis", "plain", "triple priority",
     "official use only", "limited official use", "strictly confidential", "personal and secret", "sensitive"}
)
"""Security classification and handling words printed above a document's text."""
_TIME = re.compile(r"\d{4}\]?\s*(?:[—–]|,)\s*(?P<time>[^\[\]]+?)\.?\]?\s*$")
_SEE_DOCUMENT = re.compile(r"^#d(\d+)$")



@dataclass(frozen=True, slots=True)
class _Heading:
    title: str
    heading: str
    number_line: int | None
    """The number a "No. 46." line above the heading prints."""
    numbered: bool = False
    """The heading prints the document's number ("58. Telegram From …", "No. 46.")."""


@dataclass(frozen=True, slots=True)
class _Dateline:
    line: str | None
    place: str | None
    date: str | None
    time: str | None
    received: str | None


class DocumentReader:
    """Reads one ``div[@type="document"]`` into a reference."""

    def __init__(self, volume: TeiVolume, key: str, entry: DocumentEntry) -> None:
        self.volume = volume
        self.key = key
        self.div = entry.element
        self.start_page = entry.start_page
        self.body = TextBuilder()
        self.notes: list[tuple[etree._Element, int | None]] = []
        """Footnotes in document order, with the offset of their mark in the body
        (``None``: the mark stands in the heading, opener or closer)."""
        self.header_line: str | None = None
        self.heading: _Heading | None = None
        self.dateline = _Dateline(None, None, None, None, None)
        self.classification: str | None = None
        self.despatch: str | None = None
        self.received: str | None = None
        self.signature: str | None = None
        self.editorial: list[str] = []
        """Words of editorial lines above the text ("[Telegram.]" → "telegram")."""
        self.subject: str | None = None
        self.participants: tuple[str, ...] = ()

    def reference(self) -> Reference:
        for child in self.div:
            self._part(child)
        if self.heading is None:
            raise TeiError(
                f"document {self.key} has no <head>; expected its heading",
                path=self.volume.path,
                line=self.div.sourceline,
            )
        return self._assemble()

    def _part(self, child: etree._Element) -> None:
        name = local_name(child.tag)
        if name == "note" and child.get("type") == "source" and not child.get("n"):
            self.header_line = element_text(child)
        elif name == "head" and self.heading is None:
            self.heading = self._read_heading(child)
        elif name == "opener":
            for part in child:
                self._opener_line(part)
        elif name == "dateline" and self.body.length == 0:
            self._read_dateline(child)
        elif name == "pb" and self.heading is None and self.body.length == 0:
            self.start_page = child.get("n") or self.start_page  # the document opens a page
        elif name in _OPENER_LIKE and self.body.length == 0 and self._opener_paragraph(child):
            pass
        elif name == "closer" and self.signature is None and child.find(f".//{T}signed") is not None:
            self._read_closer(child)
        elif name == "list" and child.get("type") in ("subject", "participants"):
            self._read_list(child)
        elif name == "table" and not self.participants and _PRESENT.fullmatch(element_text(child.find(f".//{T}cell"))):
            self.participants = tuple(filter(None, (element_text(cell) for cell in child.iter(f"{T}cell"))))[1:]
            self._block(child)
        elif name == "note" and child.get("n"):
            self.notes.append((child, None))
        else:
            self._block(child)

    # -- heading, opener, closer -------------------------------------------------

    def _read_heading(self, head: etree._Element) -> _Heading:
        words = TextBuilder()
        marks: list[tuple[int, str]] = []
        self._inline(head, words, marks)
        plain = words.text()
        printed = plain
        for offset, mark in reversed(marks):
            printed = f"{printed[:offset]} {mark}{printed[offset:]}"
        lines, printed_lines = plain.split("\n"), printed.split("\n")
        number_line = None
        if len(lines) > 1 and (number := _NUMBER_LINE.fullmatch(lines[0].strip())):
            number_line = int(number.group(1))
            lines, printed_lines = lines[1:], printed_lines[1:]
        title = " ".join(" ".join(lines).split())
        printed_number = _PRINTED_NUMBER.match(title)
        numbered = number_line is not None
        if printed_number and printed_number.group(1) == self.div.get("n"):
            title, numbered = title[printed_number.end() :], True
        if _FULL_STOP.search(title):
            title = title[:-1]  # "Mr. Frelinghuysen to Mr. Trescot." prints a full stop the title does not keep
        heading = " ".join(" ".join(printed_lines).split())
        return _Heading(title=title, heading=heading, number_line=number_line, numbered=numbered)

    def _inline(self, element: etree._Element, words: TextBuilder, marks: list[tuple[int, str]]) -> None:
        """Heading-like text: notes become marks, line breaks new lines, pages ignored."""
        words.add(element.text)
        for child in element:
            name = local_name(child.tag)
            if name == "note" and child.get("n"):
                self.notes.append((child, None))
                marks.append((words.length, child.get("n")))
            elif name == "lb":
                words.block("\n")
            elif name not in SKIPPED and name != "pb":
                self._inline(child, words, marks)
            words.add(child.tail)

    def _opener_line(self, part: etree._Element) -> None:
        name = local_name(part.tag)
        if name == "dateline":
            self._read_dateline(part)
            return
        words = TextBuilder()
        self._inline(part, words, [])
        for line in words.text().split("\n"):
            text = line.strip()
            if not text:
                continue
            if (number := _NUMBER_LINE.fullmatch(text.rstrip("]"))) and self.despatch is None:
                self.despatch = number.group(1)
            elif (received := RECEIVED.fullmatch(text)) and self.received is None:
                self.received = received_text(received.group(1))
            elif (words := editorial_words(text)) is not None:
                self.editorial += words
            elif _is_small_caps(part) and self.dateline.line is None:
                self._classify(text)

    def _opener_paragraph(self, part: etree._Element) -> bool:
        """A paragraph above the body that prints only a marking or a despatch number
        ("Confidential / Priority", "No. 85"): read as an opener line."""
        lines = [line for line in element_lines(part) if line]
        if not lines:
            return False
        if len(lines) == 1 and (number := _NUMBER_LINE.fullmatch(lines[0])) and self.despatch is None:
            self.despatch = number.group(1)
            return True
        if len(lines) == 1 and (words := editorial_words(lines[0])) is not None:
            self.editorial += words
            return True
        if all(line.strip("().").lower() in _MARKINGS for line in lines):
            for line in lines:
                self._classify(line)
            return True
        return False

    def _classify(self, line: str) -> None:
        words = line.strip("().").lower()
        self.classification = f"{self.classification} {words}" if self.classification else words

    def _read_dateline(self, element: etree._Element) -> None:
        words = TextBuilder()
        self._inline(element, words, [])
        lines, received = [], None
        for line in (line.strip() for line in words.text().split("\n")):
            if (found := RECEIVED.search(line)) is not None:
                received = received_text(found.group(1))
                if RECEIVED.fullmatch(line):
                    continue  # "[Received March 8.]" on a line of its own is not part of the dateline
            if line:
                lines.append(line)
        date = element.find(f".//{T}date")
        when = (date.get("when") or "")[:10] if date is not None else ""
        self.dateline = _Dateline(
            line=" ".join(lines) or None,
            place=_place(element.find(f".//{T}placeName")),
            date=when if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", when) else None,
            time=_time(" ".join(lines)),
            received=received,
        )
        if received and self.received is None:
            self.received = received

    def _read_list(self, element: etree._Element) -> None:
        """SUBJECT and PARTICIPANTS lists above the text: read, and kept in the text as printed."""
        items = [element_text(item) for item in element.iter(f"{T}item")]
        if element.get("type") == "subject":
            self.subject = " ".join(items) or None
        else:
            self.participants = tuple(item for item in items if item)
        self._block(element)

    def _read_closer(self, closer: etree._Element) -> None:
        """The signature; what stands before it ("For the Political Adviser:") stays in the
        text, the signer's office printed under it does not (as in the text parser)."""
        signed = closer.find(f".//{T}signed")
        words = TextBuilder()
        self._inline(signed, words, [])
        self.signature = " ".join(words.text().split()) or None
        if (closer.text or "").strip():
            self.body.block()
            self.body.add(closer.text)
        for child in closer:
            if child is signed or signed in child.iterdescendants():
                break
            if local_name(child.tag) == "note" and child.get("n"):
                self.notes.append((child, None))
            else:
                self._block(child)
        for note in closer.iter(f"{T}note"):
            if note.get("n") and not any(note is known for known, _ in self.notes):
                self.notes.append((note, None))  # a mark after the signature or the office

    # -- body ---------------------------------------------------------------------

    def _block(self, element: etree._Element) -> None:
        name = local_name(element.tag)
        if name in SKIPPED:
            return
        if name == "pb":
            self.body.page(element.get("n"))
            return
        if name == "lb":
            self.body.space()
            return
        if name == "note" and element.get("n"):
            self.notes.append((element, self.body.length))
            return
        self.body.block("\n" if name in _LINES else "\n\n")
        self._body_inline(element)
        self.body.block("\n" if name in _LINES else "\n\n")

    def _body_inline(self, element: etree._Element) -> None:
        self.body.add(element.text)
        for child in element:
            name = local_name(child.tag)
            if name == "note" and child.get("n"):
                self.notes.append((child, self.body.length))
            elif name == "pb":
                self.body.page(child.get("n"))
            elif name == "lb":
                self.body.space()
            elif name in _BLOCKS or (name == "note" and child.get("rend") == "inline"):
                self._block(child)
            elif name not in SKIPPED:
                self._body_inline(child)
            self.body.add(child.tail)

    # -- the reference -----------------------------------------------------------

    def _assemble(self) -> Reference:
        assert self.heading is not None
        text = self.body.text()
        footnotes = tuple(_footnote(note, offset) for note, offset in self.notes)
        kind, authors, recipients = parse_heading(self.heading.title, numbered=self.heading.numbered)
        persons = _heading_persons(self.div.find(T + "head"))
        source = self._provenance(footnotes)
        file = source.file if source else None
        file_date = file.decimal.date if file and file.decimal else None
        document_type = document_type_of(source, kind, Openers(despatch=self.despatch, editorial=self.editorial))
        number = self.div.get("n")
        vid = self.volume.volume_id
        return Reference(
            kind="frus",
            title=self.heading.title,
            text=text,
            date=self.dateline.date or _same_day(self.div) or file_date,
            document_type=document_type,
            document_number=int(number) if number and number.isdigit() else self.heading.number_line,
            file=file,
            source=source,
            subject=self.subject,
            participants=self.participants,
            enclosures=enclosures(text),
            authors=tuple(_with_person_id(p, persons, self.volume.persons) for p in authors),
            recipients=tuple(_with_person_id(p, persons, self.volume.persons) for p in recipients),
            classification=self.classification or source_marking(source),
            telegram_number=telegram_number_of(self.despatch, document_type, text),
            place=self.dateline.place,
            dateline=self.dateline.line,
            dateline_date=self.dateline.date,
            file_date=file_date,
            time=self.dateline.time,
            received=self.received or (source.received if source else None),
            pages=_page_map(self.start_page, self.body.breaks, len(text)),
            footnotes=footnotes,
            signature=self.signature,
            volume=vid,
            url=f"{HSG_BASE}/{vid}/{self.key}" if vid else None,
            heading=self.heading.heading,
            path=self.volume.path,
        )

    def _provenance(self, footnotes: tuple[Footnote, ...]) -> ArchivalSource | None:
        """The archival source, read by the provenance readers the text parser uses: the
        source line above the heading, or the "Source:" footnote."""
        evidence = Evidence(
            lines_above=((self.header_line, 0),) if self.header_line else (),
            footnotes=tuple(note.text for note in footnotes),
            year=self._year(),
        )
        try:
            return read_provenance(evidence)
        except SourceError as error:  # located in the note's text: say where the note is in the file
            note = next((n for n, _ in self.notes if n.get("type") == "source"), None)
            line = note.sourceline if note is not None else self.div.sourceline
            raise TeiError(
                f"document {self.key}: cannot read its source line or note: {error.message}",
                path=self.volume.path,
                line=line,
            ) from None

    def _year(self) -> int | None:
        """The last year the volume covers (it decides the century of file dates), else the document's."""
        catalog = default_catalog()
        vid = self.volume.volume_id
        coverage = catalog.get(vid).coverage if vid in catalog else (self.volume.header.coverage if self.volume.header else None)
        years = re.findall(r"\d{4}", coverage or "")
        return int(years[-1]) if years else _year(self.div.get(f"{{{FRUS_NS}}}doc-dateTime-min") or self.dateline.date)



def _place(name: etree._Element | None) -> str | None:
    """The place of a dateline: the last line of ``placeName`` ("Department of State,
    Washington" → "Washington"), without editorial brackets."""
    if name is None:
        return None
    lines = [line for line in element_lines(name) if line.strip(" ,")]
    return re.sub(r"[\[\]]", "", lines[-1]).strip(" ,") or None if lines else None


def _is_small_caps(element: etree._Element) -> bool:
    return any(hi.get("rend") == "smallcaps" for hi in element.iter(T + "hi"))


def _time(dateline: str) -> str | None:
    """The time printed after the date's year: "Saigon, March 17, 1949—3 p. m." → "3 p. m."."""
    found = _TIME.search(dateline)
    if found is None:
        return None
    time = found["time"].strip()
    return f"{time}." if time.endswith(("a.m", "p.m", "a. m", "p. m")) else time


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def _same_day(div: etree._Element) -> str | None:
    """The document's date from ``frus:doc-dateTime-min/-max`` when both fall on one day."""
    low = (div.get(f"{{{FRUS_NS}}}doc-dateTime-min") or "")[:10]
    high = (div.get(f"{{{FRUS_NS}}}doc-dateTime-max") or "")[:10]
    return low if low and low == high else None


def _footnote(note: etree._Element, offset: int | None) -> Footnote:
    words = TextBuilder()
    note_text(note, words)
    see = tuple(
        int(found.group(1))
        for ref in note.iter(T + "ref")
        if (found := _SEE_DOCUMENT.match(ref.get("target") or "")) is not None
    )
    return Footnote(
        mark=note.get("n") or "",
        text=" ".join(words.text().split()),
        offset=offset,
        in_heading=offset is None,
        see_documents=see,
    )


def _heading_persons(head: etree._Element | None) -> list[tuple[str, str | None, str | None]]:
    """(name as printed, persons-list id, "from"/"to") of each ``persName`` in the heading."""
    if head is None:
        return []
    return [
        (element_text(p), (p.get("corresp") or "").lstrip("#") or None, p.get("type"))
        for p in head.iter(T + "persName")
        if p.getparent() is not None and local_name(p.getparent().tag) != "note"
    ]


def _with_person_id(party: Party, persons: list[tuple[str, str | None, str | None]], listed: Mapping[str, ListedPerson]) -> Party:
    if party.name is None:
        return party
    for printed, pid, _ in persons:
        if pid and (printed == party.name or printed.endswith(" " + party.name) or party.name.endswith(printed)):
            return Party(name=party.name, role=party.role, text=party.text, person_id=pid, listed=listed.get(pid))
    return party


def _page_map(start: str | None, breaks: list[tuple[int, str]], length: int) -> PageMap | None:
    """Pages of the body: the page the document starts on, then each ``pb`` inside it; a
    page break before the first word leaves the heading on the page the document starts on."""
    pages: list[tuple[int, str]] = []
    if start is not None:
        pages.append((0, start))
    elif breaks and breaks[0][0] > 0:
        first = breaks[0][1]
        pages.append((0, str(int(first) - 1) if first.isdigit() else f"{first}-"))
    heading_page = None
    for offset, label in breaks:
        if pages and pages[-1][0] == offset:
            if offset == 0 and pages[-1][1] != label:
                heading_page = pages[-1][1]
            pages[-1] = (offset, label)
        else:
            pages.append((offset, label))
    return PageMap(breaks=tuple(pages), length=length, heading_page=heading_page) if pages else None