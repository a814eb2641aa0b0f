"""Converter markup around a casebook's lines, removed before the parse (line numbers
kept): Markdown heading hashes (`## 경기 화성시 ─ 사례명`), block quotes (`> 요약`),
bold marks (`**제목**`), and tab-separated table rows, rewritten with ` | ` between
cells as other converters write them (the text normalisation would fold a tab into a
space and lose the cells)."""
from __future__ import annotations

import re

_HASHES = re.compile(r"^\s*#{1,6}\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_BOLD = re.compile(r"^\s*\*\*(?P<text>[^*](?:.*[^*])?)\*\*\s*$")  # a whole line in bold (`** 주석` is a note mark)


def strip_markup(lines: list[str]) -> list[str]:
    """
    >>> strip_markup(["## 경기 화성시 ─ 사례", "> 요약", "**제목**", "기관명\\t사례명\\t", "a\\tb"])
    ['경기 화성시 ─ 사례', '요약', '제목', '기관명 | 사례명', 'a | b']
    """
    out = []
    for x in lines:
        if "\t" in x:
            cells = [c.strip() for c in x.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if sum(1 for c in cells if c) >= 2:
                x = " | ".join(cells)
        if "#" in x or ">" in x:
            x = _QUOTE.sub("", _HASHES.sub("", x))
        if "**" in x and (m := _BOLD.match(x)):
            x = m.group("text")
        out.append(x)
    return out
