"""The work reports written as HWPX (python-hwpx), HWP 5 (python-hwpx's HWP
writer) and PDF (LibreOffice, printed like an HWP report: running header, `- n -`
footer, tables going on over page breaks under their repeated title row, rows
kept whole as HWP keeps them, the widest table on a landscape page) give the records the text gives, fact type by fact
type: the three bundled reports, the hand-written reports in other conventions
(workreport/unseen, workreport/cases) and the casebooks in other conventions.
Where a format cannot carry what the text says, the floor is the measured
agreement and the note says why (KNOWN_MISSES; none at present: 000's
`디지털행정과 (4개팀)` row, which LibreOffice used to cut over a page break, stays
whole now that the fixture keeps rows together as HWP does).

Indentation, which the text uses to nest a program's details, travels as a
paragraph's left margin (HWPX) or a line's x (PDF) and comes back as spaces.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load_records, read_source
from tests.loaders.formats import fixtures
from tests.loaders.workreport.facts import FACT_TYPES, score, to_facts

SOURCES = Path(__file__).resolve().parents[3] / "data" / "sources"
DOCS = ("000_f06941a74a258fad", "001_3a47f10a3fb60216", "004_845debc1c9c51afa")
MAKERS = {"hwpx": fixtures.hwpx_of, "hwp": fixtures.hwp_of, "pdf": fixtures.pdf_of}

# (document, format) -> {fact type: facts of the text the format's records miss}
KNOWN_MISSES: dict[tuple[str, str], dict[str, int]] = {}


def _need(fmt: str) -> None:
    pytest.importorskip("hwpx")
    if fmt == "pdf":
        pytest.importorskip("pdfplumber")
        if fixtures.soffice() is None:
            pytest.skip("LibreOffice (soffice) not installed: .ci/test installs libreoffice-writer-nogui")


TESTS = Path(__file__).resolve().parents[1]
# the hand-written reports in conventions the bundled ones do not use (their texts
# give the facts of their expected.json: tests/loaders/workreport/test_unseen.py,
# test_cases.py) and the casebooks in other conventions
OTHER_REPORTS = sorted(TESTS.glob("workreport/unseen/*/input.txt")) + sorted(TESTS.glob("workreport/cases/*/input.txt"))
OTHER_CASEBOOKS = sorted(TESTS.glob("casebook/conventions/*/input.txt"))


def _name(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}"


@pytest.fixture(scope="module")
def pdfs() -> None:
    """All the PDFs this module reads, made in one batch (two soffice calls for
    all of them instead of two a file: ~15 s instead of ~60 s on 2 cores)."""
    if fixtures.soffice() is not None:
        fixtures.pdfs_of([SOURCES / f"{d}.txt" for d in DOCS] + OTHER_REPORTS + OTHER_CASEBOOKS)


@pytest.mark.parametrize("fmt", sorted(MAKERS))
@pytest.mark.parametrize("doc", DOCS)
def test_records_agree_with_text(doc: str, fmt: str, pdfs) -> None:
    _need(fmt)
    text = SOURCES / f"{doc}.txt"
    want = to_facts(load_records(text))
    got = to_facts(load_records(MAKERS[fmt](text)))
    assert got["document"] == want["document"]
    misses = KNOWN_MISSES.get((doc[:3], fmt), {})
    for kind in FACT_TYPES:
        tp, n_want, n_got = score(want[kind], got[kind])
        assert n_want - tp == misses.get(kind, 0), (kind, tp, n_want, n_got)
        assert n_got - tp <= misses.get(kind, 0), (kind, "extracted facts the text does not give", tp, n_got)


# (report, format) -> {fact type: facts of the text the format's records miss}, with the reason:
# running_header_divisions names its divisions only in the running page headers its text kept from
# a PDF conversion (`2024년 주요업무 보고   자치행정국 > 총무과`). The fixtures leave such lines out
# as page furniture (a file made by HWP holds them in the page header, outside the body, which the
# HWPX reader does not read, and pdf.py drops a header repeated on most pages), so every program
# comes back without its division; the extraction report warns about programs under no division.
OTHER_KNOWN: dict[tuple[str, str], dict[str, int]] = {
    ("running_header_divisions", fmt): {"programs": 11} for fmt in ("hwpx", "hwp", "pdf")
}


@pytest.mark.parametrize("fmt", sorted(MAKERS))
@pytest.mark.parametrize("text", OTHER_REPORTS, ids=_name)
def test_reports_in_other_conventions_agree(text: Path, fmt: str, pdfs) -> None:
    """Every fact of the text, and nothing else, from its HWPX, HWP and PDF (with a
    running header, `- n -` footers and tables going on over page breaks under
    their repeated title row); the document's title, issuer, bureau, session and dates too."""
    _need(fmt)
    want = to_facts(load_records(text))
    records = load_records(MAKERS[fmt](text))
    got = to_facts(records)
    assert got["document"] == want["document"]
    known = OTHER_KNOWN.get((text.parent.name, fmt), {})
    for kind in FACT_TYPES:
        tp, n_want, n_got = score(want[kind], got[kind])
        assert (n_want - tp, n_got) == (known.get(kind, 0), n_want), (kind, tp, n_want, n_got)
    if known:  # what is lost is said
        from loaders.records import ExtractionCheck

        assert any(isinstance(c, ExtractionCheck) and c.kind == "program-division" and c.warning for c in records)


