"""Citing documents of TEI volume files in Sphinx: ``volume/dN`` keys with no
declaration, a ``frus_cite_sources`` entry naming a TEI file and a document, each
volume file read once per build, and located warnings for bad keys and settings."""

from __future__ import annotations

import re
import shutil

import pytest

from frus_cite.parsing.tei import files as tei_module

# First notes name the correspondents as the volume's own list of persons does (p_SA1, p_TC1).
FULL_57 = ("Alice B. Sample to Carl Tester, telegram, Geneva Talks Files: Lot 99 D 1, Washington, September 18, 2098, in Foreign Relations of the United States, "
           "2097–2099, vol. 1, Test Matters, ed. Ada Example (Washington, DC: Government Publishing Office, 2101), ")


def notes(text: str) -> list[str]:
    return [" ".join(m.group(2).split()).replace("*", "") for m in re.finditer(r"^\[(\d+)\] (.+?)(?=\n\n|\n\[\d+\]|\Z)", text, re.M | re.S)]


@pytest.fixture
def tei_root(rootdir, tmp_path):
    target = tmp_path / "tei"
    shutil.copytree(rootdir / "test-tei", target)
    return target


@pytest.fixture
def reads(monkeypatch):
    """How often each TEI file is parsed."""
    counted: list[str] = []
    original = tei_module.read_tei

    def counting(path, **kwargs):
        counted.append(str(path))
        return original(path, **kwargs)

    monkeypatch.setattr("frus_cite.sphinxext.tei.read_tei", counting)
    return counted


def test_documents_cited_by_volume_and_id_without_declaration(make_app, tei_root, reads):
    app = make_app("text", srcdir=tei_root, freshenv=True)
    app.build()
    assert "frus." not in app.warning.getvalue()
    index = notes((app.outdir / "index.txt").read_text())
    # A block quotation from d57, pages from the page breaks; the volume prints document numbers.
    assert index[0] == FULL_57 + "doc. 57, https://history.state.gov/historicaldocuments/frus2099v01/d57."
    assert index[1].startswith("Carl Tester to the Department of State, telegram, Geneva Talks Files: Lot 99 D 1, Geneva, September 19, 2098, in ")
    # The editors' footnote 2 of d58: found in the note, cited by page and note.
    assert index[2] == "Tester to the Department of State, September 19, 2098, 102n2."
    # The conf.py entry naming the TEI file and d58 (its own key, so a full note of its own).
    assert index[3].endswith("doc. 58, https://history.state.gov/historicaldocuments/frus2099v01/d58.")
    second = notes((app.outdir / "second.txt").read_text())
    # A frus:source declaration naming the volume file and a document (:document: d58).
    assert second[1].startswith("Carl Tester to the Department of State") and second[1].endswith("doc. 58, https://history.state.gov/historicaldocuments/frus2099v01/d58.")
    assert second[0] == FULL_57 + "101, https://history.state.gov/historicaldocuments/frus2099v01/d57."
    bibliography = " ".join((app.outdir / "index.txt").read_text().split())
    assert "Foreign Relations of the United States, 2097–2099. Vol. 1, Test Matters." in bibliography.replace("*", "")
    # One build reads the volume file once, however many documents and chapters cite it.
    assert len(reads) == 1


def test_a_misquotation_from_a_tei_document_warns_with_its_location(make_app, tei_root):
    index = tei_root / "index.rst"
    index.write_text(index.read_text().replace("the talk lasted two hours", "the talk lasted two days"))
    app = make_app("text", srcdir=tei_root, freshenv=True)
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if "frus." in line]
    assert len(warnings) == 1
    assert "index.rst:12" in warnings[0] and "[frus.quote_not_found]" in warnings[0]
    assert 'quote not found in frus2099v01/d58: closest text on p. 102 differs at "talk lasted two days" (quote) ≠ "The talk lasted two hours." (source)' in warnings[0]


