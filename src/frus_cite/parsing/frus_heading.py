"""The heading of a FRUS document: who wrote to whom, and what kind of document it is.

Forms (every era)::

    heading := [number ". "] parties                  ; The Ambassador … (Harriman) to the Secretary of State
             | [number ". "] kind [qualifier] ["From"] parties
                                                      ; 58. Telegram From the Secretary of State to …
             | kind "Between" party "and" party ["," place "," date]
                                                      ; 72. Memorandum of a Conversation Between …
             | "Mr." name "to" "Mr." name "."         ; Mr. Frelinghuysen to Mr. Trescot.
    parties := party ("," party)* ["and" party] "to" party …
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Party
from .dates import DATE_PATTERN

__all__ = ["parse_party", "parse_heading", "is_heading", "is_letter_heading", "split_number", "kind_of"]

_TITLE_PREFIX = re.compile(
    r"(?P<role>(?:[A-Z][\w’'-]*\s+)*(?:President|Prime Minister|Generalissimo|Premier|Marshal|Chairman|"
    r"General|Admiral|Ambassador|Minister|Commissar|Secretary-General|Secretary(?: of (?:State|Defense|War|the Navy|the Treasury))?|"
    r"King|Queen|Emperor|Chancellor|Senator|Governor|Madame|Madam|Mr\.|Mrs\.|Miss|Dr\.|Sir|Count|Baron|Marquis|"
    r"Prince|Viscount|Lord|Señor|Senhor|Monsieur|M\.|Herr|Chevalier))\s+"
    r"(?P<name>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)$"
)
_NEW_PARTY = re.compile(
    r"(?:the|The|His|Her)\s|(?:President|Prime Minister|Generalissimo|Premier|Marshal|Chairman|General|Admiral|Ambassador|"
    r"Secretary|King|Queen|Emperor|Chancellor|Senator|Governor|Madame|Mr\.|Mrs\.|Dr\.|Sir|Count|Baron|Señor|Soviet|British|"
    r"French|Chinese)\b"
)
# Longest first: "Memorandum of Conversation" before "Memorandum".
KINDS = (
    "Memorandum of Telephone Conversation", "Memorandum of a Telephone Conversation", "Memorandum of Conversation",
    "Memorandum of a Conversation", "Memorandum for the Record", "Memorandum for the File", "Action Memorandum",
    "Information Memorandum", "Briefing Memorandum", "Intelligence Memorandum", "Intelligence Information Cable",
    "Intelligence Report", "Intelligence Note", "Special National Intelligence Estimate", "National Intelligence Estimate",
    "Transcript of Telephone Conversation", "Transcript of a Telephone Conversation", "Notes of Telephone Conversation",
    "Notes of a Telephone Conversation", "Notes of a Conversation", "Notes of a Meeting", "Notes of Meeting",
    "Secretary’s Notes of a Conversation", "Secretary's Notes of a Conversation", "Minutes of a Meeting",
    "Minutes of Meeting", "Summary of Conversation", "Summary of a Conversation", "Record of Conversation",
    "Record of a Conversation", "Record of Meeting", "Record of a Meeting", "Memorandum of Discussion",
    "Memorandum of a Meeting", "Memorandum of Meeting", "Memorandum for the Files", "Summary of Discussion",
    "Memorandum",
    "Minutes", "Record", "Notes", "Letter", "Note", "Aide-Mémoire", "Backchannel Message", "Special Message",
    "Message", "Report", "Statement", "Draft", "Paper", "Editorial Note", "Telegram", "Airgram", "Despatch",
    "Dispatch", "Instruction", "Circular Telegram", "Circular Airgram", "Transcript", "Summary", "Conversation",
    "Study", "Briefing Paper", "Position Paper", "Talking Points", "Press Briefing",
    # public statements printed in the 1969– volumes
    "Radio and Television Address", "Address", "Remarks", "Speech", "News Conference", "Interview",
)
_KIND = re.compile(
    r"(?P<kind>" + "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True)) + r")\b(?P<rest>.*)$", re.DOTALL
)
_NUMBER_PREFIX = re.compile(r"(?:No\.\s*)?(?P<number>\d{1,5})(?:\.\s*|\s+)(?=[A-Z])")  # "80.Memorandum" too
_LINK = re.compile(r"\s(?:From|from|Between|between|by|By|to|To|Prepared|prepared|for|For|of|Of|on|On|at|At|With|with|Held|held|Sent|in|In)\b")


def split_number(heading: str) -> tuple[int | None, str]:
    """(printed number, rest) of "58. Telegram From …" or "No. 531 The …"; (None, heading) otherwise."""
    match = _NUMBER_PREFIX.match(heading)
    if match and (heading.startswith("No.") or heading[match.end() - 2 : match.end() - 1] == "." or "." in match.group(0)):
        return int(match["number"]), heading[match.end() :]
    return None, heading


def kind_of(heading: str) -> str | None:
    """The document type a heading starts with, lower case ("memorandum of conversation")."""
    match = _KIND.match(heading)
    if not match:
        return None
    kind = match["kind"].lower().replace("’", "'").replace(" of a ", " of ")
    return kind.replace("secretary's ", "")


def is_heading(line: str, *, after_number: bool = False) -> bool:
    """True when *line* reads as a document heading (a final period only after a "No. N." line)."""
    if not line or len(line) > 400 or line.startswith(("[", "(", "*", "#", '"', "“")):
        return False
    number, body = split_number(line)
    body = re.sub(r"\s?\d{1,3}[a-z]?$", "", body) if re.search(r"[A-Za-z)\].’'”]\s?\d{1,3}[a-z]?$", body) else body
    if re.search(r"[!?:]$", body) or (body.endswith(".") and not after_number and not _ends_with_date(body)):
        if not is_letter_heading(body):
            return False
    if number is not None and re.match(r"[A-Z][\w’'-]*\s+[A-Z]", body):
        return True  # "47. White House Background Press Briefing by …": a printed number makes a heading
    return bool(_KIND.match(body) or re.search(r"\sto\s(?:the\s|his\s|His\s)?[A-Z]", body) or is_letter_heading(body))


_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w’'.-]*|of|the|in|at|de|du|del|von|van|y|and|His|Her|same")
# No leading white space in the pattern: a search would try every space of a long run.
EDITORIAL_TAIL = re.compile(r"[\[(][A-Z][^\[\]()]{0,40}[\])]\.?$")


def without_editorial_tail(text: str) -> str:
    """"Mr. Hay to Mr. Conger. [Telegram.]" → "Mr. Hay to Mr. Conger."."""
    tail = EDITORIAL_TAIL.search(text)
    return text[: tail.start()].rstrip() if tail else text


def is_letter_heading(text: str) -> bool:
    """"Mr. Denby to Mr. Gresham.", "Count Cassini to Mr. Hay.", "Same to same.": a 19th-century
    heading, full stop kept (an editorial "[Telegram.]" may follow it)."""
    text = without_editorial_tail(text)
    if not text.endswith(".") or " to " not in text:
        return False
    sender, _, recipient = text[:-1].partition(" to ")
    sides = (sender.split(), recipient.split())
    return all(0 < len(words) <= 10 and all(_NAME_WORD.fullmatch(w) for w in words) for words in sides)


def _ends_with_date(text: str) -> bool:
    return bool(re.search(r"(?:\d{4}|\d [ap]\.\s?m|noon|midnight)\.$", text))


def parse_party(text: str) -> Party:
    """"The Ambassador in the Soviet Union (Harriman)" → role + name."""
    phrase = text.strip().strip(",")
    stationed = re.fullmatch(r"(?P<party>.+?),\s+(?P<where>(?:at|in)\s+[A-Z][^,()]*)", phrase)
    if stationed:  # the post belongs to the office: "Ambassador …, at Geneva" → role "Ambassador at Geneva"
        found = parse_party(stationed["party"])
        role = f"{found.role} {stationed['where']}" if found.role else stationed["where"]
        return Party(name=found.name, role=role, text=phrase)
    bare = re.sub(r"^(?:the|The|His|Her)\s+", "", phrase)
    match = _NAMED_ROLE.fullmatch(bare)
    if match:
        return Party(name=match["name"].strip(), role=match["role"].strip(), text=phrase)
    honorific = re.match(r"(?:Mr\.|Mrs\.|Miss|Dr\.|Sir)\s+(?P<rest>(?:(?:von|van|de|du|del|da|di|le|la)\s+)?[A-Z].*)$", bare)
    if honorific:
        # "Mr. Max W. Bishop of the Division of Far Eastern Affairs": a name, then an office.
        of = re.match(r"(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<office>.+)$", honorific["rest"])
        if of:
            return Party(name=of["name"], role=of["office"], text=phrase)
        return Party(name=honorific["rest"], role=None, text=phrase)
    match = _TITLE_PREFIX.match(bare)
    if match:
        return Party(name=match["name"].strip(), role=match["role"], text=phrase)
    of = re.fullmatch(r"(?P<name>[A-Z][\w’'-]*\.?(?:\s[A-Z][\w’'-]*\.?){1,3})\s+of\s+(?:the\s+)?(?P<office>[A-Z].+)", bare)
    if of and not _INSTITUTION_WORDS.search(of["name"]):
        return Party(name=of["name"], role=of["office"], text=phrase)  # "Harold H. Saunders of the NSC Staff"
    named = re.fullmatch(r"(?P<name>[A-Z][\w’'-]*\.?(?:\s[A-Z][\w’'-]*\.?){1,3}),\s+(?P<role>[A-Za-z].+)", bare)
    if named and not _INSTITUTION_WORDS.search(named["name"]):
        return Party(name=named["name"], role=named["role"], text=phrase)  # "John Foster Dulles, Consultant to …"
    if re.fullmatch(r"[A-Z][\w’'-]*\.?(?:\s[A-Z][\w’'-]*\.?){1,3}", bare) and not _INSTITUTION_WORDS.search(bare):
        return Party(name=bare, role=None, text=phrase)  # "Eric A. Johnston", "John Foster Dulles"
    return Party(name=None, role=bare, text=phrase)


# "The Ambassador in France (Herrick)"; a telephone call's heading adds where each party
# was: "the Assistant Secretary … (Rubottom) in Caracas".
_NAMED_ROLE = re.compile(r"(?P<role>.+?)\s*\((?P<name>[^()]+)\)(?: (?:in|at) [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})?")
_INSTITUTION_WORDS = re.compile(
    r"\b(?:Department|Embassy|Legation|Mission|Office|Government|Congress|Council|Staff|Chiefs|Consulate|Delegation|"
    r"Committee|House|Secretary|President|Ambassador|Minister|Agency|Bureau|Division|Commission)\b"
)
_PARTY_SEPARATOR = re.compile(r",\s+and\s+|\s+and\s+|,\s+")


@lru_cache(maxsize=8)
def _with_parens(separator: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"[()]|" + separator.pattern)


def _split_outside_parens(text: str, separator: re.Pattern[str]) -> list[str]:
    parts, depth, start = [], 0, 0
    for match in _with_parens(separator).finditer(text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _parties(text: str) -> tuple[Party, ...]:
    """Split "X, Y and Z" into parties; an "and" inside an office ("East Asian and
    Pacific Affairs") or a name's office after a comma ("Dulles, Consultant to …")
    does not start a new party."""
    pieces = _split_outside_parens(text, _PARTY_SEPARATOR)
    merged: list[str] = []
    for piece in pieces:
        if merged and piece.startswith(("at ", "in ")):  # "Ambassador U. Alexis Johnson, at Geneva": where, not who
            merged[-1] = f"{merged[-1]}, {piece}"
        elif merged and not merged[-1].endswith(")") and not _NEW_PARTY.match(piece) and not _TITLE_PREFIX.match(merged[-1]):
            separator = " and " if f"{merged[-1]} and {piece}" in text else ", "
            merged[-1] = f"{merged[-1]}{separator}{piece}"
        else:
            merged.append(piece)
    return tuple(parse_party(p) for p in merged)


def _without_place_and_date(text: str) -> str:
    """"Eric A. Johnston, Department of State, Washington, April 11, 1959" → "Eric A. Johnston"."""
    date = DATE_PATTERN.search(text)
    if date is None:
        return text
    parts = _split_outside_parens(text[: date.start()], re.compile(r",\s+"))
    while len(parts) > 1 and re.fullmatch(r"(?:[A-Z][\w.’'-]*|of|the|and)(?:\s(?:[A-Z][\w.’'-]*|of|the))*", parts[-1]) and not _NEW_PARTY.match(parts[-1]):
        parts.pop()
    return ", ".join(parts) if parts else text


_RECIPIENT_START = re.compile(  # (?<!\s): from a run of spaces' start only, not from each space (#16)
    r"(?<!\s)\s+to\s+(?=(?:the\s+)?(?:Department|Secretary|Acting|Under|Deputy|Assistant|President|Embassy|Legation|Mission|"
    r"Consulate|Delegation|White House|Ambassador|Minister|Prime|Chairman|Director|Commander|Chief|Special|Executive|"
    r"Counselor|Chargé|Office|Posts?|All|Certain|Vice|Attorney|General|Admiral|Senator|Governor|Mr\.|Mrs\.|Dr\.|King|Queen))"
)


def _last_recipient_to(body: str) -> re.Match[str] | None:
    """The last " to " that starts a recipient: "the Mission to the United Nations to the
    Department of State" is sent to the Department, not to the United Nations."""
    found = None
    for found in _RECIPIENT_START.finditer(body):
        pass
    return found


def _split_to(body: str) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """"X (Name) to Y": split at " to " after a closing parenthesis when there is one."""
    split = (
        re.search(r"\)\s+to\s+", body)
        or re.search(r",\s+to\s+", body)  # "Dulles, Consultant to the Secretary of State, to …"
        or _last_recipient_to(body)
        or re.search(r"\s+to\s+(?=(?:the\s|his\s|His\s|same\b|[A-Z]))", body)
    )
    if split is None:
        return _parties(body), ()
    who = body[: split.start() + (1 if body[split.start()] == ")" else 0)]
    return _parties(who), _parties(body[split.end() :])


_UNLISTED_KIND = re.compile(
    r"(?P<kind>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,5})(?P<rest>\s(?:by|By|From|Between|Among)\s.+)$", re.DOTALL
)


def parse_heading(heading: str, *, numbered: bool = False) -> tuple[str | None, tuple[Party, ...], tuple[Party, ...]]:
    """Split a heading (number already removed) into (document type, authors, recipients).

    *numbered*: the heading carried a printed number, so a type the list does not
    know ("White House Background Press Briefing by …") is read from the words
    before "by", "From" or "Between".
    """
    body = without_editorial_tail(heading.strip()) if is_letter_heading(heading.strip()) else heading.strip()
    body = body[:-1] if is_letter_heading(heading.strip()) else body
    match = _KIND.match(body)
    if not match and numbered and not re.match(r"(?:The|Mr|Mrs|Sir)\b", body):
        match = _UNLISTED_KIND.match(body)
        if match is None and " to " not in body and len(body.split()) <= 8:
            return body.lower(), (), ()  # "National Security Council Report"
    if not match:
        return (None, *_split_to(_without_place_and_date(body)))
    kind = kind_of(body) or match["kind"].lower()
    rest = match["rest"].strip().lstrip(",").strip()
    link = re.match(
        r"(?:\w+\s)?(?P<link>From|from|Between|between|Among|among|[Pp]repared (?:by|for|in)|[Bb]y|[Tt]o)\s+(?P<who>.+)$",
        rest,
        re.DOTALL,
    )
    if link is None:
        return kind, (), ()
    word, who = link["link"].lower(), _without_place_and_date(link["who"])
    if word == "among":
        return kind, _parties(who), ()  # "Conversation Among President Nixon, …": all take part, none receives
    if word == "between":
        pair = _split_outside_parens(who, re.compile(r"\s+and\s+"))
        if len(pair) >= 2:
            return kind, _parties(" and ".join(pair[:-1])), _parties(pair[-1])
        return kind, _parties(who), ()
    if word in ("to",):
        return kind, (), _parties(who)
    if word.startswith("prepared") and not word.endswith("by"):
        return kind, (), ()
    if word == "by":
        # "Address by President Carter Before a Joint Session of Congress": the audience, or the
        # venue of a speech ("Remarks by … at the Pilgrims Society Dinner"), is not a party.
        who = (_VENUE if kind in _PUBLIC_STATEMENTS else _AUDIENCE).split(who, maxsplit=1)[0]
    return (kind, *_split_to(who))


_PUBLIC_STATEMENTS = frozenset({"address", "radio and television address", "remarks", "speech", "news conference", "interview"})
_AUDIENCE = re.compile(r"\s[Bb]efore\s(?=(?:the|a|an|[A-Z])\b)")
_VENUE = re.compile(r"\s(?:[Bb]efore|at)\s(?=(?:the|a|an|[A-Z])\b)")
