"""Print the footnotes for a list of citations: full note, then short note or Ibid.

    python examples/scripts/print_notes.py
"""

from pathlib import Path

import frus_cite
from frus_cite.formatting.csl_json import to_csl_json
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine

sources = Path(__file__).resolve().parents[1] / "book" / "sources"
telegram = frus_cite.parse_file(sources / "harriman-1945-07-11.txt", volume="frus1945v07")
record = frus_cite.parse_file(sources / "wilson-134351.md")

engine = NoteEngine([to_csl_json(telegram, key="harriman"), to_csl_json(record, key="hoo")], ibid=True)
citations = [
    Cluster((Cite("harriman", "927"),), 1),
    Cluster((Cite("harriman", "927"),), 2),   # same page: Ibid.
    Cluster((Cite("harriman", "928"),), 3),   # Ibid., 928.
    Cluster((Cite("hoo"),), 5),               # note 4 is the author's own
    Cluster((Cite("harriman", "926"),), 6),   # short note
]
for cluster in citations:
    print(f"{cluster.note_index}. {engine.cite(cluster)}")
print()
for entry in engine.bibliography():
    print(entry)
