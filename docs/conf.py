# frus-cite's documentation, built with frus-cite itself.
import frus_cite

project = "frus-cite"
author = "frus-cite developers"
copyright = "2026, frus-cite developers"
version = release = frus_cite.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "myst_parser", "frus_cite.sphinxext"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "sources"]
html_theme = "alabaster"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
nitpick_ignore_regex = [(r"py:.*", r".*")]  # third-party and typing targets are not documented here

frus_cite_sources = {
    "harriman-0711": {"path": "sources/harriman-1945-07-11.txt", "volume": "frus1945v07"},
    "wilson-134351": "sources/wilson-134351.md",
}
