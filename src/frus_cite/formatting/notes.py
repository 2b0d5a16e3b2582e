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

citeproc-py renders each cite with the position we give it; the fixes for
the places where it differs from citeproc-js live in :mod:`.postprocess`.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
from citeproc import model as citeproc_model
from citeproc.source.json import CiteProcJSON

from ..errors import FrusCiteError
from . import postprocess
from .styles import load_style

__all__ = ["Cite", "Cluster", "NoteEngine", "cite_reference", "NoteError"]

_TEMPLATES: dict[tuple[str, str, str, bool, str | None, str], str] = {}
"""Rendered cites by (style, item content, position, locator label, format), shared by all
engines of the process (a book makes one engine per chapter)."""
_SHARED: dict[tuple[str, str], CitationStylesBibliography] = {}
"""One citeproc-py bibliography per (style, format) for the whole process; items join it
under the hash of their content, so engines (one per chapter) share parsed items."""
LOCATOR_STAND_IN = "9990999"
"""Rendered in place of a cite's locator, then replaced by it (numeric, so that CSL's
``is-numeric`` tests answer as they would for a page number)."""


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


class _PositionedItem(CitationItem):
    """A citeproc-py cite whose CSL position was decided by the engine."""


def _forced_position(self, item, context=None):
    forced = item.get("frus_position") if isinstance(item, _PositionedItem) else None
    if forced is None:
        return _original_position(self, item, context)
    if context is None:
        context = self
    if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
        return [False]
    results = []
    for wanted in self.get("position").split():
        if wanted == "first":
            results.append(forced == "first")
        elif wanted == "subsequent":
            results.append(forced != "first")
        elif wanted == "ibid":
            results.append(forced in ("ibid", "ibid-with-locator"))
        elif wanted == "ibid-with-locator":
            results.append(forced == "ibid-with-locator")
        elif wanted == "near-note":
            results.append(bool(item.get("frus_near_note")))
        else:
            results.append(False)
    return results


# citeproc-py decides positions from render order alone, without note numbers;
# wrap its test so that cites positioned by this engine use our decision.
_original_position = citeproc_model.If._position
if getattr(_original_position, "__name__", "") != "_forced_position":
    citeproc_model.If._position = _forced_position


@dataclass
class _History:
    cited: set[str] = field(default_factory=set)
    last_note: int | None = None
    last_cites: tuple[Cite, ...] = ()
    last_cited_at: dict[str, int] = field(default_factory=dict)


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
        from .styles import find_style

        style_path = find_style(style).path
        # The style file's identity and version: templates of an edited style are not reused.
        self._style_key = f"{style_path}:{style_path.stat().st_mtime_ns}"
        parsed = load_style(style, "text")
        self._layout = postprocess.Layout.of(parsed)
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
        if cite.id not in history.cited:
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
    def _bibliography(self, fmt: str) -> CitationStylesBibliography:
        """The process-wide citeproc-py bibliography for this style and format."""
        key = (self._style_key, fmt)
        if key not in _SHARED:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                source = CiteProcJSON([])
            module = formatter.html if fmt == "html" else formatter.plain
            _SHARED[key] = CitationStylesBibliography(load_style(self.style_name, fmt), source, module)
        return _SHARED[key]

    def _source_id(self, cite_id: str, fmt: str) -> str:
        """The item's id in the shared citeproc-py source (its content's hash), added on first use."""
        fingerprint = self._fingerprint(cite_id)
        source_id = "i" + hashlib.sha1(fingerprint.encode()).hexdigest()[:20]
        bibliography = self._bibliography(fmt)
        if source_id not in bibliography.source:
            prepared = postprocess.prepare_fields(postprocess.for_rendering(self.items[cite_id]), fmt)
            prepared["id"] = source_id
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # citeproc-py warns about CSL variables it does not model
                for reference in CiteProcJSON([prepared]).values():
                    bibliography.source.add(reference)
        return source_id

    def _near_note(self, cite: Cite, cluster: Cluster) -> bool:
        """CSL's ``near-note``: cited within ``near_note_distance`` notes before this one."""
        last = self._history.last_cited_at.get(cite.id)
        return last is not None and cluster.note_index - last <= self.near_note_distance

    def _render_cite(self, cite: Cite, position: str, fmt: str, near_note: bool = False) -> str:
        """One cite's text. A cite is rendered once per item, position and locator label,
        with a stand-in locator that is then replaced: a full note costs citeproc-py a few
        milliseconds, and a book cites the same source at many pages."""
        locator = postprocess.chicago_locator(cite.locator, cite.label) if cite.locator is not None else None
        key = (self._style_key, self._fingerprint(cite.id), position, near_note, cite.label if locator is not None else None, fmt)
        template = _TEMPLATES.get(key)
        if template is None:
            bibliography = self._bibliography(fmt)
            source_id = self._source_id(cite.id, fmt)
            args: dict[str, Any] = {"frus_position": position, "frus_near_note": near_note}
            if locator is not None:
                args["locator"] = Locator(cite.label.replace("-", " "), LOCATOR_STAND_IN)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                item = _PositionedItem(source_id, **args)
            citation = Citation([item])
            bibliography.register(citation)
            raw = str(bibliography.cite(citation, lambda missing: None))
            template = postprocess.fix_note(raw, fmt=fmt, item=self.items[cite.id], layout=self._layout)
            if len(_TEMPLATES) > 50_000:  # a long-lived process (sphinx-autobuild): start afresh
                _TEMPLATES.clear()
                _SHARED.clear()
            _TEMPLATES[key] = template
        if locator is None:
            return template
        text = html_lib.escape(locator, quote=False) if fmt == "html" else locator
        return template.replace(LOCATOR_STAND_IN, text)

    def _fingerprint(self, key: str) -> str:
        """The item's content, so that rendered notes can be shared between engines."""
        if key not in self._fingerprints:
            self._fingerprints[key] = json.dumps(self.items[key], sort_keys=True, ensure_ascii=False)
        return self._fingerprints[key]

    def cite(self, cluster: Cluster, fmt: str = "text") -> str:
        """The note text for *cluster* (advances the position history)."""
        if not cluster.cites:
            raise NoteError(f"note {cluster.note_index}: no citation to format (an empty cluster)")
        pieces = []
        for index, cite in enumerate(cluster.cites):
            if cite.id not in self.items:
                raise NoteError(f"note {cluster.note_index}: unknown item id {cite.id!r}")
            position = cite.position or self._position(cite, index, cluster)
            body = self._render_cite(cite, position, fmt, self._near_note(cite, cluster))
            pieces.append(postprocess.affix(body, cite.prefix, cite.suffix, fmt=fmt))
            if cite.id not in self._order:
                self._order.append(cite.id)
        for cite in cluster.cites:
            self._history.cited.add(cite.id)
            self._history.last_cited_at[cite.id] = cluster.note_index
        self._history.last_note = cluster.note_index
        self._history.last_cites = cluster.cites
        return postprocess.join_cites(pieces, fmt=fmt, layout=self._layout)

    def cite_clusters(self, clusters: Sequence[Mapping[str, Any]], fmt: str = "text") -> list[str]:
        """Notes for clusters in citeproc-js's shape, in order."""
        return [self.cite(Cluster.from_citeproc_js(data, i + 1), fmt) for i, data in enumerate(clusters)]

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
