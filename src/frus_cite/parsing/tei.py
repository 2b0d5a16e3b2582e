"""Read FRUS documents from the Office of the Historian's TEI master files.

A whole volume (``frus1955-57v03.xml``), a slice of one (``pb`` and
``div[@type="document"]`` elements side by side, as cut from a volume) or a
single document is parsed once; its documents are indexed by id together with
the page each starts on, and each document becomes a
:class:`~frus_cite.model.Reference` of the same shape the text parser gives,
built when first asked for.

Grammar of what is read (TEI P5 as the Office of the Historian encodes it)::

    file      := TEI[teiHeader?, text] | (pb | div[@type="document"])+   ; volume | slice
    document  := div[@type="document"][@xml:id][@n]
                 note[@type="source"]?  head  (opener | dateline)*  body-block*  closer?
    pages     := pb[@n] anywhere; the last pb before a document is the page it starts on
    footnote  := note[@n] where its mark stands (in head/opener/closer: a heading mark)

Safety: the file is refused before parsing when it is larger than
:data:`MAX_TEI_BYTES` or declares a DTD (TEI volumes have none; a DTD is how
entity bombs and external entities get in); lxml parses with entity
resolution, network access and DTD loading off and its size limits on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..catalog import HSG_BASE, Catalog, Volume, default_catalog
from ..errors import TeiError, UnknownDocumentError
from ..model import FileDesignation, Footnote, ListedPerson, PageMap, Party, Reference
from .frus import parse_header_line, parse_heading
from .text import read_bytes

__all__ = [
    "MAX_TEI_BYTES",
    "TEI_NS",
    "TeiVolume",
    "looks_like_tei",
    "open_tei",
    "split_address",
    "read_tei",
    "read_tei_bytes",
]

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
MAX_TEI_BYTES = 32 * 1024 * 1024
"""Largest TEI file read: the biggest FRUS volumes are about 12 MB."""

_T = "{%s}" % TEI_NS
_PB, _DIV, _NOTE = _T + "pb", _T + "div", _T + "note"
_FRAGMENT_OPEN = f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}">'.encode()
_FRAGMENT_ROOTS = frozenset({"div", "pb"})
"""Elements a slice of a volume may begin with."""

_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(rb"\s*<!DOCTYPE", re.I)
_START_TAG = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")
_NUMBER_LINE = re.compile(r"No\.\s*(\d{1,5})\.?")
_PRINTED_NUMBER = re.compile(r"(\d{1,5})\.\s+")
_CLOSING = ")],."
_OPENING = "([\n"


def looks_like_tei(data: bytes) -> bool:
    """True when *data* starts (after an XML declaration and comments) with a TEI root
    or with the ``div``/``pb`` elements of a slice, or declares a DTD (which the TEI
    reader refuses, saying why)."""
    try:
        name, _ = _first_element(data, "<bytes>")
    except TeiError:
        return True
    return name is not None and _local(name) in _FRAGMENT_ROOTS | {"TEI"}


def read_tei(path: str | Path, *, volume: str | None = None, max_bytes: int = MAX_TEI_BYTES) -> "TeiVolume":
    """Read and index a TEI file (volume, slice or single document).

    *volume* names the FRUS volume when the file does not (a slice has no
    ``teiHeader``); otherwise it comes from the header or the file name.
    """
    expected = f"a FRUS volume file (at most {max_bytes // 2**20} MB)"
    data = read_bytes(path, max_bytes=max_bytes, expected=expected, error=TeiError, kind="a TEI file")
    return read_tei_bytes(data, path=str(path), volume=volume)


def read_tei_bytes(data: bytes, *, path: str = "<tei>", volume: str | None = None) -> "TeiVolume":
    """Parse and index TEI held in memory (see :func:`read_tei`)."""
    root_name, offset = _first_element(data, path)
    if root_name is None:
        raise TeiError("expected a TEI file (an XML file whose root element is <TEI>)", path=path, line=1)
    local = _local(root_name)
    fragment = local in _FRAGMENT_ROOTS
    if not fragment and local != "TEI":
        raise TeiError(
            f"expected a TEI file (root element <TEI> in the namespace {TEI_NS}) or a slice of one "
            f"(<pb/> and <div type=\"document\"> elements), found <{root_name.decode(errors='replace')}>",
            path=path,
            line=_line_at(data, offset),
        )
    if fragment:
        # The wrapper goes on line 1 without a line break, so line numbers stay the file's own.
        data = data[:offset] + _FRAGMENT_OPEN + data[offset:] + b"</TEI>"
    root = _parse(data, path, fragment)
    if root.tag != _T + "TEI":
        raise TeiError(
            f"expected the root element <TEI> in the namespace {TEI_NS}, found {root.tag}",
            path=path,
            line=root.sourceline,
        )
    return TeiVolume(root, path=path, volume=volume, fragment=fragment)


def _first_element(data: bytes, path: str) -> tuple[bytes | None, int]:
    """The name and offset of the first element, past the XML declaration, processing
    instructions and comments; a DOCTYPE is refused here, before any parser sees it."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while (item := _PROLOG_ITEM.match(data, position)) is not None:
        position = item.end()
    if (doctype := _DOCTYPE.match(data, position)) is not None:
        at = doctype.end() - len(b"<!DOCTYPE")
        raise TeiError(
            "expected no DOCTYPE: TEI volume files have none, and a DTD's entity declarations "
            "can expand without bound (an XML bomb) or read other files; refused unread",
            path=path,
            line=_line_at(data, at),
        )
    tag = _START_TAG.match(data, position)
    if tag is None:
        return None, position
    return tag.group(1), tag.start(1) - 1


