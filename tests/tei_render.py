"""Render a FRUS TEI document the way history.state.gov shows it, for parser tests.

Header line, heading (footnote mark after a space), opener lines (classification,
dateline, "[Received …]"), body paragraphs with inline "[Page N]", signature, and
the numbered footnotes at the end, indented, as copied from the website.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

TEI = "{http://www.tei-c.org/ns/1.0}"
LINE_BREAK = "\x00"
WRAP_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">'


def load_documents(path) -> list[tuple[ET.Element, str | None]]:
    """(document div, page in effect at its start) for every document in a corpus slice."""
    text = open(path, encoding="utf-8").read()
    name = str(path)
    if name.endswith("frus1943China.part.xml"):
        text = text + "\n            </div>\n        </body>\n    </text>\n</TEI>\n"
    else:
        text = WRAP_OPEN + text + "</TEI>"
    root = ET.fromstring(text)
    divs = [e for e in root.iter() if e.tag == f"{TEI}div" and e.get("type") == "document"]
    inside = {id(pb) for div in divs for pb in div.iter(f"{TEI}pb")}
    result: list[tuple[ET.Element, str | None]] = []
    page: str | None = None
    for element in root.iter():
        if element.tag == f"{TEI}pb" and id(element) not in inside:
            page = element.get("n")  # a page break between documents
        elif element in divs:
            result.append((element, page))
            inner = [pb.get("n") for pb in element.iter(f"{TEI}pb")]
            if inner:
                page = inner[-1]
    return result


@dataclass
class Rendered:
    text: str
    footnotes: list[tuple[str, str]] = field(default_factory=list)


def _clean(text: str) -> str:
    """Collapse white space as the browser does, and drop the pretty-printer's
    spaces inside brackets ("( Gauss )" → "(Gauss)")."""
    text = " ".join(text.split())
    text = re.sub(r"([(\[]) ", r"\1", text)
    return re.sub(r" ([)\],.])", r"\1", text)


class _Renderer:
    def __init__(self) -> None:
        self.footnotes: list[tuple[str, str]] = []

    def inline(self, element: ET.Element, *, note_space: bool = False) -> str:
        out = [element.text or ""]
        for child in element:
            tag = child.tag.replace(TEI, "")
            if tag == "note" and child.get("n"):
                self.footnotes.append((child.get("n"), _clean("".join(self.inline(child)))))
                out.append((" " if note_space else "") + child.get("n"))
            elif tag == "pb":
                out.append(f" [Page {child.get('n')}] ")
            elif tag == "lb":
                out.append(LINE_BREAK)
            elif tag in {"list", "table"}:
                out.append(LINE_BREAK + self.block(child) + LINE_BREAK)
            else:
                out.append(self.inline(child, note_space=note_space))
            out.append(child.tail or "")
        return "".join(out)

    def block(self, element: ET.Element) -> str:
        tag = element.tag.replace(TEI, "")
        if tag in {"list"}:
            lines = []
            for item in element:
                itag = item.tag.replace(TEI, "")
                if itag == "pb":
                    lines.append(f"[Page {item.get('n')}]")
                elif itag in {"item", "label", "head"}:
                    lines.append(_clean(self.inline(item).replace(LINE_BREAK, " ")))
            return "\n".join(lines)
        if tag == "table":
            return "\n".join(_clean(self.inline(row)) for row in element)
        return _clean(self.inline(element).replace(LINE_BREAK, " "))


def render(div: ET.Element) -> Rendered:
    r = _Renderer()
    lines: list[str] = []
    pending_marks: list[str] = []  # a numbered note standing before the heading is the heading's footnote
    for child in div:
        tag = child.tag.replace(TEI, "")
        if tag == "note" and child.get("n") and child.get("rend") != "inline":
            r.footnotes.append((child.get("n"), _clean("".join(r.inline(child)))))
            pending_marks.append(child.get("n"))
        elif tag == "note" and child.get("type") == "source":
            lines += [_clean("".join(child.itertext())), ""]
        elif tag == "head":
            # "No. 46.<lb/>Mr. Frelinghuysen to Mr. Trescot." prints the number on its own line.
            head = [_clean(piece) for piece in r.inline(child, note_space=True).split(LINE_BREAK) if piece.strip()]
            if head and pending_marks:
                head[-1] += "".join(" " + mark for mark in pending_marks)
                pending_marks = []
            lines += head + [""]
        elif tag == "dateline":
            lines += [_clean(piece) for piece in r.inline(child).split(LINE_BREAK) if piece.strip()]
            lines.append("")
        elif tag == "list" and child.get("type") in {"subject", "participants"}:
            lines += [r.block(child), ""]
        elif tag == "opener":
            for part in child:
                for piece in r.inline(part).split(LINE_BREAK):
                    if piece.strip():
                        lines.append(_clean(piece))
                lines.append("")
        elif tag == "closer":
            lines += closer_lines(child, r) + [""]
        elif tag == "pb":
            lines += [f"[Page {child.get('n')}]", ""]
        elif tag in {"p", "quote", "list", "table"}:
            lines += [r.block(child), ""]
        elif tag.endswith("attachment") or _holds_blocks(child):
            lines += render_children(child, r)  # attachments, postscripts, nested divisions
        elif "".join(child.itertext()).strip():
            lines += [r.block(child), ""]  # any other element with text: a paragraph of its own
    body = "\n".join(lines).rstrip() + "\n"
    body = re.sub(r"[ \t]+\n", "\n", body)
    if r.footnotes:
        body += "\n" + "\n".join(f"  {n}. {t}" for n, t in r.footnotes)
    return Rendered(body, r.footnotes)


def closer_lines(closer: ET.Element, r: _Renderer) -> list[str]:
    """A closer as the website sets it: salute, signature and the signer's office each on a
    line of their own; a footnote mark stays on the line it follows."""
    segments = [closer.text or ""]
    for child in closer:
        tag = child.tag.replace(TEI, "")
        if tag == "note" and child.get("n"):
            r.footnotes.append((child.get("n"), _clean("".join(r.inline(child)))))
            segments[-1] += child.get("n")
        else:
            segments.append(r.inline(child))
        segments[-1] += child.tail or ""
    return [_clean(piece) for segment in segments for piece in segment.split(LINE_BREAK) if piece.strip()]


def render_children(element: ET.Element, r: _Renderer) -> list[str]:
    lines: list[str] = []
    for child in element:
        tag = child.tag.replace(TEI, "")
        if tag == "pb":
            lines += [f"[Page {child.get('n')}]", ""]
        elif tag == "closer":
            lines += closer_lines(child, r) + [""]
        elif tag in {"head", "p", "quote", "list", "table", "opener", "dateline"}:
            lines += [r.block(child), ""]
        elif _holds_blocks(child):
            lines += render_children(child, r)
        elif "".join(child.itertext()).strip():
            lines += [r.block(child), ""]
    return lines


_BLOCKS = {"p", "list", "table", "quote", "head", "closer", "opener", "dateline", "div", "postscript", "attachment", "pb"}


def _holds_blocks(element: ET.Element) -> bool:
    return any(child.tag.replace(TEI, "").split("}")[-1] in _BLOCKS for child in element)


def _text_without_notes(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if not child.tag.endswith("note"):
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return _clean("".join(parts))


def expected(div: ET.Element) -> dict:
    """What the TEI's own markup says about a document."""
    source = div.find(f"{TEI}note[@type='source']")
    source_note = div.find(f"{TEI}head/{TEI}note[@type='source']")
    head = div.find(f"{TEI}head")
    # The document's own dateline: in an opener (to the 1950s) or a child of the div (later).
    dateline_date = div.find(f"{TEI}opener//{TEI}date")
    if dateline_date is None:
        dateline_date = div.find(f"{TEI}dateline//{TEI}date")
    persons = {"from": [], "to": []}
    if head is not None:
        for person in head.iter(f"{TEI}persName"):
            persons.setdefault(person.get("type"), []).append(_clean("".join(person.itertext())))
    pages = [pb.get("n") for pb in div.iter(f"{TEI}pb")]
    notes = [n.get("n") for n in div.iter(f"{TEI}note") if n.get("n")]
    return {
        "number": int(div.get("n")),
        "file": _clean("".join(source.itertext())) if source is not None else None,
        "source_note": _clean("".join(source_note.itertext())) if source_note is not None else None,
        "from": persons["from"],
        "to": persons["to"],
        "date": (dateline_date.get("when") or "")[:10] if dateline_date is not None else None,
        "pages": pages,
        "notes": notes,
        "signed": [_text_without_notes(s) for s in div.iter(f"{TEI}signed")],
    }


def layout_problems(where, ref, want: dict, start_page: str | None) -> list[tuple]:
    """Page breaks, first page and footnotes of a parsed document against its markup."""
    problems = []
    if want["pages"]:
        labels = [label for _, label in ref.pages.breaks] if ref.pages else []
        if labels[-len(want["pages"]) :] != want["pages"]:
            problems.append((where, "page breaks", labels, want["pages"]))
        elif start_page is not None and ref.pages.first != start_page:
            problems.append((where, "first page", ref.pages.first, start_page))
    marks = [f.mark for f in ref.footnotes]
    if marks != want["notes"]:
        problems.append((where, "footnote marks", marks, want["notes"]))
    unplaced = [f.mark for f in ref.footnotes if f.offset is None and not f.in_heading]
    if unplaced:
        problems.append((where, "footnote marks not found in text", unplaced))
    for note in ref.footnotes:
        if note.offset is not None and note.offset > len(ref.text):
            problems.append((where, "footnote offset outside text", note.mark))
    if "[Page" in ref.text:
        problems.append((where, "page marker left in text"))
    return problems
