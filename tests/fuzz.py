"""Generated hostile inputs for frus-cite's interfaces: the command line (argv and the files it
names), CSL-JSON shapes, Sphinx configuration values and Sphinx sources.  Each run must end in
an answer or a located error, never in a traceback.

The test suite runs a few examples of each (``tests/unit/test_fuzz.py``); the large run is by
hand::

    python benchmarks/fuzz.py --examples 2000        # each target 2,000 examples (Sphinx: a tenth)
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from frus_cite.cli import main

TESTS = Path(__file__).resolve().parent
SOURCES = sorted((TESTS / "fixtures" / "sources").glob("*.txt")) + sorted((TESTS / "fixtures" / "seeds").glob("*.txt"))
SOURCE_TEXTS = [path.read_text(encoding="utf-8") for path in SOURCES]
VOLUMES = ["frus1945v07", "frus1945Berlinv01", "frus1943China", "frus1969-76v17", "frusX", "", "frus" + "9" * 30]
URLS = [
    "https://history.state.gov/historicaldocuments/frus1945v07/d578", "https://history.state.gov/historicaldocuments/frus1945v07",
    "https://history.state.gov/historicaldocuments/frus1945v07/d" + "7" * 5000, "http://example.org/x", "", "https://",
]
STYLES = ["chicago-notes-bibliography", "chicago-note-bibliography", "apa", "agora", "nonexistent", "", "../../etc/passwd"]

# --- JSON of any shape, and CSL-JSON-like shapes -------------------------------------------------

HUGE = "\x00huge"
"""Stands for an integer of 5,000 digits (past Python's int-string limit) in generated JSON."""
_LEAVES = (
    st.none() | st.booleans() | st.integers() | st.just(HUGE) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20)
)
JSON = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)
"""Any JSON value (integers past Python's int-string limit included)."""

_NAME = st.one_of(st.fixed_dictionaries({}, optional={"family": JSON, "given": JSON, "literal": JSON}), JSON)
_DATE = st.one_of(st.fixed_dictionaries({}, optional={"date-parts": st.lists(st.lists(JSON, max_size=3), max_size=2) | JSON,
                                                      "literal": JSON, "raw": JSON}), JSON)
_IDS = st.sampled_from(["a", "b", "harriman", 5, None, ""]) | JSON
CSL_ITEM = st.fixed_dictionaries(
    {"id": _IDS},
    optional={
        "type": st.sampled_from(["document", "book", "article-journal", "manuscript", "webpage", "nonsense"]) | JSON,
        "title": JSON, "title-short": JSON, "author": st.lists(_NAME, max_size=3) | JSON, "editor": st.lists(_NAME, max_size=2) | JSON,
        "issued": _DATE, "accessed": _DATE, "URL": st.sampled_from(URLS) | JSON, "container-title": JSON, "page": JSON,
        "volume": JSON, "number": JSON, "publisher": JSON, "publisher-place": JSON, "genre": JSON, "note": JSON,
    },
)
CITES = st.lists(
    st.fixed_dictionaries(
        {"citationItems": st.lists(st.fixed_dictionaries({"id": _IDS}, optional={
            "locator": st.sampled_from(["927", "pp. 1" + "0" * 5000 + "–2" + "0" * 5000, "", "zz. 4"]) | JSON,
            "label": st.sampled_from(["page", "chapter", "nonsense"]) | JSON, "prefix": JSON, "suffix": JSON,
        }) | JSON, max_size=3) | JSON},
        optional={"properties": st.fixed_dictionaries({}, optional={"noteIndex": JSON})},
    ) | JSON,
    max_size=3,
) | JSON
"""citeproc-js's citation clusters, with every field of every type."""


def dumps(value) -> str:
    """JSON text of *value*, with :data:`HUGE` written as 5,000 digits."""
    return json.dumps(value).replace(json.dumps(HUGE), "9" * 5000)


@st.composite
def mutated_source(draw) -> str:
    """A real source with pieces cut, doubled and inserted."""
    text = draw(st.sampled_from(SOURCE_TEXTS))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(["[Page " + "9" * 5000 + "]", "[Page 12]", "\n\n  1. ", "  2. See " + URLS[0] + ".",
                                      "**Citation:**\n", "\x00", "…", "http://" * 50]) | st.text(max_size=8))
        text = text[:at] + piece + text[at + draw(st.integers(0, 30)) :]
    return text


