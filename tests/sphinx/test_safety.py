"""Hostile text stays text in every builder; only http(s) URLs become links; no network; determinism."""

from __future__ import annotations

import shutil
import socket

import pytest


def copy_root(rootdir, tmp_path, name):
    target = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", target)
    return target


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a build must not open network connections")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_html_escapes_markup_and_never_links_javascript(make_app, rootdir, tmp_path, no_network):
    app = make_app("html", srcdir=copy_root(rootdir, tmp_path, "safety"))
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(‘x’)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; $100 \\section{x} and 50% more." in html
    assert 'href="javascript:' not in html.lower()
    assert "javascript:alert(1)" in html  # shown as text, not as a link
    assert 'href="https://digitalarchive.wilsoncenter.org/document/990003"' in html


def test_latex_escapes_special_characters(make_app, rootdir, tmp_path, no_network):
    app = make_app("latex", srcdir=copy_root(rootdir, tmp_path, "safety"))
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text()
    assert "\\section{x}" not in tex
    assert "\\textbackslash{}section\\{x\\}" in tex
    assert "\\$100" in tex and "50\\% more" in tex and "\\&" in tex


def test_two_clean_builds_are_byte_identical(make_app, rootdir, tmp_path):
    outputs = []
    for run in (1, 2):
        app = make_app("html", srcdir=copy_root(rootdir, tmp_path / str(run), "quote-basic"), freshenv=True)
        app.build()
        outputs.append({p.relative_to(app.outdir).as_posix(): p.read_bytes() for p in sorted(app.outdir.rglob("*.html"))})
        app.cleanup()
    assert outputs[0] == outputs[1]
