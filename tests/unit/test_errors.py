"""Bad input: typed errors with the file, line, caret and what was expected."""

from __future__ import annotations

import pytest

import frus_cite
from frus_cite.errors import (
    BinarySourceError,
    EmptySourceError,
    SourceEncodingError,
    SourceError,
    SourceTooLargeError,
    UnknownVolumeError,
    UnrecognisedSourceError,
)
from frus_cite.parsing import parse_file, parse_many

from ..conftest import seed


def test_unrecognised_text_names_file_line_and_expectation(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("\n\nShopping list: eggs, milk.\n", encoding="utf-8")
    with pytest.raises(UnrecognisedSourceError) as info:
        parse_file(path)
    assert str(info.value) == (
        f"{path}:3:1: expected a FRUS header line (e.g. '761.93/7–1145: Telegram'), a document heading "
        "(e.g. 'The Ambassador in the Soviet Union (Harriman) to the Secretary of State' or "
            "'58. Telegram From the Secretary of State to …') or a Wilson Center citation\n"
        "    Shopping list: eggs, milk.\n"
        "    ^^^^^^^^^^^^^^^^^^^^^^^^^^"
    )


def test_header_without_heading(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("761.93/7–1145: Telegram\n\n102330. Soong showed me this morning.\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        parse_file(path)
    assert str(info.value).startswith(f"{path}:3:1: expected the document heading")


def test_broken_wilson_citation_is_located(tmp_path):
    path = tmp_path / "w.md"
    path.write_text("**Citation:**\n\nSomething that is not a citation\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        parse_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3:1: expected a Wilson Center citation")
    assert message.endswith("    Something that is not a citation\n    " + "^" * 32)


@pytest.mark.parametrize(
    "content, error, words",
    [
        (b"", EmptySourceError, "empty file"),
        (b"  \n\n \t\n", EmptySourceError, "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", BinarySourceError, "binary data"),
        ("761.93/7–1145: Telegram\nThe Ambassador to the Secretary of Stäte\n".encode("latin-1", "replace"), SourceEncodingError, "not UTF-8"),
    ],
)
def test_unusable_files(tmp_path, content, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        parse_file(path)
    assert str(info.value).startswith(f"{path}:")
    assert words in str(info.value)


def test_latin1_error_gives_line_and_byte(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("761.93/7-1145: Telegram\n\nThe Ambassador (Harriman) to the Secr\xe9tary\n".encode("latin-1"))
    with pytest.raises(SourceEncodingError) as info:
        parse_file(path)
    assert str(info.value) == f"{path}:3: not UTF-8 (byte 0xe9 at byte 62); save the file as UTF-8"


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(SourceTooLargeError):
        parse_file(path, max_bytes=1024)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(SourceError, match="expected a text file, found a directory"):
        parse_file(tmp_path)
    with pytest.raises(SourceError, match="file not found"):
        parse_file(tmp_path / "nope.txt")


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed(0).read_bytes().replace(b"\n", b"\r\n"))
    ref = parse_file(path)
    assert ref.file.text == "761.93/7–1145" and "\r" not in ref.text
    assert ref.text == frus_cite.parse_file(seed(0)).text


def test_unknown_volume_suggests(tmp_path):
    with pytest.raises(UnknownVolumeError, match="did you mean frus1945v07"):
        parse_file(seed(0), volume="frus1945v7")


def test_parse_many_keeps_going(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here\n", encoding="utf-8")
    records, failures = parse_many([seed(0), bad, seed(4)])
    assert [r.kind for r in records] == ["frus", "wilson"]
    assert [f.path for f in failures] == [str(bad)]
    assert isinstance(failures[0].error, UnrecognisedSourceError)


def test_a_missing_bib_file_is_a_located_error(tmp_path):
    from frus_cite.formatting.bibtex import BibError, read_bib

    missing = tmp_path / "nothere.bib"
    with pytest.raises(BibError, match="nothere.bib"):
        read_bib(str(missing))
