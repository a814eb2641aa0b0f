"""Gazetteer and mention resolver.

Mentions are real ones. SEEN: as written in the documents of data/sources/.
UNSEEN: forms from other documents of the same genres (older casebooks, other
districts' reports, 행정안전부 tables) that the seeds do not contain.
"""
from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kg.errors import AmbiguousAgency, KgError, UnknownAgency
from kg.gazetteer import DATA_DIR, Agency, Gazetteer

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


# --- the data ------------------------------------------------------------------

def test_counts_on_2024_12_31(gaz):
    on = date(2024, 12, 31)
    kinds = Counter(a.kind for a in gaz if a.valid_on(on))
    assert kinds == {"metropolitan": 17, "basic": 226, "administrative": 2}


def test_codes_are_five_digits_and_sorted():
    with open(DATA_DIR / "agencies.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    for r in rows:
        for c in [r["code"], *filter(None, r["former_codes"].split(";"))]:
            assert len(c) == 5 and c.isdigit(), c
    former = [c for r in rows for c in filter(None, r["former_codes"].split(";"))]
    assert not set(former) & set(codes), "a former code must not be another agency's code"


def test_every_agency_has_names_and_its_name_is_the_last(gaz):
    for a in gaz:
        names = gaz.names(a.code)
        assert names and names[-1][0] == a.name, a.code
        assert names[-1][2] == a.valid_until
        for (_, _, until), (_, frm, _) in zip(names, names[1:]):
            assert until == frm, (a.code, names)   # no gaps, no overlaps


@pytest.mark.parametrize("on", [date(1995, 1, 1), date(1995, 4, 1), date(2000, 1, 1), date(2006, 7, 1),
                                date(2012, 7, 1), date(2023, 6, 11), date(2023, 7, 1), date(2024, 1, 18),
                                date(2024, 12, 31), date(2026, 7, 1)])
def test_names_unique_per_date(gaz, on):
    names = [n for a in gaz for n, frm, until in gaz.names(a.code)
             if (frm is None or frm <= on) and (until is None or on < until)]
    assert len(names) == len(set(names))


def test_no_general_districts(gaz):
    assert not [a for a in gaz if " " in a.short_name]
    for mention in ("수원시 장안구", "경기도 수원시 장안구", "창원시 마산합포구", "장안구"):
        assert gaz.find(mention) is None


def test_region_and_fields(gaz):
    jongno = gaz.resolve("종로구")
    assert (jongno.code, jongno.name_en, jongno.gov_type) == ("11110", "Jongno-gu, Seoul", "자치구")
    assert gaz.region(jongno).name == "서울특별시"
    assert gaz.region(gaz.get("11000")) is None
    suwon = gaz.get("41110")
    assert (suwon.short_name, suwon.name_en, suwon.kind) == ("수원시", "Suwon-si, Gyeonggi-do", "basic")
    assert gaz.get("11000").name_en == "Seoul Metropolitan City"
    assert gaz.get("36110").gov_type == "특별자치시"


# --- name history ----------------------------------------------------------------

def test_yeongwol_renamed_with_gangwon(gaz):
    a, b = gaz.resolve("강원도 영월군"), gaz.resolve("강원특별자치도 영월군")
    assert a == b and a.code == "51750" and "42750" in a.former_codes
    assert gaz.name_at(a.code, date(2022, 1, 1)) == "강원도 영월군"
    assert gaz.name_at(a.code, date(2024, 1, 1)) == "강원특별자치도 영월군"
    assert gaz.name_at(a.code, None) == "강원특별자치도 영월군"
    assert gaz.names(a.code) == [("강원도 영월군", None, date(2023, 6, 11)),
                                 ("강원특별자치도 영월군", date(2023, 6, 11), None)]
    assert gaz.get("42750") == a                      # former codes still find it


def test_jeongeup_renamed_with_jeonbuk(gaz):
    before = gaz.resolve("전라북도 정읍시", on=date(2023, 5, 1))
    after = gaz.resolve("전북특별자치도 정읍시", on=date(2024, 6, 1))
    assert before == after and after.code == "52180"
    assert gaz.name_at("52180", date(2024, 1, 17)) == "전라북도 정읍시"
    assert gaz.name_at("52180", date(2024, 1, 18)) == "전북특별자치도 정읍시"


def test_gunwi_moved_to_daegu(gaz):
    gunwi = gaz.resolve("군위군")
    assert gunwi.code == "27720" and gunwi.former_codes == ("47720",) and gunwi.region_code == "27000"
    assert gaz.name_at("27720", date(2022, 6, 1)) == "경상북도 군위군"
    assert gaz.name_at("27720", date(2024, 6, 1)) == "대구광역시 군위군"
    assert gaz.resolve("경상북도 군위군") == gaz.resolve("대구 군위군") == gunwi


@pytest.mark.parametrize("code,until", [("48160", date(2010, 7, 1)), ("48190", date(2010, 7, 1)),
                                        ("43710", date(2014, 7, 1)), ("44730", date(2012, 7, 1)),
                                        ("49710", date(2006, 7, 1)), ("49720", date(2006, 7, 1))])
def test_abolished(gaz, code, until):
    assert gaz.get(code).valid_until == until
    assert not gaz.get(code).valid_on(date(2024, 12, 31))


def test_merged_away_names_still_resolve(gaz):
    assert gaz.resolve("마산시").code == "48160"
    assert gaz.resolve("경남 마산시").valid_until == date(2010, 7, 1)
    assert gaz.resolve("청원군").name == "충청북도 청원군"
    assert gaz.resolve("연기군").code == "44730"
    assert gaz.resolve("세종특별자치시").valid_from == date(2012, 7, 1)


@pytest.mark.parametrize("old,new,code", [("충청남도 당진군", "충청남도 당진시", "44270"),
                                          ("경기도 여주군", "경기도 여주시", "41670"),
                                          ("인천광역시 남구", "인천광역시 미추홀구", "28177")])
def test_renamed_same_agency(gaz, old, new, code):
    assert gaz.resolve(old).code == gaz.resolve(new).code == code


def test_jeju(gaz):
    jeju = gaz.resolve("제주시")                                   # SEEN: 제주시 복지위생국 주민복지과
    assert (jeju.kind, jeju.gov_type, jeju.code) == ("administrative", "행정시", "50110")
    assert gaz.region(jeju).name == "제주특별자치도"
    assert gaz.resolve("제주시", on=date(2005, 1, 1)).code == "49110"   # the former 자치시
    assert gaz.resolve("제주도") == gaz.resolve("제주특별자치도") == gaz.resolve("제주")
    assert gaz.get("50000").former_codes == ("49000",)


def test_incheon_2026(gaz):
    jung = gaz.resolve("인천 중구", on=date(2025, 1, 1))
    assert jung.valid_until == date(2026, 7, 1)
    for short in ("제물포구", "영종구", "검단구"):
        a = gaz.resolve(f"인천 {short}")
        assert a.valid_from == date(2026, 7, 1) and a.region_code == "28000"
    assert gaz.resolve("인천 서구", on=date(2025, 1, 1)).code == "28275"
    assert gaz.name_at("28275", date(2025, 1, 1)) == "인천광역시 서구"


# --- resolving mentions ---------------------------------------------------------

SEEN = [  # mention, expected full name (current)
    ("경기 수원시", "경기도 수원시"),
    (" 경기 수원시", "경기도 수원시"),
    ("경기도 안양시", "경기도 안양시"),
    ("경남 창원시", "경상남도 창원시"),
    ("광주 북구", "광주광역시 북구"),
    ("광주광역시 북구", "광주광역시 북구"),
    ("서울 중구", "서울특별시 중구"),
    ("경남 고성군", "경상남도 고성군"),
    ("울산 울주군", "울산광역시 울주군"),
    ("충남 서산시", "충청남도 서산시"),
    ("충청남도", "충청남도"),
    ("광주광역시", "광주광역시"),
    ("인천", "인천광역시"),
    ("서울시", "서울특별시"),
    ("제주특별자치도", "제주특별자치도"),
    ("강원 영월군", "강원특별자치도 영월군"),
    ("전북 정읍시", "전북특별자치도 정읍시"),
    ("종로구", "서울특별시 종로구"),
    ("하남시", "경기도 하남시"),
]
UNSEEN = [
    ("대구 북구", "대구광역시 북구"),
    ("강원 고성군", "강원특별자치도 고성군"),
    ("강원  고성군", "강원특별자치도 고성군"),
    ("경기･수원시", "경기도 수원시"),
    ("서울특별시종로구", "서울특별시 종로구"),
    ("충남", "충청남도"),
    ("인천광역시", "인천광역시"),
    ("강원도", "강원특별자치도"),
    ("대구시", "대구광역시"),
    ("수원", "경기도 수원시"),
    ("영월", "강원특별자치도 영월군"),
    ("강릉", "강원특별자치도 강릉시"),
    ("제천", "충청북도 제천시"),
    ("경기 광주시", "경기도 광주시"),
    ("광주", "광주광역시"),
    ("세종시", "세종특별자치시"),
    ("경상북도 군위군", "대구광역시 군위군"),
]


@pytest.mark.parametrize("mention,name", SEEN, ids=[m for m, _ in SEEN])
def test_seen(gaz, mention, name):
    assert gaz.resolve(mention).name == name


@pytest.mark.parametrize("mention,name", UNSEEN, ids=[m for m, _ in UNSEEN])
def test_unseen(gaz, mention, name):
    assert gaz.resolve(mention).name == name


@pytest.mark.parametrize("mention", ["북구", "중구", "동구", "서구", "남구", "강서구", "고성군", "고성", "광주시"])
def test_ambiguous_without_context(gaz, mention):
    with pytest.raises(AmbiguousAgency) as exc:
        gaz.resolve(mention)
    assert len(exc.value.candidates) >= 2
    assert gaz.find(mention) is None


def test_context_decides(gaz):
    gwangju_buk = gaz.resolve("광주광역시 북구")
    assert gaz.resolve("북구", context=gwangju_buk) == gwangju_buk
    assert gaz.resolve("북구", context="29000") == gwangju_buk
    assert gaz.resolve("북구", context=gaz.get("29000")) == gwangju_buk
    assert gaz.resolve("중구", context="11110").name == "서울특별시 중구"
    assert gaz.resolve("고성군", context="48000").name == "경상남도 고성군"
    assert gaz.resolve("강서구", context="26440").name == "부산광역시 강서구"
    assert gaz.resolve("광주시", context="41000").name == "경기도 광주시"
    with pytest.raises(AmbiguousAgency) as exc:               # context outside: never guess
        gaz.resolve("고성군", context="11000")
    assert set(exc.value.candidates) == {"강원특별자치도 고성군", "경상남도 고성군"}


def test_on_picks_by_validity(gaz):
    # the same mention in 2021 and today names the same agency
    assert gaz.resolve("강원도 고성군", on=date(2021, 5, 1)) == gaz.resolve("강원특별자치도 고성군")
    assert gaz.resolve("울산시", on=date(1996, 1, 1)).code == "48130"
    assert gaz.resolve("울산시").code == "31000"


def test_wrong_region_is_not_accepted(gaz):
    # SEEN: `문의하실 곳 : 충남 진천군 복지행정국` - 진천군 is in 충청북도
    with pytest.raises(UnknownAgency, match="진천군"):
        gaz.resolve("충남 진천군")
    assert gaz.find("충남 진천군") is None
    assert gaz.resolve("충북 진천군").name == "충청북도 진천군"


@pytest.mark.parametrize("mention", ["", "  ", "경기남부경찰청", "중", "서울 수원시", "한국수자원공사"])
def test_unknown(gaz, mention):
    with pytest.raises(UnknownAgency) as exc:
        gaz.resolve(mention)
    assert isinstance(exc.value, KgError) and mention.strip() in str(exc.value)


def test_load_is_cached_and_cwd_independent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Gazetteer.load() is Gazetteer.load()
    assert isinstance(Gazetteer.load().get("11110"), Agency)
    with pytest.raises(KeyError):
        Gazetteer.load().get("99999")


# --- running text -----------------------------------------------------------------

def test_find_mentions_seed_sentence(gaz):
    line = next(l for l in (SOURCES / "004_845debc1c9c51afa.txt").read_text(encoding="utf-8").splitlines()
                if "업무협약 체결(4.15)" in l and "제천시" in l)
    found = gaz.find_mentions(line, on=date(2024, 4, 15))
    assert [line[s:e] for s, e, _ in found] == ["제천시", "단양군", "횡성군", "인제군", "양구군"]
    hoengseong = found[2][2]
    assert gaz.name_at(hoengseong.code, date(2024, 4, 15)) == "강원특별자치도 횡성군"
    assert gaz.name_at(hoengseong.code, date(2023, 1, 1)) == "강원도 횡성군"


@pytest.mark.parametrize("text,expected", [
    ("수원시·용인시·고양시 공동 협약", ["수원시", "용인시", "고양시"]),
    ("수원시와 종로구에서 성북구청 직원", ["수원시", "종로구", "성북구"]),
    ("문의하실 곳 : 경기 수원시 정책기획과", ["경기 수원시"]),
    ("광주 북구 데이터정보과, 서울특별시 성동구", ["광주 북구", "서울특별시 성동구"]),
    ("시군구 구청장 도시 시민 중구 북구에서", []),
    ("충남 진천군 복지행정국", []),
    ("고성군 방문", []),
    ("안양시설관리공단, 수원시립미술관", []),
])
def test_find_mentions(gaz, text, expected):
    assert [text[s:e] for s, e, _ in gaz.find_mentions(text)] == expected


def test_find_mentions_context(gaz):
    text = "우리 구와 강서구, 고성군이 협약"
    assert [a.name for _, _, a in gaz.find_mentions(text)] == []
    assert [a.name for _, _, a in gaz.find_mentions(text, context="11110")] == ["서울특별시 강서구"]
    assert [a.name for _, _, a in gaz.find_mentions(text, context="48000")] == ["경상남도 고성군"]
    # bare 중구/서구/북구 stay out even with context: 서구 사회, 북구 유럽 are words
    assert gaz.find_mentions("서구 사회와 중구", context="26000") == []


def test_find_mentions_casebook_has_no_strays(gaz):
    text = (SOURCES / "002_1883cbad05eb4de7.txt").read_text(encoding="utf-8")
    found = gaz.find_mentions(text)
    assert len(found) > 300
    for s, e, agency in found:
        assert text[s:e].replace(" ", "").endswith((agency.short_name, "시", "도"))
