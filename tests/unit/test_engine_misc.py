"""CSL semantics of the engine layer beyond names and clusters: display, dates, numbers,
sorting, rich text — each checked on what a reader of the output sees."""

from __future__ import annotations

from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

_HEAD = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0"{attrs}>'
    "<info><title>s</title><id>s</id><updated>2026-11-30T00:00:00+00:00</updated></info>"
)


def style_file(tmp_path, citation: str, bibliography: str = "", *, cls: str = "note", attrs: str = "", extra: str = "") -> str:
    """A style whose citation layout is *citation* (and bibliography layout *bibliography*)."""
    text = _HEAD.format(cls=cls, attrs=attrs) + extra + f"<citation>{citation}</citation>"
    if bibliography:
        text += f"<bibliography>{bibliography}</bibliography>" if not bibliography.startswith("<bibliography") else bibliography
    path = tmp_path / "s.csl"
    path.write_text(text + "</style>", encoding="utf-8")
    return str(path)


def note(style: str, item: dict, **cite) -> str:
    engine = NoteEngine([item], style=style)
    return engine.cite(Cluster((Cite(item["id"], **cite),), 1), fmt="html")


BOOK = {"id": "b", "type": "book", "title": "Book A", "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[2000]]}, "abstract": "About it."}


# -- display ---------------------------------------------------------------------------------


def test_second_field_align_puts_the_number_in_the_margin(tmp_path):
    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<bibliography second-field-align="flush"><layout suffix=".">'
        '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/></layout></bibliography>',
    )
    html = render_entries([BOOK], style=style, fmt="html")
    assert html == ['\n    <div class="csl-left-margin">[1]</div><div class="csl-right-inline"> Book A.</div>\n  ']
    assert render_entries([BOOK], style=style, fmt="text") == ["[1] Book A."]


def test_display_block_and_indent_as_citeproc_js_writes_them(tmp_path):
    style = style_file(
        tmp_path, '<layout><text variable="title"/></layout>',
        '<layout><group display="block"><names variable="author"><name/></names></group>'
        '<text variable="title"/><text variable="abstract" display="indent"/></layout>',
    )
    assert render_entries([BOOK], style=style, fmt="html") == [
        '\n\n    <div class="csl-block">John Smith</div>\nBook A<div class="csl-indent">About it.</div>\n  '
    ]
    # No author: no empty block.
    anonymous = {k: v for k, v in BOOK.items() if k != "author"}
    assert render_entries([anonymous], style=style, fmt="html") == ['Book A<div class="csl-indent">About it.</div>\n  ']
