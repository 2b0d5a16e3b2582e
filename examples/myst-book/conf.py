# The example book of examples/book, written in MyST Markdown.
project = "Soong, Stalin and Harriman, July 1945 (MyST)"
author = "frus-cite example"
extensions = ["myst_parser", "frus_cite.sphinxext"]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "sources"]
html_theme = "alabaster"

frus_cite_sources = {
    "harriman-0711": {"path": "sources/harriman-1945-07-11.txt", "volume": "frus1945v07"},
    "harriman-0713": {"path": "sources/harriman-1945-07-13.txt", "url": "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578"},
    "harriman-710": {"path": "sources/harriman-moscow-embassy-710.txt", "volume": "frus1945v07"},
    "wilson-123444": "sources/wilson-123444.md",
}
frus_cite_bibfiles = ["references.bib"]
frus_cite_ibid = True