def _parse(data: bytes, path: str, fragment: bool) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = (exc.msg or str(exc)).split(", line ")[0]
        unclosed = re.match(r"Opening and ending tag mismatch: (\S+) line (\d+) and TEI", message)
        if fragment and unclosed:
            raise TeiError(
                f"<{unclosed.group(1)}> opened at line {unclosed.group(2)} is not closed; expected its end tag "
                "before the end of the file (is the file cut short?)",
                path=path,
                line=exc.lineno,
            ) from None
        if "amplification" in message or "entity" in message.lower():
            hint = "; expected a TEI file without entity declarations"
        elif "Premature end" in message or "EndTag" in message or "end of data" in message:
            hint = "; the file ends too early (is it cut short?)"
        else:
            hint = "; expected well-formed XML"
        line = exc.lineno or (exc.position[0] if exc.position else None)
        raise TeiError(f"malformed XML: {message}{hint}", path=path, line=line) from None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _local(name: bytes | str) -> str:
    text = name.decode(errors="replace") if isinstance(name, bytes) else name
    return text.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


@dataclass(frozen=True, slots=True)
class _Entry:
    element: etree._Element
    start_page: str | None
    """The page in effect where the document begins (the last ``pb`` before it)."""


class TeiVolume:
    """A parsed TEI file: its documents by id, the volume's header and list of persons.

    Documents are read into references when first asked for, and kept.
    """

    def __init__(self, root: etree._Element, *, path: str, volume: str | None = None, fragment: bool = False):
        self.path = path
        """The file the volume was read from."""
        self._root = root
        self._entries = _index_documents(root)
        self.header: Volume | None = None if fragment else _volume_from_header(root)
        """The volume as its ``teiHeader`` describes it (``None`` for a slice)."""
        self.volume_id: str | None = volume or (self.header.id if self.header else None) or _volume_from_name(path)
        """The FRUS volume id: given, from the header, or from the file name."""
        self.persons: Mapping[str, ListedPerson] = _persons(root)
        """The volume's list of persons, by id ("p_KHA1"), with each person's identification."""
        self._references: dict[str, Reference] = {}

    @property
    def document_ids(self) -> tuple[str, ...]:
        """Ids of the documents in file order ("d1", "d2", …)."""
        return tuple(self._entries)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def catalog(self, base: Catalog | None = None) -> Catalog:
        """*base* (the shipped catalog by default), with this volume added from its
        header when the catalog lacks it."""
        base = base or default_catalog()
        if self.header is None or self.header.id in base:
            return base
        return base.extended({self.header.id: self.header})

    def reference(self, document_id: str) -> Reference:
        """The document *document_id* ("d58", or "58") as a reference."""
        key = document_id if document_id in self._entries else f"d{document_id}"
        if key not in self._entries:
            raise UnknownDocumentError(
                f"no document {document_id!r} in this file; expected one of {self._id_summary()}",
                path=self.path,
                line=self._root.sourceline or 1,
            )
        if key not in self._references:
            self._references[key] = _DocumentReader(self, key, self._entries[key]).reference()
        return self._references[key]

    def references(self) -> Iterator[Reference]:
        """Every document of the file, in order."""
        for key in self._entries:
            yield self.reference(key)

    def _id_summary(self) -> str:
        ids = list(self._entries)
        if not ids:
            return "none: the file holds no <div type=\"document\">"
        if len(ids) <= 6:
            return ", ".join(ids)
        return f"{ids[0]}–{ids[-1]} ({len(ids)} documents)"


