"""Partner stop words: never a partner, unless written as a company (`㈜같다`); never a gazetteer body."""
from __future__ import annotations

import pytest

from loaders.casebook.agreements import find_agreements
from loaders.lexicon.partners import is_stopword, stopwords

WORDS = sorted(stopwords())


@pytest.mark.parametrize("word", WORDS)
def test_stopword_is_not_a_partner(word):
    assert is_stopword(word)
    found = find_agreements([(1, f"- {word} : 지역 상생 협력을 위한 업무협약 체결(’21. 3.)"),
                             (2, f"- 협약대상 : {word}, 광주은행")], 2021)
    partners = {p for f in found for p in f.partners}
    assert word not in partners
    assert "광주은행" in partners


def test_a_company_marker_makes_a_name():
    (f,) = find_agreements([(1, "업무협약 체결 2020. 12. 1. ~ 협약 해지 시까지"),
                            (2, "- 협약대상 : ㈜같다 (대표 고재성, 2018. 3월 설립)")], 2021)
    assert f.partners == ("같다",) and f.date == "2020-12-01"


@pytest.mark.parametrize("word", WORDS)
def test_no_stopword_is_a_known_body(word, gazetteer):
    from loaders.casebook.agencies import Resolver

    assert Resolver(gazetteer, "2021-12-31").party(word) is None
