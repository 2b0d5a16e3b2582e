"""Frozen, typed records for parsed sources.

Everything the parsers produce is immutable: a :class:`Reference` and the
small records it is made of.  Offsets are character offsets into
:attr:`Reference.text` (the body without page markers) unless a field says
otherwise.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Party",
    "DecimalFile",
    "FileDesignation",
    "Footnote",
    "PageMap",
    "PageRange",
    "ArchivalLocation",
    "Contributor",
    "Reference",
    "ListedPerson",
    "SourceKind",
    "FileScheme",
    "SubjectNumericFile",
    "ArchivalSource",
]

SourceKind = Literal["frus", "wilson"]
FileScheme = Literal["decimal", "subject-numeric", "post", "lot", "papers", "other"]


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or recipient: "The Ambassador in the Soviet Union (Harriman)".

    ``role`` and ``name`` are kept apart: role "Ambassador in the Soviet Union",
    name "Harriman".  Either may be ``None`` ("the Secretary of State" has only
    a role; a bare "Gauss" only a name).
    """

    name: str | None
    """Surname (or name) as printed, without brackets: "Harriman", "Chiang Kai-shek"."""
    role: str | None
    """Office or title without the leading article: "Secretary of State"."""
    text: str = ""
    """The phrase as printed in the heading."""
    person_id: str | None = None
    """The id of the person in the volume's list of persons ("p_KHA1"), when the
    TEI master file tags the name with ``persName/@corresp``."""
    listed: ListedPerson | None = None
    """The entry of the volume's list of persons that ``person_id`` points at, when the
    TEI file holds the list (its full name decides a first note's name)."""

    def display(self) -> str:
        """Short form for notes: the name if there is one, else the role."""
        return self.name or self.role or self.text


@dataclass(frozen=True, slots=True)
class DecimalFile:
    """A decoded State Department Central Decimal File number (1910–1963).

    ``761.93/7–1145`` decodes to class "7", country "61" (USSR), second
    country "93" (China) and date 1945-07-11.
    """

    class_digit: str
    """First digit: 7 = political relations of states (1910–49)."""
    class_name: str | None
    """Name of the class in the schedule in force for the file's year."""
    country: str | None
    """Country number with its letter, upper case ("61", "51G"); ``None`` for
    classes that are not arranged by country."""
    country_name: str | None
    """Country name from NARA's country-number table for the file's period."""
    second_country: str | None
    """For relations files (class 7 before 1950, 6 after): the second country."""
    second_country_name: str | None
    subject: str | None
    """Subject suffix after the point when it is not a country (".00" → "00")."""
    subject_name: str | None
    """Name of the subject where known ("Political affairs")."""
    subfile: str | None
    """Free-text sub-file name between the number and "/" ("Pacific War")."""
    serial: str | None
    """Serial document number after "/" ("14961", "3144½"), if not a date code."""
    date: str | None
    """ISO date decoded from a date-coded suffix ("7–1145" → "1945-07-11")."""
    period: str
    """Schedule applied: "1910-1949", "1950-1959", "1960-1963", or "1964-1973" for a
    number dated after the decimal file closed (no schedule: names are ``None``)."""


@dataclass(frozen=True, slots=True)
class SubjectNumericFile:
    """A State Department subject-numeric file designation (February 1963–1973).

    ``POL 27 VIET S`` is primary category POL (political affairs and
    relations), subject number 27 (military operations), country VIET S;
    ``DEF 1 US–USSR`` names two countries.
    """

    text: str
    """The designation as printed: "POL 27 VIET S"."""
    category: str
    """The primary category in capitals: "POL", "DEF", "ECON", "ORG"."""
    category_name: str | None
    """What the category covers ("Political affairs and relations"); ``None`` if unknown."""
    number: str | None
    """Subject number within the category, subdivisions kept ("27", "27-14", "1")."""
    countries: tuple[str, ...] = ()
    """Country or organisation tags as printed, in order: ("VIET S",), ("US", "USSR")."""
    years: str | None = None
    """The file period named before it ("1967–69" of "Central Files 1967–69")."""


