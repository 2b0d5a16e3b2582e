"""Loading sources and secondary literature for a build, with per-process caches."""

from __future__ import annotations

import dataclasses
import glob
import re
import json
import os
from functools import partial
from pathlib import Path
from typing import Any

from sphinx.environment import BuildEnvironment

from ..catalog import Catalog, default_catalog
from ..formatting.csl_json import to_csl_json
from ..errors import CatalogError, FrusCiteError, UnknownVolumeError
from ..model import Reference
from ..parsing import is_tei_file, parse_file
from .config import get_config
from .domain import get_domain, scratch
from .logging import warn
from .records import SourceRecord
from .tei import resolve_tei_key, tei_reference

__all__ = [
    "start_build", "load_reference", "reference_for", "checked_date", "load_checked", "csl_item", "bib_items", "bib_key_file", "catalog_for",
    "inside_project", "is_csl_file", "OUTSIDE", "lacks_volume", "file_stamp", "catalog_stamp", "catalog_inputs", "confdir",
]


def confdir(env: BuildEnvironment) -> Path:
    """The directory of conf.py (recorded at ``builder-inited``; ``env.app`` is deprecated)."""
    return scratch(env).confdir


def start_build(env: BuildEnvironment, conf_dir: Path) -> None:
    """Forget what earlier builds derived from configuration and sources, and read the
    configuration again (before parallel readers fork, so that each problem warns once):
    the catalog, the sources declared in conf.py and the bib files."""
    get_domain(env).start_build(conf_dir)
    catalog_for(env)
    scratch(env).config_sources = sources_from_config(env)
    scratch(env).resolvers.append(partial(resolve_tei_key, env))
    bib_items(env)  # a bad bib file warns once, whether or not anything cites it


def _allowed_roots(env: BuildEnvironment) -> tuple[Path, ...]:
    """The source and configuration directories, and the folders of ``frus_cite_source_dirs``."""
    shared = [(confdir(env) / folder).resolve() for folder in get_config(env.config).source_dirs]
    return tuple(dict.fromkeys([Path(env.srcdir).resolve(), confdir(env).resolve(), *shared]))


