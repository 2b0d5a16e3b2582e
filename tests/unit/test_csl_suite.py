"""The CSL processor test suite, run through frus-cite's engine, holds its recorded floors.

``tools/csl_suite.py`` runs the suite (``../shared/corpus/csl-test-suite/humans``) and prints
the pass rate per category; ``--write-floors`` records the passed count of each category in
``tests/fixtures/conformance/csl-suite-floors.json``.  A category that passes fewer fixtures
than its floor fails here, naming the fixtures that passed when the floor was recorded and fail
now.  The suite is test data outside the project: without it these tests skip.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from ..conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("csl_suite", ROOT / "tools" / "csl_suite.py")
csl_suite = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("csl_suite", csl_suite)  # dataclasses look their module up by name
_spec.loader.exec_module(csl_suite)

SUITE = SHARED / "corpus" / "csl-test-suite" / "humans"
FLOORS = json.loads(csl_suite.FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def outcomes():
    if not SUITE.is_dir():
        pytest.skip(f"CSL test suite not available: {SUITE} does not exist (CI provides ../shared)")
    return csl_suite.run_suite(csl_suite.load_fixtures(SUITE), "ours")


@pytest.mark.parametrize("category", sorted(FLOORS["categories"]))
def test_category_holds_its_floor(outcomes, category):
    mine = [o for o in outcomes if o.fixture.category == category]
    passed = {o.fixture.name for o in mine if o.passed}
    floor = FLOORS["categories"][category]
    lost = sorted(name for name in FLOORS["passing"] if name.startswith(category + "_") and name not in passed)
    assert len(passed) >= floor, f"{category}: {len(passed)}/{len(mine)} pass, floor {floor}; no longer passing: {lost}"


def test_whole_suite_holds_its_floor(outcomes):
    passed = sum(o.passed for o in outcomes)
    assert len(outcomes) == FLOORS["fixtures"], "the suite changed: rerun tools/csl_suite.py --write-floors"
    assert passed >= FLOORS["all"], f"{passed}/{len(outcomes)} pass, floor {FLOORS['all']}"


def test_every_failing_fixture_has_its_reason(outcomes):
    """A fixture frus-cite fails is listed in csl-suite-failures.json with why; a listed one that
    passes now is taken off the list (the list says what is left, nothing more)."""
    missing, stale = csl_suite.unexplained(outcomes, csl_suite.explanations())
    assert not missing, f"failing with no reason recorded in {csl_suite.EXPLAINED.name}: {missing}"
    assert not stale, f"passing now, remove from {csl_suite.EXPLAINED.name}: {stale}"


def test_reasons_are_grouped_for_the_docs():
    fixture = csl_suite.Fixture("collapse_A", "collapse", "citation", "x", "", [])
    other = csl_suite.Fixture("collapse_B", "collapse", "citation", "x", "", [])
    outcomes = [csl_suite.Outcome(fixture, False, "y"), csl_suite.Outcome(other, False, "y")]
    assert csl_suite.unexplained(outcomes, {"collapse_A": "needs cluster rendering"}) == (["collapse_B"], [])
    text = csl_suite.rst_reasons(outcomes, {"collapse_A": "needs cluster rendering"})
    assert "* needs cluster rendering (1): ``collapse_A``" in text
    assert "* (no reason recorded) (1): ``collapse_B``" in text


def test_a_fixture_is_read_as_its_sections(tmp_path):
    fixture_file = tmp_path / "position_Example.txt"
    fixture_file.write_text(
        ">>===== MODE =====>>\ncitation\n<<===== MODE =====<<\n"
        ">>==== RESULT ====>>\nIbid.\n<<==== RESULT ====<<\n"
        '>>===== INPUT =====>>\n[{"title": "A"}]\n<<===== INPUT =====<<\n'
        '>>===== CITATION-ITEMS =====>>\n[[{"id": "0", "position": 2}]]\n<<===== CITATION-ITEMS =====<<\n'
        '>>===== CSL =====>>\n<style/>\n<<===== CSL =====<<\n',
        encoding="utf-8",
    )
    fixture = csl_suite.Fixture.read(fixture_file)
    assert (fixture.category, fixture.mode, fixture.expected, fixture.csl) == ("position", "citation", "Ibid.", "<style/>")
    assert fixture.items == [{"title": "A", "id": "0", "type": "book"}]
    assert fixture.citation_items == [[{"id": "0", "position": 2}]]
    assert fixture.unsupported is None


def test_citations_are_put_in_document_order():
    """A cluster whose ``citationsPre`` is shorter than the document goes where it says."""
    fixture = csl_suite.Fixture("x_Y", "x", "citation", "", "", [])
    fixture.citations = [
        [{"citationID": "A"}, [], []],
        [{"citationID": "B"}, [["A", 1]], []],
        [{"citationID": "C"}, [["A", 1]], [["B", 2]]],
    ]
    assert [cid for cid, _ in csl_suite._citations_in_order(fixture.citations)] == ["A", "C", "B"]


def test_a_citation_edited_again_replaces_itself_and_notes_take_their_new_numbers():
    """citeproc-js's runner: a ``citationID`` sent again is an edit; ``citationsPre``/``Post``
    give every note's number as it is after the insertion."""
    citations = [
        [{"citationID": "A", "citationItems": [{"id": 1}], "properties": {"noteIndex": 1}}, [], []],
        [{"citationID": "B", "citationItems": [{"id": 2}], "properties": {"noteIndex": 1}}, [], [["A", 2]]],
        [{"citationID": "A", "citationItems": [{"id": 3}], "properties": {"noteIndex": 2}}, [["B", 1]], []],
    ]
    ordered = csl_suite._citations_in_order(citations)
    assert [(cid, c["properties"]["noteIndex"], c["citationItems"][0]["id"]) for cid, c in ordered] == [("B", 1, 2), ("A", 2, 3)]


def test_a_citation_the_last_call_leaves_out_is_no_longer_in_the_document():
    citations = [
        [{"citationID": "A", "citationItems": [{"id": 1}], "properties": {"noteIndex": 0}}, [], []],
        [{"citationID": "B", "citationItems": [{"id": 2}], "properties": {"noteIndex": 0}}, [["A", 0]], []],
        [{"citationID": "B", "citationItems": [{"id": 2}], "properties": {"noteIndex": 0}}, [], []],
    ]
    assert [cid for cid, _ in csl_suite._citations_in_order(citations)] == ["B"]


def test_a_cluster_whose_items_are_renumbered_is_reported_even_if_its_text_is_the_same():
    """citeproc-js returns a citation again when a citation-number of one of its items changed
    (a numeric style renumbers the items after an earlier insertion), whatever its text."""
    citations = [
        [{"citationID": "A", "citationItems": [{"id": "x"}, {"id": "y"}], "properties": {"noteIndex": 1}}, [], []],
        [{"citationID": "B", "citationItems": [{"id": "y"}], "properties": {"noteIndex": 1}}, [], [["A", 2]]],
    ]
    fixture = csl_suite.Fixture("t", "sort", "citation", "", '<text variable="citation-number"/>', [], citations=citations)

    def numbers(clusters):  # first cited, first numbered
        ids = dict.fromkeys(raw["id"] for c in clusters for raw in c["citationItems"])
        return {key: rank for rank, key in enumerate(ids, start=1)}

    same_text = lambda clusters: ["1, 2"] * len(clusters)  # noqa: E731
    assert csl_suite._marked(same_text, fixture, numbers) == ">>[0] 1, 2\n>>[1] 1, 2"
    assert csl_suite._marked(same_text, fixture) == ">>[0] 1, 2\n..[1] 1, 2"
