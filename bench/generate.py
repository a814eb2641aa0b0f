"""Synthetic corpus generator: council work reports and innovation casebooks.

    python bench/generate.py --docs N --seed S --out DIR

Writes DIR/NNNNN_<hash>.txt documents in the conventions of the two genres
(recombined from the patterns of the bundled documents in data/sources/:
headings, staffing tables, budget formats, sister-city and discount tables,
MOUs, awards, casebook entries per indicator, adoptions) and DIR/planted.jsonl,
one line per document: {"file", "genre", "bytes", "facts": [{"type", ...}]}.

Document i depends only on (seed, i): a corpus of 100 documents is the prefix
of the corpus of 1,000 with the same seed. Agencies are real (the gazetteer),
so the loaders can resolve them; everything else is invented.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.gazetteer import REGION_ABBREV, Gazetteer  # noqa: E402

YEARS = list(range(2019, 2027))
CASEBOOK_SHARE = 0.15
ABBREV_OF = {}
for _ab, _code in REGION_ABBREV.items():
    ABBREV_OF.setdefault(_code, _ab)

BUREAUS = {
    "행정국": ["행정지원과", "자치행정과", "홍보과", "디지털행정과", "민원여권과", "교육지원과", "총무과", "인사과"],
    "기획재정국": ["기획예산과", "재무과", "세무1과", "세무2과", "회계과", "감사담당관", "법무담당관"],
    "복지국": ["복지정책과", "어르신복지과", "장애인복지과", "아동청소년과", "여성가족과", "생활보장과"],
    "문화체육국": ["문화관광과", "체육진흥과", "도서관과", "문화예술과", "관광진흥과"],
    "안전도시국": ["안전총괄과", "건축과", "주택과", "도시계획과", "교통행정과", "주차관리과", "치수과"],
    "경제일자리국": ["일자리경제과", "지역경제과", "전통시장과", "사회적경제과", "청년정책과"],
    "환경국": ["환경과", "청소행정과", "공원녹지과", "기후에너지과", "자원순환과"],
    "보건복지국": ["보건정책과", "건강증진과", "위생과", "의약과", "감염병관리과"],
}
TEAMS = ["기획팀", "운영팀", "지원팀", "관리팀", "정책팀", "사업팀", "협력팀", "홍보팀", "시설팀", "교육팀"]
GRADES = ["3급", "4급", "5급", "6급", "7급", "8급", "9급"]

AIMS = ["주민 안전망 강화를 위한", "구민 편의 증진을 위한", "체감도 높은", "디지털 전환 시대", "지역 상생을 위한",
        "공정하고 투명한", "사회적 약자를 위한", "미래를 여는", "안전하고 편리한", "탄소중립 실현을 위한",
        "청년이 머무는", "어르신이 행복한", "아이 키우기 좋은", "주민과 함께하는", "현장 중심의"]
TOPICS = ["방범용 CCTV", "공공와이파이", "동청사 환경", "청사 출입관리시스템", "빅데이터 플랫폼", "AI 민원상담",
          "주민자치회", "평생학습도시", "친환경 급식", "자원봉사센터", "공유주차장", "스마트 경로당", "작은도서관",
          "청년 창업공간", "재해복구시스템", "정보보안솔루션", "마을공동체", "전통시장 배송", "공원 놀이터",
          "야간 민원실", "여권 교부 서비스", "고향사랑기금", "재난안전 상황실", "노후 승강기", "도시농업 텃밭",
          "공공 배달앱", "무장애 정류소", "돌봄 SOS센터", "반려동물 문화센터", "에너지 자립마을"]
ACTIONS = ["설치", "구축", "운영", "확대", "고도화", "조성", "추진", "활성화", "강화", "지원"]
STATUS = ["신규", "개선", "확대", "계속"]
LABEL_LINES = {
    "추진배경": ["증가하는 행정수요에 선제적으로 대응하여 주민 체감도 제고",
               "관련 법령 개정에 따른 제도 정비 및 운영 내실화 필요",
               "노후 시설 및 장비의 안전성 확보와 효율적 관리 필요"],
    "추진계획": ["대상 : 관내 주민 및 이용자", "내용 : 시설 개선 및 프로그램 운영",
               "추진방법 : 전문업체 위탁 및 직영 병행", "협업 : 관련 부서 및 유관기관 협력체계 구축"],
}
# partners as the documents name them; "{}" is the local place name (real text names the
# body: 서산경찰서, 한서대학교 — "관할 경찰서" names no one and is not a partner)
ORGS = ["한국지역정보개발원", "한국수자원공사", "롯데카드", "한국전력공사 {}지사", "{}대학교 산학협력단",
        "국민건강보험공단 {}지사", "서울대학교병원", "한국사회적기업진흥원", "{}상공회의소", "KT {}지사",
        "한국정보화진흥원", "신용보증재단", "{}소방서", "{}경찰서"]


def local_org(template: str, agency) -> str:
    """A partner name for `agency`: 성주군 -> 성주경찰서, 수원시 -> 수원대학교 산학협력단."""
    short = agency.short_name
    place = short[:-1] if len(short) > 2 and short[-1] in "시군구도" else short
    if agency.kind == "metropolitan":
        place = short[:2]
    return template.format(place)
AWARDERS = ["행정안전부", "보건복지부", "고용노동부", "국민권익위원회", "환경부"]
AWARD_NAMES = ["정보공개 종합평가", "지방규제혁신 평가", "민원서비스 종합평가", "지역복지사업 평가", "청렴도 평가",
               "일자리대상", "적극행정 우수사례 경진대회", "지방재정 신속집행 평가"]
GRADES_AWARD = ["최우수상", "우수상", "대상", "장려상", "우수기관"]
FOREIGN = [("중국", "북경시 순의구"), ("미국", "캘리포니아주 부에나파크시"), ("일본", "도쿄도 신주쿠구"),
           ("몽골", "울란바타르시 성기노하이르한구"), ("베트남", "하노이시 호안끼엠군"), ("터키", "이스탄불시 베이올루구"),
           ("필리핀", "마닐라시"), ("말레이시아", "셀랑고르주 프탈링자야시"), ("캐나다", "토론토시"),
           ("프랑스", "파리 15구"), ("독일", "베를린 미테구"), ("호주", "시드니 파라마타시")]
FACILITIES = ["시립박물관", "자연휴양림", "오토캠핑장", "문학관", "천문대", "해양박물관", "레포츠파크", "목재문화체험장",
              "향토사료관", "국궁전시관", "미술관", "공영주차장", "민속마을", "생태전시관", "썰매장", "수목원"]
RATES = ["50%", "30%", "20%", "무료", "10%", "40%", "9.5%"]

INDICATORS = ["기관장의 혁신 리더십", "조직문화 혁신", "자율추진 혁신과제", "주민참여 확대 및 정책화 성과",
              "협업 추진 성과", "공공서비스 사각지대 해소 성과", "보조금24 제공 성과",
              "찾아가는 보건복지서비스 추진실적", "공공데이터 관리체계 구축 및 개방 성과",
              "데이터 기반의 업무 및 서비스 개선", "지방행정혁신 우수사례 도입 및 확산",
              "기관대표 혁신사례에 대한 국민 체감도"]
DIFFUSION = "지방행정혁신 우수사례 도입 및 확산"
CASE_NAMES = ["긴급자동차 자동 진출입 시스템", "가축분뇨 악취저감 통합솔루션", "중소기업 노동자 작업복 공동세탁소",
              "교통약자 모바일 호출서비스", "대형폐기물 간편배출 서비스", "토닥토닥 청년일자리 JOB카페",
              "희망도서 바로대출제", "찾아가는 장애인 독서문화 프로그램", "스마트 안전쉼터", "마을관리소",
              "지역소상공인 희망대출", "학대피해아동 진술 중복방지", "당근마켓 구정홍보", "어르신 디지털 배움터",
              "민원분석 예보시스템", "음성 자동 받아쓰기 시스템", "우리동네 돌봄단", "공공심야약국 운영",
              "스마트 경로당 화상교육", "1인가구 안심귀가 서비스", "무인 민원발급 키오스크 확대", "공유냉장고",
              "마을e척척 플랫폼", "찾아가는 복지상담소", "반려식물 병원", "주민참여예산 온라인 투표",
              "청년 두드림공간", "동네 배움터", "공공자전거 무료 보험", "빈집 정비사업"]
HIGHLIGHTS = ["주민과의 소통 채널을 온라인으로 확대하여 참여 기회 보장", "부서 간 협업으로 중복 행정 해소",
              "데이터 분석으로 정책 수요를 조기에 파악", "민관 협력 거버넌스로 지역문제 해결",
              "취약계층 발굴 및 맞춤형 서비스 연계", "비대면 서비스 도입으로 처리기간 단축"]
DEPARTMENTS = ["정책기획과", "혁신담당관", "기획조정실", "자치행정과", "복지정책과", "데이터정보과", "혁신소통기획관실",
               "기획예산실", "평가담당관", "주민자치과"]
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"


def man(won: int) -> str:
    return f"{won // 1_000_000:,}백만원"


class Agencies:
    def __init__(self):
        self.g = Gazetteer.load()
        self.basic = [a for a in self.g if a.kind == "basic" and a.valid_until is None and a.region_code]
        self.metro = [a for a in self.g if a.kind == "metropolitan" and a.valid_until is None]
        # short names that resolve alone (종로구); the others need their region (부산 중구)
        self.unique = {a.code for a in self.basic if self.g.find(a.short_name) is not None}

    def regional(self, a) -> str:
        """`경기 수원시` for a 기초, the full name for a 광역."""
        if a.kind == "metropolitan":
            return a.name
        return f"{ABBREV_OF[a.region_code]} {a.short_name}"

    def full(self, a, year: int) -> str:
        return self.g.name_at(a.code, date(year, 6, 30))

    def local(self, a, year: int) -> str:
        """How a document names its own agency: 종로구, or 부산광역시 중구 when ambiguous."""
        if a.kind == "metropolitan" or a.code in self.unique:
            return a.short_name if a.kind != "metropolitan" else self.full(a, year)
        return self.full(a, year)


def local_source(a) -> str:
    """The agency's own funding source label: 구비, 시비, 군비, 도비."""
    if a.kind == "metropolitan":
        return "도비" if a.gov_type.endswith("도") else "시비"
    return {"자치구": "구비", "시": "시비", "군": "군비"}.get(a.gov_type, "시비")


