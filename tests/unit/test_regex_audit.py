"""Every regular expression frus-cite runs on user text takes time linear in the text (#16).

The patterns are found by ``tests/regex_audit.py`` (module constants, and the patterns written
as arguments of ``re`` functions), so a new pattern is audited without being listed here.  Each
is run the way frus-cite runs it (searched, or matched at the start) on inputs built from its own
pieces, at 4,000 and 16,000 characters: its time may grow about fourfold, not sixteenfold.

The exceptions, each with its reason: ``SHORT_TEXT`` lists patterns that only ever see text the
code keeps short (a heading of at most 400 characters, a dateline of at most 240); each must stay
fast at that length.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from frus_cite import quoting
from frus_cite.formatting import postprocess
from frus_cite.parsing import frus_body, frus_heading
from frus_cite.sphinxext import nodes
from frus_cite.parsing.frus_heading import _PARTY_SEPARATOR

from ..regex_audit import TooSlow, Found, _once, audit, collect, families, measure, operations, worst
from .test_hostile_inputs import OLD_CLAUSE, OLD_ELLIPSIS, OLD_LABEL_LINE, OLD_URL

OLD_CLASSIFICATION = re.compile(  # before #16
    r"\(?(?:(?:top secret|secret|confidential|restricted|priority|niact|personal|eyes only)(?:\s*(?:,|and|&)?\s*))+"
    r"(?:\s+for\s+[^.]{1,120})?\.?\)?",
    re.IGNORECASE,
)

PATTERNS, DYNAMIC = collect()
BY_NAME = {found.name: found for found in PATTERNS}

HEADING = "heading parts: is_heading refuses a line of more than 400 characters"
SHORT_TEXT: dict[str, tuple[int, str]] = {
    "frus_cite.parsing.frus_heading._PARTY_SEPARATOR": (400, HEADING),
    "frus_cite.parsing.frus_heading._TITLE_PREFIX": (400, HEADING),
    "frus_cite.parsing.frus_heading._NAMED_ROLE": (400, HEADING),
    r"frus_cite.parsing.frus_heading: (?P<name>.+?)\s+of\s+(?:the\s+)?(?P<office>.+)$": (400, HEADING),
    r"frus_cite.parsing.frus_heading: \s+to\s+(?=(?:the\s|his\s|His\s|same\b|[A-Z]))": (400, HEADING),
    r"frus_cite.parsing.frus_heading: \s+and\s+": (400, HEADING),
    r"frus_cite.parsing.frus_opener: \s*[\]]?\s*(?:[—–-]|,)\s*(?P<time>[^\[\]()]+?)\s": (
        240, "the tail of a dateline: parse_dateline refuses a line of more than 240 characters"),
    "frus_cite.parsing.provenance.header_line._TYPE": (200, "header_line reads no line of more than 200 characters"),
}

GUARDED: dict[str, tuple[Callable[[str], object], str]] = {
    # name: (the function that runs it, how that function keeps it linear)
    "frus_cite.sphinxext.nodes: [“\\\"]([^”\\\"]*)[”\\\"]": (
        nodes._nested, "searched only up to the last closing mark, so every opening mark has one after it"),
}


def _dynamic_samples() -> dict[tuple[str, str], tuple[re.Pattern, int | None]]:
    """Patterns built at run time, each from a typical value, keyed by (module, a piece of the
    call site's source): a footnote mark for the mark patterns, the party separator, the
    quotation splitter; with the length of text they see when the code keeps it short."""
    strong, weak, spaced = frus_body._mark_patterns("12")
    return {
        ("frus_cite.parsing.frus_body", "[^\\\\W\\\\d_] ){escaped}"): (strong, None),
        ("frus_cite.parsing.frus_body", "f'(?<=\\\\d){escaped}{end}'"): (weak, None),
        ("frus_cite.parsing.frus_body", "!?] ){escaped}(?=\\\\s|$)"): (spaced, None),
        ("frus_cite.parsing.frus_heading", "'[()]|' + separator.pattern"): (frus_heading._with_parens(_PARTY_SEPARATOR), 400),
        ("frus_cite.formatting.postprocess", "'[' + ''.join(bases) + ']'"): (postprocess._superscripts()[1], None),
        ("frus_cite.quoting", "{_ELLIPSIS.pattern}|{_BRACKET.pattern}"): (
            re.compile(f"({quoting._ELLIPSIS.pattern}|{quoting._BRACKET.pattern})"), None),
    }


DYNAMIC_SAMPLES = _dynamic_samples()


def _sample_for(site: str) -> list[tuple[re.Pattern, int | None]]:
    module, _, source = site.partition(": ")
    return [sample for (where, piece), sample in DYNAMIC_SAMPLES.items() if where == module and piece in source]


SAMPLES = [(Found(f"{site} (sample)", pattern, frozenset({"search", "fullmatch"})), short)
           for site in DYNAMIC for pattern, short in _sample_for(site)]


def test_every_pattern_built_at_run_time_has_a_sample():
    assert DYNAMIC, "the collector found no run-time patterns: is it still reading the source?"
    assert {site: len(_sample_for(site)) for site in DYNAMIC} == {site: 1 for site in DYNAMIC}


def test_the_lists_name_patterns_that_exist():
    assert len(PATTERNS) > 150
    assert not [name for name in (*SHORT_TEXT, *GUARDED) if name not in BY_NAME]


def _audited() -> list[Found]:
    samples = [found for found, short in SAMPLES if short is None]
    listed = {*SHORT_TEXT, *GUARDED}
    return [f for f in PATTERNS if f.name not in listed] + samples


@pytest.mark.parametrize("found", _audited(), ids=lambda found: found.name)
def test_time_grows_linearly(found):
    results = audit(found)
    bad = worst(results)
    assert bad.linear, (
        f"{found.name} ({found.pattern.pattern!r}), {bad.operation} on {bad.family}: "
        + ("over 2 s at 16,000 characters" if bad.too_slow else f"{bad.seconds[0]:.4f} s → {bad.seconds[1]:.4f} s (× {bad.ratio:.1f})")
    )


@pytest.mark.parametrize("found, length", [(BY_NAME[name], SHORT_TEXT[name][0]) for name in sorted(SHORT_TEXT)]
                         + [(found, short) for found, short in SAMPLES if short], ids=lambda value: getattr(value, "name", str(value)))
def test_patterns_on_short_text_are_fast_at_their_length(found, length):
    name = found.name
    for operation, run in operations(found).items():
        for family, make in families(found.pattern).items():
            try:
                _once(run, make(length), 0.25)
            except TooSlow:
                pytest.fail(f"{name}, {operation} on {family}: over 0.25 s at {length} characters")


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_patterns_are_linear_through_their_function(name):
    run, _ = GUARDED[name]
    for family, make in families(BY_NAME[name].pattern).items():
        growth = measure(run, make, family, run.__name__)
        assert growth.linear, f"{name} through {run.__name__}, on {family}: {growth.seconds}"


@pytest.mark.parametrize("name, pattern, uses", [
    ("classification before #16 (exponential)", OLD_CLASSIFICATION, {"fullmatch"}),
    ("Wilson label line before #16 (n⁴)", OLD_LABEL_LINE, {"fullmatch"}),
    ("Wilson URL before #16 (quadratic)", OLD_URL, {"search"}),
    ("credit clause before #16 (exponential)", OLD_CLAUSE, {"search"}),
    ("ellipsis before #16 (quadratic)", OLD_ELLIPSIS, {"search"}),
])
def test_the_audit_finds_the_patterns_fixed_in_16(name, pattern, uses):
    assert not worst(audit(Found(name, pattern, frozenset(uses)), limit=0.5)).linear
