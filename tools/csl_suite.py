"""Run the CSL processor test suite through frus-cite's engine, and through bare citeproc-py.

    python tools/csl_suite.py                      # pass rate per category, ours and bare
    python tools/csl_suite.py --engine ours -k position_   # only fixtures whose name contains position_
    python tools/csl_suite.py --failures name      # show expected/got for failing fixtures of a category
    python tools/csl_suite.py --write-floors       # record today's rates as the floors the test enforces

The suite (``../shared/corpus/csl-test-suite/humans``, or ``$FRUS_CITE_SHARED``) is test data,
never committed here.  A fixture is run as citeproc-js's test runner runs it: ``CITATION-ITEMS``
are clusters in note order (explicit ``position`` values honoured), ``CITATIONS`` are clusters
with their note numbers (the output marks with ``>>`` the clusters the last one added or
changed), a fixture with neither cites all its items in one cluster; bibliography mode lists
the items (or ``BIBENTRIES``' last set).  "ours" is :class:`frus_cite.formatting.notes.NoteEngine`
in HTML, "bare" is citeproc-py as its own test runner drives it.  Only the fixtures of the
suite proper are run: ``experiments/`` and ``off-spec/`` test behaviour the CSL specification
does not define.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRUS_CITE_SHARED", ROOT.parent / "shared")).resolve()
SUITE = SHARED / "corpus" / "csl-test-suite" / "humans"
FLOORS = ROOT / "tests" / "fixtures" / "conformance" / "csl-suite-floors.json"
EXPLAINED = ROOT / "tests" / "fixtures" / "conformance" / "csl-suite-failures.json"
"""Each fixture frus-cite fails, with the reason: ``{"fixture name": "why", ...}``."""

_SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n(.*?)\n?<<=+ \1 =+<<", re.S)
_POSITIONS = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}
_MODES = ("citation", "bibliography")


@dataclass
class Fixture:
    """One fixture file of the suite, its sections decoded."""

    name: str
    category: str
    mode: str
    expected: str
    csl: str
    items: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[list[Any]] | None = None
    bibentries: list[list[str]] | None = None
    unsupported: str | None = None  # why no engine can be asked what the fixture asks

    @classmethod
    def read(cls, path: Path) -> "Fixture":
        sections = {name: body for name, body in _SECTION.findall(path.read_text(encoding="utf-8"))}

        def data(name: str) -> Any:
            return json.loads(sections[name]) if name in sections else None

        items = data("INPUT") or []
        for index, item in enumerate(items):  # as citeproc-py's runner: ids and types are required
            item["id"] = str(item.get("id", index))
            item.setdefault("type", "book")
        fixture = cls(
            name=path.stem,
            category=path.stem.split("_", 1)[0],
            mode=sections.get("MODE", "").strip(),
            expected=sections.get("RESULT", ""),
            csl=sections.get("CSL", ""),
            items=items,
            citation_items=data("CITATION-ITEMS"),
            citations=data("CITATIONS"),
            bibentries=data("BIBENTRIES"),
        )
        if fixture.mode not in _MODES:
            fixture.unsupported = f"mode {fixture.mode!r}"
        elif "BIBSECTION" in sections:
            fixture.unsupported = "BIBSECTION (selecting bibliography entries by field)"
        elif "ABBREVIATIONS" in sections:
            fixture.unsupported = "ABBREVIATIONS (citeproc-js's abbreviation lists)"
        return fixture


def load_fixtures(folder: Path = SUITE, pattern: str = "") -> list[Fixture]:
    return [Fixture.read(path) for path in sorted(folder.glob("*.txt")) if pattern in path.stem]


def _citations_in_order(citations: list[list[Any]]) -> list[tuple[str, dict[str, Any]]]:
    """``CITATIONS`` clusters in document order.  As citeproc-js's ``processCitationCluster``
    takes it, each call states the order of the document: ``citationsPre``, the citation,
    ``citationsPost``; the last call's order is the final one (a citation once put first may
    later be placed after another), and a citation it does not mention is no longer in the
    document.  A ``citationID`` sent again is an edit of that citation, and the
    note numbers in ``citationsPre``/``Post`` are the notes' numbers from then on."""
    ordered: list[tuple[str, dict[str, Any]]] = []
    note_numbers: dict[str, int] = {}
    for citation, before, after in citations:
        ordered = [entry for entry in ordered if entry[0] != citation["citationID"]]  # a citation edited again
        ids = [citation_id for citation_id, _ in before]
        at = max((i + 1 for i, (cid, _) in enumerate(ordered) if cid in ids), default=0)
        ordered.insert(at, (citation["citationID"], citation))
        note_numbers.update({cid: number for cid, number in [*before, *after] if isinstance(number, int)})
    last, before, after = citations[-1] if citations else ({}, [], [])
    stated = [cid for cid, _ in before] + [last.get("citationID")] + [cid for cid, _ in after]
    by_id = dict(ordered)
    final = [(cid, by_id[cid]) for cid in dict.fromkeys(stated) if cid in by_id]
    return [(cid, _numbered(c, note_numbers.get(cid))) for cid, c in final]


