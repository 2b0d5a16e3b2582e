"""The Sphinx layer's state: one store (the frus domain), no import cycle, parallel reads
merged, and incremental builds that equal clean ones after sources are edited, moved or deleted."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import frus_cite.sphinxext
from frus_cite.sphinxext.domain import FrusDomain, scratch

from .helpers import copy_root

PACKAGE = Path(frus_cite.sphinxext.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")



def outputs(app) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(Path(app.outdir).glob("*.txt"))}


def clean_outputs(make_app, source: Path, tmp_path: Path) -> dict[str, str]:
    """What a fresh build of a copy of *source* writes (and it must not warn)."""
    copy = tmp_path / f"clean-{time.monotonic_ns()}"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("_build"))
    app = make_app("text", srcdir=copy, freshenv=True)
    app.build()
    assert "frus." not in app.warning.getvalue()
    return outputs(app)


def touch(path: Path, text: str | None = None) -> None:
    time.sleep(0.01)
    if text is not None:
        path.write_text(text)
    os.utime(path, None)


def _top_level_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
    return found & set(MODULES)


def test_modules_import_each_other_without_a_cycle():
    graph = {module: _top_level_imports(module) for module in MODULES}
    done: list[str] = []
    while len(done) < len(graph):
        ready = [m for m in graph if m not in done and graph[m] <= set(done)]
        assert ready, f"import cycle among {sorted(set(graph) - set(done))}: {graph}"
        done += sorted(ready)
    assert graph["records"] == set()  # the records are the leaf everything builds on


def test_each_module_imports_alone():
    script = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('frus_cite')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module('frus_cite.sphinxext.' + name)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_imports_inside_functions_say_why():
    for module in MODULES + ["__init__"]:
        path = PACKAGE / f"{module}.py"
        lines = path.read_text().splitlines()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        assert "#" in lines[inner.lineno - 1], f"{path.name}:{inner.lineno}: an import inside a function needs a comment saying why"


def test_parallel_reads_merge_into_the_same_state_as_a_serial_build(make_app, rootdir, tmp_path, monkeypatch):
    merged: list[str] = []
    real_merge = FrusDomain.merge_domaindata

    def spy(self, docnames, otherdata):
        merged.extend(docnames)
        return real_merge(self, docnames, otherdata)

    monkeypatch.setattr(FrusDomain, "merge_domaindata", spy)
    serial_source = copy_root(rootdir, tmp_path / "serial", "parallel")
    serial = make_app("text", srcdir=serial_source, freshenv=True)
    serial.build()
    assert serial.warning.getvalue() == ""
    expected = outputs(serial)
    serial.cleanup()
    assert "Harriman to Harry S. Truman and James F. Byrnes, telegram" in " ".join(expected["ch1.txt"].split())

    source = copy_root(rootdir, tmp_path / "parallel", "parallel")
    app = make_app("text", srcdir=source, parallel=2, freshenv=True)
    app.build()
    app.cleanup()
    assert app.warning.getvalue() == ""
    assert set(merged) >= {"ch1", "ch6"}  # read in worker processes and merged back
    assert outputs(app) == expected

    # Touch every document and build again in parallel, as sphinxcontrib-bibtex's test does.
    merged.clear()
    for path in source.glob("*.rst"):
        touch(path)
    again = make_app("text", srcdir=source, parallel=2)
    again.build()
    again.cleanup()
    assert merged and again.warning.getvalue() == ""
    assert outputs(again) == expected


def test_editing_a_source_declared_after_the_citing_document_updates_its_notes(make_app, rootdir, tmp_path):
    """#16: the citing document (ch1) is read before the one declaring the source (ch6)."""
    source = copy_root(rootdir, tmp_path, "parallel")
    make_app("text", srcdir=source, freshenv=True).build()
    harriman = source / "sources" / "harriman.txt"
    touch(harriman, harriman.read_text().replace("Substantial progress was made.", "Substantial progress was made today."))
    app = make_app("text", srcdir=source)
    app.build()
    assert {"ch1", "ch2", "ch6"} <= scratch(app.env).reading
    assert outputs(app) == clean_outputs(make_app, source, tmp_path)


def test_moving_a_declaration_to_a_document_read_earlier(make_app, rootdir, tmp_path):
    """#16: serial incremental builds kept the old declaration and warned duplicate_key."""
    source = copy_root(rootdir, tmp_path, "parallel")
    make_app("text", srcdir=source, freshenv=True).build()
    ch6, ch2 = source / "ch6.rst", source / "ch2.rst"
    declaration = ch6.read_text().split("Declared last, cited from the first chapter on.\n")[1]
    touch(ch6, ch6.read_text().replace(declaration, ""))
    touch(ch2, ch2.read_text() + declaration)
    for _ in range(2):  # and a further rebuild changes nothing
        app = make_app("text", srcdir=source)
        app.build()
        assert "frus." not in app.warning.getvalue()
        assert outputs(app) == clean_outputs(make_app, source, tmp_path)


def test_deleting_a_source_warns_and_then_restoring_it_heals(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "parallel")
    make_app("text", srcdir=source, freshenv=True).build()
    harriman = source / "sources" / "harriman.txt"
    text = harriman.read_text()
    harriman.unlink()
    app = make_app("text", srcdir=source)
    app.build()
    warnings = app.warning.getvalue()
    assert "ch6.rst:6: WARNING: source file sources/harriman.txt not found [frus.source_not_found]" in warnings
    assert warnings.count("[frus.") == 1  # the citations of the missing source are not reported again
    harriman.write_text(text)
    healed = make_app("text", srcdir=source)
    healed.build()
    assert "frus." not in healed.warning.getvalue()
    assert outputs(healed) == clean_outputs(make_app, source, tmp_path)


def test_a_rebuild_does_not_report_a_configuration_change(rootdir, tmp_path):
    """#16: appending our static folder to html_static_path made every build a config change.
    (Run as sphinx-build runs: in-process test apps see their own theme changes.)"""
    source = copy_root(rootdir, tmp_path, "parallel")
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(source), str(source / "_build")]
    subprocess.run(command, check=True, capture_output=True)
    again = subprocess.run(command, check=True, capture_output=True, text=True)
    assert "configuration has changed" not in again.stdout
    assert "0 added, 0 changed, 0 removed" in again.stdout
    assert (source / "_build" / "_static" / "frus-cite.css").is_file()


def test_deleting_the_declaring_document_and_restoring_it(make_app, rootdir, tmp_path):
    source = copy_root(rootdir, tmp_path, "parallel")
    make_app("text", srcdir=source, freshenv=True).build()
    declaring = source / "ch6.rst"
    text = declaring.read_text()
    declaring.unlink()
    app = make_app("text", srcdir=source)
    app.build()
    unknown = [line for line in app.warning.getvalue().splitlines() if "[frus.unknown_key]" in line]
    assert len(unknown) == 5 and all("unknown source key 'harriman'" in line for line in unknown)  # ch1–ch5
    declaring.write_text(text)
    healed = make_app("text", srcdir=source)
    healed.build()
    assert "frus." not in healed.warning.getvalue()
    assert outputs(healed) == clean_outputs(make_app, source, tmp_path)
