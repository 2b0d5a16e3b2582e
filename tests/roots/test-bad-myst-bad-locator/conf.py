extensions = ["myst_parser", "frus_cite.sphinxext"]
exclude_patterns = ["sources"]
