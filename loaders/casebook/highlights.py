"""`주요내용요약` highlights: where they stop, and joining of wrapped lines."""
from __future__ import annotations

import re

from loaders.casebook.norm import nfc
from loaders.lexicon.words import alt

MAX_HIGHLIGHTS = 6
_BULLET = re.compile(r"^\s*(?:[-∙･·•◦○●□■▶▸►◆◇※*➜➔→⇒☞✔①-⑳❶-❿]|\d+[.)]\s|\(\S{1,6}\)|<|【|\[)")
# a numbered list or a table's header row ends the summary (its words: lexicon casebook_words.csv)
_STOP = re.compile(r"^\s*(?:\d+\.\s|[①-⑳]|" + alt("casebook_words", "summary_stop") + r"|No\b)")
# a wrapped line ends mid-sentence; these endings close one
_SENTENCE_END = re.compile(r"(?:[.!?)」』’”\]]|다|함|음|임|됨|등)\s*$")  # nominal sentence endings (grammar)


def summary_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The summary block: stops at a numbered sub-list, a table or a repeated line.

    >>> summary_lines([(1, "가나다"), (2, "- 라마"), (3, "가나다"), (4, "바사")])
    [(1, '가나다'), (2, '- 라마')]
    """
    seen, out = set(), []
    for no, raw in lines:
        s = nfc(raw)
        if s in seen or _STOP.match(s) or "\t" in raw:
            break
        seen.add(s)
        out.append((no, raw))
    return out


def join_wrapped(lines: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(line, line_end, text) per highlight; a line continuing the previous
    sentence is joined to it with a space.

    >>> join_wrapped([(1, "모바일 앱 [빼기]를 이용한 "), (2, "대형폐기물 등록"), (3, "- 홍보")])
    [(1, 2, '모바일 앱 [빼기]를 이용한 대형폐기물 등록'), (3, 3, '- 홍보')]
    """
    out: list[list] = []
    prev_raw = prev = None
    for no, raw in lines:
        s = nfc(raw)
        if not s:
            continue
        if out and prev_raw is not None and continues(prev_raw, prev, raw):
            out[-1][1] = no
            out[-1][2] = nfc(out[-1][2] + " " + s)
        else:
            out.append([no, no, s])
        prev_raw, prev = raw, s
    return [tuple(x) for x in out[:MAX_HIGHLIGHTS]]


def _continues(prev_raw: str, raw: str) -> bool:
    return continues(prev_raw, None, raw)


def continues(prev_raw: str, prev: str | None, raw: str) -> bool:
    """`_continues`, given `prev` = nfc(prev_raw) when the caller has it."""
    if _BULLET.match(raw):
        return False
    if prev is None:
        prev = nfc(prev_raw)
    if prev_raw.endswith((" ", "\t")) and not _SENTENCE_END.search(prev):
        return True
    if prev_raw.endswith(" ") and len(prev) >= 30:
        return True
    return len(prev) >= 40 and not _SENTENCE_END.search(prev)
