"""The note sequence engine: footnotes in the right form, on top of citeproc-py.

Citations arrive as clusters with a note number, each holding one or more
cites (id, locator and label, prefix, suffix).  The engine decides each
cite's CSL position itself, knowing note numbers:

* ``first`` — the item was not cited before (in the current scope; call
  :meth:`NoteEngine.reset` at a chapter boundary to start again);
* ``ibid`` — the same item as the only cite of the immediately preceding note
  (or the cite just before it in the same note), with the same locator;
* ``ibid-with-locator`` — the same, with a different locator;
* ``subsequent`` — anything else: an ordinary footnote in between (a gap in
  note numbers), a multi-cite note before, or a missing locator after one.

With ``ibid=False`` the two ibid positions render as short notes instead
(CMOS 18 prefers short notes; ``ibid=True`` is the CMOS 17 practice and our
default for the command line and the Python API, matching citeproc-js).

citeproc-py renders each cite with the position we give it (through the element
classes of :mod:`.engine`); the fixes for the places where its output differs from
citeproc-js live in :mod:`.postprocess`.  A note is plain text, or marked text that becomes
a tree (:meth:`NoteEngine.cite_tree`, :mod:`.tree`) from which HTML and, in Sphinx, docutils
nodes are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from ..errors import FrusCiteError
from . import postprocess
from .renderer import CiteRenderer, fingerprint
from .tree import Rendered

__all__ = ["Cite", "Cluster", "NoteEngine", "cite_reference", "NoteError"]

class NoteError(FrusCiteError):
    """A citation that cannot be formatted (unknown id, bad cluster)."""


@dataclass(frozen=True, slots=True)
class Cite:
    """One cited item inside a note."""

    id: str
    locator: str | None = None
    label: str = "page"
    prefix: str | None = None
    suffix: str | None = None
    position: str | None = None
    """A CSL position given by the caller (``first``, ``subsequent``, ``ibid``,
    ``ibid-with-locator``), as citeproc-js accepts one; None: the engine decides."""


@dataclass(frozen=True, slots=True)
class Cluster:
    """One footnote's citations, with the footnote's number."""

    cites: tuple[Cite, ...]
    note_index: int

    @classmethod
    def from_citeproc_js(cls, data: Mapping[str, Any], default_index: int) -> "Cluster":
        """Read citeproc-js's cluster shape: ``{"citationItems": […], "properties": {"noteIndex": N}}``."""
        try:
            raw_items = data["citationItems"]
        except (KeyError, TypeError):
            raise NoteError(f"cluster {default_index}: expected an object with 'citationItems'") from None
        if not raw_items:
            raise NoteError(f"cluster {default_index}: 'citationItems' is empty: a note cites at least one item")
        cites = []
        for raw in raw_items:
            if "id" not in raw:
                raise NoteError(f"cluster {default_index}: every citation item needs an 'id'")
            locator = raw.get("locator")
            cites.append(
                Cite(
                    id=str(raw["id"]),
                    locator=str(locator) if locator not in (None, "") else None,
                    label=raw.get("label") or "page",
                    prefix=raw.get("prefix"),
                    suffix=raw.get("suffix"),
                )
            )
        properties = data.get("properties") or {}
        return cls(tuple(cites), int(properties.get("noteIndex", default_index)))


@dataclass
class _History:
    cited: set[str] = field(default_factory=set)
    last_note: int | None = None
    last_cites: tuple[Cite, ...] = ()
    last_cited_at: dict[str, int] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # cited, or announced by cite_clusters
    first_note: dict[str, int] = field(default_factory=dict)  # note number of each item's first cite