def _index_documents(root: etree._Element) -> dict[str, _Entry]:
    """Document divs by id, each with the page it starts on (one pass in document order)."""
    entries: dict[str, _Entry] = {}
    page: str | None = None
    for element in root.iter(_PB, _DIV):
        if element.tag == _PB:
            page = element.get("n") or page
        elif element.get("type") == "document":
            key = element.get("{http://www.w3.org/XML/1998/namespace}id") or f"d{element.get('n')}"
            entries.setdefault(key, _Entry(element, page))
    return entries


def _volume_from_name(path: str) -> str | None:
    """"frus1955-57v03.xml", "frus1882.part.xml" → the volume id the name starts with."""
    match = re.match(r"(frus[0-9][\w-]*?)(?:-d\d+)?(?:\.|$)", Path(path).name)
    return match.group(1) if match else None


def _text(element: etree._Element | None) -> str:
    """The element's words, white space collapsed (a line break counts as a space)."""
    if element is None:
        return ""
    words = _Builder()
    _note_text(element, words)
    return " ".join(words.text().split())


def _volume_from_header(root: etree._Element) -> Volume | None:
    """The volume's citation record from ``teiHeader/fileDesc``."""
    desc = root.find(f"{_T}teiHeader/{_T}fileDesc")
    if desc is None:
        return None
    titles = {t.get("type"): _text(t) for t in desc.iterfind(f"{_T}titleStmt/{_T}title")}
    vid = _text(desc.find(f"{_T}publicationStmt/{_T}idno[@type='frus']")) or root.get(
        "{http://www.w3.org/XML/1998/namespace}id"
    )
    series = titles.get("series") or titles.get("complete")
    if not vid or not series:
        return None
    subseries = titles.get("sub-series") or None
    volume_title = titles.get("volume") or subseries or titles.get("complete") or vid
    editors = tuple(_text(e) for e in desc.iterfind(f"{_T}titleStmt/{_T}editor") if e.get("role") in (None, "primary"))
    return Volume(
        id=vid,
        title=titles.get("complete") or f"{series}, {volume_title}",
        series=series,
        subseries=subseries,
        volume_number=titles.get("volume-number") or titles.get("volumenumber") or None,
        volume_title=volume_title,
        editors=tuple(e for e in editors if e),
        publisher=_publisher(_text(desc.find(f"{_T}publicationStmt/{_T}publisher"))),
        place=_place(_text(desc.find(f"{_T}publicationStmt/{_T}pubPlace"))),
        published=_text(desc.find(f"{_T}publicationStmt/{_T}date")) or None,
        coverage=subseries,
        prints_document_numbers=_prints_numbers(subseries),
    )


def _publisher(text: str) -> str:
    # Chicago drops "United States" and the article: "Government Printing Office".
    return re.sub(r"^(?:United States|U\.\s?S\.)\s+", "", text) or "Government Printing Office"


def _place(text: str) -> str:
    return "Washington, DC" if not text or text.startswith("Washington") else text