def inside_project(env: BuildEnvironment, path: Path, roots: tuple[Path, ...] | None = None) -> bool:
    """True when *path* (links resolved) lies in the project or a folder of ``frus_cite_source_dirs``."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return any(resolved.is_relative_to(root) for root in roots or _allowed_roots(env))


OUTSIDE = "is outside the project directory and the folders of frus_cite_source_dirs; refused"


def catalog_for(env: BuildEnvironment) -> Catalog:
    """The volume catalog with ``frus_cite_volumes`` and ``frus_cite_persons`` added, naming
    correspondents as ``frus_cite_names`` says (built once per build). A file that cannot be
    read is one ``frus.config`` warning per build, and the build goes on without it."""
    state = scratch(env)
    if state.catalog is None:
        state.catalog = _make_catalog(env)
    return state.catalog


def _make_catalog(env: BuildEnvironment) -> Catalog:
    config = get_config(env.config)
    volumes, persons = config.volumes, config.persons
    catalog = default_catalog()
    if volumes:
        try:
            catalog = catalog.extended(str(confdir(env) / volumes) if isinstance(volumes, str) else volumes)
        except CatalogError as error:  # the shipped volumes still serve; sources naming others warn
            warn("config", f"conf.py: frus_cite_volumes: {error}", None)
    if persons:
        try:
            catalog = catalog.with_persons(str(confdir(env) / persons) if isinstance(persons, str) else persons)
        except CatalogError as error:
            warn("config", f"conf.py: frus_cite_persons: {error}", None)
    if config.names != "full":
        catalog = catalog.with_names(config.names)
    return catalog


SOURCE_ENTRY_KEYS = ("path", "volume", "url", "short_title", "title", "date", "place", "document")
"""What a ``frus_cite_sources`` entry may give."""


def sources_from_config(env: BuildEnvironment) -> dict[str, SourceRecord]:
    """``frus_cite_sources`` as :class:`~.records.SourceRecord` entries (bad entries warn)."""
    spec = get_config(env.config).sources
    conf_dir = confdir(env)
    entries: dict[str, dict[str, Any]] = {}
    if isinstance(spec, (str, list, tuple)):
        patterns = [spec] if isinstance(spec, str) else list(spec)
        for pattern in patterns:
            matches = sorted(glob.glob(str(conf_dir / pattern), recursive=True))
            if not matches:
                warn("source_not_found", f"conf.py: frus_cite_sources: no file matches {pattern!r}", None)
            for match in matches:
                key = Path(match).stem
                if key in entries:
                    warn("duplicate_key", f"conf.py: frus_cite_sources: key {key!r} matches both {entries[key]['path']} and {match}", None)
                    continue
                entries[key] = {"path": match}
    else:
        for key, value in spec.items():
            entries[key] = {"path": value} if isinstance(value, str) else dict(value)
    records = {}
    roots = _allowed_roots(env)
    for key, entry in entries.items():
        unknown = sorted(set(entry) - set(SOURCE_ENTRY_KEYS))
        if unknown:
            warn("bad_option", f"conf.py: frus_cite_sources[{key!r}]: unknown {', '.join(map(repr, unknown))}; "
                 f"expected {', '.join(map(repr, SOURCE_ENTRY_KEYS))}", None)
        path = entry.get("path")
        if not isinstance(path, str):
            warn("bad_option", f"conf.py: frus_cite_sources[{key!r}]: expected a 'path'", None)
            scratch(env).failed.add(key)
            continue
        not_text = next((name for name in SOURCE_ENTRY_KEYS if not isinstance(entry.get(name) or "", str)), None)
        if not_text:
            warn("bad_option", f"conf.py: frus_cite_sources[{key!r}]: {not_text!r} must be a string, got {entry[not_text]!r:.60}", None)
            scratch(env).failed.add(key)
            continue
        full = conf_dir / path
        if not inside_project(env, full, roots):
            warn("source_not_found", f"conf.py: frus_cite_sources[{key!r}]: {path} {OUTSIDE}", None)
            scratch(env).failed.add(key)
            continue
        full = full.resolve()
        if not full.is_file():
            what = "is a directory, not a file" if full.is_dir() else "not found"
            warn("source_not_found", f"conf.py: frus_cite_sources[{key!r}]: {path} {what}", None)
            scratch(env).failed.add(key)
            continue
        text = {name: entry.get(name) if isinstance(entry.get(name), str) else None for name in SOURCE_ENTRY_KEYS}
        records[key] = SourceRecord(
            key, str(full), entry.get("volume") or get_config(env.config).default_volume, entry.get("url"), None, None,
            text["short_title"] or None, text["title"] or None,
            checked_date(text["date"], f"conf.py: frus_cite_sources[{key!r}]: 'date'", None), text["place"] or None, document=text["document"] or None,
        )
    return records


_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|n\.d\.")


def checked_date(value: str | None, what: str, location) -> str | None:
    """An author's date: ISO ("1945-07-11", "1945-07", "1945") or "n.d."; else a warning and ``None``."""
    if value is None or _DATE.fullmatch(value):
        return value
    warn("bad_option", f"{what} {value!r}: expected an ISO date such as '1945-07-11', '1945-07' or '1945', or 'n.d.'", location)
    return None


def reference_for(env: BuildEnvironment, record: SourceRecord) -> Reference:
    """The parsed source of a declaration, with the author's title, date and place in place of
    what was read; raises :class:`FrusCiteError`."""
    ref = load_reference(env, record.path, record.volume, record.url, record.document)
    overrides = record.overrides()
    return dataclasses.replace(ref, **overrides) if overrides else ref


def load_reference(env: BuildEnvironment, path: str, volume: str | None, url: str | None, document: str | None = None) -> Reference:
    """Parse a source file, or read *document* of a TEI file (cached per file version);
    raises :class:`FrusCiteError`."""
    key = (path, file_stamp(path), volume, url, document)
    references = scratch(env).references
    if key not in references:
        if document is not None or is_tei_file(path):
            references[key] = tei_reference(env, path, volume, document)
        else:
            references[key] = parse_file(path, volume=volume, url=url, catalog=catalog_for(env))
    return references[key]


def load_checked(env: BuildEnvironment, path: str, volume: str | None, url: str | None, *, what: str, location,
                 document: str | None = None) -> Reference | None:
    """Parse a declared source, reporting why it cannot be used (``None`` then).

    *what* names the declaration in the messages ("source sources/x.txt",
    "conf.py: frus_cite_sources['x']").
    """
    try:
        ref = load_reference(env, path, volume, url, document)
    except UnknownVolumeError as error:
        warn("unknown_volume", f"{what}: {error}", location)
        return None
    except FrusCiteError as error:
        detail = error.summary() if hasattr(error, "summary") else str(error)
        warn("parse_error", f"{what} cannot be parsed: {detail}", location)
        return None
    if lacks_volume(ref):
        warn("unknown_volume", f"{what} names no FRUS volume, so its notes cannot name the volume; "
             "give a volume or a history.state.gov URL, or set frus_cite_default_volume", location)
    return ref


