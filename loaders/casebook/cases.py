"""Case names and identity: one Case per practice, however it is written."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from loaders.casebook.norm import nfc
from loaders.lexicon.words import alt
from loaders.records import Case, Party
from loaders.text import case_key

_case_key = functools.lru_cache(maxsize=8192)(case_key)  # names recur: canonical, final keys, records

_LEAD = re.compile(r"^(?:[-∙･·•◦○●□■▶▸►◆◇※*➜→⇒☞✔⦁]|\d+[.)]|[①-⑳])\s*")
# the words: rows of loaders/lexicon/data/casebook_words.csv; 등 (etc.) is grammar
_W = "casebook_words"
_TAIL = re.compile(r"(?:\s*(?:…|\.{2,}|·{2,}))+$|\s+(?:" + alt(_W, "case_tail_verb") + r")$|\s*등$")


_OPEN_Q, _CLOSE_Q = "‘“", "’”"


@functools.lru_cache(maxsize=8192)  # the same names come back from summaries, lists and prose
def clean_case_name(text: str) -> str:
    """A case name as written, without bullets, trailing `추진`/`…`/`등`, or a quote
    mark whose partner was cut off.

    >>> clean_case_name("‘청년 두드림공간"), clean_case_name("공유냉장고’"), clean_case_name("‘마을’ 관리소")
    ('청년 두드림공간', '공유냉장고', '‘마을’ 관리소')

    >>> clean_case_name("- 긴급자동차 자동 진･출입 시스템 구축 추진")
    '긴급자동차 자동 진･출입 시스템 구축'
    >>> clean_case_name("「4不 혁신(불안, 불편, 불쾌, 불만 최소화)」 시책 추진…")
    '「4不 혁신(불안, 불편, 불쾌, 불만 최소화)」 시책'
    """
    s = nfc(text)
    s = _LEAD.sub("", s)
    for _ in range(3):
        s2 = _TAIL.sub("", s).strip(" ,.")
        if s2 == s:
            break
        s = s2
    # a quote left open or closed by a cut (`‘청년 두드림공간`): not part of the name
    if s[:1] in _OPEN_Q and not any(c in s for c in _CLOSE_Q):
        s = s[1:].strip()
    if s[-1:] in _CLOSE_Q and not any(c in s for c in _OPEN_Q) and s.count("'") < 2:
        s = s[:-1].strip()
    return s


# a highlight that opens with a quoted name run as the practice: `‘공유냉장고’ 운영으로 …`,
# `「보조금24」 도입을 통해 …` (not `「보조금24」 집중창구 운영`: there the quote is a part)
_LEAD_QUOTED = re.compile(r"^[‘“「『']([^’”」』']{3,40})[’”」』']\s*(?:을|를)?\s*"
                          r"(?:" + alt(_W, "practice_verb") + ")(?:" + alt(_W, "practice_link") + ")")


def name_from_highlight(text: str, limit: int = 50) -> str:
    """A case name from the first highlight: the part before `등 …`, at most `limit` chars.

    >>> name_from_highlight("‘무인 민원발급 키오스크 확대’ 운영으로 데이터 분석으로 정책 수요를 조기에 파악")
    '무인 민원발급 키오스크 확대'
    >>> name_from_highlight("「보조금24」 집중창구 운영")
    '「보조금24」 집중창구'
    """
    s = clean_case_name(text)
    lead = _LEAD_QUOTED.match(s)
    if lead:  # `‘마을관리소’ 운영으로 …`: the practice is the quoted name
        return clean_case_name(lead.group(1))
    quoted = re.search(r"[「『]([^」』]{6,60})[」』]", s)
    if quoted and len(s) > 40:
        return clean_case_name(quoted.group(1))
    quoted = re.search(r"[‘“]([^’”]{6,60})[’”]", s)
    if quoted and _DIFFUSED_AFTER.search(s[quoted.end():]):
        return clean_case_name(quoted.group(1))
    m = re.search(r"^(.{6,}?)\s*[’'」』]?\s*등\s", s)
    if m:
        s = clean_case_name(m.group(1).rstrip("’'"))
    if len(s) > limit:
        s = _head_phrase(s, limit)
    return clean_case_name(s)


_CONNECTIVE = re.compile(r"(?:" + alt(_W, "connective") + r")\s+")
_DIFFUSED_AFTER = re.compile(alt(_W, "diffused_after"))


def _head_phrase(s: str, limit: int) -> str:
    """Korean phrases are head-final: keep the end, after the last connective
    (`…해소하기 위해 모바일 앱 [빼기]를 이용한 … 서비스 제공`), else the last words.

    >>> _head_phrase("대형폐기물 스티커 직접 구입에 따른 주민불편을 해소하기 위해 모바일 앱 [빼기]를 이용한 대형폐기물 등록 및 수수료 결제 서비스 제공", 50)
    '모바일 앱 [빼기]를 이용한 대형폐기물 등록 및 수수료 결제 서비스 제공'
    """
    for m in reversed(list(_CONNECTIVE.finditer(s))):
        rest = s[m.end():]
        if 8 <= len(rest) <= limit:
            return rest
    words = s.split()
    out: list[str] = []
    while words and len(" ".join([words[-1], *out])) <= limit:
        out.insert(0, words.pop())
    return " ".join(out) or s[-limit:]


@functools.lru_cache(maxsize=4096)  # a registry compares each new key with every case so far
def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def _related(a: str, b: str) -> bool:
    """Same practice: equal keys, one key containing the other (long enough not to
    be generic), or nearly all the shorter key's character pairs in the longer
    (`중소기업노동자작업복공동세탁소설치` ~ `하남산단중소기업노동자작업복세탁소`).

    >>> _related(case_key("마을관리소"), case_key("마을관리소 조성"))
    True
    >>> _related(case_key("공공데이터 개방 확대"), case_key("공공데이터 관리체계 구축"))
    False
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 8 and short in long_:
        return True
    if len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    if len(short) >= 10 and len(long_) <= 2 * len(short):
        sa, sb = _bigrams(short), _bigrams(long_)
        return len(sa & sb) / len(sa) >= 0.68
    return False


@dataclass
class _Acc:
    key: str
    name: str
    line: int
    line_end: int
    names: list[str] = field(default_factory=list)
    origin: Party | None = None


def _canonical(acc: _Acc) -> str:
    # the shortest name: lists name a case tersely, summaries wordily
    return min(acc.names, key=lambda n: (len(_case_key(n)) < 4, len(n)))


class CaseRegistry:
    def __init__(self):
        self._cases: list[_Acc] = []

    def add(self, name: str, line: int, line_end: int | None = None) -> str | None:
        """Key of the case this name denotes (an existing one when related)."""
        name = clean_case_name(name)
        key = _case_key(name)
        if len(key) < 2:
            return None
        for acc in self._cases:
            if _related(acc.key, key):
                if name not in acc.names:
                    acc.names.append(name)
                return acc.key
        self._cases.append(_Acc(key, name, line, line_end or line, [name]))
        return key

    def set_origin(self, key: str, party: Party) -> None:
        for acc in self._cases:
            if acc.key == key and acc.origin is None:
                acc.origin = party

    def final_keys(self) -> dict[str, str]:
        """Provisional key -> case_key(canonical name)."""
        return {acc.key: _case_key(_canonical(acc)) for acc in self._cases}

    def records(self) -> list[Case]:
        out = []
        for acc in self._cases:
            name = _canonical(acc)
            alts = tuple(n for n in acc.names if n != name)
            out.append(Case(key=_case_key(name), name=name, alt_names=alts, origin=acc.origin,
                            line=acc.line, line_end=acc.line_end))
        return out