class NoteEngine:
    """Formats a stream of footnote clusters over a set of CSL-JSON items."""

    def __init__(
        self,
        items: Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
        *,
        style: str | None = None,
        ibid: bool = True,
        near_note_distance: int | None = None,
    ) -> None:
        if isinstance(items, Mapping):
            items = list(items.values())
        self.items: dict[str, dict[str, Any]] = {}
        for item in items:
            if "id" not in item or "type" not in item:
                raise NoteError("every CSL-JSON item needs an 'id' and a 'type'")
            self.items[str(item["id"])] = dict(item)
        self.style_name = style
        self.ibid = ibid
        self._history = _History()
        self._order: list[str] = []  # ids in order of first citation
        self._fingerprints: dict[str, str] = {}
        self._renderers = {fmt: CiteRenderer.shared(style, fmt) for fmt in ("text",)}
        parsed = self._renderers["text"].style
        # CSL's default distance is 5; a style may set its own.
        self.near_note_distance = near_note_distance if near_note_distance is not None else int(parsed.root.get("near-note-distance", 5))

    # -- positions ---------------------------------------------------------
    def reset(self) -> None:
        """Start a new chapter: the next cite of every item is a first cite again."""
        self._history = _History()

    def new_document(self) -> None:
        """A document boundary: sources stay cited, but nothing before it can make an "Ibid."."""
        self._history.last_note = None
        self._history.last_cites = ()

    def _position(self, cite: Cite, index: int, cluster: Cluster) -> str:
        history = self._history
        if cite.id not in history.cited and all(earlier.id != cite.id for earlier in cluster.cites[:index]):
            return "first"
        previous: Cite | None = None
        if index > 0:
            previous = cluster.cites[index - 1]
        elif (
            len(history.last_cites) == 1
            and history.last_note is not None
            and cluster.note_index - history.last_note in (0, 1)
        ):
            previous = history.last_cites[0]
        if previous is None or previous.id != cite.id:
            return "subsequent"
        if (cite.locator, cite.label if cite.locator else None) == (
            previous.locator,
            previous.label if previous.locator else None,
        ):
            position = "ibid"
        elif cite.locator is not None:
            position = "ibid-with-locator"
        else:
            return "subsequent"
        return position if self.ibid else "subsequent"

    # -- rendering ---------------------------------------------------------
    def _near_note(self, cite: Cite, cluster: Cluster) -> bool:
        """CSL's ``near-note``: cited within ``near_note_distance`` notes before this one."""
        last = self._history.last_cited_at.get(cite.id)
        return last is not None and cluster.note_index - last <= self.near_note_distance

    def _renderer(self, fmt: str) -> CiteRenderer:
        if fmt not in self._renderers:
            self._renderers[fmt] = CiteRenderer.shared(self.style_name, fmt)
        return self._renderers[fmt]

    def _render_cite(self, cite: Cite, position: str, fmt: str, near_note: bool = False,
                     disambiguation: tuple[bool, bool] = (False, False)) -> str:
        """One cite's text (see :class:`.CiteRenderer` for what is kept)."""
        add_givenname, disambiguate = disambiguation
        item, fingerprint = self.items[cite.id], self._fingerprint(cite.id)
        first_note = self._history.first_note.get(cite.id)
        if first_note is not None and self._renderer(fmt).uses_first_note_number:
            # CSL's first-reference-note-number ("supra note 1") is part of what is rendered
            item = {**item, "first-reference-note-number": str(first_note)}
            fingerprint = f"{fingerprint}|n{first_note}"
        return self._renderer(fmt).render(
            item, position=position, near_note=near_note, locator=cite.locator, label=cite.label,
            fingerprint=fingerprint, disambiguate=disambiguate, add_givenname=add_givenname,
        )

    def _fingerprint(self, key: str) -> str:
        """The item's content, so that rendered notes can be shared between engines."""
        if key not in self._fingerprints:
            self._fingerprints[key] = fingerprint(self.items[key])
        return self._fingerprints[key]

    def cite(self, cluster: Cluster, fmt: str = "text") -> str:
        """The note for *cluster* in plain text or (``fmt="html"``) HTML (advances the position history)."""
        if fmt == "html":
            return self.cite_tree(cluster).html()
        return self._cite(cluster, "text")

    def cite_tree(self, cluster: Cluster) -> Rendered:
        """The note for *cluster* as a tree (advances the position history)."""
        return Rendered.from_marked(self._cite(cluster, "marked"))

    def _cite(self, cluster: Cluster, fmt: str) -> str:
        """The note as *fmt* (``"text"`` or ``"marked"``) renders it."""
        if not cluster.cites:
            raise NoteError(f"note {cluster.note_index}: no citation to format (an empty cluster)")
        for cite in cluster.cites:
            if cite.id not in self.items:
                raise NoteError(f"note {cluster.note_index}: unknown item id {cite.id!r}")
        order = self._renderer(fmt).citation_order([(self.items[c.id], self._fingerprint(c.id)) for c in cluster.cites])
        cluster = Cluster(tuple(cluster.cites[i] for i in order), cluster.note_index)
        pieces = []
        for index, cite in enumerate(cluster.cites):
            position = cite.position or self._position(cite, index, cluster)
            body = self._render_cite(cite, position, fmt, self._near_note(cite, cluster), self._disambiguation(cite.id, fmt))
            pieces.append(postprocess.affix(body, cite.prefix, cite.suffix, fmt=fmt))
            if cite.id not in self._order:
                self._order.append(cite.id)
        for cite in cluster.cites:
            self._history.cited.add(cite.id)
            self._history.known.add(cite.id)
            self._history.last_cited_at[cite.id] = cluster.note_index
            self._history.first_note.setdefault(cite.id, cluster.note_index)
        self._history.last_note = cluster.note_index
        self._history.last_cites = cluster.cites
        return postprocess.join_cites(pieces, fmt=fmt, layout=self._renderer(fmt).layout)

    def cite_clusters(self, clusters: Sequence[Mapping[str, Any]], fmt: str = "text") -> list[str]:
        """Notes for clusters in citeproc-js's shape, in order.  The whole set of cited items
        is known first, so a note is disambiguated against items cited after it too, as
        citeproc-js (which updates earlier notes) ends up printing it."""
        parsed = [Cluster.from_citeproc_js(data, i + 1) for i, data in enumerate(clusters)]
        self.expect(cite.id for cluster in parsed for cite in cluster.cites)
        return [self.cite(cluster, fmt) for cluster in parsed]

    def expect(self, ids: Iterable[str]) -> None:
        """Items the document will cite (citeproc-js's ``updateItems``): a cite is then
        disambiguated against them too, not only against the items cited before it."""
        self._history.known.update(key for key in ids if key in self.items)

    def _disambiguation(self, cite_id: str, fmt: str) -> tuple[bool, bool]:
        """How the cite is told apart from other items cited here with the same short form
        (their subsequent cite without a locator): (given names written in full, CSL's
        ``disambiguate`` test true).  Given names first, when the style asks for them
        (``disambiguate-add-givenname``) and they tell every other item apart."""
        renderer = self._renderer(fmt)
        if not (renderer.disambiguates or renderer.adds_givenname):
            return False, False
        mine = self._short_form(cite_id, renderer)
        others = [o for o in self._history.known if o != cite_id and self._short_form(o, renderer) == mine]
        if not others:
            return False, False
        if renderer.adds_givenname:
            mine = self._short_form(cite_id, renderer, True)
            if all(self._short_form(o, renderer, True) != mine for o in others):
                return True, False
        return False, True

    def _short_form(self, cite_id: str, renderer: CiteRenderer, add_givenname: bool = False) -> str:
        return renderer.render(self.items[cite_id], position="subsequent", fingerprint=self._fingerprint(cite_id),
                               add_givenname=add_givenname)

    # -- bibliography ------------------------------------------------------
    def bibliography(self, fmt: str = "text", ids: Iterable[str] | None = None) -> list[str]:
        """Sorted CMOS bibliography of the cited items (or of *ids*)."""
        from .bibliography import render_entries

        chosen = list(ids) if ids is not None else list(self._order)
        return render_entries([self.items[i] for i in chosen], style=self.style_name, fmt=fmt)


def cite_reference(
    ref,
    *,
    locator: str | None = None,
    label: str | None = "page",
    style: str | None = None,
    fmt: str = "text",
    catalog=None,
) -> str:
    """The full (first) note for one parsed reference at *locator*."""
    from .csl_json import to_csl_json

    item = to_csl_json(ref, catalog=catalog)
    engine = NoteEngine([item], style=style)
    return engine.cite(Cluster((Cite(item["id"], locator, label or "page"),), 1), fmt)
