"""Parse sources into CSL-JSON that Zotero imports without loss (File → Import…).

    python examples/scripts/to_csl_json.py examples/book/sources/harriman-1945-07-11.txt \
        examples/book/sources/wilson-123444.md --volume frus1945v07 > sources.json

FRUS documents become book sections of their volume, Wilson Center records manuscripts;
what Zotero has no field for goes into Extra (see the "Zotero and BibTeX" page).
"""

import argparse
import json
import sys

import frus_cite
from frus_cite.formatting.zotero import to_zotero_csl_json

parser = argparse.ArgumentParser()
parser.add_argument("files", nargs="+")
parser.add_argument("--volume", help="FRUS volume of the FRUS documents, e.g. frus1945v07")
args = parser.parse_args()
records, failures = frus_cite.parse_many(args.files, volume=args.volume)
for failure in failures:
    print(failure.error, file=sys.stderr)
json.dump([to_zotero_csl_json(ref) for ref in records], sys.stdout, indent=2, ensure_ascii=False)
print()
sys.exit(1 if failures else 0)