def _numbered(citation: dict[str, Any], number: int | None) -> dict[str, Any]:
    if number is None or "noteIndex" not in (citation.get("properties") or {}):
        return citation
    return {**citation, "properties": {**citation["properties"], "noteIndex": number}}


def _bibliography_html(entries: list[str]) -> str:
    lines = ['<div class="csl-bib-body">'] + [f'  <div class="csl-entry">{entry}</div>' for entry in entries] + ["</div>"]
    return "\n".join(lines)


def _first_notes(ordered: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The note number of each item's first citation."""
    first: dict[str, Any] = {}
    for _, citation in ordered:
        for raw in citation["citationItems"]:
            first.setdefault(str(raw["id"]), (citation.get("properties") or {}).get("noteIndex"))
    return first


def _marked(renders: Callable[[list[dict[str, Any]]], list[str]], fixture: Fixture,
            numbers: Callable[[list[dict[str, Any]]], dict[str, int]] | None = None) -> str:
    """citeproc-js's ``CITATIONS`` output: every cluster, ``>>`` on those the last one added or changed
    (*numbers*: each cited item's citation-number for these clusters, when the engine knows it)."""
    ordered = _citations_in_order(fixture.citations)
    earlier = _citations_in_order(fixture.citations[:-1])  # as they were before the last was added
    last_id = fixture.citations[-1][0]["citationID"]
    after = renders([c for _, c in ordered])
    before = dict(zip([cid for cid, _ in earlier], renders([c for _, c in earlier]))) if earlier else {}
    # citeproc-js returns the cluster added, those whose text changed and, when the style prints
    # first-reference-note-number, those citing an item whose first note number changed
    moved = set()
    if "first-reference-note-number" in fixture.csl:
        first_before, first_after = _first_notes(earlier), _first_notes(ordered)
        moved = {key for key, number in first_after.items() if first_before.get(key, number) != number}
    # and, when the style prints citation-number, those citing an item whose number changed
    if numbers is not None and "citation-number" in fixture.csl and earlier:
        number_before, number_after = numbers([c for _, c in earlier]), numbers([c for _, c in ordered])
        moved |= {key for key, number in number_after.items() if number_before.get(key, number) != number}
    lines = []
    for index, ((citation_id, citation), text) in enumerate(zip(ordered, after)):
        renumbered = any(str(raw["id"]) in moved for raw in citation["citationItems"])
        changed = citation_id == last_id or renumbered or before.get(citation_id) != text
        mark = ">>" if changed else ".."
        lines.append(f"{mark}[{index}] {text}")
    return "\n".join(lines)


def _ids(fixture: Fixture) -> list[str]:
    """The items' ids, each once: two items with one id are one item (the last), as in
    citeproc-js's registry."""
    return list(dict.fromkeys(item["id"] for item in fixture.items))


# -- frus-cite's engine ---------------------------------------------------------------------


def _ours(fixture: Fixture, style_path: Path) -> str:
    from frus_cite.formatting.engine.entries import NO_PRINTED_FORM
    from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

    def engine() -> NoteEngine:
        return NoteEngine(fixture.items, style=str(style_path), ibid=True)

    def cite_of(raw: dict[str, Any]) -> Cite:
        locator = raw.get("locator")
        return Cite(
            id=str(raw["id"]),
            locator=str(locator) if locator not in (None, "") else None,
            label=raw.get("label") or "page",
            prefix=raw.get("prefix"),
            suffix=raw.get("suffix"),
            position=_POSITIONS.get(raw["position"]) if "position" in raw else None,
        )

    def as_citeproc_js(note: str) -> str:
        # frus-cite prints nothing (and reports the item) where citeproc-js prints its stand-in
        return note or NO_PRINTED_FORM

    if fixture.mode == "bibliography":
        chosen = fixture.bibentries[-1] if fixture.bibentries else [item["id"] for item in fixture.items]
        if fixture.citations and not fixture.bibentries:  # the items the document cites now
            cited = (raw["id"] for _, c in _citations_in_order(fixture.citations) for raw in c["citationItems"])
            chosen = list(dict.fromkeys(str(key) for key in cited))
        return _bibliography_html(engine().bibliography(fmt="html", ids=[str(i) for i in chosen]))
    if fixture.citations:
        def render(clusters: list[dict[str, Any]]) -> list[str]:
            notes = engine()
            notes.expect(str(raw["id"]) for c in clusters for raw in c["citationItems"])
            return [as_citeproc_js(notes.cite(Cluster.from_citeproc_js(c, i + 1), fmt="html")) for i, c in enumerate(clusters)]

        def numbers(clusters: list[dict[str, Any]]) -> dict[str, int]:
            notes = engine()
            notes.expect(str(raw["id"]) for c in clusters for raw in c["citationItems"])
            return {key: rank for rank, key in enumerate(notes.bibliography_order(), start=1)}

        return _marked(render, fixture, numbers)
    notes = engine()
    notes.expect(item["id"] for item in fixture.items)  # the runner's updateItems
    # without clusters, the runner cites every item in one, in the registry's (bibliography) order
    groups = fixture.citation_items or [[{"id": key} for key in notes.bibliography_order()]]
    return "\n".join(
        as_citeproc_js(notes.cite(Cluster(tuple(cite_of(raw) for raw in group), index + 1), fmt="html"))
        for index, group in enumerate(groups)
    )


# -- bare citeproc-py, as its own test runner drives it ---------------------------------------


def _bare(fixture: Fixture, style_path: Path) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    def item_of(raw: dict[str, Any]) -> CitationItem:
        options = {}
        if raw.get("locator") not in (None, ""):
            options["locator"] = Locator(raw.get("label", "page"), raw["locator"])
        for key in ("prefix", "suffix"):
            if key in raw:
                options[key] = raw[key]
        return CitationItem(str(raw["id"]), **options)

    def run(groups: list[list[dict[str, Any]]]) -> tuple[Any, list[Any]]:
        style = CitationStylesStyle(str(style_path), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(fixture.items), formatter.html)
        citations = [Citation([item_of(raw) for raw in group]) for group in groups]
        for citation in citations:
            bibliography.register(citation)
        if style.has_bibliography():
            bibliography.sort()
        return bibliography, citations

    def cites(groups: list[list[dict[str, Any]]]) -> list[str]:
        bibliography, citations = run(groups)
        return [str(bibliography.cite(c, lambda missing: None)) for c in citations]

    everything = [[{"id": key} for key in _ids(fixture)]]
    if fixture.mode == "bibliography":
        groups = [[{"id": i} for i in fixture.bibentries[-1]]] if fixture.bibentries else everything
        bibliography, _ = run(groups)
        text = _bibliography_html([str(entry) for entry in bibliography.bibliography()])
    elif fixture.citations:
        text = _marked(lambda clusters: cites([c["citationItems"] for c in clusters]), fixture)
    else:
        text = "\n".join(cites(fixture.citation_items or everything))
    return text.replace("&amp;", "&#38;")


ENGINES: dict[str, Callable[[Fixture, Path], str]] = {"ours": _ours, "bare": _bare}


# -- running and scoring ------------------------------------------------------------------------


@dataclass
class Outcome:
    fixture: Fixture
    passed: bool
    got: str


def _same(expected: str, got: str) -> bool:
    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip().splitlines()]

    return lines(expected) == lines(got)


