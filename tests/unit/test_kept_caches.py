"""What the renderer keeps stays bounded, and what is costly to build is built when first needed."""

from __future__ import annotations

import subprocess
import sys

from frus_cite.formatting import renderer as renderer_module
from frus_cite.formatting.renderer import CiteRenderer, fingerprint


def test_bibliography_sort_values_are_bounded_like_rendered_cites(monkeypatch):
    monkeypatch.setattr(renderer_module, "_KEPT_LIMIT", 3)
    renderer = CiteRenderer("chicago-notes-bibliography", "text")
    for start in range(0, 12, 2):  # a long-lived process (sphinx-autobuild) asks again and again
        items = [{"id": str(n), "type": "book", "title": f"Title {n:02}"} for n in (start + 1, start)]
        assert renderer.bibliography_order([(item, fingerprint(item)) for item in items]) == [1, 0]
        assert len(renderer._sort_rows) <= 3 + len(items)


def test_the_superscript_table_is_not_built_at_import():
    code = ("import frus_cite.formatting.postprocess as p, frus_cite.formatting.notes;"
            "print(p._superscripts.cache_info().currsize)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "0"
