import os

extensions = ["frus_cite.sphinxext"]
frus_cite_bibfiles = ["refs.json"]
frus_cite_style = os.path.join(os.path.dirname(os.path.abspath(__file__)), "author-year.csl")
