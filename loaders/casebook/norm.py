"""`loaders.text.nfc`, remembered: a casebook's lines are normalised by several
passes (parse, awards, agreements, adoptions, sections), and names recur."""
from __future__ import annotations

import functools

from loaders.text import nfc as _nfc

nfc = functools.lru_cache(maxsize=1 << 16)(_nfc)
