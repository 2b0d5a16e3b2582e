"""Locale details of rendering: the locale's "&" between locator numbers, Turkish dotted i."""

from __future__ import annotations

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine
from frus_cite.formatting.textcase import apply_text_case


def test_locale_symbol_for_and_joins_locator_numbers(tmp_path):
    style = tmp_path / "amp.csl"
    style.write_text('<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
                     "<info><title>a</title><id>a</id><updated>2026-11-30T00:00:00+00:00</updated></info>"
                     '<locale><terms><term name="and" form="symbol">und</term></terms></locale>'
                     '<citation><layout><text variable="locator"/></layout></citation></style>', encoding="utf-8")
    engine = NoteEngine([{"id": "a", "type": "book", "title": "T"}], style=str(style))
    assert engine.cite(Cluster((Cite("a", "213 & 235"),), 1), fmt="text") == "213 und 235"


def test_turkish_upper_and_lower_case_keep_the_dot_of_i():
    assert apply_text_case("ic ıd", "uppercase", language="tr") == "İC ID"
    assert apply_text_case("ic ıd", "uppercase", language="en") == "IC ID"
    assert apply_text_case("İSTANBUL", "lowercase", language="tr") == "istanbul"
