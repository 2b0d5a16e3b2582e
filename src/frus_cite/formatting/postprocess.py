"""Fixes applied to citeproc-py's output so that it matches citeproc-js.

Each function names the defect it mends (see ``shared/guide/citation-rules.md``).  The
engine renders one cite at a time, so these work on one cite's text, then on the joined
note.  They work on plain text (``fmt="text"``) and on marked text (``fmt="marked"``: the
text with the marks of :mod:`.tree` around formatted runs), so plain text, HTML and the
tree come out of the same repairs; a rule that looks across formatting skips marks.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Mapping

from . import richtext
from .engine.dates import clean_date
from .note_variables import note_variables
from .engine.display import write_display
from .tree import MARKS, PRIVATE_USE, URL, mark

__all__ = [
    "fix_note",
    "fix_entry",
    "affix",
    "join_cites",
    "punctuation_in_quotes",
    "curly_quotes",
    "drop_doubled_punctuation",
    "prepare_fields",
]

CLOSE_QUOTES = "”’"


class Layout:
    """The citation layout's affixes and delimiter (``<layout prefix suffix delimiter>``), and
    the locale's ``punctuation-in-quote``.

    The engine renders one cite at a time; the layout's affixes and formatting (the marks of
    ``<layout font-weight="bold">``, *formatting*) are taken off each and put once around the
    whole note, joined by the delimiter, as a CSL processor does."""

    __slots__ = ("prefix", "suffix", "delimiter", "punctuation_in_quote", "formatting")

    def __init__(self, prefix: str = "", suffix: str = ".", delimiter: str = "; ", punctuation_in_quote: bool = True,
                 formatting: tuple[str, str] = ("", "")):
        self.prefix, self.suffix, self.delimiter = prefix, suffix, delimiter
        self.punctuation_in_quote = punctuation_in_quote
        self.formatting = formatting

    @classmethod
    def of(cls, style) -> "Layout":
        """The citation layout of *style*, as the formatter set on it writes its formatting."""
        layout = style.root.citation.layout
        opening, _, closing = str(layout.format("\x00")).partition("\x00")
        return cls(layout.get("prefix", ""), layout.get("suffix", ""), layout.get("delimiter", ""), punctuation_in_quote(style),
                   (opening, closing))


def punctuation_in_quote(style) -> bool:
    """The style's locale puts periods and commas inside closing quotes (en-US does, en-GB not)."""
    return str(style.root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"


NOTE_LAYOUT = Layout()


_HTML_TAG = re.compile(r"</?[a-z]+(?:\s[^<>]*)?>")
_URL = re.compile(rf"{URL}|www\.[^\s<>\"{PRIVATE_USE}]+")


def curly_quotes(text: str) -> str:
    """Quotation marks in field values as citeproc-js prints them: straight or curly, single
    or double, a matched pair is a quotation, printed “ ” at the outer level and ‘ ’ inside
    one (the style's own ``quotes="true"`` counts as a level: ``"Betrayal"`` inside a quoted
    title prints ‘Betrayal’).  An apostrophe (``Stalin's``, ``'09``) prints ’; a straight
    double quote that pairs with nothing stays as it is.  URLs and HTML tags keep their
    quotes: an apostrophe in ``?title=Harriman's`` is part of the address.
    """
    if not any(char in text for char in _QUOTE_CHARS):
        return text
    skipped = bytearray(len(text))  # URLs and HTML tags (style="…" of small caps) keep their quotes
    for span in _HTML_TAG.finditer(text):
        skipped[span.start() : span.end()] = b"\x02" * (span.end() - span.start())
    for span in _URL.finditer(text):
        skipped[span.start() : span.end()] = b"\x01" * (span.end() - span.start())
    pairs = _matched_quotes(text, skipped)
    out = list(text)
    shown: list[str] = []  # the kind ("double"/"single") printed for each open quotation
    for index, char in enumerate(text):
        if skipped[index] or char not in _QUOTE_CHARS:
            continue
        role = pairs.get(index)
        if role == "open":
            # Straight quotes and “ ” are quotations, ‘ ’ inner ones; one inside a quotation
            # printed the same way flips (citeproc-js's flip-flop).
            kind = "single" if char == "‘" else "double"
            if shown and shown[-1] == kind:
                kind = "single" if kind == "double" else "double"
            shown.append(kind)
            out[index] = "“" if kind == "double" else "‘"
        elif role == "close":
            out[index] = "”" if shown.pop() == "double" else "’"
        elif char == "'":
            out[index] = "’"  # an apostrophe
    return "".join(out)


_QUOTE_CHARS = "\"'“”‘’"
_OPENS_AFTER = "([{/\u00a0—–-«"
_DOUBLE, _SINGLE = "\"“”", "'‘’"


_PRIVATE_USE_CHAR = re.compile(f"[{PRIVATE_USE}]")


def _neighbour(text: str, skipped: bytearray, index: int, step: int) -> str | None:
    """The character next to *index* (before it: step -1), looking through HTML tags and
    private-use placeholders; None at the edge of the text."""
    index += step
    while 0 <= index < len(text):
        char = text[index]
        if skipped[index] != 2 and not _PRIVATE_USE_CHAR.match(char):
            return char
        index += step
    return None


def _matched_quotes(text: str, skipped: bytearray) -> dict[int, str]:
    """Index of each quotation mark that opens or closes a matched pair -> "open"/"close"."""
    stack: list[tuple[int, str]] = []  # (index, family) of open quotations
    roles: dict[int, str] = {}
    for index, char in enumerate(text):
        if skipped[index] or char not in _QUOTE_CHARS:
            continue
        before, after = _neighbour(text, skipped, index, -1), _neighbour(text, skipped, index, 1)
        family = _DOUBLE if char in _DOUBLE else _SINGLE
        if char in "'’" and before is not None and after is not None and before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        opens_after = before is None or before.isspace() or before in _OPENS_AFTER or (before in _QUOTE_CHARS and before not in family)
        can_open = char not in "”’" and opens_after and after is not None and not after.isspace()
        can_close = char not in "“‘" and before is not None and not before.isspace() and (after is None or not after.isalnum())
        open_at = next((n for n in range(len(stack) - 1, -1, -1) if stack[n][1] == family), None)
        if can_close and open_at is not None and (not can_open or open_at == len(stack) - 1):
            roles[stack[open_at][0]], roles[index] = "open", "close"
            del stack[open_at:]
        elif can_open:
            stack.append((index, family))
    return roles


def punctuation_in_quotes(text: str, *, after_question: bool = True) -> str:
    """American style: a period or comma after closing quotes moves inside them
    (``Stalin”,`` → ``Stalin,”``); citeproc-py ignores ``punctuation-in-quote``.

    Inside a cite the style's own delimiters move even after "?" (citeproc-js
    prints ``China?,”``); a comma from a user's suffix after "?”" stays outside
    (``after_question=False``).
    """
    # A match starts only where a run of quotes starts: trying every position inside a
    # long run made this quadratic (20,000 ” took 14 s).
    pattern = _PUNCTUATION_AFTER_QUOTES if after_question else _PUNCTUATION_AFTER_QUOTES_NOT_QUESTION
    return pattern.sub(r"\2\1", text)


_FORMATTING = rf"(?:</?[a-z]+>|[{MARKS}])"  # what punctuation moves across: marks (and tags in a value)
# citeproc-js moves every mark but ";" and ":" (a "!" a style puts after a title, too)
_PUNCTUATION_AFTER_QUOTES = re.compile(rf"(?<![”’])([”’]+{_FORMATTING}*)([.,!?]+)")
_PUNCTUATION_AFTER_QUOTES_NOT_QUESTION = re.compile(rf"(?<![?!”’])([”’]+{_FORMATTING}*)([.,!?]+)")


def drop_doubled_punctuation(text: str) -> str:
    """No doubled terminal punctuation: ``?”.`` → ``?”``, ``..`` → ``.``, ``.,`` → ``.``;
    an ellipsis (``...``) is not a doubled period and stays whole."""
    text = re.sub(rf"(?<!\.)([?!.])((?:{_FORMATTING}|[”’])*)\.(?!\.)", r"\1\2", text)
    text = re.sub(rf"([?!])((?:{_FORMATTING}|[”’])*),", r"\1\2,", text)
    return text


@cache
def _superscripts() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each raised character (Unicode's ``<super>`` forms) -> its letter, and a pattern finding
    them; built on first use (scanning the BMP costs ~16 ms, too much for every import)."""
    import unicodedata

    bases = {}
    for code in range(0xA0, 0x10000):  # superscript letters outside the BMP are not written in <sup>
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition.startswith("<super> "):
            bases[chr(code)] = "".join(chr(int(part, 16)) for part in decomposition.split()[1:])
    # Raised forms Unicode gives no <super> decomposition; citeproc-js writes them in <sup> too.
    bases.update({"ˀ": "ʔ", "ˁ": "ʕ", "\u06e5": "\u0648", "\u06e6": "\u064a"})
    return bases, re.compile("[" + "".join(bases) + "]")


def superscripts_as_runs(text: str) -> str:
    """Marked text: a superscript character (the ``ª`` of "1.ª", the ``ʳᵉ`` of French "1ʳᵉ")
    becomes its letter in a superscript run, one run per character, as citeproc-js writes
    it in HTML (``1<sup>r</sup><sup>e</sup>``); plain text keeps the character."""
    if text.isascii():
        return text
    bases, pattern = _superscripts()
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: mark("superscript", bases[m.group(0)]), text)


def _strip_affixes(text: str, layout: Layout) -> str:
    opening, closing = layout.formatting
    if opening and text.startswith(opening) and text.endswith(closing):
        text = text[len(opening) : -len(closing)]
    if layout.prefix and text.startswith(layout.prefix):
        text = text[len(layout.prefix) :]
    if layout.suffix and text.endswith(layout.suffix):
        text = text[: -len(layout.suffix)]
    return text


KEEP_PUNCTUATION = "\ue0fe"
"""Put between a closing quotation mark and a period or comma written in a field value: the
value's punctuation stays where its author put it (citeproc-js moves only the style's own
punctuation inside quotation marks); taken out when the note is joined."""
_IN_VALUE_QUOTE_PUNCTUATION = re.compile(r"([\"'”’])(?=[.,!?])")


# French guillemets in a value keep their space, a narrow no-break one, as citeproc-js writes it
_GUILLEMET_SPACE = re.compile(r"« |(?<=\S) »")


def _narrow_guillemet_space(match: re.Match[str]) -> str:
    return "«\u202f" if match[0].startswith("«") else "\u202f»"


def prepare_fields(item: Mapping[str, Any], fmt: str) -> dict[str, Any]:
    """Field values as citeproc-py should get them.

    Rich-text tags (``<i>``, ``<b>`` …, see :mod:`.richtext`) become placeholders that
    :func:`fix_note` and :func:`fix_entry` turn into marks (or nothing, in plain text); any
    other ``<``, ``>`` and ``&`` stay text, which HTML prints as character references
    (``<script>`` as ``&#60;script&#62;``, a literal ``&amp;`` as ``&#38;amp;``, as
    citeproc-js prints them).
    """
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            value = _GUILLEMET_SPACE.sub(_narrow_guillemet_space, value) if "«" in value or "»" in value else value
            return _IN_VALUE_QUOTE_PUNCTUATION.sub(r"\1" + KEEP_PUNCTUATION, richtext.protect(value))
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    item = note_variables(item)
    fields = {key: (value if key in ("id", "type") else clean(clean_date(value) if key in _DATE_VARIABLES else value))
              for key, value in item.items()}
    for legacy, variable in _LEGACY_NAMES.items():  # Zotero's names for CSL's short forms
        if legacy in fields:
            fields.setdefault(variable, fields.pop(legacy))
    return fields


_LEGACY_NAMES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


_DATE_VARIABLES = frozenset(("accessed", "container", "event-date", "issued", "original-date", "submitted"))


def fix_note(raw: str, *, fmt: str, item: Mapping[str, Any] | None = None, layout: Layout = NOTE_LAYOUT) -> str:
    """Mend one rendered cite (the layout's affixes are taken off; :func:`join_cites` adds them)."""
    text = _strip_affixes(raw.strip(), layout)
    text = curly_quotes(text)
    if layout.punctuation_in_quote:
        text = punctuation_in_quotes(text)
    if fmt == "marked":
        text = superscripts_as_runs(text)
    # A note is inline text (a footnote's paragraph, a parenthesis in the running text), so it
    # drops CSL's display blocks in every format: citeproc-js writes a <div> inside the note,
    # which breaks the paragraph it sits in (HTML <p>, a LaTeX footnote); CSL meant display for
    # laying out bibliography entries, where the tree keeps it.
    return write_display(richtext.restore(text, fmt), "text")


def affix(body: str, prefix: str | None, suffix: str | None, *, fmt: str) -> str:
    """Add a cite's prefix and suffix as citeproc-js does: text, with CSL rich text (``<i>``,
    ``<sc>`` …) printed as formatting."""
    def clean(value: str) -> str:  # the user's punctuation stays where it is, as in field values
        value = richtext.protect(curly_quotes(_IN_VALUE_QUOTE_PUNCTUATION.sub(r"\1" + KEEP_PUNCTUATION, value)))
        return richtext.restore(value, fmt)

    if prefix:
        # a sentence ends: "… work.” Ibid." (not a one-word prefix such as "Cf.", as citeproc-js reads it)
        if re.search(r"[.?!][”’\"']?\s*$", prefix) and " " in prefix.strip():
            body = _capitalise_first(body, fmt)
        body = clean(prefix) + body
    if suffix:
        body = body + clean(suffix)
    return body


def join_cites(pieces: list[str], *, fmt: str, layout: Layout = NOTE_LAYOUT) -> str:
    """Join a note's cites with the layout delimiter and put the layout's affixes around them.

    As citeproc-js does, a cite whose prefix starts with punctuation (", and David Jones") takes
    the delimiter's place, and a cite whose suffix ends with a comma or semicolon keeps only
    the delimiter's space ("one source, Jones")."""
    delimiter = layout.delimiter
    punctuation, space = delimiter.strip(), delimiter[len(delimiter.rstrip()):]
    joined = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        if piece[:1] in (",", ";", ":", "."):
            joined += piece
        elif punctuation in (",", ";", ":") and joined[-1:] in (",", ";", ":"):
            joined += space + piece
        else:
            joined += delimiter + piece
    head = layout.formatting[0] + layout.prefix
    text = head + joined + layout.suffix + layout.formatting[1]
    if layout.punctuation_in_quote:
        text = punctuation_in_quotes(text, after_question=False)
    text = drop_doubled_punctuation(text).replace(KEEP_PUNCTUATION, "")
    if text.startswith(head):  # the note's first word is inside the layout's prefix: "(Ibid.)"
        return head + _capitalise_first(text[len(head):], fmt)
    return _capitalise_first(text, fmt)


def _capitalise_first(text: str, fmt: str) -> str:
    """A note starts with a capital: "ibid." → "Ibid." (citeproc-py leaves it lower case)."""
    match = re.match(rf"((?:<[^>]+>|[{MARKS}])*)(ibid\.)", text)
    if match:
        return match.group(1) + "I" + text[match.end(1) + 1 :]
    return text


def fix_entry(raw: str, *, fmt: str, quote_punctuation: bool = True) -> str:
    """Mend one bibliography entry (its spaces kept: a style's leading prefix is printed, as
    citeproc-js prints it)."""
    text = curly_quotes(raw)
    if fmt == "marked":
        text = superscripts_as_runs(text)
    if quote_punctuation:
        text = punctuation_in_quotes(text)
    text = richtext.restore(drop_doubled_punctuation(text), fmt).replace(KEEP_PUNCTUATION, "")
    return write_display(text, fmt)
