"""A partner mention that is two organisations joined by a middle dot
(`부평경찰서·인천광역시교육청`): split when every piece reads as an organisation's
name on its own (ends as one does, agreements._ORG_WORD)."""
from __future__ import annotations

import re

_DOT = re.compile(r"\s*[·･ㆍ]\s*")


def split_joined(mention: str) -> list[str]:
    from loaders.casebook.agreements import _ORG_WORD

    parts = _DOT.split(mention)
    if len(parts) > 1 and all(len(p) >= 3 and _ORG_WORD.search(p) for p in parts):
        return parts
    return [mention]
