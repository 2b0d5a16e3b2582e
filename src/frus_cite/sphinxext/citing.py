"""What the quote and cite markup share: reading locators, checking a quotation,
and making the footnote that will carry the note."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..errors import FrusCiteError
from ..model import Reference
from ..quoting import check_quote, citation_locator
from .config import get_config
from .domain import document_scratch, get_domain
from .logging import warn
from .nodes import frus_note
from .records import CiteRecord, SourceRecord
from .sources import bib_items, catalog_for, load_reference

__all__ = ["parse_locator", "make_note", "check_passage", "known_key", "parse_cites", "prepare_quote", "PreparedQuote", "pages_outside"]

_LABELS = {
    "p.": "page", "pp.": "page", "page": "page", "pages": "page",
    "ch.": "chapter", "chap.": "chapter", "chapter": "chapter",
    "para.": "paragraph", "paras.": "paragraph", "¶": "paragraph", "paragraph": "paragraph",
    "n.": "note", "nn.": "note", "note": "note",
    "sec.": "section", "§": "section", "section": "section",
    "vol.": "volume", "vols.": "volume",
    "l.": "line", "ll.": "line", "line": "line",
    "fol.": "folio", "fols.": "folio",
    "pt.": "part", "fig.": "figure", "table": "table", "art.": "article-locator",
}


def parse_locator(text: str) -> tuple[str, str]:
    """"p. 927" → ("927", "page"); "927–28" → ("927–28", "page"); raises ValueError."""
    text = text.strip()
    match = re.fullmatch(r"(?P<label>[^\W\d]+\.?|¶|§)?\s*(?P<value>[\w\-–—,\s]*\w)", text)
    if not match:
        raise ValueError(f"cannot read locator {text!r}; expected e.g. 'p. 927', 'pp. 926–27' or 'ch. 3'")
    label = (match["label"] or "p.").lower()
    if label in ("doc.", "no.", "document"):
        raise ValueError(
            f"{text!r}: a FRUS document number is not a locator; it comes from the source (its 'No.' line or "
            "history.state.gov URL) and is cited for volumes that print document numbers"
        )
    if label not in _LABELS:
        raise ValueError(f"unknown locator label {match['label']!r} in {text!r}; expected one of p., pp., ch., para., n., sec., vol., l., fol.")
    value = re.sub(r"\s*[-–—]\s*", "–", match["value"])
    if _LABELS[label] == "page" and not _PAGES.fullmatch(value):
        raise ValueError(f"cannot read the pages {match['value']!r} in {text!r}; expected page numbers such as '927', "
                         "'926–28', '926, 928' or roman numerals ('xii')")
    return value, _LABELS[label]


_PAGE = r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)(?:n\d+)?"
_PAGES = re.compile(rf"{_PAGE}(?:–{_PAGE})?(?:,\s*{_PAGE}(?:–{_PAGE})?)*")


def pages_outside(ref: Reference, locator: str) -> list[str]:
    """The pages of a page *locator* that the source does not print on ("999"), for a
    source whose pages are known and numbered in arabic figures."""
    if ref.pages is None or not (ref.pages.first.isdigit() and ref.pages.last.isdigit()):
        return []
    first, last = int(ref.pages.first), int(ref.pages.last)
    outside = []
    for part in locator.split(","):
        low, _, high = part.strip().partition("–")
        low, high = re.sub(r"n\d+$", "", low), re.sub(r"n\d+$", "", high)
        if not low.isdigit() or (high and not high.isdigit()):
            continue
        # "926–28": the upper page written short, as Chicago abbreviates ranges
        upper = int(low[: len(low) - len(high)] + high) if high and len(high) < len(low) else int(high or low)
        if not (first <= int(low) <= last and first <= upper <= last):
            outside.append(part.strip())
    return outside


def known_key(env: BuildEnvironment, key: str) -> SourceRecord | str | None:
    """The source record, "bib" for secondary literature, or ``None`` when not known (yet)."""
    record = get_domain(env).source(key)
    if record is not None:
        return record
    if key in bib_items(env):
        return "bib"
    return None


def check_passage(env: BuildEnvironment, key: str, passage: str, location: Any) -> tuple[str | None, bool]:
    """Check *passage* against source *key*: (page locator or None, checked-and-found).

    Warnings: ``frus.empty_quote``, ``frus.quote_not_found``; an unknown key is
    left for the consistency check (the source may be declared in another document).
    """
    record = get_domain(env).source(key)
    if record is None:
        return None, False
    try:
        ref = load_reference(env, record.path, record.volume, record.url, record.document)
    except FrusCiteError:
        return None, False  # reported where the source is declared
    result = check_quote(ref, passage)
    if result.problem:
        warn("empty_quote", result.message(key), location)
        return None, False
    if not result.found:
        warn("quote_not_found", result.message(key), location)
        return None, False
    return citation_locator(ref, result, catalog_for(env)), True


class PreparedQuote(NamedTuple):
    locator: str | None
    """The author's locator, else the pages the quotation was found on."""
    pending: str | None
    """The quotation, when its source is not declared yet: checked once all documents are read."""


