"""The extension's configuration: one dataclass, each field with default, check and help.

Every field is registered as ``frus_cite_<name>`` in ``conf.py`` and checked
on ``config-inited``; a bad value is a ``frus.config`` warning naming the
value and what was expected, and the default is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from sphinx.application import Sphinx
from sphinx.util import logging

from ..formatting.styles import StyleError, find_style
from .logging import WARNING_TYPE

__all__ = ["FrusCiteConfig", "register_config", "check_config", "get_config", "OPTIONS"]

logger = logging.getLogger(__name__)


def _is_str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_sources(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, str) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and isinstance(v, (str, dict)) for k, v in value.items())
    return False


def _is_paths(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


@dataclass(frozen=True)
class Option:
    default: Any
    check: Callable[[Any], bool]
    expected: str
    help: str
    types: tuple[type, ...] = ()


OPTIONS: dict[str, Option] = {
    "style": Option(None, _is_str_or_none, "a CSL style name or a path to a .csl file",
                    "CSL style for notes and bibliography (default: frus-cite's Chicago style).", (str, type(None))),
    "ibid": Option(False, lambda v: isinstance(v, bool), "True or False",
                   "Use “Ibid.” for an immediately repeated source; False gives short notes (CMOS 18)."),
    "note_scope": Option("document", lambda v: v in ("document", "project"), "'document' or 'project'",
                         "Where the first (full) note of a source is given: in each document (chapter) or once per project."),
    "sources": Option({}, _is_sources, "a dict {key: path or {path, volume, url, short_title}}, a glob, or a list of globs",
                      "Sources declared for the whole project; with a glob, keys are the file names without extension.", (dict, str, list, tuple)),
    "bibfiles": Option([], _is_paths, "a list of .bib or CSL-JSON file paths",
                       "Secondary literature cited with :frus:cite: in the same footnote stream."),
    "default_volume": Option(None, _is_str_or_none, "a FRUS volume id such as 'frus1945v07'",
                             "Volume of FRUS sources that name none.", (str, type(None))),
    "volumes": Option({}, lambda v: isinstance(v, (dict, str)), "a dict of volume records or a path to a JSON file",
                      "Extra FRUS volumes for the catalog (same shape as frus_cite/data/volumes.json).", (dict, str)),
    "source_dirs": Option([], _is_paths, "a list of folder paths",
                          "Folders outside the project from which sources may be read (a research folder shared by several books)."),
    "check_quotes": Option(True, lambda v: isinstance(v, bool), "True or False",
                           "Check every quotation against its source."),
    "tei": Option({}, lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
                  "a dict {volume id: path of its TEI file}",
                  "TEI volume files of the Office of the Historian by volume id: :frus:cite:`frus1955-57v03/d58` then needs no declaration.",
                  (dict,)),
    "tei_dir": Option(None, _is_str_or_none, "a folder path",
                      "A folder of TEI volume files named <volume id>.xml (as in the Office of the Historian's repository).",
                      (str, type(None))),
    "persons": Option({}, lambda v: isinstance(v, str) or (isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())),
                      "a dict {name as printed: full name} or a path to a JSON file of that shape",
                      "Full names of the people FRUS headings name by surname (\"Harriman\": \"W. Averell Harriman\"): first notes give them.",
                      (dict, str)),
    "names": Option("full", lambda v: v in ("full", "as-printed"), "'full' or 'as-printed'",
                    "First notes name correspondents in full, resolved by role and date from the Office of the Historian's "
                    "data, or as the FRUS heading prints them; frus_cite_persons entries win either way.", (str,)),
}


@dataclass
class FrusCiteConfig:
    """The checked configuration of one build."""

    style: str | None = None
    ibid: bool = False
    note_scope: str = "document"
    sources: Any = field(default_factory=dict)
    bibfiles: list[str] = field(default_factory=list)
    default_volume: str | None = None
    volumes: Any = field(default_factory=dict)
    source_dirs: list[str] = field(default_factory=list)
    check_quotes: bool = True
    persons: Any = field(default_factory=dict)
    names: str = "full"
    tei: dict[str, str] = field(default_factory=dict)
    tei_dir: str | None = None


def register_config(app: Sphinx) -> None:
    for name, option in OPTIONS.items():
        app.add_config_value(f"frus_cite_{name}", option.default, "env", types=option.types or (), description=option.help)


def check_config(app: Sphinx, config) -> None:
    """``config-inited``: warn about bad values and fall back to defaults."""
    values = {}
    for item in fields(FrusCiteConfig):
        option = OPTIONS[item.name]
        value = getattr(config, f"frus_cite_{item.name}")
        if not option.check(value):
            logger.warning(
                f"frus_cite_{item.name} = {value!r} is not valid; expected {option.expected}; using {option.default!r}",
                type=WARNING_TYPE,
                subtype="config",
            )
            value = option.default
            setattr(config, f"frus_cite_{item.name}", value)
        values[item.name] = value
    if values["style"] is not None:
        from .sources import is_csl_file  # sources reads this module's settings

        try:
            found = find_style(values["style"])
            if not is_csl_file(Path(found.path)):  # read now: a file that is not CSL failed at write time
                raise StyleError(f"{values['style']} is not a CSL style (an XML file whose root is <style> in the CSL namespace)")
        except StyleError as error:
            logger.warning(f"frus_cite_style: {error}; using the default style", type=WARNING_TYPE, subtype="bad_style")
            config.frus_cite_style = None
            values["style"] = None


def get_config(config) -> FrusCiteConfig:
    """The checked values (``check_config`` has already replaced bad ones)."""
    return FrusCiteConfig(**{f.name: getattr(config, f"frus_cite_{f.name}") for f in fields(FrusCiteConfig)})
