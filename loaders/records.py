"""Typed records: what extract() yields and to_rdf turns into triples.

Every record keeps where it came from (`line`, 1-based, and `line_end`).
Dates are ISO strings at the precision the source gives: "2021-11-26",
"2021-11" or "2021" (see loaders.text.parse_date). A value the text does not
give is None; nothing is filled in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Party:
    """An organisation as a document names it.

    `code` is the gazetteer code when the name is a Korean local government
    (or 행정시); `country` is set for a foreign city; otherwise the party is a
    partner organisation identified by its name.
    """

    mention: str
    code: str | None = None
    country: str | None = None
    name: str | None = None  # normalised display name for non-gazetteer parties

    @property
    def label(self) -> str:
        return self.name or self.mention


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    file_name: str
    sha256: str
    genre: str  # "work-report" | "casebook"
    title: str | None = None
    issuer: Party | None = None
    bureau: str | None = None
    year: str | None = None  # "2026"
    council_session: str | None = None
    date: str | None = None  # the document's own date, if stated
    reference_date: str | None = None  # ISO date used to pick agency names
    line: int = 1
    line_end: int | None = None


@dataclass(frozen=True)
class Division:
    name: str  # "행정지원과"
    kind: str = "division"  # unit-kinds key: bureau | division | office | team
    parent: str | None = None  # bureau name
    teams: tuple[str, ...] = ()
    team_count: int | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Staffing:
    unit: str  # division (or bureau) name
    authorized: int | None = None  # 정원
    current: int | None = None  # 현원
    grade: str | None = None  # "6급"; None = all grades
    as_of: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Program:
    key: str  # unique within the document, stable for the same text
    title: str
    department: str | None = None  # division name
    parent_key: str | None = None  # for sub-items
    status: tuple[str, ...] = ()  # program-status labels: 신규, 개선, 확대, 계속
    budget_krw: int | None = None
    non_budget: bool = False
    fiscal_year: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    legal_basis: tuple[str, ...] = ()
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class BudgetLine:
    program_key: str
    source: str | None  # funding-sources label as written: 국비, 시비, 구비 ...
    amount_krw: int | None
    share: Decimal | None = None  # 0.5 for "50%"
    fiscal_year: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Milestone:
    program_key: str
    label: str
    date: str | None = None
    date_end: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Outcome:
    subject_key: str  # a Program.key or an Entry.key
    metric: str
    value: Decimal | None = None
    unit: str | None = None
    value_text: str | None = None
    date: str | None = None  # point in time ("기준")
    period_start: str | None = None
    period_end: str | None = None
    subject_kind: str = "program"  # "program" | "entry"
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class SisterCity:
    agency: Party  # the document's side
    partner: Party
    relation: str | None = None  # relation-types label: 자매, 우호, 우호의향서, 교류의향서
    date: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Discount:
    offered_by: Party
    beneficiary: Party
    facility: str
    rate: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Agreement:
    parties: tuple[Party, ...]  # the document's agency first
    kind: str | None = None  # agreement-types label: MOU, 업무협약, 협약, 의향서
    title: str | None = None  # purpose / title as written
    date: str | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Award:
    recipient: Party
    award: str  # award / contest name
    grade: str | None = None  # award-grades label as written: 대상, 우수상, 1위, 선정 ...
    awarder: str | None = None  # awarding body as written
    date: str | None = None
    subject: str | None = None  # for what
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class GrantSelection:
    """A selection in a competition for funding or designation (`… 공모 선정`,
    `… 시범지역 선정`, `… 지원사업 선정`): not an award."""
    agency: Party  # the selected body
    competition: str  # competition / programme / designation as written
    awarder: str | None = None  # body that ran the competition, as written (abbreviations expanded)
    date: str | None = None
    amount_krw: int | None = None  # when stated (`국비 117백만원`)
    subject: str | None = None  # the case or entry it belongs to
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Case:
    key: str  # loaders.text.case_key(canonical name): identity across documents
    name: str  # canonical name
    alt_names: tuple[str, ...] = ()
    origin: Party | None = None
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Entry:
    key: str
    agency: Party
    indicator: str  # indicators label as written
    case_key: str
    year: str | None = None
    highlights: tuple[str, ...] = ()
    contact_department: str | None = None
    sections: tuple[Section, ...] = field(default_factory=tuple)
    line: int = 0
    line_end: int | None = None


@dataclass(frozen=True)
class Adoption:
    adopter: Party
    case_key: str
    source: Party | None = None
    channel: str | None = None  # adoption-channels label as written
    date: str | None = None
    line: int = 0
    line_end: int | None = None


Record = (
    DocumentInfo | Division | Staffing | Program | BudgetLine | Milestone | Outcome
    | SisterCity | Discount | Agreement | Award | GrantSelection | Case | Entry | Adoption
)
