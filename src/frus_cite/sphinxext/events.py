"""What the extension does at Sphinx's build events (connected in :func:`~frus_cite.sphinxext.setup`)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file

from ..errors import FrusCiteError
from .citing import pages_outside, prepare_quote
from .domain import get_domain, scratch
from .logging import warn
from .records import CiteRecord, NoteRecord
from .sources import (bib_items, bib_key_file, bibfile_paths, catalog_inputs, catalog_stamp, file_stamp, lacks_volume, load_checked,
                      reference_for, start_build)
from .tei import TEI_KEY, check_tei_config, tei_problem, volume_file
from .transforms import bibliography_targets

__all__ = ["builder_inited", "get_outdated", "before_read", "env_updated", "build_finished"]

_STATIC = Path(__file__).parent / "static"
_LATEX = Path(__file__).parent / "latex"


def builder_inited(app: Sphinx) -> None:
    start_build(app.env, Path(app.confdir))
    # Before Sphinx clears the documents it will read again or that were deleted.
    scratch(app.env).declared_before = _declarations(app.env)
    check_tei_config(app.env)
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
        stamp = (record.path, file_stamp(record.path), record.volume, record.url, record.document, catalog)
        if checked.get(key) == stamp:
            continue
        checked.pop(key, None)
        ref = load_checked(env, record.path, record.volume, record.url, what=f"conf.py: frus_cite_sources[{key!r}]", location=None,
                           document=record.document)
        if ref is not None and not lacks_volume(ref):
            checked[key] = stamp


def get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Documents citing an undeclared key are read again (they warn again, or heal)."""
    return sorted(get_domain(env).unresolved - removed)


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    state = scratch(env)
    state.reading = set(docnames)
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
    # A declaration added, changed or removed (its document edited or deleted) changes the
    # notes of every document citing that source: they are checked again and written again.
    after = _declarations(env)
    changed = {key for key in state.declared_before.keys() | after.keys() if state.declared_before.get(key) != after.get(key)}
    citing_changed = {docname for docname, notes in domain.notes.items()
                      if any(cite.key in changed for note in notes for cite in note.cites)}
    for docname in sorted(state.reading | citing_changed):
        _finish_notes(env, docname)
    state.rendered.clear()  # the notes read in this build change what is rendered
    inputs = catalog_inputs(env)
    catalog_changed = domain.data.get("catalog_inputs") not in (None, inputs)
    domain.data["catalog_inputs"] = inputs
    if state.reading or changed or catalog_changed:
        domain.data["bib_targets"] = bibliography_targets(env)
    with_notes = {docname for docname, notes in domain.notes.items() if notes}
    with_bibliographies = {docname for docname, records in domain.bibliographies.items() if records}
    # A changed frus_cite_volumes file or persons list changes notes in documents
    # that were not edited.
    if catalog_changed:
        return sorted(with_notes | with_bibliographies)
    if not state.reading and not changed:
        return []
    # Bibliographies list what every document cites; with one note scope for the
    # whole project, any document's notes depend on the documents before it.
    depends = set(with_bibliographies) | citing_changed
    if app.config.frus_cite_note_scope == "project":
        depends |= with_notes
    return sorted(depends - state.reading)


def _finish_notes(env: BuildEnvironment, docname: str) -> None:
    """Check each citation of a document read in this build once every document is read:
    its key (the source may be declared in a document read later), its quotation if it
    could not be checked while reading, and its pages. The document then depends on every
    file its notes are made from (also sources declared in other documents)."""
    domain = get_domain(env)
    notes = domain.notes.get(docname, [])
    for index, note in enumerate(notes):
        location = (docname, note.lineno)
        finished = [_finish_cite(env, docname, note, position, location) for position in range(len(note.cites))]
        cites = tuple(cite for cite, _ in finished)
        if cites != note.cites or note.passage is not None:
            printed = finished[0][1] if finished else None
            notes[index] = note._replace(cites=cites, passage=None, printed=printed if printed != note.passage else None)


def _finish_cite(env: BuildEnvironment, docname: str, note: NoteRecord, position: int, location) -> tuple[CiteRecord, str | None]:
    """The citation checked, and its quotation as printed (when it was checked only now)."""
    domain = get_domain(env)
    cite = note.cites[position]
    record = domain.source(cite.key)
    if record is None:
        bib_file = bib_key_file(env, cite.key)
        if bib_file is not None:
            env.dependencies.setdefault(docname, set()).add(Path(env.srcdir) / bib_file)
        else:
            domain.unresolved.add(docname)
            if not domain.was_refused(cite.key):  # its declaration was reported already
                warn("unknown_key", unknown_key_message(env, cite.key), location)
        return cite, None
    env.dependencies.setdefault(docname, set()).add(Path(env.srcdir) / record.path)
    printed = None
    if note.passage is not None and position == 0:
        prepared = prepare_quote(env, cite.key, note.passage, cite.locator, final=True, location=location)
        cite, printed = cite._replace(locator=prepared.locator), prepared.printed
    if cite.locator and cite.label == "page":
        try:
            ref = reference_for(env, record)
        except FrusCiteError:
            return cite, printed  # reported where the source is declared
        outside = pages_outside(ref, cite.locator)
        if outside:
            where = ref.pages.whole().locator() if ref.pages else ""
            warn("bad_locator", f"{cite.key}: {'pp.' if len(outside) > 1 or '–' in outside[0] else 'p.'} {', '.join(outside)} "
                 f"is not in the source, which runs {'pp.' if '–' in where else 'p.'} {where}", location)
    return cite, printed


def unknown_key_message(env: BuildEnvironment, key: str) -> str:
    """The warning for a key nothing declares: the closest keys, and where keys come from
    (or why the TEI volume file a ``volume/dN`` key names does not give it)."""
    if (why := tei_problem(env, key)) is not None:
        return f"unknown source key {key!r}: {why}"
    if (tei := TEI_KEY.fullmatch(key)) and volume_file(env, tei["volume"]) is None:
        return (f"unknown source key {key!r}: no TEI file for {tei['volume']}; expected {tei['volume']}.xml in the folder "
                "frus_cite_tei_dir names, or the volume in frus_cite_tei")
    domain = get_domain(env)
    sources, secondary = domain.source_keys(), list(bib_items(env))
    close = difflib.get_close_matches(key, sources + secondary, n=3, cutoff=0.7)
    bib_names = ", ".join(dict.fromkeys(Path(path).name for path in bibfile_paths(env)))
    if close:
        named = [f"{name!r}" + (f" (in {Path(bib_key_file(env, name) or '').name})" if name in secondary else "") for name in close]
        return f"unknown source key {key!r}: did you mean {', '.join(named)}?"
    if bib_names:
        return f"unknown key {key!r}: no source declares it (frus:source, frus_cite_sources) and it is not in {bib_names}"
    return f"unknown source key {key!r}: declare it with frus:source or frus_cite_sources (secondary literature: frus_cite_bibfiles)"
