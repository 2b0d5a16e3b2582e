"""Find a quoted passage in a source, work out its pages, explain a miss.

Matching ignores page markers (already gone from :attr:`Reference.text`),
line breaks and runs of white space, straight vs curly quotes, hyphens vs
en/em dashes, no-break and zero-width spaces, and the case of the passage's
first letter.  An ellipsis (``…``, ``...`` or ``. . .``) stands for omitted
words; words in square brackets are the author's insertions (tried only when
the passage does not match with its brackets read literally, because sources
carry editorial brackets of their own: ``[be?]``, ``[sic]``).
"""

from __future__ import annotations

import re
import bisect
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Sequence

from .model import PageRange, Reference

__all__ = ["QuoteResult", "check_quote", "citation_locator", "normalise", "NormalisedText"]

_TRANSLATE = {
    ord("“"): '"', ord("”"): '"', ord("„"): '"', ord("‟"): '"', ord("«"): '"', ord("»"): '"',
    ord("‘"): "'", ord("’"): "'", ord("‚"): "'", ord("‛"): "'", ord("`"): "'", ord("´"): "'",
    ord("–"): "-", ord("—"): "-", ord("‑"): "-", ord("‐"): "-", ord("−"): "-", ord("―"): "-",
}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
# White space before an ellipsis or a bracket is taken from the start of its run (or not at all
# when a match before took the run): starting from each space of a long run was quadratic.
_RUN_START = r"(?:(?<!\s)\s*|(?<=\s))"
_ELLIPSIS = re.compile(_RUN_START + r"(?:…|\.\s?\.\s?\.)\s*")
_BRACKET = re.compile(_RUN_START + r"\[[^\[\]]*\]\s*")
BRACKET_GAP = 60
"""Most characters an author's bracketed insertion may stand for."""


class OffsetMap(Sequence[int]):
    """Offset in the original of each character of a normalised text.

    Stored as the points where the shift between the two changes, so a source costs a
    few bytes per changed gap, not eight per character."""

    __slots__ = ("_starts", "_shifts", "_length")

    def __init__(self, starts: list[int], shifts: list[int], length: int):
        self._starts, self._shifts, self._length = starts, shifts, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return index + self._shifts[bisect.bisect_right(self._starts, index) - 1]


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Text prepared for matching, with each character's offset in the original."""

    text: str
    offsets: OffsetMap


# Single spaces are already normal: only other white space, runs of it, and invisible
# characters need work (so a source is mostly copied, not walked character by character).
_CHANGED = re.compile("[\\s" + "".join(_INVISIBLE) + "]{2,}|[^\\S ]|[" + "".join(_INVISIBLE) + "]")


def normalise(original: str) -> NormalisedText:
    """Collapse white space, straighten quotes and dashes; keep a map back to *original*."""
    pieces: list[str] = []
    starts, shifts = [0], [0]
    cursor = length = 0
    for gap in _CHANGED.finditer(original):
        begin, end = gap.span()
        if begin > cursor:
            pieces.append(original[cursor:begin])
            length += begin - cursor
        spaced = length > 0 and end < len(original) and any(c.isspace() for c in gap.group(0))
        if spaced:
            # The space stands for the run; it maps to the run's last character.
            pieces.append(" ")
            starts.append(length)
            shifts.append(end - 1 - length)
            length += 1
        starts.append(length)
        shifts.append(end - length)
        cursor = end
    if cursor < len(original):
        pieces.append(original[cursor:])
        length += len(original) - cursor
    text = "".join(pieces).translate(_TRANSLATE)
    if text.endswith(" "):  # a single trailing space (not matched as a run)
        text = text[:-1]
        length -= 1
    if text.startswith(" "):
        text = text[1:]
        length -= 1
        starts = [max(0, s - 1) for s in starts]
        shifts = [sh + 1 for sh in shifts]
    return NormalisedText(text, OffsetMap(starts, shifts, length))


@lru_cache(maxsize=4096)
def _normalised_source(text: str) -> NormalisedText:
    return normalise(text)


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """What :func:`check_quote` found."""

    found: bool
    start: int | None = None
    """Offset of the passage in :attr:`Reference.text` (when found)."""
    end: int | None = None
    pages: PageRange | None = None
    closest: str | None = None
    """The source text closest to a passage that was not found."""
    closest_pages: PageRange | None = None
    difference: tuple[str, str] | None = None
    """(words of the quote, words of the source) where they first differ."""
    problem: str | None = None
    """Why the passage cannot be checked at all (empty, only an ellipsis)."""
    note: str | None = None
    """The mark of the editorial footnote the passage was found in ("3"); ``None``
    when it is in the document's text. ``start``/``end`` are then offsets into the
    note's text."""

    @property
    def locator(self) -> str | None:
        """The Chicago locator of the passage: its page or pages ("927", "926–27"), or
        the page and note for a passage of a footnote ("927n3", CMOS 14.54)."""
        if self.pages is None:
            return None
        return f"{self.pages.locator()}n{self.note}" if self.note else self.pages.locator()

    def message(self, key: str) -> str:
        """The warning text for a passage that was not found."""
        if self.problem:
            return f"quote in {key}: {self.problem}"
        where = ""
        if self.closest_pages is not None:
            page = self.closest_pages.locator()
            where = f" on {'pp.' if '–' in page else 'p.'} {page}"
        if self.difference is not None:
            quoted, source = self.difference
            return f'quote not found in {key}: closest text{where} differs at "{quoted}" (quote) ≠ "{source}" (source)'
        return f"quote not found in {key}: no similar passage in the source"


