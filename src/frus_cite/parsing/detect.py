"""What a text is, before it is parsed: a saved web page (refused), a FRUS document with the
volume's title line above it (what copying the whole page gives), and whether a FRUS
document's own number fits the volume it is filed under."""

from __future__ import annotations

import re

from ..catalog import Catalog
from ..errors import HeaderSyntaxError, UnrecognisedSourceError
from ..model import Reference

__all__ = ["refuse_html", "take_volume_title", "check_document_number"]

_HTML = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_TAGS = re.compile(r"</?(?:html|head|body|div|p|span|h[1-6]|br|a|meta|title|script|table|tr|td)\b[^>]*>", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"(?m)^[ \t]*No\.\s*(\d{1,6})\b")
_SERIES_LINE = re.compile(r"[ \t]*(?:Papers Relating to the )?Foreign Relations of the United States\b[^\n]{0,300}", re.IGNORECASE)


def refuse_html(text: str) -> None:
    """Raise for a saved web page: its markup would be read as the document's heading."""
    head = text[:2000]
    if _HTML.match(head) or len(_TAGS.findall(head)) >= 3:
        raise UnrecognisedSourceError(
            "this is an HTML page, not the text of a document; open it in a browser, select the document "
            "(header line, heading, text and footnotes) and paste it into a plain-text file",
            source=text, span=(0, max(1, min(len(text), text.find("\n") if "\n" in text else len(text)))),
        )


def _normalised(title: str) -> str:
    """Titles compared as written on the page or in the catalog: case, dashes, ":" or ","."""
    return " ".join(re.sub(r"[–—-]", "-", title.replace(":", ",")).casefold().rstrip(". ").split())


def take_volume_title(text: str, catalog: Catalog) -> tuple[str, str | None, tuple[int, int] | None]:
    """A leading "Foreign Relations of the United States…" line, blanked out (spaces keep every
    offset, so errors still point into the text as written), and the catalog volume it names.

    Returns (text, volume id or ``None``, span of the title line or ``None`` when there is none)."""
    start = len(text) - len(text.lstrip())
    line = _SERIES_LINE.match(text, start)
    if line is None:
        return text, None, None
    end = line.end()
    if end < len(text) and text[end] != "\n":  # a paragraph, not a title line
        return text, None, None
    wanted = _normalised(line.group(0))
    volume = next((v.id for v in catalog.volumes() if _normalised(v.title) == wanted), None)
    return text[:start] + " " * (end - start) + text[end:], volume, (start, end)


def _covers(volume, date: str | None) -> bool:
    """Whether the volume's documents span the year of *date*."""
    years = [int(y) for y in re.findall(r"\d{4}", volume.coverage or "")]
    return bool(date and years) and min(years) <= int(date[:4]) <= max(years)


def _numbering_volumes(number: int, ref: Reference, catalog: Catalog) -> list[str]:
    """Published volumes that print document numbers, hold *number* and cover the document's year."""
    return [v.id for v in catalog.volumes() if v.is_published and v.prints_document_numbers and v.documents
            and v.holds(number) and _covers(v, ref.date) and v.id != ref.volume]


def check_document_number(ref: Reference, text: str, catalog: Catalog) -> None:
    """Raise when the number the document prints ("No. 578") cannot be a document of the
    volume it is filed under: the volume's documents stop short of it, or the volume prints
    no numbers while a volume of the same years that does holds it (in volumes without
    numbers, "No. 120." above a heading is the despatch's own number)."""
    if not (ref.kind == "frus" and ref.volume and ref.document_number and ref.volume in catalog):
        return
    number = ref.document_number
    printed = next((m for m in _NUMBER_LINE.finditer(text) if int(m.group(1)) == number), None)
    if printed is None:  # the number came from a URL, which names its own volume
        return
    volume = catalog.get(ref.volume)
    others = _numbering_volumes(number, ref, catalog)
    if volume.prints_document_numbers and not volume.holds(number):
        why = f"whose documents run from {volume.documents[0]} to {volume.documents[1]}"  # type: ignore[index]
    elif not volume.prints_document_numbers and others:
        why = "which prints no document numbers"
    else:
        return
    hint = f"it is document {number} of {' or '.join(others)}" if others else "give the document's own volume"
    raise HeaderSyntaxError(
        f"the document prints 'No. {number}', but volume {ref.volume} ({volume.volume_title or volume.title}) is given, "
        f"{why}; {hint} (or give its history.state.gov URL with --url)",
        source=text, span=(printed.start() + len(printed.group(0)) - len(printed.group(0).lstrip()), printed.end()),
    )
