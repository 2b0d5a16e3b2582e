"""Placeholder nodes, filled in by the post-transform once every note's position is known."""

from __future__ import annotations

from docutils import nodes

__all__ = ["frus_note", "frus_bibliography"]


class frus_note(nodes.Inline, nodes.Element):
    """The text of one citation footnote, to be rendered.

    Attributes: ``note_id`` (unique), ``cites`` (list of dicts: key, locator,
    label, prefix, suffix).
    """


class frus_bibliography(nodes.General, nodes.Element):
    """Where a ``frus:bibliography`` directive stands; ``node_id`` names its record."""


def visit_skip(self, node) -> None:
    # Placeholders are always replaced before writing; an unresolved one prints nothing.
    raise nodes.SkipNode
