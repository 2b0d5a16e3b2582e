"""Affixes escaped as text, and ``text-case`` as citeproc-js applies it."""

from __future__ import annotations

from citeproc.string import String, normalize_seam

from ..textcase import apply_text_case


class EscapedAffixes:
    """Affixes are text: in HTML a ``prefix="<"`` prints ``&#60;`` (citeproc-py copied it as
    markup, so "<https://…>" around a URL vanished in a browser)."""

    def wrap(self, string):
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if string is None or not any(c in "<>&" for c in prefix + suffix):
            return super().wrap(string)
        prefix, suffix = self.preformat(prefix), self.preformat(suffix)
        text = prefix + normalize_seam(prefix, string)
        return text + normalize_seam(text, suffix)


class TextCase:
    """``text-case`` as citeproc-js applies it (see :mod:`.textcase`)."""

    def case(self, text, language=None):
        case = self.get("text-case")
        if not case or text is None:
            return text
        return String(apply_text_case(str(text), case, english=language in (None, "en")))
