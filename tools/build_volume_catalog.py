"""Build src/frus_cite/data/volumes.json from HistoryAtState bibliography records.

Reads ../shared/corpus/frus/bibliography/*.xml (public-domain U.S. Government records) and the
document-id lists in sitemap-ids/ and writes the facts frus-cite needs to cite a volume.  Run by hand:

    python tools/build_volume_catalog.py ../shared/corpus/frus
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/frus_cite/data/volumes.json"
# Volumes that print document numbers ("No. 578"); earlier volumes are cited by page.
PRINTS_NUMBERS = {"frus1945Berlinv01", "frus1945Berlinv02"}


def text(node: ET.Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def main(corpus: str) -> None:
    volumes = {}
    for path in sorted(Path(corpus, "bibliography").glob("*.xml")):
        root = ET.parse(path).getroot()
        vid = root.get("id")
        titles = {t.get("type"): t for t in root.findall("title")}
        number = text(titles.get("volumenumber")) or text(titles.get("volume-number"))
        series = text(titles.get("series")) or text(titles.get("sub-series"))
        # The series title without a trailing year: the year belongs to the subseries.
        year_match = re.search(r",?\s*(\d{4})$", series)
        subseries = year_match.group(1) if year_match else None
        if year_match:
            series = series[: year_match.start()]
        ids = Path(corpus, "sitemap-ids", f"{vid}.txt")
        docs = [int(m) for m in re.findall(r"^d(\d+)$", ids.read_text(), re.M)] if ids.exists() else []
        coverage = [c.text for c in root.findall("coverage") if c.text]
        volumes[vid] = {
            "title": text(titles.get("complete")),
            "series": series.rstrip(", :"),
            "subseries": subseries or (coverage[0] if len(coverage) == 1 else None),
            "volume_number": number or None,
            "volume_title": text(titles.get("volume")),
            "editors": [e.text for e in root.findall("editor") if e.get("role") == "primary"],
            "publisher": "Government Printing Office",
            "place": "Washington, DC",
            "published": root.findtext("published-year"),
            "coverage": "–".join(dict.fromkeys(coverage)),
            "prints_document_numbers": vid in PRINTS_NUMBERS,
            "documents": [min(docs), max(docs)] if docs else None,
        }
    payload = {
        "_source": "HistoryAtState/frus bibliography/<id>.xml and hsg-shell sitemaps "
        "(Office of the Historian, U.S. Department of State; public domain).",
        "volumes": volumes,
    }
    OUT.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(volumes)} volumes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/frus")
