"""BibTeX/biblatex exchange through pybtex.

Export: FRUS documents as biblatex ``@incollection`` entries (``booktitle``
the volume's own title, ``maintitle`` the series with its subseries,
``volume``/``editor``/``publisher``/``location``/``date`` the volume,
``origdate`` the document's date, ``number`` the FRUS document number,
``pages``, ``type`` the document kind, ``addendum`` the file designation);
Wilson Center records as ``@unpublished`` (``howpublished`` the digital
archive, ``location`` the archive's place, and ``archive``,
``archivecollection``, ``archivelocation``, ``archiveplace``).

Import: a user's ``.bib`` file read by pybtex and mapped to CSL-JSON so books
and articles go through the same note engine.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.database.output.bibtex import Writer as BibTeXWriter

from ..catalog import Catalog
from ..errors import FrusCiteError
from ..model import Reference
from .csl_json import to_csl_json

if TYPE_CHECKING:
    from .csl_input import LoadedItems

__all__ = ["to_bibtex", "to_entries", "read_bib", "load_bib", "entry_to_csl", "url_for_bibtex", "latex_escape", "latex_to_rich", "latex_to_text", "BibError"]


MAX_BIB_BYTES = 50 * 1024 * 1024
"""A .bib file larger than this is refused (a whole Zotero library exports to a few MB)."""


class BibError(FrusCiteError):
    """A .bib file that pybtex cannot read."""


def _date(parts: dict[str, Any] | None) -> str | None:
    if not parts:
        return None
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts["date-parts"][0]))


# Braces are written as commands: BibTeX counts "\\{" as a brace, so one alone would unbalance the entry.
_LATEX_SPECIALS = {"\\": "\\textbackslash{}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
                   "{": "\\textbraceleft{}", "}": "\\textbraceright{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}"}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")


def latex_escape(text: str) -> str:
    """Text as a BibTeX field value that LaTeX prints as written ("&" → "\\&"); Unicode is
    kept (biber and the UTF-8 input of modern LaTeX read it)."""
    escaped = _LATEX_SPECIAL.sub(lambda m: _LATEX_SPECIALS[m.group(0)], text)
    # TeX ligatures ("--" a dash, "''" a closing quote, "!`" an inverted mark, and in T1 fonts
    # ",," a low quote, "<<" and ">>" guillemets) are broken up.
    return re.sub(r"(-(?=-)|'(?=')|`(?=`)|[!?](?=`)|,(?=,)|<(?=<)|>(?=>))", r"\1{}", escaped)


# What may stand in a URL as written (RFC 3986's unreserved and reserved characters, and "%"
# of a percent-escape) less the ones BibTeX or LaTeX would act on: braces, backslash, quote.
_URL_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]")


def url_for_bibtex(url: str) -> str:
    """*url* as a BibTeX field biblatex reads verbatim: every character that could end the
    field or reach TeX (braces, backslash, quote, space, non-ASCII) percent-encoded, which
    names the same resource; a URL made of URL characters only is written as it is."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode("utf-8")), url)


def _names(csl_names: list[dict[str, str]]) -> list[Person]:
    people = []
    for name in csl_names:
        if "literal" in name:
            people.append(Person(f"{{{latex_escape(name['literal'])}}}"))
        else:
            people.append(Person(first=latex_escape(name.get("given", "")), last=latex_escape(name["family"]), lineage=latex_escape(name.get("suffix", ""))))
    return people


# Per kind: entry type, (pseudo-)CSL variable → BibTeX field, and the name roles kept.
# FRUS documents are @incollection (Zotero's BibTeX import: a Book Section of the volume);
# Wilson Center records @unpublished (a Manuscript). The variables in capitals are filled by
# _bib_variables. docs/howto/zotero-bibtex.rst tables what Zotero's importer does with each.
_EXPORT: dict[str, tuple[str, dict[str, str], tuple[str, ...]]] = {
    "frus": ("incollection", {
        "BOOK": "booktitle", "MAIN": "maintitle", "volume": "volume",
        "publisher": "publisher", "publisher-place": "location", "number": "number", "page": "pages",
        "genre": "type", "FILE": "addendum", "URL": "url",
        "issued": "date", "original-date": "origdate",
    }, ("author", "recipient", "editor")),
    "wilson": ("unpublished", {
        "genre": "type", "source": "howpublished", "archive-place": "location",
        "archive": "archive", "archive_collection": "archivecollection",
        "archive_location": "archivelocation", "PLACE": "archiveplace",
        "URL": "url", "language": "language", "abstract": "abstract", "issued": "date",
    }, ("translator",)),
}


