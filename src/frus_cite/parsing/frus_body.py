"""The body of a FRUS document: footnotes at the end, marks in the text, page markers, signature.

Grammar::

    body      := paragraph* [signature]            ; "[Page N]" markers and footnote marks inline
    footnotes := (indent mark "." text)+            ; at the very end, as copied from the website
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Footnote, PageMap
from .marks import MarkIndex
from .text import Lines, squeeze

__all__ = ["PAGE_MARKER", "footnote_block", "find_mark", "is_signature", "clean_body", "page_map", "enclosures"]

PAGE_MARKER = re.compile(r"\[Page\s+([0-9]+|[IVXLCDMivxlcdm]+)\]")
_FOOTNOTE_LINE = re.compile(r"(?P<indent>[ \t\u00a0]*)(?P<mark>\d{1,3}[a-z]?|[a-z])\.[ \t\u00a0]+(?P<text>\S.*)$")
_SEE_DOCS = re.compile(r"\bdocuments?\s+Nos?\.\s*(\d+(?:\s*(?:,|and|–|-)\s*\d+)*)", re.IGNORECASE)
_ENCLOSURE_WORDS = ("closure", "Annex", "Attachment", "Appendix", "Tab ")
# One scan over the body for lines that are only an enclosure's label.
_ENCLOSURE_LINE = re.compile(
    r"^[ \t]*(\[?(?:(?:Inclosure|Enclosure|Annex|Attachment|Appendix|Subenclosure|Subinclosure)\b[^\[\]\n]{0,60}"
    r"|Tab [A-Z]\d?)\]?\.?)[ \t]*$",
    re.MULTILINE,
)


def footnote_block(lines: Lines, first: int) -> tuple[list[tuple[str, str]], int]:
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
        if notes and indented and not match["indent"]:
            break  # an unindented "1. …" above copied (indented) notes is a numbered paragraph of the body
        if match["mark"].isalpha() and not match["indent"]:
            break  # letter marks ("a. Not printed.", 1900s volumes) only as copied, indented: "a. Students" is a list
        notes.insert(0, (match["mark"], match["text"].strip()))
        indented = indented and bool(match["indent"])
        end_index = probe
        probe -= 1
    if notes and not indented:
        region = _mark_finder("\n".join(line.text for line in lines[:end_index]), len(notes))
        cursor = 0
        for mark, _ in notes:
            found = region.find(mark, cursor)
            if found is None:
                return [], len(lines)
            cursor = found + len(mark)
    return notes, end_index


@lru_cache(maxsize=512)
def _mark_patterns(mark: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The mark glued to a word or punctuation, or one space after a word at a line's
    end ("President Nixon 2") (strong); glued to a digit (weak); one space after closing
    punctuation ("(reported separately) 3", "resignation. 6")."""
    escaped = re.escape(mark)
    end = r"(?=[\s)\].,;:!?”’\"—–]|$)"
    return (
        re.compile(rf"(?<=[A-Za-z.,;:)\]”’\"!?]){escaped}{end}|(?<=[^\W\d_] ){escaped}(?=\n|$)"),
        re.compile(rf"(?<=\d){escaped}{end}"),
        re.compile(rf"(?<=[)\].,;:”’\"!?] ){escaped}(?=\s|$)"),
    )


def find_mark(text: str, mark: str, start: int, *, glued_to_digit: bool = True) -> int | None:
    """Position of footnote *mark* in *text* at or after *start*.

    Copied marks are bare digits glued to the word, bracket or punctuation
    they follow ("State.1", "July 11–122)").  Glued to a letter or punctuation
    is preferred; glued to a digit, then set one space after punctuation, are
    the fallbacks.  This is the definition :class:`~.marks.MarkIndex` answers
    in one pass; it is used as is on single short lines.
    """
    strong, weak, spaced = _mark_patterns(mark)
    for pattern in (strong, weak, spaced) if glued_to_digit else (strong,):
        found = pattern.search(text, start)
        if found:
            return found.end() - len(mark)
    return None


_PARTICLES = frozenset("de du del della van von der den y da di le la bin al".split())


