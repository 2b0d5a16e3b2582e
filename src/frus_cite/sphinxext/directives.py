"""Directives: ``frus:source``, ``frus:quote`` and ``frus:bibliography``."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..catalog import parse_frus_url
from ..formatting.styles import StyleError, find_style, require_bibliography
from .citing import make_note, parse_locator, prepare_quote, read_cites
from .config import get_config
from .domain import get_domain
from .logging import warn
from .nodes import frus_bibliography
from .records import BibliographyRecord, CiteRecord, SourceRecord
from .sources import OUTSIDE, checked_date, inside_project, is_csl_file, load_checked

__all__ = ["SourceDirective", "QuoteDirective", "BibliographyDirective"]


class _Unknown(str):
    """The value of an option the directive does not know."""


class _OptionSpec(dict):
    """Accepts any option name so that an unknown one becomes a ``frus.bad_option``
    warning (with the rest of the directive kept) instead of a docutils error."""

    def __missing__(self, name):
        return _Unknown

    def __contains__(self, name) -> bool:  # docutils asks before converting
        return True


class _FrusDirective(SphinxDirective):
    known: tuple[str, ...] = ()

    def unknown_options(self) -> None:
        for name, value in list(self.options.items()):
            if isinstance(value, _Unknown) or name not in self.known:
                warn("bad_option", f"{self.name}: unknown option ':{name}:'; expected one of {', '.join(':' + k + ':' for k in self.known) or 'none'}", self.get_location())
                del self.options[name]


class SourceDirective(_FrusDirective):
    """Declare a source file::

        .. frus:source:: sources/harriman-1945-07-11.txt
           :key: harriman-0711
           :volume: frus1945v07

    ``:short-title:`` gives the title later notes use (a Wilson Center record's
    title is otherwise repeated whole); ``:title:``, ``:date:`` (ISO or ``n.d.``)
    and ``:place:`` replace what was read from the source; ``:document: d58`` names a
    document of a TEI volume file.
    """

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = _OptionSpec({"key": directives.unchanged_required, "volume": directives.unchanged_required, "url": directives.uri,
                               "short-title": directives.unchanged_required, "title": directives.unchanged_required,
                               "date": directives.unchanged_required, "place": directives.unchanged_required,
                               "document": directives.unchanged_required})
    known = ("key", "volume", "url", "short-title", "title", "date", "place", "document")

    def run(self):
        self.unknown_options()
        key = self.options.get("key") or Path(self.arguments[0]).stem  # as written: Sphinx may resolve links
        if "\x00" in self.arguments[0]:  # no file name holds one; resolving the path would raise
            return self._refuse(key, "source_not_found", f"source {self.arguments[0]!r} is not a file name (it holds a NUL character)")
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        if not inside_project(self.env, path):
            return self._refuse(key, "source_not_found", f"source {self.arguments[0]} {OUTSIDE}")
        # Noted even when missing: Sphinx reads a document with a missing dependency again
        # on every build, so the warning repeats until the file is back.
        self.env.note_dependency(absolute)
        if not path.is_file():
            what = "is a directory, not a file" if path.is_dir() else "not found"
            return self._refuse(key, "source_not_found", f"source file {relative} {what}")
        volume = self.options.get("volume") or self.config.frus_cite_default_volume
        url = self.options.get("url")
        if url is not None and parse_frus_url(url) is None:
            warn("bad_option", f"{self.name}: :url: {url!r}: expected a history.state.gov document URL such as "
                 "https://history.state.gov/historicaldocuments/frus1945v07/d578", self.get_location())
            url = None
        document = self.options.get("document", "").strip() or None
        if load_checked(self.env, str(path), volume, url, what=f"source {relative}", location=self.get_location(), document=document) is None:
            get_domain(self.env).failed[key] = self.env.docname
            return []
        domain = get_domain(self.env)
        existing = domain.source(key)
        if existing is not None:
            where = f"{existing.docname}:{existing.lineno}" if existing.docname else "conf.py"
            warn("duplicate_key", f"source key {key!r} is already declared ({where}); this one is ignored", self.get_location())
            return []
        text = {name: " ".join(self.options.get(name, "").split()) or None for name in ("short-title", "title", "date", "place")}
        text["date"] = checked_date(text["date"], f"{self.name}: :date:", self.get_location())
        domain.sources[key] = SourceRecord(key, str(path), volume, url, self.env.docname, self.lineno, text["short-title"],
                                           text["title"], text["date"], text["place"], document)
        return []

    def _refuse(self, key: str, subtype: str, message: str) -> list:
        """Report a declaration that cannot be used; its citations are not reported again."""
        warn(subtype, message, self.get_location())
        get_domain(self.env).failed[key] = self.env.docname
        return []


def _locator_option(text: str | None) -> str:
    """":pages: 927": a locator is required (an empty option is reported, not a crash)."""
    if text is None or not text.strip():
        raise ValueError("expected a page or a locator such as '927' or 'doc. 58', got nothing")
    return text.strip()


class QuoteDirective(_FrusDirective):
    """A block quotation from a source, checked and footnoted::

        .. frus:quote:: harriman-0711

           The term of the agreements was reduced from 40 to 30 years.

    ``:cite: other, p. 3; …`` cites more sources in the same note, after the quotation's.
    """

    required_arguments = 1
    has_content = True
    option_spec = _OptionSpec({
        "pages": _locator_option,
        "no-check": directives.flag,
        "prefix": directives.unchanged,
        "suffix": directives.unchanged,
        "class": directives.class_option,
        "cite": directives.unchanged_required,
    })
    known = ("pages", "no-check", "prefix", "suffix", "class", "cite")

    def run(self):
        self.unknown_options()
        location = self.get_location()
        key = self.arguments[0].strip()
        passage = "\n".join(self.content).strip()
        if not passage:
            warn("empty_quote", f"quote in {key}: the quotation is empty", location)
            return []
        locator, label = None, "page"
        if "pages" in self.options:
            try:
                locator, label = parse_locator(self.options["pages"])
            except ValueError as error:
                warn("bad_locator", str(error), location)
        prepared = prepare_quote(self.env, key, passage, locator, check="no-check" not in self.options, location=location)
        prefix = self.options.get("prefix")
        suffix = self.options.get("suffix")
        cites = [CiteRecord(key, prepared.locator, label, prefix + " " if prefix else None, " " + suffix if suffix else None)]
        cites += read_cites(self.options.get("cite", ""), f":cite: {self.options.get('cite', '')}", location)
        quote = nodes.block_quote("", classes=["frus-quote"] + self.options.get("class", []))
        self.set_source_info(quote)
        # The source's footnote marks pasted with the quotation are not printed.
        quote += self.parse_content_to_nodes() if prepared.printed == passage else self.parse_text_to_nodes(prepared.printed)
        reference = make_note(self.env, cites, self.lineno, passage=prepared.pending)
        quote["frus_note_id"], quote["docname"] = reference["note_id"], self.env.docname
        last = quote.children[-1] if quote.children else None
        if isinstance(last, nodes.paragraph):
            last += reference
        else:
            quote += nodes.paragraph("", "", reference)
        return [quote]


class BibliographyDirective(_FrusDirective):
    """The bibliography of cited sources::

        .. frus:bibliography::
           :cited: project        (or: document)
           :all:                  (every declared source, cited or not)
           :each-document:        (list documents, not volumes and collections)
           :style: frus-chicago-notes
    """

    option_spec = _OptionSpec({
        "cited": directives.unchanged_required,
        "all": directives.flag,
        "each-document": directives.flag,
        "style": directives.unchanged_required,
    })
    known = ("cited", "all", "each-document", "style")

    def run(self):
        self.unknown_options()
        if self.options.get("cited", "project") not in ("project", "document"):
            warn("bad_option", f"{self.name}: :cited: must be 'project' or 'document', not {self.options['cited']!r}", self.get_location())
            self.options["cited"] = "project"
        serial = self.env.new_serialno("frus-bibliography")
        node_id = f"frus-bibliography-{nodes.make_id(self.env.docname)}-{serial}"
        style = self._style(self.options.get("style"))
        if not self._style_has_bibliography(style):
            return []
        cited = "all" if "all" in self.options else self.options.get("cited", "project")
        record = BibliographyRecord(node_id, cited, style, "each-document" in self.options)
        get_domain(self.env).bibliographies.setdefault(self.env.docname, []).append(record)
        node = frus_bibliography("", node_id=node_id, docname=self.env.docname, ids=[node_id])
        self.set_source_info(node)
        return [node]

    def _style(self, style: str | None) -> str | None:
        """A style name, or the absolute path of a CSL file in the project (a path is relative to
        the document); anything else is a ``frus.bad_style`` warning and the default style."""
        if not style:
            return None
        if "\x00" in style:
            warn("bad_style", f"{self.name}: :style: {style!r} is not a style name or file name", self.get_location())
            return None
        if style.endswith(".csl") or "/" in style or "\\" in style:
            relative, absolute = self.env.relfn2path(style, self.env.docname)
            if not inside_project(self.env, Path(absolute)):
                warn("bad_style", f"{self.name}: :style: {style} {OUTSIDE}", self.get_location())
                return None
            if not is_csl_file(Path(absolute)):
                warn("bad_style", f"{self.name}: :style: {relative} is not a CSL style (a .csl file whose root element is "
                     "<style> in the CSL namespace)", self.get_location())
                return None
            style = absolute
        try:
            find_style(style)
        except StyleError as error:
            warn("bad_style", str(error), self.get_location())
            return None
        return style

    def _style_has_bibliography(self, style: str | None) -> bool:
        """A notes-only style (no ``<bibliography>``) prints no bibliography: say so here."""
        try:
            require_bibliography(style or get_config(self.env.config).style)
        except StyleError as error:
            warn("bad_style", f"{self.name}: {error}", self.get_location())
            return False
        return True
