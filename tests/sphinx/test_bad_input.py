"""The bad-input catalogue: each root has one problem; each gives one located
``frus.<subtype>`` warning, no traceback, and the rest of the book still builds;
``-W`` turns it into a failed build."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

CASES = [
    # root, subtype, document:line, words in the message
    ("unknown-key", "unknown_key", "index.rst:4", "unknown source key 'nosuchkey'"),
    ("duplicate-key", "duplicate_key", "index.rst:8", "source key 'harriman' is already declared (index:4)"),
    ("missing-file", "source_not_found", "index.rst:4", "source file sources/nothere.txt not found"),
    ("directory", "source_not_found", "index.rst:4", "is a directory, not a file"),
    ("empty-file", "parse_error", "index.rst:4", "empty file"),
    ("binary-file", "parse_error", "index.rst:4", "binary data (NUL byte at byte 8)"),
    ("latin1-file", "parse_error", "index.rst:4", "not UTF-8 (byte 0xe9"),
    ("not-a-source", "parse_error", "index.rst:4", "notes.txt:1:1: expected a FRUS header line"),
    ("outside-project", "source_not_found", "index.rst:4", "is outside the project directory and the folders of frus_cite_source_dirs; refused"),
    ("outside-cited", "source_not_found", "index.rst:4", "is outside the project directory"),  # and no unknown_key after it
    ("unknown-key-typo", "unknown_key", "index.rst:8", "unknown source key 'harriman-0711': did you mean 'harriman'?"),
    ("bib-key-typo", "unknown_key", "index.rst:4", "unknown source key 'feis1935': did you mean 'feis1953' (in refs.bib)?"),
    ("bib-key-unknown", "unknown_key", "index.rst:4",
     "unknown key 'smith2001': no source declares it (frus:source, frus_cite_sources) and it is not in refs.bib"),
    ("page-outside", "bad_locator", "index.rst:8", "harriman: p. 999 is not in the source, which runs pp. 926–28"),
    ("malformed-pages", "bad_locator", "index.rst:8", "cannot read the pages 'x-y' in 'pp. x-y'"),
    ("style-outside", "bad_style", "index.rst:4", "frus:bibliography: :style: ../../../../../../../../etc/passwd is outside the project directory"),
    ("style-not-csl", "bad_style", "index.rst:4", "frus:bibliography: :style: notes.csl is not a CSL style"),
    ("bad-date", "bad_option", "index.rst:4", "frus:source: :date: 'July 1945': expected an ISO date"),
    ("misquote", "quote_not_found", "index.rst:8",
     'quote not found in harriman: closest text on p. 927 differs at "40 to 35" (quote) ≠ "40 to 30" (source)'),
    ("empty-quote", "empty_quote", "index.rst:8", "quote in harriman: the quotation is empty"),
    ("ellipsis-quote", "empty_quote", "index.rst:8", "the quotation is only an ellipsis"),
    ("unknown-option", "bad_option", "index.rst:8", "frus:quote: unknown option ':page:'"),
    ("bad-locator", "bad_locator", "index.rst:8", "unknown locator label 'zz.'"),
    ("bad-style", "bad_style", "", "frus_cite_style: unknown CSL style 'chicago-notes-bibliografy'"),
    ("bad-config", "config", "", "frus_cite_note_scope = 'chapter' is not valid; expected 'document' or 'project'"),
    ("broken-bib", "bibfile", "", "conf.py: frus_cite_bibfiles: "),
    ("broken-csl-json", "bibfile", "", "refs.json:2:1: not JSON: Expecting value"),
    ("unknown-volume", "unknown_volume", "index.rst:4", "unknown FRUS volume 'frus1945v7' (did you mean frus1945v07"),
    ("unpublished-volume", "unknown_volume", "index.rst:4",
     "FRUS volume 'frus1977-80v04' (Foreign Relations of the United States, 1977–1980, Volume IV, National Security "
     "Policy) is not published: the Office of the Historian lists it as in production"),
    ("wrong-site-url", "bad_option", "index.rst:4", "expected a history.state.gov document URL"),
    ("bad-role-syntax", "bad_option", "index.rst:8", "expected :frus:q:`key <quoted words>`"),
    ("myst-misquote", "quote_not_found", "index.md:8", '"40 to 35" (quote) ≠ "40 to 30" (source)'),
    ("myst-unknown-key", "unknown_key", "index.md:3", "unknown source key 'nosuchkey'"),
    ("myst-unknown-option", "bad_option", "index.md:8", "frus:quote: unknown option ':page:'"),
    ("myst-empty-quote", "empty_quote", "index.md:8", "the quotation is empty"),
    ("myst-missing-file", "source_not_found", "index.md:3", "source file sources/nothere.txt not found"),
    ("myst-bad-locator", "bad_locator", "index.md:8", "unknown locator label 'zz.'"),
    ("conf-missing-source", "source_not_found", "", "conf.py: frus_cite_sources['gone']: sources/gone.txt not found"),
    ("bad-persons", "config", "", "conf.py: frus_cite_persons: list of persons"),
    ("bad-volumes-file", "config", "", "conf.py: frus_cite_volumes: cannot read volume catalog"),
    ("conf-unknown-entry", "bad_option", "", "conf.py: frus_cite_sources['hoo']: unknown 'short-title'; expected 'path', 'volume', 'url', 'short_title', 'title', 'date', 'place', 'document'"),
    ("bad-bibliography-option", "bad_option", "index.rst:10", ":cited: must be 'project' or 'document', not 'everything'"),
    ("bad-pages-option", "bad_locator", "index.rst:8", "unknown locator label 'zz.'"),
    ("notes-only-style", "bad_style", "index.rst:10", "frus:bibliography: the CSL style 'the-historical-journal' has no <bibliography> section"),
]


def _copy(rootdir, tmp_path, name):
    target = tmp_path / name
    shutil.copytree(rootdir / f"test-bad-{name}", target)
    return target


@pytest.mark.parametrize("name, subtype, where, words", CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_one_located_warning(make_app, rootdir, tmp_path, name, subtype, where, words):
    if name.startswith("myst"):
        pytest.importorskip("myst_parser")
    app = make_app("html", srcdir=_copy(rootdir, tmp_path, name))
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if line.strip()]
    ours = [line for line in warnings if f"[frus.{subtype}]" in line]
    assert len(ours) == 1 and len([line for line in warnings if "[frus." in line]) == 1, warnings
    assert words in ours[0]
    if where:
        assert where in ours[0]
    assert "Traceback" not in app.warning.getvalue()
    assert (app.outdir / "index.html").is_file()  # the rest of the book still builds


@pytest.mark.parametrize("name", ["bom", "crlf"])
def test_bom_and_crlf_sources_quote_cleanly(make_app, rootdir, tmp_path, name):
    target = tmp_path / name
    shutil.copytree(rootdir / f"test-encoding-{name}", target)
    app = make_app("text", srcdir=target)
    app.build()
    assert app.warning.getvalue() == ""
    output = " ".join((app.outdir / "index.txt").read_text().split())
    assert "Substantial progress was made.[1]" in output
    assert "(Washington, DC: Government Printing Office, 1969), 926–27," in output  # pages found across the marker


def test_warning_fails_the_build_with_W(rootdir, tmp_path):
    source = _copy(rootdir, tmp_path, "misquote")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(source), str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "quote not found in harriman" in result.stderr and "Traceback" not in result.stderr


def test_suppress_warnings_silences_one_kind(make_app, rootdir, tmp_path):
    source = _copy(rootdir, tmp_path, "misquote")
    app = make_app("html", srcdir=source, confoverrides={"suppress_warnings": ["frus.quote_not_found"]})
    app.build()
    assert app.warning.getvalue().strip() == ""


def test_unreadable_file(make_app, rootdir, tmp_path, monkeypatch):
    import builtins

    import frus_cite.parsing.text as text_module

    source = _copy(rootdir, tmp_path, "misquote")
    unreadable = str(source / "sources" / "harriman.txt")

    def guarded_open(path, *args, **kwargs):
        # Permissions cannot stop root (CI runs as root), so the refusal is simulated here.
        if str(path) == unreadable:
            raise PermissionError(13, "Permission denied", unreadable)
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(text_module, "open", guarded_open, raising=False)
    app = make_app("html", srcdir=source)
    app.build()
    warnings = app.warning.getvalue()
    assert "[frus.parse_error]" in warnings and "cannot read file: Permission denied" in warnings
    assert "index.rst:4" in warnings and "Traceback" not in warnings


def test_a_csl_file_in_the_project_serves_as_style(make_app, rootdir, tmp_path):
    """The counterpart of style-not-csl: a real CSL file, named relative to the document."""
    from frus_cite.formatting.styles import find_style

    source = _copy(rootdir, tmp_path, "style-not-csl")
    shutil.copy(find_style(None).path, source / "notes.csl")
    app = make_app("html", srcdir=source)
    app.build()
    assert "[frus." not in app.warning.getvalue()
    assert "frus-bibliography" in (app.outdir / "index.html").read_text()


def test_an_item_the_style_prints_nothing_for_is_reported_not_printed(make_app, rootdir, tmp_path):
    """The style prints only titles (with a layout suffix and italics) and one item has none:
    no citeproc-js stand-in in a note or an entry, a located frus.nothing_printed warning instead."""
    source = tmp_path / "nothing-printed"
    shutil.copytree(rootdir / "test-nothing-printed", source)
    app = make_app("text", srcdir=source)
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if "[frus." in line]
    assert len(warnings) == 2 and all("[frus.nothing_printed]" in line for line in warnings), warnings
    assert "index.rst:4" in warnings[0] and "the style prints nothing for 'blank' in this note" in warnings[0]
    assert "the style prints no bibliography entry for 'blank'" in warnings[1]
    text = " ".join((app.outdir / "index.txt").read_text().split())
    assert "CSL STYLE ERROR" not in text
    assert "[1] [citation could not be formatted]" in text
    assert "[2] *Papers of the Day*." in text  # the other cite of the note is printed alone
    assert text.count("*Papers of the Day*.") == 2  # note 2 and the one bibliography entry
