"""``cs:if`` / ``cs:else-if`` tests citeproc-py gets wrong or lacks (position, disambiguate, is-numeric)."""

from __future__ import annotations

import re

from citeproc import model

from .base import DISAMBIGUATE_KEY, NEAR_NOTE_KEY, POSITION_KEY


_NUMBER_WITH_AFFIXES = r"[^\W\d_]*\d+[^\W\d_]*"
_NUMERIC = re.compile(rf"\s*{_NUMBER_WITH_AFFIXES}(?:\s*(?:[-–,&]|and)\s*{_NUMBER_WITH_AFFIXES})*\s*")


def is_numeric(value: str) -> bool:
    """CSL's ``is-numeric``: numbers, each with optional letters around it ("2nd", "A1"), alone
    or as a range or list ("926-928", "2, 4 & 5"); citeproc-py accepted one number only, and
    never looked at the locator."""
    return _NUMERIC.fullmatch(value) is not None


DISAMBIGUATE_SEEN = "frus_disambiguate_seen"
"""Set on a cite to how many ``disambiguate="true"`` tests it met (read by the renderer)."""


class PositionFromEngine:
    """``position`` tests answered from the position the note engine gave the cite, and the
    ``disambiguate`` test, which citeproc-py skipped (an ``<if disambiguate="true">`` branch
    was always taken): true when the note engine found the cite ambiguous."""

    def _is_numeric(self, item):
        results = []
        for variable in self.get("is-numeric").split():
            if variable == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = item.reference.get(variable.replace("-", "_"))
            results.append(value is not None and is_numeric(str(value)))
        return results

    def render(self, item, context=None, delimiter="", **kwargs):
        tests = [
            (self._type, "type"), (self._variable, "variable"), (self._is_numeric, "is-numeric"),
            (self._is_uncertain_date, "is-uncertain-date"), (self._locator, "locator"),
        ]
        results = [result for test, attribute in tests if attribute in self.attrib for result in test(item)]
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            results.append(self._disambiguate(item, kwargs) == (self.get("disambiguate") == "true"))
        match = self.get("match", "all")
        passed = any(results) if match == "any" else not any(results) if match == "none" else all(results)
        if not passed:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _disambiguate(self, item, kwargs) -> bool:
        """True for the first *n* ``disambiguate="true"`` tests the cite meets, *n* as the note
        engine decided (:class:`..disambiguation.Disambiguation`)."""
        wanted = item.get(DISAMBIGUATE_KEY) or 0
        if self.get("disambiguate") != "true" or kwargs.get("sort_options") is not None:
            return wanted > 0
        seen = item.get(DISAMBIGUATE_SEEN, 0) + 1
        item[DISAMBIGUATE_SEEN] = seen
        return seen <= wanted

    def _position(self, item, context):
        decided = item.get(POSITION_KEY)
        if decided is None:  # a cite not placed by the note engine: citeproc-py's own guess
            return super()._position(item, context)
        if (context if context is not None else self).xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        tests = {
            "first": decided == "first",
            "subsequent": decided != "first",
            "ibid": decided in ("ibid", "ibid-with-locator"),
            "ibid-with-locator": decided == "ibid-with-locator",
            "near-note": bool(item.get(NEAR_NOTE_KEY)),
        }
        return [tests.get(wanted, False) for wanted in self.get("position").split()]
