"""Time the hostile inputs of issue #16 (by hand; figures go to docs/benchmarks.md).

    python benchmarks/hostile.py                 # every case at the issue's sizes
    python benchmarks/hostile.py --case find     # one case
    python benchmarks/hostile.py --timeout 60    # give up on a case after 60 s (reported as "> 60 s")
    python benchmarks/hostile.py --scale 0.1     # smaller inputs (a quick look at the growth)

Each case runs in its own process, so that a case that never ends can be stopped and reported.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADING = "The Ambassador in the Soviet Union (Harriman) to the Secretary of State\n\n"
WILSON = (
    '"Telegram, Filippov to Mao", January 10, 1949, Wilson Center Digital Archive, RGASPI, f. 558, '
    "op. 11, d. 330, ll. 95-97. https://digitalarchive.wilsoncenter.org/document/990001"
)


def _wilson_page(contents: str) -> str:
    return f"**Citation:**\n\n{WILSON}\n\n**Contents:**\n\n{contents}\n"


def case_classification(scale: float) -> None:
    from frus_cite import parse_text

    words = max(2, round(24 * scale))
    text = HEADING + "SECRET " * words + "x\n\nMoscow, July 11, 1945.\n\nBody text.\n"
    parse_text(text)


def case_label_line(scale: float) -> None:
    from frus_cite import parse_text

    parse_text(_wilson_page("Total" + " " * round(300 * scale) + "1945"))


def case_label_table(scale: float) -> None:
    from frus_cite import parse_text

    row = "Row" + " " * round(60 * scale) + "12" + " " * round(60 * scale) + "34"
    parse_text(_wilson_page("\n".join([row] * 100)))


def case_clause(scale: float) -> None:
    from frus_cite.parsing.archival import parse_credits

    parse_credits("Translated" + " translated" * max(2, round(22 * scale)))


def case_url(scale: float) -> None:
    from frus_cite import parse_text

    # "http://" × 6000 that does not end the line: each "http" was read to the end of the run
    line = WILSON.rsplit(" ", 1)[0] + " " + "http://" * round(6000 * scale) + " (copy)"
    parse_text(line)


def _source_of(megabytes: float) -> str:
    paragraph = "The term of the agreements was reduced from 40 to 30 years and the Marshal agreed. "
    body = paragraph * max(1, round(megabytes * 1_000_000 / len(paragraph)))
    return HEADING + "Moscow, July 11, 1945.\n\n" + body + "\n"


def case_find(scale: float) -> None:
    """A passage that is not in the source: 10 MB at scale 1 (the issue's 0.1 … 10 MB series)."""
    from frus_cite import parse_text
    from frus_cite.quoting import check_quote

    ref = parse_text(_source_of(10 * scale))
    started = time.perf_counter()
    check_quote(ref, "The term of the agreements … reduced from 40 to 35 years")
    print(f"  (check_quote alone: {time.perf_counter() - started:.2f} s)")


def case_spaces(scale: float) -> None:
    from frus_cite import parse_text
    from frus_cite.quoting import check_quote

    ref = parse_text(_source_of(0.01))
    check_quote(ref, "The term" + " " * round(100_000 * scale) + "x")


def case_marks(scale: float) -> None:
    """A 1 MB body and 2,000 footnotes whose marks are not in it."""
    from frus_cite import parse_text

    notes = "\n".join(f"  {n % 999 + 1}. Note {n}." for n in range(round(2000 * scale)))  # marks: 1 to 3 digits
    parse_text(_source_of(1 * scale) + "\n" + notes + "\n")


def case_place_notes(scale: float) -> None:
    """A chapter with 7,500 notes: the time of the transform that places them."""
    from sphinx.application import Sphinx

    from frus_cite.sphinxext import transforms

    notes = round(7500 * scale)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "sources" / "w.txt").write_text(WILSON + "\n", encoding="utf-8")
        (root / "conf.py").write_text(
            'extensions = ["frus_cite.sphinxext"]\nexclude_patterns = ["sources", "_build"]\n'
            'frus_cite_sources = {"w": "sources/w.txt"}\n',
            encoding="utf-8",
        )
        lines = [f"Sentence {n} :frus:cite:`w`." for n in range(notes)]
        (root / "index.rst").write_text("Chapter\n=======\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
        spent = [0.0]
        apply = transforms.PlaceNotes.apply

        def timed(self, **kwargs):
            started = time.perf_counter()
            apply(self, **kwargs)
            spent[0] += time.perf_counter() - started

        transforms.PlaceNotes.apply = timed
        app = Sphinx(str(root), str(root), str(root / "_build"), str(root / "_build/.doctrees"), "html", status=None, warning=None, freshenv=True)
        app.build()
        print(f"  (PlaceNotes alone: {spent[0]:.2f} s)")


CASES = {name[len("case_") :]: value for name, value in globals().items() if name.startswith("case_")}


def _run_one(name: str, scale: float) -> None:
    started = time.perf_counter()
    CASES[name](scale)
    print(f"{time.perf_counter() - started:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _run_one(args.one, args.scale)
        return 0
    for name in args.case or list(CASES):
        command = [sys.executable, __file__, "--one", name, "--scale", str(args.scale)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:16} > {args.timeout:.0f} s (stopped)", flush=True)
            continue
        if done.returncode:
            print(f"{name:16} failed: {done.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        *details, seconds = done.stdout.strip().splitlines()
        print(f"{name:16} {float(seconds):8.2f} s  {' '.join(d.strip() for d in details)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
