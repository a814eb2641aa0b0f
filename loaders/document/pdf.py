"""PDF -> the document model's markup (pdfplumber, on pdfminer.six).

Per page, in reading order (top to bottom): ruled tables (pdfplumber's table
finder on the drawn cell borders) become TAB-separated rows, with a blank line
before and after; the text outside them becomes lines. Heading levels come from
font size ranks: the body size is the size most characters have, and each
larger size, biggest first, is one `#` more (at most 6); a body-size line set
all in a bold face is written `**…**`; a plain line starting right of the text's
left margin (but not as far as a centred line) is indented one space per half
the body size, as a text file's nested items are. A line that runs to the right edge of
the text and is followed, close below, by a line of the same size and weight
not starting with a list marker is a wrapped paragraph and is joined to it.
A table that ends a page and one that starts the next with as many columns are
one table going on over the page break (its header row stays with it). Each
line's origin is its 1-based page.

A PDF without a text layer (a scan) is refused: it needs OCR first.
"""
from __future__ import annotations

from collections import Counter

from loaders.errors import InputError
from loaders.document.converted import KIND, PDF, Converted, join, need
from loaders.document.model import CIRCLED, MARKERS

_MARKER_START = set(MARKERS + CIRCLED + "*#")
MAX_PAGES = 2000
# spaces are the PDF's own space characters; a gap between glyphs (a digit set in
# a fallback font beside Hangul) is not a space unless it is half an em wide
_WORDS = {"keep_blank_chars": True, "x_tolerance_ratio": 0.5}


def convert(data: bytes, name: str) -> Converted:
    pdfplumber = need("pdfplumber", "PDF", name)
    from io import BytesIO

    try:
        pdf = pdfplumber.open(BytesIO(data))
    except Exception as exc:  # pdfminer's errors: damaged, encrypted
        raise InputError(f"cannot read this PDF ({_why(exc)})", file=name) from None
    with pdf:
        try:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"{len(pdf.pages)} pages: more than a document may have ({MAX_PAGES})", file=name)
            pages = [_page(p) for p in pdf.pages]
        except InputError:
            raise
        except Exception as exc:
            raise InputError(f"cannot read this PDF ({_why(exc)})", file=name) from None
    n_chars = sum(len(it[2]) for items in pages for it in items if it[0] == "text")
    n_cells = sum(1 for items in pages for it in items if it[0] == "table")
    if not n_chars and not n_cells:
        raise InputError(
            "this PDF has no text layer (a scanned image?): run OCR on it first "
            "(e.g. `ocrmypdf --language kor in.pdf out.pdf`) and ingest the result",
            file=name,
        )
    sizes: Counter = Counter()
    for items in pages:
        for it in items:
            if it[0] == "text":
                sizes[it[3]] += len(it[2])
    body = sizes.most_common(1)[0][0] if sizes else 0
    ranks = {s: i + 1 for i, s in enumerate(sorted((s for s in sizes if s > body + 0.5), reverse=True))}
    out: list[tuple[str, int | None]] = []
    margin = min((it[5] for items in pages for it in items if it[0] == "text"), default=0)
    for no, items in enumerate(pages, 1):
        _emit(items, no, ranks, out, margin, body)
        if no < len(pages) and items and items[-1][0] == "table" and pages[no] and pages[no][0][0] == "table" \
                and len(items[-1][2][-1:][0] if items[-1][2] else ()) == len(pages[no][0][2][0] if pages[no][0][2] else ()):
            out.append(("", -1))  # a table going on over the page break: no gap (see _emit)
    return join(out, KIND[PDF])


def _why(exc: Exception) -> str:
    s = str(exc).splitlines()[0] if str(exc) else ""
    kind = type(exc).__name__
    if "Password" in kind or "crypt" in kind.lower():
        return "encrypted: save an unprotected copy"
    return f"{kind}: {s}" if s else kind


def _page(page) -> list[tuple]:
    """Items of a page: ("text", top, text, size, bold, x0, x1, bottom) and ("table", top, rows)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[tuple] = [("table", t.bbox[1], _rows(t)) for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    rest = page.filter(outside) if boxes else page
    for ln in rest.extract_text_lines(return_chars=True, **_WORDS):
        chars = [c for c in ln["chars"] if c["text"].strip()]
        if not chars:
            continue
        size = Counter(round(c["size"] * 2) / 2 for c in chars).most_common(1)[0][0]
        bold = all(_is_bold(c.get("fontname", "")) for c in chars)
        text = " ".join(ln["text"].split())
        items.append(("text", ln["top"], text, size, bold, ln["x0"], ln["x1"], ln["bottom"]))
    items.sort(key=lambda it: it[1])
    return items


def _is_bold(font: str) -> bool:
    f = font.split("+")[-1].lower()
    return "bold" in f or "black" in f or "heavy" in f or f.endswith((",b", "-b"))


def _rows(table) -> list[list[str]]:
    rows = []
    for r in table.extract(**_WORDS):
        cells = [" ".join((c or "").split()) for c in r]
        if any(cells):
            rows.append(cells)
    return rows


def _emit(items: list[tuple], page: int, ranks: dict, out: list, margin: float, body: float) -> None:
    texts = [it for it in items if it[0] == "text"]
    right = max((it[6] for it in texts), default=0)
    left = min((it[5] for it in texts), default=0)
    width = right - left
    prev = None  # the previous text item, while a paragraph may continue
    for it in items:
        if it[0] == "table":
            if out and out[-1] == ("", -1):  # continued from the page before
                out.pop()
                if out and out[-1] == ("", None):
                    out.pop()
            else:
                out.append(("", None))
            for r in it[2]:
                out.append(("\t".join(r) + ("\t" if len(r) == 1 else ""), page))
            out.append(("", None))
            prev = None
            continue
        _, top, text, size, bold, x0, x1, bottom = it
        if prev is not None and _continues(prev, it, right, width):
            t, o = out[-1]
            tail = text
            if t.endswith("**") and bold:  # bold continues
                t, tail = t[:-2], text + "**"
            out[-1] = (t + " " + tail, o)
            prev = it
            continue
        level = ranks.get(size, 0)
        if level:
            line = "#" * min(level, 6) + " " + text
        elif bold:
            line = f"**{text}**"
        else:
            line = text
            off = x0 - margin  # indented, not centred: one space per half the body size
            if body > 0 and 0 < off < 0.4 * width:
                line = " " * min(round(off / (body / 2)), 40) + line
        out.append((line, page))
        prev = it


def _continues(prev: tuple, cur: tuple, right: float, width: float) -> bool:
    """`cur` wraps on from `prev`: prev reaches the right edge, same face, close below."""
    _, ptop, _, psize, pbold, px0, px1, pbottom = prev
    _, top, text, size, bold, x0, x1, bottom = cur
    if size != psize or bold != pbold or text[:1] in _MARKER_START:
        return False
    if width <= 0 or px1 < right - 0.15 * width:
        return False
    return -0.1 * size <= top - pbottom < 0.5 * size
