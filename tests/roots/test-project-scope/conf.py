extensions = ["frus_cite.sphinxext"]
exclude_patterns = ["sources"]
frus_cite_note_scope = "project"
frus_cite_sources = "sources/*"
frus_cite_default_volume = "frus1945v07"
