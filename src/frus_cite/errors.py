"""The frus-cite error hierarchy.

Every error about a source text carries the text and the character span it is
about, and renders the way a compiler does: ``file:line:column: message``,
then the offending line with a caret under the span.
"""

from __future__ import annotations

__all__ = [
    "FrusCiteError",
    "SourceError",
    "EmptySourceError",
    "BinarySourceError",
    "SourceEncodingError",
    "SourceTooLargeError",
    "UnrecognisedSourceError",
    "HeaderSyntaxError",
    "UnknownVolumeError",
    "UnpublishedVolumeError",
    "CatalogError",
    "TeiError",
    "UnknownDocumentError",
]


class FrusCiteError(Exception):
    """Base class of every error frus-cite raises on purpose."""


class SourceError(FrusCiteError):
    """A problem located in a source text.

    :param message: what went wrong, in the user's words ("expected …").
    :param source: the whole text the span refers to (may be ``None`` for
        files that could not be decoded).
    :param span: ``(start, end)`` character offsets into *source*.
    :param path: the file name, when the text came from a file.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        span: tuple[int, int] | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.span = span
        self.path = path
        self._line = line

    @property
    def line(self) -> int | None:
        """1-based line number of the span's start, if known."""
        if self._line is not None:
            return self._line
        if self.source is None or self.span is None:
            return None
        return self.source.count("\n", 0, self.span[0]) + 1

    @property
    def column(self) -> int | None:
        """1-based column of the span's start, if known."""
        if self.source is None or self.span is None:
            return None
        line_start = self.source.rfind("\n", 0, self.span[0]) + 1
        return self.span[0] - line_start + 1

    def located(self, path: str) -> "SourceError":
        """Return this error with *path* filled in (for errors raised on text)."""
        self.path = path
        return self

    def summary(self) -> str:
        """The first line of the message: ``file:line:col: what was expected``."""
        return str(self).split("\n", 1)[0]

    def __str__(self) -> str:
        where = self.path or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        head = f"{where}: {self.message}"
        if self.source is None or self.span is None:
            return head
        start, end = self.span
        line_start = self.source.rfind("\n", 0, start) + 1
        line_end = self.source.find("\n", start)
        if line_end == -1:
            line_end = len(self.source)
        text = self.source[line_start:line_end]
        # Long lines are cut around the span so the caret stays readable.
        col = start - line_start
        if len(text) > 100:
            cut = max(0, col - 40)
            text = ("…" if cut else "") + text[cut : cut + 80] + "…"
            col = col - cut + (1 if cut else 0)
        width = max(1, min(end, line_end) - start)
        width = min(width, max(1, len(text) - col))
        return f"{head}\n    {text}\n    {' ' * col}{'^' * width}"


class EmptySourceError(SourceError):
    """The file holds no text (or only white space)."""


class BinarySourceError(SourceError):
    """The file is binary (it holds NUL bytes), not a text copy of a document."""


class SourceEncodingError(SourceError):
    """The file is not valid UTF-8."""


class SourceTooLargeError(SourceError):
    """The file is larger than the configured limit."""


class UnrecognisedSourceError(SourceError):
    """The text is neither a FRUS document nor a Wilson Center record."""


class HeaderSyntaxError(SourceError):
    """A header element was recognised but is malformed."""


class TeiError(SourceError):
    """A TEI file that cannot be read: not TEI, not well-formed, or unsafe (a DTD, entities)."""


class UnknownDocumentError(TeiError):
    """A TEI file holds no document with the id asked for."""


class CatalogError(FrusCiteError):
    """The FRUS volume catalog (or a user addition to it) is invalid."""


class UnknownVolumeError(CatalogError):
    """A volume id or URL names no volume in the catalog."""


class UnpublishedVolumeError(UnknownVolumeError):
    """A volume id names a volume that is not published yet (in production, under
    declassification, being researched): it cannot be cited."""