@dataclass(frozen=True, slots=True)
class FileDesignation:
    """The provenance header line: ``761.93/7–1145: Telegram``."""

    text: str
    """The designation as printed, without the document type."""
    scheme: FileScheme
    """decimal, post (embassy/legation files), lot, papers, or other."""
    decimal: DecimalFile | None = None
    """Decoded decimal number (scheme "decimal" only)."""
    subject_numeric: SubjectNumericFile | None = None
    """Decoded subject-numeric designation (scheme "subject-numeric" only)."""
    collection: str | None = None
    """For post/lot/papers files: the named collection ("Moscow Embassy Files")."""
    lot: str | None = None
    """Normalised lot number ("53F11") when a lot is named."""
    box: str | None = None
    """A box number named in the header ("Notter File, Box 168")."""
    post_file: str | None = None
    """Post-file classification and subject ("710 Sino-Soviet Relations")."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A numbered editorial footnote of a FRUS document."""

    mark: str
    """The footnote's mark as printed ("1", "5a")."""
    text: str
    """The note's text."""
    offset: int | None = None
    """Where the mark stands in :attr:`Reference.text`; ``None`` when the mark
    stands outside the body or could not be found."""
    in_heading: bool = False
    """True when the mark stands outside the body text: after the heading, in the
    dateline or after the signature (``offset`` is then ``None``)."""
    see_documents: tuple[int, ...] = ()
    """Numbers of other documents of the same volume the note refers to
    ("See document No. 577." → (577,))."""


@dataclass(frozen=True, slots=True)
class PageRange:
    """First and last printed page of a span (labels as printed: "927", "XI")."""

    first: str
    last: str

    def locator(self) -> str:
        """The Chicago-style locator: "927", "926–28", "1101–2"."""
        return chicago_page_range(self.first, self.last)


@dataclass(frozen=True, slots=True)
class PageMap:
    """Which printed page each character of the body text lies on.

    ``[Page N]`` marks the *start* of page N, so text before the first marker
    lies on the page before it.  ``breaks`` holds ``(offset, label)`` for each
    page start, the first one at offset 0.
    """

    breaks: tuple[tuple[int, str], ...]
    length: int
    heading_page: str | None = None
    """The page the heading is printed on when the body begins on the next page
    (a ``[Page N]`` marker right after the openers); ``None`` otherwise."""

    @property
    def first(self) -> str:
        """The document's first page (the heading's)."""
        return self.heading_page or self.breaks[0][1]

    @property
    def last(self) -> str:
        return self.breaks[-1][1]

    def page_at(self, offset: int) -> str:
        """The page on which the character at *offset* is printed."""
        offsets = [start for start, _ in self.breaks]
        index = bisect.bisect_right(offsets, offset) - 1
        return self.breaks[max(index, 0)][1]

    def pages_for(self, start: int, end: int) -> PageRange:
        """The page range of the span ``[start, end)``."""
        last_char = max(start, end - 1)
        return PageRange(self.page_at(start), self.page_at(last_char))

    def whole(self) -> PageRange:
        return PageRange(self.first, self.last)


def chicago_page_range(first: str, last: str) -> str:
    """Abbreviate a page range as CMOS 9.61 does: 926–28, 101–8, 1100–1113, 71–72.

    Non-numeric labels are joined in full with an en dash.
    """
    if first == last:
        return first
    if not (first.isdigit() and last.isdigit()) or max(len(first), len(last)) > 9 or int(last) < int(first):
        return f"{first}–{last}"
    lo, hi = int(first), int(last)
    if lo < 100 or lo % 100 == 0:
        return f"{first}–{last}"
    if lo % 100 < 10:
        # 101–8, 1103–4: only the changed part.
        if hi // 100 == lo // 100:
            return f"{first}–{hi % 100}"
        return f"{first}–{last}"
    # 321–28, 1536–38, 1496–1504: keep two digits, more if needed.
    if len(first) != len(last):
        return f"{first}–{last}"
    for keep in range(2, len(last) + 1):
        if last[:-keep] == first[:-keep]:
            if len(last) == 4 and keep == 3:
                break  # CMOS writes 1496–1504, not 1496–504
            return f"{first}–{last[-keep:]}"
    return f"{first}–{last}"


