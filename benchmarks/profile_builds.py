"""Where the time goes: pyinstrument profiles of a frus-cite book build, by hand.

    pip install -e '.[bench]'
    python benchmarks/profile_builds.py                  # Q = 1,000 (20 chapters)
    python benchmarks/profile_builds.py --quotes 5000 --out /tmp/profiles

Profiles, each in a fresh ``sphinx-build`` process as an author runs it: a full build, a rebuild
after editing one chapter, and a rebuild with nothing changed; then parsing 5 MB of FRUS text.
For each it prints the share of the wall time spent in frus-cite's own code (outermost frames in
``frus_cite``) and in Sphinx's phases, and writes pyinstrument's text and HTML reports to --out.
"""

from __future__ import annotations

import argparse
import compileall
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import frus_corpus, make_books  # noqa: E402

# Sphinx's phases, by the function that runs each (outermost match wins).
PHASES = {
    "start-up: imports, extensions, loading the environment": ("__init__", "sphinx/application.py"),
    "reading documents": ("read", "sphinx/builders/__init__.py"),
    "writing pages": ("write", "sphinx/builders/__init__.py"),
    "finishing: index pages, search index, static files": ("finish", "sphinx/builders/html/__init__.py"),
}


def _walk(frame: dict, inside_frus: bool = False):
    """(frame, is outermost frus-cite frame) for every frame of a pyinstrument tree."""
    ours = "/frus_cite/" in frame.get("file_path", "")
    yield frame, ours and not inside_frus
    for child in frame.get("children", []):
        yield from _walk(child, inside_frus or ours)


def attribute(report: dict) -> dict:
    total = report["duration"]
    root = report["root_frame"]
    frus = sum(frame["time"] for frame, outermost in _walk(root) if outermost)
    phases = {}
    for name, (function, path) in PHASES.items():
        phases[name] = max((f["time"] for f, _ in _walk(root) if f["function"] == function and f.get("file_path", "").endswith(path)), default=0.0)
    return {"seconds": total, "frus_cite_seconds": frus, "frus_cite_share": frus / total if total else 0.0, "phases": phases}


def profile_build(book: Path, out: Path, name: str) -> dict:
    session = out / f"{name}.pyisession"
    command = [sys.executable, "-m", "pyinstrument", "-r", "session", "-o", str(session), "-m", "sphinx", "-b", "html", "-q", str(book), str(book / "_build")]
    subprocess.run(command, check=True)
    for renderer, suffix in (("json", "json"), ("text", "txt"), ("html", "html")):
        subprocess.run([sys.executable, "-m", "pyinstrument", "--load", str(session), "-r", renderer, "-o", str(out / f"{name}.{suffix}")], check=True)
    return attribute(json.loads((out / f"{name}.json").read_text()))


def profile_parse(out: Path, megabytes: float = 5.0) -> dict:
    from pyinstrument import Profiler

    import frus_cite

    texts = frus_corpus(megabytes)
    size = sum(len(text.encode()) for text in texts)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        frus_cite.parse_text(text, volume="frus1945v07")
    session = profiler.stop()
    (out / "parse.txt").write_text(profiler.output_text(show_all=False))
    return {"seconds": session.duration, "megabytes": size / 1_000_000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1000)
    parser.add_argument("--out", default=None, help="folder for the reports (default: a temporary folder)")
    args = parser.parse_args()
    import frus_cite

    compileall.compile_dir(str(Path(frus_cite.__file__).parent), quiet=1)  # as an installed wheel
    out = Path(args.out or tempfile.mkdtemp(prefix="frus-profile-"))
    out.mkdir(parents=True, exist_ok=True)
    chapters = max(4, args.quotes // 50)
    book = make_books(out / "book", chapters=chapters, sources=max(20, args.quotes // 12), quotes=args.quotes)["frus"]

    results = {"full build": profile_build(book, out, "full")}
    chapter = book / f"chapter{chapters // 2:03d}.rst"
    chapter.write_text(chapter.read_text() + "\nOne more sentence.\n")
    results["rebuild after editing one chapter"] = profile_build(book, out, "one-chapter")
    results["rebuild with nothing changed"] = profile_build(book, out, "no-op")
    parse = profile_parse(out)

    for name, row in results.items():
        print(f"{name}: {row['seconds']:.2f} s, frus-cite's own code {row['frus_cite_seconds']:.2f} s ({row['frus_cite_share']:.0%})")
        for phase, seconds in row["phases"].items():
            print(f"    {phase:55} {seconds:6.2f} s")
    print(f"parsing {parse['megabytes']:.1f} MB: {parse['seconds']:.2f} s ({parse['megabytes'] / parse['seconds']:.1f} MB/s under the profiler)")
    (out / "summary.json").write_text(json.dumps({"quotes": args.quotes, "builds": results, "parse": parse}, indent=2) + "\n")
    print(f"reports: {out}")


if __name__ == "__main__":
    main()
