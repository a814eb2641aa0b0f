"""Pure helpers for Korean public-document text: money, dates, periods, names.

Each returns None when the field is absent and never guesses. Examples in the
doctests are taken from the seed documents.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from loaders.lexicon import regions
from loaders.lexicon.words import alt, of, words

# -- normalisation ---------------------------------------------------------

_MIDDOTS = "･·ㆍ•∙⋅・"
_normalize = unicodedata.normalize
_TAG = re.compile(r"<[^>]+>")

# The branch of a body named before it (`KT 지역본부`, `국민건강보험공단 종로지사`,
# `고려대학교 산학협력단`), for agreements in both genres. A governor (`도지사`,
# `경기도지사`) is not a branch; a place's branch (`진도지사`) is.
# The words: loaders/lexicon/data/org_kinds.csv (branch, governor) and the gazetteer's province names.
_PROVINCE_STEMS = (*regions.provinces(), *regions.long_stems(), *words("org_kinds", "governor_prefix"))
BRANCH = re.compile(r"(?!(?:" + "|".join(_PROVINCE_STEMS) + r")?" + alt("org_kinds", "governor") + r"$)[가-힣]{0,6}(?:"
                    + alt("org_kinds", "branch") + ")")
_HASHES = re.compile(r"^\s*#+\s*")
_LEAD_MARK = re.compile(r"^\s*[□■○●◦◎▶▸►◆◇※\-·•∙ㆍ]\s*")


def nfc(text: str) -> str:
    """NFC with whitespace collapsed (HWP/PDF conversions leave NFD jamo and odd spaces).

    >>> nfc("  경기   수원시 ")
    '경기 수원시'
    """
    # str.split() splits on every Unicode space, \u00a0 and \u3000 included,
    # and NFC never produces either: no replace() needed
    return " ".join(_normalize("NFC", text).split())


def strip_markup(text: str) -> str:
    """Drop Markdown/HTML furniture the converter leaves around text.

    >>> strip_markup("## □ 소요예산 : 20백만원(구비)")
    '소요예산 : 20백만원(구비)'
    >>> strip_markup("**소요예산 : 8백만원(구비)**")
    '소요예산 : 8백만원(구비)'
    >>> strip_markup("<b>디지털행정과 (4개팀)</b>")
    '디지털행정과 (4개팀)'
    """
    text = _TAG.sub(" ", text)
    text = _HASHES.sub("", text)
    text = text.replace("**", "").replace("\\*", "*")
    text = _LEAD_MARK.sub("", text)
    return nfc(text)


# -- money -------------------------------------------------------------------

# units and what they multiply by: loaders/lexicon/data/money_units.csv
_UNIT = {**{r.pattern: int(r.means) for r in of("money_units", "prefix")}, "": 1}
_UNITS = alt("money_units", "prefix")  # 조|억|천만|백만|십만|만|천|백
_WON = alt("money_units", "won")
_MONEY = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>" + _UNITS + r")?(?=\s*(?:\d|" + alt("money_units", "prefix_lead") + "|"
    + _WON + "))"
)
_MONEY_TAIL = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:" + _UNITS + r")?\s*" + _WON)
_MONEY_CHAIN = re.compile(r"(\d[\d,]*(?:\.\d+)?\s*(?:" + _UNITS + r")\s*)+$")
_MONEY_PART = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(" + _UNITS + ")?")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_FIRST_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def parse_krw(text: str) -> int | None:
    """Amount in won from Korean money notation; None if the text holds none.

    >>> parse_krw("20백만원")
    20000000
    >>> parse_krw("1,429백만원")
    1429000000
    >>> parse_krw("2,138,053천원")
    2138053000
    >>> parse_krw("22조 9,953억원")
    22995300000000
    >>> parse_krw("1억원 (국비 0.5억원 + 지방비 0.5억원)")
    100000000
    >>> parse_krw("1억 5천만원")
    150000000
    >>> parse_krw("2천5백만원"), parse_krw("12억 3,400만원")
    (25000000, 1234000000)
    >>> parse_krw("53,000 원")
    53000
    >>> parse_krw("비예산") is None
    True
    """
    text = nfc(text)
    m = _MONEY_TAIL.search(text)
    if not m:
        return None
    # walk back over a chain like "22조 9,953억원": every number+unit before 원
    start = m.start()
    prefix = _MONEY_CHAIN.search(text[:start])
    segment = text[prefix.start() if prefix else start:m.end()]
    total = group = Decimal(0)
    for num, unit in _MONEY_PART.findall(segment):
        mult = _UNIT[unit or ""]
        big = 1
        while big * 10_000 <= mult:
            big *= 10_000
        # `2천5백만원`: 천 and 백 count within a group of 만 (or 억, 조); the group is
        # multiplied when its big unit comes (`2천` then `5백만` is 2,500만, not 2천 + 5백만)
        group += Decimal(num.replace(",", "")) * (mult // big)
        if big > 1:
            total += group * big
            group = Decimal(0)
    return int(total + group)


def parse_amount(number: str, unit: str) -> int | None:
    """A bare number in a stated unit (tables say `(단위: 천원)` or `예산(백만원)`).

    >>> parse_amount("7,581", "백만원")
    7581000000
    >>> parse_amount("-", "천원") is None
    True
    """
    number = number.strip().replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(number):
        return None
    unit = unit.strip().removesuffix(_WON)
    if unit not in _UNIT:
        return None
    return int(Decimal(number) * _UNIT[unit])


def parse_percent(text: str) -> Decimal | None:
    """
    >>> parse_percent("시비 50%")
    Decimal('0.5')
    >>> parse_percent("무료") is None
    True
    """
    m = _PERCENT.search(text)
    return Decimal(m.group(1)) / 100 if m else None


def parse_number(text: str) -> Decimal | None:
    """First number in the text, commas removed.

    >>> parse_number("444건(3,512건 보도)")
    Decimal('444')
    >>> parse_number("104,642명")
    Decimal('104642')
    """
    m = _FIRST_NUMBER.search(text)
    if not m:
        return None
    try:
        return Decimal(m.group(0).replace(",", ""))
    except Exception:  # noqa: BLE001 - "1,2,,3" style garbage is simply no number
        return None


# -- dates -------------------------------------------------------------------

_APOS = "'‘’`´"
_YEAR = rf"(?:(?P<y4>(?:19|20)\d\d)|[{_APOS}](?P<y2>\d\d))"
_DATE = re.compile(
    _YEAR
    + r"\s*(?:[.년/-]\s*)"
    + r"(?:(?P<m>1[0-2]|0?[1-9])(?!\d)\s*(?:[.월/-]\s*)?"
    + r"(?:(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*[.일]?)?)?"
)
_YEAR_ONLY = re.compile(r"(?<!\d)(?P<y4>(?:19|20)\d\d)\s*(?:년|\.?\s*(?=\)|$|\s))")
_YEAR_NYEON = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*년")
_TILDE = re.compile(r"\s*[~∼〜～]\s*")
_YEAR_MONTH_END = re.compile(_YEAR + r"\s*[.년]\s*(?P<m>1[0-2]|0?[1-9])\s*$")
_END_NUMS = re.compile(r"\s*(\d{1,2})\s*[.월]?\s*(?:(\d{1,2})\s*[.일]?)?")
_MONTH_DAY = re.compile(r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*[.월]\s*(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*[.일]?")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _year(match: re.Match) -> int:
    if match.group("y4"):
        return int(match.group("y4"))
    y2 = int(match.group("y2"))
    return 2000 + y2 if y2 < 70 else 1900 + y2


def parse_date(text: str, ref_year: int | None = None) -> str | None:
    """First date in the text, ISO at the precision written.

    >>> parse_date("2026. 6. 3.(수)")
    '2026-06-03'
    >>> parse_date("기자 설명회 : 25개 언론사('25.9.16.)")
    '2025-09-16'
    >>> parse_date("’21. 7. 12.(월)")
    '2021-07-12'
    >>> parse_date("1995.12.05.")
    '1995-12-05'
    >>> parse_date("2024.3.")
    '2024-03'
    >>> parse_date("2026. 4월")
    '2026-04'
    >>> parse_date("2021년 11월")
    '2021-11'
    >>> parse_date("2021년")
    '2021'
    >>> parse_date("업무협약 체결(4.15)", ref_year=2024)
    '2024-04-15'
    >>> parse_date("업무협약 체결(4.15)") is None
    True
    """
    text = nfc(text)
    m = _DATE.search(text)
    if m:
        y = _year(m)
        month = int(m.group("m")) if m.group("m") else None
        day = int(m.group("d")) if (month and m.group("d")) else None
        return _iso(y, month, day)
    m = _YEAR_NYEON.search(text) or _YEAR_ONLY.search(text)
    if m:
        return _iso(int(m.group(1)))
    if ref_year is not None:
        m = _MONTH_DAY.search(text)
        if m:
            return _iso(ref_year, int(m.group("m")), int(m.group("d")))
    return None


def parse_period(text: str, ref_year: int | None = None) -> tuple[str | None, str | None]:
    """(start, end) of a period written with `~`; the end inherits what it omits.

    >>> parse_period("2024. 1. ~ 2026. 4.")
    ('2024-01', '2026-04')
    >>> parse_period("2026. 1. ~ 12.")
    ('2026-01', '2026-12')
    >>> parse_period("2026. 5. 12. ~ 5. 16.")
    ('2026-05-12', '2026-05-16')
    >>> parse_period("'23. 11. 30. ~ '24. 4. 27.")
    ('2023-11-30', '2024-04-27')
    >>> parse_period("2026. 3. ~ 선거사무 종료 시까지")
    ('2026-03', None)
    >>> parse_period("2026. 2~4월")
    ('2026-02', '2026-04')
    >>> parse_period("2022. 1. 17.~6. 10.")
    ('2022-01-17', '2022-06-10')
    >>> parse_period("2026. 6. 3.(수)")
    ('2026-06-03', None)
    """
    text = nfc(text)
    parts = _TILDE.split(text, maxsplit=1)
    start = parse_date(parts[0], ref_year)
    if start is None:
        # "2026. 2~4월": year and first month on the left, month on the right
        m = _YEAR_MONTH_END.search(parts[0])
        if m:
            start = _iso(_year(m), int(m.group("m")))
    if len(parts) == 1 or start is None:
        return start, None
    return start, _period_end(start, parts[1])


def _period_end(start: str, right: str) -> str | None:
    full = parse_date(right)
    if full and _DATE.match(right.strip()):
        return full
    y = int(start[:4])
    nums = _END_NUMS.match(right)
    if not nums:
        return None
    a, b = int(nums.group(1)), nums.group(2)
    if b is not None and 1 <= a <= 12:
        return _iso(y, a, int(b))
    if len(start) == 10 and a > 12:  # "2026. 5. 12. ~ 16." : a day
        return _iso(y, int(start[5:7]), a)
    if 1 <= a <= 12:
        return _iso(y, a)
    return None


# -- names -------------------------------------------------------------------

_CASE_PUNCT = re.compile(r"[\s" + _MIDDOTS + r"\.,'\"‘’“”「」『』《》〈〉<>()\[\]{}\-_!?~:;/|+&]+")
_CASE_TAILS = words("case_names", "tail")  # loaders/lexicon/data/case_names.csv


def case_key(name: str) -> str:
    """Identity key of an innovation case: the same practice written two ways
    gets the same key.

    >>> case_key("긴급자동차 자동 진･출입 시스템") == case_key("긴급자동차 자동 진출입 시스템 구축")
    True
    >>> case_key("‘빈집 정비사업’ 활성화")
    '빈집정비사업활성화'
    """
    key = _CASE_PUNCT.sub("", unicodedata.normalize("NFKC", name)).lower()
    changed = True
    while changed:
        changed = False
        for tail in _CASE_TAILS:
            if key.endswith(tail) and len(key) - len(tail) >= 6:
                key = key[: -len(tail)]
                changed = True
    return key


def doc_id_for(stem: str) -> str:
    """A document id from a file stem: kept if IRI-safe ASCII, else slug + hash.

    >>> doc_id_for("000_f06941a74a258fad")
    '000_f06941a74a258fad'
    >>> doc_id_for("종로구 2026 업무보고")
    '2026-5b80feeb'
    """
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")
    if slug == stem and slug:
        return slug
    return f"{slug}-{_hash(stem, 8)}" if slug else f"d-{_hash(stem, 16)}"


def _hash(text: str, n: int = 12) -> str:
    """= kg.iris._h: the first `n` hex digits of the SHA-1 of the NFC, space-collapsed text."""
    import hashlib
    import unicodedata

    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:n]