def prepare_quote(env: BuildEnvironment, key: str, passage: str, locator: str | None, *,
                  check: bool = True, final: bool = False, location: Any) -> PreparedQuote:
    """Check a quotation against its source: the one way the role, the directive and
    ``env-updated`` (*final*: every document has been read) do it.

    *check* is the markup's own wish (``:no-check:`` makes it False); the
    ``frus_cite_check_quotes`` setting is honoured here, for all of them.
    """
    if not check or not get_config(env.config).check_quotes:
        return PreparedQuote(locator, None)
    if get_domain(env).source(key) is None:  # unknown keys are reported once every document is read
        return PreparedQuote(locator, None if final else passage)
    page, _ = check_passage(env, key, passage, location)
    return PreparedQuote(locator or page, None)


def parse_cites(text: str) -> list[tuple[str | None, str, str | None, str | None]]:
    """Read ``[prefix::] key[, locator] [:: suffix]`` items separated by ";".

    Returns (prefix, key, locator text, suffix) for each cite.
    """
    cites = []
    for part in [p for p in text.split(";") if p.strip()]:
        pieces = [p.strip() for p in part.split("::")]
        prefix = suffix = None
        if len(pieces) == 3:
            prefix, body, suffix = pieces
        elif len(pieces) == 2:
            # "See:: key" or "key:: suffix": the key is the piece without spaces before a comma.
            first, second = pieces
            if re.fullmatch(r"[\w.:/-]+(?:,.*)?", first) and not re.fullmatch(r"[\w.:/-]+(?:,.*)?", second):
                body, suffix = first, second
            else:
                prefix, body = first, second
        else:
            body = pieces[0]
        key, _, locator = body.partition(",")
        cites.append((prefix + " " if prefix else None, key.strip(), locator.strip() or None, " " + suffix if suffix else None))
    return cites


def make_note(
    env: BuildEnvironment,
    document: nodes.document,
    cites: list[CiteRecord],
    lineno: int | None,
    *,
    passage: str | None = None,
) -> nodes.footnote_reference:
    """An auto-numbered footnote reference, and its footnote (placed later by the transform).

    *passage* is a quotation whose source was not known yet when it was read
    (declared in another document); it is checked once all documents are read.
    """
    serial = env.new_serialno("frus-note")
    note_id = f"frus-note-{nodes.make_id(env.docname)}-{serial}"
    placeholder = frus_note(note_id=note_id, docname=env.docname)
    pending = document_scratch(env)
    pending.notes[note_id] = (tuple(cites), passage, lineno)
    footnote = nodes.footnote("", nodes.paragraph("", "", placeholder), auto=1, classes=["frus-note"])
    footnote["names"].append(note_id)
    footnote.source, footnote.line = env.doc2path(env.docname), lineno
    footnote["docname"] = env.docname
    document.note_autofootnote(footnote)
    document.note_explicit_target(footnote, footnote)
    # Registered the way docutils registers "[#name]_": a labelled auto-numbered reference.
    reference = nodes.footnote_reference("", "", auto=1, refname=note_id, classes=["frus-note-ref"])
    document.note_autofootnote_ref(reference)
    document.note_footnote_ref(reference)
    pending.footnotes.append(footnote)
    return reference