def _segments(passage: str, *, brackets: bool) -> list[tuple[str, int]]:
    """Split a passage into (normalised segment, largest gap allowed before it)."""
    pieces: list[tuple[str, int]] = []
    gap_before = 0
    splitter = re.compile(f"({_ELLIPSIS.pattern}|{_BRACKET.pattern})" if brackets else f"({_ELLIPSIS.pattern})")
    for part in splitter.split(passage):
        if not part:
            continue
        if _ELLIPSIS.fullmatch(part):
            gap_before = -1  # any distance
            continue
        if brackets and _BRACKET.fullmatch(part):
            gap_before = gap_before if gap_before == -1 else BRACKET_GAP
            continue
        text = normalise(part).text.strip()
        if text:
            pieces.append((text, gap_before))
            gap_before = 0
    return pieces


class _NextOccurrence:
    """``source.find(text, position)`` for positions that never decrease.

    :func:`_find` asks each segment for its next occurrence after a point that only moves
    forward, so the last answer serves every question up to it and the source is read
    once per segment, not once per candidate start (which was quadratic)."""

    __slots__ = ("_source", "_text", "_asked", "_answer")

    def __init__(self, source: str, text: str) -> None:
        self._source, self._text = source, text
        self._asked, self._answer = -1, -1

    def __call__(self, position: int) -> int:
        if self._asked != -1 and self._asked <= position and (self._answer == -1 or position <= self._answer):
            return self._answer
        self._asked, self._answer = position, self._source.find(self._text, position)
        return self._answer


_MISSING = -1
"""A segment absent after some point, so after every later start too."""


def _chain_end(end: int, following: list[tuple[_NextOccurrence, int, int]]) -> int | None:
    """End of the segments following a head that ends at *end*; None when a gap is too wide."""
    for next_occurrence, length, gap in following:
        position = next_occurrence(end)
        if position == -1:
            return _MISSING
        if gap >= 0 and position - end > max(gap, 1):
            return None
        end = position + length
    return end


def _find(source: str, segments: list[tuple[str, int]]) -> tuple[int, int] | None:
    """First occurrence of all *segments* in order, honouring the gaps."""
    first, _ = segments[0]
    candidates = [first, first[0].swapcase() + first[1:]] if first[0].isalpha() else [first]
    for head in candidates:
        following = [(_NextOccurrence(source, text), len(text), gap) for text, gap in segments[1:]]
        start = source.find(head)
        while start != -1:
            end = _chain_end(start + len(head), following)
            if end == _MISSING:
                break
            if end is not None:
                return start, end
            start = source.find(head, start + 1)
    return None


@lru_cache(maxsize=256)
def _reversed(text: str) -> str:
    return text[::-1]


def _longest_prefix(source: str, passage: str) -> tuple[int, int]:
    """(length, position) of the longest prefix of *passage* found in *source*."""
    low, high, where = 0, len(passage), 0
    while low < high:
        middle = (low + high + 1) // 2
        position = source.find(passage[:middle])
        if position != -1:
            low, where = middle, position
        else:
            high = middle - 1
    return low, where


def _words_around(text: str, index: int, before: int = 2) -> str:
    """*before* words before *index* through the end of the word at it."""
    start = index
    for _ in range(before + 1):
        start = text.rfind(" ", 0, max(start - 1, 0))
        if start == -1:
            start = 0
            break
    end = text.find(" ", index + 1)
    end = len(text) if end == -1 else end
    return text[start:end].strip()


def _difference(quote: str, at: int, source: str, source_at: int) -> tuple[str, str]:
    """The words of the quote and of the source where they differ, as many on each side
    (words of the whole source: a slice of it may start mid-word)."""
    quoted = _words_around(quote, at)
    return quoted, _words_around(source, source_at, before=len(quoted.split()) - 1)