FILE_CONTENT = st.one_of(
    mutated_source(), st.text(max_size=200), st.binary(max_size=60),
    st.builds(dumps, JSON), st.builds(dumps, st.lists(CSL_ITEM, max_size=3)), st.builds(dumps, CITES),
    st.builds(lambda v: json.dumps({"volumes": v}), JSON), st.just(""),
)


# --- the command line --------------------------------------------------------------------------------

COMMANDS = ("parse", "quote", "notes", "bib", "volumes", "styles")


@st.composite
def command_lines(draw, commands=COMMANDS) -> tuple[list[str], dict[str, bytes | str | None]]:
    """(argv with {name} placeholders for files, the files: content, or None for a directory)."""
    files: dict[str, bytes | str | None] = {}

    def a_file(content=FILE_CONTENT) -> str:
        name = f"f{len(files)}"
        kind = draw(st.sampled_from(["file", "file", "file", "missing", "directory"]))
        files[name] = draw(content) if kind == "file" else None if kind == "directory" else "<missing>"
        return "{" + name + "}"

    command = draw(st.sampled_from(commands))
    argv = [command]
    if command in ("parse", "bib"):
        argv += [a_file(mutated_source() | FILE_CONTENT) for _ in range(draw(st.integers(1, 3)))]
    if command == "quote":
        argv += [a_file(mutated_source() | FILE_CONTENT), draw(st.text(max_size=60) | st.sampled_from(["The term … 30 years", "[t]he"]))]
    if command == "notes":
        argv += ["--items", a_file(st.builds(dumps, st.lists(CSL_ITEM, max_size=3)) | FILE_CONTENT),
                 "--cites", a_file(st.builds(dumps, CITES) | FILE_CONTENT)]
    if command == "volumes":
        argv += draw(st.lists(st.text(max_size=8), max_size=2))
    if command in ("parse", "quote", "bib"):
        if draw(st.booleans()):
            argv += ["--volume", draw(st.sampled_from(VOLUMES) | st.text(max_size=10))]
        elif draw(st.booleans()):
            argv += ["--url", draw(st.sampled_from(URLS) | st.text(max_size=20))]
        if draw(st.booleans()):
            argv += ["--persons", a_file(st.builds(dumps, JSON | st.dictionaries(st.text(max_size=8), JSON)))]
    if command in ("parse", "quote", "bib", "volumes") and draw(st.booleans()):
        argv += ["--catalog", a_file(st.builds(dumps, st.dictionaries(st.sampled_from(VOLUMES), JSON) | JSON))]
    if command in ("quote", "notes", "bib") and draw(st.booleans()):
        argv += ["--style", draw(st.sampled_from(STYLES)) if draw(st.booleans()) else a_file()]
    formats = {"parse": ["json", "csl-json", "bibtex"], "bib": ["text", "html", "bibtex", "csl-json"], "notes": ["text", "html"],
               "volumes": ["text", "json"], "styles": ["text", "json"]}
    if command in formats and draw(st.booleans()):
        argv += ["--format", draw(st.sampled_from(formats[command]))]
    return argv, files


