"""What `frus-cite --help` prints."""

from __future__ import annotations

import pytest

from frus_cite.cli import build_parser


def test_help_is_plain_text(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "Parse, quote and cite FRUS and Wilson Center documents in Chicago style." in out
