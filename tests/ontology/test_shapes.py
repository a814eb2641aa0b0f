"""SHACL shapes against the example files in ontology/examples/{valid,invalid}/.

Validation runs as the project validates data: the ontology and the SKOS schemes as
ont_graph, inference="rdfs" (so a BasicGovernment is also checked as an Agency).
An invalid example breaks exactly one thing: all its results share one focus node,
one path and one source shape.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SH

ROOT = Path(__file__).resolve().parents[2]
ONT = ROOT / "ontology"
VALID = sorted((ONT / "examples" / "valid").glob("*.ttl"))
INVALID = sorted((ONT / "examples" / "invalid").glob("*.ttl"))
MIN_EXAMPLES = 14
MAIN_CLASSES = [
    "Agency", "OrganizationalUnit", "StaffingRecord", "Program", "BudgetLine", "Outcome",
    "Agreement", "SisterCityRelation", "DiscountOffer", "AwardConferral", "InnovationCase",
    "CasebookEntry", "Adoption", "SourceDocument", "ExtractionCheck", "GrantSelection",
]


@pytest.fixture(scope="module")
def ont_graph() -> Graph:
    g = Graph().parse(ONT / "lgkg.ttl")
    for f in sorted((ONT / "vocab").glob("*.ttl")):
        g.parse(f)
    return g


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONT / "shapes.ttl")


def run(path: Path, shapes: Graph, ont_graph: Graph):
    data = Graph().parse(path)
    conforms, report, text = validate(
        data, shacl_graph=shapes, ont_graph=ont_graph, inference="rdfs", advanced=True)
    top = report.value(predicate=RDF.type, object=SH.ValidationReport)
    results = list(report.objects(top, SH.result))  # nested sh:detail results are not counted
    return conforms, report, results, text


def test_enough_examples():
    assert len(VALID) >= MIN_EXAMPLES, len(VALID)
    assert len(INVALID) >= MIN_EXAMPLES, len(INVALID)


@pytest.mark.parametrize("cls", MAIN_CLASSES)
def test_each_main_class_has_valid_and_invalid_example(cls):
    assert any(p.name.startswith(f"{cls}-") for p in VALID), f"no valid {cls} example"
    assert any(p.name.startswith(f"{cls}-") for p in INVALID), f"no invalid {cls} example"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(path, shapes, ont_graph):
    conforms, _report, _results, text = run(path, shapes, ont_graph)
    assert conforms, text


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_violates_exactly_one_thing(path, shapes, ont_graph):
    conforms, report, results, text = run(path, shapes, ont_graph)
    assert not conforms, f"{path.name} should not conform"
    things = {(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.sourceShape))
              for r in results}
    assert len(things) == 1, text
    messages = {m.language for r in results for m in report.objects(r, SH.resultMessage)}
    assert {"ko", "en"} <= messages, text


def _has_ko_en_message(g: Graph, node) -> bool:
    return {"ko", "en"} <= {m.language for m in g.objects(node, SH.message)}


def test_every_node_shape_has_messages(shapes):
    missing = [s for s in shapes.subjects(RDF.type, SH.NodeShape) if not _has_ko_en_message(shapes, s)]
    assert not missing, missing


def test_every_property_shape_has_messages(shapes):
    props = set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    assert props
    missing = [p for p in props if not _has_ko_en_message(shapes, p)]
    assert not missing, missing


def test_every_lgkg_class_has_a_node_shape(shapes):
    ont = Graph().parse(ONT / "lgkg.ttl")
    classes = {c for c in ont.subjects(RDF.type, OWL.Class)
               if isinstance(c, URIRef) and str(c).startswith("https://w3id.org/lgkg/ontology#")}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
