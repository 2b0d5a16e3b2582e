"""How often frus-cite and citeproc-js print the same notes and bibliography entries, style by style.

    python tools/style_agreement.py                 # the eight note styles of issue #14
    python tools/style_agreement.py --diff mhra-notes

The items and clusters are the project's conformance set (tests/fixtures/conformance, read by
tests/unit/test_conformance.py); citeproc-js (npm ``citeproc`` in tests/js) is the oracle.
Needs node and ``npm ci --prefix tests/js``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit.test_conformance import FIXTURES, NOTE_STYLES, conformance_items, run_citeproc_js  # noqa: E402

from frus_cite.formatting.notes import NoteEngine  # noqa: E402
from frus_cite.formatting.styles import NoBibliographyError  # noqa: E402



def compare(style: str, fmt: str) -> list[tuple[str, str, str]]:
    """(where, citeproc-js, frus-cite) for every string; equal pairs included."""
    items = conformance_items()
    clusters = json.loads((FIXTURES / "conformance" / "clusters.json").read_text())
    expected = run_citeproc_js(items, clusters, fmt, style=style)
    engine = NoteEngine(items, style=style, ibid=True)
    pairs = [(f"note {i + 1}", js, py) for i, (js, py) in enumerate(zip(expected["notes"], engine.cite_clusters(clusters, fmt=fmt)))]
    try:
        ours = engine.bibliography(fmt=fmt, ids=[item["id"] for item in items])
    except NoBibliographyError:
        ours = []
    pairs += [(f"entry {i + 1}", js, py) for i, (js, py) in enumerate(zip(expected["bibliography"], ours))]
    if len(expected["bibliography"]) != len(ours):
        pairs.append(("entries", str(len(expected["bibliography"])), str(len(ours))))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diff", metavar="STYLE", help="print the strings that differ for this style")
    parser.add_argument("--format", choices=["text", "html"], default=None)
    args = parser.parse_args()
    formats = [args.format] if args.format else ["text", "html"]
    for style in [args.diff] if args.diff else NOTE_STYLES:
        for fmt in formats:
            pairs = compare(style, fmt)
            same = sum(js == py for _, js, py in pairs)
            print(f"{style:<48} {fmt:<5} {same:>3}/{len(pairs)} ({same / len(pairs):.0%})")
            if args.diff:
                for where, js, py in pairs:
                    if js != py:
                        print(f"  {where}\n    js: {js}\n    py: {py}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
