"""CSL's display attribute in a Sphinx bibliography: the runs carry citeproc-js's class names and
frus-cite.css lays them out (a block is a block, an indented block indented, the margin field
of second-field-align beside the rest)."""

from __future__ import annotations

import re
import shutil


def test_display_blocks_are_laid_out_in_html(make_app, rootdir, tmp_path):
    source = tmp_path / "display"
    shutil.copytree(rootdir / "test-display-blocks", source)
    app = make_app("html", srcdir=source)
    app.build()
    assert "[frus." not in app.warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert ('<span class="csl-left-margin">[1]</span><span class="csl-right-inline">Book A'
            '<span class="csl-block">GPO</span><span class="csl-indent">An interesting book by an interesting author.</span>'
            "</span>") in html
    assert 'href="_static/frus-cite.css' in html
    css = " ".join((app.outdir / "_static" / "frus-cite.css").read_text(encoding="utf-8").split())
    rules = dict(re.findall(r"\.frus-bib-entry \.(csl-[a-z-]+) \{([^}]*)\}", css))
    assert "display: block" in rules["csl-block"]
    assert "display: block" in rules["csl-indent"] and "margin-left: 2em" in rules["csl-indent"]
    assert "float: left" in rules["csl-left-margin"]
    assert "display: block" in rules["csl-right-inline"] and "margin: 0 .4em 0 1.5em" in rules["csl-right-inline"]
