"""The gazetteer as RDF: every local government (and 행정시) with its code,
names over time, type, region and English name."""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal

from kg import iris
from kg.gazetteer import Gazetteer
from kg.namespaces import LGKG, RDF, RDFS, SKOS, XSD

_CLASS = {
    "metropolitan": LGKG.MetropolitanGovernment,
    "basic": LGKG.BasicGovernment,
    "administrative": LGKG.AdministrativeDistrict,
}
_GOV_TYPE = {
    "특별시": "special-city", "광역시": "metropolitan-city", "도": "province",
    "특별자치도": "special-self-governing-province", "특별자치시": "special-self-governing-city",
    "시": "city", "군": "county", "자치구": "autonomous-district", "행정시": "administrative-city",
}


def gazetteer_triples(gz: Gazetteer | None = None) -> Iterator[tuple]:
    gz = gz or Gazetteer.load()
    for a in gz:
        s = iris.agency(a.code)
        yield s, RDF.type, _CLASS[a.kind]
        yield s, LGKG.officialCode, Literal(a.code)
        for old in a.former_codes:
            yield s, LGKG.formerCode, Literal(old)
        yield s, SKOS.prefLabel, Literal(a.name, lang="ko")
        yield s, RDFS.label, Literal(a.name, lang="ko")
        if a.name_en:
            yield s, SKOS.prefLabel, Literal(a.name_en, lang="en")
            yield s, RDFS.label, Literal(a.name_en, lang="en")
        if a.short_name and a.short_name != a.name:
            yield s, LGKG.shortName, Literal(a.short_name, lang="ko")
            yield s, SKOS.altLabel, Literal(a.short_name, lang="ko")
        if a.gov_type in _GOV_TYPE:
            yield s, LGKG.govType, iris.concept("gov-types", _GOV_TYPE[a.gov_type])
        if a.region_code:
            yield s, LGKG.region, iris.agency(a.region_code)
        if a.valid_from:
            yield s, LGKG.validFrom, Literal(a.valid_from.isoformat(), datatype=XSD.date)
        if a.valid_until:
            yield s, LGKG.validUntil, Literal(a.valid_until.isoformat(), datatype=XSD.date)
        names = gz.names(a.code)
        for n, (name, start, end) in enumerate(names):
            # the first name also designates the agency in documents older than it, and
            # the last one in documents written after it was abolished or renamed away
            start = start if n > 0 else None
            end = end if n < len(names) - 1 else None
            node = iris.agency_name(a.code, n)
            yield s, LGKG.hasName, node
            yield node, RDF.type, LGKG.AgencyName
            yield node, LGKG.name, Literal(name, lang="ko")
            if name != a.name:
                yield s, SKOS.altLabel, Literal(name, lang="ko")
            if start:
                yield node, LGKG.validFrom, Literal(start.isoformat(), datatype=XSD.date)
            if end:
                yield node, LGKG.validUntil, Literal(end.isoformat(), datatype=XSD.date)