class _Searcher:
    """Marks found by searching the text (a few C-speed scans per mark)."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def find(self, mark: str, start: int = 0) -> int | None:
        return find_mark(self._text, mark, start)


_FEW_MARKS = 12


def _mark_finder(text: str, marks: int) -> MarkIndex | _Searcher:
    """A document of a few notes searches for each mark; one of many indexes the text once,
    so that thousands of notes cost one pass, not one pass each (both answer alike)."""
    return _Searcher(text) if marks <= _FEW_MARKS else MarkIndex(text)


def is_signature(line: str) -> bool:
    """A short name-like line: "Harriman", "[Harriman]", "FRED’K T. FRELINGHUYSEN."."""
    text = line.strip()
    if not text or len(text) > 60 or len(text.split()) > 5:
        return False
    if re.fullmatch(r"\[[^\[\]]+\]", text):
        return bool(re.fullmatch(r"\[[A-Z][\w.’' -]*\]", text))
    if re.fullmatch(r"[A-Z][A-Z’'. -]*[A-Z]\.", text):
        return True  # 19th-century signatures in capitals end with a full stop
    if re.fullmatch(r"(?:[A-Z][\w’'-]*\.?\s){1,3}[A-Z][\w’'-]+\.", text) and not re.search(r"\b(?:The|This|It|We|He|She|They|I)\b", text):
        return True  # "John Hay.", "Wu Ting-fang.": small capitals as the TEI spells them
    if text.endswith((".", ":", ";", ",", "?", "!")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    if any(not (word[0].isupper() or word[0] == "[" or word in _PARTICLES) for word in text.split()):
        return False  # "To estimate the main trends.1" is prose, not a name
    return bool(re.fullmatch(r"[A-Z\[][\w.’'\[\] -]*", text)) and text[0].isupper() or text.startswith("[")


def _see_documents(text: str) -> tuple[int, ...]:
    return tuple(int(n) for group in _SEE_DOCS.findall(text) for n in re.findall(r"\d+", group))


def clean_body(
    raw_body: str, footnote_lines: list[tuple[str, str]], placed: set[int]
) -> tuple[str, list[Footnote], list[tuple[int, str]]]:
    """Remove page markers and footnote marks from *raw_body*.

    Returns the body, the footnotes (with the offset of each mark found in the
    body) and the page labels with their offsets in the body.
    """
    footnotes: list[Footnote] = []
    removals: list[tuple[int, int]] = []
    mark_positions: dict[int, int] = {}
    cursor = 0
    body_marks = _mark_finder(raw_body, len(footnote_lines))
    for number, (mark, note_text) in enumerate(footnote_lines):
        see = _see_documents(note_text)
        if number in placed:
            footnotes.append(Footnote(mark=mark, text=note_text, in_heading=True, see_documents=see))
            continue
        position = body_marks.find(mark, cursor)
        if position is not None:
            removals.append((position, position + len(mark)))
            mark_positions[number] = position
            cursor = position + len(mark)
        footnotes.append(Footnote(mark=mark, text=note_text, see_documents=see))
    for marker in PAGE_MARKER.finditer(raw_body):
        start, end = marker.span()
        if end < len(raw_body) and raw_body[end] == " " and (start == 0 or raw_body[start - 1] in " \n"):
            end += 1  # "was [Page 927] made" → "was made"
        removals.append((start, end))
    stripped, new_position = _remove(raw_body, sorted(removals))
    page_labels = [(new_position[m.start()], m.group(1)) for m in PAGE_MARKER.finditer(raw_body)]
    mark_offsets = {n: new_position[p] for n, p in mark_positions.items()}
    body, moved = squeeze(stripped, [p for p, _ in page_labels] + list(mark_offsets.values()))
    page_labels = [(moved[i], label) for i, (_, label) in enumerate(page_labels)]
    for k, n in enumerate(mark_offsets):
        note = footnotes[n]
        footnotes[n] = Footnote(note.mark, note.text, moved[len(page_labels) + k], note.in_heading, note.see_documents)
    return body, footnotes, page_labels


def _remove(text: str, removals: list[tuple[int, int]]) -> tuple[str, dict[int, int]]:
    """*text* without the spans, and where each span's start lands."""
    pieces, cursor, shift = [], 0, 0
    new_position: dict[int, int] = {}
    for start, end in removals:
        pieces.append(text[cursor:start])
        new_position[start] = start - shift
        shift += end - start
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), new_position


def page_map(labels: list[tuple[int, str]], length: int, heading_page: str | None = None) -> PageMap | None:
    """Build the page map: text before the first marker is on the page before it, and
    a marker opening the body puts the heading on the page before it — unless the
    marker was printed above the heading (*heading_page*)."""
    if not labels:
        return None
    breaks: list[tuple[int, str]] = []
    first_offset, first_label = labels[0]
    previous = str(int(first_label) - 1) if first_label.isdigit() else f"{first_label}-"
    if first_offset > 0:
        breaks.append((0, previous))
    for offset, label in labels:
        if breaks and breaks[-1][0] == offset:
            breaks[-1] = (offset, label)
        else:
            breaks.append((offset, label))
    if heading_page is None and first_offset == 0 and first_label.isdigit():
        heading_page = previous
    return PageMap(breaks=tuple(breaks), length=length, heading_page=heading_page)


def enclosures(body: str) -> tuple[str, ...]:
    """Labels of enclosures and attachments standing on lines of their own ("[Inclosure in No. 8.]", "Tab A")."""
    if not any(word in body for word in _ENCLOSURE_WORDS):  # substring tests: memchr speed
        return ()
    return tuple(match.group(1) for match in _ENCLOSURE_LINE.finditer(body))
