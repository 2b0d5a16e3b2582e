# Example book: the Soong–Stalin talks of July 1945, quoted from FRUS and the Wilson Center.
project = "Soong, Stalin and Harriman, July 1945"
author = "frus-cite example"
extensions = ["frus_cite.sphinxext"]
root_doc = "index"
exclude_patterns = ["_build", "sources"]
html_theme = "alabaster"

# Sources used across the whole book (each chapter may also declare its own with frus:source).
frus_cite_sources = {
    "harriman-0711": {"path": "sources/harriman-1945-07-11.txt", "volume": "frus1945v07"},
    "harriman-0713": {"path": "sources/harriman-1945-07-13.txt", "url": "https://history.state.gov/historicaldocuments/frus1945Berlinv01/d578"},
    "harriman-710": {"path": "sources/harriman-moscow-embassy-710.txt", "volume": "frus1945v07"},
    "wilson-123444": "sources/wilson-123444.md",
}
frus_cite_bibfiles = ["references.bib"]
frus_cite_ibid = True  # CMOS 17 practice; set False for short notes only (CMOS 18)
