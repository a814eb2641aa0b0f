"""`kg docs`: HTML documentation of the ontology and its SKOS schemes, in Korean
and English, generated offline with rdflib (one page, one section per term).

Reads ontology/lgkg.ttl and ontology/vocab/*.ttl; the output depends only on
those files (terms sorted by local name), so it is byte-stable.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS as DCT, OWL, RDF, RDFS, SKOS

from kg import paths
from kg.namespaces import PREFIXES

ONTOLOGY_IRI = URIRef("https://w3id.org/lgkg/ontology")
LGKG = PREFIXES["lgkg"]
_KINDS = (
    ("classes", "클래스", "Classes", OWL.Class),
    ("object-properties", "객체 속성", "Object properties", OWL.ObjectProperty),
    ("datatype-properties", "데이터 속성", "Datatype properties", OWL.DatatypeProperty),
)
_CSS = """body{font-family:'NanumGothic','Noto Sans KR',sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5}
section.term{border-top:1px solid #ccc;padding:.5em 0}h3 code{font-size:1em}dl{display:grid;grid-template-columns:10em 1fr;gap:.2em 1em}
dt{font-weight:bold;color:#555}dd{margin:0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em}"""


def load_graphs() -> tuple[Graph, Graph]:
    onto = Graph().parse(paths.ONTOLOGY, format="turtle")
    vocab = Graph()
    for f in sorted(paths.VOCAB_DIR.glob("*.ttl")):
        vocab.parse(f, format="turtle")
    return onto, vocab


def curie(term) -> str:
    s = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(ns) and s != ns:
            return f"{prefix}:{s[len(ns):]}"
    return s


def _text(g: Graph, s, p, lang: str) -> str:
    vals = sorted(str(o) for o in g.objects(s, p) if getattr(o, "language", None) == lang)
    return vals[0] if vals else ""


def _link(term) -> str:
    c = curie(term)
    if c.startswith("lgkg:"):
        return f'<a href="#{escape(c[5:])}"><code>{escape(c)}</code></a>'
    return f"<code>{escape(c)}</code>"


def _class_expr(g: Graph, node) -> str:
    """A class or an owl:unionOf list, as links."""
    union = g.value(node, OWL.unionOf)
    if union is not None:
        return " ∪ ".join(_link(m) for m in Collection(g, union))
    return _link(node)


def _row(label: str, html: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{html}</dd>" if html else ""


def _term_section(g: Graph, term: URIRef) -> str:
    local = str(term)[len(LGKG):]
    rows = [
        _row("한국어 / Korean", escape(_text(g, term, RDFS.label, "ko"))),
        _row("English", escape(_text(g, term, RDFS.label, "en"))),
        _row("정의", escape(_text(g, term, SKOS.definition, "ko"))),
        _row("Definition", escape(_text(g, term, SKOS.definition, "en"))),
        _row("상위 클래스 / Superclasses", ", ".join(_class_expr(g, o) for o in sorted(g.objects(term, RDFS.subClassOf)))),
        _row("상위 속성 / Superproperties", ", ".join(_link(o) for o in sorted(g.objects(term, RDFS.subPropertyOf)))),
        _row("정의역 / Domain", ", ".join(_class_expr(g, o) for o in sorted(g.objects(term, RDFS.domain)))),
        _row("치역 / Range", ", ".join(_class_expr(g, o) for o in sorted(g.objects(term, RDFS.range)))),
        _row("유형 / Types", ", ".join(_link(o) for o in sorted(g.objects(term, RDF.type)))),
    ]
    return (f'<section class="term" id="{escape(local)}"><h3><code>lgkg:{escape(local)}</code></h3>'
            f"<dl>{''.join(rows)}</dl></section>")


def _terms(g: Graph, kind) -> list[URIRef]:
    return sorted(t for t in g.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(LGKG))


def _scheme_section(v: Graph, scheme: URIRef) -> str:
    concepts = sorted(c for c in v.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))
    rows = "".join(
        f"<tr><td><code>{escape(curie(c))}</code></td><td>{escape(_text(v, c, SKOS.prefLabel, 'ko'))}</td>"
        f"<td>{escape(_text(v, c, SKOS.prefLabel, 'en'))}</td></tr>" for c in concepts
    )
    title_ko = _text(v, scheme, SKOS.prefLabel, "ko") or _text(v, scheme, DCT.title, "ko")
    title_en = _text(v, scheme, SKOS.prefLabel, "en") or _text(v, scheme, DCT.title, "en")
    name = str(scheme).rstrip("/").rsplit("/", 1)[-1]
    return (f'<section class="scheme" id="scheme-{escape(name)}"><h3><code>{escape(curie(scheme))}</code> '
            f"{escape(title_ko)} / {escape(title_en)}</h3><p>{len(concepts)} concepts</p>"
            f"<table><tr><th>concept</th><th>ko</th><th>en</th></tr>{rows}</table></section>")


def _schemes(v: Graph) -> list[URIRef]:
    found = set(v.subjects(RDF.type, SKOS.ConceptScheme)) | set(v.objects(None, SKOS.inScheme))
    return sorted(s for s in found if isinstance(s, URIRef))


def render(onto: Graph, vocab: Graph) -> str:
    title_ko = _text(onto, ONTOLOGY_IRI, DCT.title, "ko")
    title_en = _text(onto, ONTOLOGY_IRI, DCT.title, "en")
    parts = [
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">',
        f"<title>{escape(title_ko)} / {escape(title_en)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title_ko)}<br><small>{escape(title_en)}</small></h1>",
        f"<p>{escape(_text(onto, ONTOLOGY_IRI, DCT.description, 'ko'))}</p>",
        f"<p>{escape(_text(onto, ONTOLOGY_IRI, DCT.description, 'en'))}</p>",
        f"<p>IRI: <code>{ONTOLOGY_IRI}</code>; namespace <code>{LGKG}</code></p><nav><ul>",
    ]
    parts += [f'<li><a href="#{k}">{ko} / {en}</a></li>' for k, ko, en, _ in _KINDS]
    parts.append('<li><a href="#schemes">SKOS 개념체계 / SKOS schemes</a></li></ul></nav>')
    for key, ko, en, kind in _KINDS:
        parts.append(f'<h2 id="{key}">{ko} / {en}</h2>')
        parts += [_term_section(onto, t) for t in _terms(onto, kind)]
    parts.append('<h2 id="schemes">SKOS 개념체계 / SKOS schemes</h2>')
    parts += [_scheme_section(vocab, s) for s in _schemes(vocab)]
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_docs(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(render(*load_graphs()), encoding="utf-8")
    return target
