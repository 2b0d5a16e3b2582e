"""Sphinx extension: quote FRUS and Wilson Center sources with checked, footnoted citations.

``extensions = ["frus_cite.sphinxext"]`` in ``conf.py`` gives the ``frus``
domain: ``frus:source``, ``frus:quote`` and ``frus:bibliography`` directives,
``:frus:q:`` and ``:frus:cite:`` roles.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .. import __version__
from .config import check_config, register_config
from .directives import BibliographyDirective, QuoteDirective, SourceDirective
from .domain import FrusDomain
from .events import before_read, build_finished, builder_inited, env_updated, get_outdated
from .nodes import frus_bibliography, frus_note, frus_note_ref, visit_skip
from .roles import CiteRole, QuoteRole
from .transforms import FillNotes, LinkNotes, MarkNotes, PlaceNotes, PunctuateQuotations

__all__ = ["setup"]

_FORMATS = ("html", "latex", "text", "man", "texinfo", "epub")


def setup(app: Sphinx) -> ExtensionMetadata:
    register_config(app)
    FrusDomain.directives = {"source": SourceDirective, "quote": QuoteDirective, "bibliography": BibliographyDirective}
    FrusDomain.roles = {"q": QuoteRole(), "cite": CiteRole()}
    app.add_domain(FrusDomain)
    app.add_node(frus_note, **{fmt: (visit_skip, None) for fmt in _FORMATS})
    app.add_node(frus_note_ref, **{fmt: (visit_skip, None) for fmt in _FORMATS})
    app.add_node(frus_bibliography, **{fmt: (visit_skip, None) for fmt in _FORMATS})
    app.add_transform(MarkNotes)
    app.add_transform(PlaceNotes)
    app.add_transform(PunctuateQuotations)
    app.add_post_transform(FillNotes)
    app.add_post_transform(LinkNotes)
    app.add_css_file("frus-cite.css")
    app.connect("config-inited", check_config)
    app.connect("builder-inited", builder_inited)
    app.connect("env-get-outdated", get_outdated)
    app.connect("env-before-read-docs", before_read)
    app.connect("env-updated", env_updated)
    app.connect("build-finished", build_finished)
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
