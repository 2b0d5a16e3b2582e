"""After :meth:`NoteEngine.reset` (a new chapter), disambiguation is decided again over the
items known since: nothing kept from before the reset is reused (#14, review 2.2)."""

from __future__ import annotations

import json
from pathlib import Path

from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-disambiguation"
STYLE = str(ROOT / "author-year.csl")  # year-suffixes tell apart "Smith 2000" and "Smith 2000"


def _items():
    return json.loads((ROOT / "refs.json").read_text(encoding="utf-8"))


def _note(engine: NoteEngine, number: int, *keys: str) -> str:
    return engine.cite(Cluster(tuple(Cite(key) for key in keys), number))


def test_cites_after_resets_equal_a_fresh_engines():
    engine = NoteEngine(_items(), style=STYLE)
    assert _note(engine, 1, "smith-a", "smith-b") == "Smith 2000a; Smith 2000b."
    engine.reset()
    engine.reset()
    fresh = NoteEngine(_items(), style=STYLE)
    assert _note(engine, 1, "smith-a", "jones") == _note(fresh, 1, "smith-a", "jones") == "Smith 2000; Jones 1990."
    # and an item cited after the reset brings the suffixes back
    assert _note(engine, 2, "smith-b") == _note(fresh, 2, "smith-b") == "Smith 2000b."


def test_expected_items_count_after_a_reset_as_in_a_fresh_engine():
    engine = NoteEngine(_items(), style=STYLE)
    _note(engine, 1, "jones")
    engine.reset()
    engine.expect(["smith-a", "smith-b"])
    assert _note(engine, 1, "smith-a") == "Smith 2000a."