def run_fixture(fixture: Fixture, engine: str, workdir: Path) -> Outcome:
    if fixture.unsupported:
        return Outcome(fixture, False, f"[not run: {fixture.unsupported}]")
    style_path = workdir / f"{engine}-{fixture.name}.csl"  # a file of its own: styles are cached by path
    style_path.write_text(fixture.csl, encoding="utf-8")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = ENGINES[engine](fixture, style_path)
    except Exception as exc:  # a fixture the engine cannot run is a failure, recorded with its error
        got = f"[{type(exc).__name__}: {exc}]"
    return Outcome(fixture, _same(fixture.expected, got), got)


def run_suite(fixtures: list[Fixture], engine: str) -> list[Outcome]:
    with tempfile.TemporaryDirectory(prefix="csl-suite-") as workdir:
        return [run_fixture(fixture, engine, Path(workdir)) for fixture in fixtures]


@dataclass
class Rates:
    passed: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> "Rates":
        rates = cls()
        for outcome in outcomes:
            rates.total[outcome.fixture.category] += 1
            rates.passed[outcome.fixture.category] += outcome.passed
        return rates

    def rate(self, category: str | None = None) -> float:
        if category is None:
            return sum(self.passed.values()) / max(1, sum(self.total.values()))
        return self.passed[category] / max(1, self.total[category])


def table(rates: dict[str, Rates]) -> str:
    engines = list(rates)
    categories = sorted(set().union(*(r.total for r in rates.values())), key=lambda c: (-next(iter(rates.values())).total[c], c))
    header = f"{'category':<14}{'fixtures':>9}" + "".join(f"{name:>16}" for name in engines)
    rows = [header, "-" * len(header)]
    for category in categories + [None]:
        first = next(iter(rates.values()))
        total = first.total[category] if category else sum(first.total.values())
        cells = "".join(
            f"{(r.passed[category] if category else sum(r.passed.values())):>7} ({r.rate(category):>5.1%})" for r in rates.values()
        )
        rows.append(f"{category or 'all':<14}{total:>9}{cells}")
    return "\n".join(rows)


