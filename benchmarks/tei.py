"""TEI volume files: how long indexing and reading a whole volume takes, and how often a
file is read when many of its documents are cited.

Run by hand (not part of the test suite)::

    python benchmarks/tei.py                 # needs ../shared/corpus/frus
    python benchmarks/tei.py --documents 800 --runs 5

A large volume is built by repeating the document slices of the shared corpus,
renumbering documents (d1…dN) and pages, under a teiHeader, until it holds the
number of documents asked for (~800 make ~4 MB, a typical FRUS volume).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRUS_CITE_SHARED", ROOT.parent / "shared"))
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus2099v02">
<teiHeader><fileDesc><titleStmt>
<title type="complete">Foreign Relations of the United States, 2097–2099, Volume II, Benchmark</title>
<title type="series">Foreign Relations of the United States</title><title type="sub-series">2097–2099</title>
<title type="volume-number">Volume II</title><title type="volume">Benchmark</title>
<editor role="primary">Ada Example</editor></titleStmt>
<publicationStmt><publisher>Government Publishing Office</publisher><pubPlace>Washington</pubPlace>
<date>2101</date><idno type="frus">frus2099v02</idno></publicationStmt>
<sourceDesc><p>Built by benchmarks/tei.py from the shared corpus slices.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div type="compilation" xml:id="comp1">
"""


def slice_documents() -> list[etree._Element]:
    """Every document div of the shared slices, with the pb elements between them."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tei_render import WRAP_OPEN  # the corpus wrapper, as SOURCES.md describes it

    parts: list[etree._Element] = []
    for path in sorted((SHARED / "corpus" / "frus").glob("*.xml")):
        if "introduction" in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("<?xml"):
            text = text + "</div></body></text></TEI>"
        else:
            text = WRAP_OPEN + text + "</TEI>"
        root = etree.fromstring(text.encode())
        body = root.find(f"{T}text/{T}body/{T}div") if root.find(f"{T}text") is not None else root
        for child in body:
            if child.tag == f"{T}pb" or (child.tag == f"{T}div" and child.get("type") == "document"):
                parts.append(child)
    return parts


def build_volume(path: Path, documents: int) -> tuple[int, int]:
    """Write a volume of *documents* documents; returns (documents, bytes)."""
    parts = slice_documents()
    out = [HEADER]
    number = page = 0
    while number < documents:
        for part in parts:
            element = copy.deepcopy(part)
            for pb in [element] if element.tag == f"{T}pb" else list(element.iter(f"{T}pb")):
                page += 1
                pb.set("n", str(page))
                pb.set(XML_ID, f"pg_{page}")
            if element.tag == f"{T}div":
                number += 1
                element.set("n", str(number))
                element.set(XML_ID, f"d{number}")
                for note in element.iter(f"{T}note"):
                    if note.get(XML_ID):
                        note.set(XML_ID, f"d{number}fn{note.get('n')}")
            out.append(etree.tostring(element, encoding="unicode"))
            if number >= documents:
                break
    out.append("</div></body></text></TEI>\n")
    data = "".join(out).encode()
    path.write_bytes(data)
    return number, len(data)


def best(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(path: Path, runs: int) -> dict:
    from frus_cite.parsing import parse_file
    from frus_cite.parsing.tei import files as tei_module

    index = best(runs, lambda: tei_module.read_tei(path))
    volume = tei_module.read_tei(path)
    ids = volume.document_ids
    whole = best(runs, lambda: list(tei_module.read_tei(path).references()))

    # A book citing 100 documents of one volume: count the reads of the file.
    reads = 0
    original = tei_module.read_tei

    def counting(*args, **kwargs):
        nonlocal reads
        reads += 1
        return original(*args, **kwargs)

    tei_module.read_tei = counting
    tei_module._OPENED.clear()
    started = time.perf_counter()
    cited = [parse_file(path, document=ids[i * len(ids) // 100]) for i in range(100)]
    hundred = time.perf_counter() - started
    tei_module.read_tei = original
    return {
        "index_s": round(index, 3),
        "all_references_s": round(whole, 3),
        "hundred_documents_s": round(hundred, 3),
        "hundred_documents_reads": reads,
        "hundred_documents_distinct": len({r.document_number for r in cited}),
        "memory_mb_indexed_and_all_read": peak_memory(path),
    }


def peak_memory(path: Path) -> float:
    """Resident memory a fresh process gains by indexing the file (the parsed tree kept),
    and then by reading every document, in MB."""
    script = (
        "import gc, frus_cite.parsing.tei as t\n"
        "def rss():\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1])\n"
        f"before = rss(); v = t.read_tei({str(path)!r}); indexed = rss(); refs = list(v.references()); gc.collect()\n"
        "print(indexed - before, rss() - before)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    return [round(int(kb) / 1024, 1) for kb in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=800)
    parser.add_argument("--runs", type=int, default=5, help="best of N")
    args = parser.parse_args()
    if not (SHARED / "corpus" / "frus").is_dir():
        sys.exit(f"needs the shared corpus: {SHARED / 'corpus' / 'frus'} does not exist")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "frus2099v02.xml"
        documents, size = build_volume(path, args.documents)
        figures = {"documents": documents, "megabytes": round(size / 2**20, 2), **measure(path, args.runs)}
    figures["python"] = sys.version.split()[0]
    figures["lxml"] = ".".join(map(str, etree.LXML_VERSION[:3]))
    print(json.dumps(figures, indent=2))
    met = figures["index_s"] <= 1.0 and figures["hundred_documents_reads"] == 1
    print("targets (index ≤ 1 s, one read for 100 documents):", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
