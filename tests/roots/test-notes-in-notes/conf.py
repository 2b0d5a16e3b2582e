extensions = ["frus_cite.sphinxext", "myst_parser"]
exclude_patterns = ["sources", "_build"]
frus_cite_bibfiles = ["refs.bib"]
frus_cite_sources = {"harriman": {"path": "sources/harriman.txt", "volume": "frus1945v07"}}
