"""Authoring in Sphinx (#17): each numbered point of the issue on its own test root."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .helpers import copy_root, notes




def body(text: str) -> str:
    """The running text of a text-builder page, before its notes."""
    return " ".join(re.split(r"^\[\d+\] ", text, maxsplit=1, flags=re.M)[0].split())


def frus_warnings(app) -> list[str]:
    return [line for line in app.warning.getvalue().splitlines() if "[frus." in line]


# 5. A shared research folder ------------------------------------------------

def test_sources_in_a_shared_research_folder(make_app, rootdir, tmp_path):
    root = copy_root(rootdir, tmp_path, "source-dirs")
    app = make_app("text", srcdir=root / "book")
    app.build()
    assert frus_warnings(app) == []
    found = notes((app.outdir / "index.txt").read_text())
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145")
    assert found[1].startswith("“Record of a Meeting Between T.V. Soong and Stalin,”")


def test_a_link_out_of_the_allowed_folders_is_refused_once(make_app, rootdir, tmp_path):
    root = copy_root(rootdir, tmp_path, "source-dirs")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(root / "research" / "harriman.txt", elsewhere / "h.txt")
    os.symlink(elsewhere / "h.txt", root / "book" / "linked.txt")
    index = root / "book" / "index.rst"
    index.write_text(index.read_text() + "\n.. frus:source:: linked.txt\n\nLinked :frus:cite:`linked`.\n")
    app = make_app("text", srcdir=root / "book")
    app.build()
    found = frus_warnings(app)
    assert len(found) == 1, found
    assert "index.rst:10: WARNING: source linked.txt is outside the project directory and the folders of frus_cite_source_dirs; refused" in found[0]


# 6. Per-source overrides -----------------------------------------------------

def test_title_date_and_place_given_by_the_author(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "overrides"))
    app.build()
    assert frus_warnings(app) == []
    text = (app.outdir / "index.txt").read_text()
    first, second = notes(text)[:2]
    assert "telegram 761.93/7–1145, Moscow (Spaso House), July 10, 1945, in" in first
    assert second.startswith("“Record of Talks with Stalin,” n.d.")
    assert "July 12, 1945" not in second


# 9. frus_cite_check_quotes = False -------------------------------------------

def test_check_quotes_off_is_honoured_for_sources_declared_later(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "check-quotes-off"))
    app.build()
    assert frus_warnings(app) == []
    found = notes((app.outdir / "a_chapter.txt").read_text())
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman") and found[0].endswith("926–28, https://history.state.gov/historicaldocuments/frus1945v07.")


# 2. Chicago punctuation of inline quotations ---------------------------------

def test_inline_quotations_take_chicago_punctuation(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "chicago-punctuation"))
    app.build()
    assert frus_warnings(app) == []
    text = (app.outdir / "index.txt").read_text()
    running = body(text.split("Punctuation\n***********", 1)[1])
    assert "Stalin said only “we might see after 2 years,”[1] and no more." in running  # CMOS 6.9
    assert "He said “we might see after 2 years.”[2]" in running  # the sentence's period, typed inside
    assert "It was “reduced from 40 to 30 years”;[3] the railroads were next." in running  # 14.26
    assert "The ports were “left for discussion between Soong and Molotov.”[4]" in running
    found = notes(text)
    assert found[1].endswith("July 11, 1945, 927.")  # the period typed inside did not defeat the check
    assert found[3].endswith("927–28.")


def test_chicago_punctuation_in_html(make_app, rootdir, tmp_path):
    app = make_app("html", srcdir=copy_root(rootdir, tmp_path, "chicago-punctuation"))
    app.build()
    page = (app.outdir / "index.html").read_text()
    assert re.search(r"“we might see after 2 years,”</span><a [^>]*footnote-reference[^>]*>", page)
    assert re.search(r"“reduced from 40 to 30 years”</span>;<a [^>]*footnote-reference", page)


# 10. A quotation pasted with the source's own footnote mark -------------------

def test_footnote_marks_pasted_with_a_quotation_are_recognised_and_dropped(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "quote-marks"))
    app.build()
    assert frus_warnings(app) == []
    chapter = (app.outdir / "a_chapter.txt").read_text()  # its source is declared in a later document
    assert "“claiming the entire Kwantung Peninsula, Under such circumstances”[1]" in body(chapter)
    assert "the entire Kwantung Peninsula, Under such circumstances the Port of Dairen" in body(chapter)  # the block quote
    assert "Office, 1969), 927, https:" in notes(chapter)[0]
    sources = (app.outdir / "b_sources.txt").read_text()
    assert "Kwantung Peninsula, Under such circumstances the Port of Dairen" in body(sources)
    assert "Peninsula,1" not in chapter + sources


def test_a_number_that_is_not_the_sources_mark_is_still_a_misquote(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "quote-marks")
    chapter = source / "a_chapter.rst"
    chapter.write_text(chapter.read_text().replace("Peninsula,1 Under", "Peninsula,2 Under", 1))  # the inline quotation
    app = make_app("text", srcdir=source)
    app.build()
    found = frus_warnings(app)
    assert len(found) == 1 and "a_chapter.rst:4" in found[0] and "[frus.quote_not_found]" in found[0]


# 1. Citations inside the author's own footnotes --------------------------------

AUTHORS_NOTE = ("On the Potsdam context see Feis. Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 301. "
                "Harriman wrote the same day. Harriman to Truman and Byrnes, July 11, 1945, 928.")


@pytest.mark.parametrize("page", ["chapter", "markdown"])
def test_a_citation_in_the_authors_note_is_set_inline_in_the_note_sequence(make_app, rootdir, tmp_path, page):
    pytest.importorskip("myst_parser")
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "notes-in-notes"))
    app.build()
    assert frus_warnings(app) == [] and "myst" not in app.warning.getvalue()
    text = (app.outdir / f"{page}.txt").read_text()
    found = notes(text)
    assert len(found) == 4  # no footnote to a footnote
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145")
    assert found[1] == AUTHORS_NOTE  # full note for Feis (first), short for Harriman (cited in note 1)
    assert found[2] == "Harriman to Truman and Byrnes, July 11, 1945, 927."
    assert found[3] == "Feis, The China Tangle, 302."  # short: Feis was cited in note 2
    assert "After the note, [4]." in " ".join(text.split())


def test_notes_in_notes_in_latex_and_html(make_app, rootdir, tmp_path):
    pytest.importorskip("myst_parser")
    source = copy_root(rootdir, tmp_path, "notes-in-notes")
    latex = make_app("latex", srcdir=source)
    latex.build()
    tex = next(Path(latex.outdir).glob("*.tex")).read_text()
    chapter = tex.split("\\chapter{Chapter}")[1].split("\\chapter{Markdown}")[0]
    assert re.findall(r"\\begin\{footnote\}\[(\d+)\]", chapter) == ["1", "2", "3", "4"]
    assert "footnotemark" not in chapter and "footnotetext" not in chapter
    note_two = chapter.split("\\begin{footnote}[2]")[1].split("\\end{footnote}")[0]
    assert "On the Potsdam context see Feis. \\DUrole{frus-note-text}{Herbert Feis" in note_two
    html = make_app("html", srcdir=source)
    html.build()
    page = (Path(html.outdir) / "chapter.html").read_text()
    note = re.search(r'<aside class="footnote[^"]*" id="mine"[^>]*>(.*?)</aside>', page, re.S).group(1)
    assert "footnote-reference" not in note and "Herbert Feis" in note


# 3. One note for several citations ---------------------------------------------

def test_one_note_for_a_quotation_and_other_citations(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "one-note"))
    app.build()
    assert frus_warnings(app) == []
    text = (app.outdir / "index.txt").read_text()
    assert "Stalin said “we might see after 2 years.”[1] Again [2]." in body(text)  # one mark for the quotation and Feis
    found = notes(text)
    assert len(found) == 4
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman") and found[0].endswith(
        "frus1945v07; see also Herbert Feis, The China Tangle (Princeton, NJ: Princeton University Press, 1953), 301.")
    assert found[1] == "Harriman to Truman and Byrnes, July 11, 1945, 927."  # never Ibid. after a note of several
    assert found[2] == "Ibid., 927–28; Feis, The China Tangle, 302."  # the directive's :cite:, in the order written
    assert found[3] == "Harriman to Truman and Byrnes, July 11, 1945, 928."


def test_no_ibid_after_an_authors_note_citing_several_sources(make_app, rootdir, tmp_path):
    pytest.importorskip("myst_parser")
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "notes-in-notes"), confoverrides={"frus_cite_ibid": True})
    app.build()
    found = notes((app.outdir / "chapter.txt").read_text())
    assert found[1] == AUTHORS_NOTE  # Feis stands between note 1 and the Harriman citation: no Ibid.
    assert found[2] == "Harriman to Truman and Byrnes, July 11, 1945, 927."
