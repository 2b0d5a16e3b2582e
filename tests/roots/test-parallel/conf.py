extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_note_scope = "project"
frus_cite_sources = {"wilson": "sources/wilson-134351.md"}
