"""A whole citation joined as CSL 1.0.2 joins it: cite grouping and collapsing.

A style asks for this on ``cs:citation``: ``collapse="citation-number"`` (numbers in a row
become a range, "[1]–[3]"), ``collapse="year"`` (a cite by the same authors as the one
before it prints without their names: "Smith 1900, 2000"), ``"year-suffix"`` (and the same
year prints only its suffix: "Smith 2000a, b"), ``"year-suffix-ranged"`` (suffixes in a row
become a range: "2000a–c"), and ``cite-group-delimiter`` (cites by the same authors are
moved together).  A cite with a locator, a prefix or a suffix ends a range.

The note engine renders each cite (see :class:`Piece`); this module only orders and joins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

__all__ = ["Collapsing", "Piece", "group_by_names", "join"]

RANGE_DASH = "\u2013"


@dataclass(frozen=True, slots=True)
class Collapsing:
    """A style's cite grouping and collapsing options (read once per style)."""

    collapse: str | None = None
    cite_group_delimiter: str | None = None
    after_collapse_delimiter: str | None = None
    year_suffix_delimiter: str | None = None
    delimiter: str = ""
    in_text: bool = False
    sorted: bool = False  # the citation has its own (not citation-number) sort
    groups: bool = field(init=False, default=False)
    moves: bool = field(init=False, default=False)
    active: bool = field(init=False, default=False)

    @classmethod
    def of(cls, style, sorted: bool = False) -> "Collapsing":
        citation = style.root.citation
        return cls(citation.get("collapse"), citation.get("cite-group-delimiter"), citation.get("after-collapse-delimiter"),
                   citation.get("year-suffix-delimiter"), citation.layout.get("delimiter", ""),
                   style.root.get("class") == "in-text", sorted)

    def __post_init__(self) -> None:
        # read on every cite: plain attributes
        groups = self.cite_group_delimiter is not None or self.collapse in ("year", "year-suffix", "year-suffix-ranged")
        object.__setattr__(self, "groups", groups)  # cites by the same names next to each other collapse
        # Cites by the same names are moved together only when the citation is sorted anyway
        # (citeproc-js's "grouped sort"): an unsorted citation keeps the author's order.
        moves = self.sorted and ((self.in_text and bool(self.collapse)) or self.cite_group_delimiter is not None)
        object.__setattr__(self, "moves", moves)
        object.__setattr__(self, "active", groups or self.collapse == "citation-number")

    @property
    def suffix_delimiter(self) -> str:
        """Between year-suffixes ("2000a, b"): the cite-group-delimiter when the style sets
        one (they are cites of one group), else year-suffix-delimiter, else the layout's."""
        for delimiter in (self.cite_group_delimiter, self.year_suffix_delimiter):
            if delimiter is not None:
                return delimiter
        return self.delimiter

    @property
    def within_group(self) -> str:
        if self.cite_group_delimiter is not None:
            return self.cite_group_delimiter
        return ", " if self.in_text else self.delimiter


@dataclass(frozen=True, slots=True)
class Piece:
    """One rendered cite of a citation.

    ``text``: the cite; ``cut``: the cite without its first names (collapsed);
    ``names``: the text of those names; ``year``: ``cut`` without its year-suffix;
    ``suffix``: the year-suffix; ``number``: the citation-number; ``plain``: no locator,
    prefix or suffix (it may join a range)."""

    text: str
    cut: str = ""
    names: str | None = None
    year: str = ""
    suffix: str | None = None
    number: int | None = None
    plain: bool = True
    has_locator: bool = False


def group_by_names(pieces: Sequence[Piece]) -> list[Piece]:
    """Cites with the same names moved after the first of them, the order otherwise kept."""
    groups: dict[object, list[Piece]] = {}
    for piece in pieces:
        key = piece.names or ""  # no names printed: the same (empty) names as any other such cite
        groups.setdefault(key, []).append(piece)
    return [piece for group in groups.values() for piece in group]


