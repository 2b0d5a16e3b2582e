"""What the quote and cite markup share: reading locators, checking a quotation,
and making the footnote that will carry the note."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..errors import FrusCiteError
from ..model import Reference
from ..quoting import check_quote_with_marks, citation_locator
from .config import get_config
from .domain import document_scratch, get_domain
from .logging import warn
from .nodes import frus_note_ref
from .records import CiteRecord, SourceRecord
from .sources import bib_items, catalog_for, load_reference

__all__ = ["parse_locator", "make_note", "check_passage", "known_key", "parse_cites", "prepare_quote", "PreparedQuote", "pages_outside", "read_cites"]

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


# A label is a whole word (the letters a value could share are never split off: "xii" is a
# page, not label "xi" and value "i"), so the two are found one after the other in linear time.
_LOCATOR_LABEL = re.compile(r"(?:[^\W\d]+\.?|¶|§)")
_LOCATOR_VALUE = re.compile(r"(?:[\w\-–—,][\w\-–—,\s]*)?\w")


def _split_label(text: str) -> tuple[str | None, str]:
    """"p. 927" → ("p.", "927"); "927" and "xii" → (None, the text): a word is a label only
    when a value follows it after a period, a space or directly as figures ("p927")."""
    match = _LOCATOR_LABEL.match(text)
    if match is None or match.end() == len(text):
        return None, text
    label, rest = match.group(), text[match.end():]
    if label.endswith(".") or label in "¶§" or rest[0].isspace() or rest[0].isdigit():
        return label, rest.lstrip()
    return None, text


def parse_locator(text: str) -> tuple[str, str]:
    """"p. 927" → ("927", "page"); "927–28" → ("927–28", "page"); raises ValueError."""
    text = text.strip()
    written_label, value_text = _split_label(text)
    if not _LOCATOR_VALUE.fullmatch(value_text):
        raise ValueError(f"cannot read locator {text!r}; expected e.g. 'p. 927', 'pp. 926–27' or 'ch. 3'")
    label = (written_label or "p.").lower()
    if label in ("doc.", "no.", "document"):
        raise ValueError(
            f"{text!r}: a FRUS document number is not a locator; it comes from the source (its 'No.' line or "
            "history.state.gov URL) and is cited for volumes that print document numbers"
        )
    if label not in _LABELS:
        raise ValueError(f"unknown locator label {written_label!r} in {text!r}; expected one of p., pp., ch., para., n., sec., vol., l., fol.")
    value = re.sub(r"(?:(?<!\s)\s*|(?<=\s))[-–—]\s*", "–", value_text)
    if _LABELS[label] == "page" and not _PAGES.fullmatch(value):
        raise ValueError(f"cannot read the pages {value_text!r} in {text!r}; expected page numbers such as '927', "
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
        if max(len(low), len(high)) > 9:  # no source prints such a page (and int() refuses thousands of digits)
            outside.append(part.strip())
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


def check_passage(env: BuildEnvironment, key: str, passage: str, location: Any) -> tuple[str | None, str | None]:
    """Check *passage* against source *key*: (page locator, the passage as found) — the
    passage without the source's own footnote marks pasted with it; ``(None, None)``
    when it was not found.

    Warnings: ``frus.empty_quote``, ``frus.quote_not_found``; an unknown key is
    left for the consistency check (the source may be declared in another document).
    """
    record = get_domain(env).source(key)
    if record is None:
        return None, None
    try:
        ref = load_reference(env, record.path, record.volume, record.url, record.document)
    except FrusCiteError:
        return None, None  # reported where the source is declared
    result, found = check_quote_with_marks(ref, passage)
    if result.problem:
        warn("empty_quote", result.message(key), location)
        return None, None
    if not result.found:
        warn("quote_not_found", result.message(key), location)
        return None, None
    return citation_locator(ref, result, catalog_for(env)), found


class PreparedQuote(NamedTuple):
    locator: str | None
    """The author's locator, else the pages the quotation was found on."""
    pending: str | None
    """The quotation, when its source is not declared yet: checked once all documents are read."""
    printed: str
    """The quotation as printed: without the source's footnote marks, with the sentence's
    own period or comma that the author typed inside it."""


_SENTENCE_PUNCTUATION = re.compile(r"(?<![\s.])[.,]$")
"""A period or comma closing a quotation: the sentence's, set inside the quotation marks
(CMOS 6.9) but not part of what is checked. An ellipsis keeps its periods."""


def prepare_quote(env: BuildEnvironment, key: str, passage: str, locator: str | None, *,
                  check: bool = True, final: bool = False, location: Any) -> PreparedQuote:
    """Check a quotation against its source: the one way the role, the directive and
    ``env-updated`` (*final*: every document has been read) do it.

    *check* is the markup's own wish (``:no-check:`` makes it False); the
    ``frus_cite_check_quotes`` setting is honoured here, for all of them.
    """
    if not check or not get_config(env.config).check_quotes:
        return PreparedQuote(locator, None, passage)
    if get_domain(env).source(key) is None:  # unknown keys are reported once every document is read
        return PreparedQuote(locator, None if final else passage, passage)
    closing = _SENTENCE_PUNCTUATION.search(passage)
    words = passage[: closing.start()] if closing else passage
    page, found = check_passage(env, key, words, location)
    return PreparedQuote(locator or page, None, (found or words) + (closing.group(0) if closing else ""))


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


def read_cites(text: str, rawtext: str, location: Any) -> list[CiteRecord]:
    """The cites of ``[prefix::] key[, locator] [:: suffix]; …`` (bad ones warn and are left out)."""
    cites = []
    for prefix, key, locator_text, suffix in parse_cites(text):
        if not key or not re.fullmatch(r"[^\s<>]+", key):
            warn("bad_option", f"cannot read a citation key in {rawtext!r}; expected :frus:cite:`key, p. 927`", location)
            continue
        locator, label = None, "page"
        if locator_text:
            try:
                locator, label = parse_locator(locator_text)
            except ValueError as error:
                warn("bad_locator", str(error), location)
        cites.append(CiteRecord(key, locator, label, prefix, suffix))
    return cites


def make_note(env: BuildEnvironment, cites: list[CiteRecord], lineno: int | None, *, passage: str | None = None) -> frus_note_ref:
    """Where a citation's note mark goes; :class:`~.transforms.MarkNotes` makes it a footnote
    reference, or sets the citation inline when it stands in the author's own footnote.

    *passage* is a quotation whose source was not known yet when it was read
    (declared in another document); it is checked once all documents are read.
    """
    serial = env.new_serialno("frus-note")
    note_id = f"frus-note-{nodes.make_id(env.docname)}-{serial}"
    document_scratch(env).notes[note_id] = (tuple(cites), passage, lineno)
    return frus_note_ref(note_id=note_id, docname=env.docname, line=lineno)
