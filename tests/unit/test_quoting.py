"""Quote checking: normalisation, ellipses, insertions, pages, and the explanation of a miss."""

from __future__ import annotations

import pytest

import frus_cite
from frus_cite.quoting import check_quote, normalise

from ..conftest import seed


@pytest.fixture(scope="module")
def telegram():
    return frus_cite.parse_file(seed(0), volume="frus1945v07")


@pytest.mark.parametrize(
    "passage, locator",
    [
        ("The term of the agreements was reduced from 40 to 30 years.", "927"),
        ('He finally said "we might see after 2 years".', "927"),  # straight vs curly quotes
        ("Substantial progress was made.", "926–27"),  # across the [Page 927] marker
        ("The open questions were left for discussion\n   between Soong and Molotov.", "927–28"),  # line breaks
        ("Soong showed me . . . the detailed notes", "926"),  # ellipsis
        ("Soong showed me … the detailed notes", "926"),
        ("[t]he railroads involved should be only main lines", "927"),  # author's insertion
        ("Soviet Union support of the National Government in unifying China", "927"),
    ],
)
def test_found_with_page_locator(telegram, passage, locator):
    result = check_quote(telegram, passage)
    assert result.found and result.locator == locator


def test_dash_variants_match():
    ref = frus_cite.parse_file(seed(2), volume="frus1945v07")
    assert check_quote(ref, "a joint Soviet–Chinese board").found  # en dash for the source's hyphen
    assert check_quote(ref, "a 45-year period").locator == "913"


def test_source_editorial_brackets_match_literally():
    ref = frus_cite.parse_file(seed(1))
    result = check_quote(ref, "There does not appear to [be?] any differences regarding Port Arthur")
    assert result.found and result.locator == "863"
    assert check_quote(ref, "Soong told me that he did not press Stalin").locator == "864"


def test_miss_names_closest_text_and_first_difference(telegram):
    result = check_quote(telegram, "The term of the agreements was reduced from 40 to 35 years.")
    assert not result.found
    assert result.message("harriman-0711") == (
        'quote not found in harriman-0711: closest text on p. 927 differs at "40 to 35" (quote) ≠ "40 to 30" (source)')
    assert result.closest.startswith("The term of the agreements was reduced from 40 to 30 years.")


def test_miss_shows_whole_words_of_the_source(telegram):
    """A shortened word at the start: the source side began mid-word ("rm" for "term")."""
    assert check_quote(telegram, "Tm of the agreements was reduced from 40 to 30 years.").difference == ("Tm", "term")


def test_typo_at_start_is_found_from_the_end(telegram):
    result = check_quote(telegram, "Teh term of the agreements was reduced from 40 to 30 years.")
    assert result.difference == ("Teh", "The")


@pytest.mark.parametrize("passage, problem", [("", "the quotation is empty"), (" … ", "the quotation is only an ellipsis"), (". . .", "the quotation is only an ellipsis")])
def test_empty_quotes_are_refused(telegram, passage, problem):
    result = check_quote(telegram, passage)
    assert not result.found and result.message("k") == f"quote in k: {problem}"


def test_unrelated_text_has_no_closest(telegram):
    result = check_quote(telegram, "completely unrelated words here")
    assert not result.found and result.closest is None
    assert result.message("k") == "quote not found in k: no similar passage in the source"


def test_normalise_keeps_offsets():
    text = "a\u00a0 “b”\n\n—c\u200b"
    norm = normalise(text)
    assert norm.text == 'a "b" -c'
    assert [text[i] for i in norm.offsets] == ["a", " ", "“", "b", "”", "\n", "—", "c"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”‘’—–-\n\t\u00a0\u200b.")), max_size=60))
def test_normalise_maps_every_character_back(text):
    norm = normalise(text)
    assert len(norm.offsets) == len(norm.text)
    assert "  " not in norm.text and not norm.text.startswith(" ") and not norm.text.endswith(" ")
    previous = -1
    for index, char in enumerate(norm.text):
        original = text[norm.offsets[index]]
        assert norm.offsets[index] > previous  # in order
        previous = norm.offsets[index]
        if char == " ":
            assert original.isspace() or original in "\u200b"
        else:
            assert char == original.translate({ord("“"): '"', ord("”"): '"', ord("‘"): "'", ord("’"): "'", ord("—"): "-", ord("–"): "-"})


def test_a_passage_of_an_editorial_footnote_is_cited_as_the_note():
    from pathlib import Path

    from frus_cite.quoting import citation_locator

    path = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "frus1943-gauss.txt"
    ref = frus_cite.parse_file(path, volume="frus1943China")
    result = check_quote(ref, "constructed example for frus-cite’s tests")
    # The mark stands after "Burma road." on page 6: the note is printed at the foot of page 6.
    assert result.found and result.note == "1" and result.locator == "6n1"
    assert citation_locator(ref, result) == "6n1"
    assert check_quote(ref, "The Generalissimo received me").note is None


def test_a_miss_with_the_first_letter_in_the_other_case_still_shows_the_closest_text():
    ref = frus_cite.parse_file(seed(0), volume="frus1945v07")
    sentence = next(s for s in ref.text.split(". ") if len(s) > 40 and s[0].isupper())
    words = sentence.split()
    passage = " ".join([words[0].lower(), *words[1:-1], "zzzz"])
    result = check_quote(ref, passage)
    assert not result.found and result.closest is not None and result.difference[0].endswith("zzzz")