def join(pieces: Sequence[Piece], rules: Collapsing) -> str:
    """The citation's cites joined, collapsed as the style asks (the layout's affixes not added)."""
    if rules.collapse == "citation-number":
        return _join_numbers(pieces, rules)
    if not rules.groups:
        return rules.delimiter.join(piece.text for piece in pieces)
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and (runs[-1][0].names or "") == (piece.names or ""):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    text = ""
    for index, run in enumerate(runs):
        if index:
            text += _between_groups(runs[index - 1], rules)
        text += _join_group(run, rules)
    return text


def _between_groups(previous: list[Piece], rules: Collapsing) -> str:
    """The delimiter after a group of cites (citeproc-js's choice of "splice" delimiter)."""
    if rules.after_collapse_delimiter is None:
        return rules.delimiter
    if previous[-1].has_locator or len(previous) > 1 or rules.collapse != "year-suffix":
        return rules.after_collapse_delimiter
    return rules.delimiter


def _join_group(run: list[Piece], rules: Collapsing) -> str:
    """One group: the first cite whole, the others without the names (when collapsing)."""
    collapsing = rules.collapse in ("year", "year-suffix", "year-suffix-ranged")
    suffixes = rules.collapse in ("year-suffix", "year-suffix-ranged")
    text = run[0].text
    anchor = previous = run[0]  # anchor: the last cite printed with its year
    suffix_run: list[Piece] = []
    for piece in run[1:]:
        if suffixes and _same_year(previous, piece):
            suffix_run.append(piece)
            previous = piece
            continue
        if collapsing and not piece.cut:
            continue  # nothing but the names, which the cite before printed
        text += _suffixes(anchor, suffix_run, rules)
        suffix_run = []
        delimiter = rules.within_group
        if previous.has_locator:
            delimiter = rules.after_collapse_delimiter if rules.after_collapse_delimiter is not None else rules.delimiter
        text += delimiter + (piece.cut if collapsing else piece.text)
        anchor = previous = piece
    return text + _suffixes(anchor, suffix_run, rules)


def _same_year(previous: Piece, piece: Piece) -> bool:
    return bool(previous.suffix and piece.suffix and previous.plain and piece.plain and previous.year == piece.year)


def _suffixes(anchor: Piece, run: list[Piece], rules: Collapsing) -> str:
    """What follows *anchor* (printed with its year-suffix) for the cites of the same year
    after it, which print only their suffixes ("a, b" or, ranged, "a–c")."""
    if not run:
        return ""
    delimiter = rules.suffix_delimiter
    values = [anchor.suffix or ""] + [piece.suffix or "" for piece in run]
    parts = _ranges(values, _next_letters) if rules.collapse == "year-suffix-ranged" else values
    return parts[0][len(values[0]):] + "".join(delimiter + part for part in parts[1:])


def _next_letters(before: str, after: str) -> bool:
    return len(before) == len(after) == 1 and ord(after) == ord(before) + 1


def _ranges(values: list, follows) -> list[str]:
    """*values* with runs of three or more that follow one another written first–last."""
    parts, start = [], 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and follows(values[end], values[end + 1]):
            end += 1
        if end - start >= 2:
            parts.append(f"{values[start]}{RANGE_DASH}{values[end]}")
        else:
            parts.extend(str(v) for v in values[start : end + 1])
        start = end + 1
    return parts


def _join_numbers(pieces: Sequence[Piece], rules: Collapsing) -> str:
    """``collapse="citation-number"``: numbers in a row (three or more) as a range."""
    out: list[str] = []
    run: list[Piece] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(f"{run[0].text}{RANGE_DASH}{run[-1].text}")
        else:
            out.extend(piece.text for piece in run)
        run.clear()

    for piece in pieces:
        if piece.number is None or not piece.plain:
            flush()
            out.append(piece.text)
            continue
        if run and piece.number != run[-1].number + 1:
            flush()
        run.append(piece)
    flush()
    return rules.delimiter.join(out)
