"""CSL variables written in an item's ``note`` field, as Zotero users write them.

Zotero has no field for many CSL variables (an original date, a container title's short
form), so its users put them in "Extra", exported as the CSL-JSON ``note``, one per line:
``original-date: 1848`` or ``container-title-short: Am. L.J.``.  citeproc-js reads such a
line as the variable (when the item has no value of its own) and leaves it out of the note;
so does frus-cite.  Dates are read as ISO dates (``2004-10-01/2004-10-14`` is a range),
names as ``Family || Given``.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from citeproc import VARIABLES

from .csl_input import DATE_VARIABLES, NAME_VARIABLES

__all__ = ["note_variables"]

_NAME = re.compile(r"[a-z][a-z-]*")
_KNOWN = frozenset(v.replace("_", "-") for v in VARIABLES) | DATE_VARIABLES | NAME_VARIABLES
_NOT_FROM_NOTE = frozenset(("id", "type", "note", "citation-number", "locator", "first-reference-note-number", "year-suffix"))
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def note_variables(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """*item* with the variables of its note's ``name: value`` lines (those it lacks) set,
    and those lines taken out of the note; *item* itself when its note has none."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    found: dict[str, Any] = {}
    kept: list[str] = []
    for line in note.split("\n"):
        name, value = _name_and_value(line)
        if name in _KNOWN and name not in _NOT_FROM_NOTE and name not in item and value:
            _add(found, name, value)
        else:
            kept.append(line)
    if not found:
        return item
    result = {**item, **found}
    rest = "\n".join(kept).strip()
    if rest:
        result["note"] = rest
    else:
        result.pop("note")
    return result


def _name_and_value(line: str) -> tuple[str | None, str]:
    """``name: value`` (or citeproc-js's ``{:name: value}``) split; (None, "") for other text."""
    text = line.strip()
    if text.startswith("{:") and text.endswith("}"):
        text = text[2:-1]
    name, colon, value = text.partition(":")
    name = name.strip()
    if not colon or not _NAME.fullmatch(name):
        return None, ""
    return name, value.strip()


def _add(found: dict[str, Any], name: str, text: str) -> None:
    if name in NAME_VARIABLES:
        family, _, given = text.partition("||")
        person = {"family": family.strip(), "given": given.strip()} if given else {"literal": text}
        found.setdefault(name, []).append(person)
    elif name in DATE_VARIABLES:
        found.setdefault(name, _date(text))
    else:
        found.setdefault(name, text)


def _date(text: str) -> dict[str, Any]:
    """An ISO date or range (``1999``, ``2004-10-01/2004-10-14``); anything else as written."""
    ends = text.split("/")
    parts = []
    for end in ends[:2]:
        match = _ISO_DATE.fullmatch(end.strip())
        if not match:
            return {"raw": text}
        parts.append([int(p) for p in match.groups() if p])
    return {"date-parts": parts}
