"""An item the style prints nothing for still has its place in the bibliography, flagged."""

from __future__ import annotations

from citeproc.string import String

__all__ = ["NO_PRINTED_FORM", "NOTHING_PRINTED_KEY", "EveryEntryPrinted"]

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"
"""What citeproc-js prints for a cite or an entry the style renders as nothing.  frus-cite never
prints it (the item is reported instead); the CSL-suite harness writes it where citeproc-js does."""

NOTHING_PRINTED_KEY = "frus_nothing_printed"
"""Set on a bibliography's citation item when its layout rendered nothing."""


class EveryEntryPrinted:
    """A bibliography layout: an entry that renders as nothing is flagged on its item
    (:data:`NOTHING_PRINTED_KEY`), and :mod:`..bibliography` leaves it out.  It still gets a
    (blank) place in citeproc-py's list, which drops a ``None`` entry and so paired every entry
    after it with the wrong item."""

    def render_children(self, item, delimiter="", **kwargs):
        text = super().render_children(item, delimiter=delimiter, **kwargs)
        if text is None and self.getparent().tag.rpartition("}")[2] == "bibliography":
            item[NOTHING_PRINTED_KEY] = True
            return String("")
        return text
