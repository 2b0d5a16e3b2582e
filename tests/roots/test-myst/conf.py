extensions = ["myst_parser", "frus_cite.sphinxext"]
exclude_patterns = ["sources"]
source_suffix = {".md": "markdown"}
myst_footnote_transition = False
frus_cite_sources = {
    "harriman-0713": {"path": "sources/harriman-1945-07-13.txt", "volume": "frus1945Berlinv01"},
    "wilson-134351": "sources/wilson-134351.md",
}
frus_cite_bibfiles = ["refs.bib"]
