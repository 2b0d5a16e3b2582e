"""``cs:macro`` suppressed as a group is (CSL 1.0.2, citeproc-js): a macro that calls
variables and renders none of them prints nothing, not its terms alone ("in" with no
container title)."""

from __future__ import annotations

from citeproc.model import Choose
from citeproc.source import VariableError
from citeproc.string import join


def _is_group(element) -> bool:
    return element.tag.endswith("}group") or "macro" in element.attrib


class MacroLikeGroup:
    """``cs:macro`` rendered as citeproc-py renders it, unless every variable it calls is empty."""

    def render(self, item, context=None, sort_options=None):
        output, called, rendered = [], False, False
        for child in self.iterchildren():
            calls = child.calls_variable()
            called = called or calls
            try:
                if isinstance(child, Choose):
                    text = child.render(item, context=context, sort_options=sort_options, delimiter="")
                else:
                    text = child.render(item, context=context, sort_options=sort_options)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
                # a nested group or macro that printed counts as printed, as in citeproc-js
                # (a macro of terms only: "Anon." where no author is)
                rendered = rendered or calls or _is_group(child)
        if not output or (called and not rendered):
            return None
        return join(output, "")
