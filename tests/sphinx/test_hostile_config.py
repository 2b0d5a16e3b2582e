"""Hostile configuration and sources in Sphinx (#16): each is one located frus.* warning, no traceback."""

from __future__ import annotations

import pytest

HEADING = "The Ambassador in the Soviet Union (Harriman) to the Secretary of State\n\n"
SOURCE = HEADING + "Moscow, July 11, 1945.\n\nThe term of the agreements was reduced from 40 to 30 years.\n"


def _project(tmp_path, conf: str, index: str, sources: dict[str, str]):
    (tmp_path / "sources").mkdir()
    for name, text in sources.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        'extensions = ["frus_cite.sphinxext"]\nexclude_patterns = ["sources", "_build"]\n' + conf, encoding="utf-8"
    )
    (tmp_path / "index.rst").write_text("Chapter\n=======\n\n" + index, encoding="utf-8")
    return tmp_path


def _build(make_app, srcdir):
    app = make_app("text", srcdir=srcdir, freshenv=True)
    app.build()
    return app.warning.getvalue(), (app.outdir / "index.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("volumes, words", [
    ('{"frusX": {"title": "T", "series": "S", "editors": "Jane Doe"}}', "volume 'frusX': field 'editors' must be a list of names"),
    ('{"frusX": {"title": "T", "series": "S", "published": 1969}}', "volume 'frusX': field 'published' must be a year as a string"),
    ('{"volumes": [1]}', "volume 'volumes': expected an object of fields"),
])
def test_bad_volume_record_is_one_config_warning(make_app, tmp_path, volumes, words):
    conf = f'frus_cite_volumes = {volumes}\nfrus_cite_sources = {{"h": {{"path": "sources/h.txt", "volume": "frus1945v07"}}}}\n'
    warnings, text = _build(make_app, _project(tmp_path, conf, "Said :frus:q:`h <reduced from 40 to 30 years>`.\n", {"h.txt": SOURCE}))
    assert f"conf.py: frus_cite_volumes: {words}" in warnings and "[frus.config]" in warnings
    assert "Traceback" not in warnings and "Harriman to James F. Byrnes" in text  # the build goes on


def test_source_entry_with_a_list_for_url_names_entry_and_field(make_app, tmp_path):
    conf = 'frus_cite_sources = {"h": {"path": "sources/h.txt", "url": ["x"]}, "g": {"path": "sources/h.txt", "volume": "frus1945v07"}}\n'
    warnings, text = _build(make_app, _project(tmp_path, conf, "Said :frus:q:`g <reduced from 40 to 30 years>`.\n", {"h.txt": SOURCE}))
    assert "conf.py: frus_cite_sources['h']: 'url' must be a string, got ['x'] [frus.bad_option]" in warnings
    assert warnings.count("WARNING") == 1 and "Harriman to James F. Byrnes" in text  # the other entry serves


def test_page_number_past_the_int_limit_in_a_declared_source(make_app, tmp_path):
    huge = SOURCE.replace("reduced", "[Page " + "9" * 5000 + "] reduced")
    conf = 'frus_cite_sources = {"h": {"path": "sources/h.txt", "volume": "frus1945v07"}}\n'
    warnings, _ = _build(make_app, _project(tmp_path, conf, "Said :frus:q:`h <reduced from 40 to 30 years>`.\n", {"h.txt": huge}))
    assert "h.txt:5:" in warnings and "expected a page number of at most 6 digits" in warnings and "[frus.parse_error]" in warnings
    assert "Traceback" not in warnings and "Exceeds the limit" not in warnings


def test_locator_past_the_int_limit(make_app, tmp_path):
    zeros = "0" * 5000
    conf = 'frus_cite_sources = {"h": {"path": "sources/h.txt", "volume": "frus1945v07"}}\n'
    index = f"Said :frus:cite:`h, pp. 1{zeros}–2{zeros}`.\n"
    warnings, text = _build(make_app, _project(tmp_path, conf, index, {"h.txt": SOURCE}))
    assert "Exceeds the limit" not in warnings and "Traceback" not in warnings
    assert f"1{zeros}–2{zeros}" in "".join(text.split())


def test_missing_bib_file_is_one_warning(make_app, tmp_path):
    # found by the fuzz run: reading a missing .bib imported PybtexError from the wrong module
    conf = 'frus_cite_bibfiles = ["nothere.bib"]\nfrus_cite_sources = {"h": {"path": "sources/h.txt", "volume": "frus1945v07"}}\n'
    warnings, text = _build(make_app, _project(tmp_path, conf, "Said :frus:q:`h <reduced from 40 to 30 years>`.\n", {"h.txt": SOURCE}))
    assert "nothere.bib" in warnings and "[frus.bibfile]" in warnings and "Traceback" not in warnings
    assert "Harriman to" in text
