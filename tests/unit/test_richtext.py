"""CSL rich text in field values (what Zotero writes in CSL-JSON), rendered as citeproc-js does.

The conformance test compares whole notes with citeproc-js; these pin the rules one by one."""

from __future__ import annotations

from frus_cite.formatting import richtext
from frus_cite.formatting.bibliography import render_entries
from frus_cite.formatting.tree import Rendered, mark


def render(value: str, fmt: str, *, italic_context: bool = False) -> str:
    text = richtext.protect(value)
    if italic_context:
        text = mark("italic", text)
    if fmt == "text":
        return richtext.restore(text, "text")
    return Rendered.from_marked(richtext.restore(text, "marked")).html()


def test_tags_become_markup_in_html_and_vanish_in_text():
    value = 'Review of <i>The China Tangle</i>, <b>b</b>, H<sub>2</sub>O, 10<sup>6</sup>, <span style="font-variant:small-caps;">Tass</span>'
    assert render(value, "html") == value
    assert render(value, "text") == "Review of The China Tangle, b, H2O, 106, Tass"


def test_italic_inside_italic_flips_to_roman_and_back():
    assert render("Reading <i>Pravda</i> today", "html", italic_context=True) == (
        '<i>Reading <span style="font-style:normal;">Pravda</span> today</i>')
    assert render("a <i>b <i>c</i> d</i> e", "html") == 'a <i>b <span style="font-style:normal;">c</span> d</i> e'


def test_nocase_span_keeps_its_words_only():
    assert render('the <span class="nocase">UNRRA</span> files', "html") == "the UNRRA files"


def test_unbalanced_or_unknown_tags_stay_text():
    assert richtext.protect("a <i>b") == "a <i>b"
    assert richtext.protect("a </i> <i>b") == "a </i> <i>b"
    assert richtext.protect("<script>x</script>") == "<script>x</script>"
    assert richtext.plain("Reading <i>Pravda</i>") == "Reading Pravda"


def test_bibliography_sorts_by_the_words_not_the_tags():
    items = [
        {"id": "b", "type": "book", "title": "<i>Zhdanov</i> and the Press"},
        {"id": "a", "type": "book", "title": "The <i>Amerasia</i> Papers"},
        {"id": "c", "type": "book", "title": "Mao’s China"},
    ]
    entries = render_entries(items, fmt="text")
    assert entries == ["Mao’s China.", "The Amerasia Papers.", "Zhdanov and the Press."]  # citeproc-js's order
