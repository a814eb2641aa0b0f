"""An entry's key-value lines, as 확산 지원사업 books open an entry (`○ 사 업 명 : 스마트
횡단보도 설치`, `○ 도입기관 : 경상남도 양산시`, `○ 원조기관 : 서울특별시 성동구`): the case,
the agency that adopted it and the agency it was taken from. The keys are lexicon
labels.csv kinds `casebook_kv_case`, `casebook_kv_adopter`, `casebook_kv_source` (letters
spaced out or not)."""
from __future__ import annotations

import re

from loaders.casebook.norm import nfc
from loaders.lexicon import labels

KINDS = ("casebook_kv_case", "casebook_kv_adopter", "casebook_kv_source")
_KV = re.compile(r"^[\s\-○ㅇ●◦•∙·□■▶*]*(?P<key>[^:：]{2,12}?)\s*[:：]\s*(?P<value>\S.*)$")


def key_values(lines: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """kind -> (line, value) of the first line of each kind."""
    out: dict[str, tuple[int, str]] = {}
    for no, raw in lines:
        if ":" not in raw and "：" not in raw:
            continue
        m = _KV.match(nfc(raw))
        if not m:
            continue
        kind = next((k for k in KINDS if labels.is_label(m.group("key"), k)), None)
        if kind and kind not in out:
            out[kind] = (no, re.sub(r"\s*\([^)]*\)\s*$", "", m.group("value")).strip())
    return out


def fill_cases(entries) -> None:
    """An entry without a case name takes its `사업명` line's, when the lines around it name
    who adopted the case or whom it came from (a `사업명` line alone may name a part of the
    entry's work)."""
    for e in entries:
        if e.subtitle is None:
            kv = key_values(e.body)
            if "casebook_kv_case" in kv and len(kv) >= 2:
                e.subtitle = kv["casebook_kv_case"][1]
