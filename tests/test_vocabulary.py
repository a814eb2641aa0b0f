"""Vocabulary as data (issue 19): the words of the genres belong in loaders/lexicon's
tables, not in regexes spread through the loaders. A file may hold Hangul words (two
letters or more) in string literals, docstrings aside, only if it is on the short,
justified allow-list below, and no more than its number there; single letters
(particles, units after a number, the endings 시/군/구) are grammar and stay in code."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[가-힣]{2,}")

BASELINE = {
    # format conventions, not vocabulary: the HWP outline style name `개요 n`; the 가나다…
    # ordinal sequence and the date-unit letters (월, 일, 년) read next to numbers
    "loaders/document/hwpx.py": 1,
    "loaders/document/model.py": 4,
}


def hangul_words(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return sum(len(_WORD.findall(n.value)) for n in ast.walk(tree)
               if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs)


def test_no_new_words_in_loader_code():
    grown = {}
    for path in sorted((ROOT / "loaders").rglob("*.py")):
        if "lexicon" in path.parts:
            continue
        rel = path.relative_to(ROOT).as_posix()
        n = hangul_words(path)
        if n > BASELINE.get(rel, 0):
            grown[rel] = (BASELINE.get(rel, 0), n)
    assert not grown, f"Hangul words added to loader code (baseline, now); put them in loaders/lexicon: {grown}"


def test_the_lexicon_tables_are_read():
    from loaders.lexicon import labels, places

    assert labels.words("budget_key") and labels.words("funding_source") and places.countries()
