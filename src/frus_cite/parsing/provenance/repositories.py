"""Repositories named in FRUS provenance, by the words the notes print.

``Kennedy Library`` and ``John F. Kennedy Library`` are one repository: each
entry maps the printed words to the name used in citations.  Longer names are
tried first so that "National Archives, Nixon Presidential Materials" is not
read as "National Archives" followed by a collection.
"""

from __future__ import annotations

import re

__all__ = ["REPOSITORIES", "match_repository"]

_LIBRARIES = {
    "Hoover": "Herbert Hoover Library",
    "Roosevelt": "Franklin D. Roosevelt Library",
    "Truman": "Harry S. Truman Library",
    "Eisenhower": "Dwight D. Eisenhower Library",
    "Kennedy": "John F. Kennedy Library",
    "Johnson": "Lyndon B. Johnson Library",
    "Nixon": "Richard Nixon Library",
    "Ford": "Gerald R. Ford Library",
    "Carter": "Jimmy Carter Library",
    "Reagan": "Ronald Reagan Library",
    "Bush": "George H.W. Bush Library",
}

REPOSITORIES: dict[str, str] = {
    "National Archives, Nixon Presidential Materials": "National Archives, Nixon Presidential Materials",
    "National Archives and Records Administration": "National Archives",
    "National Archives": "National Archives",
    "Washington National Records Center": "Washington National Records Center",
    "Library of Congress, Manuscript Division": "Library of Congress, Manuscript Division",
    "Library of Congress": "Library of Congress",
    "Department of State": "Department of State",
    "Central Intelligence Agency": "Central Intelligence Agency",
    "National Defense University": "National Defense University",
    "National Security Council": "National Security Council",
    "Department of Defense": "Department of Defense",
    "Naval Historical Center": "Naval Historical Center",
    "Hoover Institution": "Hoover Institution Archives",
    "Seeley G. Mudd Manuscript Library": "Seeley G. Mudd Manuscript Library, Princeton University",
    "Princeton University, Seeley G. Mudd Library": "Seeley G. Mudd Manuscript Library, Princeton University",
}
for _short, _full in _LIBRARIES.items():
    # "Kennedy Library", "John F. Kennedy Library", "Kennedy Presidential Library" …
    REPOSITORIES[_full] = _full
    REPOSITORIES[f"{_short} Library"] = _full
    REPOSITORIES[f"{_short} Presidential Library"] = _full
    REPOSITORIES[_full.replace(" Library", " Presidential Library")] = _full

_ORDERED = sorted(REPOSITORIES, key=len, reverse=True)
# Any other "… Library", "… Archives", "… University" named first is a repository too.
_GENERIC = re.compile(
    r"[A-Z][\w.’'-]*(?: (?:of|and|the|[A-Z][\w.’'-]*))*? (?:Library|Archives|University|Institution|Center|Agency)\b"
)


def match_repository(text: str) -> tuple[str, str, int] | None:
    """(usual name, words as printed, length) of the repository *text* starts with."""
    for printed in _ORDERED:
        if text.startswith(printed) and (len(text) == len(printed) or not text[len(printed)].isalnum()):
            return REPOSITORIES[printed], printed, len(printed)
    first = text.split(",", 1)[0]
    generic = _GENERIC.fullmatch(first)
    if generic:
        return first, first, len(first)
    return None