def upper_source(a) -> str:
    if a.kind == "metropolitan":
        return "국비"
    region = a.region_code or ""
    return "시비" if region in ("11000", "26000", "27000", "28000", "29000", "30000", "31000") else "도비"


def spaced(word: str) -> str:
    return " ".join(word)


def date_fmt(rng: random.Random, y: int, m: int, d: int) -> str:
    return rng.choice([f"{y}. {m}. {d}.", f"{y}.{m:02d}.{d:02d}.", f"'{y % 100:02d}. {m}. {d}.", f"’{y % 100:02d}.{m}.{d}."])


# --------------------------------------------------------------------------- work reports
def work_report(rng: random.Random, ag: Agencies, idx: int):
    year = rng.choice(YEARS)
    issuer = rng.choice(ag.metro) if rng.random() < 0.15 else rng.choice(ag.basic)
    me = ag.local(issuer, year)
    own, upper = local_source(issuer), upper_source(issuer)
    bureau = rng.choice(list(BUREAUS))
    divs = rng.sample(BUREAUS[bureau], k=min(len(BUREAUS[bureau]), rng.randint(3, 5)))
    facts: list[dict] = [{"type": "document", "issuer": issuer.code, "year": str(year), "bureau": bureau}]
    out: list[str] = []
    w = out.append
    layout = rng.randrange(3)
    session = f"제{rng.randint(200, 380)}회 {me}의회 {rng.choice(['임시회', '정례회'])}"
    if layout == 0:
        w(f"\n\n{session}  \n{rng.choice(['행정문화', '행정기획', '복지건설', '기획행정'])}위원회\n\n\n\n---\n")
        w(f"# {year}년 주요업무\n\n---\n\n{spaced(bureau)}\n\n\n\n# 순 서\n\n---\n\n## 일 반 현 황\n\n## 주 요 업 무\n")
        for i, d in enumerate(divs):
            w(f"○ {spaced(d)}\t.....\t{3 + 6 * i}")
    elif layout == 1:
        w(f"\n\n{session}\n<{rng.choice(['행정기획', '복지도시', '재무건설'])}위원회>\n\n{year}년 주요업무 계획\n\n\n\n{spaced(bureau)}\n\n \n보고 순서\n")
        w("■ 운영방향\t1\n■ 일반현황\t2\n■ " + f"{year}년 주요업무 보고\t\t")
        for i, d in enumerate(divs):
            w(f"● {d}\t{7 + 8 * i}")
    else:
        w(f"\n\n# 주요 업무 보고\n\n{year}. {rng.randint(2, 11)}.\n\n{spaced(bureau)}\n")
        w(f"\n※ 본 보고는 「{me} 행정기구 설치 조례」에 따른 {bureau} 소관 업무임\n")

    # ---- general status: staffing
    month_end = f"{year}.1.31."
    staff = {}
    for d in divs:
        row = [rng.randint(0, 3) if g in ("3급", "4급") and d == divs[0] else (0 if g in ("3급", "4급") else rng.randint(1, 14))
               for g in GRADES]
        cur = [max(0, v + rng.randint(-2, 2)) if v else 0 for v in row]
        staff[d] = (row, cur)
    tot_a = [sum(staff[d][0][i] for d in divs) for i in range(len(GRADES))]
    tot_c = [sum(staff[d][1][i] for d in divs) for i in range(len(GRADES))]
    teams = {d: rng.randint(2, 5) for d in divs}
    w("\n\n# 일반현황\n")
    cell = lambda v: str(v) if v else "-"  # noqa: E731
    if rng.random() < 0.5:
        w(f"## □ 정·현원 현황 : {len(divs)}개 부서, {sum(teams.values())}개 팀, {sum(tot_a)}명\n\n({month_end}현재)\n")
        w("구 분\t\t계\t" + "\t".join(GRADES))
        w(f"계\t정원\t{sum(tot_a)}\t" + "\t".join(cell(v) for v in tot_a))
        w(f"\t현원\t{sum(tot_c)}\t" + "\t".join(cell(v) for v in tot_c))
        for d in divs:
            a, c = staff[d]
            w(f"{d}\t정원\t{sum(a)}\t" + "\t".join(cell(v) for v in a))
            w(f"\t현원\t{sum(c)}\t" + "\t".join(cell(v) for v in c))
    else:
        w(f"({year}. 1. 31. 기준)\n\n□ 조직현황\n\n({len(divs)}과 {sum(teams.values())}팀)\n\n□ 직원현황\n\n○ 정원 및 현원\n\n(단위 : 명)\n")
        w("구분\t계\t" + "\t".join(divs))
        w(f"정원\t{sum(tot_a)}\t" + "\t".join(str(sum(staff[d][0])) for d in divs))
        w(f"현원\t{sum(tot_c)}\t" + "\t".join(str(sum(staff[d][1])) for d in divs))
    facts.append({"type": "staffing", "unit": bureau, "authorized": sum(tot_a), "current": sum(tot_c)})
    for d in divs:
        facts.append({"type": "staffing", "unit": d, "authorized": sum(staff[d][0]), "current": sum(staff[d][1])})
        facts.append({"type": "division", "name": d})
    w("\n## □ 부서별 주요업무\n\n과 별\t소 관 업 무")
    for d in divs:
        w(f"{d} ({teams[d]}개팀)\t<ul> <li>{rng.choice(TOPICS)} 관련 업무, {rng.choice(TOPICS)} 운영</li> "
          f"<li>{rng.choice(TOPICS)} 기획 및 관리</li> </ul>")

    # ---- divisions and items
    titles: set[str] = set()
    partners_used: set[str] = set()
    for d in divs:
        n_items = rng.randint(2, 4)
        items = []
        while len(items) < n_items:
            t = f"{rng.choice(AIMS)} {rng.choice(TOPICS)} {rng.choice(ACTIONS)}"
            if t not in titles:
                titles.add(t)
                items.append(t)
        w(f"\n\n# {d}\n\n---\n" if layout != 1 else f"\n\n{year}년 주요업무 계획\n\n{d}\n\n\n\n{d} 사업 목록\n\n\n\n연번\t사 업 명\t페이지")
        for i, t in enumerate(items, 1):
            w(f"{i}. {t}\t.....\t{i * 2 + 3}" if layout != 1 else f"{i}\t{t}\t----- {i * 2 + 9}")
        for i, t in enumerate(items, 1):
            heading = rng.choice([f"# {i}. {t}", f"## {i}. {t}", f"{i} | {t}", f"# {i}\n{t}", f"### {i}. {t}"])
            w(f"\n{heading}\n\n{rng.choice(AIMS)} {rng.choice(TOPICS)}을 통해 주민 만족도를 높이고자 함\n")
            mk = rng.choice(["## □ ", "□ ", "### □ "])
            w(f"{mk}추진배경\n")
            for line in rng.sample(LABEL_LINES["추진배경"], 2):
                w(f"- {line}")
            w(f"\n{mk}사업개요\n\n- 사업기간 : {year}. {rng.randint(1, 6)}. ~ {rng.randint(7, 12)}.")
            if rng.random() < 0.3:
                w(f"- 추진근거 : 「{me if issuer.kind == 'metropolitan' or issuer.code in ag.unique else issuer.short_name} "
                  f"{rng.choice(TOPICS)} 운영 조례」")
            w(f"\n{mk}추진계획\n")
            for line in rng.sample(LABEL_LINES["추진계획"], 3):
                w(f"- {line}")
            extra = rng.random()
            if extra < 0.12 and len(partners_used) < 3:
                other = rng.choice(ag.basic)
                if other.code in ag.unique and other.code != issuer.code and other.code not in partners_used:
                    partners_used.add(other.code)
                    mm = rng.randint(1, 12)
                    w(f"- 도입시기 : {mm}월 중 업무협약 추진({me} ↔ {other.short_name})")
                    facts.append({"type": "agreement", "party": other.code})
            elif extra < 0.24:
                org = local_org(rng.choice(ORGS), issuer)
                if org not in partners_used:
                    partners_used.add(org)
                    mm, dd = rng.randint(1, 12), rng.randint(1, 28)
                    if rng.random() < 0.5:
                        w(f"- {org}와 업무협약 체결('{(year - 1) % 100:02d}. {mm}. {dd}.)")
                    else:
                        w(f"- '{rng.choice(TOPICS)} 활성화' 업무협약({me}-{org}, {mm}.{dd}.)")
                    facts.append({"type": "agreement", "party_name": org})
            elif extra < 0.32:
                aw, gr, by = rng.choice(AWARD_NAMES), rng.choice(GRADES_AWARD), rng.choice(AWARDERS)
                if rng.random() < 0.5:
                    w(f"- {year - 1}년 {by} {aw} 결과 : {gr}")
                else:
                    w(f"- {year - 1}년 {by} {aw} '{gr}' 수상('{(year - 1) % 100:02d}. {rng.randint(1, 12)}.)")
                facts.append({"type": "award", "recipient": issuer.code, "grade": gr, "award": aw})
            w(f"\n{mk}추진일정\n\n- {year}. {rng.randint(1, 3)}. : 계획 수립\n- {year}. {rng.randint(4, 8)}. ~ {rng.randint(9, 12)}. : 사업 추진")
            budget(rng, w, facts, t, own, upper, year, mk)
        if d == divs[0] and issuer.kind == "basic" and rng.random() < 0.5:
            sister_cities(rng, w, facts, ag, issuer, year, me)
    text = "\n".join(out).rstrip("\n")
    return text, facts


