"""The conventions of three unseen reports (box tables, one cell per line, HTML spans) written
another way a converter or an author would: the facts must not change."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from loaders.workreport import extract_text
from tests.loaders.workreport.facts import norm, to_facts

UNSEEN = Path(__file__).parent / "unseen"
KINDS = ("divisions", "staffing", "programs", "budget_lines", "sister_cities", "discounts", "agreements", "awards")


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return (UNSEEN / name / "input.txt").read_text(encoding="utf-8")


def _facts(text: str) -> dict:
    return to_facts(extract_text(text, file_name="t.txt", doc_id="t", sha256="0" * 64))


def _no_total_column(t: str) -> str:
    t = t.replace('<th colspan="4">2024년 예산</th>', '<th colspan="3">2024년 예산</th>').replace("<tr><th>계</th>", "<tr>")
    return re.sub(r"(<tr><td>금 액</td>)<td>[\d,]+</td>", r"\1", t)


def _page_broken_box(t: str) -> str:
    lines = t.split("\n")
    i = next(k for k, ln in enumerate(lines) if "임대, 귀농귀촌" in ln)
    top, bottom = lines[21], lines[34]
    assert top.startswith("┌") and bottom.startswith("└")
    return "\n".join(lines[:i + 1] + [bottom, "", "- 2 -", "", top] + lines[22:24] + lines[i + 2:])


def _wrapped_thrice(t: str) -> str:
    return t.replace("    ❍ 사 업 비 : 420,000천원(도비 126,000, 군비 210,000, 자부담 84,000)",
                     "    ❍ 사 업 비 : 420,000천원(도비 126,000,\n      군비 210,000,\n      자부담 84,000)")


VARIANTS = {
    ("county_center_box_tables", "plain bullets"): lambda t: t.replace("❍", "○").replace("▣", "□"),
    ("county_center_box_tables", "heavy box lines"): lambda t: t.translate(str.maketrans("┌┐└┘├┤┬┴┼─│",
                                                                                           "┏┓┗┛┣┫┳┻╋━┃")),
    ("county_center_box_tables", "numbers as 1."): lambda t: re.sub(
        "^([❶❷❸]) ", lambda m: f"{'❶❷❸'.index(m.group(1)) + 1}. ", t, flags=re.M),
    ("county_center_box_tables", "box broken by a page"): _page_broken_box,
    ("county_center_box_tables", "split wrapped over three lines"): _wrapped_thrice,
    ("metro_gu_html_spans", "○ programs"): lambda t: t.replace("◦ ", "○ "),
    ("metro_gu_html_spans", "no 계 column"): _no_total_column,
    ("metro_gu_html_spans", "division names not spaced"): lambda t: re.sub(
        r"^(\d\. )(.+)$", lambda m: m.group(1) + m.group(2).replace(" ", "") if m.group(2).endswith("과") else m.group(0),
        t, flags=re.M),
    ("province_flattened_cells", "1) programs"): lambda t: re.sub(r"^\((\d)\) ", r"\1) ", t, flags=re.M),
}


@pytest.mark.parametrize("name,variant", list(VARIANTS), ids=[f"{n}-{v}" for n, v in VARIANTS])
def test_same_facts(name, variant):
    text = _text(name)
    rewritten = VARIANTS[(name, variant)](text)
    assert rewritten != text
    want, got = _facts(text), _facts(rewritten)
    for kind in KINDS:
        assert sorted(map(repr, norm(got[kind]))) == sorted(map(repr, norm(want[kind]))), kind
