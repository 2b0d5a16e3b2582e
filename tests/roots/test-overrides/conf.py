extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_sources = {"soong": {"path": "sources/wilson-134351.md", "date": "n.d.", "title": "Record of Talks with Stalin"}}