def run_command_line(argv: list[str], files: dict[str, bytes | str | None]) -> tuple[int, str]:
    """Run ``frus-cite`` in-process on the files; the exit status and standard error.  Anything
    but an exit status (0, 1, or 2 from argparse) is the failure this hunts for, and propagates."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, content in files.items():
            path = Path(tmp) / name
            if content is None:
                path.mkdir()
            elif isinstance(content, bytes):
                path.write_bytes(content)
            elif content != "<missing>":
                path.write_text(content, encoding="utf-8", errors="surrogatepass")
            paths[name] = str(path)
        args = [arg.format(**paths) if arg.startswith("{") and arg.endswith("}") else arg for arg in argv]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(args)
            except SystemExit as exit:  # argparse: usage errors
                status = exit.code if isinstance(exit.code, int) else 2
        assert status in (0, 1, 2), (args, status)
        assert "Traceback" not in err.getvalue(), err.getvalue()
        return status, err.getvalue()


# --- Sphinx: configuration values and sources -------------------------------------------------

_ROLE_TEXT = st.text(alphabet=st.characters(blacklist_characters="`\n", blacklist_categories=("Cs",)), max_size=40)
_OPTION_VALUE = st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=20)


@st.composite
def sphinx_projects(draw) -> tuple[str, str]:
    """(conf.py lines, index.rst) with hostile configuration values and uses of every role and directive."""
    conf = {
        "frus_cite_sources": draw(st.one_of(
            st.just({"h": {"path": "sources/h.txt", "volume": "frus1945v07"}}),
            st.dictionaries(st.sampled_from(["h", "w", "x"]), st.one_of(st.sampled_from(["sources/h.txt", "sources/w.txt", "nothere.txt", "/etc/passwd"]),
                            st.fixed_dictionaries({}, optional={"path": JSON | st.just("sources/h.txt"), "volume": JSON | st.sampled_from(VOLUMES),
                                                                "url": JSON | st.sampled_from(URLS), "short_title": JSON, "other": JSON})), max_size=3),
            JSON)),
        "frus_cite_volumes": draw(st.just({}) | st.dictionaries(st.sampled_from(VOLUMES), JSON, max_size=2) | JSON),
        "frus_cite_persons": draw(st.just({}) | st.dictionaries(st.text(max_size=8), JSON, max_size=2) | JSON),
        "frus_cite_style": draw(st.none() | st.sampled_from(STYLES) | JSON),
        "frus_cite_ibid": draw(st.booleans() | JSON),
        "frus_cite_note_scope": draw(st.sampled_from(["document", "project"]) | JSON),
        "frus_cite_default_volume": draw(st.none() | st.sampled_from(VOLUMES) | JSON),
        "frus_cite_bibfiles": draw(st.just([]) | st.lists(st.sampled_from(["refs.json", "refs.bib", "nothere.bib"]), max_size=2) | JSON),
    }
    lines = [f"{name} = {value!r}" for name, value in conf.items() if draw(st.booleans())]
    body = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["q", "cite", "quote", "source", "bibliography"]))
        if kind in ("q", "cite"):
            body.append(f"Text :frus:{kind}:`{draw(_ROLE_TEXT | st.sampled_from(['h <reduced from 40 to 30 years>', 'h, p. 1' + '0' * 5000]))}` more.\n")
        elif kind == "quote":
            option = draw(st.sampled_from(["", "   :pages: ", "   :locator: ", "   :style: "]))
            option = option + draw(_OPTION_VALUE) + "\n" if option else ""
            body.append(f".. frus:quote:: {draw(_OPTION_VALUE | st.just('h'))}\n{option}\n   {draw(_ROLE_TEXT) or 'x'}\n")
        elif kind == "source":
            body.append(f".. frus:source:: {draw(_OPTION_VALUE | st.just('sources/w.txt'))}\n   :key: {draw(_OPTION_VALUE) or 'k'}\n")
        else:
            body.append(f".. frus:bibliography::\n   :style: {draw(_OPTION_VALUE | st.sampled_from(STYLES)) or 'x'}\n")
    return "\n".join(lines), "Chapter\n=======\n\n" + "\n".join(body)


def build_sphinx_project(conf: str, index: str, bib: str, source: str) -> str:
    """Build the project (text builder) in a temporary directory; the warnings.  A traceback
    escapes as the exception Sphinx raises."""
    from sphinx.application import Sphinx

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "sources" / "h.txt").write_text(source, encoding="utf-8", errors="surrogatepass")
        (root / "sources" / "w.txt").write_text(SOURCE_TEXTS[-1], encoding="utf-8")
        (root / "refs.json").write_text(bib, encoding="utf-8", errors="surrogatepass")
        (root / "refs.bib").write_text(bib, encoding="utf-8", errors="surrogatepass")
        (root / "conf.py").write_text('extensions = ["frus_cite.sphinxext"]\nexclude_patterns = ["sources", "_build"]\n' + conf + "\n",
                                      encoding="utf-8")
        (root / "index.rst").write_text(index, encoding="utf-8", errors="surrogatepass")
        warnings = io.StringIO()
        app = Sphinx(str(root), str(root), str(root / "_build"), str(root / "_build" / ".doctrees"), "text",
                     status=None, warning=warnings, freshenv=True)
        app.build()
        assert "Traceback" not in warnings.getvalue() and "Exception occurred" not in warnings.getvalue(), warnings.getvalue()
        return warnings.getvalue()