def _bib_variables(item: dict[str, Any], kind: str) -> dict[str, Any]:
    """*item* with the FRUS pseudo-variables of :data:`_EXPORT`: ``BOOK`` the volume's own
    title (``collection-title``; the series title when the volume has none), ``MAIN`` the
    series with its subseries (``container-title``, biblatex's multi-volume work), ``FILE``
    the file designation and the file collection; ``PLACE`` a Wilson record's
    ``archive-place``, written twice (``location`` for Zotero, ``archiveplace``)."""
    item = dict(item)
    if kind == "frus":
        own, series = item.get("collection-title"), item.get("container-title")
        item["BOOK"], item["MAIN"] = (own, series) if own else (series, None)
        item["FILE"] = ", ".join(str(item[v]) for v in ("archive_location", "archive_collection") if item.get(v)) or None
    else:
        item["PLACE"] = item.get("archive-place")
    return item


def to_entries(records: Iterable[Reference], *, catalog: Catalog | None = None) -> BibliographyData:
    """pybtex entries for *records*, keyed like the CSL-JSON items."""
    data = BibliographyData()
    for ref in records:
        item = _bib_variables(to_csl_json(ref, catalog=catalog), ref.kind)
        entry_type, mapping, roles = _EXPORT[ref.kind]
        fields: dict[str, str] = {"title": latex_escape(item["title"])}
        for csl, bib in mapping.items():
            if item.get(csl):
                if csl.endswith(("issued", "date")):
                    fields[bib] = _date(item[csl])  # type: ignore[assignment]
                elif bib == "url":
                    fields[bib] = url_for_bibtex(str(item[csl]))
                elif bib == "pages":
                    fields[bib] = str(item[csl]).replace("-", "--")
                else:
                    fields[bib] = latex_escape(str(item[csl]))
        persons = {role: _names(item[role]) for role in roles if item.get(role)}
        data.add_entry(item["id"], Entry(entry_type, fields=fields, persons=persons))
    return data


class _Writer(BibTeXWriter):
    """pybtex's BibTeX writer without its own LaTeX encoding: :func:`latex_escape` has
    escaped every field already (pybtex's would escape "\\&" a second time and leave
    "$", "^" and braces alone)."""

    def _encode(self, text: str) -> str:
        return text


def to_bibtex(records: Iterable[Reference], *, catalog: Catalog | None = None) -> str:
    """BibTeX text for *records* (UTF-8; LaTeX's special characters escaped)."""
    return _Writer().to_string(to_entries(records, catalog=catalog))


_TYPES = {
    "book": "book",
    "article": "article-journal",
    "incollection": "chapter",
    "inbook": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "misc": "document",
    "unpublished": "manuscript",
    "letter": "document",
    "online": "webpage",
    "report": "report",
    "techreport": "report",
}
_FIELDS = {
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "edition": "edition",
    "series": "collection-title",
    "url": "URL",
    "doi": "DOI",
    "note": "note",
    "school": "publisher",
    "institution": "publisher",
}


# LaTeX formatting commands and declarations, as CSL rich-text kinds (None: no formatting).
_FORMAT_COMMANDS = {
    "emph": "i", "textit": "i", "textsl": "i", "mkbibemph": "i", "mkbibitalic": "i",
    "textbf": "b", "mkbibbold": "b", "textsc": "sc", "textsuperscript": "sup", "mkbibsuperscript": "sup",
    "textsubscript": "sub", "textup": None, "textrm": None, "textnormal": None, "mbox": None, "url": None,
}
_DECLARATIONS = {"em": "i", "it": "i", "itshape": "i", "sl": "i", "slshape": "i", "bf": "b", "bfseries": "b",
                 "sc": "sc", "scshape": "sc", "rm": None, "upshape": None, "normalfont": None}
_RICH_TAGS = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"), "sc": ('<span style="font-variant:small-caps;">', "</span>"),
              "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")}
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_GROUP_DECLARATION = re.compile(r"\{\s*\\([A-Za-z]+)\b\s*")
_SPACES = re.compile(r"\s*")
_TEX_SYMBOLS = {"\\": " ", " ": " ", ",": "\u2009", "/": "", "-": ""}


def _wrap(kind: str | None, text: str) -> str:
    if kind is None or not text:
        return text
    start, end = _RICH_TAGS[kind]
    return f"{start}{text}{end}"


