"""The SKOS concept schemes' keys and labels, in one place.

`ontology/vocab/<scheme>.ttl` is written from this table (a test checks that
the two agree), and loaders turn source text into concepts with `concept_for`.
Keys are ASCII and stable: they end up in IRIs.
"""
from __future__ import annotations

import hashlib
import unicodedata

# scheme -> list of (key, ko label, en label, [alt labels])
SCHEMES: dict[str, list[tuple[str, str, str, list[str]]]] = {
    "gov-types": [
        ("special-city", "특별시", "special city", []),
        ("metropolitan-city", "광역시", "metropolitan city", []),
        ("province", "도", "province", []),
        ("special-self-governing-province", "특별자치도", "special self-governing province", []),
        ("special-self-governing-city", "특별자치시", "special self-governing city", []),
        ("city", "시", "city", []),
        ("county", "군", "county", []),
        ("autonomous-district", "자치구", "autonomous district", []),
        ("administrative-city", "행정시", "administrative city", []),
        ("administrative-district", "일반구", "administrative district", []),
    ],
    "unit-kinds": [
        ("bureau", "실·국", "bureau", ["국", "실", "본부"]),
        ("division", "과", "division", ["담당관", "과"]),
        ("office", "사업소", "field office", ["센터", "사업소", "지소"]),
        ("team", "팀", "team", ["담당"]),
    ],
    "funding-sources": [
        ("national", "국비", "national subsidy", ["국고", "국고보조금"]),
        ("special-grant-tax", "특별교부세", "special grant tax", []),
        ("special-grant", "특별교부금", "special grant (metropolitan)", ["시 특별교부금"]),
        ("metropolitan-city", "시비", "metropolitan / city funds", []),
        ("province", "도비", "provincial funds", []),
        ("district", "구비", "district funds", []),
        ("county", "군비", "county funds", []),
        ("local", "지방비", "local funds (unspecified level)", []),
        ("education-office", "교육청", "office of education", ["교육청비", "교육비"]),
        ("fund", "기금", "fund", ["기금사업"]),
        ("private", "민간", "private funds", ["민간자본", "자부담"]),
        ("adjustment-grant", "조정교부금", "adjustment grant", []),
    ],
    "relation-types": [
        ("sister", "자매", "sister city", ["자매결연", "자매도시"]),
        ("friendship", "우호", "friendship city", ["우호교류", "우호협력", "우호도시"]),
        ("friendship-intent", "우호의향서", "letter of intent for friendship", []),
        ("exchange-intent", "교류의향서", "letter of intent for exchange", []),
    ],
    "award-grades": [
        ("grand", "대상", "grand prize", []),
        ("top", "최우수상", "top excellence prize", []),
        ("excellence", "우수상", "excellence prize", []),
        ("encouragement", "장려상", "encouragement prize", []),
        ("top-grade", "최우수", "top grade (evaluation result)", []),
        ("excellent-grade", "우수", "excellent grade (evaluation result)", []),
        ("encouragement-grade", "장려", "encouragement grade", []),
        ("gold", "금상", "gold prize", []),
        ("silver", "은상", "silver prize", []),
        ("bronze", "동상", "bronze prize", []),
        ("first-place", "1위", "first place", []),
        ("selected", "선정", "selected", []),
        ("excellent-agency", "우수기관", "excellent agency", []),
        ("best-agency", "최우수기관", "best agency", []),
        ("presidential", "대통령상", "presidential citation", []),
        ("prime-minister", "국무총리상", "prime minister's citation", []),
        ("minister", "장관상", "minister's citation", []),
        ("special", "특별상", "special prize", []),
        ("merit", "공로상", "merit prize", []),
        ("certified", "인증", "certified", []),
    ],
    "indicators": [
        ("leadership", "기관장의 혁신 리더십", "head of agency's innovation leadership", []),
        ("culture", "조직문화 혁신", "organisational culture innovation", []),
        ("autonomous-task", "자율추진 혁신과제", "self-initiated innovation task", []),
        ("participation", "주민참여 확대 및 정책화 성과", "resident participation and its policy results", []),
        ("collaboration", "협업 추진 성과", "collaboration results", []),
        ("blind-spots", "공공서비스 사각지대 해소 성과", "closing public-service blind spots", []),
        ("subsidy24", "보조금24 제공 성과", "Subsidy24 provision results", []),
        ("outreach-welfare", "찾아가는 보건복지서비스 추진실적", "outreach health and welfare services", []),
        ("open-data", "공공데이터 관리체계 구축 및 개방 성과", "public data management and opening", []),
        ("data-driven", "데이터 기반의 업무 및 서비스 개선", "data-driven work and service improvement", []),
        ("diffusion", "지방행정혁신 우수사례 도입 및 확산", "adoption and diffusion of local innovation cases", []),
        ("public-perception", "기관대표 혁신사례에 대한 국민 체감도", "public perception of the agency's flagship case", []),
    ],
    "adoption-channels": [
        ("resident-life-diffusion", "주민생활 혁신사례 확산 지원사업", "resident-life innovation diffusion support programme", []),
        ("seven-priority-tasks", "지방행정혁신 7대 중점 추진과제", "seven priority tasks of local administrative innovation", []),
        ("benchmarking", "벤치마킹", "benchmarking", []),
        ("consulting", "컨설팅", "consulting", []),
        ("innovation-procurement", "혁신조달 연계 주민체감형 혁신성과 확산사업", "innovation-procurement diffusion programme", []),
        ("contest", "공모사업", "contest / open call", ["공모"]),
        ("agreement", "업무협약", "agreement", []),
    ],
    "agreement-types": [
        ("mou", "MOU", "memorandum of understanding", ["양해각서"]),
        ("business-agreement", "업무협약", "business agreement", []),
        ("agreement", "협약", "agreement", ["협정"]),
        ("letter-of-intent", "의향서", "letter of intent", []),
    ],
    "program-status": [
        ("new", "신규", "new", []),
        ("improved", "개선", "improved", []),
        ("expanded", "확대", "expanded", []),
        ("continuing", "계속", "continuing", []),
    ],
    "document-genres": [
        ("work-report", "주요업무 보고", "council work report", ["주요업무 계획", "업무보고"]),
        ("casebook", "혁신평가 우수사례집", "innovation-evaluation casebook", []),
    ],
}

