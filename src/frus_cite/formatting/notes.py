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

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

from ..errors import FrusCiteError
from . import cluster as cluster_join
from . import postprocess
from .disambiguation import NO_DISAMBIGUATION, Disambiguation, disambiguate, people
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
    last_note: int | None = None  # the last note (not the main text) that cited
    last_cites: tuple[Cite, ...] = ()  # the cites of that note, of all its clusters
    last_text_cites: tuple[Cite, ...] = ()  # the last cluster in the main text (note number 0)
    last_cited_at: dict[str, int] = field(default_factory=dict)
    known: dict[str, None] = field(default_factory=dict)  # cited, or announced by expect (in that order)
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
        self._known_version = 0  # bumped when an item becomes known and on reset (what kept results are keyed by)
        self._order: dict[str, None] = {}  # ids in order of first citation
        self._unprinted: dict[str, None] = {}  # ids the style printed nothing for, in order found
        self._fingerprints: dict[str, str] = {}
        self._renderers = {fmt: CiteRenderer.shared(style, fmt) for fmt in ("text",)}
        # decided over the known items, kept until the known items change (see _known_version)
        self._kept_order: tuple[Any, list[str], dict[str, int]] = (None, [], {})
        self._kept_disambiguation: tuple[Any, dict[str, Disambiguation]] = (None, {})
        self._people: dict[str, list[tuple[str, str]]] = {}  # each item's persons, for disambiguation
        self._short_forms: dict[tuple[str, Disambiguation], str] = {}  # what disambiguation compares
        parsed = self._renderers["text"].style
        # CSL's default distance is 5; a style may set its own.
        citation = parsed.root.citation
        default = citation.get("near-note-distance", parsed.root.get("near-note-distance", 5))
        self.near_note_distance = near_note_distance if near_note_distance is not None else int(default)

    # -- positions ---------------------------------------------------------
    def reset(self) -> None:
        """Start a new chapter: the next cite of every item is a first cite again."""
        self._history = _History()
        self._known_version += 1

    def new_document(self) -> None:
        """A document boundary: sources stay cited, but nothing before it can make an "Ibid."."""
        self._history.last_note = None
        self._history.last_cites = ()
        self._history.last_text_cites = ()

    def _position(self, cite: Cite, index: int, cluster: Cluster) -> str:
        history = self._history
        if cite.id not in history.cited and all(earlier.id != cite.id for earlier in cluster.cites[:index]):
            return "first"
        previous = cluster.cites[index - 1] if index > 0 else self._previous_cite(cluster.note_index)
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

    def _previous_cite(self, note_index: int) -> Cite | None:
        """The cite an "Ibid." at the start of a cluster in note *note_index* would point to.

        Citations in the main text (note number 0) follow one another apart from the notes,
        as citeproc-js keeps them.  A cluster in the same note as the cluster before it
        follows that cluster's last cite; the first cluster of the next note follows the
        previous note only when every cite there was of one source (a note citing two
        sources is followed by no "Ibid.", as in citeproc-js and Chicago)."""
        history = self._history
        if note_index == 0:
            return history.last_text_cites[-1] if history.last_text_cites else None
        if history.last_note is None or not history.last_cites:
            return None
        if note_index == history.last_note:
            return history.last_cites[-1]
        if note_index - history.last_note == 1 and len({c.id for c in history.last_cites}) == 1:
            return history.last_cites[-1]
        return None

    # -- rendering ---------------------------------------------------------
    def _near_note(self, cite: Cite, cluster: Cluster, index: int = 0) -> bool:
        """CSL's ``near-note``: cited within ``near_note_distance`` notes before this one
        (earlier in the same note: a distance of 0); never in the main text."""
        if cluster.note_index == 0:
            return False
        if any(earlier.id == cite.id for earlier in cluster.cites[:index]):
            return True
        last = self._history.last_cited_at.get(cite.id)
        return last is not None and cluster.note_index - last <= self.near_note_distance

    def _renderer(self, fmt: str) -> CiteRenderer:
        if fmt not in self._renderers:
            self._renderers[fmt] = CiteRenderer.shared(self.style_name, fmt)
        return self._renderers[fmt]

    def _render_cite(self, cite: Cite, position: str, fmt: str, near_note: bool = False,
                     first_names: str | None = None) -> tuple[str, str | None]:
        """One cite's text (see :class:`.CiteRenderer` for what is kept), and the text of its
        first names when *first_names* asks for them (cite grouping)."""
        renderer = self._renderer(fmt)
        item, fingerprint = self.items[cite.id], self._fingerprint(cite.id)
        first_note = self._history.first_note.get(cite.id)
        if first_note is not None and renderer.uses_first_note_number:
            # CSL's first-reference-note-number ("supra note 1") is part of what is rendered
            item = {**item, "first-reference-note-number": str(first_note)}
            fingerprint = f"{fingerprint}|n{first_note}"
        disambiguation = self._disambiguation(cite.id) if renderer.disambiguates else NO_DISAMBIGUATION
        number = self._number(cite.id) if renderer.uses_citation_number else None
        return renderer.render_with_names(
            item, position=position, near_note=near_note, locator=cite.locator, label=cite.label,
            fingerprint=fingerprint, disambiguation=disambiguation, number=number, first_names=first_names,
        )

    def _fingerprint(self, key: str) -> str:
        """The item's content, so that rendered notes can be shared between engines."""
        if key not in self._fingerprints:
            self._fingerprints[key] = fingerprint(self.items[key])
        return self._fingerprints[key]

    def cite(self, cluster: Cluster, fmt: str = "text") -> str:
        """The note for *cluster* in plain text or (``fmt="html"``) HTML (advances the position history);
        any other *fmt* is a :class:`NoteError`.  A cite the style prints nothing for is left out
        (see :meth:`unprinted`); a note of such cites only is empty."""
        _check_format(fmt)
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
            self._make_known(cite.id)
        renderer = self._renderer(fmt)
        order = renderer.citation_order([(self.items[c.id], self._fingerprint(c.id)) for c in cluster.cites],
                                        [self._number(c.id) for c in cluster.cites] if renderer.uses_citation_number else None)
        cluster = Cluster(tuple(cluster.cites[i] for i in order), cluster.note_index)
        if renderer.collapsing.active:
            text = self._joined_collapsed(cluster, fmt)
        else:
            pieces = []
            for index, cite in enumerate(cluster.cites):
                position = cite.position or self._position(cite, index, cluster)
                body = self._render_cite(cite, position, fmt, self._near_note(cite, cluster, index))[0]
                if self._printed(cite, body):
                    pieces.append(postprocess.affix(body, cite.prefix, cite.suffix, fmt=fmt))
            text = postprocess.join_cites(pieces, fmt=fmt, layout=renderer.layout) if pieces else ""
        for cite in cluster.cites:
            self._order.setdefault(cite.id)
            self._history.cited.add(cite.id)
            self._history.last_cited_at[cite.id] = cluster.note_index
            self._history.first_note.setdefault(cite.id, cluster.note_index)
        self._remember_cluster(cluster)
        return text

    def _printed(self, cite: Cite, body: str) -> bool:
        """Whether the cite printed something; if not, its item is noted (see :meth:`unprinted`)
        and the cite left out of the note, as no reader should see citeproc-js's stand-in."""
        if body:
            return True
        self._unprinted.setdefault(cite.id)
        return False

    def unprinted(self) -> list[str]:
        """Ids of the items the style printed nothing for, in a note or in the bibliography
        (its layout renders no variable the item has): their cites are left out of the notes,
        their entries out of the bibliography, and the caller should tell the user."""
        return list(self._unprinted)

    def _remember_cluster(self, cluster: Cluster) -> None:
        history = self._history
        if cluster.note_index == 0:
            history.last_text_cites = cluster.cites
            return
        earlier = history.last_cites if cluster.note_index == history.last_note else ()
        history.last_note = cluster.note_index
        history.last_cites = earlier + cluster.cites

    def _joined_collapsed(self, cluster: Cluster, fmt: str) -> str:
        """A citation of a style that groups or collapses cites (see :mod:`.cluster`)."""
        renderer = self._renderer(fmt)
        pieces, how = [], []
        for index, cite in enumerate(cluster.cites):
            position = cite.position or self._position(cite, index, cluster)
            near_note = self._near_note(cite, cluster, index)
            text, names = self._render_cite(cite, position, fmt, near_note, "keep")
            if not self._printed(cite, text):
                continue
            pieces.append(cluster_join.Piece(
                text=postprocess.affix(text, cite.prefix, cite.suffix, fmt=fmt), names=names,
                number=self._number(cite.id), suffix=self._disambiguation(cite.id).year_suffix,
                plain=not (cite.locator or cite.prefix or cite.suffix), has_locator=cite.locator is not None))
            how.append((cite, position, near_note))
        if not pieces:
            return ""
        if renderer.collapsing.groups:
            shared = Counter(piece.names or "" for piece in pieces)
            for index, (piece, (cite, position, near_note)) in enumerate(zip(pieces, how)):
                if shared[piece.names or ""] > 1:  # the cite may collapse: its text without the names
                    cut = self._render_cite(cite, position, fmt, near_note, "cut")[0]
                    year = cut[: -len(piece.suffix)] if piece.suffix and cut.endswith(piece.suffix) else cut
                    pieces[index] = replace(piece, cut=postprocess.affix(cut, cite.prefix, cite.suffix, fmt=fmt), year=year)
            if renderer.collapsing.moves:
                pieces = cluster_join.group_by_names(pieces)
        return postprocess.join_cites([cluster_join.join(pieces, renderer.collapsing)], fmt=fmt, layout=renderer.layout)

    def cite_clusters(self, clusters: Sequence[Mapping[str, Any]], fmt: str = "text") -> list[str]:
        """Notes for clusters in citeproc-js's shape, in order.  The whole set of cited items
        is known first, so a note is disambiguated against items cited after it too, as
        citeproc-js (which updates earlier notes) ends up printing it."""
        _check_format(fmt)
        parsed = [Cluster.from_citeproc_js(data, i + 1) for i, data in enumerate(clusters)]
        self.expect(cite.id for cluster in parsed for cite in cluster.cites)
        return [self.cite(cluster, fmt) for cluster in parsed]

    def expect(self, ids: Iterable[str]) -> None:
        """Items the document will cite (citeproc-js's ``updateItems``): a cite is then
        disambiguated against them too, not only against the items cited before it."""
        for key in ids:
            if key in self.items:
                self._make_known(key)

    def _make_known(self, key: str) -> None:
        if key not in self._history.known:
            self._history.known[key] = None
            self._known_version += 1

    def bibliography_order(self) -> list[str]:
        """The known items in the order of the style's bibliography (else of citation)."""
        version = self._known_version
        if self._kept_order[0] != version:
            known = list(self._history.known)
            renderer = self._renderer("text")
            indexes = renderer.bibliography_order([(self.items[k], self._fingerprint(k)) for k in known])
            ordered = [known[i] for i in indexes]
            self._kept_order = (version, ordered, {key: rank for rank, key in enumerate(ordered, start=1)})
        return self._kept_order[1]

    def _number(self, cite_id: str) -> int | None:
        """The item's citation-number, for a style that prints one."""
        if not self._renderer("text").uses_citation_number:
            return None
        self.bibliography_order()
        return self._kept_order[2].get(cite_id)

    def _disambiguation(self, cite_id: str) -> Disambiguation:
        """What the item's cites print to be told apart from the other items known here
        (see :mod:`.disambiguation`), decided again whenever a new item becomes known."""
        renderer = self._renderer("text")
        if not renderer.disambiguation_rules.active:
            return NO_DISAMBIGUATION
        version = self._known_version
        if self._kept_disambiguation[0] != version:
            known = list(self._history.known)
            def short_form(key: str, disambiguation: Disambiguation) -> str:
                form = self._short_forms.get((key, disambiguation))
                if form is None:
                    form = self._short_forms[(key, disambiguation)] = renderer.short_form(
                        self.items[key], self._fingerprint(key), disambiguation)
                return form

            for key in known:
                if key not in self._people:
                    self._people[key] = people(self.items[key])
            # the renderer keeps what was decided per set of ambiguous items, by their content:
            # a new item re-examines only the set it joins, a second engine none
            chosen = disambiguate({k: self.items[k] for k in known}, self.bibliography_order,
                                  renderer.disambiguation_rules, short_form, {k: self._people[k] for k in known},
                                  memo=renderer.kept_disambiguations, identity=self._fingerprint)
            self._kept_disambiguation = (version, chosen)
        return self._kept_disambiguation[1].get(cite_id, NO_DISAMBIGUATION)

    def disambiguations(self) -> dict[str, Disambiguation]:
        """Every known item's disambiguation (the bibliography prints year-suffixes too)."""
        return {key: self._disambiguation(key) for key in self._history.known}

    # -- bibliography ------------------------------------------------------
    def bibliography(self, fmt: str = "text", ids: Iterable[str] | None = None) -> list[str]:
        """Sorted CMOS bibliography of the cited items (or of *ids*)."""
        from .bibliography import render_entry_pairs

        _check_format(fmt)
        chosen = list(ids) if ids is not None else list(self._order)
        self.expect(chosen)
        pairs = render_entry_pairs([self.items[i] for i in chosen], style=self.style_name, fmt=fmt,
                                   disambiguations=self.disambiguations())
        printed = {str(item["id"]) for item, _ in pairs}
        for key in chosen:
            if key not in printed:
                self._unprinted.setdefault(key)
        return [entry for _, entry in pairs]


OUTPUT_FORMATS = ("text", "html")


def _check_format(fmt: str) -> None:
    """Refuse an output format the engine does not write (rather than print plain text for it)."""
    if fmt not in OUTPUT_FORMATS:
        raise NoteError(f"unknown output format {fmt!r}: use one of {', '.join(map(repr, OUTPUT_FORMATS))}")


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
