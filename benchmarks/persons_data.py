"""Time loading the packed people data and resolving names, by hand:

    python benchmarks/persons_data.py

Each load is measured in a fresh interpreter (the data is cached after its first use), best of
--runs; the target is ≤ 50 ms for the load.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

PROBE = """
import time
t = time.perf_counter()
from frus_cite.people import load_persons_data, resolve_party
from frus_cite.people.resolver import _resolve
from frus_cite.parsing.frus import parse_party
imported = time.perf_counter()
data = load_persons_data()
loaded = time.perf_counter()
resolve_party(parse_party("The Ambassador in the Soviet Union (Harriman)"), "1945-07-11", "frus1945v07", data=data)
first = time.perf_counter()
for _ in range(200):
    _resolve.cache_clear()  # measure the rules, not the cache a book's repeated names hit
    resolve_party(parse_party("the Secretary of State"), "1945-07-11", "frus1945v07", data=data)
    resolve_party(parse_party("the President's Special Assistant for National Security Affairs (Bundy)"), "1965-06-10", "frus1964-68v02", data=data)
    resolve_party(parse_party("Mr. Trescot"), "1882-02-04", "frus1882", data=data)
done = time.perf_counter()
print(loaded - imported, first - loaded, (done - first) / 600)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results = [tuple(map(float, subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True).stdout.split())) for _ in range(runs)]
    load, first, each = (min(r[i] for r in results) for i in range(3))
    size = (Path(__file__).resolve().parents[1] / "src/frus_cite/data/persons.json.gz").stat().st_size
    print(f"data file {size / 1e6:.2f} MB; load {load * 1e3:.1f} ms; first name (indexes built) {first * 1e3:.1f} ms; "
          f"then {each * 1e6:.0f} µs a name, uncached (best of {runs})")


if __name__ == "__main__":
    main()