SCHEME_LABELS: dict[str, tuple[str, str]] = {
    "gov-types": ("지방자치단체 유형", "government types"),
    "unit-kinds": ("조직 단위 유형", "unit kinds"),
    "funding-sources": ("재원", "funding sources"),
    "relation-types": ("자매도시 관계 유형", "sister-city relation types"),
    "award-grades": ("수상 등급", "award grades"),
    "indicators": ("혁신평가 지표", "innovation evaluation indicators"),
    "adoption-channels": ("확산 경로", "adoption channels"),
    "agreement-types": ("협약 유형", "agreement types"),
    "program-status": ("사업 구분", "program status"),
    "document-genres": ("문서 유형", "document genres"),
}


def _norm(label: str) -> str:
    return "".join(unicodedata.normalize("NFKC", label).split()).replace("·", "").replace("･", "")


def _index() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for scheme, rows in SCHEMES.items():
        idx: dict[str, str] = {}
        for key, ko, en, alts in rows:
            for label in [ko, en, *alts]:
                idx.setdefault(_norm(label).lower(), key)
        out[scheme] = idx
    return out


_INDEX = _index()


def lookup(scheme: str, label: str) -> str | None:
    """Key of the concept whose label (or alt label) is `label`, or None.

    >>> lookup("funding-sources", "구비")
    'district'
    >>> lookup("relation-types", "자 매 결 연")
    'sister'
    >>> lookup("indicators", "협업 추진 성과")
    'collaboration'
    >>> lookup("award-grades", "은메달") is None
    True
    """
    return _INDEX[scheme].get(_norm(label).lower())


def minted_key(label: str) -> str:
    """Key for a concept the scheme does not have: `x-` + 10 hex of its NFC label.

    >>> minted_key("새로운 지표")
    'x-cd0dfce463'
    """
    nfc = unicodedata.normalize("NFC", label.strip())
    return "x-" + hashlib.sha1(nfc.encode("utf-8")).hexdigest()[:10]


def key_for(scheme: str, label: str) -> str:
    """Known key, or a minted one for a label the scheme lacks."""
    return lookup(scheme, label) or minted_key(label)


