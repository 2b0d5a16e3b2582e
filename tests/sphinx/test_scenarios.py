"""Scopes, sources declared in another document, builders, parallel and incremental builds."""

from __future__ import annotations

import pytest

from frus_cite.sphinxext.domain import scratch

from .helpers import copy_root, notes

FULL_0711 = "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, in"


def clean_build(make_app, source, builder: str = "text"):
    """A fresh build of *source* that must give no frus-cite warning."""
    app = make_app(builder, srcdir=source, freshenv=True)
    app.build()
    assert "frus." not in app.warning.getvalue()
    return app



def test_project_scope_gives_full_note_once(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "project-scope"))
    app.build()
    assert app.warning.getvalue() == ""
    one = notes((app.outdir / "one.txt").read_text())
    two = notes((app.outdir / "two.txt").read_text())
    assert one[0].startswith(FULL_0711) and one[0].replace(" ", "").endswith("926–27,https://history.state.gov/historicaldocuments/frus1945v07.")
    assert two == ["Harriman to Truman and Byrnes, July 11, 1945, 927."]  # short: cited in chapter one
    bib = (app.outdir / "bib.txt").read_text()
    assert "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945. In" in " ".join(bib.split()).replace("*", "")


def test_document_scope_repeats_full_note_per_chapter(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "project-scope"), confoverrides={"frus_cite_note_scope": "document"})
    app.build()
    assert notes((app.outdir / "two.txt").read_text())[0].startswith(FULL_0711)


def test_source_declared_in_another_document(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "crossdoc"))
    app.build()
    warnings = app.warning.getvalue()
    assert "b_chapter.rst:4" in warnings and "[frus.quote_not_found]" in warnings
    assert warnings.count("WARNING") == 1
    chapter = notes((app.outdir / "b_chapter.txt").read_text())
    assert chapter[0].startswith(FULL_0711) and ", 927, https://" in chapter[0]


@pytest.mark.parametrize("builder, output", [
    ("html", "index.html"), ("singlehtml", "index.html"), ("dirhtml", "index.html"),
    ("latex", "python.tex"), ("epub", "index.xhtml"), ("text", "index.txt"),
])
def test_builders(make_app, rootdir, tmp_path, builder, output):
    overrides = {"version": "1", "copyright": "2026, frus-cite"} if builder == "epub" else {}
    app = make_app(builder, srcdir=copy_root(rootdir, tmp_path, "quote-basic"), confoverrides=overrides)
    app.build()
    assert app.warning.getvalue() == ""
    if builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text()
        assert "\\begin{footnote}" in tex or "\\footnote" in tex
        assert "761.93/7\\textendash{}1145" in tex and "Government Printing Office, 1969" in " ".join(tex.split())
        assert "frus1945v07" in tex
        return
    if builder == "epub":
        text = (app.outdir / "index.xhtml").read_text()
    else:
        text = (app.outdir / output).read_text()
    assert "761.93/7–1145" in text and "Government Printing Office, 1969" in " ".join(text.split())
    if builder == "singlehtml":
        assert "U.S. Department of State. " in text  # the bibliography page is in the same file
        assert 'href="#frus-bib-frus1945v07"' in text


def test_parallel_build_equals_serial(make_app, rootdir, tmp_path):
    outputs = []
    for jobs in (1, 2):
        source = copy_root(rootdir, tmp_path / f"j{jobs}", "project-scope")
        app = make_app("text", srcdir=source, parallel=jobs)
        assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
        app.build()
        assert app.warning.getvalue() == ""
        outputs.append({p.name: p.read_text() for p in sorted(app.outdir.glob("*.txt"))})
        app.cleanup()  # the next app in this process registers its nodes afresh
    assert outputs[0] == outputs[1]


