"""The ``frus`` domain: the one store of the extension's state.

Persistent (pickled with the environment), in ``domain.data``:

* ``sources`` — key → :class:`SourceRecord`, declared by ``frus:source`` in a document;
* ``notes`` — docname → the document's citation footnotes in order, with the
  number docutils gave each footnote (so gaps show where the author's own
  footnotes stand between two citations);
* ``bibliographies`` — docname → the ``frus:bibliography`` directives in it;
* ``bib_targets`` — cited key → (docname, anchor) of the bibliography entry
  listing it, computed in ``env-updated`` so that ``resolve_xref`` only reads;
* ``failed`` — key → document, for declarations that were reported and refused (the
  citations of that key are not reported again);
* ``unresolved`` — documents citing a key nothing declares: read again on every
  build, so that they warn every build and heal when the key is declared;
* ``checked`` — key → what a source declared in conf.py was when it last parsed
  without a warning (path, file stamp, volume, URL, catalog), so that a rebuild
  does not parse it again; a source that warned is checked (and warns) every build;
* ``catalog_inputs`` — the volume catalog and persons list the notes were made
  with: when they change, every page with notes is written again.

``clear_doc`` drops a document's entries and ``merge_domaindata`` copies only
the merged documents' entries, so parallel reads (``-j N``) give the same state
as a serial build.  The domain is pure storage: it computes nothing.

Per build (never pickled): :class:`BuildScratch`, reached through
:func:`scratch`; per document being read: :class:`DocumentScratch`, reached
through :func:`document_scratch`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from docutils import nodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..catalog import Catalog
from ..model import Reference
from .records import BibliographyRecord, CiteRecord, NoteRecord, SourceRecord

__all__ = [
    "FrusDomain", "SourceRecord", "CiteRecord", "NoteRecord", "BibliographyRecord",
    "BuildScratch", "DocumentScratch", "get_domain", "scratch", "document_scratch", "take_document_scratch",
]


@dataclass
class BuildScratch:
    """What one build derives from its configuration and sources; made afresh at
    ``builder-inited``, so nothing in it outlives the build."""

    confdir: Path
    config_sources: dict[str, SourceRecord] = field(default_factory=dict)
    """Sources declared in conf.py (``frus_cite_sources``)."""
    failed: set[str] = field(default_factory=set)
    """Keys of conf.py declarations that were refused (and reported)."""
    resolvers: list[Callable[[str], SourceRecord | None]] = field(default_factory=list)
    """Further source providers, asked in order for a key no declaration gives."""
    catalog: Catalog | None = None
    references: dict[tuple, Reference] = field(default_factory=dict)
    """Parsed sources by (path, file stamp, volume, URL, TEI document)."""
    tei_volumes: dict[str, tuple[tuple[int, int] | None, Any]] = field(default_factory=dict)
    """TEI volume files parsed in this build, by path: (file stamp, :class:`~frus_cite.parsing.tei.TeiVolume`)."""
    tei_problems: dict[str, str] = field(default_factory=dict)
    """Why a ``volume/dN`` key whose volume file is configured names no document."""
    bib_items: dict[str, dict[str, Any]] | None = None
    """CSL items of ``frus_cite_bibfiles`` by key (read on first use)."""
    bib_file_of: dict[str, str] = field(default_factory=dict)
    reading: set[str] = field(default_factory=set)
    """Documents read in this build."""
    declared_before: dict[str, tuple] = field(default_factory=dict)
    """What each ``frus:source`` declared when the build began (before Sphinx cleared any document)."""
    rendered: dict[str, Any] = field(default_factory=dict)
    """Notes rendered for writing, by note scope; emptied when the state changes."""


@dataclass
class DocumentScratch:
    """What the roles and directives of the document being read hand to the reading transforms."""

    notes: dict[str, tuple[tuple[CiteRecord, ...], str | None, int | None]] = field(default_factory=dict)
    """note id → (cites, quotation still to check, line)."""
    footnotes: list[nodes.footnote] = field(default_factory=list)
    """The citation footnotes made by ``MarkNotes``, for ``PlaceNotes`` to place."""
    inline: dict[str, nodes.footnote] = field(default_factory=dict)
    """note id → the author's footnote a citation is set in."""


