extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_sources = {"hostile": "sources/hostile.md"}
frus_cite_bibfiles = ["refs.json"]