def _prints_numbers(subseries: str | None) -> bool:
    """Volumes from the 1955–57 subseries on print their document numbers."""
    years = re.match(r"(\d{4})", subseries or "")
    return bool(years) and int(years.group(1)) >= 1955


def _persons(root: etree._Element) -> dict[str, ListedPerson]:
    """The list of persons of the front matter: ``persName[@xml:id]`` and the words after it."""
    persons: dict[str, ListedPerson] = {}
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    for section in root.iterfind(f".//{_T}front//{_T}div"):
        if (section.get(xml_id) or "").lower() not in {"persons", "persname", "listofpersons", "correspondents"}:
            continue
        for name in section.iter(_T + "persName"):
            pid = name.get(xml_id)
            if not pid:
                continue
            item = next((a for a in name.iterancestors(_T + "item")), None)
            identification = None
            if item is not None:
                whole = _text(item)
                printed = _text(name)
                after = whole.split(printed, 1)[1] if printed and printed in whole else ""
                identification = after.lstrip(" ,:;").strip() or None
            persons[pid] = ListedPerson(id=pid, name=_text(name), identification=identification)
    return persons


class _Builder:
    """Text as a browser shows it: white space collapsed, blocks kept apart, offsets exact.

    Spaces the pretty-printer put inside brackets are dropped ("( Gauss )" reads
    "(Gauss)"), as on history.state.gov.
    """

    __slots__ = ("_parts", "length", "_space", "_last", "_break", "_pages", "breaks")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self._space = False
        self._last = ""
        self._break = ""
        self._pages: list[str] = []
        self.breaks: list[tuple[int, str]] = []
        """(offset, page label) of every page break, at the first character of its page."""

    def add(self, text: str | None) -> None:
        if not text:
            return
        words = text.split()
        if text[0].isspace():
            self._space = True
        for number, word in enumerate(words):
            if number:
                self._space = True
            self._word(word)
        if text[-1].isspace():
            self._space = True

    def _word(self, word: str) -> None:
        if self.length:
            separator = self._break
            if not separator and self._space and self._last not in _OPENING and word[0] not in _CLOSING:
                separator = " "
            if separator:
                self._parts.append(separator)
                self.length += len(separator)
        self._break, self._space = "", False
        for label in self._pages:
            self.breaks.append((self.length, label))
        self._pages.clear()
        self._parts.append(word)
        self.length += len(word)
        self._last = word[-1]

    def space(self) -> None:
        self._space = True

    def block(self, separator: str = "\n\n") -> None:
        """Start a new block (paragraph "\\n\\n", line "\\n") before the next word."""
        if self.length and len(separator) > len(self._break):
            self._break = separator

    def page(self, label: str | None) -> None:
        if label:
            self._pages.append(label)

    def text(self) -> str:
        for label in self._pages:
            self.breaks.append((self.length, label))
        self._pages.clear()
        return "".join(self._parts)


_BLOCKS = frozenset(
    {"p", "ab", "quote", "list", "item", "label", "table", "row", "lg", "l", "head", "opener", "closer",
     "dateline", "salute", "signed", "postscript", "attachment", "div", "byline", "trailer", "figure", "argument"}
)
_LINES = frozenset({"item", "label", "row", "l", "signed", "salute", "dateline"})
"""Blocks shown as lines of their container rather than as paragraphs."""
_SKIPPED = frozenset({"figure", "graphic", "gap"})
_OPENER_LIKE = frozenset({"p", "seg", "ab"})
_MARKINGS = frozenset(
    {"top secret", "secret", "confidential", "restricted", "unclassified", "priority", "niact", "urgent",
     "immediate", "personal", "private", "eyes only", "nodis", "exdis", "limdis", "plain", "triple priority",
     "official use only", "limited official use", "strictly confidential", "personal and secret", "sensitive"}
)
"""Security classification and handling words printed above a document's text."""
_TIME = re.compile(r"\d{4}\]?\s*(?:[—–]|,)\s*(?P<time>[^\[\]]+?)\.?\]?\s*$")
_RECEIVED = re.compile(r"\[?\(?Received:?\s*(?P<when>[^\])]*)[\])]?\.?$")
_SEE_DOCUMENT = re.compile(r"^#d(\d+)$")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True, slots=True)
class _Heading:
    title: str
    heading: str
    number_line: int | None
    """The number a "No. 46." line above the heading prints."""


