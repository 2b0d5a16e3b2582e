"""A small CSL style written for a test: the style element and its info around a body."""

from __future__ import annotations

import hashlib
from pathlib import Path


def write_style(folder: Path, body: str, *, cls: str = "note", attrs: str = "") -> str:
    """The path of a style whose content is *body* (macros, locale, citation, bibliography),
    with *attrs* on the style element.  Each body gets a file of its own: styles are kept
    by path, so two styles in one file would be read as one."""
    text = (f'<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0"{attrs}>'
            f"<info><title>t</title><id>t</id><updated>2026-11-30T00:00:00+00:00</updated></info>{body}</style>")
    path = folder / f"style-{hashlib.sha1(text.encode()).hexdigest()[:12]}.csl"
    path.write_text(text, encoding="utf-8")
    return str(path)
