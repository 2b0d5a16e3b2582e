"""Punctuation where two pieces of a cite meet (engine/punctuation.py), and marks moved
inside quotation marks under ``punctuation-in-quote``."""

from __future__ import annotations

import pytest

from frus_cite.formatting.engine.punctuation import join_at_seam, merged
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine, NoteError
from frus_cite.formatting.tree import mark


@pytest.mark.parametrize(("left", "right", "printed"), [
    (":", ":", ":"), (";", ":", ";"), (".", ":", ".:"),   # a colon after a stronger mark goes
    ("?", ".", "?"), (",", ".", ",."), (":", ".", ":"),   # a period after any mark but a comma goes
    (";", "!", "!"), (".", "!", ".!"),                     # "!" and "?" replace a colon or semicolon
    (":", ";", ":;"), (".", ",", ".,"), (",", ",", ","),
])
def test_two_marks_meeting(left, right, printed):
    assert merged(left, right) == printed


def test_marks_merge_across_the_formatters_marks():
    # what citeproc-py hands the join through frus-cite's formatter: an italic run in marks
    assert join_at_seam(mark("italic", "Why?"), ". Next") == mark("italic", "Why?") + " Next"
    assert join_at_seam("Title", mark("italic", ": Next")) == "Title" + mark("italic", ": Next")
    assert join_at_seam("Title", ", next") == "Title, next"


def test_an_italic_title_ending_in_a_question_mark_takes_no_colon_in_text_or_html(tmp_path):
    layout = '<group><text variable="title" font-style="italic"/><text variable="publisher" prefix=": "/></group>'
    item = {"title": "Who Lost China?", "publisher": "Knopf"}
    assert _note(tmp_path, layout, **item) == "Who Lost China? Knopf"
    assert _note(tmp_path, layout, fmt="html", **item) == "<i>Who Lost China?</i> Knopf"


def test_an_unknown_output_format_is_refused(tmp_path):
    with pytest.raises(NoteError, match="unknown output format 'plain'"):
        _note(tmp_path, '<text variable="title"/>', fmt="plain", title="Papers")
    with pytest.raises(NoteError, match="unknown output format 'latex'"):
        NoteEngine([{"id": "a", "type": "book", "title": "Papers"}]).bibliography(fmt="latex")


def _note(tmp_path, layout: str, fmt: str = "text", **item) -> str:
    style = tmp_path / f"p-{abs(hash(layout))}.csl"
    style.write_text('<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
                     "<info><title>p</title><id>p</id><updated>2026-11-30T00:00:00+00:00</updated></info>"
                     f"<citation><layout>{layout}</layout></citation></style>", encoding="utf-8")
    engine = NoteEngine([{"id": "a", "type": "book", **item}], style=str(style))
    return engine.cite(Cluster((Cite("a"),), 1), fmt=fmt)


def test_a_group_joins_affixes_without_doubled_marks(tmp_path):
    layout = '<group><text variable="title" suffix=";"/><text variable="publisher" prefix=": "/></group>'
    assert _note(tmp_path, layout, title="Papers", publisher="GPO") == "Papers; GPO"


def test_exclamation_from_the_style_moves_inside_quotes_in_american_english(tmp_path):
    layout = '<group><text variable="title" quotes="true" suffix="!"/><text variable="publisher" prefix=" "/></group>'
    assert _note(tmp_path, layout, title="Papers", publisher="GPO") == "“Papers!” GPO"