@dataclass(frozen=True, slots=True)
class _Dateline:
    line: str | None
    place: str | None
    date: str | None
    time: str | None
    received: str | None


class _DocumentReader:
    """Reads one ``div[@type="document"]`` into a reference."""

    def __init__(self, volume: TeiVolume, key: str, entry: _Entry) -> None:
        self.volume = volume
        self.key = key
        self.div = entry.element
        self.start_page = entry.start_page
        self.body = _Builder()
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
        name = _local(child.tag)
        if name == "note" and child.get("type") == "source" and not child.get("n"):
            self.header_line = _text(child)
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
        elif name == "closer" and child is _last_element(self.div):
            self._read_closer(child)
        elif name == "note" and child.get("n"):
            self.notes.append((child, None))
        else:
            self._block(child)

    # -- heading, opener, closer -------------------------------------------------

    def _read_heading(self, head: etree._Element) -> _Heading:
        words = _Builder()
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
        if printed_number and printed_number.group(1) == self.div.get("n"):
            title = title[printed_number.end() :]
        return _Heading(title=title, heading=" ".join(" ".join(printed_lines).split()), number_line=number_line)

    def _inline(self, element: etree._Element, words: _Builder, marks: list[tuple[int, str]]) -> None:
        """Heading-like text: notes become marks, line breaks new lines, pages ignored."""
        words.add(element.text)
        for child in element:
            name = _local(child.tag)
            if name == "note" and child.get("n"):
                self.notes.append((child, None))
                marks.append((words.length, child.get("n")))
            elif name == "lb":
                words.block("\n")
            elif name not in _SKIPPED and name != "pb":
                self._inline(child, words, marks)
            words.add(child.tail)

    def _opener_line(self, part: etree._Element) -> None:
        name = _local(part.tag)
        if name == "dateline":
            self._read_dateline(part)
            return
        words = _Builder()
        self._inline(part, words, [])
        for line in words.text().split("\n"):
            text = line.strip()
            if not text:
                continue
            if (number := _NUMBER_LINE.fullmatch(text.rstrip("]"))) and self.despatch is None:
                self.despatch = number.group(1)
            elif (received := _RECEIVED.fullmatch(text)) and self.received is None:
                self.received = _received_text(received["when"])
            elif _is_small_caps(part) and self.dateline.line is None:
                self._classify(text)

    def _opener_paragraph(self, part: etree._Element) -> bool:
        """A paragraph above the body that prints only a marking or a despatch number
        ("Confidential / Priority", "No. 85"): read as an opener line."""
        lines = [line for line in _lines(part) if line]
        if not lines:
            return False
        if len(lines) == 1 and (number := _NUMBER_LINE.fullmatch(lines[0])) and self.despatch is None:
            self.despatch = number.group(1)
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
        words = _Builder()
        self._inline(element, words, [])
        lines, received = [], None
        for line in words.text().split("\n"):
            if (found := _RECEIVED.fullmatch(line.strip())) is not None:
                received = _received_text(found["when"])
            elif line.strip():
                lines.append(line.strip())
        date = element.find(f".//{_T}date")
        when = (date.get("when") or "")[:10] if date is not None else ""
        place = element.find(f".//{_T}placeName")
        self.dateline = _Dateline(
            line=" ".join(lines) or None,
            place=re.sub(r"[\[\]]", "", _text(place)).strip(" ,") or None if place is not None else None,
            date=when if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", when) else None,
            time=_time(" ".join(lines)),
            received=received,
        )
        if received and self.received is None:
            self.received = received

    def _read_closer(self, closer: etree._Element) -> None:
        signed = closer.find(f".//{_T}signed")
        if signed is None:
            self._block(closer)
            return
        words = _Builder()
        self._inline(signed, words, [])
        self.signature = " ".join(words.text().split()) or None
        for child in closer:
            if child is signed:
                continue
            if _local(child.tag) == "note" and child.get("n"):
                self.notes.append((child, None))
            else:
                self._block(child)
        if (closer.text or "").strip():
            self.body.block()
            self.body.add(closer.text)

    # -- body ---------------------------------------------------------------------

    def _block(self, element: etree._Element) -> None:
        name = _local(element.tag)
        if name in _SKIPPED:
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
            name = _local(child.tag)
            if name == "note" and child.get("n"):
                self.notes.append((child, self.body.length))
            elif name == "pb":
                self.body.page(child.get("n"))
            elif name == "lb":
                self.body.space()
            elif name in _BLOCKS or (name == "note" and child.get("rend") == "inline"):
                self._block(child)
            elif name not in _SKIPPED:
                self._body_inline(child)
            self.body.add(child.tail)

    # -- the reference -----------------------------------------------------------

    def _assemble(self) -> Reference:
        assert self.heading is not None
        text = self.body.text()
        footnotes = tuple(_footnote(note, offset) for note, offset in self.notes)
        kind, authors, recipients = parse_heading(self.heading.title)
        persons = _heading_persons(self.div.find(_T + "head"))
        authors = tuple(_with_person_id(p, persons, self.volume.persons) for p in authors)
        recipients = tuple(_with_person_id(p, persons, self.volume.persons) for p in recipients)
        year = _year(self.div.get(f"{{{FRUS_NS}}}doc-dateTime-min") or self.dateline.date)
        file: FileDesignation | None = None
        header_type = None
        if self.header_line:
            header = parse_header_line(self.header_line, year=year)
            file, header_type = header.designation, header.document_type
        file_date = file.decimal.date if file and file.decimal else None
        document_type = header_type or kind or ("despatch" if self.despatch else None)
        number = self.div.get("n")
        document_number = int(number) if number and number.isdigit() else self.heading.number_line
        vid = self.volume.volume_id
        return Reference(
            kind="frus",
            title=self.heading.title,
            text=text,
            date=self.dateline.date or _same_day(self.div) or file_date,
            document_type=document_type,
            document_number=document_number,
            file=file,
            authors=authors,
            recipients=recipients,
            classification=self.classification,
            telegram_number=self.despatch or _telegram_number(text, document_type),
            place=self.dateline.place,
            dateline=self.dateline.line,
            dateline_date=self.dateline.date,
            file_date=file_date,
            time=self.dateline.time,
            received=self.received,
            pages=_page_map(self.start_page, self.body.breaks, len(text)),
            footnotes=footnotes,
            signature=self.signature,
            volume=vid,
            url=f"{HSG_BASE}/{vid}/{self.key}" if vid else None,
            heading=self.heading.heading,
            path=self.volume.path,
        )