@dataclass(frozen=True, slots=True)
class ArchivalLocation:
    """Where an archival record is held, parsed from a Wilson Center "source".

    ``text`` keeps the source as written; the other fields are what could be
    read from it.  Russian references give fond/opis/delo(/papka)/leaves;
    Western ones collection/box/folder; Chinese Foreign Ministry ones a
    ``reference`` such as "111-00016-16".
    """

    text: str
    """The source text as written."""
    name: str | None = None
    """The archive as named in the source ("RGASPI", "Hoover Institution Archives")."""
    repository: str | None = None
    """The repository's full name ("Russian State Archive of Socio-Political History")."""
    place: str | None = None
    """Where the repository is ("Stanford, CA"), when known."""
    collection: str | None = None
    box: str | None = None
    folder: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    leaves: str | None = None
    """Leaves (листы) or pages cited within the file: "67-70"."""
    reference: str | None = None
    """Any other file reference ("111-00016-16", "B 136/59748")."""
    published_in: str | None = None
    """A published book or journal the record is cited from."""
    copies: tuple["ArchivalLocation", ...] = ()
    """Further copies ("copy in Volkogonov Collection, LC, Reel 17", or a
    second archive after ";")."""


@dataclass(frozen=True, slots=True)
class ArchivalSource:
    """Where the original of a FRUS document is held, as its provenance says.

    Read from the header line above the heading (1940s–50s: ``761.93/7–1145:
    Telegram``), an inline source line (``Paris Peace Conf. 184.00101/24``) or
    the source note (1958 on: ``Source: National Archives, Nixon Presidential
    Materials, NSC Files, Box 839, Name Files, China. Secret; Sensitive.``).
    Fields the provenance does not state are ``None``.
    """

    text: str
    """The whole provenance as printed (the source note verbatim, "Source:" included)."""
    reader: str
    """The provenance reader that produced it: "header-line", "inline-source" or "source-note"."""
    repository: str | None = None
    """The holding repository by its usual name: "National Archives", "John F. Kennedy
    Library", "Library of Congress, Manuscript Division", "Department of State"."""
    repository_as_printed: str | None = None
    """The repository words as the note prints them ("Kennedy Library")."""
    record_group: str | None = None
    """National Archives record group: "RG 59", "RG 218"."""
    file: FileDesignation | None = None
    """The file: decimal, subject-numeric, lot or post file, or a collection of papers."""
    collection: str | None = None
    """The collection or file series: "NSC Files", "Hilsman Papers", "Conference Files"."""
    box: str | None = None
    """Box number as printed: "839", "CL 2"."""
    folder: str | None = None
    """The rest of the location after the collection and box: "Name Files, China"."""
    published_in: str | None = None
    """A printed source the document is taken from ("Public Papers of the Presidents …")."""
    document_type: str | None = None
    """The document type a header line names after its colon, lower case ("telegram")."""
    classification: str | None = None
    """Security classification in lower case ("secret", "top secret"); ``None`` when the
    note says "No classification marking" or names none."""
    handling: tuple[str, ...] = ()
    """Precedence and handling words in lower case, in order: ("nodis",), ("priority",),
    ("sensitive", "eyes only")."""
    marking: str | None = None
    """The marking sentence as printed: "Secret; Nodis", "No classification marking"."""
    drafted_by: str | None = None
    """Who drafted it, as printed ("Shaw on April 24")."""
    cleared_by: str | None = None
    approved_by: str | None = None
    repeated_to: str | None = None
    """Posts the telegram was repeated to, as printed."""
    received: str | None = None
    """When it was received, as printed ("at 3:16 a.m.")."""


@dataclass(frozen=True, slots=True)
class Contributor:
    """Someone credited on an archival record, with what they did."""

    role: str
    """contributed, translated, obtained, transcribed, edited or compiled."""
    name: str
    for_project: str | None = None
    """The programme credited ("NKIDP", "CWIHP"), when named."""


