"""TEI volume files as a source provider: ``frus1955-57v03/d58`` names a document of a
volume file configured with ``frus_cite_tei`` or found in ``frus_cite_tei_dir``, with no
``frus:source`` declaration.

Each volume file is parsed once per build and kept in the domain's build scratch
by path and file stamp (modification time and size).
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.environment import BuildEnvironment

from ..errors import FrusCiteError, SourceError
from ..model import Reference
from ..parsing.tei import TeiVolume, read_tei
from .config import get_config
from .domain import scratch
from .logging import warn
from .records import SourceRecord

__all__ = ["TEI_KEY", "check_tei_config", "resolve_tei_key", "tei_reference", "tei_problem"]

TEI_KEY = re.compile(r"(?P<volume>frus[\w-]+?)/(?P<document>d\d+)")
"""A key that names a document of a volume: "frus1955-57v03/d58"."""


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def volume_file(env: BuildEnvironment, volume: str) -> Path | None:
    """The TEI file of *volume*: from ``frus_cite_tei``, else ``<frus_cite_tei_dir>/<volume>.xml``."""
    config = get_config(env.config)
    confdir = scratch(env).confdir
    if volume in config.tei:
        return (confdir / config.tei[volume]).resolve()
    if config.tei_dir:
        candidate = (confdir / config.tei_dir / f"{volume}.xml").resolve()
        if candidate.is_file():
            return candidate
    return None


def check_tei_config(env: BuildEnvironment) -> None:
    """``builder-inited``: every configured volume file and folder exists (each missing one
    is one ``frus.source_not_found`` warning)."""
    config = get_config(env.config)
    confdir = scratch(env).confdir
    for volume, name in config.tei.items():
        path = confdir / name
        if not path.is_file():
            what = "is a directory, not a file" if path.is_dir() else "not found"
            warn("source_not_found", f"conf.py: frus_cite_tei[{volume!r}]: {name} {what}", None)
    if config.tei_dir and not (confdir / config.tei_dir).is_dir():
        warn("source_not_found", f"conf.py: frus_cite_tei_dir: {config.tei_dir} is not a folder", None)


def open_volume(env: BuildEnvironment, path: str, volume: str | None) -> TeiVolume:
    """The parsed volume file, read once per build and file version; raises :class:`FrusCiteError`."""
    volumes = scratch(env).tei_volumes
    stamp = _stamp(Path(path))
    cached = volumes.get(path)
    if cached is not None and cached[0] == stamp and cached[1].volume_id == (volume or cached[1].volume_id):
        return cached[1]
    tei = read_tei(path, volume=volume)
    volumes[path] = (stamp, tei)
    state = scratch(env)
    if state.catalog is not None:  # a volume the catalog lacks is described by its teiHeader
        state.catalog = tei.catalog(state.catalog)
    return tei


def tei_reference(env: BuildEnvironment, path: str, volume: str | None, document: str | None) -> Reference:
    """A document of a TEI file (its only document when *document* is ``None``)."""
    tei = open_volume(env, path, volume)
    if document is None:
        if len(tei) != 1:
            raise SourceError(
                f"this TEI file holds {len(tei)} documents; expected one, or a 'document' id such as 'd58'",
                path=path,
                line=1,
            )
        document = tei.document_ids[0]
    return tei.reference(document)


def resolve_tei_key(env: BuildEnvironment, key: str) -> SourceRecord | None:
    """The source a ``volume/dN`` key names, when that volume's file is configured and holds
    the document; otherwise ``None``, with the reason kept for :func:`tei_problem`."""
    match = TEI_KEY.fullmatch(key)
    if match is None:
        return None
    path = volume_file(env, match["volume"])
    if path is None:
        return None
    try:
        tei_reference(env, str(path), match["volume"], match["document"])
    except FrusCiteError as error:
        scratch(env).tei_problems[key] = error.summary() if isinstance(error, SourceError) else str(error)
        return None
    return SourceRecord(key, str(path), match["volume"], None, None, None, document=match["document"])


def tei_problem(env: BuildEnvironment, key: str) -> str | None:
    """Why a ``volume/dN`` key whose volume file is configured names no source."""
    return scratch(env).tei_problems.get(key)
