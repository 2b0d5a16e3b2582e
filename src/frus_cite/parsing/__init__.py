"""Parsers: detect what a text is and read it into a :class:`~frus_cite.model.Reference`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..catalog import Catalog
from ..errors import FrusCiteError, SourceError, UnrecognisedSourceError
from ..model import Reference
from .frus import looks_like_frus, parse_frus
from .tei import TeiVolume, looks_like_tei, open_tei, split_address
from .text import MAX_SOURCE_BYTES, prepare, read_source
from .wilson import looks_like_wilson, parse_wilson

__all__ = [
    "parse_text",
    "parse_file",
    "parse_many",
    "parse_tei",
    "ParseFailure",
    "detect_kind",
    "is_tei_file",
    "UnrecognisedSourceError",
]


def detect_kind(text: str) -> str | None:
    """"wilson", "frus" or ``None`` for text that is neither."""
    if looks_like_wilson(text):
        return "wilson"
    if looks_like_frus(text):
        return "frus"
    return None


def parse_text(
    text: str,
    *,
    path: str | None = None,
    volume: str | None = None,
    url: str | None = None,
    catalog: Catalog | None = None,
) -> Reference:
    """Parse one source text (FRUS document or Wilson Center record).

    Raises a :class:`~frus_cite.errors.SourceError` subclass, located in the
    text, when the text is not a recognisable source.
    """
    try:
        text = prepare(text, path)
        kind = detect_kind(text)
        if kind == "wilson":
            return parse_wilson(text, path=path)
        if kind == "frus":
            return parse_frus(text, path=path, volume=volume, url=url, catalog=catalog)
        # Let the FRUS parser explain what it expected, at the first line.
        return parse_frus(text, path=path, volume=volume, url=url, catalog=catalog)
    except SourceError as error:
        if error.path is None and path is not None:
            error.path = path
        if error.source is None and error.span is None and error.line is None:
            error._line = 1  # whole-text problems are reported at the top
        raise


def is_tei_file(path: str | Path) -> bool:
    """True when *path* is an ``.xml`` file, or a file that starts like TEI (a volume, a
    slice or one document)."""
    if str(path).lower().endswith(".xml"):
        return True
    try:
        with open(path, "rb") as handle:
            return looks_like_tei(handle.read(4096))
    except OSError:
        return False


def parse_tei(path: str | Path, *, document: str | None = None, volume: str | None = None) -> list[Reference]:
    """The documents of a TEI file (all of them, or the one with id *document*).

    *path* may name the document itself: ``frus1955-57v03.xml#d58``."""
    path, document = _address(path, document)
    tei = open_tei(path, volume=volume)
    return [tei.reference(document)] if document else list(tei.references())


def _address(path: str | Path, document: str | None) -> tuple[str | Path, str | None]:
    """A file, and the document a ``FILE#d58`` address names (when FILE exists and *path* does not)."""
    if document is None and not Path(path).exists():
        file, named = split_address(str(path))
        if named is not None and Path(file).exists():
            return file, named
    return path, document


def parse_file(
    path: str | Path,
    *,
    volume: str | None = None,
    url: str | None = None,
    catalog: Catalog | None = None,
    max_bytes: int = MAX_SOURCE_BYTES,
    document: str | None = None,
) -> Reference:
    """Read and parse one source file.

    A TEI file gives the document *document* ("d58", or ``FILE#d58``), or its only document.
    """
    path, document = _address(path, document)
    if document is not None or is_tei_file(path):
        tei = open_tei(path, volume=volume)
        if document is None and len(tei) != 1:
            raise SourceError(
                f"this TEI file holds {len(tei)} documents; expected one, or a document id (FILE#d58)",
                path=str(path),
                line=1,
            )
        return tei.reference(document or tei.document_ids[0])
    text = read_source(path, max_bytes=max_bytes)
    return parse_text(text, path=str(path), volume=volume, url=url, catalog=catalog)


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """A file that could not be parsed, and why."""

    path: str
    error: FrusCiteError


def parse_many(
    paths: Iterable[str | Path],
    *,
    volume: str | None = None,
    url: str | None = None,
    catalog: Catalog | None = None,
    document: str | None = None,
) -> tuple[list[Reference], list[ParseFailure]]:
    """Parse every file; failures are returned beside the records, never raised.

    A TEI file gives all its documents, or the one *document* (or ``FILE#d58``) names."""
    records: list[Reference] = []
    failures: list[ParseFailure] = []
    for path in paths:
        try:
            file, named = _address(path, document)
            if named is not None or is_tei_file(file):
                records.extend(parse_tei(file, document=named, volume=volume))
                continue
            records.append(parse_file(path, volume=volume, url=url, catalog=catalog))
        except FrusCiteError as error:
            failures.append(ParseFailure(str(path), error))
    return records, failures