@dataclass(frozen=True, slots=True)
class ListedPerson:
    """One entry of a FRUS volume's list of persons (TEI ``div[@xml:id="persons"]``)."""

    id: str
    """The entry's id, which ``persName/@corresp`` points at: "p_KHA1"."""
    name: str
    """The name as the list prints it, surname first: "Kissinger, Henry A."."""
    identification: str | None = None
    """What the list says about the person: "Assistant to the President for National
    Security Affairs"."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed source: one FRUS document or one Wilson Center record."""

    kind: SourceKind
    """"frus" or "wilson"."""
    title: str
    """FRUS: the heading without footnote marks; Wilson: the record title."""
    text: str
    """The body text, without page markers and footnote marks."""
    date: str | None = None
    """ISO date (partial allowed: "1945-07", "1961").  For FRUS, the dateline
    date when printed, else the date decoded from the file number."""
    document_type: str | None = None
    """Lower case: "telegram", "memorandum of conversation", "cable"…"""
    document_number: int | None = None
    """FRUS document number ("No. 578" → 578), printed or from the URL."""
    file: FileDesignation | None = None
    """The State Department file the document is in (header line, or the file the
    source note names)."""
    source: ArchivalSource | None = None
    """FRUS: the document's provenance, typed (repository, record group, file, box,
    marking, drafting); ``None`` when the text prints none."""
    subject: str | None = None
    """FRUS: the SUBJECT line of a memorandum or telegram."""
    document_code: str | None = None
    """FRUS: the number an estimate, directive or conference paper prints under its
    heading ("NIE 11–4–59", "NSC 5405", "NSDM 13")."""
    participants: tuple[str, ...] = ()
    """FRUS: the lines of a PARTICIPANTS or "Present:" list, as printed."""
    enclosures: tuple[str, ...] = ()
    """FRUS: labels of enclosures and attachments printed with the document
    ("[Inclosure in No. 8.]", "Tab A")."""
    authors: tuple[Party, ...] = ()
    """Senders in heading order ("President Roosevelt and Prime Minister Churchill")."""
    recipients: tuple[Party, ...] = ()
    classification: str | None = None
    """Lower case as printed: "top secret", "secret priority"."""
    telegram_number: str | None = None
    """Leading telegram number ("102330") or despatch number ("921")."""
    place: str | None = None
    """Dateline place, without editorial brackets."""
    dateline: str | None = None
    """The dateline as printed."""
    dateline_date: str | None = None
    """ISO date read from the dateline (may differ from the file date)."""
    file_date: str | None = None
    """ISO date decoded from the file number."""
    time: str | None = None
    """Time of dispatch as printed ("1 p.m.")."""
    received: str | None = None
    """The "[Received …]" note, without brackets."""
    pages: PageMap | None = None
    footnotes: tuple[Footnote, ...] = ()
    signature: str | None = None
    """Signature as printed, brackets kept: "[Harriman]", "M[axwell] M. H[amilton]"."""
    volume: str | None = None
    """FRUS volume id ("frus1945v07")."""
    url: str | None = None
    original_url: str | None = None
    """Wilson: the URL as the record gives it, when it gives one
    ("https://wilson-center-digital-archive.dvincitest.com/document/123444");
    ``url`` is then the archive's own address for the record id
    ("https://digitalarchive.wilsoncenter.org/document/123444")."""
    record_id: str | None = None
    """Wilson Center record number ("134351")."""
    digital_archive: str | None = None
    """The citing archive: "Wilson Center Digital Archive" (or its old name)."""
    archive: ArchivalLocation | None = None
    contributors: tuple[Contributor, ...] = ()
    summary: str | None = None
    credits: str | None = None
    original_language: str | None = None
    citation: str | None = None
    """The Wilson Center citation line as written."""
    heading: str | None = None
    """FRUS heading as printed, footnote marks included."""
    path: str | None = None
    """File the reference was parsed from."""
    extra: tuple[tuple[str, str], ...] = ()
    """Other labelled fields of a Wilson record page, in order ("Type", …)."""

    @property
    def author(self) -> Party | None:
        """The first sender, or ``None``."""
        return self.authors[0] if self.authors else None

    @property
    def key(self) -> str:
        """A stable default key: record id, volume/document, or file stem."""
        if self.kind == "wilson" and self.record_id:
            return f"wilson-{self.record_id}"
        if self.volume and self.document_number:
            return f"{self.volume}-d{self.document_number}"
        if self.path:
            from pathlib import PurePath

            return PurePath(self.path).stem
        return "source"
