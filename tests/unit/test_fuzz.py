"""Generated hostile input through every interface finds no traceback (#16).

A few seconds here; ``python benchmarks/fuzz.py`` runs the same targets at length.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..fuzz import CITES, dumps, CSL_ITEM, FILE_CONTENT, build_sphinx_project, command_lines, mutated_source, run_command_line, sphinx_projects

EXAMPLES = int(os.environ.get("FRUS_CITE_FUZZ_EXAMPLES", "0")) or None
QUICK = settings(max_examples=EXAMPLES or 60, deadline=None, suppress_health_check=list(HealthCheck))
SPHINX = settings(max_examples=max(1, (EXAMPLES or 40) // 10), deadline=None, suppress_health_check=list(HealthCheck))


@QUICK
@given(command_lines())
def test_command_line_never_raises(command):
    argv, files = command
    run_command_line(argv, files)


@QUICK
@given(st.lists(CSL_ITEM, max_size=3), CITES, st.sampled_from(["text", "html"]))
def test_notes_from_any_csl_json_shape_never_raise(items, cites, output):
    status, err = run_command_line(["notes", "--items", "{items}", "--cites", "{cites}", "--format", output],
                                   {"items": dumps(items), "cites": dumps(cites)})
    assert status == 0 or err.strip(), "a failure must say why"


@SPHINX
@given(sphinx_projects(), FILE_CONTENT, mutated_source())
def test_sphinx_build_never_raises(project, bib, source):
    conf, index = project
    build_sphinx_project(conf, index, bib if isinstance(bib, str) else "", source)
