"""Budgets of work items: the amount and its split by funding source.

>>> split_sources("1,429백만원(구비 505백만원, 시비 409백만원, 교육청 515백만원)")
[('구비', 505000000, None), ('시비', 409000000, None), ('교육청', 515000000, None)]
>>> split_sources("400백만원(시비 50%, 구비 50%)")
[('시비', 200000000, Decimal('0.5')), ('구비', 200000000, Decimal('0.5'))]
>>> split_sources("1,522백만원(시비 990, 구비 532)")
[('시비', 990000000, None), ('구비', 532000000, None)]
>>> split_sources("20백만원(구비)")
[('구비', 20000000, None)]
>>> split_sources("1,865백만원 ※ (국) 특별교부세 190백만원, (시) 특별교부금 975백만원 포함")
[('특별교부세', 190000000, None), ('특별교부금', 975000000, None)]
>>> split_sources("1억원 (국비 0.5억원 + 지방비 0.5억원)")
[('국비', 50000000, None), ('지방비', 50000000, None)]
>>> split_sources("555백만원 ※ 설계용역비 75백만원 확보")
[]
>>> split_sources("30백만원(전액구비)"), split_sources("50백만원(시(재배정)비 30, 구비 20)")
([('구비', 30000000, None)], [('시비', 30000000, None), ('구비', 20000000, None)])
>>> split_sources("100,000천원(국비(50%) 50,000천원, 시비(25%) 25,000천원, 구비(25%) 25,000천원)")
[('국비', 50000000, None), ('시비', 25000000, None), ('구비', 25000000, None)]
>>> split_sources("12억 3,400만원 (국 6억 1,700만원, 시 6억 1,700만원)")
[('국비', 617000000, None), ('시비', 617000000, None)]
>>> split_sources("25억원 [국 12.5억, 시 12.5억]")
[('국비', 1250000000, None), ('시비', 1250000000, None)]
>>> ratio_sources("교육청·시·구 (5:3:2)")
[('교육청', Decimal('0.5')), ('시비', Decimal('0.3')), ('구비', Decimal('0.2'))]
"""
from __future__ import annotations

import re
from decimal import Decimal

from loaders.lexicon import labels
from loaders.lexicon.words import alt, words
from loaders.text import nfc, parse_amount, parse_krw

SOURCES = labels.words("funding_source")
_SHORT = labels.table()["funding_short"]
# units: loaders/lexicon/data/money_units.csv; 전액: report_words.csv; 비 (`시(재배정)비`): the ending of
# every source's name (국비, 시비), structure kept here
_UNITS = alt("money_units", "prefix")  # 조|억|천만|백만|십만|만|천|백
_WON = alt("money_units", "won")
_SRC = re.compile(r"(?<![가-힣])(" + "|".join(map(re.escape, SOURCES)) + r")(?:비)?\s*(?P<num>\d[\d,]*(?:\.\d+)?)?\s*"
                  r"(?P<unit>" + _UNITS + r")?\s*(?P<won>" + _WON + r")?\s*(?P<pct>%)?")
_SHORT_ONE = "".join(k for k in _SHORT if len(k) == 1)  # 국시구군도: the one-letter short names
# `전액구비`, `전액 구비`: the whole amount from one source
_WHOLE = re.compile(words("report_words", "whole_amount")[0] + r"\s*(?=" + "|".join(map(re.escape, SOURCES)) + ")")
# a qualifier inside or after a source's name: `시(재배정)비`, `국비(50%) 12,000천원`, `특별교부세(국)`
_INNER = re.compile(r"(?<![가-힣])([" + _SHORT_ONE + r"])\s*\([^()]{1,8}\)\s*비")
_AFTER = re.compile(r"(" + "|".join(map(re.escape, SOURCES)) + r")\s*\(\s*(?:(\d+(?:\.\d+)?)\s*%|[^()\d]{1,8})\s*\)\s*"
                    r"(?=(\d)?)")
# a named grant with its level in parentheses: `주민참여예산(시비) 50` is 시비 money
_NAMED_GRANT = re.compile(r"(?<![가-힣])([가-힣A-Za-z·]{2,20}?)\s*\(\s*(" + "|".join(_SHORT_ONE) + r")(?:비)?\s*\)\s*(?=\d)")
# short names inside the parentheses: `(국 100, 시 50, 구 50)`
_SHORT_AMOUNT = re.compile(r"(?<=[(\[,/·\s])([" + _SHORT_ONE + r"])\s+(?=\d)")
# one source's amount as written, up to the next separator: `6억 1,700만원` is one amount
_AMOUNT_TEXT = re.compile(r"[^)\]/+]*?(?=,(?!\d)|[)\]/+]|$)")
# `국비 12,000천원, 도비 3,600천원 (계 15,600천원)`: the sources first, the total last
_TOTAL_LAST = re.compile(r"^(?P<src>.+?)\s*[(（\[]\s*(?:" + alt("report_words", "total") + r")\s*[:：]?\s*(?P<amt>\d[\d,.]*\s*(?:"
                         + _UNITS + r")?\s*" + _WON + r")\s*[)）\]]\s*$")


