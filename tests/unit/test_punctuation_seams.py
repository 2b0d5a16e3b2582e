"""Punctuation where two pieces of a cite meet (engine/punctuation.py), and marks moved
inside quotation marks under ``punctuation-in-quote``."""

from __future__ import annotations

import pytest

from frus_cite.formatting.engine.punctuation import join_at_seam, merged
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine, NoteError
from frus_cite.formatting.tree import mark

from ..csl_style import write_style


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
    style = write_style(tmp_path, f"<citation><layout>{layout}</layout></citation>")
    engine = NoteEngine([{"id": "a", "type": "book", **item}], style=style)
    return engine.cite(Cluster((Cite("a"),), 1), fmt=fmt)


def test_a_group_joins_affixes_without_doubled_marks(tmp_path):
    layout = '<group><text variable="title" suffix=";"/><text variable="publisher" prefix=": "/></group>'
    assert _note(tmp_path, layout, title="Papers", publisher="GPO") == "Papers; GPO"


def test_exclamation_from_the_style_moves_inside_quotes_in_american_english(tmp_path):
    layout = '<group><text variable="title" quotes="true" suffix="!"/><text variable="publisher" prefix=" "/></group>'
    assert _note(tmp_path, layout, title="Papers", publisher="GPO") == "“Papers!” GPO"


def test_a_macro_whose_variables_are_all_empty_prints_nothing(tmp_path):
    style = write_style(tmp_path, '<macro name="container"><text term="in" suffix=" "/><text variable="container-title"/></macro>'
                                  '<citation><layout><group delimiter=", "><text variable="title"/><text macro="container"/></group>'
                                  "</layout></citation>")
    engine = NoteEngine([{"id": "a", "type": "chapter", "title": "Papers"},
                         {"id": "b", "type": "chapter", "title": "Papers", "container-title": "Book"}], style=style)
    assert engine.cite(Cluster((Cite("a"),), 1), fmt="text") == "Papers"
    assert engine.cite(Cluster((Cite("b"),), 2), fmt="text") == "Papers, in Book"


def test_a_comma_after_a_quotation_in_a_prefix_stays_where_it_was_written(tmp_path):
    style = write_style(tmp_path, '<citation><layout><text variable="title"/></layout></citation>')
    engine = NoteEngine([{"id": "a", "type": "book", "title": "Hello Thing"}], style=style)
    assert engine.cite(Cluster((Cite("a", prefix="'quote', "),), 1), fmt="text") == "“quote”, Hello Thing"


def test_french_guillemets_in_a_value_keep_a_narrow_no_break_space():
    from frus_cite.formatting.postprocess import prepare_fields

    assert prepare_fields({"id": "a", "type": "book", "title": "His « Anonymous » Life"}, "text")["title"] == \
        "His «\u202fAnonymous\u202f» Life"


def _bibliography(tmp_path, body: str, items: list[dict]) -> list[str]:
    from frus_cite.formatting.bibliography import render_entries

    style = write_style(tmp_path, f'<citation><layout><text variable="title"/></layout></citation>{body}')
    return render_entries(items, style=style, fmt="text")


def test_names_a_substitute_printed_are_not_printed_again_inside_it(tmp_path):
    body = ('<macro name="editor"><names variable="editor"><name/><label prefix=" " form="short"/></names>'
            '<names variable="editor"><name/></names></macro>'
            '<bibliography><layout><names variable="author"><substitute><text macro="editor"/></substitute></names>'
            "</layout></bibliography>")
    assert _bibliography(tmp_path, body, [{"id": "a", "type": "book", "editor": [{"family": "Doe", "given": "Jo"}]}]) == ["Jo Doe ed."]
