"""Build src/frus_cite/data/decimal_countries.tsv from the NARA country-number facts.

Reads the three country-code tables in ../shared/corpus/frus/ (facts taken from NARA,
"Department of State 1910–1963 Central Decimal File Country Numbers") and writes one row per
code with the name in force in each schedule period.  Run by hand when the facts change:

    python tools/build_country_table.py ../shared/corpus/frus
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

PERIODS = {
    "1910-1949": "decimal-country-codes.tsv",
    "1950-1959": "decimal-country-codes-1950-1959.tsv",
    "1960-1963": "decimal-country-codes-1960-1963.tsv",
}
OUT = Path(__file__).resolve().parents[1] / "src/frus_cite/data/decimal_countries.tsv"


def tidy(name: str) -> str:
    """'World, The' -> 'World'; other inverted forms ('Borneo, Dutch') are kept."""
    return name[: -len(", The")] if name.endswith(", The") else name.strip()


def main(corpus: str) -> None:
    table: dict[str, dict[str, str]] = {}
    for period, filename in PERIODS.items():
        with open(Path(corpus) / filename, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                table.setdefault(row["code"].upper(), {})[period] = tidy(row["country"])
    lines = [
        "# Country numbers of the State Department Central Decimal File, by schedule period.",
        "# Source: National Archives and Records Administration, \"Department of State 1910-1963",
        "# Central Decimal File Country Numbers\" (facts as tabulated in FRUS-Explorer's",
        "# decimal-class-labels.json). Built by tools/build_country_table.py; '-' = not in use.",
        "code\t" + "\t".join(PERIODS),
    ]
    for code in sorted(table):
        lines.append(code + "\t" + "\t".join(table[code].get(p, "-") for p in PERIODS))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} codes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/frus")
