extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["tei"]
frus_cite_tei = {"frus2099v01": "tei/frus2099v01.xml"}
frus_cite_sources = {"geneva-report": {"path": "tei/frus2099v01.xml", "document": "d58"}}
