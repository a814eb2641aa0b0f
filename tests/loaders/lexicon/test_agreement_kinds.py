"""Agreement kinds: one table read by both genres, so a kind one genre knows the other knows."""
from __future__ import annotations

import pytest

from loaders.casebook.agreements import find_agreements
from loaders.lexicon import vocab
from loaders.lexicon.agreements import kind_of
from loaders.lexicon.words import rows

ROWS = rows("agreement_kinds")


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"L{r.line}")
def test_each_kind_is_a_concept_of_the_scheme(row):
    assert vocab.lookup("agreement-types", row.means) == row.kind


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"L{r.line}")
def test_each_example_reads_as_its_kind(row):
    # the example of a later kind may also hold an earlier kind's word; then it is that one
    assert kind_of(row.example) in {r.means for r in ROWS[: ROWS.index(row) + 1]}


def test_the_casebook_knows_the_letter_of_intent():
    """Issue 19: the casebook never emitted the letter-of-intent concept the work reports know."""
    (f,) = find_agreements([(1, "- 서산시-다낭시 간 우호교류 의향서 체결(’21. 3.)")], 2021)
    assert (f.kind, f.partners, f.date) == ("의향서", ("서산시", "다낭시"), "2021-03")
    assert vocab.lookup("agreement-types", f.kind) == "letter-of-intent"


def test_the_work_reports_agree():
    from loaders.workreport import partners

    for text in ("서산시-서산의료원 간 MOU 체결", "업무협약 체결", "우호교류의향서 체결", "협약 체결"):
        assert partners._kind(text) == kind_of(text)
