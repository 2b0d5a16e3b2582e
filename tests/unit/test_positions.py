"""CSL positions the note engine decides (notes.py): citations in the main text, several
clusters in one note, near-note inside a note."""

from __future__ import annotations

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

from ..csl_style import write_style

ITEMS = [
    {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Ames", "given": "Ann"}]},
    {"id": "b", "type": "book", "title": "Beta", "author": [{"family": "Bell", "given": "Bo"}]},
]


def _notes(*clusters: tuple[int, str]) -> list[str]:
    engine = NoteEngine(ITEMS)
    return [engine.cite(Cluster(tuple(Cite(key) for key in keys), note)) for note, keys in clusters]


def test_citations_in_the_main_text_follow_one_another_apart_from_the_notes():
    # a, then b in note 1, then a again in the main text (note number 0): "Ibid." of the text's a
    assert _notes((0, "a"), (1, "b"), (0, "a"))[2] == "Ibid."


def test_an_ibid_after_a_note_citing_two_sources_in_two_clusters_is_not_written():
    assert _notes((1, "a"), (1, "b"), (2, "b"))[2] == "Bell, Beta."


def test_a_second_cluster_in_the_same_note_follows_the_cluster_before_it():
    assert _notes((1, "a"), (2, "b"), (2, "a"))[2] == "Ames, Alpha."
    assert _notes((1, "b"), (2, "a"), (2, "a"))[2] == "Ibid."


def test_a_note_citing_one_source_twice_may_be_followed_by_ibid():
    assert _notes((1, "a"), (1, "a"), (2, "a"))[2] == "Ibid."


def test_near_note_is_true_for_a_second_cite_in_the_same_note(tmp_path):
    style = write_style(tmp_path, '<citation near-note-distance="0"><layout delimiter="; "><choose><if position="near-note">'
                                  '<text value="near "/></if></choose><text variable="title"/></layout></citation>')
    engine = NoteEngine(ITEMS, style=style)
    assert engine.cite(Cluster((Cite("a"), Cite("a")), 1)) == "Alpha; near Alpha"
    assert engine.cite(Cluster((Cite("a"),), 2)) == "Alpha"  # a note away: beyond a distance of 0
