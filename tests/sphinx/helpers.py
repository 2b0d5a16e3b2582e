"""What the Sphinx tests share: copying a test root, reading notes from text-builder output."""

from __future__ import annotations

import re
import shutil


def copy_root(rootdir, tmp_path, name):
    """A copy of ``roots/test-<name>`` to build (links copied as links)."""
    target = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", target, symlinks=True)
    return target


def notes(text: str) -> list[str]:
    """The footnotes of a text-builder page, each on one line, emphasis marks removed."""
    return [" ".join(m.group(2).split()).replace("*", "") for m in re.finditer(r"^\[(\d+)\] (.+?)(?=\n\n|\n\[\d+\]|\Z)", text, re.M | re.S)]