@pytest.mark.parametrize("fmt", sorted(MAKERS))
@pytest.mark.parametrize("text", OTHER_CASEBOOKS, ids=_name)
def test_casebooks_in_other_conventions_agree(text: Path, fmt: str, pdfs) -> None:
    _need(fmt)
    want = _casebook_facts(load_records(text))
    got = _casebook_facts(load_records(MAKERS[fmt](text)))
    assert set(got) == set(want)
    for kind, exp in want.items():
        assert got[kind] == exp, (kind, sum((exp & got[kind]).values()), sum(exp.values()), sum(got[kind].values()))


def test_pdf_fixture_prints_page_furniture(pdfs) -> None:
    """The PDF fixture is what the readers are tested on: a running header and a
    `- n -` footer on every page, a table going on over a page break with its
    title row repeated; the reader keeps none of the furniture and one title row."""
    _need("pdf")
    import pdfplumber

    text = next(p for p in OTHER_REPORTS if p.parent.name == "metro_gu_html_spans")
    path = fixtures.pdf_of(text)
    header = fixtures.running_header(text)
    with pdfplumber.open(path) as pdf:
        pages = [p.extract_text().splitlines() for p in pdf.pages]
    assert len(pages) > 2
    for no, lines in enumerate(pages, 1):
        assert lines[0] == header and lines[-1] == f"- {no} -", (no, lines[0], lines[-1])
    markup = read_source(path).text.splitlines()
    assert header not in markup and not any(ln.startswith("- ") and ln.endswith(" -") for ln in markup)

    # 001's facility table goes on over a page break: its title row is printed on
    # both pages and read once, as the text has it
    text = SOURCES / "001_3a47f10a3fb60216.txt"
    with pdfplumber.open(fixtures.pdf_of(text)) as pdf:
        printed = sum(1 for pg in pdf.pages for t in pg.extract_tables() if t and t[0][0] == "시설명")
    title = [ln for ln in text.read_text(encoding="utf-8").splitlines() if ln.startswith("시설명\t")]
    assert printed >= 2 and len(title) == 1
    assert [ln for ln in read_source(fixtures.pdf_of(text)).text.splitlines() if ln.startswith("시설명\t")] == title


def test_wide_table_on_a_landscape_page(pdfs) -> None:
    """A report's widest table (8 columns or more) is printed on a landscape page
    of its own, header and footer too; the reader reads its rows and drops the
    furniture there as well."""
    _need("pdf")
    import pdfplumber

    text = next(p for p in OTHER_REPORTS if p.parent.name == "province_bureau")
    path = fixtures.pdf_of(text)
    with pdfplumber.open(path) as pdf:
        shapes = [pg.width > pg.height for pg in pdf.pages]
        land = [p.extract_text().splitlines() for p in pdf.pages if p.width > p.height]
    assert shapes.count(True) == 1 and not shapes[0] and not shapes[-1]
    assert land[0][0] == fixtures.running_header(text) and land[0][-1] == f"- {shapes.index(True) + 1} -"
    src = read_source(path)
    widest = max((ln for ln in src.text.splitlines() if "\t" in ln), key=lambda ln: ln.count("\t"))
    assert widest.count("\t") >= 7 and src.origin[src.text.splitlines().index(widest)] == shapes.index(True) + 1
    assert fixtures.running_header(text) not in src.text.splitlines()


