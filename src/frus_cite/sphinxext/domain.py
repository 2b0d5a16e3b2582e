"""The ``frus`` domain: the one store of the extension's persistent state.

* ``sources`` — key → :class:`SourceRecord`, declared by ``frus:source`` in a document;
* ``notes`` — docname → the document's citation footnotes in order, with the
  number docutils gave each footnote (so gaps show where the author's own
  footnotes stand between two citations);
* ``bibliographies`` — docname → the ``frus:bibliography`` directives in it;
* ``checked`` — key → what a source declared in conf.py was when it last parsed
  without a warning (path, file stamp, volume, URL, catalog), so that a rebuild
  does not parse it again; a source that warned is checked (and warns) every build;
* ``catalog_inputs`` — the volume catalog and persons list the notes were made
  with: when they change, every page with notes is written again.

Sources declared in ``conf.py`` are configuration, not document state: they
live in :func:`config_sources`.  ``clear_doc`` drops a document's entries and
``merge_domaindata`` copies only the merged documents' entries, so parallel
reads (``-j N``) give the same state as a serial build.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

__all__ = ["FrusDomain", "SourceRecord", "CiteRecord", "NoteRecord", "BibliographyRecord", "get_domain"]


class SourceRecord(NamedTuple):
    """A declared source."""

    key: str
    path: str
    """Absolute path of the source file."""
    volume: str | None
    url: str | None
    docname: str | None
    """Declaring document; ``None`` for sources declared in conf.py."""
    lineno: int | None
    short_title: str | None = None
    """The author's short title for later notes (CMOS: up to four key words of the title)."""


class CiteRecord(NamedTuple):
    key: str
    locator: str | None
    label: str
    prefix: str | None
    suffix: str | None


class NoteRecord(NamedTuple):
    """One citation footnote."""

    note_id: str
    """The ``frus_note`` node's id, unique in the project."""
    note_index: int
    """The footnote's number in its document."""
    cites: tuple[CiteRecord, ...]
    lineno: int | None
    passage: str | None = None
    """A quotation still to be checked (its source is declared in another document)."""


class BibliographyRecord(NamedTuple):
    node_id: str
    cited: str
    """"project", "document" or "all"."""
    style: str | None
    each_document: bool


class FrusDomain(Domain):
    name = "frus"
    label = "FRUS and archival sources"
    initial_data: dict[str, Any] = {"sources": {}, "notes": {}, "bibliographies": {}, "checked": {}, "catalog_inputs": None}
    data_version = 3

    @property
    def sources(self) -> dict[str, SourceRecord]:
        return self.data["sources"]

    @property
    def notes(self) -> dict[str, list[NoteRecord]]:
        return self.data["notes"]

    @property
    def bibliographies(self) -> dict[str, list[BibliographyRecord]]:
        return self.data["bibliographies"]

    @property
    def checked(self) -> dict[str, tuple]:
        return self.data["checked"]

    def clear_doc(self, docname: str) -> None:
        for key, record in list(self.sources.items()):
            if record.docname == docname:
                del self.sources[key]
        self.notes.pop(docname, None)
        self.bibliographies.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        wanted = set(docnames)
        for key, record in otherdata["sources"].items():
            if record.docname in wanted:
                self.sources.setdefault(key, record)
        for docname in wanted:
            if docname in otherdata["notes"]:
                self.notes[docname] = otherdata["notes"][docname]
            if docname in otherdata["bibliographies"]:
                self.bibliographies[docname] = otherdata["bibliographies"][docname]

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        """``bib`` references: a note's link to its bibliography entry."""
        if typ != "bib":
            return None
        from docutils import nodes

        from .transforms import bibliography_target

        found = bibliography_target(env, target)
        if found is None:
            return contnode
        docname, anchor = found
        uri = "" if docname == fromdocname else builder.get_relative_uri(fromdocname, docname)
        # singlehtml answers "#document-x" for every page: the anchor alone is the link there.
        refuri = f"#{anchor}" if not uri or uri.startswith("#") else f"{uri}#{anchor}"
        reference = nodes.reference("", "", internal=True, refuri=refuri, reftitle="Bibliography entry")
        reference += contnode
        return reference

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    # -- lookups -----------------------------------------------------------
    def source(self, key: str) -> SourceRecord | None:
        """A source by key: declared in a document, or in conf.py."""
        return self.sources.get(key) or config_sources(self.env).get(key)

    def cited_keys(self, docnames: Iterable[str]) -> list[str]:
        """Keys cited in *docnames*, in order of first citation."""
        keys: dict[str, None] = {}
        for docname in docnames:
            for note in self.notes.get(docname, []):
                for cite in note.cites:
                    keys.setdefault(cite.key, None)
        return list(keys)


def get_domain(env: BuildEnvironment) -> FrusDomain:
    return env.get_domain("frus")  # type: ignore[return-value]


def config_sources(env: BuildEnvironment) -> dict[str, SourceRecord]:
    """Sources declared in ``conf.py`` (computed once per build from the configuration)."""
    cached = getattr(env, "_frus_config_sources", None)
    if cached is None:
        from .sources import sources_from_config

        cached = sources_from_config(env)
        env._frus_config_sources = cached  # type: ignore[attr-defined]
    return cached
