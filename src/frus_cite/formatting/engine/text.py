"""Affixes escaped as text, and ``text-case`` as citeproc-js applies it."""

from __future__ import annotations

from citeproc.string import String

from ..textcase import apply_text_case
from .punctuation import join_at_seam


class EscapedAffixes:
    """Affixes are text: in HTML a ``prefix="<"`` prints ``&#60;`` (citeproc-py copied it as
    markup, so "<https://…>" around a URL vanished in a browser).  Punctuation where an
    affix meets the text is merged as CSL processors merge it (:mod:`.punctuation`)."""

    def wrap(self, string):
        if string is None:
            return None
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if any(c in "<>&" for c in prefix + suffix):
            prefix, suffix = self.preformat(prefix), self.preformat(suffix)
        text = join_at_seam(prefix, string) if prefix else string
        return join_at_seam(text, suffix) if suffix else text


class TextCase:
    """``text-case`` as citeproc-js applies it (see :mod:`.textcase`)."""

    def case(self, text, language=None):
        case = self.get("text-case")
        if not case or text is None:
            return text
        return String(apply_text_case(str(text), case, english=language in (None, "en"), language=language))


class BlankTermIsEmpty:
    """A term whose text is only the XML's line breaks and indentation (``<term name="and
    others">`` on one line, ``</term>`` on the next) is empty, as citeproc-js reads it; a
    term's own spaces (" [et al.]") are kept."""

    @property
    def single(self):
        text = super().single
        return String("") if not str(text).strip() and "\n" in str(text) else text

    @property
    def multiple(self):
        text = super().multiple
        return String("") if not str(text).strip() and "\n" in str(text) else text
