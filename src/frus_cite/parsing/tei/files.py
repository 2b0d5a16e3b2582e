"""Reading a TEI file safely: size, DTD and well-formedness checked, each problem located.

Safety: the file is refused before parsing when it is larger than
:data:`MAX_TEI_BYTES` or declares a DTD (TEI volumes have none; a DTD is how
entity bombs and external entities get in); lxml parses with entity
resolution, network access and DTD loading off and its size limits on.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ...errors import TeiError
from ..text import read_bytes
from .text import FRUS_NS, T, TEI_NS, local_name
from .volume import TeiVolume

__all__ = ["MAX_TEI_BYTES", "looks_like_tei", "read_tei", "read_tei_bytes", "open_tei", "split_address"]

MAX_TEI_BYTES = 32 * 1024 * 1024
"""Largest TEI file read: the biggest FRUS volumes are about 12 MB."""

_FRAGMENT_OPEN = f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}">'.encode()
_FRAGMENT_ROOTS = frozenset({"div", "pb"})
"""Elements a slice of a volume may begin with."""
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(rb"\s*<!DOCTYPE", re.I)
_START_TAG = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")


def looks_like_tei(data: bytes) -> bool:
    """True when *data* starts (after an XML declaration and comments) with a TEI root
    or with the ``div``/``pb`` elements of a slice, or declares a DTD (which the TEI
    reader refuses, saying why)."""
    try:
        name, _ = _first_element(data, "<bytes>")
    except TeiError:
        return True
    return name is not None and local_name(name) in _FRAGMENT_ROOTS | {"TEI"}


def read_tei(path: str | Path, *, volume: str | None = None, max_bytes: int = MAX_TEI_BYTES) -> "TeiVolume":
    """Read and index a TEI file (volume, slice or single document).

    *volume* names the FRUS volume when the file does not (a slice has no
    ``teiHeader``); otherwise it comes from the header or the file name.
    """
    expected = f"a FRUS volume file (at most {max_bytes // 2**20} MB)"
    data = read_bytes(path, max_bytes=max_bytes, expected=expected, error=TeiError, kind="a TEI file")
    return read_tei_bytes(data, path=str(path), volume=volume)


def read_tei_bytes(data: bytes, *, path: str = "<tei>", volume: str | None = None) -> "TeiVolume":
    """Parse and index TEI held in memory (see :func:`read_tei`)."""
    root_name, offset = _first_element(data, path)
    if root_name is None:
        raise TeiError("expected a TEI file (an XML file whose root element is <TEI>)", path=path, line=1)
    local = local_name(root_name)
    fragment = local in _FRAGMENT_ROOTS
    if not fragment and local != "TEI":
        raise TeiError(
            f"expected a TEI file (root element <TEI> in the namespace {TEI_NS}) or a slice of one "
            f"(<pb/> and <div type=\"document\"> elements), found <{root_name.decode(errors='replace')}>",
            path=path,
            line=_line_at(data, offset),
        )
    if fragment:
        # The wrapper goes on line 1 without a line break, so line numbers stay the file's own.
        data = data[:offset] + _FRAGMENT_OPEN + data[offset:] + b"</TEI>"
    root = _parse(data, path, fragment)
    if root.tag != T + "TEI":
        raise TeiError(
            f"expected the root element <TEI> in the namespace {TEI_NS}, found {root.tag}",
            path=path,
            line=root.sourceline,
        )
    return TeiVolume(root, path=path, volume=volume, fragment=fragment)


def _first_element(data: bytes, path: str) -> tuple[bytes | None, int]:
    """The name and offset of the first element, past the XML declaration, processing
    instructions and comments; a DOCTYPE is refused here, before any parser sees it."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while (item := _PROLOG_ITEM.match(data, position)) is not None:
        position = item.end()
    if (doctype := _DOCTYPE.match(data, position)) is not None:
        at = doctype.end() - len(b"<!DOCTYPE")
        raise TeiError(
            "expected no DOCTYPE: TEI volume files have none, and a DTD's entity declarations "
            "can expand without bound (an XML bomb) or read other files; refused unread",
            path=path,
            line=_line_at(data, at),
        )
    tag = _START_TAG.match(data, position)
    if tag is None:
        return None, position
    return tag.group(1), tag.start(1) - 1


def _parse(data: bytes, path: str, fragment: bool) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path, fragment) from None


def _syntax_error(exc: etree.XMLSyntaxError, path: str, fragment: bool) -> TeiError:
    """libxml2's complaint in the reader's words, at its line."""
    message = (exc.msg or str(exc)).split(", line ")[0]
    line = exc.lineno or (exc.position[0] if exc.position else None)
    # A cut-short file: an element left open at the end (of the file, or of a slice's wrapper).
    unclosed = re.match(r"Premature end of data in tag (\S+) line (\d+)", message)
    if unclosed is None and fragment:
        unclosed = re.match(r"Opening and ending tag mismatch: (\S+) line (\d+) and TEI", message)
    if unclosed:
        return TeiError(
            f"<{unclosed.group(1)}> opened at line {unclosed.group(2)} is not closed; expected its end tag "
            "before the end of the file (is the file cut short?)",
            path=path,
            line=line,
        )
    if "amplification" in message or "entity" in message.lower():
        hint = "; expected a TEI file without entity declarations"
    else:
        hint = "; expected well-formed XML"
    return TeiError(f"malformed XML: {message}{hint}", path=path, line=line)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_OPENED: dict[tuple[str, str | None], tuple[tuple[int, int], TeiVolume]] = {}
_OPENED_LIMIT = 8


def open_tei(path: str | Path, *, volume: str | None = None) -> TeiVolume:
    """:func:`read_tei`, kept while the file is unchanged (same size and modification
    time), so that a command or a build that cites many documents of one volume reads
    the file once."""
    key = (os.path.abspath(path), volume)
    try:
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        return read_tei(path, volume=volume)  # reports the problem, located
    cached = _OPENED.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    tei = read_tei(path, volume=volume)
    if len(_OPENED) >= _OPENED_LIMIT:
        _OPENED.pop(next(iter(_OPENED)))
    _OPENED[key] = (stamp, tei)
    return tei


def split_address(address: str) -> tuple[str, str | None]:
    """"frus1955-57v03.xml#d58" → ("frus1955-57v03.xml", "d58"); no "#": no document."""
    path, hash_sign, document = address.rpartition("#")
    if not hash_sign or not path or not re.fullmatch(r"d?\d+|[\w.-]+", document):
        return address, None
    return path, document
