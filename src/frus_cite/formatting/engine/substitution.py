"""``cs:substitute`` and ``subsequent-author-substitute``: names standing in once, and the 3-em dash."""

from __future__ import annotations

from citeproc.source import VariableError

from .base import note_printed, temporary_attributes


class SubstitutedOnce:
    """Names that ``cs:substitute`` put in the place of another variable are not printed again
    later in the same entry (CSL 1.0.2, "Substitution"): an edited book's editors stand in
    for its author once.  citeproc-py records the substituted variable but only ``cs:text``
    looks at the record."""

    def process(self, item, names_context=None, context=None, **kwargs):
        if self.name is not None:  # its own <name>: not the one of the names it stands in for
            names_context = None
        layout = (context if context is not None else self).get_layout()
        used = {role for entry in getattr(layout, "repressed", {}).get(self.tag, []) if entry for role in entry.split()}
        # inside a substitute, names it printed already are not printed again ("Doe ed." once)
        used |= {variable for tag, variable in getattr(layout, "printed", None) or () if tag == self.tag}
        roles = self.get("variable", "").split()
        left = [role for role in roles if role not in used]
        if not left:
            raise VariableError(self.get("variable"))
        # citeproc-py's process reads the attribute: the used roles are taken out for the call
        # citeproc-py keeps hyphenated variables under underscores ("collection_editor"): the
        # names are looked up by that key (the label maps it back to its term)
        wanted = " ".join(role.replace("-", "_") for role in left)
        with temporary_attributes(self, {"variable": wanted} if wanted != self.get("variable", "") else {}):
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        if text:
            note_printed(layout, self.tag, [role for role in left if role.replace("-", "_") in item.reference])
        return text


class Substitution:
    """``cs:substitute`` as CSL means it: its first child that prints something stands in for
    the names; a ``cs:names`` without a ``<name>`` of its own, also inside ``cs:choose``,
    takes the ``<name>`` and ``<label>`` of the names it stands in for (citeproc-py did so
    only for direct children: editors in a ``choose`` lost "ed." and were initialised); and
    every variable the child printed, through macros too, is not printed again in the entry
    (citeproc-py recorded only a direct ``variable``: a title came out twice)."""

    def render(self, item, context=None, **kwargs):
        kwargs.pop("names_context", None)
        names = self.getparent()
        layout = (context if context is not None else self).get_layout()
        for child in self.iterchildren():
            layout.printed = []
            try:
                text = child.render(item, context=context, names_context=names, **kwargs)
            except VariableError:
                text = None
            finally:
                printed, layout.printed = layout.printed, None
            if not text and child.get("term") is not None:
                return None  # a term stands in even when the locale leaves it empty (citeproc-js)
            if text:
                for tag, variable in printed:
                    layout.repressed.setdefault(tag, []).append(variable)
                if kwargs.get("sort_options") is None and getattr(layout, "first_names", "") is None:
                    layout.first_names = str(text)  # a title standing in for the author is substituted too
                return text
        return None


class AuthorSubstitute:
    """``subsequent-author-substitute``: an entry whose first names are those of the entry
    before it prints the substitute (Chicago's 3-em dash) in their place (rule
    ``complete-all``, the default); citeproc-py ignores the option."""

    def render_bibliography(self, citation_items):
        bibliography = self.getparent()
        substitute = bibliography.get("subsequent-author-substitute")
        entries, previous = [], None
        for item in citation_items:
            self.repressed, self.first_names = {}, None
            body = self.render_children(item)
            names = self.first_names
            if body is not None and substitute is not None and names and names == previous:
                body = str(body).replace(names, self.preformat(substitute), 1)
            previous = names
            text = self.format(self.wrap(body))
            if text is not None:
                entries.append(text)
        return entries
