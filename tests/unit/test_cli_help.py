"""What ``frus-cite`` tells its user: the --help text, how to add a volume the catalog lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from frus_cite.cli import build_parser, main

SOURCE = Path(__file__).resolve().parents[2] / "examples/book/sources/harriman-1945-07-11.txt"


def test_help_is_plain_text(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "Parse, quote and cite FRUS and Wilson Center documents in Chicago style." in out


def test_unknown_volume_says_how_to_add_one_from_the_command_line(capsys):
    assert main(["parse", str(SOURCE), "--volume", "frus2030v01"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("frus-cite: error: unknown FRUS volume 'frus2030v01' (did you mean ")
    assert err.rstrip().endswith(
        "add a volume with --catalog JSON (command line), frus_cite_volumes (Sphinx) or Catalog.extended() (Python)")
