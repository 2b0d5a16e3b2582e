"""Memoised XPath lookups for citeproc-py.

citeproc-py answers every term, macro, option and layout question with an XPath query on
the style tree, about 60 per note; they were 40 % of a book's build time.  A parsed style
does not change once constructed, so the answers can be kept: each result is cached by the
element it was asked of (kept alive in the cache, so its identity stays valid) and the
expression.  :func:`clear` is called after a style is constructed, because construction
itself adds the locales to the tree.
"""

from __future__ import annotations

from typing import Any

from citeproc import model as citeproc_model

__all__ = ["install", "clear", "enabled"]

_CACHE: dict[tuple[int, str], tuple[Any, list[Any]]] = {}
_original = citeproc_model.CitationStylesElement.xpath_search
_LIMIT = 200_000


def _cached_xpath_search(self, expression):
    key = (id(self), expression)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is self:
        return list(hit[1])
    result = _original(self, expression)
    if len(_CACHE) >= _LIMIT:
        _CACHE.clear()
    _CACHE[key] = (self, result)
    return list(result)


def install() -> None:
    """Route citeproc-py's XPath lookups through the cache (idempotent)."""
    citeproc_model.CitationStylesElement.xpath_search = _cached_xpath_search


def clear() -> None:
    """Forget cached answers (after a style tree was built or changed)."""
    _CACHE.clear()


def enabled() -> bool:
    return citeproc_model.CitationStylesElement.xpath_search is _cached_xpath_search
