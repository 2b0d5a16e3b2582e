"""Build src/frus_cite/data/volumes.json from the Office of the Historian's volume records.

Reads every ../shared/corpus/frus/bibliography/<id>.xml (HistoryAtState/frus; public-domain U.S.
Government records) and the document-id lists in sitemap-ids/, and writes, per volume, the facts a
Chicago citation needs.  Run by hand when the records change:

    python tools/build_volume_catalog.py ../shared/corpus/frus

The records are not uniform; the rules applied to them are stated where they are applied:

* Series title: one form per series.  "Diplomatic Papers" (1932–1945) is a subtitle and follows a
  colon — "Foreign Relations of the United States: Diplomatic Papers" — whether the record writes a
  colon, a comma or nothing, and whenever the complete title carries it (the series field of some
  records leaves it out); early series titles are given headline capitals ("Papers Relating to
  Foreign Affairs").  The subseries (the year or years, "1945", "1969–1976") follows after a comma,
  as in the Office's citations ("Foreign Relations of the United States, 1969–1976").
* Editors: only those with role "primary" (the Office: "not to include the General Editor"); names
  are tidied (spaces, "E.R." → "E. R.", "Kane, N. Stephen" → "N. Stephen Kane", Cyrillic
  look-alike letters → Latin).
* Printed document numbers: the Office's rule ("every document … since the 1955–57 subseries has
  been assigned a sequential number", hsg/citing-frus.page.xml) — volumes of a subseries that
  begins in 1955 or later, and the retrospective volumes, which were compiled after the 1955–57
  subseries appeared — plus the conference volumes whose printed documents carry "No. N"
  (NUMBERED_CONFERENCES, with the evidence).
* Annual volumes of 1861–1913 have no volume title: the record's "volume" title of those is the
  line that transmitted them to Congress, which citations leave out (the Office cites "Papers
  Relating to the Foreign Relations of the United States, 1893 (Washington: …, 1894)").
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET  # the records are local, trusted files without DTDs or entities
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/frus_cite/data/volumes.json"

# Conference volumes whose documents are printed with "No. N": the bibliography records do not
# say so, hence the evidence.  Keyed by the record's sub-series key.
NUMBERED_CONFERENCES = {
    "1945-01-potsdam": "the Potsdam volumes print 'No. 578' above the heading and number their "
    "documents across both volumes (d1–d709, d710–d1433); see tests/fixtures/seeds/001_*.txt",
}
# The first year of the subseries from which the Office assigns every document a number.
NUMBERED_FROM = 1955
# The Government Printing Office became the Government Publishing Office in December 2014.
PUBLISHING_OFFICE_FROM = 2015

SERIES_FORMS = [
    (re.compile(r"^Foreign Relations of the United States[,:]?\s+Diplomatic Papers$"),
     "Foreign Relations of the United States: Diplomatic Papers"),
]
DIPLOMATIC_PAPERS = re.compile(r"Foreign Relations of the United States[,:]?\s+Diplomatic Papers")
TRANSMITTAL = re.compile(
    r"^(Transmitted to Congress|(With|Accompanying) (the|a) (Annual )?(Message|Address)|For the Year \d{4}, Transmitted)"
)
MESSAGE_SERIES = "Message of the President of the United States"
SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"}
# Cyrillic letters that look like Latin ones, as they slip into pasted names ("Park Chung Нее").
LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухіІ", "ABEKMHOPCTXaeopcyxiI")
YEARS = re.compile(r"(\d{4})(?:\s*[–-]\s*(\d{2,4}))?")


def text(node: ET.Element | None) -> str:
    """The element's text with whitespace collapsed (no-break spaces too) and look-alikes mended."""
    if node is None:
        return ""
    return " ".join("".join(node.itertext()).split()).translate(LOOKALIKES)


def first(titles: dict[str | None, ET.Element], *types: str) -> ET.Element | None:
    """The first title of these types (an element without children is falsy: test for None)."""
    return next((titles[t] for t in types if titles.get(t) is not None), None)


