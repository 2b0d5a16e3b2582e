"""Placing, numbering and filling the citation footnotes; filling bibliographies.

Reading: :class:`PlaceNotes` (right after docutils numbers footnotes) puts the
footnotes made by the roles and directives at the end of the document,
renumbers auto-numbered footnotes in the order their references are read (so
citation notes and the author's own ``[#]_`` notes run 1, 2, 3 …), and
records each citation note with its number in the domain.

Writing: :class:`FillNotes` renders every note with the note engine (first,
short or Ibid. from the recorded numbers) and every bibliography, as trees
(:mod:`frus_cite.formatting.tree`) made into docutils nodes, which each builder
writes with its own writer.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..formatting.bibliography import entry_item, render_entry_trees
from ..formatting.disambiguation import Disambiguation
from ..formatting.notes import Cite, Cluster, NoteEngine
from ..formatting.tree import Inline, Link, Rendered
from ..quoting import drop_marks, glued_marks
from .config import get_config
from .logging import warn
from .domain import document_scratch, get_domain, scratch, take_document_scratch
from .nodes import frus_bibliography, frus_note, frus_note_ref, set_quotation_text
from .records import NoteRecord
from .sources import catalog_for, csl_item, reference_for

__all__ = ["MarkNotes", "PlaceNotes", "PunctuateQuotations", "FillNotes", "LinkNotes", "bibliography_targets", "note_content", "rendered_notes", "document_order"]

class MarkNotes(SphinxTransform):
    """Each citation's mark becomes a footnote reference and its footnote (an auto-numbered,
    labelled one, as docutils makes for ``[#name]_``), numbered next by docutils; a citation
    in the author's own footnote is set inline there instead, as a note of its own in the
    position sequence (the host note's number)."""

    default_priority = 619  # just before docutils numbers footnotes (620)

    def apply(self, **kwargs: Any) -> None:
        made = document_scratch(self.env)
        for mark in list(self.document.findall(frus_note_ref)):
            placeholder = frus_note(note_id=mark["note_id"], docname=mark["docname"])
            host = next((a for a in _ancestors(mark) if isinstance(a, nodes.footnote)), None)
            if host is not None:
                made.inline[mark["note_id"]] = host
                mark.replace_self(placeholder)
            else:
                footnote, reference = self._footnote(placeholder, mark.get("line"))
                made.footnotes.append(footnote)
                mark.replace_self(reference)

    def _footnote(self, placeholder: frus_note, lineno: int | None) -> tuple[nodes.footnote, nodes.footnote_reference]:
        note_id, document = placeholder["note_id"], self.document
        footnote = nodes.footnote("", nodes.paragraph("", "", placeholder), auto=1, classes=["frus-note"])
        footnote["names"].append(note_id)
        footnote.source, footnote.line = self.env.doc2path(placeholder["docname"]), lineno
        footnote["docname"] = placeholder["docname"]
        document.note_autofootnote(footnote)
        document.note_explicit_target(footnote, footnote)
        reference = nodes.footnote_reference("", "", auto=1, refname=note_id, classes=["frus-note-ref"])
        document.note_autofootnote_ref(reference)
        document.note_footnote_ref(reference)
        return footnote, reference


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _number(footnote: nodes.Node) -> int:
    """A footnote's number (0 for a symbol or a label that is not a number)."""
    label = footnote.children[0] if footnote.children else None
    text = label.astext() if isinstance(label, nodes.label) else ""
    return int(text) if text.isdigit() else 0


class PlaceNotes(SphinxTransform):
    default_priority = 621  # docutils' Footnotes transform (620) has numbered everything

    def apply(self, **kwargs: Any) -> None:
        made = take_document_scratch(self.env)
        pending = made.footnotes
        if not pending and not made.inline:
            return
        container = self._notes_container()
        container.extend(pending)  # in the tree first, so that renumbering sees them
        self._renumber()
        placed = {id(footnote) for footnote in pending}  # out again in one pass (one by one was quadratic)
        container.children = [child for child in container.children if id(child) not in placed]
        self._place(container, pending)
        numbers = {next(iter(footnote.findall(frus_note)))["note_id"]: _number(footnote) for footnote in pending}
        numbers.update((note_id, _number(host)) for note_id, host in made.inline.items())
        records = [NoteRecord(note_id, numbers[note_id], cites, lineno, passage)
                   for note_id, (cites, passage, lineno) in made.notes.items() if note_id in numbers]
        records.sort(key=lambda record: record.note_index)
        get_domain(self.env).notes[self.env.docname] = records

    def _notes_container(self) -> nodes.Element:
        """Where notes go: after the author's own trailing footnotes, or at the very end."""
        document = self.document
        sections = [n for n in document.findall(nodes.section)]
        parent: nodes.Element = document
        if sections:
            last = sections[-1]
            # the last top-level section of the document
            while isinstance(last.parent, nodes.section):
                last = last.parent
            parent = last
            while parent.children and isinstance(parent.children[-1], nodes.section):
                parent = parent.children[-1]
        return parent

    def _renumber(self) -> None:
        """Number auto-numbered footnotes in the order their references are read."""
        document = self.document
        taken = {
            int(f.children[0].astext())
            for f in document.findall(nodes.footnote)
            if not f.get("auto") and f.children and isinstance(f.children[0], nodes.label) and f.children[0].astext().isdigit()
        }
        by_id = {fid: f for f in document.findall(nodes.footnote) if f.get("auto") == 1 for fid in f["ids"]}
        numbers: dict[str, int] = {}
        counter = 0
        for reference in document.findall(nodes.footnote_reference):
            if reference.get("auto") != 1 or reference.get("refid") not in by_id:
                continue
            target = reference["refid"]
            if target not in numbers:
                counter += 1
                while counter in taken:
                    counter += 1
                numbers[target] = counter
            reference.clear()
            reference += nodes.Text(str(numbers[target]))
        for target, number in numbers.items():
            footnote = by_id[target]
            if footnote.children and isinstance(footnote.children[0], nodes.label):
                footnote.children[0].clear()
                footnote.children[0] += nodes.Text(str(number))

    @staticmethod
    def _place(container: nodes.Element, pending: list[nodes.footnote]) -> None:
        """Join the last run of the author's footnotes in *container* (or start one at
        its end) and keep that run in number order."""
        children = container.children
        end = len(children)
        while end > 0 and not isinstance(children[end - 1], nodes.footnote):
            end -= 1
        start = end
        while start > 0 and isinstance(children[start - 1], nodes.footnote):
            start -= 1
        if start == end:
            start = end = len(children)

        run = sorted(list(children[start:end]) + list(pending), key=_number)
        tail = list(children[end:])
        del container.children[start:]
        container.extend(run)
        container.extend(tail)


def document_order(env: BuildEnvironment) -> list[str]:
    """Documents in reading order: the toctree from the root document, then the rest."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(env.config.root_doc)
    order += sorted(d for d in env.found_docs if d not in seen)
    return order


def _cached(env: BuildEnvironment, what: str, compute):
    """A result computed once per build (the scratch is emptied when the state changes)."""
    rendered = scratch(env).rendered
    if what not in rendered:
        rendered[what] = compute()
    return rendered[what]


def _items(env: BuildEnvironment, keys: list[str]) -> dict[str, dict[str, Any]]:
    items = {}
    for key in keys:
        item = csl_item(env, key)
        if item is not None:
            items[key] = item
    return items


def rendered_notes(env: BuildEnvironment, docname: str) -> dict[str, Rendered]:
    """Note id → rendered note for *docname*, with positions per the note scope."""
    return _notes_of_scope(env, docname)[0]


def _notes_of_scope(env: BuildEnvironment, docname: str) -> tuple[dict[str, Rendered], NoteEngine]:
    """The rendered notes of *docname*'s note scope, and the engine that rendered them."""
    config = get_config(env.config)
    scope_docs = document_order(env) if config.note_scope == "project" else [docname]
    return _cached(env, "notes:" + ("*" if config.note_scope == "project" else docname), lambda: _render_notes(env, scope_docs))


def _render_notes(env: BuildEnvironment, scope_docs: list[str]) -> tuple[dict[str, Rendered], NoteEngine]:
    config = get_config(env.config)
    domain = get_domain(env)
    keys = domain.cited_keys(scope_docs)
    items = _items(env, keys)
    engine = NoteEngine(list(items.values()), style=config.style, ibid=config.ibid)
    # Every item of the scope is known before the first note, as the CLI does: a note is told
    # apart from items cited after it too, and disambiguation is decided once, not per new item.
    engine.expect(items)
    result: dict[str, Rendered] = {}
    for doc in scope_docs:
        engine.new_document()
        # An author's note citing several sources inline is several clusters with one note
        # number: the engine lets no "Ibid." follow it, as none follows a note of several cites.
        for note in domain.notes.get(doc, []):
            cites = tuple(Cite(c.key, c.locator, c.label, c.prefix, c.suffix) for c in note.cites if c.key in items)
            if cites:
                reported = len(engine.unprinted())
                result[note.note_id] = engine.cite_tree(Cluster(cites, note.note_index))
                for key in engine.unprinted()[reported:]:  # each item once, at the first note it vanished from
                    warn("nothing_printed", f"the style prints nothing for {key!r} in this note, so it is left out: "
                         "the item has none of the fields the style's citation prints", (doc, note.lineno))
    return result, engine


def _bibliography_disambiguations(env: BuildEnvironment, docname: str, cited: str, keys: list[str],
                                  style: str | None) -> dict[str, Disambiguation]:
    """What the notes printed to tell items apart (year-suffixes, added names), by item id,
    for a bibliography of *keys* in *docname*: the notes' own engine when its items are the
    ones listed; else decided over the listed items, as the notes would be."""
    config = get_config(env.config)
    if style == config.style and (config.note_scope == "project" or cited == "document"):
        engine = _notes_of_scope(env, docname)[1]
    else:
        items = _items(env, keys)
        engine = NoteEngine(list(items.values()), style=style, ibid=config.ibid)
        engine.expect(items)
    return engine.disambiguations()


# The node each style of a run becomes; LaTeX sets emphasis inside emphasis upright by
# itself, HTML through frus-cite.css, and frus-cite.sty gives the roles their meaning.
_STYLE_NODES = {
    "italic": lambda: nodes.emphasis(),
    "roman": lambda: nodes.emphasis(classes=["frus-roman"]),
    "bold": lambda: nodes.strong(),
    "superscript": lambda: nodes.superscript(),
    "subscript": lambda: nodes.subscript(),
    "small-caps": lambda: nodes.inline(classes=["frus-small-caps"]),
    "normal-weight": lambda: nodes.inline(classes=["frus-normal-weight"]),
    "light": lambda: nodes.inline(classes=["frus-light"]),
    "underline": lambda: nodes.inline(classes=["frus-underline"]),
    # CSL display blocks, with citeproc-js's class names
    "block": lambda: nodes.inline(classes=["csl-block"]),
    "left-margin": lambda: nodes.inline(classes=["csl-left-margin"]),
    "right-inline": lambda: nodes.inline(classes=["csl-right-inline"]),
    "indent": lambda: nodes.inline(classes=["csl-indent"]),
}


def note_content(rendered: Rendered) -> list[nodes.Node]:
    """The nodes of one rendered note or bibliography entry (the one place where they become nodes)."""
    return [_node(child) for child in rendered.children]


def _node(run: Inline) -> nodes.Node:
    if isinstance(run, str):
        return nodes.Text(run)
    if isinstance(run, Link):
        return nodes.reference(run.text, run.text, refuri=run.url, classes=["frus-source-url"])
    element = _STYLE_NODES[run.style]()
    element.extend(_node(child) for child in run.children)
    return element


def bibliography_entry_id(item: dict[str, Any]) -> str:
    return "frus-bib-" + nodes.make_id(str(item["id"]))


def _entry_items(env: BuildEnvironment, keys: list[str], each_document: bool) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Bibliography items for *keys* (collapsed unless *each_document*), and key → entry id."""
    domain = get_domain(env)
    items: dict[str, dict[str, Any]] = {}
    entry_of: dict[str, str] = {}
    for key, item in _items(env, keys).items():
        entry = item  # secondary literature is listed as itself
        record = domain.source(key)
        if record is not None:
            ref = reference_for(env, record)
            entry = entry_item(ref, item, catalog=catalog_for(env), each_document=each_document)
        items.setdefault(entry["id"], entry)
        entry_of[key] = bibliography_entry_id(entry)
    return list(items.values()), entry_of


def bibliography_targets(env: BuildEnvironment) -> dict[str, tuple[str, str]]:
    """Cited key → (docname, entry id) of the first bibliography listing it (computed in
    ``env-updated`` and stored in the domain)."""
    domain = get_domain(env)
    targets: dict[str, tuple[str, str]] = {}
    for docname in document_order(env):
        for record in domain.bibliographies.get(docname, []):
            keys = _bibliography_keys(env, docname, record.cited)
            _, entry_of = _entry_items(env, keys, record.each_document)
            for key, entry_id in entry_of.items():
                targets.setdefault(key, (docname, entry_id))
    return targets


def _bibliography_keys(env: BuildEnvironment, docname: str, cited: str) -> list[str]:
    domain = get_domain(env)
    if cited == "document":
        return domain.cited_keys([docname])
    keys = domain.cited_keys(document_order(env))
    if cited == "all":
        keys += [k for k in domain.source_keys() if k not in keys]
    return keys


class PunctuateQuotations(SphinxTransform):
    """Chicago punctuation after an inline quotation: a period or comma goes inside the
    closing quotation mark (CMOS 6.9); the note number follows any other mark (14.26).
    “we might see after 2 years”[2], → “we might see after 2 years,”[2]"""

    default_priority = 622  # after PlaceNotes

    def apply(self, **kwargs: Any) -> None:
        for quote in list(self.document.findall(nodes.inline)):
            if "frus-quote" not in quote["classes"] or quote.parent is None:
                continue
            parent = quote.parent
            index = parent.index(quote)
            if index + 2 >= len(parent) or not isinstance(parent[index + 1], nodes.footnote_reference):
                continue
            after = parent[index + 2]
            if not isinstance(after, nodes.Text) or not after or after[0] not in ".,;:?!":
                continue
            mark, rest = after[0], after[1:]
            if rest:
                parent.replace(after, nodes.Text(rest))
            else:
                parent.remove(after)
            if mark in ".,":
                # after a question or exclamation mark of the quotation, the stronger mark stands alone
                set_quotation_text(quote, closing="" if quote["frus_passage"].endswith(("?", "!")) else mark)
            else:
                parent.insert(index + 1, nodes.Text(mark))


class FillNotes(SphinxPostTransform):
    default_priority = 5  # before the builders' own footnote handling (e.g. LaTeX's at 600)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(frus_note)):
            self._fill(node)
        for quote in list(self.document.findall(lambda n: isinstance(n, (nodes.inline, nodes.block_quote)))):
            if "frus-quote" in quote["classes"] and quote.get("frus_note_id"):
                note = self._notes(quote["docname"]).get(quote["frus_note_id"])
                if note is not None and note.printed:  # checked once every document was read
                    self._reprint(quote, note.printed)
        for node in list(self.document.findall(frus_bibliography)):
            self._fill_bibliography(node)

    def _fill(self, node: frus_note) -> None:
        rendered = rendered_notes(self.env, node["docname"]).get(node["note_id"])
        if rendered is None or not rendered.children:  # an unknown key or an item printing nothing, both reported
            node.replace_self(nodes.inline("", "[citation could not be formatted]", classes=["frus-note-missing"]))
            return
        note = self._notes(node["docname"]).get(node["note_id"])
        keys = [c.key for c in note.cites] if note is not None else []
        wrapper = nodes.inline("", "", classes=["frus-note-text"], frus_keys=keys)
        wrapper += note_content(rendered)
        node.replace_self(wrapper)

    @staticmethod
    def _reprint(quote: nodes.Element, printed: str) -> None:
        """A quotation checked only once every document was read, printed as checked: without
        the source's footnote marks pasted with it."""
        if isinstance(quote, nodes.inline):
            set_quotation_text(quote, passage=printed)
            return
        dropped = set(glued_marks(quote.astext())) - set(glued_marks(printed))
        for text in list(quote.findall(nodes.Text)):
            kept, removed = drop_marks(str(text), dropped)
            if removed:
                text.parent.replace(text, nodes.Text(kept))

    def _notes(self, docname: str) -> dict[str, NoteRecord]:
        return _cached(self.env, "notes-by-id:" + docname, lambda: {n.note_id: n for n in get_domain(self.env).notes.get(docname, [])})

    def _fill_bibliography(self, node: frus_bibliography) -> None:
        domain = get_domain(self.env)
        record = next((r for r in domain.bibliographies.get(node["docname"], []) if r.node_id == node["node_id"]), None)
        if record is None:
            node.replace_self([])
            return
        keys = _bibliography_keys(self.env, node["docname"], record.cited)
        items, _ = _entry_items(self.env, keys, record.each_document)
        style = record.style or get_config(self.env.config).style
        container = nodes.container(classes=["frus-bibliography"], ids=list(node["ids"]))
        disambiguations = _bibliography_disambiguations(self.env, node["docname"], record.cited, keys, style)
        entries = render_entry_trees(items, style=style, disambiguations=disambiguations)
        printed = {str(item["id"]) for item, _ in entries}
        for item in items:
            if str(item["id"]) not in printed:
                warn("nothing_printed", f"the style prints no bibliography entry for {str(item['id'])!r}, so it is left out: "
                     "the item has none of the fields the style's bibliography prints", node)
        for item, entry in entries:
            paragraph = nodes.paragraph("", "", classes=["frus-bib-entry"], ids=[bibliography_entry_id(dict(item))])
            paragraph += note_content(entry)
            container += paragraph
        node.replace_self(container)


class LinkNotes(SphinxPostTransform):
    """HTML: each single-source note links to its bibliography entry (the URL inside
    the note stays the link to the source itself)."""

    default_priority = 6  # after FillNotes, before Sphinx resolves cross-references (10)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        targets = get_domain(self.env).bib_targets
        for wrapper in list(self.document.findall(nodes.inline)):
            if "frus-note-text" not in wrapper["classes"]:
                continue
            keys = wrapper.get("frus_keys") or []
            if len(keys) != 1 or keys[0] not in targets:
                continue
            link = addnodes.pending_xref("", nodes.inline("", "↗", classes=["frus-bib-link"]), refdomain="frus",
                                         reftype="bib", reftarget=keys[0], refexplicit=True, refwarn=False)
            wrapper.parent.insert(wrapper.parent.index(wrapper) + 1, [nodes.Text(" "), link])
