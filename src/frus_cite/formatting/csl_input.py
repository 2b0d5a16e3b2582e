"""Reading CSL-JSON that someone else wrote: items (a Zotero export, a bib file) and
citation clusters (``frus-cite notes --cites``).

The checks follow the CSL-JSON schema (csl-data.json and csl-citation.json of CSL
1.0.2): ``id`` a string or number, ``type`` one of the CSL types, name variables
lists of name objects, date variables objects whose ``date-parts`` hold one or two
lists of one to three numbers, other variables strings (numbers where the schema
allows them).  They are written out rather than run through a JSON Schema
validator so that each problem names its item and field in words, and so that
the shapes citeproc-py cannot take (a year past its range, ``noteIndex`` 1e309)
are refused too.  A bad item is reported and left out; the others are kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FrusCiteError

__all__ = ["ItemError", "LoadedItems", "check_item", "check_clusters", "load_csl_json", "load_items", "read_json"]

CSL_TYPES = frozenset(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset "
    "document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation "
    "manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical "
    "personal_communication post post-weblog regulation report review review-book software song speech standard "
    "thesis treaty webpage".split()
)
NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editorial-director executive-producer guest host illustrator interviewer narrator organizer original-author "
    "performer producer recipient reviewed-author script-writer series-creator translator".split()
)
DATE_VARIABLES = frozenset("accessed available-date event-date issued original-date submitted".split())
NUMBER_VARIABLES = frozenset(
    "chapter-number citation-number collection-number edition first-reference-note-number issue locator number "
    "number-of-pages number-of-volumes page page-first part-number printing section supplement version volume".split()
)
LOCATOR_LABELS = frozenset(
    "act appendix article-locator book canon chapter column elocation equation figure folio issue line note opus page "
    "paragraph part rule scene section sub-verbo supplement table timestamp title-locator verse version volume".split()
)
_NAME_PARTS = frozenset("family given dropping-particle non-dropping-particle suffix literal".split())
_NAME_FLAGS = frozenset("comma-suffix static-ordering parse-names".split())
MAX_JSON_BYTES = 50 * 1024 * 1024
_MAX_YEAR = 9999  # citeproc-py formats years as numbers; CSL dates are calendar dates


class ItemError(FrusCiteError):
    """A CSL-JSON item, cluster or file that cannot be used, located: file, item, field."""


@dataclass
class LoadedItems:
    """The usable items of one file, and a located problem for each one left out."""

    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[ItemError] = field(default_factory=list)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _name_problem(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"expected a list of names ({{\"family\": …, \"given\": …}} or {{\"literal\": …}}), got {_shown(value)}"
    for n, name in enumerate(value, 1):
        if not isinstance(name, dict):
            return f"name {n}: expected an object with 'family'/'given' or 'literal', got {_shown(name)}"
        for part, text in name.items():
            if part in _NAME_PARTS and not isinstance(text, str):
                return f"name {n}: '{part}' must be text, got {_shown(text)}"
            if part in _NAME_FLAGS and not isinstance(text, (str, int, float, bool)):
                return f"name {n}: '{part}' must be a string, number or boolean"
        if not any(isinstance(name.get(p), str) and name[p].strip() for p in ("family", "given", "literal")):
            return f"name {n}: expected 'family', 'given' or 'literal'"
    return None


def _date_part_problem(part: Any) -> str | None:
    if isinstance(part, str):
        part = part.strip()
        if not (part.lstrip("-").isascii() and part.lstrip("-").isdigit()):
            return f"date part {part!r} is not a number"
        part = int(part)
    if not _is_number(part) or part != int(part):
        return f"date part {_shown(part)} is not a whole number"
    if abs(part) > _MAX_YEAR:
        return f"date part {int(part)} is out of range"
    return None


def _date_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return f"expected a date object such as {{\"date-parts\": [[1945, 7, 11]]}}, got {_shown(value)}"
    for key in ("literal", "raw", "season", "edtf"):
        if key in value and (isinstance(value[key], bool) or not isinstance(value[key], (str, int))):
            return f"'{key}' must be text"
    if "date-parts" not in value:
        return None if any(k in value for k in ("literal", "raw", "edtf")) else "expected 'date-parts', 'literal' or 'raw'"
    parts = value["date-parts"]
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        return "'date-parts' must hold one or two dates, as [[year, month, day]]"
    for date in parts:
        if not isinstance(date, list) or not 1 <= len(date) <= 3:
            return f"'date-parts' must hold lists of one to three numbers (year, month, day), got {_shown(date)}"
        for part in date:
            problem = _date_part_problem(part)
            if problem:
                return problem
    return None


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) or math.isfinite(value) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _field_problem(name: str, value: Any) -> str | None:
    if name in NAME_VARIABLES:
        return _name_problem(value)
    if name in DATE_VARIABLES:
        return _date_problem(value)
    if name == "categories":
        return None if isinstance(value, list) and all(isinstance(c, str) for c in value) else "expected a list of strings"
    if name == "custom":
        return None if isinstance(value, dict) else "expected an object"
    if name in NUMBER_VARIABLES:
        return None if isinstance(value, str) or _is_number(value) else f"expected text or a number, got {_shown(value)}"
    if isinstance(value, str):
        return None
    return f"expected text, got {_shown(value)}"


def check_item(item: Any) -> list[tuple[str, str]]:
    """The problems of one CSL-JSON item, as (field, what is wrong); empty when it is usable."""
    if not isinstance(item, dict):
        return [("", f"expected an object, got {_shown(item)}")]
    problems: list[tuple[str, str]] = []
    item_id = item.get("id")
    if item_id is None:
        problems.append(("id", "missing; every item needs an 'id'"))
    elif not (isinstance(item_id, str) and item_id.strip() or _is_number(item_id)):
        problems.append(("id", f"expected a string or number, got {_shown(item_id)}"))
    item_type = item.get("type")
    if not isinstance(item_type, str) or item_type not in CSL_TYPES:
        expected = "missing" if item_type is None else f"{_shown(item_type)} is not a CSL type"
        problems.append(("type", f"{expected} (e.g. 'book', 'chapter', 'manuscript')"))
    for name, value in item.items():
        if name in ("id", "type"):
            continue
        problem = _field_problem(name, value)
        if problem:
            problems.append((name, problem))
    return problems


def _item_label(item: Any, index: int) -> str:
    item_id = item.get("id") if isinstance(item, dict) else None
    return f"item {index}" + (f" ({item_id!r})" if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) else "")


def items_from_json(data: Any, where: str) -> LoadedItems:
    """Usable items of a parsed CSL-JSON array (a single item object is accepted too)."""
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ItemError(f"{where}: expected a CSL-JSON array of items, got {type(data).__name__}")
    loaded = LoadedItems()
    for index, item in enumerate(data, 1):
        problems = check_item(item)
        label = _item_label(item, index)
        if problems:
            for name, problem in problems:
                loaded.problems.append(ItemError(f"{where}: {label}: {name + ': ' if name else ''}{problem}; item skipped"))
            continue
        key = str(item["id"])
        if key in loaded.items:
            loaded.problems.append(ItemError(f"{where}: {label}: id {key!r} appears twice; the first is kept"))
            continue
        loaded.items[key] = item
    return loaded


def read_json(path: str | Path) -> Any:
    """Parse a JSON file, with a located error (file:line:column) for text that is not JSON."""
    from ..parsing.text import read_bytes

    try:
        data = read_bytes(path, max_bytes=MAX_JSON_BYTES, expected="a JSON file of CSL items or citations")
    except FrusCiteError as exc:
        raise ItemError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ItemError(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ItemError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except ValueError as exc:  # a number past Python's int-string limit
        raise ItemError(f"{path}: cannot read the JSON: {exc}") from None
    except RecursionError:
        raise ItemError(f"{path}: JSON nested too deeply") from None


def load_csl_json(path: str | Path) -> LoadedItems:
    """The usable items of a CSL-JSON file and a problem for each bad one."""
    return items_from_json(read_json(path), str(path))


def load_items(path: str | Path) -> LoadedItems:
    """Items of a ``.bib`` file (through pybtex) or of a CSL-JSON file."""
    if str(path).lower().endswith(".bib"):
        from .bibtex import load_bib

        return load_bib(str(path))
    return load_csl_json(path)


def check_clusters(data: Any, known_ids: set[str], where: str) -> list[dict[str, Any]]:
    """Citation clusters in citeproc-js's shape, checked; raises :class:`ItemError` naming
    the cluster and field of the first problem."""
    if not isinstance(data, list):
        raise ItemError(f"{where}: expected an array of clusters [{{\"citationItems\": […], \"properties\": {{\"noteIndex\": 1}}}}]")
    for number, cluster in enumerate(data, 1):
        at = f"{where}: cluster {number}"
        if not isinstance(cluster, dict) or not isinstance(cluster.get("citationItems"), list):
            raise ItemError(f"{at}: expected an object with a 'citationItems' list")
        properties = cluster.get("properties", {})
        if not isinstance(properties, dict):
            raise ItemError(f"{at}: 'properties' must be an object")
        index = properties.get("noteIndex", number)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < 10**9:
            raise ItemError(f"{at}: noteIndex: expected a whole note number, got {_shown(index)}")
        for position, cite in enumerate(cluster["citationItems"], 1):
            _check_cite(cite, known_ids, f"{at}, citation item {position}")
    return data


def _check_cite(cite: Any, known_ids: set[str], at: str) -> None:
    if not isinstance(cite, dict):
        raise ItemError(f"{at}: expected an object with an 'id'")
    cite_id = cite.get("id")
    if isinstance(cite_id, bool) or not isinstance(cite_id, (str, int)):
        raise ItemError(f"{at}: id: expected a string or number, got {_shown(cite_id)}")
    if str(cite_id) not in known_ids:
        raise ItemError(f"{at}: id {str(cite_id)!r} is not among the items")
    locator = cite.get("locator")
    if locator is not None and not (isinstance(locator, str) or _is_number(locator)):
        raise ItemError(f"{at}: locator: expected text or a number, got {_shown(locator)}")
    label = cite.get("label")
    if label is not None and (not isinstance(label, str) or label not in LOCATOR_LABELS):
        raise ItemError(f"{at}: label: expected a CSL locator label such as 'page' or 'section', got {_shown(label)}")
    for affix in ("prefix", "suffix"):
        if cite.get(affix) is not None and not isinstance(cite[affix], str):
            raise ItemError(f"{at}: {affix}: expected text, got {_shown(cite[affix])}")