def budget(rng, w, facts, title, own, upper, year, mk):
    kind = rng.randrange(6)
    total = rng.randint(1, 3000) * 1_000_000
    lines: list[tuple[str, int | None, str | None]] = []  # source, amount, share
    if kind == 0:
        w(f"\n{mk}소요예산 : {man(total)}({own})")
        lines.append((own, total, None))
    elif kind == 1:
        a = rng.randint(1, max(1, total // 1_000_000 - 2)) * 1_000_000 if total > 2_000_000 else 0
        if a <= 0 or a >= total:
            total, a = 1_429_000_000, 505_000_000
        b = total - a
        if rng.random() < 0.5:
            c = (b // 2) // 1_000_000 * 1_000_000
            b2 = b - c
            w(f"\n{mk}소요예산 : {man(total)}({own} {man(a)}, {upper} {man(b2)}, 교육청 {man(c)})")
            lines += [(own, a, None), (upper, b2, None), ("교육청", c, None)]
        else:
            w(f"\n{mk}소요예산 : {man(total)}({upper} {man(b)}, {own} {man(a)})")
            lines += [(upper, b, None), (own, a, None)]
    elif kind == 2:
        total = rng.randint(10_000, 5_000_000) * 1000
        w(f"\n{mk}{year}년 소요예산 : {total // 1000:,}천원")
    elif kind == 3:
        p = rng.choice([50, 30, 70])
        w(f"\n{mk}소요예산 : {man(total)}({upper} {p}%, {own} {100 - p}%)")
        lines += [(upper, None, f"{p / 100:.2f}"), (own, None, f"{(100 - p) / 100:.2f}")]
    elif kind == 4:
        a = total // 3 // 1_000_000 * 1_000_000
        b = total - a
        w(f"- 소요예산 : {man(total)}(국비 {man(a)}, {own} {man(b)})")
        lines += [("국비", a, None), (own, b, None)]
    else:
        w(f"\n**소요예산 : {man(total)}({own})**")
        lines.append((own, total, None))
    facts.append({"type": "program", "title": title, "budget_krw": total})
    for src, amount, share in lines:
        f = {"type": "budget_line", "program": title, "source": src}
        if amount is not None:
            f["amount_krw"] = amount
        if share is not None:
            f["share"] = share
        facts.append(f)


def sister_cities(rng, w, facts, ag, issuer, year, me):
    t = rng.choice(["자매(우호)도시 상생 협력 활성화", "국내·외 자매(우호)도시 교류 지원"])
    w(f"\n\n# 9. {t}\n\n도시 간 상호 교류를 통하여 우의를 증진하고 상생발전을 도모하고자 함\n")
    partners = [a for a in rng.sample(ag.basic, 8) if a.code != issuer.code and a.region_code != issuer.region_code][:5]
    w("○ 국내 자매(우호)도시\n\n연번\t도 시 명\t체 결 일\t비고")
    for i, p in enumerate(partners, 1):
        y, m, d = rng.randint(1995, year - 1), rng.randint(1, 12), rng.randint(1, 28)
        rel = rng.choice(["", "", "우호"])
        w(f"{i}\t{ag.regional(p)}\t{y}.{m:02d}.{d:02d}.\t{rel}")
        facts.append({"type": "sister_city", "partner": p.code, "date": f"{y}-{m:02d}-{d:02d}"})
    if rng.random() < 0.6:
        w("\n○ 국외 자매(우호)도시\n\n연번\t국 가 명\t도 시 명\t교류관계\t체 결 일")
        for i, (country, city) in enumerate(rng.sample(FOREIGN, 3), 1):
            y, m, d = rng.randint(1996, year - 1), rng.randint(1, 12), rng.randint(1, 28)
            rel = rng.choice(["자 매 결 연", "우 호 교 류", "우호의향서"])
            w(f"{i}\t{spaced(country) if len(country) <= 3 else country}\t{city}\t{rel}\t{y}.{m:02d}.{d:02d}.")
            facts.append({"type": "sister_city", "partner_name": city, "country": country, "date": f"{y}-{m:02d}-{d:02d}"})
    if rng.random() < 0.7:
        w(f"\n### 자매(우호)도시 주민할인 현황\n\n({year}. 1. 기준)\n\n도시명\t시설명\t할인율")
        for p in partners[:3]:
            for j, fac in enumerate(rng.sample(FACILITIES, rng.randint(1, 3))):
                rate = rng.choice(RATES)
                w(f"{ag.regional(p) if j == 0 else ''}\t{p.short_name[:-1]} {fac}\t{rate}")
                facts.append({"type": "discount", "offered_by": p.code, "facility": f"{p.short_name[:-1]} {fac}", "rate": rate})
    w(f"\n□ 소요예산 : {rng.randint(5, 90)}백만원({local_source(issuer)})")
    facts.append({"type": "program", "title": t})


# --------------------------------------------------------------------------- casebooks
def casebook(rng: random.Random, ag: Agencies, idx: int):
    year = rng.choice(YEARS[:-1])
    yy = year % 100
    facts: list[dict] = [{"type": "document", "year": str(year)}]
    out: list[str] = []
    w = out.append
    w(f"{year} 지방자치단체 혁신평가 우수사례집\n\n행정안전부\n")
    pool = ag.metro + ag.basic
    indicators = rng.sample(INDICATORS, rng.randint(3, 5))
    if DIFFUSION not in indicators and rng.random() < 0.7:
        indicators[-1] = DIFFUSION
    for ind in indicators:
        agencies = rng.sample(pool, rng.randint(2, 4))
        w(f" {ind}\n")
        for a in agencies:
            w(f"{ag.regional(a)}\n")
        for a in agencies:
            entry(rng, w, facts, ag, a, ind, year, yy)
    return "\n".join(out).rstrip("\n"), facts


def entry(rng, w, facts, ag, a, ind, year, yy):
    name = ag.regional(a)
    facts.append({"type": "entry", "agency": a.code, "indicator": ind})
    w(f" {name}\n\n{ind}\n\n주요내용요약\n")
    own_case = rng.choice(CASE_NAMES)
    diffusion = ind == DIFFUSION
    adopted_7: list[str] = []
    adopted_life: list[str] = []
    if diffusion:
        cases = rng.sample([c for c in CASE_NAMES if c != own_case], 5)
        adopted_7, adopted_life = cases[:3], cases[3:]
        w(f"{adopted_7[0]} 등 지방행정혁신 7대 중점 추진과제 도입\n")
        w(f"‘{adopted_life[0]}’등 주민생활 혁신사례 확산 지원사업 참여\n")
    else:
        w(f"‘{own_case}’ 운영으로 {rng.choice(HIGHLIGHTS)}\n")
        w(f"{rng.choice(HIGHLIGHTS)}\n")
    w("추진배경\n")
    w(f"{rng.choice(HIGHLIGHTS)} 필요\n\n{rng.choice(HIGHLIGHTS)}을 위한 제도 개선 요구 증가\n")
    w("사업개요\n")
    w(f"추진기간 : {year}. {rng.randint(1, 4)}. ~ {year}. 12.\n")
    if diffusion:
        w("지방행정혁신 7대 중점 추진과제 도입\n")
        w("- " + ", ".join(adopted_7) + " 등\n")
        w("주민생활 혁신사례 확산 지원사업 추진\n")
        w("- " + ", ".join(adopted_life) + " 등\n")
        for c in adopted_7:
            facts.append({"type": "adoption", "adopter": a.code, "case": c, "channel": "지방행정혁신 7대 중점 추진과제"})
        for c in adopted_life:
            facts.append({"type": "adoption", "adopter": a.code, "case": c, "channel": "주민생활 혁신사례 확산 지원사업"})
    else:
        w(f"주요내용 : {own_case} 도입 및 {rng.choice(TOPICS)} 연계 운영\n")
    w("주요성과\n")
    n1, n2 = rng.randint(10, 900), rng.randint(2, 60)
    w(f"참여 주민 {n1:,}명, 건의사항 {n2}건 접수 및 처리\n")
    r = rng.random()
    if r < 0.25:
        src = rng.choice([x for x in ag.basic if x.code in ag.unique and x.code != a.code])
        other_case = rng.choice(CASE_NAMES)
        w(f"- {src.short_name}의 ‘{other_case}’ 벤치마킹으로 사업 도입\n")
        facts.append({"type": "adoption", "adopter": a.code, "case": other_case, "source": src.code, "channel": "벤치마킹"})
    elif r < 0.45 and a.kind == "basic":
        region = a.region_code
        others = [x for x in ag.basic if x.region_code == region and x.code != a.code and x.code in ag.unique]
        if len(others) >= 2:
            picks = rng.sample(others, 2)
            w(f"- {picks[0].short_name}, {picks[1].short_name} 등 타지자체 벤치마킹\n")
            for p in picks:
                facts.append({"type": "adoption", "adopter": p.code, "source": a.code, "channel": "벤치마킹"})
    r = rng.random()
    if r < 0.35:
        gr = rng.choice(["대상", "최우수상", "우수상"])
        aw = f"제{rng.randint(2, 20)}회 대한민국 지방자치 정책대상"
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        w(f"* {aw} ‘{gr}’ 수상(’{yy:02d}.{m}.{d}.)\n")
        facts.append({"type": "award", "recipient": a.code, "grade": gr, "award": aw})
    elif r < 0.55:
        org = local_org(rng.choice(ORGS), a)
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        w(f"- {a.short_name}-{org} 간 MOU 체결({year}. {m}. {d}.)\n")
        facts.append({"type": "agreement", "party_name": org})
    w(" 참고 1 관련 사진\n\n참고 2 보도자료\n")
    person = rng.choice(SURNAMES) + rng.choice("민서준지현수영")+rng.choice("호아진우희석")
    w(f"문의하실 곳 : {name} {rng.choice(DEPARTMENTS)} {person}(☎ 0{rng.randint(31, 64)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)})")


# --------------------------------------------------------------------------- driver
def generate(n: int, seed: int, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    ag = Agencies()
    total = 0
    with open(out / "planted.jsonl.part", "w", encoding="utf-8") as fh:
        for i in range(n):
            rng = random.Random(seed * 1_000_003 + i)
            is_casebook = rng.random() < CASEBOOK_SHARE
            text, facts = (casebook if is_casebook else work_report)(rng, ag, i)
            data = text.encode("utf-8")
            name = f"{i:05d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
            (out / name).write_bytes(data)
            total += len(data)
            fh.write(json.dumps({"file": name, "genre": "casebook" if is_casebook else "work-report",
                                 "bytes": len(data), "facts": facts}, ensure_ascii=False) + "\n")
    (out / "planted.jsonl.part").replace(out / "planted.jsonl")
    return {"docs": n, "bytes": total}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    info = generate(a.docs, a.seed, a.out)
    print(f"{info['docs']} documents, {info['bytes'] / 1e6:.1f} MB -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
