extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
