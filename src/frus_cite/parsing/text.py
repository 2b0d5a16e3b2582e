"""Reading source files and small text helpers shared by the parsers."""

from __future__ import annotations

import os
import re
from pathlib import Path
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import NamedTuple

from ..errors import (
    BinarySourceError,
    EmptySourceError,
    SourceEncodingError,
    SourceError,
    SourceTooLargeError,
)

__all__ = ["read_source", "prepare", "Line", "Lines", "split_lines", "squeeze", "MAX_SOURCE_BYTES"]

MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""Default size limit: a whole FRUS volume as text is about 5 MB."""


def read_source(path: str | Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    """Read a source file as text, with a located error for every way it can be unusable."""
    data = read_bytes(path, max_bytes=max_bytes, expected="one document or record")
    return decode_source(data, str(path))


def read_bytes(
    path: str | Path, *, max_bytes: int, expected: str, error: type[SourceError] = SourceError, kind: str = "a text file"
) -> bytes:
    """The bytes of a file of at most *max_bytes*; a larger file is refused before it is read.

    *expected* says what the file should be when it is too large; *error* is raised
    (with *kind*) for a directory, a missing or an unreadable file."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            too_large = os.fstat(handle.fileno()).st_size > max_bytes
            data = b"" if too_large else handle.read(max_bytes + 1)  # the size may lie (a pipe) or grow
    except IsADirectoryError:
        raise error(f"expected {kind}, found a directory", path=name) from None
    except FileNotFoundError:
        raise error("file not found", path=name) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", path=name) from None
    if too_large or len(data) > max_bytes:
        raise SourceTooLargeError(f"file is larger than {max_bytes // (1024 * 1024)} MB; expected {expected}", path=name, line=1)
    return data


def decode_source(data: bytes, name: str = "<bytes>") -> str:
    """Decode bytes as UTF-8 (BOM allowed), rejecting binary data with a located error."""
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise BinarySourceError(
            f"binary data (NUL byte at byte {nul}); expected a UTF-8 text copy of a document",
            path=name,
            line=line,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceEncodingError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at byte {exc.start}); save the file as UTF-8",
            path=name,
            line=line,
        ) from None
    return prepare(text, name)


def prepare(text: str, name: str | None = None) -> str:
    """Normalise line ends and reject empty text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptySourceError("empty file; expected a FRUS document or a Wilson Center record", path=name)
    return text


class Line(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Lines(Sequence[Line]):
    """The lines of a text, each made into a :class:`Line` only when asked for.

    A parser reads the lines at the top (header, heading) and at the bottom
    (footnotes) of a document; the body in between is never split line by line.
    """

    __slots__ = ("_pieces", "_starts")

    def __init__(self, text: str) -> None:
        self._pieces = text.split("\n")
        self._starts = list(accumulate((len(piece) + 1 for piece in self._pieces), initial=0))

    def __len__(self) -> int:
        return len(self._pieces)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        piece = self._pieces[index]
        start = self._starts[index % len(self._pieces)]
        return Line(start, start + len(piece), piece)

    def is_blank(self, index: int) -> bool:
        return not self._pieces[index].strip()


def split_lines(text: str) -> Lines:
    return Lines(text)


def next_nonblank(lines: Lines, index: int) -> int:
    while index < len(lines) and lines.is_blank(index):
        index += 1
    return index


_SQUEEZE = re.compile(r"[ \t\u00a0\n]{2,}")
# Every run _SQUEEZE changes contains one of these (a run of spaces and line
# ends other than one blank line has two spaces, a space beside a line end, or
# three line ends); substring tests run at memchr speed, the pattern does not.
_SQUEEZE_PROBES = ("  ", " \n", "\n ", "\n\n\n", "\t", "\u00a0")


def _collapsed(run: str) -> str:
    """A run of white space as it should read: a paragraph break, a line break, or a space."""
    newlines = run.count("\n")
    if newlines >= 2:
        return "\n\n"
    return "\n" if newlines else " "


def squeeze(text: str, positions: Iterable[int]) -> tuple[str, list[int]]:
    """Trim the text and its line ends, collapse blank-line runs, carrying *positions* along.

    Returns the new text and each position mapped into it; a position inside
    removed white space maps to the first character after it.
    """
    positions = list(positions)
    lead = len(text) - len(text.lstrip())
    core_end = len(text.rstrip())
    if core_end <= lead:
        return "", [0 for _ in positions]
    core = text[lead:core_end]
    # (start, end, replacement) of every change, in core coordinates.
    changes = []
    if any(probe in core for probe in _SQUEEZE_PROBES):
        changes = [(m.start(), m.end(), _collapsed(m.group(0))) for m in _SQUEEZE.finditer(core) if m.group(0) != "\n\n"]
    pieces: list[str] = []
    cursor = 0
    starts: list[int] = []
    shifts: list[int] = []
    shift = 0
    for start, end, replacement in changes:
        pieces.append(core[cursor:start])
        pieces.append(replacement)
        starts.append(start)
        shifts.append(shift)
        shift += (end - start) - len(replacement)
        cursor = end
    pieces.append(core[cursor:])
    out = "".join(pieces)

    import bisect

    mapped = []
    for position in positions:
        p = position - lead
        if p <= 0:
            mapped.append(0)
            continue
        if p >= len(core):
            mapped.append(len(out))
            continue
        index = bisect.bisect_right(starts, p) - 1
        if index < 0:
            mapped.append(p)
            continue
        start, end, replacement = changes[index]
        before = shifts[index]
        if p < end:  # inside removed white space: the first character after it
            mapped.append(start - before + len(replacement))
        else:
            mapped.append(p - before - ((end - start) - len(replacement)))
    return out, [min(m, len(out)) for m in mapped]
