"""One direction of dependency (../shared/architecture.md): `loaders` reads documents
into records and never imports `kg`; `kg` maps records to RDF and answers questions.
No import cycles, counting imports inside functions (a cycle hidden in a function
is still a cycle)."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("kg", "loaders")


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Project modules `name` imports, at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                base = ".".join(up[: len(up) - node.level + 1] + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in MODULES:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


GRAPH = nx.DiGraph()
for _name, _path in MODULES.items():
    GRAPH.add_node(_name)
    GRAPH.add_edges_from((_name, t) for t in _imports(_name, _path))


def _is_package_parent(a: str, b: str) -> bool:
    # importing `kg.cli.common` runs `kg/cli/__init__.py` and `kg/__init__.py` first:
    # an edge from a package to its own submodule is that, not a design dependency
    return b.startswith(a + ".")


def test_loaders_never_import_kg():
    upward = sorted((a, b) for a, b in GRAPH.edges if a.split(".")[0] == "loaders" and b.split(".")[0] == "kg")
    assert not upward, upward


def test_no_import_cycles():
    G = nx.DiGraph((a, b) for a, b in GRAPH.edges if not _is_package_parent(a, b) and not _is_package_parent(b, a))
    cycles = [sorted(c) for c in nx.strongly_connected_components(G) if len(c) > 1]
    assert not cycles, cycles


def test_the_walk_sees_imports_inside_functions():
    # kg.build imports the mapping inside a function: the walk must see it
    assert ("kg.build", "kg.mapping") in GRAPH.edges
    assert len(MODULES) > 40


def test_the_store_knows_no_ontology_term():
    """kg/store.py stores quads; which links own which nodes is the caller's vocabulary
    (issue 19): no ontology IRI and no import of the generated namespaces there."""
    text = (ROOT / "kg" / "store.py").read_text(encoding="utf-8")
    assert "w3id.org/lgkg/ontology" not in text
    tree = ast.parse(text)
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names} | {
        n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not {"kg.namespaces", "kg.mapping", "kg.iris"} & imported, imported


def test_every_command_module_is_added_explicitly():
    """Typer's one file per command: each `kg/cli/*_cmd.py` has a module-level Typer app, and
    `kg/cli/main.py` adds every one of them by name (no discovery), each command once."""
    import typer

    from kg.cli import main

    modules = sorted(p.stem for p in (ROOT / "kg" / "cli").glob("*_cmd.py"))
    added = [g.typer_instance for g in main.app.registered_groups]
    for name in modules:
        mod = importlib.import_module(f"kg.cli.{name}")
        assert isinstance(mod.app, typer.Typer), name
        assert mod.app in added, f"kg/cli/{name}.py is not added in kg/cli/main.py"
        assert not hasattr(mod, "register"), name
    names = [c.name or c.callback.__name__ for g in added for c in g.registered_commands]
    assert len(names) == len(set(names)) and {"build", "ingest", "query", "serve", "measures"} <= set(names)


def test_one_way_to_open_the_store_for_reading():
    """Readers open the store through kg.store.open_for_reading (one default, one lock policy)."""
    others = [str(p.relative_to(ROOT)) for p in (ROOT / "kg").rglob("*.py")
              if p.name != "store.py" and "read_only=True" in p.read_text(encoding="utf-8")]
    assert not others, f"open the store with kg.store.open_for_reading instead: {others}"


def test_only_the_build_joins_loaders_mapping_and_store():
    """kg/build.py is the one module that imports the loaders, the mapping and the store
    together; the mapping turns records into lines and never touches the store."""
    def joins(n: str) -> bool:
        succ = set(GRAPH.successors(n))
        return any(s.split(".")[0] == "loaders" for s in succ) and {"kg.mapping", "kg.store"} <= succ

    assert [n for n in GRAPH.nodes if joins(n)] == ["kg.build"]
    assert "kg.store" not in set(GRAPH.successors("kg.mapping"))
