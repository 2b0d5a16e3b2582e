"""Parse, quote and cite FRUS and Wilson Center documents in Chicago style.

Subcommands: ``parse`` (sources → JSON, CSL-JSON, BibTeX), ``notes`` (CSL-JSON
items + citation clusters → footnotes), ``bib`` (bibliography of sources),
``quote`` (check a passage against a source), ``volumes`` (the FRUS volume catalog),
``styles`` (list CSL styles).
Errors go to standard error, located (file:line:column) with a caret; the
exit status is 1 when anything failed, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .errors import FrusCiteError

__all__ = ["main"]


def _add_volume_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--volume", metavar="ID", help="FRUS volume id of the documents, e.g. frus1945v07")
    group.add_argument("--url", metavar="URL", help="history.state.gov URL of the document (names volume and number)")
    parser.add_argument("--catalog", metavar="JSON", help="extra FRUS volumes, in the shape of data/volumes.json")
    parser.add_argument("--persons", metavar="JSON", help='full names for first notes: {"Harriman": "W. Averell Harriman", …}')
    parser.add_argument("--names", choices=["full", "as-printed"], default="full",
                        help="first notes name correspondents in full from the Office of the Historian's data (default), or as printed")


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
    if args.explain_names:
        _explain_names(records, _catalog(args))
    elif args.format == "json":
        from .serialize import to_json

        _print_json([to_json(r, catalog=_catalog(args)) for r in records])
    elif args.format == "csl-json":
        from .formatting.csl_json import to_csl_json

        catalog = _catalog_for(args, records)
        _print_json([to_csl_json(r, catalog=catalog) for r in records])
    else:
        from .formatting.bibtex import to_bibtex

        sys.stdout.write(to_bibtex(records, catalog=_catalog_for(args, records)))
    return 1 if failures else 0


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
    from .formatting.notes import NoteEngine
    from .formatting.styles import NoBibliographyError, find_style

    try:
        items = json.loads(Path(args.items).read_text(encoding="utf-8"))
        clusters = json.loads(Path(args.cites).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        _report(f"cannot read input: {exc}")
        return 1
    try:
        style = str(find_style(args.style).path)
        engine = NoteEngine(items, style=style, ibid=not args.no_ibid)
        notes = engine.cite_clusters(clusters, fmt=args.format)
    except FrusCiteError as exc:
        _report(exc)
        return 1
    try:
        bibliography = engine.bibliography(fmt=args.format)
    except NoBibliographyError as exc:  # a notes-only style: the notes are still printed
        sys.stderr.write(f"frus-cite: warning: {exc}; no bibliography printed\n")
        bibliography = []
    _print_json({"notes": notes, "bibliography": bibliography})
    return 0


def cmd_bib(args: argparse.Namespace) -> int:
    from .formatting.bibliography import render_bibliography
    from .formatting.bibtex import to_bibtex
    from .formatting.csl_json import to_csl_json

    records, failures = _parse_sources(args)
    catalog = _catalog_for(args, records)
    if args.format == "bibtex":
        sys.stdout.write(to_bibtex(records, catalog=catalog))
    elif args.format == "csl-json":
        _print_json([to_csl_json(r, catalog=catalog) for r in records])
    else:
        try:
            entries = render_bibliography(records, style=args.style, fmt=args.format, catalog=catalog, each_document=args.each_document)
        except FrusCiteError as exc:  # an unknown style, or one without a bibliography
            _report(exc)
            return 1
        for entry in entries:
            sys.stdout.write(entry + "\n")
    return 1 if failures else 0


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
        return 1
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
    return 0 if result.found else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frus-cite", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"frus-cite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="parse source files into structured references")
    parse.add_argument("files", nargs="+", metavar="FILE", help="text sources, or TEI files (FILE#d58: one document)")
    _add_volume_options(parse)
    parse.add_argument("--doc", metavar="ID", help="the document of a TEI file to parse (d58); all of them without it")
    parse.add_argument("--format", choices=["json", "csl-json", "bibtex"], default="json")
    parse.add_argument("--explain-names", action="store_true", help="print each correspondent's full name and the record that decided it")
    parse.set_defaults(run=cmd_parse)

    notes = commands.add_parser("notes", help="format footnotes for citation clusters (citeproc-js input shape)")
    notes.add_argument("--items", required=True, metavar="ITEMS.json", help="CSL-JSON items")
    notes.add_argument("--cites", required=True, metavar="CITES.json", help="clusters: [{citationItems, properties: {noteIndex}}]")
    notes.add_argument("--style", default=None, metavar="NAME|PATH")
    notes.add_argument("--format", choices=["text", "html"], default="text")
    notes.add_argument("--no-ibid", action="store_true", help="short notes instead of Ibid.")
    notes.set_defaults(run=cmd_notes)

    bib = commands.add_parser("bib", help="bibliography of parsed sources")
    bib.add_argument("files", nargs="+", metavar="FILE")
    _add_volume_options(bib)
    bib.add_argument("--style", default=None, metavar="NAME|PATH")
    bib.add_argument("--format", choices=["text", "html", "bibtex", "csl-json"], default="text")
    bib.add_argument("--each-document", action="store_true", help="list every document instead of its volume/collection")
    bib.set_defaults(run=cmd_bib)

    quote = commands.add_parser("quote", help="check that PASSAGE occurs in FILE and print its pages and note")
    quote.add_argument("file", metavar="FILE", help="a text source, or a TEI file and document: frus1955-57v03.xml#d58")
    quote.add_argument("passage", metavar="PASSAGE")
    _add_volume_options(quote)
    quote.add_argument("--doc", metavar="ID", help="the document of a TEI file (d58)")
    quote.add_argument("--style", default=None, metavar="NAME|PATH")
    quote.set_defaults(run=cmd_quote)

    volumes = commands.add_parser("volumes", help="list or search the FRUS volumes of the catalog")
    volumes.add_argument("words", nargs="*", metavar="WORD",
                         help="show only volumes whose id or titles contain every word (case-insensitive)")
    volumes.add_argument("--catalog", metavar="JSON", help="extra FRUS volumes, in the shape of data/volumes.json")
    volumes.add_argument("--format", choices=["text", "json"], default="text")
    volumes.set_defaults(run=cmd_volumes)

    styles = commands.add_parser("styles", help="list the CSL styles frus-cite can use")
    styles.add_argument("--format", choices=["text", "json"], default="text")
    styles.set_defaults(run=cmd_styles)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FrusCiteError as exc:
        _report(exc)
        return 1
    except BrokenPipeError:  # `frus-cite parse … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