def _last_element(div: etree._Element) -> etree._Element | None:
    children = [child for child in div if _local(child.tag) not in {"pb", "note"}]
    return children[-1] if children else None


def _is_small_caps(element: etree._Element) -> bool:
    return any(hi.get("rend") == "smallcaps" for hi in element.iter(_T + "hi"))


def _received_text(text: str) -> str:
    """"March 8." → "March 8"; a time keeps its abbreviation's period ("8:40 a.m.")."""
    text = text.strip()
    return text if text.endswith(("a.m.", "p.m.", "a. m.", "p. m.")) else text.rstrip(".")


def _time(dateline: str) -> str | None:
    """The time printed after the date's year: "Saigon, March 17, 1949—3 p. m." → "3 p. m."."""
    found = _TIME.search(dateline)
    if found is None:
        return None
    time = found["time"].strip()
    return f"{time}." if time.endswith(("a.m", "p.m", "a. m", "p. m")) else time


def _lines(element: etree._Element) -> list[str]:
    words = _Builder()
    _note_text(element, words, line_breaks=True)
    return [line.strip() for line in words.text().split("\n")]


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def _same_day(div: etree._Element) -> str | None:
    """The document's date from ``frus:doc-dateTime-min/-max`` when both fall on one day."""
    low = (div.get(f"{{{FRUS_NS}}}doc-dateTime-min") or "")[:10]
    high = (div.get(f"{{{FRUS_NS}}}doc-dateTime-max") or "")[:10]
    return low if low and low == high else None


