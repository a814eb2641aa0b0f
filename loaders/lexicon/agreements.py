"""Agreement kinds (data/agreement_kinds.csv), shared by every genre.

One row per way of writing a kind; the row's `kind` is the concept key of the
`agreement-types` scheme and `means` its label (what records carry). The kinds are
tried in table order: an MOU first, then a business agreement, a letter of intent,
and `agreement` (any other 협약) last, as the fallback.

>>> kind_of("서산시-서산의료원 간 MOU 체결"), kind_of("업무 협력 협약"), kind_of("우호교류의향서 체결")
('MOU', '업무협약', '의향서')
>>> kind_of("공동협약 체결")
'협약'
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon.words import alt, kinds, letter_spaced, of

TABLE = "agreement_kinds"
FALLBACK = "agreement"
INTENT = "letter-of-intent"  # a letter of intent: an agreement to agree, read apart where a partner is named


@lru_cache(maxsize=1)
def _ordered() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(alt(TABLE, k)), of(TABLE, k)[0].means) for k in kinds(TABLE) if k != FALLBACK)


def kind_of(text: str) -> str:
    """The label of the first kind whose words `text` has; the fallback's label otherwise."""
    for rx, label in _ordered():
        if rx.search(text):
            return label
    return of(TABLE, FALLBACK)[0].means


def keyword(fallback_form: str = "{}") -> str:
    """One alternation of every kind's words, in table order; the fallback kind's words
    placed into `fallback_form` at `{}` (a genre's reading of a bare `협약`)."""
    parts = [alt(TABLE, k) for k in kinds(TABLE) if k != FALLBACK]
    parts.append(fallback_form.replace("{}", alt(TABLE, FALLBACK)))
    return "|".join(parts)


def words_of(*, intent: bool = True, spaced: bool = False) -> str:
    """One alternation of every kind's words in table order (`intent=False`: without the
    letter of intent's; `spaced`: letter-spaced writings too), e.g. for a line that tells an agreement.

    >>> import re
    >>> bool(re.search(words_of(intent=False), "우호교류의향서 체결")), bool(re.search(words_of(), "우호교류의향서 체결"))
    (False, True)
    """
    out = "|".join(alt(TABLE, k) for k in kinds(TABLE) if intent or k != INTENT)
    return letter_spaced(out) if spaced else out
