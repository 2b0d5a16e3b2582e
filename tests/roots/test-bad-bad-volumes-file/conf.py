extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_sources = {"harriman": {"path": "sources/harriman.txt", "volume": "frus1945v07"}}
frus_cite_volumes = "volumes.json"
