extensions = ["frus_cite.sphinxext"]
frus_cite_source_dirs = ["../research"]
frus_cite_sources = {"harriman": {"path": "../research/harriman.txt", "volume": "frus1945v07"}}
