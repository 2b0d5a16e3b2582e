"""Reproducible benchmark books: frus-cite, the floor, and the sphinxcontrib-bibtex peer.

``make_books(root, chapters=N, sources=M, quotes=Q, seed=S)`` writes three Sphinx projects over
the same generated sources and the same quotations:

* ``frus/`` — every quotation a ``frus:quote`` block or ``:frus:q:`` inline quote (repeated
  quotes, quotes across page breaks), checked and footnoted by frus-cite;
* ``floor/`` — the same text with each quotation an ordinary block quote or quoted text and a
  hand-written footnote holding the same note text (what Sphinx costs with no citation work);
* ``peer/`` — the same citations as sphinxcontrib-bibtex ``:footcite:`` over an equivalent
  ``.bib`` (the tool a Sphinx author would otherwise use).

Sources are generated FRUS documents in the history.state.gov layout (header line, heading,
body with ``[Page N]`` markers, footnotes) and Wilson Center records.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = (
    "the soviet government railway port manchuria chinese delegation agreement treaty alliance "
    "minister ambassador telegram conference question management directors military zone dairen "
    "arthur mongolia independence plebiscite guards troops commission navy berlin president secretary "
    "position concessions proposal discussion understanding sovereignty administration lease revenue"
).split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def frus_document(rng: random.Random, number: int) -> tuple[str, list[str]]:
    """A FRUS text with page markers; returns the text and its paragraphs' plain sentences."""
    page = 100 + number * 3
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    paragraphs, sentences = [], []
    for index in range(rng.randint(5, 9)):
        parts = [_sentence(rng) for _ in range(rng.randint(3, 6))]
        sentences.extend(parts)
        text = " ".join(parts)
        if index in (2, 5):
            cut = text.find(" ", len(text) // 2)
            page += 1
            text = f"{text[:cut]} [Page {page}]{text[cut:]}"
        paragraphs.append(text)
    body = "\n\n".join(paragraphs)
    header = f"761.93/{month}–{day}45: Telegram\n\nThe Ambassador in the Soviet Union (Harriman) to the Secretary of State 1\n\n"
    return f"{header}{number}. {body}\n\n[Harriman]\n\n  1. Sent by the United States Naval Attaché, Moscow.\n", sentences


def frus_corpus(megabytes: float, seed: int = 3) -> list[str]:
    """Generated FRUS documents adding up to *megabytes* of UTF-8 (the parsing benchmark's input)."""
    rng = random.Random(seed)
    texts, size = [], 0
    while size < megabytes * 1_000_000:
        text, _ = frus_document(rng, len(texts))
        texts.append(text)
        size += len(text.encode())
    return texts


def wilson_record(rng: random.Random, number: int) -> tuple[str, list[str]]:
    sentences = [_sentence(rng) for _ in range(rng.randint(10, 20))]
    text = (
        f'**Citation:**\n\n"Record of Meeting {number}", July {rng.randint(1, 28)}, 1945, Wilson Center Digital Archive, '
        f"Victor Hoo Collection, box {rng.randint(1, 9)}, folder {rng.randint(1, 20)}, Hoover Institution Archives. "
        f"Contributed by David Wolff. <https://digitalarchive.wilsoncenter.org/document/{990000 + number}>\n\n"
        "**Contents:**\n\nTranscript - English\n\n" + "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)) + "\n"
    )
    return text, sentences


def make_books(root: Path, *, chapters: int, sources: int, quotes: int, seed: int = 1945) -> dict[str, Path]:
    import frus_cite
    from frus_cite.formatting.csl_json import to_csl_json
    from frus_cite.formatting.notes import Cite, Cluster, NoteEngine
    from frus_cite.quoting import check_quote

    rng = random.Random(seed)
    books = {name: root / name for name in ("frus", "floor", "peer")}
    for book in books.values():
        (book / "sources").mkdir(parents=True, exist_ok=True)
    keys, texts, refs = [], {}, {}
    for number in range(sources):
        if number % 4 == 3:
            text, sentences = wilson_record(rng, number)
            key = f"wilson{number}"
        else:
            text, sentences = frus_document(rng, number)
            key = f"frus{number}"
        keys.append(key)
        texts[key] = sentences
        for book in books.values():
            (book / "sources" / f"{key}.txt").write_text(text, encoding="utf-8")
        refs[key] = frus_cite.parse_text(text, volume=None if key.startswith("wilson") else "frus1945v07")

    # The same citations for all three books; frus-cite's own notes are the floor's footnote text.
    items = [to_csl_json(ref, key=key) for key, ref in refs.items()]
    plan: list[list[tuple[str, str, str, str | None]]] = [[] for _ in range(chapters)]
    for index in range(quotes):
        chapter = index % chapters
        key = rng.choice(keys) if index % 5 else (plan[chapter][-1][1] if plan[chapter] else rng.choice(keys))
        sentence = rng.choice(texts[key])
        passage = sentence.rstrip(".")
        result = check_quote(refs[key], passage)
        kind = "block" if index % 3 == 0 else "inline"
        plan[chapter].append((kind, key, passage, result.locator))

    bib = []
    for key, ref in refs.items():
        title = ref.title.replace("{", "").replace("}", "")
        year = (ref.date or "1945")[:4]
        bib.append(f"@misc{{{key},\n  title = {{{title}}},\n  year = {{{year}}},\n  note = {{{ref.file.text if ref.file else 'Wilson Center Digital Archive'}}}\n}}\n")
    (books["peer"] / "refs.bib").write_text("\n".join(bib), encoding="utf-8")

    for name, book in books.items():
        conf = ['exclude_patterns = ["_build", "sources"]', 'project = "benchmark"']
        if name == "frus":
            conf += ['extensions = ["frus_cite.sphinxext"]', 'frus_cite_sources = "sources/*.txt"', 'frus_cite_default_volume = "frus1945v07"']
        elif name == "peer":
            conf += ['extensions = ["sphinxcontrib.bibtex"]', 'bibtex_bibfiles = ["refs.bib"]', 'bibtex_default_style = "plain"']
        (book / "conf.py").write_text("\n".join(conf) + "\n", encoding="utf-8")
        (book / "index.rst").write_text(
            "Benchmark\n=========\n\n.. toctree::\n\n" + "".join(f"   chapter{c:03d}\n" for c in range(chapters)), encoding="utf-8"
        )

    for chapter, cites in enumerate(plan):
        engine = NoteEngine(items, ibid=False)
        head = f"Chapter {chapter}\n" + "=" * 20 + "\n\n"
        frus_lines, floor_lines, peer_lines = [head], [head], [head]
        for note, (kind, key, passage, locator) in enumerate(cites, start=1):
            text = engine.cite(Cluster((Cite(key, locator),), note))
            filler = _sentence(rng) + "\n\n"
            if kind == "block":
                frus_lines.append(f"{filler}.. frus:quote:: {key}\n\n   {passage}\n\n")
                floor_lines.append(f"{filler}   {passage} [#]_\n\n.. [#] {text}\n\n")
                peer_lines.append(f"{filler}   {passage}\\ :footcite:`{key}`\n\n")
            else:
                frus_lines.append(f"{filler}He wrote :frus:q:`{key} <{passage}>`.\n\n")
                floor_lines.append(f"{filler}He wrote “{passage}”\\ [#]_.\n\n.. [#] {text}\n\n")
                peer_lines.append(f"{filler}He wrote “{passage}”\\ :footcite:`{key}`.\n\n")
        peer_lines.append(".. footbibliography::\n")
        for name, lines in (("frus", frus_lines), ("floor", floor_lines), ("peer", peer_lines)):
            (books[name] / f"chapter{chapter:03d}.rst").write_text("".join(lines), encoding="utf-8")
    return books


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/frus-bench")
    print(make_books(target, chapters=10, sources=40, quotes=int(sys.argv[2]) if len(sys.argv) > 2 else 100))
