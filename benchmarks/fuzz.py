"""The large fuzz run of issue #16, by hand (the test suite runs a few examples of each target).

    python benchmarks/fuzz.py                       # 2,000 examples of each target (Sphinx: 200 builds)
    python benchmarks/fuzz.py --examples 500 --target cli --target notes

Targets: ``cli`` (every command, generated argv and files), ``notes`` (CSL-JSON items and
clusters of any shape through ``frus-cite notes``), ``sphinx`` (configuration values and sources
of a generated project, built with the text builder).  Every failure is caught and counted by
its exception and the line that raised it; one example of each is printed.  Exit status 1 when
anything failed.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzz import (  # noqa: E402
    CITES, CSL_ITEM, FILE_CONTENT, JSON, build_sphinx_project, command_lines, dumps, mutated_source, run_command_line,
    sphinx_projects,
)


def _where(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {frame.filename.split('site-packages/')[-1].split('src/')[-1]}:{frame.lineno}"


def _cli(example):
    argv, files = example
    run_command_line(argv, files)
    return argv


def _notes(example):
    items, cites = example
    run_command_line(["notes", "--items", "{items}", "--cites", "{cites}"], {"items": dumps(items), "cites": dumps(cites)})
    return (dumps(items)[:120], dumps(cites)[:120])


def _sphinx(example):
    (conf, index), bib, source = example
    build_sphinx_project(conf, index, bib if isinstance(bib, str) else "", source)
    return (conf[:200], index[:200])


TARGETS = {
    "cli": (command_lines(), _cli, 1),
    "notes": (st.tuples(st.lists(CSL_ITEM, max_size=3) | JSON, CITES), _notes, 1),
    "sphinx": (st.tuples(sphinx_projects(), FILE_CONTENT, mutated_source()), _sphinx, 10),
}


def run_target(name: str, examples: int) -> collections.Counter:
    strategy, run, divisor = TARGETS[name]
    failures: collections.Counter = collections.Counter()
    shown: dict[str, object] = {}
    count = 0

    @settings(max_examples=max(1, examples // divisor), deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def each(example):
        nonlocal count
        count += 1
        try:
            run(example)
        except Exception as exc:  # counted, not raised: the run goes on to find the others
            where = _where(exc)
            failures[where] += 1
            shown.setdefault(where, (str(exc)[:200], example if name != "sphinx" else example[0]))

    started = time.perf_counter()
    each()
    print(f"{name}: {count} examples in {time.perf_counter() - started:.0f} s, {sum(failures.values())} failures, "
          f"{len(failures)} distinct", flush=True)
    for where, times in failures.most_common():
        message, example = shown[where]
        print(f"  {times:5} × {where}: {message}\n          e.g. {str(example)[:300]}", flush=True)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    args = parser.parse_args()
    failed = False
    for name in args.target or list(TARGETS):
        failed |= bool(run_target(name, args.examples))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
