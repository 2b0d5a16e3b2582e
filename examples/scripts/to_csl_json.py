"""Parse a folder of sources into CSL-JSON that Zotero imports (File → Import…).

    python examples/scripts/to_csl_json.py examples/book/sources frus1945v07 > sources.json
"""

import json
import sys
from pathlib import Path

import frus_cite
from frus_cite.formatting.csl_json import to_csl_json

folder, volume = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else None)
records, failures = frus_cite.parse_many(sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"}), volume=volume)
for failure in failures:
    print(failure.error, file=sys.stderr)
json.dump([to_csl_json(ref) for ref in records], sys.stdout, indent=2, ensure_ascii=False)
print()
sys.exit(1 if failures else 0)