def _telegram_number(text: str, document_type: str | None) -> str | None:
    lead = re.match(r"(\d{1,6})\.\s", text)
    if lead and (document_type == "telegram" or (document_type is None and len(lead.group(1)) > 1)):
        return lead.group(1)
    return None


def _footnote(note: etree._Element, offset: int | None) -> Footnote:
    words = _Builder()
    _note_text(note, words)
    see = tuple(
        int(found.group(1))
        for ref in note.iter(_T + "ref")
        if (found := _SEE_DOCUMENT.match(ref.get("target") or "")) is not None
    )
    return Footnote(
        mark=note.get("n") or "",
        text=" ".join(words.text().split()),
        offset=offset,
        in_heading=offset is None,
        see_documents=see,
    )


def _note_text(element: etree._Element, words: _Builder, *, line_breaks: bool = False) -> None:
    words.add(element.text)
    for child in element:
        name = _local(child.tag)
        if name == "lb":
            words.block("\n") if line_breaks else words.space()
        elif name not in _SKIPPED and name != "pb" and not (line_breaks and name == "note"):
            _note_text(child, words, line_breaks=line_breaks)
        words.add(child.tail)


def _heading_persons(head: etree._Element | None) -> list[tuple[str, str | None, str | None]]:
    """(name as printed, persons-list id, "from"/"to") of each ``persName`` in the heading."""
    if head is None:
        return []
    return [
        (_text(p), (p.get("corresp") or "").lstrip("#") or None, p.get("type"))
        for p in head.iter(_T + "persName")
        if p.getparent() is not None and _local(p.getparent().tag) != "note"
    ]


def _with_person_id(party: Party, persons: list[tuple[str, str | None, str | None]], listed: Mapping[str, ListedPerson]) -> Party:
    if party.name is None:
        return party
    for printed, pid, _ in persons:
        if pid and (printed == party.name or printed.endswith(" " + party.name) or party.name.endswith(printed)):
            return Party(name=party.name, role=party.role, text=party.text, person_id=pid, listed=listed.get(pid))
    return party


def _page_map(start: str | None, breaks: list[tuple[int, str]], length: int) -> PageMap | None:
    """Pages of the body: the page the document starts on, then each ``pb`` inside it."""
    pages: list[tuple[int, str]] = []
    if start is not None:
        pages.append((0, start))
    elif breaks and breaks[0][0] > 0:
        first = breaks[0][1]
        pages.append((0, str(int(first) - 1) if first.isdigit() else f"{first}-"))
    for offset, label in breaks:
        if pages and pages[-1][0] == offset:
            pages[-1] = (offset, label)
        else:
            pages.append((offset, label))
    return PageMap(breaks=tuple(pages), length=length) if pages else None


_OPENED: dict[tuple[str, str | None], tuple[tuple[int, int], TeiVolume]] = {}
_OPENED_LIMIT = 8


def open_tei(path: str | Path, *, volume: str | None = None) -> TeiVolume:
    """:func:`read_tei`, kept while the file is unchanged (same size and modification
    time), so that a command or a build that cites many documents of one volume reads
    the file once."""
    key = (os.path.abspath(path), volume)
    try:
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        return read_tei(path, volume=volume)  # reports the problem, located
    cached = _OPENED.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    tei = read_tei(path, volume=volume)
    if len(_OPENED) >= _OPENED_LIMIT:
        _OPENED.pop(next(iter(_OPENED)))
    _OPENED[key] = (stamp, tei)
    return tei


def split_address(address: str) -> tuple[str, str | None]:
    """"frus1955-57v03.xml#d58" → ("frus1955-57v03.xml", "d58"); no "#": no document."""
    path, hash_sign, document = address.rpartition("#")
    if not hash_sign or not path or not re.fullmatch(r"d?\d+|[\w.-]+", document):
        return address, None
    return path, document
