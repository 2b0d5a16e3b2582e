"""Notes and bibliography entries as a tree: what each output is written from (no HTML parsed back)."""

from __future__ import annotations

from frus_cite.formatting import formatter, richtext
from frus_cite.formatting.bibliography import render_entry_pairs, render_entry_trees
from frus_cite.formatting.notes import Cite, Cluster, NoteEngine
from frus_cite.formatting.tree import Link, Rendered, Styled, mark

BOOK = {"id": "b", "type": "book", "title": "Reading <i>Pravda</i> & <sc>Tass</sc>", "publisher": "Smith & Sons",
        "publisher-place": "New York", "issued": {"date-parts": [[2000]]}, "author": [{"family": "Brooks", "given": "Jeffrey"}],
        "URL": "https://example.org/b?id=7"}
ARTICLE = {"id": "a", "type": "article-journal", "title": "Review of <i>The China Tangle</i>", "container-title": "Pacific Historical Review",
           "volume": "22", "issued": {"date-parts": [[1953]]}, "author": [{"family": "Fairbank", "given": "John K."}],
           "DOI": "10.2307/3635125"}


def _note(item, style=None) -> Rendered:
    return NoteEngine([item], style=style).cite_tree(Cluster((Cite(item["id"], "12"),), 1))


def test_an_italic_title_with_a_title_inside_it_small_caps_and_a_link():
    tree = _note(BOOK)
    assert tree.children == (
        "Jeffrey Brooks, ",
        Styled("italic", ("Reading ", Styled("roman", ("Pravda",)), " & ", Styled("small-caps", ("Tass",)))),
        " (New York: Smith & Sons, 2000), 12, ",
        Link("https://example.org/b?id=7", "https://example.org/b?id=7"),
        ".",
    )


def test_a_doi_printed_as_an_address_is_a_link_and_an_italic_inside_a_quoted_title_stays_italic():
    tree = _note(ARTICLE, style="chicago-notes-bibliography")
    assert Styled("italic", ("The China Tangle",)) in tree.children
    assert Link("https://doi.org/10.2307/3635125", "https://doi.org/10.2307/3635125") in tree.children
    assert tree.text().startswith("John K. Fairbank, “Review of The China Tangle,” ")


def test_a_doi_printed_after_doi_colon_links_to_doi_org():
    tree = _note(ARTICLE, style="mhra-notes")
    assert Link("https://doi.org/10.2307/3635125", "doi:10.2307/3635125") in tree.children
    assert tree.html().endswith(", p. 12, doi:10.2307/3635125.")  # HTML prints it as text, as citeproc-js
    assert Rendered.from_marked("see doi: 10.1000/182.").children == ("see ", Link("https://doi.org/10.1000/182", "doi: 10.1000/182"), ".")
    assert Rendered.from_marked("doi:none, doi:10.1/x").children == ("doi:none, doi:10.1/x",)  # not a DOI: 10.<4+ digits>/


def test_a_web_address_is_one_link_that_keeps_its_apostrophe_straight():
    # the quotation-mark repairs and the links read web addresses with the same pattern (tree.URL)
    tree = _note({**BOOK, "URL": "ftp://example.org/?title=Harriman's"})
    assert Link("ftp://example.org/?title=Harriman's", "ftp://example.org/?title=Harriman's") in tree.children
    assert tree.text().endswith(", 12, ftp://example.org/?title=Harriman's.")


def test_plain_text_and_html_are_written_from_the_same_tree():
    for item, style in ((BOOK, None), (ARTICLE, "chicago-notes-bibliography")):
        cluster = Cluster((Cite(item["id"], "12"),), 1)
        tree = NoteEngine([item], style=style).cite_tree(cluster)
        assert tree.text() == NoteEngine([item], style=style).cite(cluster, "text")
        assert tree.html() == NoteEngine([item], style=style).cite(cluster, "html")
    assert _note(BOOK).html() == ('Jeffrey Brooks, <i>Reading <span style="font-style:normal;">Pravda</span> &#38; '
                                  '<span style="font-variant:small-caps;">Tass</span></i> (New York: Smith &#38; Sons, 2000), '
                                  "12, https://example.org/b?id=7.")


