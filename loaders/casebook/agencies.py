"""Agency mentions -> Party, through the gazetteer; lists of agencies in prose."""
from __future__ import annotations

import functools
import re
from datetime import date

from loaders.errors import AgencyError, InputError
from loaders.casebook.norm import nfc
from loaders.lexicon import regions
from loaders.lexicon.words import alt
from loaders.records import Party

# a 광역 as documents write it: every official name since 1995, a city's short name with or
# without 시, a province's with or without 도 (the gazetteer's data, loaders.lexicon.regions)
_PROVINCE = re.compile(
    r"^(" + regions.alt(regions.full_names()) + "|" + "|".join(f"{n}시?" for n in regions.short_names(*regions._CITY_TYPES))
    + "|" + "|".join(f"{n}도?" for n in regions.provinces()) + r")$"
)
_PARTICLE_TAIL = re.compile(r"(?:" + alt("casebook_words", "particle_tail") + r")$")


@functools.lru_cache(maxsize=1)
def load_gazetteer():
    """The shared gazetteer (loaded once). Tests may replace this function."""
    try:
        from loaders.lexicon.gazetteer import Gazetteer
    except ImportError as exc:  # the gazetteer module is part of the project
        raise InputError(f"gazetteer not available: {exc}") from None
    return Gazetteer.load()


class Resolver:
    """Finds agencies; never guesses: unknown or ambiguous mentions give None."""

    def __init__(self, gazetteer, on: str | None):
        self.gz = gazetteer
        self.on = _as_date(on)
        self._found: dict[tuple[str, str | None], object] = {}  # the same mentions recur in a document

    def find(self, mention: str, context: str | None = None):
        try:
            return self._found[mention, context]
        except KeyError:
            pass
        except TypeError:  # an unhashable context
            return self._find(mention, context)
        agency = self._found[mention, context] = self._find(mention, context)
        return agency

    def _find(self, mention: str, context):
        mention = nfc(mention)
        if not mention or len(mention) > 20:
            return None
        try:
            return self.gz.find(mention, context=context, on=self.on)
        except AgencyError:
            return None
        except (KeyError, ValueError, TypeError):
            return None

    def party(self, mention: str, context: str | None = None) -> Party | None:
        agency = self.find(mention, context)
        return Party(mention=nfc(mention), code=agency.code) if agency is not None else None

    def find_in_list(self, segment: str, context: str | None = None,
                     suffix_hint: str | None = None) -> list[Party]:
        """Agencies in a prose list: `서울 광진･동작･관악 6개 자치구 및 경기 안산`,
        `강남구, 구로구, 강서구`, `군산, 울산, 구미, 창원`. A province written
        before an item carries over to the following items."""
        out: list[Party] = []
        stems: list[Party] = []  # found from a bare stem (`군산`): trusted only within a list
        region = None
        for piece in re.split(r"[,，､、･·ㆍ/]|\s및\s|\s와\s|\s과\s", segment):
            piece = re.sub(r"\s*\d+\s*개.*$", "", piece)
            words = re.sub(r"[()\[\]‘’“”'\"「」『』]", " ", piece).split()
            if not words:
                continue
            if len(words) >= 2 and _PROVINCE.match(words[-2]):
                region = words[-2]
            elif len(words) >= 2:
                words = words[-1:]
            elif _PROVINCE.match(words[0]) and len(words) == 1:
                pass
            name = _PARTICLE_TAIL.sub("", words[-1])
            name = re.sub(r"\d+개.*$", "", name)
            if not name or not re.fullmatch(r"[가-힣]{2,8}", name):
                continue
            party = self._first(name, region, context, suffix_hint)
            if party and all(p.code != party.code for p in out):
                out.append(party)
                if not region and not name.endswith(("시", "군", "구", "도")):
                    stems.append(party)
        if len(out) < 2:
            out = [p for p in out if p not in stems]
        return out

    def _first(self, name, region, context, suffix_hint) -> Party | None:
        suffixes = [""] + ([suffix_hint] if suffix_hint else []) + ["시", "군", "구"]
        for suf in dict.fromkeys(suffixes):
            if suf and name.endswith(("시", "군", "구", "도")) and suf != "":
                continue
            cand = name + suf
            for mention in ([f"{region} {cand}"] if region else []) + [cand]:
                agency = self.find(mention, context)
                if agency is not None:
                    return Party(mention=mention, code=agency.code)
        return None


def _as_date(on):
    if on is None or isinstance(on, date):
        return on
    try:
        return date.fromisoformat(str(on)[:10])
    except ValueError:
        return None


def official_name(gazetteer, code: str | None, on: str | None) -> str | None:
    """Official full name of an agency code on a date (for tests and reports)."""
    if code is None:
        return None
    try:
        return gazetteer.name_at(code, _as_date(on))
    except (KeyError, AgencyError):
        return None