def rst_table(rates: dict[str, Rates]) -> str:
    """The same table as reStructuredText, for docs/explanation/csl-conformance.rst."""
    first = next(iter(rates.values()))
    categories = sorted(first.total, key=lambda c: (-first.total[c], c))
    lines = [".. list-table::", "   :header-rows: 1", "", "   * - category", "     - fixtures"]
    lines += [f"     - {name}" for name in rates]
    for category in categories + [None]:
        total = first.total[category] if category else sum(first.total.values())
        lines += [f"   * - {category or '**all**'}", f"     - {total}"]
        lines += [f"     - {r.passed[category] if category else sum(r.passed.values())} ({r.rate(category):.0%})" for r in rates.values()]
    return "\n".join(lines)


def floors_of(outcomes: list[Outcome]) -> dict[str, Any]:
    """Passed counts to hold (counts, not rounded rates: one lost fixture is a drop), and the
    passing fixtures' names, so that a drop names what was lost."""
    rates = Rates.of(outcomes)
    return {
        "fixtures": len(outcomes),
        "all": sum(rates.passed.values()),
        "categories": {c: rates.passed[c] for c in sorted(rates.total)},
        "passing": sorted(o.fixture.name for o in outcomes if o.passed),
    }


def explanations() -> dict[str, str]:
    """Fixture name → why frus-cite fails it (empty when nothing is recorded yet)."""
    if not EXPLAINED.is_file():
        return {}
    return json.loads(EXPLAINED.read_text(encoding="utf-8"))


def unexplained(outcomes: list[Outcome], explained: dict[str, str]) -> tuple[list[str], list[str]]:
    """Failing fixtures with no recorded reason, and recorded fixtures that now pass."""
    failing = {o.fixture.name for o in outcomes if not o.passed}
    ran = {o.fixture.name for o in outcomes}
    return sorted(failing - set(explained)), sorted((set(explained) & ran) - failing)


def rst_reasons(outcomes: list[Outcome], explained: dict[str, str]) -> str:
    """The failing fixtures grouped by reason, as reStructuredText (most fixtures first)."""
    by_reason: dict[str, list[str]] = {}
    for outcome in outcomes:
        if not outcome.passed:
            by_reason.setdefault(explained.get(outcome.fixture.name, "(no reason recorded)"), []).append(outcome.fixture.name)
    lines = []
    for reason, names in sorted(by_reason.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        lines += [f"* {reason} ({len(names)}): " + ", ".join(f"``{name}``" for name in sorted(names)), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["ours", "bare", "both"], default="both")
    parser.add_argument("-k", dest="pattern", default="", help="only fixtures whose name contains this")
    parser.add_argument("--failures", metavar="CATEGORY", help="print expected and got for failing fixtures ('all' for every one)")
    parser.add_argument("--rst", action="store_true", help="print the table as reStructuredText")
    parser.add_argument("--reasons", action="store_true", help="print the failing fixtures grouped by their recorded reason (reStructuredText)")
    parser.add_argument("--write-floors", action="store_true", help=f"record our passed counts in {FLOORS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if not SUITE.is_dir():
        print(f"the CSL test suite is not at {SUITE} (set FRUS_CITE_SHARED)", file=sys.stderr)
        return 2
    fixtures = load_fixtures(SUITE, args.pattern)
    engines = ["ours", "bare"] if args.engine == "both" else [args.engine]
    rates, outcomes = {}, {}
    for engine in engines:
        started = time.perf_counter()
        outcomes[engine] = run_suite(fixtures, engine)
        rates[engine] = Rates.of(outcomes[engine])
        print(f"{engine}: {len(fixtures)} fixtures in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.failures:
        for outcome in outcomes[engines[0]]:
            if not outcome.passed and args.failures in ("all", outcome.fixture.category):
                reason = explanations().get(outcome.fixture.name, "no reason recorded")
                print(f"--- {outcome.fixture.name} ({reason})\nexpected:\n{outcome.fixture.expected}\ngot:\n{outcome.got}\n")
    print(rst_table(rates) if args.rst else table(rates))
    if args.reasons:
        print(rst_reasons(outcomes[engines[0]], explanations()))
    if args.write_floors:
        if "ours" not in rates or args.pattern:
            parser.error("--write-floors needs the whole suite run through our engine")
        FLOORS.write_text(json.dumps(floors_of(outcomes["ours"]), indent=1) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
