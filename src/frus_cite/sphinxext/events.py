"""What the extension does at Sphinx's build events (connected in :func:`~frus_cite.sphinxext.setup`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file

from .citing import prepare_quote
from .domain import get_domain, scratch
from .logging import warn
from .records import NoteRecord
from .sources import bib_key_file, catalog_inputs, catalog_stamp, file_stamp, lacks_volume, load_checked, start_build
from .transforms import bibliography_targets

__all__ = ["builder_inited", "get_outdated", "before_read", "env_updated", "build_finished"]

_STATIC = Path(__file__).parent / "static"
_LATEX = Path(__file__).parent / "latex"


def builder_inited(app: Sphinx) -> None:
    start_build(app.env, Path(app.confdir))
    _check_config_sources(app.env)
    if app.builder.format == "latex":
        # A package giving small caps and the like a meaning in LaTeX.
        app.add_latex_package("frus-cite")
        shutil.copyfile(_LATEX / "frus-cite.sty", Path(app.outdir) / "frus-cite.sty")


def build_finished(app: Sphinx, exception: Exception | None) -> None:
    """The stylesheet for HTML, copied into ``_static`` (not added to ``html_static_path``:
    a changed setting would make every build look like a configuration change)."""
    if exception is None and app.builder.format == "html":
        copy_asset_file(str(_STATIC / "frus-cite.css"), str(Path(app.outdir) / "_static"))


def _check_config_sources(env: BuildEnvironment) -> None:
    """Parse the sources declared in conf.py, so that a bad one is reported.

    A source that parsed cleanly is not parsed again until it (or the volume
    catalog) changes: a rebuild of a big book should not re-read every source.
    """
    checked = get_domain(env).checked
    catalog = catalog_stamp(env)
    declared = scratch(env).config_sources
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


def get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Documents citing an undeclared key are read again (they warn again, or heal)."""
    return sorted(get_domain(env).unresolved - removed)


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    state = scratch(env)
    state.reading = set(docnames)
    state.declared_before = _declarations(env)
    # The documents about to be read declare their sources again; dropping their old
    # declarations first lets a declaration move to a document read earlier.
    domain = get_domain(env)
    for docname in docnames:
        domain.drop_declarations(docname)


def _declarations(env: BuildEnvironment) -> dict[str, tuple]:
    """What each ``frus:source`` declares (its line number aside: moving it changes no note)."""
    return {key: record._replace(lineno=None, docname=None) for key, record in get_domain(env).sources.items()}


def env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After all documents are read (and merged): finish their notes, store the
    bibliography targets, and name the documents whose output depends on other documents."""
    domain = get_domain(env)
    state = scratch(env)
    for docname in sorted(state.reading):
        _finish_notes(env, docname)
    state.rendered.clear()  # the notes read in this build change what is rendered
    inputs = catalog_inputs(env)
    catalog_changed = domain.data.get("catalog_inputs") not in (None, inputs)
    domain.data["catalog_inputs"] = inputs
    if state.reading or catalog_changed:
        domain.data["bib_targets"] = bibliography_targets(env)
    with_notes = {docname for docname, notes in domain.notes.items() if notes}
    with_bibliographies = {docname for docname, records in domain.bibliographies.items() if records}
    # A changed frus_cite_volumes file or persons list changes notes in documents
    # that were not edited.
    if catalog_changed:
        return sorted(with_notes | with_bibliographies)
    if not state.reading:
        return []
    # Bibliographies list what every document cites; with one note scope for the
    # whole project, any document's notes depend on the documents before it.
    depends = set(with_bibliographies)
    if app.config.frus_cite_note_scope == "project":
        depends |= with_notes
    # A declaration changed in one document (volume, URL, short title) changes the
    # notes of every document citing that source.
    after = _declarations(env)
    changed = {key for key in state.declared_before.keys() | after.keys() if state.declared_before.get(key) != after.get(key)}
    if changed:
        depends |= {docname for docname, notes in domain.notes.items()
                    if any(cite.key in changed for note in notes for cite in note.cites)}
    return sorted(depends - state.reading)


def _finish_notes(env: BuildEnvironment, docname: str) -> None:
    """Report unknown keys, check the quotations whose source was declared in a document
    read later, and make the document depend on every file its notes are made from
    (also sources declared in other documents)."""
    domain = get_domain(env)
    notes = domain.notes.get(docname, [])
    dependencies = env.dependencies.setdefault(docname, set())
    for index, note in enumerate(notes):
        cites = list(note.cites)
        for position, cite in enumerate(cites):
            record = domain.source(cite.key)
            bib_file = bib_key_file(env, cite.key) if record is None else None
            if record is not None:
                dependencies.add(Path(env.srcdir) / record.path)
            elif bib_file is not None:
                dependencies.add(Path(env.srcdir) / bib_file)
            else:
                warn("unknown_key", f"unknown source key {cite.key!r}: declare it with frus:source or frus_cite_sources", (docname, note.lineno))
                domain.unresolved.add(docname)
                continue
            if note.passage is not None and position == 0:
                prepared = prepare_quote(env, cite.key, note.passage, cite.locator, final=True, location=(docname, note.lineno))
                cites[position] = cite._replace(locator=prepared.locator)
        if note.passage is not None:
            notes[index] = NoteRecord(note.note_id, note.note_index, tuple(cites), note.lineno, None)
