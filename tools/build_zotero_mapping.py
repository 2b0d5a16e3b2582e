"""Build src/frus_cite/data/zotero-mapping.json from Zotero's published schema.

Zotero's item types, their fields and creator types, and its CSL mappings (which CSL
type becomes which item type, which CSL variable which field) are published as
``schema.json`` in the zotero/zotero-schema repository.  This keeps the facts the
export needs, with their provenance.  Run by hand when Zotero's schema changes:

    python tools/build_zotero_mapping.py path/to/zotero-schema/schema.json COMMIT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/frus_cite/data/zotero-mapping.json"


def item_type(entry: dict) -> dict:
    """Fields (with the base field they stand for, if any) and creator types of one item type."""
    fields = {f["field"]: f.get("baseField") for f in entry["fields"]}
    creators = [c["creatorType"] for c in entry["creatorTypes"]]
    primary = next((c["creatorType"] for c in entry["creatorTypes"] if c.get("primary")), None)
    return {"fields": fields, "creatorTypes": creators, "primaryCreatorType": primary}


def main(schema_path: str, commit: str) -> None:
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    data = {
        "_source": (
            f"zotero/zotero-schema schema.json, version {schema['version']}, commit {commit}: "
            "the 'csl' mappings and each item type's fields and creator types, unchanged"
        ),
        "version": schema["version"],
        "csl": schema["csl"],
        "itemTypes": {entry["itemType"]: item_type(entry) for entry in schema["itemTypes"]},
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