class FrusDomain(Domain):
    name = "frus"
    label = "FRUS and archival sources"
    initial_data: dict[str, Any] = {"sources": {}, "notes": {}, "bibliographies": {}, "bib_targets": {}, "unresolved": set(), "failed": {},
                                  "checked": {}, "catalog_inputs": None}
    data_version = 4

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
    def bib_targets(self) -> dict[str, tuple[str, str]]:
        return self.data["bib_targets"]

    @property
    def failed(self) -> dict[str, str]:
        return self.data["failed"]

    @property
    def unresolved(self) -> set[str]:
        return self.data["unresolved"]

    @property
    def checked(self) -> dict[str, tuple]:
        return self.data["checked"]

    @property
    def scratch(self) -> BuildScratch:
        if not hasattr(self, "_scratch"):  # a domain made outside a build (tests, tools)
            self._scratch = BuildScratch(Path(self.env.srcdir))
        return self._scratch

    def start_build(self, confdir: Path) -> BuildScratch:
        self._scratch = BuildScratch(confdir)
        return self._scratch

    def clear_doc(self, docname: str) -> None:
        self.drop_declarations(docname)
        self.notes.pop(docname, None)
        self.bibliographies.pop(docname, None)
        self.unresolved.discard(docname)

    def drop_declarations(self, docname: str) -> None:
        for key, record in list(self.sources.items()):
            if record.docname == docname:
                del self.sources[key]
        for key, declared_in in list(self.failed.items()):
            if declared_in == docname:
                del self.failed[key]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        wanted = set(docnames)
        for key, record in otherdata["sources"].items():
            if record.docname in wanted:
                self.sources.setdefault(key, record)
        for key, docname in otherdata["failed"].items():
            if docname in wanted:
                self.failed.setdefault(key, docname)
        for docname in wanted:
            if docname in otherdata["notes"]:
                self.notes[docname] = otherdata["notes"][docname]
            if docname in otherdata["bibliographies"]:
                self.bibliographies[docname] = otherdata["bibliographies"][docname]

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        """``bib`` references: a note's link to its bibliography entry."""
        if typ != "bib":
            return None
        found = self.bib_targets.get(target)
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
        """A source by key: declared in a document, in conf.py, or by another provider."""
        record = self.sources.get(key) or self.scratch.config_sources.get(key)
        if record is None:
            for resolve in self.scratch.resolvers:
                record = resolve(key)
                if record is not None:
                    break
        return record

    def was_refused(self, key: str) -> bool:
        """A declaration of *key* was reported and refused (its citations need no report)."""
        return key in self.failed or key in self.scratch.failed

    def source_keys(self) -> list[str]:
        """Every declared key (documents first, then conf.py)."""
        return list(dict.fromkeys([*self.sources, *self.scratch.config_sources]))

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


def scratch(env: BuildEnvironment) -> BuildScratch:
    """This build's scratch (the one accessor for it)."""
    return get_domain(env).scratch


_DOCUMENT_SCRATCH = "frus"


def document_scratch(env: BuildEnvironment) -> DocumentScratch:
    """Scratch of the document being read (``env.temp_data`` is emptied after each document)."""
    found = env.temp_data.get(_DOCUMENT_SCRATCH)
    if found is None:
        found = env.temp_data[_DOCUMENT_SCRATCH] = DocumentScratch()
    return found


def take_document_scratch(env: BuildEnvironment) -> DocumentScratch:
    """The document's scratch, removed from the environment (the last reading transform's)."""
    return env.temp_data.pop(_DOCUMENT_SCRATCH, None) or DocumentScratch()
