"""Locators as authors write them after a citation key (`harriman, pp. 926-28`)."""

import pytest

from frus_cite.sphinxext.citing import parse_locator


@pytest.mark.parametrize("written, expected", [
    ("p. 927", ("927", "page")),
    ("pp. 926-28", ("926–28", "page")),
    ("927", ("927", "page")),
    ("xii", ("xii", "page")),  # a roman page, not the label "xi" with the value "i"
    ("927n3", ("927n3", "page")),
    ("ch. 3", ("3", "chapter")),
    ("¶ 4", ("4", "paragraph")),
    ("n. 3", ("3", "note")),
])
def test_label_and_value(written, expected):
    assert parse_locator(written) == expected


@pytest.mark.parametrize("written, message", [
    ("zz. 3", "unknown locator label 'zz.'"),
    ("abc", "cannot read the pages 'abc'"),
    ("p. x-y", "cannot read the pages 'x-y'"),
    ("p.", "cannot read locator 'p.'"),
])
def test_unreadable_locators_say_what_was_expected(written, message):
    with pytest.raises(ValueError, match=message):
        parse_locator(written)
