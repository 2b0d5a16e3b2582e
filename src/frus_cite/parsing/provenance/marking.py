"""Read a classification and handling marking: ``Secret; Nodis``, ``Confidential; Priority``.

Grammar::

    marking := "No classification marking"
             | term ((";" | ",") term)*
    term    := level | handling                 ; "Top Secret", "Eyes Only", "Niact"
"""

from __future__ import annotations

import re

__all__ = ["LEVELS", "HANDLING", "read_marking", "is_term", "Marking"]

LEVELS = ("top secret", "secret", "confidential", "restricted", "unclassified", "limited official use",
          "official use only", "for official use only")
HANDLING = (
    "nodis", "exdis", "limdis", "noforn", "sensitive", "eyes only", "exclusively eyes only", "literally eyes only",
    "priority", "immediate", "niact", "flash", "operational immediate", "routine", "urgent", "personal", "private",
    "personal and confidential", "personal and private", "strictly confidential", "most immediate",
    "triple priority", "plain", "roger channel", "codeword", "umbra", "eyes only for the president",
    "limit distribution", "limited distribution", "no distribution", "special handling", "presidential handling",
    "not for foreign dissemination", "noforn", "cherokee", "exclusive distribution", "sensitive handling",
    "us urgent",  # the 1940s precedence ("SECRET US URGENT")
)
_TERMS = frozenset(LEVELS + HANDLING)
_NONE = re.compile(r"No classification marking", re.IGNORECASE)

Marking = tuple[str | None, tuple[str, ...]]
"""(classification level or ``None``, handling words), all lower case."""


def is_term(term: str) -> bool:
    """True for a known level or handling term in lower case with single spaces."""
    return term in _TERMS


def _term(words: str) -> str | None:
    """A marking term in lower case, or ``None``; "Handle via Byeman channels" counts too."""
    term = " ".join(words.lower().split())
    if term in _TERMS or re.fullmatch(r"handle via [\w/ -]{1,40} channels?(?: only)?", term):
        return term
    return None


def _caveat(piece: str) -> bool:
    """A short capitalised handling caveat the lists do not name ("Eyes Only for Dulles")."""
    words = piece.split()
    return 0 < len(words) <= 6 and words[0][0].isupper() and not re.search(r"\b(?:by|was|is|were|has|had)\b", piece)


def read_marking(sentence: str) -> Marking | None:
    """The marking a sentence states, or ``None`` when the sentence is not a marking.

    ``No classification marking`` gives ``(None, ())``; every other term must be
    a known level or handling word — or, after a level, a short capitalised caveat —
    so prose is never taken for a marking.
    """
    text = sentence.strip().rstrip(".").strip()
    if not text or len(text) > 160:
        return None
    if _NONE.fullmatch(text):
        return None, ()
    level: str | None = None
    handling: list[str] = []
    for piece in re.split(r"[;,]|\band\b(?! (?:confidential|private)\b)", text):
        if not piece.strip():
            continue
        term = _term(piece)
        if term is None and level is not None and _caveat(piece):
            term = " ".join(piece.lower().split())  # "Secret; Eyes Only for Dulles": a caveat after the level
        if term is None:
            return None
        if term in LEVELS and level is None:
            level = term
        else:
            handling.append(term)
    return level, tuple(handling)