@pytest.mark.parametrize("fmt", sorted(MAKERS))
def test_lines_keep_their_page_or_paragraph(fmt: str) -> None:
    _need(fmt)
    from kg.mapping import to_graphs
    from kg.namespaces import LGKG

    path = MAKERS[fmt](SOURCES / "004_845debc1c9c51afa.txt")
    src = read_source(path)
    assert src.origin_kind == ("page" if fmt == "pdf" else "paragraph")
    assert len(src.origin) == len(src.text.splitlines())
    own, _ = to_graphs(load_records(path))
    prop = LGKG.sourcePage if fmt == "pdf" else LGKG.sourceParagraph
    lines = {s: int(o) for s, p, o in own if p == LGKG.sourceLine}
    at = {s: int(o) for s, p, o in own if p == prop}
    assert at and set(at) <= set(lines)
    for node, where in at.items():
        assert src.origin[lines[node] - 1] == where
    if fmt == "pdf":  # a document of several pages: facts from more than the first
        assert max(at.values()) > 1
    other = LGKG.sourceParagraph if fmt == "pdf" else LGKG.sourcePage
    assert not any(p == other for _, p, _ in own)


def test_text_documents_carry_no_origin() -> None:
    from kg.mapping import to_graphs
    from kg.namespaces import LGKG

    own, _ = to_graphs(load_records(SOURCES / "004_845debc1c9c51afa.txt"))
    assert not any(p in (LGKG.sourcePage, LGKG.sourceParagraph) for _, p, _ in own)


def test_hwpx_headings_and_tables_are_markup() -> None:
    _need("hwpx")
    text = read_source(fixtures.hwpx_of(SOURCES / "000_f06941a74a258fad.txt")).text
    lines = text.splitlines()
    assert "# 일반현황" in lines
    assert "계\t정원\t137\t1\t1\t7\t28\t48\t41\t11" in lines
    assert "- 증가하는 폭언·폭행 등 악성 민원에 대응하여 직원의 안전을 확보" in lines


def test_scanned_pdf_names_ocr(tmp_path: Path) -> None:
    """An image-only PDF (Pillow writes one, as a scanner does) -> one line naming OCR."""
    PIL = pytest.importorskip("PIL.Image")
    pytest.importorskip("pdfplumber")
    from kg.errors import InputError

    img = PIL.new("RGB", (600, 800), "white")
    for x in range(100, 500):
        img.putpixel((x, 200), (0, 0, 0))
    scan = tmp_path / "scan.pdf"
    img.save(scan, "PDF", resolution=100)
    with pytest.raises(InputError) as exc:
        read_source(scan)
    msg = str(exc.value)
    assert "OCR" in msg and str(scan) in msg and "\n" not in msg


def test_cli_scanned_pdf_exit_2(tmp_path: Path) -> None:
    PIL = pytest.importorskip("PIL.Image")
    pytest.importorskip("pdfplumber")
    from typer.testing import CliRunner

    from kg.cli.main import app

    scan = tmp_path / "scan.pdf"
    PIL.new("L", (300, 400), 255).save(scan, "PDF")
    res = CliRunner().invoke(app, ["ingest", str(scan), "--store", str(tmp_path / "store")])
    assert res.exit_code == 2, res.output
    assert "OCR" in res.output and "Traceback" not in res.output


def test_damaged_files_are_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    from kg.errors import InputError

    good = fixtures.pdf_of(SOURCES / "004_845debc1c9c51afa.txt") if fixtures.soffice() else None
    cases = {"cut.hwpx": fixtures.hwpx_of(SOURCES / "004_845debc1c9c51afa.txt").read_bytes()[:3000]}
    if good:
        cases["cut.pdf"] = good.read_bytes()[:4000]
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(InputError) as exc:
            load_records(p)
        assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_missing_extra_names_it(monkeypatch, tmp_path: Path) -> None:
    import sys

    from kg.errors import InputError

    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if not installed: import fails
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(InputError) as exc:
        read_source(p)
    assert "lgkg[formats]" in str(exc.value) and str(p) in str(exc.value)


