"""A style that tells items apart (year-suffixes) in a Sphinx build: every cited item is known
before the first note, so the notes are those the CLI prints for the same clusters, and the
bibliography shows the same year-suffixes as the notes."""

from __future__ import annotations

import json

from frus_cite.formatting.notes import NoteEngine

from .helpers import copy_root, notes


def test_notes_and_bibliography_agree_with_the_cli(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "disambiguation")
    app = make_app("text", srcdir=source)
    app.build()
    assert "[frus." not in app.warning.getvalue()
    page = (app.outdir / "index.txt").read_text(encoding="utf-8").replace("*", "")

    items = json.loads((source / "refs.json").read_text(encoding="utf-8"))
    cli = NoteEngine(items, style=str(source / "author-year.csl"))
    expected = cli.cite_clusters([{"citationItems": [{"id": key}]} for key in ("smith-a", "jones", "smith-b")])
    # The first note is told apart from an item cited only later, as the CLI tells it apart.
    assert notes(page) == expected == ["Smith 2000a.", "Jones 1990.", "Smith 2000b."]
    assert "Smith, Ann. 2000a. Alpha." in page and "Smith, Ann. 2000b. Beta." in page
    assert "Jones, Bob. 1990. Gamma." in page
