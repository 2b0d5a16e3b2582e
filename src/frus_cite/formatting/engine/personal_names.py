"""One personal name read as CSL processors read it: particles, suffix, script, initials."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from ..richtext import placeholders

# Letters of scripts written with spaces between given and family names (Latin, Greek,
# Cyrillic, Hebrew, Arabic, Thai …); a name in none of them (Chinese, Japanese, Korean) is
# written family first with no space.  The Hebrew letter vav (U+05D5), a prefix "and", is left out.
_ROMANESQUE = ("a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
               "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e")
_HAS_ROMANESQUE = re.compile(f"[-0-9{_ROMANESQUE}]")
_STARTS_ROMANESQUE = re.compile(f"[&{_ROMANESQUE}]")
_JOINING = ("'", "\u02bc", "\u2019", "-")
_LEADING_PARTICLE = re.compile(r"([^ ]+(?:[-\u02bb\u2019' ]) *)(.+)", re.S)


def starts_romanesque(text: str) -> bool:
    return bool(_STARTS_ROMANESQUE.match(text))


def joins_without_space(particle: str | None) -> bool:
    """A particle ending in an apostrophe or hyphen joins the next word: "d’Aubignac", "al-One"."""
    return bool(particle) and (particle.endswith(_JOINING) or particle.endswith(" "))


@dataclass(frozen=True)
class PersonName:
    family: str = ""
    given: str = ""
    dropping: str = ""
    non_dropping: str = ""
    suffix: str = ""
    comma_suffix: bool = False
    literal: str | None = None
    script_is_romanesque: bool = True
    family_first: bool = False  # a mixed-script name, or ``static-ordering``


def person_name(raw: Mapping[str, Any]) -> PersonName:
    """A CSL-JSON name as CSL processors read it.  Without explicit particles, lower-case words
    are particles: at the front of the family name ("van der Vlist", "d'Aubignac", "al-One":
    non-dropping) and at the end of the given name ("Alexander von": dropping); a given name
    "John, Jr." carries a suffix (",!" marks a comma before it).  A family name in double
    quotes, or ``parse-names: false``, is taken as it is."""
    if raw.get("literal"):
        return PersonName(literal=str(raw["literal"]))
    fields = {key: str(raw.get(key) or "") for key in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")}
    comma_suffix = bool(raw.get("comma-suffix"))
    parse = str(raw.get("parse-names", "true")).lower() not in ("false", "0")
    family = fields["family"]
    if len(family) > 1 and family.startswith('"') and family.endswith('"'):
        fields["family"], parse = family[1:-1], False
    if parse and fields["family"] and fields["given"] and not fields["non-dropping-particle"] and not raw.get("static-particles"):
        fields["non-dropping-particle"], fields["family"] = _leading_particles(fields["family"])
        if not fields["suffix"]:
            fields["given"], fields["suffix"], comma_suffix = _given_suffix(fields["given"], comma_suffix)
        dropping, fields["given"] = _trailing_particles(fields["given"])
        fields["dropping-particle"] = fields["dropping-particle"] or dropping
    bare_family = fields["family"].replace('"', "")
    romanesque = bool(_HAS_ROMANESQUE.search(bare_family)) or not bare_family
    mixed = not romanesque and bool(_STARTS_ROMANESQUE.match(fields["given"]))
    return PersonName(
        family=fields["family"], given=fields["given"], dropping=fields["dropping-particle"],
        non_dropping=fields["non-dropping-particle"], suffix=fields["suffix"], comma_suffix=comma_suffix,
        script_is_romanesque=romanesque or mixed, family_first=mixed or bool(raw.get("static-ordering")),
    )


def _is_particle(word: str) -> bool:
    first = word.lstrip("-'\u02bb\u2019 ")[:1]
    return bool(first) and first.upper() != first


def _leading_particles(family: str) -> tuple[str, str]:
    particles = ""
    match = _LEADING_PARTICLE.fullmatch(family)
    while match and _is_particle(match[1]):
        particles += match[1]
        family = match[2]
        match = _LEADING_PARTICLE.fullmatch(family)
    kept_space = particles.endswith(" ") and particles.rstrip().endswith(("'", "\u2019"))
    return particles.strip() + (" " if kept_space else ""), family


def _trailing_particles(given: str) -> tuple[str, str]:
    words: list[str] = []
    while True:
        head, _, last = given.rpartition(" ")
        head = head.rstrip(" ")
        if not (head and last and _is_particle(last)):
            return " ".join(words), given
        words.insert(0, last)
        given = head


def _given_suffix(given: str, comma_suffix: bool) -> tuple[str, str, bool]:
    """"John, Jr." → ("John", "Jr."); "John,! Jr." also asks for the comma before the suffix."""
    comma = given.find(",")
    if comma < 0:
        return given, "", comma_suffix
    bang = given.startswith(",!", comma)
    suffix = given[comma + (2 if bang else 1):].strip()
    if suffix.replace(".", "") == "et al":
        return given, "", comma_suffix
    return given[:comma].rstrip(), suffix, comma_suffix or bang


# -- initials ---------------------------------------------------------------------------------


_GIVEN_TOKEN = re.compile(r"([^\s.]+)(\.?)")
_MARKUP = "".join("".join(placeholders(kind)) for kind in ("i", "b", "sup", "sub", "sc", "nocase"))


def initialize_given(given: str, mark: str, *, initialize: bool = True, hyphen: bool = True) -> str:
    """A given name with ``initialize-with`` *mark*, as CSL and citeproc-js write it.

    A word followed by a period ("Ph.", "ME.") or a single capital is already an initial:
    it is kept, with *mark* after it.  A full name becomes its initial (each part of a
    hyphenated one: J.-L.; a lower-case part is dropped: Guo-ping, G.), or with
    ``initialize="false"`` stays whole.  Lower-case words (particles: "de") stay as they are."""
    pieces: list[str] = []

    def whole(word: str) -> None:  # a word kept whole stands apart from what comes before
        if pieces and not pieces[-1].endswith(" "):
            pieces[-1] += " "
        pieces.append(word + " ")

    bare_mark, mark_space = mark.rstrip(), mark[len(mark.rstrip()):]
    for word, period in _GIVEN_TOKEN.findall(given):
        lead, core, trail = _markup_around(word)
        if not core or not core[0].isupper():
            whole(word)
        elif period or (len(core) == 1):
            pieces.append(lead + core + bare_mark + trail + mark_space)
        elif not initialize:
            whole(word)
        else:  # each capitalised part of a hyphenated name, inside its own markup: <b>J.</b>-Q.
            parts = [_markup_around(p) for p in word.split("-")]
            initials = [lead + _initial(core) + bare_mark + trail for lead, core, trail in parts if core and core[0].isupper()]
            pieces.append(("-" if hyphen else "").join(initials) + mark_space)
    return "".join(pieces).strip()


def _markup_around(word: str) -> tuple[str, str, str]:
    """A word's rich-text placeholders before and after it (see :mod:`..richtext`), and the word."""
    core = word.lstrip(_MARKUP)
    lead = word[: len(word) - len(core)]
    bare = core.rstrip(_MARKUP)
    return lead, bare, core[len(bare):]


def _initial(word: str) -> str:
    """A word's initial: its first letter, or a run of capitals before lower case ("TSerendorjiin": Ts)."""
    run = re.match(r"[A-Z]{2,}(?=[a-z])", word)
    return word[0] + run.group()[1:].lower() if run else word[0]
