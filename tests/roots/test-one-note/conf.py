extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_bibfiles = ["refs.bib"]
frus_cite_ibid = True
