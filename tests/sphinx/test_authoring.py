"""Authoring in Sphinx (#17): each numbered point of the issue on its own test root."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest


def copy_root(rootdir, tmp_path, name):
    target = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", target, symlinks=True)
    return target


def notes(text: str) -> list[str]:
    return [" ".join(m.group(2).split()).replace("*", "") for m in re.finditer(r"^\[(\d+)\] (.+?)(?=\n\n|\n\[\d+\]|\Z)", text, re.M | re.S)]


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
