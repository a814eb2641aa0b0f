"""Real HWPX and PDF files of the bundled documents, made by real tools.

HWPX: python-hwpx writes the document model of a text (headings as outline
paragraphs `개요 n`, `**bold**` lines as bold runs, tables as real tables).
A line's indentation (leading spaces) becomes a left margin of 5 pt a space.
PDF: the same blocks as HTML (headings as bold larger paragraphs, tables with
borders and a repeated title row, rows kept whole, the widest table on a
landscape page, a running header and a `- n -` footer) printed by LibreOffice
(`soffice --headless`, HTML -> ODT -> PDF, see pdfs_of). Files are cached under a
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

from loaders.casebook.norm import nfc
from loaders.document import layout
from loaders.document import model as _model
from loaders.document.model import _MARKER_SET, _NEGATIVE_CIRCLED, CIRCLED, clean_cell, make_line

_MODEL_FILE = _model.__file__
CACHE = Path(os.environ.get("LGKG_FORMATS_CACHE", Path(tempfile.gettempdir()) / "lgkg-formats"))


def _lines(text: str):
    """(kind, payload) of the text's lines and tables, as the layout reads them
    (nothing joined or dropped): ("h", (level, text)), ("p", (text, bold, indent)),
    ("t", rows). A running header the text kept from an earlier PDF conversion
    (its first line, repeated beside the `- n -` page numbers the layout already
    drops) is page furniture, not a paragraph, and is left out as well."""
    from loaders.casebook.entry_table import running_lines

    furniture = running_lines(text.split("\n"))
    for rb in layout.split(text):
        if isinstance(rb, layout.RawTable):
            yield "t", [[clean_cell(c) for c in r] for r in rb.rows]
            continue
        b = make_line(rb.no, rb.raw)
        if b.text and not (furniture and nfc(rb.raw) in furniture):
            # the list marker as written (`ㅇ`, `❍`, `❶`), not the one the model reads it as
            lead = rb.raw.strip().lstrip("#").strip().lstrip("*").strip()[:1]
            if b.marker and b.marker not in CIRCLED:
                s = f"{lead if lead in _MARKER_SET else b.marker} {b.text}"
            elif lead in _NEGATIVE_CIRCLED and b.text.startswith(f"{_NEGATIVE_CIRCLED.index(lead) + 1}. "):
                s = f"{lead} {b.text.split('. ', 1)[1]}"
            else:
                s = b.text
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


# Headings as an HWP document prints them: bold, larger paragraphs (no h1-h6, no
# PDF tags or outline); the first row of a table is its title row, repeated at
# the top of each page the table goes on to (HWP's "제목 줄 자동 반복").
HEADING_PT = {1: 20, 2: 17, 3: 15, 4: 13, 5: 12, 6: 11}
CSS = """body { font-family: 'NanumGothic'; font-size: 10pt; }
p { margin: 0 0 4pt 0; } p.h { font-weight: bold; margin: 8pt 0 4pt 0; }
td { font-size: 9pt; vertical-align: top; }
table { border-collapse: collapse; margin: 4pt 0 8pt 0; } tr { page-break-inside: avoid; }"""


def running_header(text_path: Path) -> str:
    """What a report's running header says: its bureau and title, as the text's
    loader reads them (`행정관리국 2024년 주요업무 보고`)."""
    from loaders import load_records

    info = load_records(text_path)[0]
    return " ".join(x for x in (info.bureau, info.title) if x)


def html_of(text: str, header: str = "") -> str:
    """The text as HTML with a running header (right-aligned) and a `- n -`
    page-number footer on every page, as HWP prints a report."""
    blocks = list(_lines(text))
    title = header
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><style>", CSS, "</style></head><body>",
           f"<div title='header'><p align='right' style='font-size: 8pt'>{html.escape(title)}</p></div>",
           "<div title='footer'><p align='center' style='font-size: 9pt'>- "
           "<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>"]
    for kind, x in blocks:
        if kind == "h":
            out.append(f"<p class='h' style='font-size: {HEADING_PT[min(x[0], 6)]}pt'>{html.escape(x[1])}</p>")
        elif kind == "p":
            s = html.escape(x[0])
            style = f" style='margin-left: {x[2] * 5}pt'" if x[2] else ""
            out.append(f"<p{style}><b>{s}</b></p>" if x[1] else f"<p{style}>{s}</p>")
        else:
            out.append("<table border='1' cellpadding='2'>")
            for i, r in enumerate(x):
                row = "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                out.append(f"<thead>{row}</thead><tbody>" if i == 0 and len(x) > 1 else row)
            out.append("</tbody></table>" if len(x) > 1 else "</table>")
    out.append("</body></html>")
    return "\n".join(out)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _soffice(exe: str, profile: Path, outdir: Path, target: str, files: list[Path], infilter: str | None = None):
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120 + 30 * len(files))


def pdf_of(text_path: Path) -> Path:
    return pdfs_of([text_path])[0]


def pdfs_of(text_paths: list[Path]) -> list[Path]:
    """PDFs of several texts, the missing ones made together: LibreOffice reads
    the HTML as a Writer document (StarWriter filter: the Writer/Web one drops
    the first paragraph onto a blank page) and saves it as ODT, then prints
    the ODTs to PDF (printed straight from HTML, only the first page carries
    the header and footer). Two soffice calls for any number of files."""
    outs = [_key(p, "pdf").with_suffix(".pdf") for p in text_paths]
    todo = [(p, o) for p, o in zip(text_paths, outs) if not o.exists()]
    if not todo:
        return outs
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        htmls = []
        for i, (p, _) in enumerate(todo):
            src = t / f"d{i}.html"
            src.write_text(html_of(p.read_text(encoding="utf-8"), running_header(p)), encoding="utf-8")
            htmls.append(src)
        _soffice(exe, t / "profile", t, "odt", htmls, infilter="HTML (StarWriter)")
        for h, (p, _) in zip(htmls, todo):
            _as_hwp_prints(h.with_suffix(".odt"), wide_table(p.read_text(encoding="utf-8")))
        _soffice(exe, t / "profile", t, "pdf:writer_pdf_Export", [h.with_suffix(".odt") for h in htmls])
        for h, (_, o) in zip(htmls, todo):
            shutil.move(str(h.with_suffix(".pdf")), o)
    return outs


_ROW_STYLE = ('<style:style style:name="lgkgRow" style:family="table-row">'
              '<style:table-row-properties fo:keep-together="always"/></style:style>')


def wide_table(text: str) -> int | None:
    """Index (among the text's tables) of the table printed on a landscape page:
    the first of the widest, if it has 8 columns or more (a grade-by-division
    staffing table, a funding matrix), as HWP authors turn a page for it."""
    widths = [max(len(r) for r in x) for kind, x in _lines(text) if kind == "t"]
    if not widths or max(widths) < 8:
        return None
    return widths.index(max(widths))


def _as_hwp_prints(odt: Path, landscape: int | None = None) -> None:
    """Table rows kept whole at a page break, as HWP prints a table by default
    (쪽 경계에서 셀 단위로 나눔: the table goes on, a row is not cut in two);
    LibreOffice's HTML import lets a row break across pages. The `landscape`-th
    table (if any) goes on a landscape page of its own, with the same header
    and footer; the text after it goes back to portrait."""
    import re
    import zipfile

    with zipfile.ZipFile(odt) as z:
        parts = {i.filename: (i, z.read(i.filename)) for i in z.infolist()}
    content = parts["content.xml"][1].decode("utf-8")
    content = content.replace("<table:table-row>", '<table:table-row table:style-name="lgkgRow">')
    extra = _ROW_STYLE
    if landscape is not None:
        styles = parts["styles.xml"][1].decode("utf-8")
        master = re.search(r'<style:master-page style:name="HTML" style:page-layout-name="([^"]+)">.*?</style:master-page>',
                           styles)
        layout = re.search(r'<style:page-layout style:name="' + re.escape(master.group(1)) + r'">.*?</style:page-layout>',
                           styles)
        land = layout.group(0).replace(f'style:name="{master.group(1)}"', 'style:name="lgkgLand"', 1)
        w = re.search(r'fo:page-width="([^"]+)"', land).group(1)
        h = re.search(r'fo:page-height="([^"]+)"', land).group(1)
        land = land.replace(f'fo:page-width="{w}"', f'fo:page-width="{h}"', 1).replace(
            f'fo:page-height="{h}"', f'fo:page-height="{w}"', 1).replace(
            'style:print-orientation="portrait"', 'style:print-orientation="landscape"')
        page = master.group(0).replace('style:name="HTML"', 'style:name="lgkgLandscape"', 1).replace(
            f'style:page-layout-name="{master.group(1)}"', 'style:page-layout-name="lgkgLand"', 1)
        styles = styles.replace(layout.group(0), layout.group(0) + land, 1)
        styles = styles.replace("</office:master-styles>", page + "</office:master-styles>", 1)
        parts["styles.xml"] = (parts["styles.xml"][0], styles.encode("utf-8"))
        tables = list(re.finditer(r'<table:table table:name="[^"]*" table:style-name="([^"]+)"', content))
        if landscape < len(tables):
            name = tables[landscape].group(1)
            content = content.replace(f'<style:style style:name="{name}" style:family="table"',
                                      f'<style:style style:name="{name}" style:family="table" '
                                      'style:master-page-name="lgkgLandscape"', 1)
            end = content.index("</table:table>", tables[landscape].end())
            after = re.compile(r'<text:([ph]) text:style-name="([^"]+)"').search(content, end)
            if after:
                own = re.search(r'<style:style style:name="' + re.escape(after.group(2))
                                + r'" style:family="paragraph"([^>]*?)(/?)>(.*?)(?:</style:style>|(?<=/>))', content)
                if own:  # an automatic style: copied, with the page style
                    back = (f'<style:style style:name="lgkgPortrait" style:family="paragraph"{own.group(1)} '
                            f'style:master-page-name="HTML"' + ("/>" if own.group(2) else f">{own.group(3)}</style:style>"))
                else:
                    back = (f'<style:style style:name="lgkgPortrait" style:family="paragraph" '
                            f'style:parent-style-name="{after.group(2)}" style:master-page-name="HTML"/>')
                extra += back
                content = content[:after.start()] + f'<text:{after.group(1)} text:style-name="lgkgPortrait"' \
                    + content[after.end():]
    content = content.replace("</office:automatic-styles>", extra + "</office:automatic-styles>", 1)
    parts["content.xml"] = (parts["content.xml"][0], content.encode("utf-8"))
    with zipfile.ZipFile(odt, "w") as z:
        for name, (i, data) in parts.items():  # mimetype first and stored, as it was
            z.writestr(i, data, compress_type=i.compress_type)


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