def _tex_group(text: str, index: int, in_group: bool) -> tuple[str, int]:
    """Read *text* from *index* to the end of the current group (or of the text)."""
    out: list[str] = []
    while index < len(text):
        char = text[index]
        if char == "}":
            if in_group:
                return "".join(out), index + 1
            index += 1  # a stray closing brace: dropped
        elif char == "{":
            declaration = _GROUP_DECLARATION.match(text, index)
            if declaration and declaration.group(1) in _DECLARATIONS:  # {\em …}
                content, index = _tex_group(text, declaration.end(), True)
                out.append(_wrap(_DECLARATIONS[declaration.group(1)], content))
            else:  # {…}: protected capitals; the braces go
                content, index = _tex_group(text, index + 1, True)
                out.append(content)
        elif char == "\\":
            command = _COMMAND.match(text, index)
            if command is None:  # \$, \%, \{, \\ …: the character itself
                symbol = text[index : index + 2]
                out.append(_TEX_SYMBOLS.get(symbol[1:], symbol[1:]))
                index += 2
                continue
            name = command.group(1)
            after = _SPACES.match(text, command.end()).end()
            # TeX drops the spaces after a control word; kept before plain text here
            # because latexcodec has already turned "\LaTeX\ and" into "\LaTeX  and".
            index = after if name in _DECLARATIONS or text[after : after + 1] == "{" else command.end()
            if name in _DECLARATIONS:  # \em … to the end of the group
                content, index = _tex_group(text, index, in_group)
                out.append(_wrap(_DECLARATIONS[name], content))
                return "".join(out), index
            if index < len(text) and text[index] == "{":
                content, index = _tex_group(text, index + 1, True)
                if name not in _FORMAT_COMMANDS and not content:
                    content = name  # \TeX{} → "TeX"
                out.append(_wrap(_FORMAT_COMMANDS.get(name), content))
            else:
                out.append(name if name not in _FORMAT_COMMANDS else "")  # \LaTeX → "LaTeX"
        else:
            out.append(char)
            index += 1
    return "".join(out), index


_LITERAL_COMMAND = re.compile(
    r"\\(?:textbackslash|textasciicircum|textasciitilde|textbraceleft|textbraceright)(?:\{\}|(?![A-Za-z])\s?)|\\[{}]"
)
_LITERALS = {"textbackslash": "\\", "textasciicircum": "^", "textasciitilde": "~", "textbraceleft": "{", "textbraceright": "}",
             "{": "{", "}": "}"}
_LITERAL_HOLD = {name: chr(0xE010 + n) for n, name in enumerate(_LITERALS)}
_LITERAL_RELEASE = {ord(hold): _LITERALS[name] for name, hold in _LITERAL_HOLD.items()}


def _literal(command: str) -> str:
    command = command.strip()
    return command[1] if command in ("\\{", "\\}") else command[1:].split("{")[0]


def latex_to_rich(value: str) -> str:
    """A BibTeX field as CSL rich text: accents and symbols decoded (latexcodec, which
    pybtex depends on), ``\\emph{…}`` → ``<i>…</i>``, ``\\textbf``, ``\\textsc``,
    ``{\\em …}`` and the like as CSL markup, protecting braces dropped."""
    import codecs

    import latexcodec  # noqa: F401  (registers the "ulatex" codec)

    # Escaped braces and the text-symbol commands are set aside first: latexcodec would
    # turn them into characters that read as TeX syntax again ("\\{" → "{").
    value = _LITERAL_COMMAND.sub(lambda m: _LITERAL_HOLD[_literal(m.group(0))], value)
    try:
        decoded = codecs.decode(value, "ulatex")
    except Exception:  # latexcodec rejects some malformed input: read it as typed
        decoded = value
    # TeX ligatures for dashes, in case latexcodec left any ("-{}-" stays two hyphens).
    decoded = decoded.replace("---", "—").replace("--", "–")
    try:
        text, _ = _tex_group(decoded, 0, False)
    except RecursionError:  # braces nested hundreds deep: keep the words, drop the markup
        text = re.sub(r"\\[A-Za-z]+\s*|[{}]", "", decoded)
    return " ".join(text.split()).translate(_LITERAL_RELEASE)


def latex_to_text(value: str) -> str:
    """A BibTeX field (or name part) as plain text."""
    from .richtext import plain

    return plain(latex_to_rich(value))


