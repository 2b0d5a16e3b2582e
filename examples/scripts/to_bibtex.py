"""Export parsed sources as BibTeX (biblatex-chicago fields, archival fields kept).

    python examples/scripts/to_bibtex.py examples/book/sources/*.txt --volume frus1945v07
"""

import argparse

import frus_cite
from frus_cite.formatting.bibtex import to_bibtex

parser = argparse.ArgumentParser()
parser.add_argument("files", nargs="+")
parser.add_argument("--volume")
args = parser.parse_args()
records, failures = frus_cite.parse_many(args.files, volume=args.volume)
for failure in failures:
    print(failure.error)
print(to_bibtex(records), end="")
