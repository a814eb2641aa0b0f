"""`kg catalog`: a DCAT-AP 3 catalogue that passes the DCAT-AP 3.0.1 shapes
(zero violations) and is deterministic."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS as DCT, RDF, SH, VOID
from typer.testing import CliRunner

from kg.catalog import catalog_graph, catalog_turtle
from kg.cli.main import app

# The shapes are read from ../shared (its README: use them in tests, do not copy them).
SHAPES = Path(__file__).resolve().parents[3] / "shared" / "vocab" / "dcat-ap-3.0.1"
needs_shapes = pytest.mark.skipif(
    not SHAPES.is_dir(), reason=f"DCAT-AP 3.0.1 shapes not found at {SHAPES} (../shared/vocab beside the clone)"
)
MANDATORY = ("shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl")
RECOMMENDED = ("shapes_recommended.ttl",)


def top_level_results(report: Graph):
    """Validation results that are not details of another result (sh:detail)."""
    details = set(report.objects(None, SH.detail))
    return [r for r in report.subjects(RDF.type, SH.ValidationResult) if r not in details]


def validate(data: Graph, files) -> list[tuple[str, str, str, str]]:
    from pyshacl import validate as shacl

    shapes = Graph()
    for f in files:
        shapes.parse(SHAPES / f)
    _, report, _ = shacl(data, shacl_graph=shapes, allow_warnings=True)
    return sorted(
        (str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[1], str(report.value(r, SH.focusNode)),
         str(report.value(r, SH.resultPath)), str(report.value(r, SH.resultMessage)))
        for r in top_level_results(report)
    )


@pytest.fixture(scope="module")
def catalog(kg_store) -> Graph:
    return Graph().parse(data=catalog_turtle(kg_store), format="turtle")


@needs_shapes
def test_mandatory_shapes_zero_violations(catalog):
    results = validate(catalog, MANDATORY)
    violations = [r for r in results if r[0] == "Violation"]
    assert not violations, "\n".join(map(str, violations))
    for r in results:
        print("mandatory-file warning:", *r)


@needs_shapes
def test_recommended_shapes_warnings_are_counted(catalog):
    results = validate(catalog, RECOMMENDED)
    print(f"\nDCAT-AP recommended shapes: {len(results)} warnings")
    for r in results:
        print("  ", *r)
    assert all(r[0] != "Violation" for r in results)
    assert len(results) <= 3, "new recommended-property warnings: see the printed list"


def test_content(catalog, kg_store):
    ds = next(catalog.subjects(RDF.type, DCAT.Dataset))
    assert (None, RDF.type, DCAT.Catalog) in catalog and (None, RDF.type, DCAT.DataService) in catalog
    langs = {o.language for o in catalog.objects(ds, DCT.title)}
    assert langs == {"ko", "en"}
    assert set(catalog.objects(ds, DCT.language)) == {
        URIRef("http://publications.europa.eu/resource/authority/language/KOR"),
        URIRef("http://publications.europa.eu/resource/authority/language/ENG"),
    }
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE") in set(catalog.objects(ds, DCAT.theme))
    distinct = len({(q.subject, q.predicate, q.object) for q in kg_store.ox})
    assert catalog.value(ds, VOID.triples) == Literal(distinct)
    assert len(list(catalog.objects(ds, VOID.classPartition))) == int(catalog.value(ds, VOID.classes))
    period = catalog.value(ds, DCT.temporal)
    assert catalog.value(period, DCAT.startDate) <= catalog.value(period, DCAT.endDate)


def test_deterministic_and_no_blank_nodes(kg_store):
    a, b = catalog_turtle(kg_store), catalog_turtle(kg_store)
    assert a == b and b"_:" not in a
    from kg import iris

    assert all(str(s).startswith((iris.BASE, "http")) for s in catalog_graph(kg_store).subjects())


def test_cli(kg_store_dir, tmp_path, kg_store):
    out = tmp_path / "catalog.ttl"
    res = CliRunner().invoke(app, ["catalog", "--store", str(kg_store_dir), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == catalog_turtle(kg_store)
