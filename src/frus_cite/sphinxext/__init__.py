"""Sphinx extension: quote FRUS and Wilson Center sources with checked, footnoted citations.

``extensions = ["frus_cite.sphinxext"]`` in ``conf.py`` gives the ``frus``
domain: ``frus:source``, ``frus:quote`` and ``frus:bibliography`` directives,
``:frus:q:`` and ``:frus:cite:`` roles.
"""

from __future__ import annotations

import uuid

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from .. import __version__
from .config import check_config, register_config
from .directives import BibliographyDirective, QuoteDirective, SourceDirective
from .domain import FrusDomain, NoteRecord, get_domain
from .logging import warn
from .nodes import frus_bibliography, frus_note, visit_skip
from .roles import CiteRole, QuoteRole
from .sources import catalog_for, catalog_inputs, reset_caches
from .transforms import FillNotes, LinkNotes, PlaceNotes

__all__ = ["setup"]

FrusDomain.directives = {"source": SourceDirective, "quote": QuoteDirective, "bibliography": BibliographyDirective}
FrusDomain.roles = {"q": QuoteRole(), "cite": CiteRole()}


def _builder_inited(app: Sphinx) -> None:
    app.env._frus_build_token = uuid.uuid4().hex  # type: ignore[attr-defined]
    app.env._frus_confdir = str(app.confdir)  # type: ignore[attr-defined]
    reset_caches(app.env)
    catalog_for(app.env)  # before parallel readers fork: a bad persons list warns once
    _check_config_sources(app.env)


def _check_config_sources(env: BuildEnvironment) -> None:
    """Parse the sources declared in conf.py, so that a bad one is reported.

    A source that parsed cleanly is not parsed again until it (or the volume
    catalog) changes: a rebuild of a big book should not re-read every source.
    """
    from .domain import config_sources
    from .sources import catalog_stamp, file_stamp, lacks_volume, load_checked

    checked = get_domain(env).checked
    catalog = catalog_stamp(env)
    declared = config_sources(env)
    for key in set(checked) - set(declared):
        del checked[key]
    for key, record in declared.items():
        stamp = (record.path, file_stamp(record.path), record.volume, record.url, catalog)
        if checked.get(key) == stamp:
            continue
        checked.pop(key, None)
        ref = load_checked(env, record.path, record.volume, record.url, what=f"conf.py: frus_cite_sources[{key!r}]", location=None)
        if ref is not None and not lacks_volume(ref):
            checked[key] = stamp


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env._frus_reading = set(docnames)  # type: ignore[attr-defined]
    env._frus_declared_before = _declarations(env)  # type: ignore[attr-defined]


def _declarations(env: BuildEnvironment) -> dict[str, tuple]:
    """What each ``frus:source`` declares (its line number aside: moving it changes no note)."""
    return {key: record._replace(lineno=None) for key, record in get_domain(env).sources.items()}


def _env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After all documents are read (and merged): check what could not be checked
    while reading, and name the documents whose output depends on other documents."""
    from .citing import check_passage, known_key

    domain = get_domain(env)
    reading = getattr(env, "_frus_reading", set())
    for docname in sorted(reading):
        notes = domain.notes.get(docname, [])
        for index, note in enumerate(notes):
            cites = list(note.cites)
            for position, cite in enumerate(cites):
                if known_key(env, cite.key) is None:
                    warn("unknown_key", f"unknown source key {cite.key!r}: declare it with frus:source or frus_cite_sources", (docname, note.lineno))
                elif note.passage is not None and position == 0:
                    page, _ = check_passage(env, cite.key, note.passage, (docname, note.lineno))
                    if page and not cite.locator:
                        cites[position] = cite._replace(locator=page)
            if note.passage is not None:
                notes[index] = NoteRecord(note.note_id, note.note_index, tuple(cites), note.lineno, None)
    env._frus_build_token = uuid.uuid4().hex  # type: ignore[attr-defined]  (state changed: fresh caches)
    # A changed frus_cite_volumes file or persons list changes notes in documents
    # that were not edited.
    with_notes = {docname for docname, notes in domain.notes.items() if notes}
    with_bibliographies = {docname for docname, records in domain.bibliographies.items() if records}
    inputs = catalog_inputs(env)
    catalog_changed = domain.data.get("catalog_inputs") not in (None, inputs)
    domain.data["catalog_inputs"] = inputs
    if catalog_changed:
        return sorted(with_notes | with_bibliographies)
    if not reading:
        return []
    # Bibliographies list what every document cites; with one note scope for the
    # whole project, any document's notes depend on the documents before it.
    depends = set(with_bibliographies)
    if app.config.frus_cite_note_scope == "project":
        depends |= with_notes
    # A declaration changed in one document (volume, URL, short title) changes the
    # notes of every document citing that source.
    before, after = getattr(env, "_frus_declared_before", {}), _declarations(env)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    if changed:
        depends |= {docname for docname, notes in domain.notes.items()
                    if any(cite.key in changed for note in notes for cite in note.cites)}
    return sorted(depends - reading)


def setup(app: Sphinx) -> ExtensionMetadata:
    register_config(app)
    app.add_domain(FrusDomain)
    app.add_node(frus_note, **{fmt: (visit_skip, None) for fmt in ("html", "latex", "text", "man", "texinfo", "epub")})
    app.add_node(frus_bibliography, **{fmt: (visit_skip, None) for fmt in ("html", "latex", "text", "man", "texinfo", "epub")})
    app.add_transform(PlaceNotes)
    app.add_post_transform(FillNotes)
    app.add_post_transform(LinkNotes)
    app.connect("config-inited", check_config)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-updated", _env_updated)
    app.add_css_file("frus-cite.css")
    app.connect("builder-inited", _add_static)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}


def _add_static(app: Sphinx) -> None:
    """The stylesheet for HTML; for LaTeX, a package giving small caps and the like a meaning."""
    import shutil
    from pathlib import Path

    static = Path(__file__).parent / "static"
    if static.is_dir() and hasattr(app.config, "html_static_path"):
        app.config.html_static_path.append(str(static))
    if app.builder.format == "latex":
        app.add_latex_package("frus-cite")
        shutil.copyfile(Path(__file__).parent / "latex" / "frus-cite.sty", Path(app.outdir) / "frus-cite.sty")

