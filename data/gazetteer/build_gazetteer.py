"""Build agencies.csv and names.csv of the gazetteer.

Documentation of how the committed CSVs were made; the CSVs are the data.
Run:  /work/venv/bin/python data/gazetteer/build_gazetteer.py

Input: PublicDataReader's 법정동코드 table (raw/code_bdong.json, state of 2022).
It gives the 5-digit 시군구 codes and the 2022 list of 시/군/구, but it also lists
일반구, 출장소 and 행정시 and stops before the 2023-2026 changes, so everything
historical or later is written out by hand below (dates from the laws that made
the change; see README.md).
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import PublicDataReader

HERE = Path(__file__).resolve().parent
PDR = Path(PublicDataReader.__file__).parent / "raw" / "code_bdong.json"

# --- 광역 ------------------------------------------------------------------
# code: (gov_type, [(name, from, until)], name_en, abbreviation, valid_from, former codes)
METRO = {
    "11000": ("특별시", [("서울특별시", "", "")], "Seoul Metropolitan City", "", ""),
    "26000": ("광역시", [("부산광역시", "1995-01-01", "")], "Busan Metropolitan City", "", "21000"),
    "27000": ("광역시", [("대구광역시", "1995-01-01", "")], "Daegu Metropolitan City", "", "22000"),
    "28000": ("광역시", [("인천광역시", "1995-01-01", "")], "Incheon Metropolitan City", "", "23000"),
    "29000": ("광역시", [("광주광역시", "1995-01-01", "")], "Gwangju Metropolitan City", "", "24000"),
    "30000": ("광역시", [("대전광역시", "1995-01-01", "")], "Daejeon Metropolitan City", "", "25000"),
    "31000": ("광역시", [("울산광역시", "1997-07-15", "")], "Ulsan Metropolitan City", "1997-07-15", ""),
    # 세종 has no 기초 level; the brief and most 시군구 tables use its 시군구 code.
    "36110": ("특별자치시", [("세종특별자치시", "2012-07-01", "")], "Sejong Special Self-Governing City", "2012-07-01", ""),
    "41000": ("도", [("경기도", "", "")], "Gyeonggi-do", "", ""),
    "51000": ("특별자치도", [("강원도", "", "2023-06-11"), ("강원특별자치도", "2023-06-11", "")], "Gangwon State", "", "42000"),
    "43000": ("도", [("충청북도", "", "")], "Chungcheongbuk-do", "", ""),
    "44000": ("도", [("충청남도", "", "")], "Chungcheongnam-do", "", ""),
    "52000": ("특별자치도", [("전라북도", "", "2024-01-18"), ("전북특별자치도", "2024-01-18", "")], "Jeonbuk State", "", "45000"),
    "46000": ("도", [("전라남도", "", "")], "Jeollanam-do", "", ""),
    "47000": ("도", [("경상북도", "", "")], "Gyeongsangbuk-do", "", ""),
    "48000": ("도", [("경상남도", "", "")], "Gyeongsangnam-do", "", ""),
    "50000": ("특별자치도", [("제주도", "", "2006-07-01"), ("제주특별자치도", "2006-07-01", "")],
              "Jeju Special Self-Governing Province", "", "49000"),
}
# the region part of a 기초's English name
REGION_EN = {
    "11000": "Seoul", "26000": "Busan", "27000": "Daegu", "28000": "Incheon", "29000": "Gwangju",
    "30000": "Daejeon", "31000": "Ulsan", "41000": "Gyeonggi-do", "51000": "Gangwon State",
    "43000": "Chungcheongbuk-do", "44000": "Chungcheongnam-do", "52000": "Jeonbuk State",
    "46000": "Jeollanam-do", "47000": "Gyeongsangbuk-do", "48000": "Gyeongsangnam-do", "50000": "Jeju-do",
}
# metro code prefix in PublicDataReader (2022) -> metro agency code
PREFIX_TO_METRO = {
    "11": "11000", "26": "26000", "27": "27000", "28": "28000", "29": "29000", "30": "30000",
    "31": "31000", "41": "41000", "42": "51000", "43": "43000", "44": "44000", "45": "52000",
    "46": "46000", "47": "47000", "48": "48000", "50": "50000",
}

# --- 기초: changes since 1995 that PublicDataReader (2022) does not show as current ---
# Abolished agencies: code, region code, short name, valid_from, valid_until
ABOLISHED = [
    ("28230", "28000", "북구", "", "1995-03-01"),        # split into 부평구 and 계양구
    ("41230", "41000", "송탄시", "", "1995-05-10"),      # merged into 평택시
    ("41740", "41000", "평택군", "", "1995-05-10"),
    ("44860", "44000", "천안군", "", "1995-05-10"),      # merged into 천안시
    ("45150", "52000", "이리시", "", "1995-05-10"),      # 이리시 + 익산군 -> 익산시
    ("45830", "52000", "익산군", "", "1995-05-10"),
    ("48230", "48000", "삼천포시", "", "1995-05-10"),    # 삼천포시 + 사천군 -> 사천시
    ("48830", "48000", "사천군", "", "1995-05-10"),
    ("48780", "48000", "김해군", "", "1995-05-10"),      # merged into 김해시
    ("48130", "48000", "울산시", "", "1997-07-15"),      # became 울산광역시
    ("46190", "46000", "여천시", "", "1998-04-01"),      # merged into 여수시
    ("46750", "46000", "여천군", "", "1998-04-01"),
    ("49110", "50000", "제주시", "", "2006-07-01"),      # became the 행정시 제주시 (50110)
    ("49130", "50000", "서귀포시", "", "2006-07-01"),
    ("49710", "50000", "북제주군", "", "2006-07-01"),
    ("49720", "50000", "남제주군", "", "2006-07-01"),
    ("48160", "48000", "마산시", "", "2010-07-01"),      # merged into 창원시
    ("48190", "48000", "진해시", "", "2010-07-01"),
    ("44730", "44000", "연기군", "", "2012-07-01"),      # became 세종특별자치시
    ("43710", "43000", "청원군", "", "2014-07-01"),      # merged into 청주시
    ("28110", "28000", "중구", "", "2026-07-01"),        # -> 제물포구 / 영종구
    ("28140", "28000", "동구", "", "2026-07-01"),        # -> 제물포구
]
# Agencies created after 1995-01-01 (or on it, by a merger that made a new code): code -> date
CREATED = {
    "11215": "1995-03-01", "11305": "1995-03-01", "11545": "1995-03-01",           # 광진 강북 금천
    "26470": "1995-03-01", "26500": "1995-03-01", "26530": "1995-03-01", "26710": "1995-03-01",
    "28185": "1995-03-01", "28237": "1995-03-01", "28245": "1995-03-01", "29155": "1995-03-01",
    "31110": "1997-07-15", "31140": "1997-07-15", "31170": "1997-07-15", "31200": "1997-07-15",
    "31710": "1997-07-15",
    "41360": "1995-01-01", "44180": "1995-01-01", "44200": "1995-01-01", "45180": "1995-01-01",
    "46230": "1995-01-01", "47280": "1995-01-01", "48220": "1995-01-01", "48310": "1995-01-01",
    "45140": "1995-05-10", "48240": "1995-05-10",
    "43745": "2003-08-30", "44250": "2003-09-19",
    "50110": "2006-07-01", "50130": "2006-07-01",
    "28125": "2026-07-01", "28155": "2026-07-01", "28290": "2026-07-01",
}
# Name or code changes of one continuing agency: current code -> earlier (code, full name, until)
EARLIER = {
    "28177": [("28170", "인천광역시 남구", "2018-07-01")],
    "28710": [("41880", "경기도 강화군", "1995-03-01")],
    "28720": [("41890", "경기도 옹진군", "1995-03-01")],
    "27710": [("47710", "경상북도 달성군", "1995-03-01")],
    "41220": [("41330", "경기도 평택시", "1995-05-10")],
    "41480": [("41770", "경기도 파주군", "1996-03-01")],
    "41500": [("41840", "경기도 이천군", "1996-03-01")],
    "41460": [("41850", "경기도 용인군", "1996-03-01")],
    "44230": [("44750", "충청남도 논산군", "1996-03-01")],
    "48330": [("48760", "경상남도 양산군", "1996-03-01")],
    "41550": [("41860", "경기도 안성군", "1998-04-01")],
    "41570": [("41870", "경기도 김포군", "1998-04-01")],
    "41590": [("41750", "경기도 화성군", "2001-03-21")],
    "41610": [("41790", "경기도 광주군", "2001-03-21")],
    "41630": [("41710", "경기도 양주군", "2003-10-19")],
    "41650": [("41810", "경기도 포천군", "2003-10-19")],
    "48120": [("48110", "경상남도 창원시", "2010-07-01")],
    "44270": [("44830", "충청남도 당진군", "2012-01-01")],
    "41670": [("41730", "경기도 여주군", "2013-09-23")],
    "27720": [("47720", "경상북도 군위군", "2023-07-01")],
    "28275": [("28260", "인천광역시 서구", "2026-07-01")],
}
EXTRA_FORMER = {"48160": ["48150"]}       # 마산시 changed code when its 일반구 were abolished (2001)
NEW_2026 = [("28125", "제물포구"), ("28155", "영종구"), ("28290", "검단구")]

# --- Revised Romanization (for name_en), with the assimilations place names use ---
_I = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
      "wi", "yu", "eu", "ui", "i"]
_F = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m", "p", "p",
      "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
_F_BEFORE_VOWEL = {1: "g", 4: "n", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 21: "ng", 22: "j", 23: "ch"}


def romanize(word: str) -> str:
    """Romanize a Hangul place-name stem.

    >>> [romanize(w) for w in ("종로", "울릉", "강릉", "철원", "칠곡", "의령", "관악", "정읍")]
    ['Jongno', 'Ulleung', 'Gangneung', 'Cheorwon', 'Chilgok', 'Uiryeong', 'Gwanak', 'Jeongeup']"""
    syl = [divmod(ord(c) - 0xAC00, 28) for c in word]
    syl = [(lv // 21, lv % 21, f) for lv, f in syl]
    out = []
    for k, (i, v, f) in enumerate(syl):
        ini = _I[i]
        if k:
            pf = syl[k - 1][2]
            if i == 11 and pf in _F_BEFORE_VOWEL:          # liaison
                out[-1] = out[-1][: -len(_F[pf])] if _F[pf] else out[-1]
                ini = _F_BEFORE_VOWEL[pf]
            elif i == 5:                                    # initial ㄹ
                if _F[pf] in ("l", "n") and pf in (8, 4):
                    out[-1] = out[-1][:-1] + "l"; ini = "l"
                elif pf in (21, 16):
                    ini = "n"
                elif pf == 1:
                    out[-1] = out[-1][:-1] + "ng"; ini = "n"
                elif pf == 17:
                    out[-1] = out[-1][:-1] + "m"; ini = "n"
            elif i in (2, 6):                               # initial ㄴ/ㅁ
                if pf == 1:
                    out[-1] = out[-1][:-1] + "ng"
                elif pf == 17:
                    out[-1] = out[-1][:-1] + "m"
                elif i == 2 and pf == 8:
                    ini = "l"
        out.append(ini + _V[v] + _F[f])
    s = "".join(out)
    return s[:1].upper() + s[1:]


def english(short: str, region_en: str) -> str:
    stem, suffix = short[:-1], {"시": "si", "군": "gun", "구": "gu"}[short[-1]]
    return f"{romanize(stem)}-{suffix}, {region_en}"


def load_pdr() -> dict[str, str]:
    """Live 시·군·자치구 of the 2022 table: code -> short name."""
    d = json.loads(PDR.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for i in d["시도코드"]:
        code, name, gone = d["시군구코드"][i], d["시군구명"][i], d["말소일자"][i]
        if not isinstance(name, str) or isinstance(gone, str) or code.endswith("000"):
            continue
        if " " in name or "출" in name or code[:2] in ("36", "50"):   # 일반구, 출장소, 세종, 행정시
            continue
        out[code] = name
    return out


def build():
    live = load_pdr()
    assert len(live) == 226, len(live)
    agencies, names = {}, []

    def add(code, kind, gov_type, region, short, name_en, vf, vu, former, name_rows):
        agencies[code] = dict(code=code, kind=kind, gov_type=gov_type, name=name_rows[-1][0], short_name=short,
                              region_code=region or "", name_en=name_en, valid_from=vf, valid_until=vu,
                              former_codes=";".join(former))
        names.extend((code, n, f, u) for n, f, u in name_rows)

    for code, (gt, rows, en, vf, former) in METRO.items():
        add(code, "metropolitan", gt, None, rows[-1][0], en, vf, "", [former] if former else [], rows)

    def _max(a, b): return a if (a or "") >= (b or "") else b           # "" = open start
    def _min(a, b): return b if not a else a if not b else min(a, b)   # "" = open end
    metro_by_name = {n: c for c, m in METRO.items() for n, _, _ in m[1]}

    def basic_rows(region, short, vf, vu, earlier):
        """Full names since 1995: the explicit earlier names, then the region's names cut to the
        agency's life (which also splits at the 강원/전북/제주 renames)."""
        rows, start = [], vf
        for _old_code, full, until in earlier:
            first = METRO[metro_by_name[full.split()[0]]][1][0][1]
            rows.append((full, _max(start, first), until)); start = until
        for rname, rf, ru in METRO[region][1]:
            s, u = _max(start, rf), _min(vu, ru)
            if not (s and u and s >= u):
                rows.append((f"{rname} {short}", s, u))
        return rows

    gov = {"시": "시", "군": "군", "구": "자치구"}
    former_prefix = {"26": "21", "27": "22", "28": "23", "29": "24", "30": "25"}
    def former_of(code, pdr_code, earlier, vf, rows):
        f = {c for c, _, _ in earlier} | set(EXTRA_FORMER.get(code, [])) | {pdr_code}
        oldest = earlier[0][0] if earlier else pdr_code
        # agencies of the five 직할시 had other codes before those became 광역시 (1995-01-01)
        if not vf and oldest[:2] in former_prefix and \
                rows[0][0].startswith(METRO[PREFIX_TO_METRO[oldest[:2]]][1][0][0] + " "):
            f.add(former_prefix[oldest[:2]] + oldest[2:])
        return sorted(f - {code})

    def region_en(region, vu):
        old = {"51000": ("2023-06-11", "Gangwon-do"), "52000": ("2024-01-18", "Jeollabuk-do")}.get(region)
        return old[1] if old and vu and vu <= old[0] else REGION_EN[region]

    for pdr_code, short in live.items():
        code, region = pdr_code, PREFIX_TO_METRO[pdr_code[:2]]
        if pdr_code[:2] == "42": code = "51" + pdr_code[2:]
        if pdr_code[:2] == "45": code = "52" + pdr_code[2:]
        if pdr_code == "47720": code, region = "27720", "27000"
        if pdr_code == "28260": code, short = "28275", "서해구"
        if pdr_code in ("28110", "28140"):
            continue                                 # abolished 2026, added below
        earlier = EARLIER.get(code, [])
        vf = CREATED.get(pdr_code, "")
        rows = basic_rows(region, short, vf, "", earlier)
        add(code, "basic", gov[short[-1]], region, short, english(short, region_en(region, "")), vf, "",
            former_of(code, pdr_code, earlier, vf, rows), rows)

    for code, region, short, vf, vu in ABOLISHED:
        rows = basic_rows(region, short, vf, vu, [])
        add(code, "basic", gov[short[-1]], region, short, english(short, region_en(region, vu)), vf, vu,
            former_of(code, code, [], vf, rows), rows)
    for code, short in NEW_2026:
        add(code, "basic", "자치구", "28000", short, english(short, REGION_EN["28000"]), CREATED[code], "", [],
            basic_rows("28000", short, CREATED[code], "", []))
    for code, short in (("50110", "제주시"), ("50130", "서귀포시")):
        add(code, "administrative", "행정시", "50000", short, english(short, REGION_EN["50000"]), CREATED[code], "", [],
            basic_rows("50000", short, CREATED[code], "", []))
    return agencies, names


def main():
    agencies, names = build()
    cols = ["code", "kind", "gov_type", "name", "short_name", "region_code", "name_en",
            "valid_from", "valid_until", "former_codes"]
    with open(HERE / "agencies.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, cols, lineterminator="\n")
        w.writeheader()
        for code in sorted(agencies):
            w.writerow(agencies[code])
    with open(HERE / "names.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "valid_from", "valid_until"])
        for row in sorted(names, key=lambda r: (r[0], r[2] or "0", r[1])):
            w.writerow(row)
    print(f"{len(agencies)} agencies, {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
