"""An item the style prints nothing for still has its place, as citeproc-js gives it one."""

from __future__ import annotations

from citeproc.string import String

__all__ = ["NO_PRINTED_FORM", "EveryEntryPrinted"]

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"
"""What citeproc-js prints for a cite or an entry the style renders as nothing."""


class EveryEntryPrinted:
    """A bibliography layout: an entry that renders as nothing is :data:`NO_PRINTED_FORM`, which
    :mod:`..bibliography` leaves out (citeproc-py dropped the entry from its list, and every
    entry after it was paired with the wrong item)."""

    def render_children(self, item, delimiter="", **kwargs):
        text = super().render_children(item, delimiter=delimiter, **kwargs)
        if text is None and self.getparent().tag.rpartition("}")[2] == "bibliography":
            return String(NO_PRINTED_FORM)
        return text
