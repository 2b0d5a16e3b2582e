extensions = ["frus_cite.sphinxext"]
frus_cite_bibfiles = ["refs.bib"]
