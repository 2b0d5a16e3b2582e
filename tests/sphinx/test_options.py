"""Directive options: :pages:, :no-check:, prefix/suffix, and the bibliography's :cited:, :all:, :each-document:."""

from __future__ import annotations

import re
import shutil


def test_options(make_app, rootdir, tmp_path):
    source = tmp_path / "options"
    shutil.copytree(rootdir / "test-options", source)
    app = make_app("text", srcdir=source)
    app.build()
    assert app.warning.getvalue() == ""  # :no-check: quotes a paraphrase without a warning
    text = " ".join((app.outdir / "index.txt").read_text().split()).replace("*", "")
    notes = re.findall(r"\[(\d)\] (.*?)(?= \[\d\] |$)", text[text.index("[1] W. Averell Harriman"):])
    assert notes[0][1].startswith("W. Averell Harriman to Harry S. Truman") and ", 926–28, https://" in notes[0][1]  # :pages: wins
    # No locator after a cite with one: a short note (CSL), with the document's pages.
    assert notes[1][1] == "Paraphrased in Harriman to Truman and Byrnes, July 11, 1945, 926–28 (translation mine)."
    assert notes[2][1].startswith("“Record of a Meeting Between T.V. Soong and Stalin,” July 12, 1945")
    # :cited: document + :each-document: lists this document's sources, each in full.
    document_only = text[text.index("This document only:"):text.index("Every declared source:")]
    assert "W. Averell Harriman to Harry S. Truman and James F. Byrnes, telegram 761.93/7–1145, July 11, 1945. In" in document_only
    assert "“Record of a Meeting Between T.V. Soong and Stalin.” July 12, 1945. Box 6, folder 9" in document_only
    assert "W. A. Harriman Papers" not in document_only
    # :all: lists every declared source, collapsed: the cable's collection too, though never cited.
    every = text[text.index("Every declared source:"):]
    assert "W. A. Harriman Papers. Library of Congress, Washington, DC." in every
    assert "Victor Hoo Collection. Hoover Institution Archives, Stanford, CA." in every
    assert "U.S. Department of State. Foreign Relations of the United States: Diplomatic Papers, 1945." in every
