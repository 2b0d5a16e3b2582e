"""``cs:label``: printed only with its variable, plural as CSL decides."""

from __future__ import annotations

import re

from citeproc.source import VariableError


class LabelNeedsItsVariable:
    """A ``cs:label`` prints only when its variable has a value (citeproc-py printed the
    term anyway: "edition" after an article with no edition)."""

    def calls_variable(self):
        return self.get("variable") is not None

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        own = self.get("variable")
        if variable is None and own not in (None, "locator") and not item.reference.get(own.replace("-", "_")):
            raise VariableError(own)
        if kwargs.get("sort_options") is not None:  # a sort key is the names, not their "ed."
            return None
        if variable is None and plural is None and own is not None:
            plural = self._plural_value(item, own)
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)

    def _plural_value(self, item, own: str) -> bool | None:
        """Plural for a count above one ("volumes 2"; citeproc-py failed on number-of-*) or for
        several numbers, an escaped hyphen ("327\\-30") joining nothing; None: citeproc-py decides."""
        if own == "locator":
            value = item.locator.identifier if item.has_locator else None
        else:
            value = item.reference.get(own.replace("-", "_"))
        if value is None or self.get("plural", "contextual") != "contextual":
            return None
        if own.startswith("number-of"):
            number = re.match(r"\s*(\d+)", str(value))
            return bool(number) and int(number[1]) > 1
        return bool(_SEVERAL_NUMBERS.search(str(value).replace("\\-", "")))


# Two numbers, arabic or roman ("1-2", "i-ix", "3, 5"): a plural label.
_SEVERAL_NUMBERS = re.compile(r"\d[^\d.]+\d|\b[ivxlcdm]+\s*[-–&,]\s*[ivxlcdm]+\b", re.IGNORECASE)
