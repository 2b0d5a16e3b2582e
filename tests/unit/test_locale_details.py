"""Locale details of rendering: the locale's "&" between locator numbers, Turkish dotted i."""

from __future__ import annotations

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine
from frus_cite.formatting.textcase import apply_text_case

from ..csl_style import write_style


def test_locale_symbol_for_and_joins_locator_numbers(tmp_path):
    style = write_style(tmp_path, '<locale><terms><term name="and" form="symbol">und</term></terms></locale>'
                                  '<citation><layout><text variable="locator"/></layout></citation>')
    engine = NoteEngine([{"id": "a", "type": "book", "title": "T"}], style=style)
    assert engine.cite(Cluster((Cite("a", "213 & 235"),), 1), fmt="text") == "213 und 235"


def test_turkish_upper_and_lower_case_keep_the_dot_of_i():
    assert apply_text_case("ic ıd", "uppercase", language="tr") == "İC ID"
    assert apply_text_case("ic ıd", "uppercase", language="en") == "IC ID"
    assert apply_text_case("İSTANBUL", "lowercase", language="tr") == "istanbul"


def test_a_locator_written_with_its_label_takes_that_label(tmp_path):
    from frus_cite.formatting.engine.labels import locator_label

    assert locator_label("vol. 1, fol. 186", "book") == ("volume", "1, fol. 186")
    assert locator_label("12", "book") is None
    assert locator_label("sec. 3", "legislation") is None  # legal locators keep their own reading
    style = write_style(tmp_path, '<citation><layout><group delimiter=" "><label variable="locator" form="short"/>'
                                  '<text variable="locator"/></group></layout></citation>')
    engine = NoteEngine([{"id": "a", "type": "book", "title": "T"}], style=style)
    # one volume: the numbers after an embedded label ("fol. 186") do not make it plural
    assert engine.cite(Cluster((Cite("a", "vol. 1, fol. 186"),), 1), fmt="text") == "vol. 1, fol. 186"
    assert engine.cite(Cluster((Cite("a", "367-368, fig. 333"),), 2), fmt="text") == "pp. 367–368, fig. 333"
