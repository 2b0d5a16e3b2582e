extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_sources = {"gone": {"path": "sources/gone.txt", "volume": "frus1945v07"}}
