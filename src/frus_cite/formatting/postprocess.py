"""Fixes applied to citeproc-py's output so that it matches citeproc-js.

Each function names the defect it mends (see ``shared/guide/citation-rules.md``).  The
engine renders one cite at a time, so these work on one cite's text, then on the joined
note.  They work on plain text (``fmt="text"``) and on marked text (``fmt="marked"``: the
text with the marks of :mod:`.tree` around formatted runs), so plain text, HTML and the
tree come out of the same repairs; a rule that looks across formatting skips marks.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from . import richtext
from .engine.display import write_display
from .tree import MARKS

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
_URL = re.compile(rf"(?:https?|ftp)://[^\s<>\"{MARKS}]+|www\.[^\s<>\"{MARKS}]+")


def curly_quotes(text: str) -> str:
    """Straight quotes in field values → curly, alternating “ ” and ‘ ’ by depth.

    citeproc-js reads ``"Betrayal"`` inside a quoted title as a nested quotation
    and prints ‘Betrayal’; citeproc-py leaves the straight quotes.  URLs are left
    as they are: an apostrophe in ``?title=Harriman's`` is part of the address.
    """
    in_url = bytearray(len(text))  # URLs and tag-like text (<a href="…">) keep their quotes, as in citeproc-js
    for url in (*_URL.finditer(text), *_HTML_TAG.finditer(text)):
        in_url[url.start() : url.end()] = b"\x01" * (url.end() - url.start())
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # open quotes: (kind "double"/"single", the character that opened it)
    for index, char in enumerate(text):
        if in_url[index]:
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in "“‘":
            stack.append(("double" if char == "“" else "single", char))
            out.append(char)
        elif char in "”’" and stack and not (char == "’" and before.isalpha() and after.isalpha()):
            kind, _ = stack.pop()
            out.append("”" if kind == "double" else "’")
        elif char == '"':
            opening = before in " ([{\u00a0—–-/" or not stack
            if opening and not (stack and after in " .,;:!?)"):
                kind = "single" if stack and stack[-1][0] == "double" else "double"
                stack.append((kind, char))
                out.append("“" if kind == "double" else "‘")
            elif stack:
                kind, _ = stack.pop()
                out.append("”" if kind == "double" else "’")
            else:
                out.append("”")
        elif char == "'" and not (before.isalnum() and after.isalnum()):
            if before in " ([{\u00a0—–-/" and after not in " ":
                # a quotation inside single quotes takes double ones, as citeproc-js flips them
                kind = "double" if stack and stack[-1][0] == "single" else "single"
                stack.append((kind, char))
                out.append("“" if kind == "double" else "‘")
            elif stack and stack[-1][1] == "'":
                kind, _ = stack.pop()
                out.append("”" if kind == "double" else "’")
            else:
                out.append("’")
        elif char == "'":
            out.append("’")  # apostrophe
        else:
            out.append(char)
    return "".join(out)


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
_PUNCTUATION_AFTER_QUOTES = re.compile(rf"(?<![”’])([”’]+{_FORMATTING}*)([.,])")
_PUNCTUATION_AFTER_QUOTES_NOT_QUESTION = re.compile(rf"(?<![?!”’])([”’]+{_FORMATTING}*)([.,])")


def drop_doubled_punctuation(text: str) -> str:
    """No doubled terminal punctuation: ``?”.`` → ``?”``, ``..`` → ``.``, ``.,`` → ``.``;
    an ellipsis (``...``) is not a doubled period and stays whole."""
    text = re.sub(rf"(?<!\.)([?!.])((?:{_FORMATTING}|[”’])*)\.(?!\.)", r"\1\2", text)
    text = re.sub(rf"([?!])((?:{_FORMATTING}|[”’])*),", r"\1\2,", text)
    return text


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
_IN_VALUE_QUOTE_PUNCTUATION = re.compile(r"([\"”’])(?=[.,])")


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
            return _IN_VALUE_QUOTE_PUNCTUATION.sub(r"\1" + KEEP_PUNCTUATION, richtext.protect(value))
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return {key: (value if key in ("id", "type") else clean(value)) for key, value in item.items()}


def fix_note(raw: str, *, fmt: str, item: Mapping[str, Any] | None = None, layout: Layout = NOTE_LAYOUT) -> str:
    """Mend one rendered cite (the layout's affixes are taken off; :func:`join_cites` adds them)."""
    text = _strip_affixes(raw.strip(), layout)
    text = curly_quotes(text)
    if layout.punctuation_in_quote:
        text = punctuation_in_quotes(text)
    return write_display(richtext.restore(text, fmt), "text")


def affix(body: str, prefix: str | None, suffix: str | None, *, fmt: str) -> str:
    """Add a cite's prefix and suffix as citeproc-js does: text, with CSL rich text (``<i>``,
    ``<sc>`` …) printed as formatting."""
    def clean(value: str) -> str:  # the user's punctuation stays where it is, as in field values
        value = richtext.protect(curly_quotes(_IN_VALUE_QUOTE_PUNCTUATION.sub(r"\1" + KEEP_PUNCTUATION, value)))
        return richtext.restore(value, fmt)

    if prefix:
        if re.search(r"[.?!][”’\"']?\s*$", prefix):  # a sentence ends: "… work.” Ibid."
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
    text = layout.formatting[0] + layout.prefix + joined + layout.suffix + layout.formatting[1]
    if layout.punctuation_in_quote:
        text = punctuation_in_quotes(text, after_question=False)
    text = drop_doubled_punctuation(text).replace(KEEP_PUNCTUATION, "")
    return _capitalise_first(text, fmt)


def _capitalise_first(text: str, fmt: str) -> str:
    """A note starts with a capital: "ibid." → "Ibid." (citeproc-py leaves it lower case)."""
    match = re.match(rf"((?:<[^>]+>|[{MARKS}])*)(ibid\.)", text)
    if match:
        return match.group(1) + "I" + text[match.end(1) + 1 :]
    return text


def fix_entry(raw: str, *, fmt: str, quote_punctuation: bool = True) -> str:
    """Mend one bibliography entry."""
    text = curly_quotes(raw.strip())
    if quote_punctuation:
        text = punctuation_in_quotes(text)
    text = richtext.restore(drop_doubled_punctuation(text), fmt).replace(KEEP_PUNCTUATION, "")
    return write_display(text, fmt)