_CSL_STYLE = "{http://purl.org/net/xbiblio/csl}style"


def is_csl_file(path: Path) -> bool:
    """Whether *path* is a readable XML file whose root is a CSL ``<style>`` (read without
    entities or network, as an untrusted file)."""
    from lxml import etree  # lxml only for a style given as a file

    if not path.is_file():
        return False
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.parse(str(path), parser).getroot().tag == _CSL_STYLE
    except (etree.XMLSyntaxError, OSError, ValueError):
        return False


def lacks_volume(ref: Reference) -> bool:
    """A FRUS document whose notes cannot name its volume (worth a warning)."""
    return ref.kind == "frus" and not ref.volume


def file_stamp(path: str) -> tuple[int, int] | None:
    """Modification time and size: what tells a changed file (``None`` if unreadable)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _setting_stamp(env: BuildEnvironment, value: Any) -> str:
    """A setting that is a value or names a file: the value, or the path and file version."""
    if isinstance(value, str):
        return f"{value}@{file_stamp(str(confdir(env) / value))}"
    return repr(value)


def catalog_stamp(env: BuildEnvironment) -> str:
    """What the volume catalog is built from: the setting, and the file it names."""
    return _setting_stamp(env, get_config(env.config).volumes)


def catalog_inputs(env: BuildEnvironment) -> tuple[str, ...]:
    """What the catalog of a build is made from (settings and file versions): when it
    changes, every note may read differently."""
    config = get_config(env.config)
    return catalog_stamp(env), _setting_stamp(env, config.persons), config.names


def bib_items(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    """CSL items of ``frus_cite_bibfiles`` (.bib through pybtex, or CSL-JSON), keyed by id."""
    state = scratch(env)
    if state.bib_items is not None:
        return state.bib_items
    items: dict[str, dict[str, Any]] = {}
    files: dict[str, str] = {}
    for name in bibfile_paths(env):
        from ..formatting.bibtex import read_bib  # pybtex only when there are bib files

        path = Path(name)
        try:
            if path.suffix.lower() == ".bib":
                loaded = read_bib(str(path))
            else:
                data = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(data, list) or not all(isinstance(i, dict) and "id" in i and "type" in i for i in data):
                    raise FrusCiteError(f"{path}: expected a CSL-JSON array of items with 'id' and 'type'")
                loaded = {str(i["id"]): i for i in data}
        except (OSError, ValueError) as exc:
            warn("bibfile", f"conf.py: frus_cite_bibfiles: cannot read {Path(name).name}: {exc}", None)
            continue
        except FrusCiteError as exc:
            warn("bibfile", f"conf.py: frus_cite_bibfiles: {exc}", None)
            continue
        for key, item in loaded.items():
            if key not in items:
                items[key] = item
                files[key] = str(path)
    state.bib_items, state.bib_file_of = items, files
    return items


def bibfile_paths(env: BuildEnvironment) -> list[str]:
    """Absolute paths of the configured .bib / CSL-JSON files."""
    return [str((confdir(env) / name).resolve()) for name in get_config(env.config).bibfiles]


def bib_key_file(env: BuildEnvironment, key: str) -> str | None:
    """The bib file that defines *key* (for dependency tracking)."""
    bib_items(env)
    return scratch(env).bib_file_of.get(key)


def csl_item(env: BuildEnvironment, key: str) -> dict[str, Any] | None:
    """The CSL-JSON item for a cited key (source or secondary literature)."""
    record = get_domain(env).source(key)
    if record is not None:
        try:
            ref = reference_for(env, record)
        except FrusCiteError:
            return None
        item = to_csl_json(ref, key=key, catalog=catalog_for(env))
        if record.date == "n.d.":  # Chicago cites an undated document "n.d."
            item["original-date" if ref.kind == "frus" else "issued"] = {"literal": "n.d."}
        if record.short_title:
            item["title-short"] = record.short_title
        return item
    return bib_items(env).get(key)