def test_bibliography_entries_as_trees_agree_with_their_html():
    (item, tree), = render_entry_trees([BOOK])
    assert item is BOOK and tree.children[1] == Styled("italic", ("Reading ", Styled("roman", ("Pravda",)), " & ",
                                                                  Styled("small-caps", ("Tass",))))
    assert render_entry_pairs([BOOK], fmt="html")[0][1] == tree.html()
    assert render_entry_pairs([BOOK], fmt="text")[0][1] == tree.text()


def test_marks_map_one_to_one_onto_the_tree():
    marked = "a " + mark("italic", "b " + mark("bold", "c") + " d") + " e"
    assert Rendered.from_marked(marked).children == ("a ", Styled("italic", ("b ", Styled("bold", ("c",)), " d")), " e")
    # a closing mark closes what was opened inside its run; one with nothing to close is dropped
    italic_open, italic_close = mark("italic", "")
    bold_open = mark("bold", "")[0]
    assert Rendered.from_marked(f"{italic_open}a{bold_open}b{italic_close}c").children == (
        Styled("italic", ("a", Styled("bold", ("b",)))), "c")
    assert Rendered.from_marked(f"a{italic_close}b").children == ("a", "b")


def test_the_formatter_module_gives_citeproc_py_marks_and_keeps_text_as_it_is():
    assert formatter.preformat("A & <B>") == "A & <B>"
    assert formatter.Italic("x") == mark("italic", "x") and isinstance(formatter.Italic("x"), str)
    assert formatter.Oblique("x") == mark("italic", "x") and formatter.SmallCaps("x") == mark("small-caps", "x")


def test_field_rich_text_becomes_marks_with_italic_flipped_inside_italic():
    text = mark("italic", richtext.protect("Reading <i>Pravda</i>"))
    assert richtext.restore(text, "marked") == mark("italic", "Reading " + mark("roman", "Pravda"))
    assert richtext.restore(richtext.protect("H<sub>2</sub>O"), "text") == "H2O"


def test_display_blocks_are_runs_of_the_tree_written_as_citeproc_js_divs():
    tree = Rendered.from_marked(mark("left-margin", "[1]") + mark("right-inline", "Brooks, " + mark("italic", "Pravda") + "."))
    assert tree.children[0] == Styled("left-margin", ("[1]",)) and tree.text() == "[1]Brooks, Pravda."
    assert tree.html() == ('\n    <div class="csl-left-margin">[1]</div><div class="csl-right-inline">Brooks, <i>Pravda</i>.</div>\n  ')


BOLD_LAYOUT = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-11-30T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")" delimiter="; " font-weight="bold"><text variable="title"/></layout></citation>
</style>"""


def test_the_layouts_formatting_goes_once_around_the_whole_note_with_its_affixes(tmp_path):
    style = tmp_path / "bold-layout.csl"
    style.write_text(BOLD_LAYOUT)
    items = [{"id": "a", "type": "book", "title": "Alpha"}, {"id": "b", "type": "book", "title": "Beta"}]
    cluster = Cluster((Cite("a"), Cite("b")), 1)
    tree = NoteEngine(items, style=str(style)).cite_tree(cluster)
    assert tree.children == (Styled("bold", ("(Alpha; Beta)",)),)  # citeproc-js: <b>(Alpha; Beta)</b>
    assert NoteEngine(items, style=str(style)).cite(cluster, "text") == "(Alpha; Beta)"


def test_every_style_becomes_a_docutils_node_that_builders_know():
    from docutils import nodes

    from frus_cite.formatting.tree import BLOCKS, STYLES
    from frus_cite.sphinxext.transforms import note_content

    runs = tuple(Styled(style, ("x",)) for style in STYLES + BLOCKS)
    made = note_content(Rendered(runs + (Link("https://example.org/", "https://example.org/"),)))
    assert [type(node).__name__ for node in made[:6]] == ["emphasis", "strong", "inline", "inline", "superscript", "subscript"]
    assert [node.get("classes") for node in made[2:4]] == [["frus-light"], ["frus-underline"]]
    assert made[6]["classes"] == ["frus-small-caps"] and made[7]["classes"] == ["frus-roman"] and isinstance(made[7], nodes.emphasis)
    assert made[-1]["refuri"] == "https://example.org/" and made[-1].astext() == "https://example.org/"
    assert all(node.astext() == "x" for node in made[:-1])