def test_a_document_the_volume_lacks_is_a_located_warning(make_app, tei_root):
    (tei_root / "second.rst").write_text("Second\n======\n\nSee :frus:cite:`frus2099v01/d999`.\n")
    app = make_app("text", srcdir=tei_root, freshenv=True)
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if "frus." in line]
    assert len(warnings) == 1 and "second.rst:4" in warnings[0] and "[frus.unknown_key]" in warnings[0]
    assert "unknown source key 'frus2099v01/d999': " in warnings[0]
    assert "frus2099v01.xml:6: no document 'd999' in this file; expected one of d57, d58" in warnings[0]


def test_a_volume_folder(make_app, tei_root):
    app = make_app("text", srcdir=tei_root, freshenv=True, confoverrides={"frus_cite_tei": {}, "frus_cite_tei_dir": "tei"})
    app.build()
    assert "frus." not in app.warning.getvalue()
    assert notes((app.outdir / "second.txt").read_text())[0].startswith(FULL_57)


def test_a_volume_key_without_a_volume_file_says_where_the_file_is_looked_for(make_app, tei_root):
    app = make_app("text", srcdir=tei_root, freshenv=True, confoverrides={"frus_cite_tei": {}})
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if "frus.unknown_key" in line]
    assert warnings and all("no TEI file for frus2099v01; expected frus2099v01.xml" in line for line in warnings), warnings
    assert "index.rst:8" in warnings[0]
    assert ("unknown source key 'frus2099v01/d57': no TEI file for frus2099v01; expected frus2099v01.xml in the folder "
            "frus_cite_tei_dir names, or the volume in frus_cite_tei [frus.unknown_key]") in warnings[0]


def test_a_missing_volume_file_and_folder_warn_once_each(make_app, tei_root):
    app = make_app("text", srcdir=tei_root, freshenv=True,
                   confoverrides={"frus_cite_tei": {"frus2099v01": "tei/gone.xml"}, "frus_cite_tei_dir": "nowhere"})
    app.build()
    warnings = app.warning.getvalue()
    assert "conf.py: frus_cite_tei['frus2099v01']: tei/gone.xml not found [frus.source_not_found]" in warnings
    assert "conf.py: frus_cite_tei_dir: nowhere is not a folder [frus.source_not_found]" in warnings
    assert "Traceback" not in warnings


def test_an_unsafe_volume_file_is_refused_with_its_line(make_app, tei_root):
    (tei_root / "tei" / "frus2099v01.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n'
    )
    app = make_app("text", srcdir=tei_root, freshenv=True)
    app.build()
    warnings = app.warning.getvalue()
    assert "frus2099v01.xml:2: expected no DOCTYPE" in warnings
    assert "root:" not in (app.outdir / "index.txt").read_text()  # nothing of /etc/passwd
    assert "Traceback" not in warnings


def test_a_parallel_build_gives_the_same_notes(make_app, rootdir, tmp_path):
    outputs = []
    for parallel in (1, 2):
        source = tmp_path / f"tei-{parallel}"
        shutil.copytree(rootdir / "test-tei", source)
        app = make_app("text", srcdir=source, freshenv=True, parallel=parallel)
        app.build()
        assert "frus." not in app.warning.getvalue()
        outputs.append([(app.outdir / f"{name}.txt").read_text() for name in ("index", "second")])
    assert outputs[0] == outputs[1]


def test_editing_the_volume_file_rebuilds_the_chapters_citing_it(make_app, tei_root):
    app = make_app("text", srcdir=tei_root, freshenv=True)
    app.build()
    assert "frus." not in app.warning.getvalue()
    volume = tei_root / "tei" / "frus2099v01.xml"
    volume.write_text(volume.read_text(encoding="utf-8").replace("The talk lasted two hours.", "The talk lasted an hour."), encoding="utf-8")
    again = make_app("text", srcdir=tei_root)  # the same environment: an incremental build
    again.build()
    warnings = [line for line in again.warning.getvalue().splitlines() if "frus." in line]
    assert len(warnings) == 1 and "index.rst:12" in warnings[0] and "quote not found in frus2099v01/d58" in warnings[0]
    # Nothing changed since: nothing is read again (a fresh build would warn again).
    third = make_app("text", srcdir=tei_root)
    third.build()
    assert "frus." not in third.warning.getvalue()
