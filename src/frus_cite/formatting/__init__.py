"""Formatting: CSL-JSON and BibTeX mapping, the note engine over citeproc-py, the fixes that make
its output agree with citeproc-js, bibliographies, and style lookup."""
