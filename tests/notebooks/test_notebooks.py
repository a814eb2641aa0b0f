"""Every notebook runs top to bottom on a freshly built store and draws at least
one picture. The kernel is the interpreter running the tests (a kernelspec made
on the fly), the store is passed through LGKG_STORE."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import nbformat  # noqa: E402  (dev extra)
import nbclient  # noqa: E402

from kg import paths  # noqa: E402

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
KERNEL = "lgkg-tests"


def test_notebooks_are_found_and_numbered():
    assert len(NOTEBOOKS) >= 4
    prefixes = [p.name[:2] for p in NOTEBOOKS]
    assert prefixes == sorted(prefixes) and len(set(prefixes)) == len(prefixes)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_imports_only_kg(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            s = line.strip()
            if s.startswith(("import ", "from ")):
                assert s.split()[1].split(".")[0] == "kg", f"{path.name}: {s}"
            assert not s.startswith(("def ", "class ")), f"{path.name}: define helpers in kg/, not in cells"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    from kg.build import build

    target = tmp_path_factory.mktemp("nbstore") / "store"
    report = build(target)
    assert not report.failed, [str(d.error) for d in report.failed]
    return target


@pytest.fixture(scope="session")
def kernel_env(tmp_path_factory, built_store):
    """A kernelspec for this interpreter, and the environment the kernel gets."""
    jdir = tmp_path_factory.mktemp("jupyter")
    spec = jdir / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "lgkg tests", "language": "python",
    }))
    mpl = tmp_path_factory.mktemp("mplconfig")
    return {"JUPYTER_PATH": str(jdir), "LGKG_STORE": str(built_store), "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "MPLCONFIGDIR": os.environ.get("MPLCONFIGDIR", str(mpl))}


def execute(path: Path, env: dict, monkeypatch):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=600,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_draws(path, kernel_env, monkeypatch, tmp_path):
    nb = execute(path, kernel_env, monkeypatch)  # raises CellExecutionError on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert pngs, f"{path.name} drew no picture"
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "missing from" not in stderr, f"{path.name}: glyphs missing (no Korean font?)\n{stderr}"
    out_dir = os.environ.get("LGKG_FIGURES")  # set it to keep the pictures for a look
    if out_dir:
        import base64

        Path(out_dir).mkdir(parents=True, exist_ok=True)
        for i, o in enumerate(pngs):
            (Path(out_dir) / f"{path.stem}-{i}.png").write_bytes(base64.b64decode(o["data"]["image/png"]))