def _normalise(text: str) -> str:
    """Source names as the pattern reads them.

    >>> _normalise("50백만원(시(재배정)비 30, 구비 20)")
    '50백만원(시비 30, 구비 20)'
    >>> _normalise("100,000천원(국비(50%) 50,000천원, 시비(50%))")
    '100,000천원(국비 50,000천원, 시비 50%)'
    >>> _normalise("30백만원(전액구비)"), _normalise("200백만원(국 100, 시 50)")
    ('30백만원(구비)', '200백만원(국비 100, 시비 50)')
    >>> _normalise("80백만원(주민참여예산(시비) 50, 구비 30)")
    '80백만원(시비 50, 구비 30)'

    """
    text = _WHOLE.sub("", text)
    text = _NAMED_GRANT.sub(lambda m: m.group(0) if m.group(1) in SOURCES else _SHORT[m.group(2)] + " ", text)
    text = _INNER.sub(lambda m: m.group(1) + "비", text)
    text = _AFTER.sub(lambda m: m.group(1) + " " + ("" if m.group(3) or not m.group(2) else m.group(2) + "%"),
                      text)
    text = _SHORT_AMOUNT.sub(lambda m: _SHORT[m.group(1)] + " ", text)
    return re.sub(r" {2,}", " ", text).replace(" )", ")").replace(" ,", ",")


_TOTAL_UNIT = re.compile(r"\d[\d,.]*\s*(" + _UNITS + r")?\s*" + _WON)


def total_unit(text: str) -> str:
    m = _TOTAL_UNIT.search(text)
    return (m.group(1) or "") + _WON if m else _WON


def split_sources(text: str) -> list[tuple[str, int | None, Decimal | None]]:
    """(source, amount in won, share) for each funding source the budget text names."""
    text = _normalise(nfc(text))
    total = parse_krw(text)
    unit = total_unit(text)
    first = re.search(_WON, text)
    tail = text[first.end():] if first else text
    found = []
    for m in _SRC.finditer(tail):
        src = m.group(1)
        num, share, amount = m.group("num"), None, None
        if num and m.group("pct"):
            share = Decimal(num.replace(",", "")) / 100
            amount = int(total * share) if total is not None else None
        elif num and (m.group("unit") or m.group("won")):
            seg = _AMOUNT_TEXT.match(tail, m.start("num")).group(0)
            amount = parse_krw(seg if re.search(_WON, seg) else seg + _WON) or parse_krw(num + (m.group("unit") or "") + _WON)
        elif num:
            amount = parse_amount(num, unit)
        found.append((src, amount, share))
    if len(found) == 1 and found[0][1] is None and found[0][2] is None:
        found = [(found[0][0], total, None)]
    return found


def total_first(text: str) -> str:
    """A budget written sources first, its total last, as `total (sources)`; else the text.

    >>> total_first("국비 12,000천원, 도비 3,600천원 (계 15,600천원)")
    '15,600천원 (국비 12,000천원, 도비 3,600천원)'
    """
    m = _TOTAL_LAST.match(nfc(text).strip())
    if not m or source_label(m.group("src").split()[0]) is None:
        return text
    return f"{m.group('amt')} ({m.group('src')})"


def source_label(cell: str) -> str | None:
    """The funding source a table row is about, or None.

    >>> source_label("국 비"), source_label("시비(재배정)"), source_label("구"), source_label("계")
    ('국비', '시비', '구비', None)
    """
    c = re.sub(r"\([^()]*\)", "", "".join(nfc(cell).split()))
    c = _INNER.sub(lambda m: m.group(1) + "비", c)
    if c in SOURCES:
        return c
    if c in _SHORT:
        return _SHORT[c]
    if c.endswith("비") and c[:-1] in _SHORT:
        return _SHORT[c[:-1]]
    return None


def ratio_sources(text: str) -> list[tuple[str, Decimal | None]]:
    """Sources of a `재 원` table cell: `구비`, or `교육청·시·구 (5:3:2)` with its shares."""
    text = nfc(text)
    m = re.match(r"^([가-힣·ㆍ･,\s]+?)\s*\(?\s*(\d+(?:\s*:\s*\d+)+)\s*\)?$", text)
    if m:
        names = [n.strip() for n in re.split(r"[·ㆍ･,]", m.group(1)) if n.strip()]
        parts = [Decimal(p) for p in re.split(r"\s*:\s*", m.group(2))]
        if len(names) == len(parts) and sum(parts) > 0:
            return [(_SHORT.get(n, n), p / sum(parts)) for n, p in zip(names, parts)]
        return []
    name = text.strip()
    if name in SOURCES or name in _SHORT:
        return [(_SHORT.get(name, name), None)]
    return []
