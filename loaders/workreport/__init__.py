"""Genre 1: council work reports (주요업무 보고 / 계획 / 진행사항 보고).

`extract_text` is pure: text in, records out (DocumentInfo first). Reading
files is `loaders.load`'s job; triples are kg.mapping's.
"""
from __future__ import annotations

import re
import unicodedata

from loaders.errors import GenreError, InputError, KgError
from loaders.lexicon.words import alt, words
from loaders.records import DocumentInfo, Record
from loaders.workreport.docinfo import SESSION

_normalize = unicodedata.normalize

GENRE = "work-report"

# the genre's marks are rows of loaders/lexicon/data/report_words.csv (each with an example)
_W = "report_words"


def _spaced(kind: str) -> str:
    """The kind's words, each letter allowed to be spaced out (`정 원`, `과 별`)."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in words(_W, kind))


# the labels that open a program (lexicon/data/section_labels.csv) mark the genre
_ITEM_LABELS = re.compile(r"(?:□|^#+)\s*(?:\d{2,4}\s*년?\s*)?(?:" + alt("section_labels", "program_label") + "|"
                          + alt(_W, "budget_label") + ")", re.M)
_PLAIN_LABELS = re.compile(r"^(?:" + alt("section_labels", "program_label") + r")\s*$", re.M)
# (searched only: `주요 업무` with or without 보고/계획/추진/현황 after it)
_TITLE = re.compile(alt(_W, "genre_title"))
_CASEBOOK = re.compile(alt(_W, "casebook_cue"))
_BUREAU_LINE = re.compile(r"^\s*[가-힣](?:\s*[가-힣]){0,6}\s*(?:" + alt(_W, "bureau_line_ending") + r")\s*$", re.M)
_STAFF = re.compile(_spaced("authorized") + "|" + _spaced("current"))
_TEAMS = re.compile(r"\d+\s*개?\s*" + words(_W, "team")[0] + "|" + _spaced("division_list"))
_BUDGET = re.compile(alt(_W, "budget_label") + r"\s*[:：]")


def looks_like(text: str) -> float:
    """Confidence 0..1 that `text` is a council work report.

    >>> looks_like("제347회 종로구의회 임시회\\n# 2026년 주요업무\\n행 정 국\\n□ 추진배경\\n□ 추진계획\\n□ 소요예산 : 20백만원(구비)") > 0.8
    True
    >>> looks_like("오늘은 날씨가 좋다.")
    0.0
    """
    if not text or not text.strip():
        return 0.0
    global _last_score
    cached = _last_score
    if cached is not None and cached[0] is text:  # detect_genre, then extract_text: scored once
        return cached[1]
    score = _score(text)
    _last_score = (text, score)
    return score


_last_score: tuple[str, float] | None = None


def _score(text: str) -> float:
    text = nfc_lines(text)
    front = text[:3000]
    score = 0.0
    if _TITLE.search(front):
        score += 0.35
    if SESSION.search(front):  # the council session, read as docinfo reads it
        score += 0.25
    if _BUREAU_LINE.search(front):
        score += 0.1
    labels = len(_ITEM_LABELS.findall(text)) + len(_PLAIN_LABELS.findall(text))
    score += min(labels, 10) * 0.03
    if _STAFF.search(front + text[:8000]) and _TEAMS.search(text[:8000]):
        score += 0.1
    if _BUDGET.search(text):
        score += 0.1
    casebook = len(_CASEBOOK.findall(text))
    score -= min(casebook, 20) * 0.05
    return round(max(0.0, min(1.0, score)), 2)


def nfc_lines(text: str) -> str:
    """`nfc` of every line. NFC never composes across a line break, so the whole
    text is normalised at once; then each line's spaces are collapsed.

    >>> nfc_lines(" 가  나 \\n\\u3000\\n\\u1100\\u1161 다")
    '가 나\\n\\n가 다'
    """
    return "\n".join([" ".join(line.split()) for line in _normalize("NFC", text).split("\n")])


def extract_text(text: str, *, file_name: str, doc_id: str, sha256: str) -> list[Record]:
    """Records of one work report: DocumentInfo first, then everything else."""
    if not isinstance(text, str):
        raise InputError("the document is not text", file=file_name)
    if looks_like(text) < 0.5:
        raise GenreError(f"not a council work report (confidence {looks_like(text):.2f})", file=file_name)
    from loaders.workreport.assemble import assemble

    try:
        return assemble(text, file_name=file_name, doc_id=doc_id, sha256=sha256)
    except KgError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(exc.message, file=file_name, line=exc.line) from exc
    except RecursionError as exc:
        raise InputError("document structure too deeply nested", file=file_name) from exc


__all__ = ["GENRE", "looks_like", "extract_text", "DocumentInfo"]
