extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_sources = {"hoo": {"path": "sources/hoo.md", "short-title": "Soong–Stalin Meeting"}}
