"""What the volume catalog costs: start-up of `frus-cite parse` and a small Sphinx build.

    python benchmarks/catalog.py                 # this checkout
    python benchmarks/catalog.py --src OTHER/src # another checkout's package (e.g. before a change)

Each figure is the best of --runs fresh processes (a new Python each time, as a user runs the
command), so that the catalog is loaded from disk every time:

* import + parse: `import frus_cite` and parse one seed document with --volume (the catalog is read
  to resolve the volume);
* catalog: loading the catalog and looking one volume up, inside that process;
* Sphinx: a fresh HTML build of examples/book (four FRUS and Wilson sources, notes, bibliography).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "tests/fixtures/seeds").glob("000_*.txt"))

PARSE = f"""
import time
start = time.perf_counter()
import frus_cite
from frus_cite.catalog import default_catalog
imported = time.perf_counter()
frus_cite.parse_file({str(SEED)!r}, volume="frus1945v07")
parsed = time.perf_counter()
default_catalog.cache_clear() if hasattr(default_catalog, "cache_clear") else None
again = time.perf_counter()
default_catalog().get("frus1945v07")
loaded = time.perf_counter()
print(imported - start, parsed - imported, loaded - again)
"""


def fresh(src: Path, code: str) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return [float(x) for x in out.split()]


def sphinx_build(src: Path, workdir: Path) -> float:
    book = workdir / "book"
    if book.exists():
        shutil.rmtree(book)
    shutil.copytree(ROOT / "examples/book", book, ignore=shutil.ignore_patterns("_build"))
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(book), str(book / "_build")],
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the package folder to measure")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    src = args.src.resolve()
    process = [fresh(src, PARSE) for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        builds = [sphinx_build(src, Path(tmp)) for _ in range(max(3, args.runs // 2))]
    result = {
        "src": str(src),
        "import_s": min(p[0] for p in process),
        "parse_one_document_s": min(p[1] for p in process),
        "catalog_load_and_get_s": min(p[2] for p in process),
        "import_plus_parse_s": min(p[0] + p[1] for p in process),
        "sphinx_example_book_s": min(builds),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
