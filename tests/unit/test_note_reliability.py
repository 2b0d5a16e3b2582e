"""Defects of issue #16 in the formatting layer, each with the case that showed it."""

from __future__ import annotations

import json
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frus_cite.cli import main
from frus_cite.formatting import postprocess
from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine, NoteError
from frus_cite.formatting.styles import NoBibliographyError, has_bibliography
from frus_cite.formatting.tree import MARKS, marks

URL = "https://digitalarchive.wilsoncenter.org/search?title=Harriman's+Cable"
RECORD = {"id": "w", "type": "manuscript", "title": "Cable... Summary", "archive": "Library of Congress", "URL": URL}


def test_an_ellipsis_in_a_title_stays_three_periods():
    engine = NoteEngine([RECORD])
    note = engine.cite(Cluster((Cite("w"),), 1))
    assert "“Cable... Summary,”" in note
    assert postprocess.drop_doubled_punctuation("Cable... Summary..") == "Cable... Summary."


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_an_apostrophe_in_a_url_is_not_curled(fmt):
    note = NoteEngine([RECORD]).cite(Cluster((Cite("w"),), 1), fmt=fmt)
    assert URL in note
    (entry,) = render_entries([RECORD], fmt=fmt, style="chicago-notes-bibliography")
    assert URL in entry
    assert postprocess.curly_quotes(f'"See {URL}"') == f"“See {URL}”"


# The rule in its plainest (slow) form: a run of closing quotes, then any formatting between them
# and the punctuation (the formatter's marks; a tag written in a field value), then the run of
# marks citeproc-js moves (all but ";" and ":"), which goes inside.  The fast definition of #16
# (a match starts only where a run of quotes starts) must print the same.
_FORMATTING_MARKS = "".join(marks("italic") + marks("bold"))
PLAIN_PUNCTUATION_IN_QUOTES = re.compile(rf"([”’]+(?:</?[a-z]+>|[{MARKS}])*)([.,!?]+)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="”’.,?! a<>/i" + _FORMATTING_MARKS, max_size=30))
def test_punctuation_moves_inside_quotes_across_marks_as_the_plain_rule_says(text):
    assert postprocess.punctuation_in_quotes(text) == PLAIN_PUNCTUATION_IN_QUOTES.sub(r"\2\1", text)


def test_a_long_run_of_closing_quotes_is_fast():
    started = time.perf_counter()
    result = postprocess.punctuation_in_quotes("”" * 200_000 + "x")  # 20,000 took 14 s
    assert time.perf_counter() - started < 5 and result == "”" * 200_000 + "x"


def test_an_empty_cluster_is_an_error_not_a_period():
    engine = NoteEngine([RECORD])
    with pytest.raises(NoteError, match="cluster 1: 'citationItems' is empty"):
        engine.cite_clusters([{"citationItems": [], "properties": {"noteIndex": 1}}])
    with pytest.raises(NoteError, match="note 4: no citation to format"):
        engine.cite(Cluster((), 4))


def test_a_notes_only_style_renders_notes_and_refuses_a_bibliography():
    assert not has_bibliography("the-historical-journal") and has_bibliography(None)
    engine = NoteEngine([RECORD], style="the-historical-journal")
    assert engine.cite(Cluster((Cite("w"),), 1))
    with pytest.raises(NoBibliographyError, match="'the-historical-journal' has no <bibliography> section"):
        engine.bibliography()


def test_cli_notes_with_a_notes_only_style_prints_notes_and_warns(tmp_path, capsys):
    items, cites = tmp_path / "items.json", tmp_path / "cites.json"
    items.write_text(json.dumps([RECORD]), encoding="utf-8")
    cites.write_text(json.dumps([{"citationItems": [{"id": "w"}], "properties": {"noteIndex": 1}}]), encoding="utf-8")
    code = main(["notes", "--items", str(items), "--cites", str(cites), "--style", "the-historical-journal", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    result = json.loads(out)
    assert len(result["notes"]) == 1 and "Cable... Summary" in result["notes"][0] and result["bibliography"] == []
    assert err == (
        "frus-cite: warning: the CSL style 'the-historical-journal' has no <bibliography> section: it formats notes only, "
        "so it cannot print a bibliography (choose a style with one, e.g. frus-chicago-notes); no bibliography printed\n"
    )


def test_cli_bib_with_a_notes_only_style_is_an_error(capsys):
    from ..conftest import seed

    code = main(["bib", str(seed(0)), "--volume", "frus1945v07", "--style", "agora"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("frus-cite: error: the CSL style 'agora' has no <bibliography> section")
    assert "Traceback" not in err