# -- the casebook --------------------------------------------------------------
# The casebook's text comes from a converter that writes a paragraph as several
# lines and puts a blank line between paragraphs; the fixtures write each text
# line as a paragraph (headings, bold and tables as they are), so free text that
# the casebook loader joins from wrapped lines (an entry's sections and
# highlights, an outcome's label) is split differently. Everything else is
# compared whole; the floors are what was measured.
CASEBOOK = "002_1883cbad05eb4de7"
FREE_TEXT = {"Entry": ("sections", "highlights")}
# format -> {record type: (records of the text found, of how many)}
# Measured again with a fresh fixture cache (2026-11-29): 2 outcomes fewer than when first measured
# (258 / 257). The fixtures write what the layout reads (a table as a table); since the layout reads
# space-aligned tables, two figures come back with their table's header line joined to the metric
# (`구분 | 정책제안 | …` before `’21년 … 채택률`, `2021년 | 58,275 | 1,390`). The text's records are
# unchanged; the fixture cache was keyed by the fixture's own source only, which hid the drop.
CASEBOOK_FLOORS = {
    "hwpx": {"Outcome": (256, 265)},
    "pdf": {"Adoption": (36, 37), "Outcome": (255, 265)},
}


def _casebook_facts(records) -> dict:
    import dataclasses
    from collections import Counter

    from loaders.records import DocumentInfo, ExtractionCheck
    from tests.loaders.workreport.facts import norm

    def strip(v):  # lines and keys made from lines differ between formats
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if "line" not in k and "key" not in k}
        if isinstance(v, list | tuple):
            return [strip(x) for x in v]
        return v

    out: dict = {}
    for r in records:
        if isinstance(r, DocumentInfo | ExtractionCheck):
            continue
        kind = type(r).__name__
        d = {k: v for k, v in strip(dataclasses.asdict(r)).items() if k not in FREE_TEXT.get(kind, ())}
        out.setdefault(kind, Counter())[norm(repr(sorted(d.items())))] += 1
    return out


@pytest.mark.slow  # python-hwpx writes the 13,000-line casebook in ~40 s
@pytest.mark.parametrize("fmt", ["hwpx", "pdf"])
def test_casebook_records_agree_with_text(fmt: str) -> None:
    _need(fmt)
    text = SOURCES / f"{CASEBOOK}.txt"
    want = _casebook_facts(load_records(text))
    got = _casebook_facts(load_records(MAKERS[fmt](text)))
    assert set(got) == set(want)
    for kind, exp in want.items():
        tp = sum((exp & got[kind]).values())
        n = sum(exp.values())
        floor = CASEBOOK_FLOORS[fmt].get(kind, (n, n))
        assert floor[1] == n and tp >= floor[0], (kind, tp, n, sum(got[kind].values()))


def test_cli_ingests_pdf_and_hwpx(tmp_path: Path) -> None:
    """The README's commands: `kg ingest` of a PDF and an HWPX, then the store
    holds their facts with the page / paragraph beside the line."""
    _need("pdf")
    from typer.testing import CliRunner

    from kg.cli.main import app

    pdf = tmp_path / "report_pdf.pdf"
    pdf.write_bytes(fixtures.pdf_of(SOURCES / "004_845debc1c9c51afa.txt").read_bytes())
    hwpx = tmp_path / "report_hwpx.hwpx"
    hwpx.write_bytes(fixtures.hwpx_of(SOURCES / "001_3a47f10a3fb60216.txt").read_bytes())
    store = tmp_path / "store"
    res = CliRunner().invoke(app, ["ingest", str(pdf), str(hwpx), "--store", str(store)])
    assert res.exit_code == 0, res.output
    q = ("PREFIX lgkg: <https://w3id.org/lgkg/ontology#> SELECT ?p (COUNT(*) AS ?n) "
         "WHERE { GRAPH ?g { ?s ?p ?o FILTER(?p IN (lgkg:sourcePage, lgkg:sourceParagraph)) } } GROUP BY ?p")
    res = CliRunner().invoke(app, ["sparql", q, "--store", str(store), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "sourcePage" in res.output and "sourceParagraph" in res.output
