"""FRUS volume catalog: volume id → what a citation needs to name the volume.

The text copied from history.state.gov does not name its volume, so the
caller supplies a volume id (``frus1945v07``) or a document URL
(``https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578``).
The shipped catalog holds every FRUS volume the Office of the Historian
lists (built by ``tools/build_volume_catalog.py`` from its records, with
volumes not yet published flagged); users add their own with
:meth:`Catalog.extended` (a mapping or a JSON file in the same shape as
``data/volumes.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from .errors import CatalogError, UnknownVolumeError, UnpublishedVolumeError

__all__ = ["Volume", "Catalog", "default_catalog", "parse_frus_url", "HSG_BASE", "PUBLISHED"]

HSG_BASE = "https://history.state.gov/historicaldocuments"
_URL = re.compile(
    r"https?://(?:www\.)?history\.state\.gov/historicaldocuments/(?P<volume>frus[\w-]+?)(?:/d(?P<doc>\d+))?/?(?:[#?].*)?$"
)
MAX_DOCUMENT_DIGITS = 6
"""No volume holds a million documents; a longer number is not a document URL."""
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


# Publication status as the Office of the Historian records it; only "published" volumes are cited.
PUBLISHED = "published"
_STATUS_WORDS = {
    "in-production": "in production",
    "under-declassification": "under declassification",
    "being-researched-or-prepared": "being researched or prepared",
}
# "Volume XIX, Part 1", "Part II, Volume I", "Appendix I", "Volumes X/XI/XII, Microfiche Supplement".
_DESIGNATION_WORD = re.compile(r"(Volumes?|Part|Appendix)\s+([IVXLC]+\b|[A-Z]?[–-]?\d+)|([IVXLC]+)\b|(Microfiche Supplement)")
_ABBREVIATION = {"Part": "pt.", "Appendix": "app."}


def _arabic(numeral: str) -> str:
    """"XVII" → "17"; other numbers ("E–5", "2") as printed."""
    if not re.fullmatch(r"[IVXLC]+", numeral):
        return numeral
    total, prev = 0, 0
    for ch in reversed(numeral):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return str(total)


def _designation(volume_number: str) -> tuple[str | None, str | None]:
    """(part, volume) of a printed designation, CMOS-style: "Volume XIX, Part 1" → (None, "19, pt. 1");
    "Part II, Volume I" → ("pt. 2", "1"); "Part I" → ("pt. 1", None); "Appendix II" → ("app. 2", None)."""
    before: list[str] = []
    after: list[str] = []
    seen_volume = False
    for piece in re.split(r",\s*|/", volume_number):
        match = _DESIGNATION_WORD.fullmatch(piece.strip())
        if not match:
            (after if seen_volume else before).append(piece.strip())
            continue
        word, number, bare, supplement = match.groups()
        if supplement:
            after.append("microfiche suppl.")
        elif word in _ABBREVIATION:
            (after if seen_volume else before).append(f"{_ABBREVIATION[word]} {_arabic(number)}")
        else:  # "Volume N", or a bare numeral after it ("Volumes VII, VIII") or alone ("XXIII")
            seen_volume = True
            after.append(_arabic(number or bare))
    return (", ".join(before) or None), (", ".join(after) or None)


@dataclass(frozen=True, slots=True)
class Volume:
    """One FRUS volume as a citation needs it (built from the Office of the Historian's record)."""

    id: str
    """history.state.gov volume id: "frus1945v07"."""
    title: str
    """Complete title as the record gives it."""
    series: str
    """Series title, one form per series: "Foreign Relations of the United States: Diplomatic
    Papers", "Papers Relating to the Foreign Relations of the United States"."""
    subseries: str | None
    """Years of the subseries: "1945", "1969–1976"; None for volumes outside one ("China, 1943")."""
    volume_number: str | None
    """As printed: "Volume VII", "Volume XIX, Part 1", "Part II"; None for a single volume."""
    volume_title: str | None
    """"The Far East, China"; None for annual volumes ("Papers Relating …, 1894")."""
    editors: tuple[str, ...]
    """Volume editors (general editors and division chiefs left out, as the Office of the Historian advises)."""
    publisher: str = "Government Printing Office"
    """"Government Publishing Office" for volumes published since 2015."""
    place: str = "Washington, DC"
    """Place of publication."""
    published: str | None = None
    """Publication year of the volume (not the documents' date); None while unpublished."""
    coverage: str | None = None
    """Years the documents cover: "1945", "1969–1972"."""
    prints_document_numbers: bool = False
    """True when the printed volume numbers its documents (Potsdam, 1955– volumes);
    otherwise cite by page."""
    documents: tuple[int, int] | None = None
    """First and last document number of the volume (numbering runs on across
    the Potsdam volumes)."""
    persons: tuple[tuple[str, str], ...] = ()
    """Full names of the people the volume's headings name by surname
    (("Harriman", "W. Averell Harriman"), …), as in its list of persons."""
    status: str = PUBLISHED
    """Publication status: "published", "in-production", "under-declassification",
    "being-researched-or-prepared" (the latter three cannot be cited)."""

    @property
    def is_published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def status_text(self) -> str:
        """"published", "in production", …"""
        return _STATUS_WORDS.get(self.status, self.status)

    @property
    def volume_arabic(self) -> str | None:
        """"Volume VII, Part 1" → "7, pt. 1" (CMOS uses arabic volume numbers); None when the
        designation has no volume number ("Part I")."""
        return _designation(self.volume_number)[1] if self.volume_number else None

    @property
    def part(self) -> str | None:
        """A part or appendix that comes before any volume number: "Part I" → "pt. 1",
        "Part II, Volume I" → "pt. 2", "Appendix II" → "app. 2"."""
        return _designation(self.volume_number)[0] if self.volume_number else None

    @property
    def container_title(self) -> str:
        """Series with its subseries, as citations print it: "Foreign Relations of the United
        States, 1969–1976"."""
        return self.series + (f", {self.subseries}" if self.subseries else "")

    def document_url(self, number: int | None = None) -> str:
        """Canonical URL of the volume, or of document *number* in it."""
        base = f"{HSG_BASE}/{self.id}"
        return f"{base}/d{number}" if number else base

    def holds(self, number: int) -> bool:
        """Whether document *number* can be in this volume (always, when its range is unknown)."""
        return self.documents is None or self.documents[0] <= number <= self.documents[1]

    def matches(self, words: Iterable[str]) -> bool:
        """Whether every word occurs in the id or a title (case-insensitive): the volume search."""
        haystack = " ".join((self.id, self.title, self.container_title, self.volume_title or "", self.coverage or "")).casefold()
        return all(word.casefold() in haystack for word in words)


def parse_frus_url(url: str) -> tuple[str, int | None] | None:
    """Split a history.state.gov URL into (volume id, document number)."""
    match = _URL.match(url.strip())
    if not match or len(match["doc"] or "") > MAX_DOCUMENT_DIGITS:
        return None
    return match["volume"], int(match["doc"]) if match["doc"] else None


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_names(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(name, str) for name in value)


def _is_range(value: Any) -> bool:
    return value is None or (
        isinstance(value, list | tuple) and len(value) == 2 and all(type(n) is int for n in value)
    )


_FIELD_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "title": (_is_text, 'a string'),
    "series": (_is_text, 'a string'),
    "subseries": (_is_optional_text, 'a string such as "1969–1976"'),
    "volume_number": (_is_optional_text, 'a string such as "Volume VII"'),
    "volume_title": (_is_optional_text, "a string"),
    "editors": (lambda v: v is None or _is_names(v), 'a list of names such as ["Jane Doe"]'),
    "publisher": (_is_text, "a string"),
    "place": (_is_text, "a string"),
    "published": (_is_optional_text, 'a year as a string such as "1969"'),
    "coverage": (_is_optional_text, 'a string such as "1945"'),
    "prints_document_numbers": (lambda v: isinstance(v, bool), "true or false"),
    "documents": (_is_range, "[first, last] document numbers"),
    "status": (_is_text, "a string"),
}
"""What each field of a volume record holds, checked before a record is made (a string of
editors was read letter by letter; a number for a year failed when a note was printed)."""


