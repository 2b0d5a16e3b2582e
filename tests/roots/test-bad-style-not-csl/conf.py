extensions = ["frus_cite.sphinxext"]