def entry_to_csl(key: str, entry: Entry) -> dict[str, Any]:
    """Map one pybtex entry (book, article, chapter …) to a CSL-JSON item."""
    item: dict[str, Any] = {"id": key, "type": _TYPES.get(entry.type.lower(), "document")}
    for field, csl in _FIELDS.items():
        if field in entry.fields:
            raw = entry.fields[field]
            if csl in ("URL", "DOI"):
                item[csl] = raw.replace("{", "").replace("}", "").replace("\\_", "_").strip()
            elif csl in ("title", "container-title", "collection-title", "note", "publisher"):
                item[csl] = latex_to_rich(raw)
            else:
                item[csl] = latex_to_text(raw)
    if entry.type.lower() in {"phdthesis"}:
        item["genre"] = "PhD diss."
    issued = _entry_date(entry)
    if issued:
        item["issued"] = issued
    for role, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        if role in entry.persons:
            names = []
            for p in entry.persons[role]:
                family = latex_to_text(" ".join(p.prelast_names + p.last_names))
                given = latex_to_text(" ".join(p.first_names + p.middle_names))
                name = {"family": family}
                if given:
                    name["given"] = given
                if p.lineage_names:
                    name["suffix"] = " ".join(p.lineage_names)
                names.append(name)
            item[csl] = names
    return item


def _entry_date(entry: Entry) -> dict[str, Any] | None:
    """``date`` (ISO, as biblatex writes it) or ``year``; ASCII digits only ("²" is not a year)."""
    date = entry.fields.get("date") or entry.fields.get("year")
    if not date:
        return None
    parts = [int(p) for p in re.findall(r"(?a:\d+)", str(date).split("/")[0])[:3]]
    if not parts or not 0 < parts[0] <= 9999:
        raise ValueError(f"{'date' if 'date' in entry.fields else 'year'} {str(date)!r} is not a year or an ISO date")
    return {"date-parts": [parts]}


_ENTRY_START = re.compile(r"@[ \t]*\w+[ \t]*[{(][ \t]*([^,\s]+)")


def _located(path: str, text: str, key: str, message: str) -> "BibError":
    """An error about entry *key*, with the line its ``@type{key,`` starts on."""
    found = next((m for m in _ENTRY_START.finditer(text) if m.group(1) == key), None)
    line = f":{text.count(chr(10), 0, found.start()) + 1}" if found else ""
    return BibError(f"{path}{line}: entry {key!r}: {message}")


def load_bib(path: str) -> "LoadedItems":
    """The usable entries of a .bib file as CSL-JSON items, and a located problem for each
    entry left out (a syntax error, a repeated key, a field that cannot be read): one
    bad entry does not cost the others.  A file that cannot be read at all raises
    :class:`BibError`."""
    import pybtex.errors
    from pybtex.exceptions import PybtexError

    from ..parsing.text import read_bytes
    from .csl_input import LoadedItems

    try:
        data = read_bytes(path, max_bytes=MAX_BIB_BYTES, expected="a .bib file of references")
        text = data.decode("utf-8-sig")
    except FrusCiteError as exc:
        raise BibError(str(exc)) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BibError(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the .bib file as UTF-8") from None
    loaded = LoadedItems()
    # pybtex reports recoverable errors (a repeated key, a syntax error it can skip) through
    # pybtex.errors; capture() collects them for this parse instead of raising the first.
    with pybtex.errors.capture() as captured:
        try:
            bibliography = Parser().parse_string(text)
        except PybtexError as exc:
            raise BibError(f"{path}:{getattr(exc, 'lineno', None) or '?'}: {exc}") from None
    for error in captured:
        line = getattr(error, "lineno", None)
        loaded.problems.append(BibError(f"{path}{f':{line}' if line else ''}: {error}"))
    for key, entry in bibliography.entries.items():
        try:
            loaded.items[key] = entry_to_csl(key, entry)
        except (PybtexError, ValueError, TypeError, IndexError, KeyError) as exc:
            loaded.problems.append(_located(path, text, key, f"cannot be read ({exc}); entry skipped"))
    return loaded


def read_bib(path: str) -> dict[str, dict[str, Any]]:
    """Read a .bib file into CSL-JSON items keyed by citation key; raises :class:`BibError`
    naming the first entry that could not be read (use :func:`load_bib` to keep the others)."""
    loaded = load_bib(path)
    if loaded.problems:
        raise loaded.problems[0]
    return loaded.items