def _check_field_types(vid: str, data: Any) -> None:
    if not isinstance(data, Mapping):
        raise CatalogError(f"volume {vid!r}: expected an object of fields (title, series, …), got {data!r:.60}")
    for name, (valid, expected) in _FIELD_TYPES.items():
        if name in data and not valid(data[name]):
            raise CatalogError(f"volume {vid!r}: field {name!r} must be {expected}, got {data[name]!r:.60}")


def _volume_from_json(vid: str, data: Mapping[str, Any]) -> Volume:
    _check_field_types(vid, data)
    known = {f.name for f in fields(Volume)}
    unknown = set(data) - known
    if unknown:
        raise CatalogError(f"volume {vid!r}: unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("title", "series"):
        if not data.get(required):
            raise CatalogError(f"volume {vid!r}: field {required!r} is required")
    status = data.get("status", PUBLISHED)
    if status != PUBLISHED and status not in _STATUS_WORDS:
        raise CatalogError(f"volume {vid!r}: status {status!r} is not one of {', '.join([PUBLISHED, *_STATUS_WORDS])}")
    values = dict(data)
    values["id"] = vid
    values["editors"] = tuple(values.get("editors") or ())
    values.setdefault("subseries", None)
    values.setdefault("volume_number", None)
    values["volume_title"] = values.get("volume_title") or None
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
    """A read-only mapping of volume ids to :class:`Volume` records.

    The shipped catalog holds every FRUS volume; its records are made into :class:`Volume`
    objects when first asked for, so that parsing one document does not pay for 546 volumes.
    """

    def __init__(self, volumes: Mapping[str, Volume | Mapping[str, Any]], persons: Mapping[str, str] | None = None, names: str = "full"):
        self._volumes: dict[str, Volume | Mapping[str, Any]] = dict(volumes)
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

    def record(self, vid: str) -> Volume:
        """The volume *vid*, published or not; :class:`UnknownVolumeError` names close ids when missing."""
        try:
            entry = self._volumes[vid]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(vid, list(self._volumes), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise UnknownVolumeError(
                f"unknown FRUS volume {vid!r}{hint}; `frus-cite volumes WORDS…` searches the {len(self)} "
                "volumes of the catalog; add a volume with --catalog JSON (command line), frus_cite_volumes (Sphinx) "
                "or Catalog.extended() (Python)"
            ) from None
        if not isinstance(entry, Volume):
            entry = self._volumes[vid] = _volume_from_json(vid, entry)
        return entry

    def get(self, vid: str) -> Volume:
        """The published volume *vid*, to cite; :class:`UnpublishedVolumeError` for a volume
        that is still in production (it has no text, pages or year to cite)."""
        volume = self.record(vid)
        if not volume.is_published:
            raise UnpublishedVolumeError(
                f"FRUS volume {vid!r} ({volume.title}) is not published: the Office of the Historian lists it as "
                f"{volume.status_text}, so it has no text, pages or year of publication to cite"
            )
        return volume

    def volumes(self) -> Iterator[Volume]:
        """Every volume, published or not, in id order."""
        return (self.record(vid) for vid in sorted(self._volumes, key=_id_order))

    def search(self, words: Iterable[str]) -> list[Volume]:
        """The volumes whose id or titles contain every one of *words* (case-insensitive)."""
        words = [w for w in words if w.strip()]
        return [v for v in self.volumes() if v.matches(words)]

    def extended(self, extra: Mapping[str, Mapping[str, Any]] | str | Path) -> "Catalog":
        """A new catalog with *extra* volumes (a mapping, or a JSON file path) added."""
        persons: Mapping[str, str] = {}
        where = ""
        if isinstance(extra, (str, Path)):
            where = f"volume catalog {extra}: "
            payload = _read_json(extra, "volume catalog")
            if not isinstance(payload, dict):
                raise CatalogError(f"volume catalog {extra}: expected a JSON object of volumes")
            persons = _persons_from_json(payload.get("persons", {}), f"volume catalog {extra}: persons")
            extra = payload.get("volumes", {k: v for k, v in payload.items() if k != "persons"})
        if not isinstance(extra, Mapping) or not all(isinstance(vid, str) for vid in extra):
            raise CatalogError(f"{where}expected volume records keyed by volume id, got {extra!r:.60}")
        volumes = dict(self._volumes)
        for vid, data in extra.items():
            if vid.startswith("_"):
                continue
            # Additions are checked now: a bad entry is reported with the file that gives it.
            try:
                volumes[vid] = data if isinstance(data, Volume) else _volume_from_json(vid, data)
            except CatalogError as error:
                raise CatalogError(f"{where}{error}") from None
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
            for printed, full in self.record(volume).persons:
                if printed == name:
                    return full
        return self._persons.get(name)

    @classmethod
    def from_json(cls, text: str) -> "Catalog":
        """A catalog from JSON text in the shape of data/volumes.json; volumes are checked when
        first asked for."""
        payload = json.loads(text)
        persons = _persons_from_json(payload.get("persons", {}), "catalog: persons")
        return cls(payload["volumes"], persons)


def _id_order(vid: str) -> tuple[str, int, str]:
    """Ids in series order: frus1861 … frus1969-76v2 before frus1969-76v17 … frus1981-88v41."""
    match = re.match(r"(frus[\d-]+\D*)(\d*)(.*)$", vid)
    return (match[1], int(match[2] or 0), match[3]) if match else (vid, 0, "")


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The catalog shipped with frus-cite: every FRUS volume (read once, on first use)."""
    text = resources.files("frus_cite").joinpath("data/volumes.json").read_text("utf-8")
    return Catalog.from_json(text)
