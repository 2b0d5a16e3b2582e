"""Property tests: any text gives a record or a typed frus-cite error, in linear time."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frus_cite
from frus_cite.errors import FrusCiteError

from ..conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
PIECES = ["[Page 927]", "[", "]", "(", ")", "No. 578\n", "\n\n", "  1. ", "**", "Citation:", "761.93/7–1145: Telegram\n",
          "“", "”", "\"", "—", "–", " to the ", "top secret\n", "July 11, 1945", "f. 558, op. 11", "<https://x.org/document/1>"]


def _parse(text: str) -> None:
    try:
        ref = frus_cite.parse_text(text)
    except FrusCiteError:
        return
    assert ref.kind in {"frus", "wilson"}
    if ref.pages is not None:
        assert ref.pages.breaks[0][0] == 0
        assert all(0 <= offset <= len(ref.text) for offset, _ in ref.pages.breaks)
    for note in ref.footnotes:
        assert note.offset is None or 0 <= note.offset <= len(ref.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text):
    _parse(text)


@st.composite
def mutated_seed(draw):
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:position] + draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=5))) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            text = text[:position] + text[position : position + 60] * 2 + text[position + 60 :]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_seeds(text):
    _parse(text)


def test_adversarial_inputs_parse_in_linear_time():
    """No catastrophic backtracking: time per byte stays flat as input grows."""
    patterns = [
        "761.93/7–1145: Telegram\n\nThe Ambassador (Harriman) to the Secretary of State\n\n" + "[Page 1] word " * 20000,
        "The A to the B\n\n" + "1" * 200000,
        "**Citation:**\n\n\"" + "a, " * 50000,
        "761.93/7–1145: Telegram\n\nThe Ambassador (Harriman) to the Secretary of State\n\n" + ("x. " * 30 + "\n") * 2000 + "  1. note\n",
        "\"" + "Title " * 20000 + "\", July 1, 1945, Wilson Center Digital Archive, " + "f. 1, " * 5000,
    ]
    for text in patterns:
        small, large = text[: len(text) // 4], text
        t0 = time.perf_counter()
        _parse(small)
        t1 = time.perf_counter()
        _parse(large)
        t2 = time.perf_counter()
        # 4x the input may cost at most ~4x (with generous slack for noise), never quadratic.
        assert (t2 - t1) <= 12 * (t1 - t0) + 0.5, (text[:40], t1 - t0, t2 - t1)
