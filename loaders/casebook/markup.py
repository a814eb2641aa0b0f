"""Converter markup around a casebook's lines, removed before the parse (line numbers
kept): Markdown heading hashes (`## 경기 화성시 ─ 사례명`), block quotes (`> 요약`),
bold marks (`**제목**`), and tab-separated table rows, rewritten with ` | ` between
cells as other converters write them (the text normalisation would fold a tab into a
space and lose the cells), and HTML table rows written one `<tr>` a line, rewritten so too."""
from __future__ import annotations

import re

_HASHES = re.compile(r"^\s*#{1,6}\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_ROW = re.compile(r"^\s*<tr[^>]*>(?P<cells>.*?)</tr>\s*$", re.I)
_CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_TABLE_TAG = re.compile(r"^\s*</?(?:table|tbody|thead)[^>]*>\s*$", re.I)
_BOLD = re.compile(r"^\s*\*\*(?P<text>[^*](?:.*[^*])?)\*\*\s*$")  # a whole line in bold (`** 주석` is a note mark)


def strip_markup(lines: list[str]) -> list[str]:
    """
    >>> strip_markup(["## 경기 화성시 ─ 사례", "> 요약", "**제목**", "기관명\\t사례명\\t", "a\\tb"])
    ['경기 화성시 ─ 사례', '요약', '제목', '기관명 | 사례명', 'a | b']
    >>> strip_markup(["<table>", "<tr><td>시도</td><td><b>시군구</b></td></tr>", "</table>"])
    ['', '시도 | 시군구', '']
    """
    out = []
    for x in lines:
        if "<" in x:  # an HTML table fragment, one row a line
            m = _ROW.match(x)
            if m:
                x = " | ".join(_TAG.sub("", c).strip() for c in _CELL.findall(m.group("cells")))
            elif _TABLE_TAG.match(x):
                x = ""
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
