"""Correspondents' full names from the Office of the Historian's data (POCOM and FRUS persons).

:func:`resolve_party` names the person a FRUS heading means by role and surname on the
document's date; :class:`ResolvedName` says which record decided.  The data is read on first use.
"""

from .data import DataError, ListEntry, Person, PersonsData, Tenure, load_persons_data
from .resolver import ResolvedName, resolve_parties, resolve_party

__all__ = [
    "DataError",
    "ListEntry",
    "Person",
    "PersonsData",
    "ResolvedName",
    "Tenure",
    "load_persons_data",
    "resolve_parties",
    "resolve_party",
]