def headline(title: str) -> str:
    """"Papers relating to Foreign Affairs" → "Papers Relating to Foreign Affairs"."""
    words = title.split(" ")
    return " ".join(
        w if (i and w.lower() in SMALL_WORDS) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def series_title(raw: str) -> str:
    """The one form of a series title (see the module docstring)."""
    raw = raw.strip(" ,:")
    for pattern, form in SERIES_FORMS:
        if pattern.match(raw):
            return form
    return headline(raw)


def years(raw: str) -> str | None:
    """"1969–76" or "1969–1976" → "1969–1976"; "1945" → "1945"; anything else → None."""
    match = YEARS.fullmatch(raw.strip())
    if not match:
        return None
    first, last = match.groups()
    if last and len(last) == 2:
        last = first[:2] + last
    return f"{first}–{last}" if last else first


def split_subseries(record_series: str, subseries: ET.Element, vid: str, published: str) -> tuple[str, str | None]:
    """Series title and subseries years from the series and sub-series titles.

    The sub-series title is "1969–1976", or a series title with the year ("Foreign Relations of the
    United States: Diplomatic Papers, 1945"), or empty with the years in its key (n="1866").
    """
    sub_text = text(subseries)
    match = re.search(r"(?:^|,\s*)(\d{4}(?:\s*[–-]\s*\d{2,4})?)$", sub_text)
    series = record_series or (sub_text[: match.start()] if match else sub_text)
    span = years(match.group(1)) if match else None
    if span is None:
        key = subseries.get("n") or ""
        span = key if re.fullmatch(r"\d{4}", key) else None
    # A record error (frus1862 says 1873): a year after publication yields to the id's year.
    if span and len(span) == 4 and published and int(span) > int(published):
        span = re.match(r"frus(\d{4})", vid).group(1)
    return series_title(series or "Foreign Relations of the United States"), span


def editor_name(raw: str) -> str:
    """Tidy one editor's name as the records write it."""
    name = " ".join(raw.split()).translate(LOOKALIKES)
    name = re.sub(r"\b([A-Z])\s+\.", r"\1.", name)  # "Robert J . McMahon"
    name = re.sub(r"\b([A-Z]\.)(?=[A-Z])", r"\1 ", name)  # "E.R. Perkins"
    inverted = re.fullmatch(r"([^,]+),\s*(?!\s*(?:Jr|Sr)\.?$|\s*I{2,3}$)(.+)", name)
    return f"{inverted[2]} {inverted[1]}" if inverted else name


def primary_editors(root: ET.Element) -> list[str]:
    names = [editor_name(e.text or "") for e in root.findall("editor") if (e.get("role") or "").strip() == "primary"]
    return list(dict.fromkeys(n for n in names if n))


def prints_numbers(vid: str, root: ET.Element, subseries_key: str, first_numbered_publication: int) -> bool:
    """The Office's rule (see the module docstring) applied to one record."""
    if subseries_key in NUMBERED_CONFERENCES:
        return True
    published = root.findtext("published-year") or ""
    if root.findtext("grouping") == "retrospective":
        return not published or int(published) >= first_numbered_publication
    first_year = re.match(r"frus(\d{4})", vid)
    return bool(first_year) and int(first_year.group(1)) >= NUMBERED_FROM


def coverage(root: ET.Element) -> str | None:
    spans = [c.text.strip() for c in root.findall("coverage") if c.text and c.text.strip()]
    return "–".join(dict.fromkeys(spans)) or None


def document_range(corpus: Path, vid: str) -> list[int] | None:
    ids = corpus / "sitemap-ids" / f"{vid}.txt"
    if not ids.exists():
        return None
    numbers = [int(m) for m in re.findall(r"^d(\d+)$", ids.read_text(encoding="utf-8"), re.M)]
    return [min(numbers), max(numbers)] if numbers else None


def volume_record(corpus: Path, path: Path, first_numbered_publication: int) -> tuple[str, dict]:
    root = ET.parse(path).getroot()
    vid = root.get("id") or path.stem
    titles = {t.get("type"): t for t in root.findall("title")}
    published = (root.findtext("published-year") or "").strip()
    status = (root.findtext("publication-status") or "").strip()
    subseries_node = titles.get("sub-series", ET.Element("title"))
    series, subseries = split_subseries(text(titles.get("series")), subseries_node, vid, published)
    complete = text(titles.get("complete"))
    if series == "Foreign Relations of the United States" and DIPLOMATIC_PAPERS.match(complete):
        # frus1942v02–v06: the series field drops the subtitle that the complete title carries.
        series = series_title(DIPLOMATIC_PAPERS.match(complete).group(0))
    volume_title = text(titles.get("volume")) or None
    if series.startswith(MESSAGE_SERIES) and volume_title:
        # 1861: the "volume" title finishes the series title ("… Congress at the Commencement of …").
        series, volume_title, subseries = f"{series} {volume_title[:1].lower()}{volume_title[1:]}", None, None
    elif volume_title and TRANSMITTAL.match(volume_title):
        volume_title = None
    record = {
        "title": complete,
        "series": series,
        "subseries": subseries,
        "volume_number": text(first(titles, "volume-number", "volumenumber")) or None,
        "volume_title": volume_title,
        "editors": primary_editors(root),
        "publisher": "Government Publishing Office" if published and int(published) >= PUBLISHING_OFFICE_FROM else None,
        "published": published or None,
        "status": status if status != "published" else None,
        "coverage": coverage(root),
        "prints_document_numbers": prints_numbers(vid, root, subseries_node.get("n") or "", first_numbered_publication),
        "documents": document_range(corpus, vid),
    }
    # Defaults (publisher, place, published status, no numbers) are left out: the file stays small.
    return vid, {k: v for k, v in record.items() if v not in (None, [], False)}


def first_publication(records: list[Path], prefix: str) -> int:
    """Year the first volume whose id starts with *prefix* ("frus1955-57") was published."""
    found = [ET.parse(p).getroot().findtext("published-year") for p in records if p.stem.startswith(prefix)]
    return min(int(y) for y in found if y and y.strip())


def main(corpus: str) -> None:
    folder = Path(corpus)
    records = sorted((folder / "bibliography").glob("*.xml"))
    first_numbered = first_publication(records, f"frus{NUMBERED_FROM}-")
    volumes = dict(volume_record(folder, path, first_numbered) for path in records)
    lines = [f"  {json.dumps(vid)}:{json.dumps(data, ensure_ascii=False, separators=(',', ':'))}" for vid, data in volumes.items()]
    source = ("Office of the Historian, U.S. Department of State: HistoryAtState/frus bibliography/<id>.xml "
              "and hsg-shell sitemaps (public domain); built by tools/build_volume_catalog.py")
    OUT.write_text('{"_source":' + json.dumps(source) + ',"volumes":{\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    published = sum(1 for v in volumes.values() if "status" not in v)
    print(f"wrote {len(volumes)} volumes ({published} published) to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/frus")
