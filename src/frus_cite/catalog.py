"""FRUS volume catalog: volume id → what a citation needs to name the volume.

The text copied from history.state.gov does not name its volume, so the
caller supplies a volume id (``frus1945v07``) or a document URL
(``https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578``).
The shipped catalog holds the volumes of the project's corpus; users add
their own with :meth:`Catalog.extended` (a mapping or a JSON file in the
same shape as ``data/volumes.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Mapping

from .errors import CatalogError, UnknownVolumeError

__all__ = ["Volume", "Catalog", "default_catalog", "parse_frus_url", "HSG_BASE"]

HSG_BASE = "https://history.state.gov/historicaldocuments"
_URL = re.compile(
    r"https?://(?:www\.)?history\.state\.gov/historicaldocuments/(?P<volume>frus[\w-]+?)(?:/d(?P<doc>\d+))?/?(?:[#?].*)?$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class Volume:
    """One FRUS volume as a citation needs it."""

    id: str
    """history.state.gov volume id: "frus1945v07"."""
    title: str
    """Full title as on the title page record."""
    series: str
    """"Foreign Relations of the United States: Diplomatic Papers"."""
    subseries: str | None
    """Years of the subseries: "1945", "1969–1976"."""
    volume_number: str | None
    """As printed: "Volume VII", "Volume VII, Part 1"."""
    volume_title: str
    """"The Far East, China"."""
    editors: tuple[str, ...]
    """Volume editors (general editors left out, as the Office of the Historian advises)."""
    publisher: str
    place: str
    published: str | None
    """Publication year of the volume (not the documents' date)."""
    coverage: str | None = None
    prints_document_numbers: bool = False
    """True when the printed volume numbers its documents (Potsdam, 1955– volumes);
    otherwise cite by page."""
    documents: tuple[int, int] | None = None
    """First and last document number of the volume (numbering runs on across
    the Potsdam volumes)."""
    persons: tuple[tuple[str, str], ...] = ()
    """Full names of the people the volume's headings name by surname
    (("Harriman", "W. Averell Harriman"), …), as in its list of persons."""

    @property
    def volume_arabic(self) -> str | None:
        """"Volume VII, Part 1" → "7, pt. 1" (CMOS uses arabic volume numbers)."""
        if not self.volume_number:
            return None
        match = re.match(r"Volume\s+([IVXLC]+)(?:,\s*Part\s+(\w+))?", self.volume_number)
        if not match:
            return self.volume_number
        total, prev = 0, 0
        for ch in reversed(match.group(1)):
            value = _ROMAN[ch]
            total = total - value if value < prev else total + value
            prev = max(prev, value)
        return f"{total}, pt. {match.group(2)}" if match.group(2) else str(total)

    def document_url(self, number: int | None = None) -> str:
        """Canonical URL of the volume, or of document *number* in it."""
        base = f"{HSG_BASE}/{self.id}"
        return f"{base}/d{number}" if number else base

    def holds(self, number: int) -> bool:
        return self.documents is None or self.documents[0] <= number <= self.documents[1]


def parse_frus_url(url: str) -> tuple[str, int | None] | None:
    """Split a history.state.gov URL into (volume id, document number)."""
    match = _URL.match(url.strip())
    if not match:
        return None
    return match["volume"], int(match["doc"]) if match["doc"] else None


def _volume_from_json(vid: str, data: Mapping[str, Any]) -> Volume:
    known = {f.name for f in fields(Volume)}
    unknown = set(data) - known
    if unknown:
        raise CatalogError(f"volume {vid!r}: unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("title", "series", "volume_title"):
        if not data.get(required):
            raise CatalogError(f"volume {vid!r}: field {required!r} is required")
    values = dict(data)
    values["id"] = vid
    values["editors"] = tuple(values.get("editors") or ())
    values.setdefault("publisher", "Government Printing Office")
    values.setdefault("place", "Washington, DC")
    values.setdefault("published", None)
    values.setdefault("subseries", None)
    values.setdefault("volume_number", None)
    if values.get("documents"):
        values["documents"] = tuple(values["documents"])
    values["persons"] = tuple(sorted(_persons_from_json(values.get("persons") or {}, f"volume {vid!r}: persons").items()))
    return Volume(**values)


def _persons_from_json(data: Any, where: str) -> dict[str, str]:
    if not isinstance(data, Mapping) or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in data.items()):
        raise CatalogError(f"{where}: expected {{name as printed: full name}}, e.g. {{\"Harriman\": \"W. Averell Harriman\"}}")
    return {" ".join(k.split()): " ".join(v.split()) for k, v in data.items()}


def _read_json(path: str | Path, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogError(f"cannot read {what} {path}: {exc}") from None


class Catalog:
    """A read-only mapping of volume ids to :class:`Volume` records."""

    def __init__(self, volumes: Mapping[str, Volume], persons: Mapping[str, str] | None = None, names: str = "full"):
        self._volumes = dict(volumes)
        self._persons = dict(persons or {})
        self.names = names
        """How notes name correspondents: "full" (from the people data, see
        :mod:`frus_cite.people`) or "as-printed"; the author's persons win either way."""

    def __contains__(self, vid: object) -> bool:
        return vid in self._volumes

    def __iter__(self) -> Iterator[str]:
        return iter(self._volumes)

    def __len__(self) -> int:
        return len(self._volumes)

    def get(self, vid: str) -> Volume:
        """The volume *vid*; :class:`UnknownVolumeError` names close ids when missing."""
        try:
            return self._volumes[vid]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(vid, list(self._volumes), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise UnknownVolumeError(
                f"unknown FRUS volume {vid!r}{hint}; known volumes: {', '.join(sorted(self._volumes))}. "
                "Add it with frus_cite.catalog.Catalog.extended()"
            ) from None

    def extended(self, extra: Mapping[str, Mapping[str, Any]] | str | Path) -> "Catalog":
        """A new catalog with *extra* volumes (a mapping, or a JSON file path) added."""
        persons: Mapping[str, str] = {}
        if isinstance(extra, (str, Path)):
            payload = _read_json(extra, "volume catalog")
            if not isinstance(payload, dict):
                raise CatalogError(f"volume catalog {extra}: expected a JSON object of volumes")
            persons = _persons_from_json(payload.get("persons", {}), f"volume catalog {extra}: persons")
            extra = payload.get("volumes", {k: v for k, v in payload.items() if k != "persons"})
        volumes = dict(self._volumes)
        for vid, data in extra.items():
            if vid.startswith("_"):
                continue
            volumes[vid] = data if isinstance(data, Volume) else _volume_from_json(vid, data)
        return Catalog(volumes, {**self._persons, **persons}, self.names)

    def with_names(self, names: str) -> "Catalog":
        """A new catalog whose notes name correspondents *names*: "full" or "as-printed"."""
        if names not in ("full", "as-printed"):
            raise CatalogError(f"names: expected 'full' or 'as-printed', got {names!r}")
        return Catalog(self._volumes, self._persons, names)

    def with_persons(self, persons: Mapping[str, str] | str | Path) -> "Catalog":
        """A new catalog that also knows these full names ({name as printed: full name},
        or a JSON file of that shape), for every volume; a volume's own list wins."""
        if isinstance(persons, (str, Path)):
            persons = _persons_from_json(_read_json(persons, "list of persons"), f"list of persons {persons}")
        else:
            persons = _persons_from_json(persons, "persons")
        return Catalog(self._volumes, {**self._persons, **persons}, self.names)

    def full_name(self, name: str, volume: str | None = None) -> str | None:
        """The full name of a person a heading of *volume* names as *name* ("Harriman")."""
        name = " ".join(name.split())
        if volume in self._volumes:
            for printed, full in self._volumes[volume].persons:  # type: ignore[index]
                if printed == name:
                    return full
        return self._persons.get(name)

    @classmethod
    def from_json(cls, text: str) -> "Catalog":
        payload = json.loads(text)
        persons = _persons_from_json(payload.get("persons", {}), "catalog: persons")
        return cls({vid: _volume_from_json(vid, data) for vid, data in payload["volumes"].items()}, persons)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The catalog shipped with frus-cite."""
    text = resources.files("frus_cite").joinpath("data/volumes.json").read_text("utf-8")
    return Catalog.from_json(text)
