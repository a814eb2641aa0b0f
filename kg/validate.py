"""SHACL validation of the store (pySHACL, RDFS inference over the ontology)."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal
from rdflib.namespace import SH

from kg import iris, paths


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    messages: list[str] = field(default_factory=list)

    def summary(self, limit: int = 20) -> str:
        if self.conforms:
            return "conforms: the data satisfy every shape in ontology/shapes.ttl"
        lines = [f"does not conform: {self.violations} violation(s)"]
        lines += [f"  - {m}" for m in self.messages[:limit]]
        if len(self.messages) > limit:
            lines.append(f"  ... {len(self.messages) - limit} more")
        return "\n".join(lines)


def data_graph(store) -> Graph:
    """Everything but the ontology graph, as one rdflib graph."""
    onto = str(iris.ONTOLOGY_GRAPH)
    lines = sorted({
        f"{q.subject} {q.predicate} {q.object} ."
        for q in store.ox if q.graph_name.value != onto
    })
    g = Graph()
    g.parse(data="\n".join(lines), format="nt")
    return g


def validate_graph(data: Graph) -> ValidationResult:
    import pyshacl

    shapes = Graph().parse(paths.SHAPES, format="turtle")
    ont = Graph().parse(paths.ONTOLOGY, format="turtle")
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ont, inference="rdfs", advanced=True, allow_warnings=True,
    )
    messages = []
    for res in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(res, SH.focusNode)
        path = report.value(res, SH.resultPath)
        msgs = [m for m in report.objects(res, SH.resultMessage) if isinstance(m, Literal)]
        en = next((m for m in msgs if m.language == "en"), msgs[0] if msgs else "")
        messages.append(f"{focus} {path or ''}: {en}")
    messages.sort()
    return ValidationResult(bool(conforms), len(messages), messages)


def validate_store(store) -> ValidationResult:
    return validate_graph(data_graph(store))
