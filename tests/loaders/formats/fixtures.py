"""Real HWPX and PDF files of the bundled documents, made by real tools.

HWPX: python-hwpx writes the document model of a text (headings as outline
paragraphs `개요 n`, `**bold**` lines as bold runs, tables as real tables).
A line's indentation (leading spaces) becomes a left margin of 5 pt a space.
PDF: the same blocks as HTML (headings h1-h6, tables with borders) printed by
LibreOffice (`soffice --headless --convert-to pdf`). Files are cached under a
temporary directory keyed by the text's hash, so a test session makes each once.
"""
from __future__ import annotations

import hashlib
import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.document import layout
from loaders.document import model as _model
from loaders.document.model import CIRCLED, clean_cell, make_line

_MODEL_FILE = _model.__file__
CACHE = Path(os.environ.get("LGKG_FORMATS_CACHE", Path(tempfile.gettempdir()) / "lgkg-formats"))


def _lines(text: str):
    """(kind, payload) of the text's lines and tables, as the layout reads them
    (nothing joined or dropped): ("h", (level, text)), ("p", (text, bold, indent)),
    ("t", rows)."""
    for rb in layout.split(text):
        if isinstance(rb, layout.RawTable):
            yield "t", [[clean_cell(c) for c in r] for r in rb.rows]
            continue
        b = make_line(rb.no, rb.raw)
        if b.text:
            s = b.text if not b.marker or b.marker in CIRCLED else f"{b.marker} {b.text}"
            if b.heading:
                yield "h", (b.heading, s)
            else:
                yield "p", (s, b.bold, b.indent)


def _key(text_path: Path, kind: str) -> Path:
    # the text, the format, and the code that decides what a line and a table are (the fixture's own
    # source and the layout's): a change to either makes new files instead of reusing stale ones
    code = Path(__file__).read_bytes() + Path(layout.__file__).read_bytes() + Path(_MODEL_FILE).read_bytes()
    h = hashlib.sha256(text_path.read_bytes() + kind.encode() + code).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE / f"{text_path.stem}-{h}.x"  # .x: with_suffix() puts the format there


def hwpx_of(text_path: Path) -> Path:
    out = _key(text_path, "hwpx").with_suffix(".hwpx")
    if out.exists():
        return out
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    for kind, x in _lines(text_path.read_text(encoding="utf-8")):
        if kind == "h":
            doc.add_heading(x[1], level=min(x[0], 10))
        elif kind == "p":
            p = doc.add_paragraph(x[0], style="바탕글")
            if x[1]:
                for run in p.runs:
                    run.bold = True
            if x[2]:  # one text-file space = half the 10 pt body text = 5 pt
                doc.set_paragraph_format(paragraph_index=len(doc.paragraphs) - 1, indent_left_mm=x[2] * 5 * 25.4 / 72)
        else:
            rows = x
            n_cols = max(len(r) for r in rows)
            t = doc.add_table(len(rows), n_cols)
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    if c:
                        t.set_cell_text(i, j, c)
    tmp = out.with_suffix(".tmp")
    doc.save_to_path(str(tmp))
    tmp.replace(out)
    return out


CSS = """body { font-family: 'NanumGothic'; font-size: 10pt; }
h1 { font-size: 20pt; } h2 { font-size: 17pt; } h3 { font-size: 15pt; }
h4 { font-size: 13pt; } h5 { font-size: 12pt; } h6 { font-size: 11pt; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; font-style: normal; margin: 8pt 0 4pt 0; }
p { margin: 0 0 4pt 0; } td { font-size: 9pt; vertical-align: top; }
table { border-collapse: collapse; margin: 4pt 0 8pt 0; } tr { page-break-inside: avoid; }"""


def html_of(text: str) -> str:
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><style>", CSS, "</style></head><body>"]
    for kind, x in _lines(text):
        if kind == "h":
            n = min(x[0], 6)
            out.append(f"<h{n}>{html.escape(x[1])}</h{n}>")
        elif kind == "p":
            s = html.escape(x[0])
            style = f" style='margin-left: {x[2] * 5}pt'" if x[2] else ""
            out.append(f"<p{style}><b>{s}</b></p>" if x[1] else f"<p{style}>{s}</p>")
        else:
            out.append("<table border='1' cellpadding='2'>")
            for r in x:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_of(text_path: Path) -> Path:
    out = _key(text_path, "pdf").with_suffix(".pdf")
    if out.exists():
        return out
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{text_path.stem}.html"
        src.write_text(html_of(text_path.read_text(encoding="utf-8")), encoding="utf-8")
        profile = Path(tmp) / "profile"
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf:writer_pdf_Export",
             "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=300,
        )
        shutil.move(str(Path(tmp) / f"{text_path.stem}.pdf"), out)
    return out


def hwp_of(text_path: Path) -> Path:
    """HWP 5.0: the HWPX above saved as `.hwp` by python-hwpx's HWP 5 writer."""
    out = _key(text_path, "hwp").with_suffix(".hwp")
    if out.exists():
        return out
    from hwpx import HwpxDocument

    doc = HwpxDocument.open(str(hwpx_of(text_path)))
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(doc.to_bytes(format="hwp"))
    tmp.replace(out)
    return out