def check_quote(ref: Reference, passage: str) -> QuoteResult:
    """Look for *passage* in *ref*'s body text."""
    source = _normalised_source(ref.text)
    if not _ELLIPSIS.sub("", passage).strip(" .…"):
        return QuoteResult(False, problem="the quotation is empty" if not passage.strip() else "the quotation is only an ellipsis")
    for brackets in (False, True):
        segments = _segments(passage, brackets=brackets)
        if not segments:
            continue
        span = _find(source.text, segments)
        if span:
            start = source.offsets[span[0]]
            end = source.offsets[span[1] - 1] + 1
            pages = ref.pages.pages_for(start, end) if ref.pages else None
            return QuoteResult(True, start, end, pages)
    in_note = _find_in_notes(ref, passage)
    if in_note is not None:
        return in_note

    # Not found: the closest text is where the longest matching prefix of the
    # passage (or of its last segment) lies.
    whole = normalise(_ELLIPSIS.sub(" ", passage)).text.strip()
    length, position = _longest_prefix(source.text, whole)
    prefix_of = whole
    if whole[:1].isalpha():  # "the talk …" quoted from "The talk …", as matching allows
        swapped = whole[0].swapcase() + whole[1:]
        if (found := _longest_prefix(source.text, swapped))[0] > length:
            (length, position), prefix_of = found, swapped
    # A typo near the start: the longest matching *suffix* tells more.
    back_length, back_end = _longest_prefix(_reversed(source.text), whole[::-1])
    if back_length > length:
        back_end = len(source.text) - back_end  # end of the suffix in the source
        position = max(0, back_end - len(whole))
        mismatch = len(whole) - back_length - 1
        window_end = back_end
        candidate = source.text[position:window_end]
        offset = len(candidate) - len(whole)
        difference = _difference(whole, mismatch, source.text, position + max(0, mismatch + offset))
        length = back_length
    else:
        window_end = min(len(source.text), position + len(whole) + 20)
        difference = _difference(prefix_of, length, source.text, position + length)
    if length < max(8, len(whole) // 4):
        return QuoteResult(False)
    original_start = source.offsets[position]
    original_end = source.offsets[min(window_end, len(source.offsets)) - 1] + 1
    closest = ref.text[original_start:original_end]
    pages = ref.pages.pages_for(original_start, original_start + 1) if ref.pages else None
    return QuoteResult(False, closest=closest, closest_pages=pages, difference=difference)


def _find_in_notes(ref: Reference, passage: str) -> QuoteResult | None:
    """The passage in one of the document's editorial footnotes, cited by the page its
    mark stands on (a footnote is printed at the foot of that page) and its number."""
    for note in ref.footnotes:
        text = _normalised_source(note.text)
        for brackets in (False, True):
            segments = _segments(passage, brackets=brackets)
            span = _find(text.text, segments) if segments else None
            if span:
                page = None
                if ref.pages is not None:
                    label = ref.pages.page_at(note.offset) if note.offset is not None else ref.pages.first
                    page = PageRange(label, label)
                start, end = text.offsets[span[0]], text.offsets[span[1] - 1] + 1
                return QuoteResult(True, start, end, page, note=note.mark)
    return None


def citation_locator(ref: Reference, result: QuoteResult, catalog=None) -> str | None:
    """The locator a note should carry for a found passage: its page or page range, except
    in volumes that print document numbers, which are cited by number instead. A passage
    of an editorial footnote is cited by page and note ("102n2") in every volume: the
    document number alone would not lead the reader to the note."""
    if not result.found:
        return None
    if ref.kind == "frus" and ref.document_number and ref.volume and result.note is None:
        from .catalog import default_catalog

        volume = (catalog or default_catalog()).get(ref.volume)
        if volume.prints_document_numbers:
            return None
    return result.locator


_GLUED_MARK = re.compile(r"(?<=[^\s\d])(\d{1,3}[a-z]?)(?=[\s.,;:!?)\]”’\"']|$)")
"""A number glued to the word or punctuation before it ("Boeing,3 which"): how a footnote
mark reads in text copied from history.state.gov."""


def glued_marks(text: str) -> list[str]:
    """Numbers glued to the word or punctuation before them: possible footnote marks."""
    return [match.group(1) for match in _GLUED_MARK.finditer(text)]


def drop_marks(text: str, marks: set[str]) -> tuple[str, list[str]]:
    """*text* without the footnote marks in *marks* glued to the word before them, and the
    marks dropped, in order."""
    removed: list[str] = []

    def drop(match: re.Match) -> str:
        if match.group(1) in marks:
            removed.append(match.group(1))
            return ""
        return match.group(0)

    return _GLUED_MARK.sub(drop, text), removed


def check_quote_with_marks(ref: Reference, passage: str) -> tuple[QuoteResult, str]:
    """:func:`check_quote`, also recognising the source's own footnote marks pasted with the
    passage: ("Boeing,3 which" is found when the source has mark 3 there). Returns the
    result and the passage without those marks (as it should be printed)."""
    result = check_quote(ref, passage)
    if result.found or result.problem:
        return result, passage
    offsets = {note.mark: note.offset for note in ref.footnotes if note.offset is not None}
    stripped, removed = drop_marks(passage, set(offsets))
    if not removed:
        return result, passage
    again = check_quote(ref, stripped)
    # Each dropped mark must stand inside the found passage (or right after it) in the source.
    if again.found and again.note is None and all(again.start <= offsets[mark] <= again.end for mark in removed):
        return again, stripped
    return result, passage
