"""Documents of every era (shared corpus, "Batch 2"): TEI slices of 1882, 1919 (Paris),
1934, 1952–54, 1958–60, 1961–63 and 1969–76 rendered as history.state.gov shows them,
parsed, and checked against the TEI's own markup."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tei_render import TEI, _clean, expected, layout_problems, load_documents, render  # noqa: E402

import frus_cite  # noqa: E402

SLICES = {
    "frus1882.part.xml": "frus1882",
    "frus1919Parisv01.part.xml": "frus1919Parisv01",
    "frus1934v04.part.xml": "frus1934v04",
    "frus1952-54v14p2.part.xml": "frus1952-54v14p2",
    "frus1958-60v13.part.xml": "frus1958-60v13",
    "frus1961-63v04.part.xml": "frus1961-63v04",
    "frus1969-76v01.part.xml": "frus1969-76v01",
}
# The markup tags the sender as the recipient here: "The United States Political Adviser to
# SCAP (<persName type="to">Sebald</persName>) to the Department of State".
MISTAGGED = {("frus1952-54v14p2", 531), ("frus1952-54v14p2", 535), ("frus1952-54v14p2", 536)}
LEVEL = re.compile(r"(?:^|\. )(Top Secret|Secret|Confidential|Limited Official Use|Unclassified)\b")


def _head_title(div) -> tuple[bool, str]:
    """(does the heading print its number, heading text without number and notes) from the markup."""
    head = div.find(f"{TEI}head")
    parts = [head.text or ""]
    for child in head:
        if child.tag.endswith("lb"):
            parts.append(" ")
        elif not child.tag.endswith("note"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    text = _clean(" ".join("".join(parts).split()))
    printed = re.match(r"(?:No\. ?)?(\d+)\.? ", text)
    title = text[printed.end():] if printed else text
    return bool(printed), title.rstrip(".") if title.startswith("Mr.") else title


def _check(volume: str, div, start_page) -> list[tuple]:
    rendered, want = render(div), expected(div)
    ref = frus_cite.parse_text(rendered.text)
    where = (volume, want["number"])
    problems = []
    printed, title = _head_title(div)
    if printed and ref.document_number != want["number"]:
        problems.append((where, "document number", ref.document_number))
    if ref.title != title:
        problems.append((where, "title", ref.title, title))
    senders = [p.name for p in ref.authors if p.name]
    receivers = [p.name for p in ref.recipients if p.name]
    if where not in MISTAGGED:
        if [n for n in senders if n in want["from"]] != want["from"]:
            problems.append((where, "from", senders, want["from"]))
        if [n for n in receivers if n in want["to"]] != want["to"]:
            problems.append((where, "to", receivers, want["to"]))
    elif not set(want["from"] + want["to"]) <= set(senders + receivers):
        problems.append((where, "parties", senders, receivers))
    if want["date"] and ref.dateline_date != want["date"]:
        problems.append((where, "dateline date", ref.dateline_date, want["date"]))
    problems += _provenance(where, ref, want)
    problems += layout_problems(where, ref, want, start_page)
    if want["signed"] and div[-1].tag.endswith("closer") and ref.signature != want["signed"][-1]:
        problems.append((where, "signature", ref.signature, want["signed"][-1]))
    return problems


def _provenance(where, ref, want) -> list[tuple]:
    """The archival source against the markup's source note (inline line or footnote)."""
    problems = []
    if want["file"]:
        designation = want["file"].split(": ")[0]
        if ref.source is None or ref.source.text != want["file"]:
            problems.append((where, "source line", ref.source and ref.source.text, want["file"]))
        elif re.match(r"\d{3}", designation) and (ref.file is None or ref.file.text != designation):
            problems.append((where, "file", ref.file and ref.file.text, designation))
    note = want["source_note"]
    if note:
        source = ref.source
        if source is None or source.text != note:
            return problems + [(where, "source note", source and source.text, note)]
        if source.repository is None and source.published_in is None:
            problems.append((where, "repository", note))
        elif source.repository_as_printed and source.repository_as_printed not in note:
            problems.append((where, "repository", source.repository_as_printed))
        central = re.search(r"Central Files(?: [\d–-]+)?, (.+?)\.(?: |$)", note)
        if central and (ref.file is None or ref.file.text != central.group(1)):
            problems.append((where, "central file", ref.file and ref.file.text, central.group(1)))
        level = LEVEL.search(note)
        if level and not (ref.classification or "").startswith(level.group(1).lower()):
            problems.append((where, "classification", ref.classification, level.group(1)))
        if "No classification marking" in note and (source.marking != "No classification marking" or ref.classification):
            problems.append((where, "no marking", source.marking, ref.classification))
    return problems


def test_batch_two_has_all_62_documents(corpus):
    assert sum(len(load_documents(corpus / "frus" / name)) for name in SLICES) == 62


@pytest.mark.parametrize("filename", sorted(SLICES))
def test_documents_of_every_era_parse_like_their_markup(corpus, filename):
    problems = []
    for div, start_page in load_documents(corpus / "frus" / filename):
        problems += _check(SLICES[filename], div, start_page)
    assert problems == []


def _parse(corpus, filename, number):
    div = next(d for d, _ in load_documents(corpus / "frus" / filename) if d.get("n") == str(number))
    return frus_cite.parse_text(render(div).text)


def test_nineteenth_century_despatch(corpus):
    ref = _parse(corpus, "frus1882.part.xml", 51)
    assert (ref.document_number, ref.title, ref.document_type) == (51, "Mr. Trescot to Mr. Frelinghuysen", "despatch")
    assert ref.place == "Viña del Mar, Chili" and ref.date == "1882-02-24" and ref.received == "April 4"
    assert ref.dateline.startswith("Special Mission of the United States in South America,")
    assert ref.signature == "WM. HENRY TRESCOT."
    telegram = _parse(corpus, "frus1882.part.xml", 46)
    assert telegram.document_type == "telegram" and telegram.place == "Washington"
    enclosing = _parse(corpus, "frus1882.part.xml", 49)
    assert enclosing.telegram_number == "8" and enclosing.enclosures == ("[Inclosure in No. 8.]",)


def test_paris_peace_conference_source_lines(corpus):
    ref = _parse(corpus, "frus1919Parisv01.part.xml", 107)
    assert (ref.source.reader, ref.source.collection, ref.source.folder) == ("inline-source", "Paris Peace Conf.", "184/17")
    undated = _parse(corpus, "frus1919Parisv01.part.xml", 101)
    assert undated.place == "Washington" and undated.date is None and undated.source.collection == "Woodrow Wilson Papers"


def test_1950s_to_1970s_headings_subjects_and_participants(corpus):
    memcon = _parse(corpus, "frus1958-60v13.part.xml", 74)
    assert memcon.document_type == "memorandum of conversation" and memcon.time == "11 a.m."
    assert memcon.subject == "Aid to Israel" and memcon.participants[0] == "Mr. Abba Eban, Ambassador of Israel"
    telegram = _parse(corpus, "frus1961-63v04.part.xml", 86)
    assert (telegram.document_number, telegram.document_type, telegram.classification) == (86, "telegram", "top secret immediate")
    assert telegram.file.subject_numeric.category_name == "Political affairs and relations"
    assert [p.role for p in telegram.authors] == ["Embassy in Vietnam"]
    memo = _parse(corpus, "frus1969-76v01.part.xml", 45)
    assert memo.title.startswith("Memorandum From the President's Assistant") and memo.author.role.startswith("President's Assistant")
    assert (memo.source.repository, memo.source.box) == ("National Archives, Nixon Presidential Materials", "1050")