def test_editing_a_source_rebuilds_only_pages_that_quote_it(make_app, rootdir, tmp_path):
    import os
    import time

    source = copy_root(rootdir, tmp_path, "project-scope")
    (source / "three.rst").write_text("Three\n=====\n\nNo citations here.\n")
    (source / "index.rst").write_text((source / "index.rst").read_text() + "   three\n")
    app = make_app("text", srcdir=source, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    wilson = source / "sources" / "wilson-134351.md"
    time.sleep(0.01)
    wilson.write_text(wilson.read_text().replace("Soong: I believe.", "Soong: I believe you."))
    os.utime(wilson, None)
    app2 = make_app("text", srcdir=source)
    outdated = set(app2.builder.get_outdated_docs()) if hasattr(app2.builder, "get_outdated_docs") else set()
    app2.build()
    read = set(scratch(app2.env).reading)  # documents read again
    assert read == {"one"}  # only the chapter that cites the edited Wilson record
    assert "three" not in read and "two" not in read
    del outdated


def test_incremental_rebuild_after_edit_and_revert_equals_clean(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "project-scope")
    app = make_app("text", srcdir=source, freshenv=True)
    app.build()
    clean = {p.name: p.read_text() for p in sorted(app.outdir.glob("*.txt"))}
    original = (source / "two.rst").read_text()
    (source / "two.rst").write_text(original + "\nMore :frus:cite:`harriman, p. 928`.\n")
    make_app("text", srcdir=source).build()
    (source / "two.rst").write_text(original)
    app3 = make_app("text", srcdir=source)
    app3.build()
    assert {p.name: p.read_text() for p in sorted(app3.outdir.glob("*.txt"))} == clean


def test_editing_the_bib_file_rebuilds_pages_citing_it(make_app, rootdir, tmp_path):
    import os
    import time

    source = copy_root(rootdir, tmp_path, "quote-basic")
    app = make_app("text", srcdir=source, freshenv=True)
    app.build()
    app.cleanup()
    bib = source / "refs.bib"
    time.sleep(0.01)
    bib.write_text(bib.read_text().replace("The China Tangle", "The China Tangle, Revised"))
    os.utime(bib, None)
    app2 = make_app("text", srcdir=source)
    app2.build()
    assert "index" in scratch(app2.env).reading
    assert "The China Tangle, Revised" in (app2.outdir / "index.txt").read_text()


def test_rebuild_does_not_reparse_unchanged_conf_sources_but_repeats_their_errors(make_app, rootdir, tmp_path, monkeypatch):
    import os
    import time

    from frus_cite.sphinxext import events

    source = copy_root(rootdir, tmp_path, "options")
    parsed: list[str] = []
    real = events.load_checked

    def counting(env, path, *args, **kwargs):
        parsed.append(os.path.basename(path))
        return real(env, path, *args, **kwargs)

    monkeypatch.setattr(events, "load_checked", counting)
    make_app("text", srcdir=source, freshenv=True).build()
    assert sorted(parsed) == ["cable.md", "harriman.txt", "hoo.md"]

    parsed.clear()
    app = make_app("text", srcdir=source)
    app.build()
    assert parsed == []  # nothing changed: no source parsed again
    assert "frus." not in app.warning.getvalue()

    hoo = source / "sources" / "hoo.md"
    original = hoo.read_text()
    time.sleep(0.01)
    hoo.write_text("Not a record at all.\n")
    os.utime(hoo, None)
    for _ in range(2):  # the broken file warns on every build, not only the first after the edit
        parsed.clear()
        app = make_app("text", srcdir=source)
        app.build()
        assert parsed == ["hoo.md"]
        assert "conf.py: frus_cite_sources['hoo'] cannot be parsed" in app.warning.getvalue()

    hoo.write_text(original)
    os.utime(hoo, None)
    app = make_app("text", srcdir=source)
    app.build()
    assert "cannot be parsed" not in app.warning.getvalue()


def test_short_titles_from_conf_and_directive_and_their_edits(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "short-title")
    app = clean_build(make_app, source)
    found = notes((app.outdir / "chapter.txt").read_text())
    assert found[0].startswith("“Record of a Meeting Between T.V. Soong and Stalin,” July 12, 1945, box 6, folder 9")
    assert found[1].startswith("“Cable, Summary of Averell Harriman Meeting with T. V. Soong,” July 11, 1945")
    assert found[2] == "“Soong–Stalin Meeting.”"
    assert found[3] == "“Harriman–Soong Meeting Cable.”"

    # A new short title in the declaring document reaches the chapter that cites it.
    declared = source / "sources.rst"
    declared.write_text(declared.read_text().replace("Harriman–Soong\n                 Meeting Cable", "Harriman Cable"))
    app2 = make_app("text", srcdir=source)
    app2.build()
    assert scratch(app2.env).reading == {"sources"}
    assert notes((app2.outdir / "chapter.txt").read_text())[3] == "“Harriman Cable.”"


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_titles_with_markup_from_a_bib_file(make_app, rootdir, tmp_path, builder):
    """\\emph{} in a .bib title: italic in a quoted article title, roman inside an italic book
    title (CSS in HTML, nested emphasis in LaTeX), plain words in text; never TeX or tags."""
    app = clean_build(make_app, copy_root(rootdir, tmp_path, "rich-text"), builder)
    if builder == "html":
        page = (app.outdir / "index.html").read_text()
        assert '“Review of <em>The China Tangle</em> and <span class="frus-small-caps">Tass</span>,”' in page
        assert '<em>Reading <em class="frus-roman">Izvestiia</em> in Chongqing</em>' in page
        assert "&lt;i&gt;" not in page and "&amp;#60;" not in page
    elif builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text()
        assert "\\sphinxstyleemphasis{Reading \\sphinxstyleemphasis{Izvestiia} in Chongqing}" in tex
        assert "\\DUrole{frus-small-caps}{Tass}" in tex and "\\usepackage{frus-cite}" in tex
        assert (app.outdir / "frus-cite.sty").is_file()  # what gives the small caps their meaning
        assert "emph" not in tex.split("\\begin{document}")[1].replace("sphinxstyleemphasis", "")
    else:
        text = " ".join((app.outdir / "index.txt").read_text().split())
        assert "“Review of *The China Tangle* and Tass,” *Pacific Historical Review* 22 (1953): 402." in text
        assert "<i>" not in text and "\\emph" not in text


def test_latex_gets_notes_as_nodes_italics_ampersands_and_links_in_its_own_markup(make_app, rootdir, tmp_path):
    """The note and the entry reach the LaTeX writer as docutils nodes: emphasis, an escaped
    ``&`` and a link, with no HTML on the way."""
    app = clean_build(make_app, copy_root(rootdir, tmp_path, "latex-markup"), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text().split("\\begin{document}")[1]
    title = "\\sphinxstyleemphasis{Reading \\sphinxstyleemphasis{Pravda} \\& \\DUrole{frus-small-caps}{Tass} in Moscow}"
    assert f"Jeffrey Brooks, {title} (New York: Smith \\& Sons, 2000), 12, \\sphinxurl{{https://example.org/books/pravda?id=7}}." in tex
    assert f"Brooks, Jeffrey. {title}. New York: Smith \\& Sons, 2000." in tex
    assert not any(tag in tex for tag in ("<i>", "&#38;", "&amp;", "<span", "\\textless{}i"))


def test_notes_become_nodes_from_the_tree_without_html_in_between(make_app, rootdir, tmp_path, monkeypatch):
    from frus_cite.formatting.tree import Rendered
    from frus_cite.sphinxext import transforms

    def no_html(self):
        raise AssertionError("a note went through HTML")

    monkeypatch.setattr(Rendered, "html", no_html)
    assert not hasattr(transforms, "html_to_nodes")
    app = clean_build(make_app, copy_root(rootdir, tmp_path, "latex-markup"), "html")
    page = (app.outdir / "index.html").read_text()
    assert '<em>Reading <em class="frus-roman">Pravda</em> &amp; <span class="frus-small-caps">Tass</span> in Moscow</em>' in page
    assert '<a class="frus-source-url reference external" href="https://example.org/books/pravda?id=7">' in page


def test_persons_list_gives_full_names_in_first_notes(make_app, rootdir, tmp_path):
    app = clean_build(make_app, copy_root(rootdir, tmp_path, "persons"))
    found = notes((app.outdir / "index.txt").read_text())
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945, in")
    assert found[1] == "Harriman to Truman and Byrnes, July 11, 1945, 928."


def test_names_as_printed_keeps_the_headings_names_but_the_authors_list_wins(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "persons"), freshenv=True, confoverrides={"frus_cite_names": "as-printed"})
    app.build()
    assert "frus." not in app.warning.getvalue()
    found = notes((app.outdir / "index.txt").read_text())
    # Harriman and Truman from the author's persons.json; the office alone as printed.
    assert found[0].startswith("W. Averell Harriman to Harry S. Truman and the Secretary of State, telegram 761.93/7–1145")
    assert found[1] == "Harriman to Truman and the Secretary of State, July 11, 1945, 928."


def test_a_bad_names_setting_warns_and_names_in_full(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=copy_root(rootdir, tmp_path, "persons"), freshenv=True, confoverrides={"frus_cite_names": "initials"})
    app.build()
    assert "frus_cite_names = 'initials' is not valid; expected 'full' or 'as-printed'; using 'full' [frus.config]" in app.warning.getvalue()
    assert notes((app.outdir / "index.txt").read_text())[0].startswith("W. Averell Harriman to Harry S. Truman and James F. Byrnes")


def test_editing_the_persons_list_rewrites_pages_with_notes(make_app, rootdir, tmp_path):
    import os
    import time

    source = copy_root(rootdir, tmp_path, "persons")
    make_app("text", srcdir=source, freshenv=True).build()
    persons = source / "persons.json"
    time.sleep(0.01)
    persons.write_text('{"Harriman": "Averell Harriman", "Truman": "Harry S. Truman"}', encoding="utf-8")
    os.utime(persons, None)
    app = make_app("text", srcdir=source)
    app.build()
    assert notes((app.outdir / "index.txt").read_text())[0].startswith("Averell Harriman to Harry S. Truman")
