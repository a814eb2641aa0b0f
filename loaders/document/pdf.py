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
one table going on over the page break (its header row stays with it; the title
row HWP repeats at the top of the next page is dropped). A paragraph that ends a
page at the right edge goes on with the next page's first line when that has the
same face and starts no item. Running headers and footers (the same line, digits
aside, at the same height on half the pages; a page number `- 3 -` as a page's
first or last line) are page furniture and left out. Each line's origin is its
1-based page.

A PDF without a text layer (a scan) is refused: it needs OCR first.
"""
from __future__ import annotations

import re
from collections import Counter

from loaders.errors import InputError
from loaders.document.converted import KIND, PDF, Converted, join, need
from loaders.document.model import CIRCLED, MARKERS, make_line, numbered, ordinal

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
            read = [_page(p) for p in pdf.pages]
        except InputError:
            raise
        except Exception as exc:
            raise InputError(f"cannot read this PDF ({_why(exc)})", file=name) from None
    pages = _drop_running(read)
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
    carry = None  # the last text line of the page before, while its paragraph may go on
    title_row: list[str] | None = None  # first row of the table going on over the page break
    cont = False  # the page's first item is the table of the page before, going on
    for no, items in enumerate(pages, 1):
        carry = _emit(items, no, ranks, out, margin, body, carry)
        last = items[-1] if items else None
        if last is not None and last[0] == "table" and last[2] and not (cont and len(items) == 1):
            title_row = last[2][0]  # a table that starts on this page
        nxt = pages[no][0] if no < len(pages) and pages[no] else None
        cont = bool(last is not None and last[0] == "table" and last[2] and nxt is not None and nxt[0] == "table"
                    and nxt[2] and len(last[2][-1]) == len(nxt[2][0]))
        if cont:
            out.append(("", -1))  # a table going on over the page break: no gap (see _emit)
            if nxt[2][0] == title_row and len(nxt[2]) > 1:
                del nxt[2][0]  # its title row, repeated at the top of the page
        else:
            title_row = None
    return join(out, KIND[PDF])


_PAGE_NO = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|\(\s*\d{1,4}\s*\)|"
                      r"[-–—]?\s*[ivxlcIVXLC]{1,6}\s*[-–—]?)$")
_OUTER = 2  # lines at the top and at the bottom of a page looked at for running headers and footers


def _drop_running(read: list[tuple[list[tuple], float]]) -> list[list[tuple]]:
    """Pages' items without running headers and footers: a text line among the
    first or last two of a page is one if a line of the same text (digits aside),
    size and height on the page (within 3 pt) is there on at least half the
    pages, three at least; or if it is a page number (`- 3 -`, `3`, `3 / 12`, `(3)`)
    as the very first or last line, in the top or bottom tenth of the page."""
    def key(it):
        return re.sub(r"\d+", "#", "".join(it[2].split())), it[3]

    outer = []
    for items, _ in read:
        texts = [i for i, it in enumerate(items) if it[0] == "text"]
        outer.append(set(texts[:_OUTER] + texts[-_OUTER:]))
    seen: dict = {}
    for (items, _), idx in zip(read, outer):
        for i in idx:
            seen.setdefault(key(items[i]), []).append(items[i][1])
    need = max(3, (len(read) + 1) // 2)
    running = set()
    for k, tops in seen.items():
        tops = sorted(tops)
        mid = tops[len(tops) // 2]
        if sum(1 for t in tops if abs(t - mid) <= 3) >= need:
            running.add((k, mid))
    pages = []
    for (items, height), idx in zip(read, outer):
        drop = set()
        for i in idx:
            it = items[i]
            k = key(it)
            if any(k == rk and abs(it[1] - mid) <= 3 for rk, mid in running):
                drop.add(i)
        texts = [i for i, it in enumerate(items) if it[0] == "text"]
        for i in texts[:1] + texts[-1:]:
            it = items[i]
            if _PAGE_NO.match(it[2]) and (it[7] < 0.1 * height or it[1] > 0.9 * height):
                drop.add(i)
        pages.append([it for i, it in enumerate(items) if i not in drop])
    return pages


def _why(exc: Exception) -> str:
    s = str(exc).splitlines()[0] if str(exc) else ""
    kind = type(exc).__name__
    if "Password" in kind or "crypt" in kind.lower():
        return "encrypted: save an unprotected copy"
    return f"{kind}: {s}" if s else kind


def _page(page) -> tuple[list[tuple], float]:
    """Items of a page: ("text", top, text, size, bold, x0, x1, bottom) and ("table", top, rows),
    and the page's height."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[tuple] = [("table", t.bbox[1], _rows(t)) for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    rest = page.filter(outside) if boxes else page
    for ln in _baselines(rest.extract_text_lines(return_chars=True, **_WORDS)):
        chars = [c for c in ln["chars"] if c["text"].strip()]
        if not chars:
            continue
        size = Counter(round(c["size"] * 2) / 2 for c in chars).most_common(1)[0][0]
        bold = all(_is_bold(c.get("fontname", "")) for c in chars)
        text = " ".join(ln["text"].split())
        items.append(("text", ln["top"], text, size, bold, ln["x0"], ln["x1"], ln["bottom"]))
    items.sort(key=lambda it: it[1])
    return items, float(page.height)


def _baselines(lines: list[dict]) -> list[dict]:
    """pdfplumber groups characters into lines by their top; a glyph of another
    size or font on the same baseline (`Ⅱ` from a fallback font before a 20 pt
    heading, a 9 pt `(단위…)` beside it) has another top and comes out as a line
    of its own. Lines sharing a baseline (bottoms within a fifth of the smaller
    height) and side by side, not overlapping, are one line, in x order."""
    out: list[dict] = []
    for ln in sorted(lines, key=lambda ln: ln["bottom"]):
        h = ln["bottom"] - ln["top"]
        for o in out:
            oh = o["bottom"] - o["top"]
            if abs(o["bottom"] - ln["bottom"]) <= 0.2 * min(h, oh) and (ln["x0"] >= o["x1"] or ln["x1"] <= o["x0"]):
                parts = sorted((o, ln), key=lambda x: x["x0"])
                gap = parts[1]["x0"] - parts[0]["x1"]
                size = min(c["size"] for c in parts[1]["chars"][:1] + parts[0]["chars"][-1:]) if ln["chars"] else h
                sep = " " if gap > 0.2 * size else ""
                o.update(text=parts[0]["text"] + sep + parts[1]["text"], chars=parts[0]["chars"] + parts[1]["chars"],
                         x0=parts[0]["x0"], x1=parts[1]["x1"], top=min(o["top"], ln["top"]))
                break
        else:
            out.append(dict(ln))
    return sorted(out, key=lambda ln: ln["top"])


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


def _emit(items: list[tuple], page: int, ranks: dict, out: list, margin: float, body: float, carry):
    """Write a page's items; return the last text line if a paragraph may go on
    to the next page (it reaches the right edge of the text), else None."""
    texts = [it for it in items if it[0] == "text"]
    right = max((it[6] for it in texts), default=0)
    left = min((it[5] for it in texts), default=0)
    width = right - left
    prev = None  # the previous text item, while a paragraph may continue
    if carry is not None and items and items[0][0] == "text" and _same_face(carry, items[0]):
        prev = carry  # the paragraph goes on from the page before
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
        if prev is not None and (prev is carry or _continues(prev, it, right, width)):
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
    if prev is not None and prev is not carry and width > 0 and prev[6] >= right - 0.15 * width:
        return prev
    return None


def _same_face(prev: tuple, cur: tuple) -> bool:
    """`cur`, first on its page, may go on with `prev`, last on the page before:
    the same size and weight, and `cur` starts no item (a marker, `3.`, `가.`, `(1)`)."""
    if prev[3] != cur[3] or prev[4] != cur[4] or cur[2][:1] in _MARKER_START:
        return False
    ln = make_line(0, cur[2])
    return not (ln.marker or numbered(ln) or ordinal(ln))


def _continues(prev: tuple, cur: tuple, right: float, width: float) -> bool:
    """`cur` wraps on from `prev`: prev reaches the right edge, same face, close below."""
    _, ptop, _, psize, pbold, px0, px1, pbottom = prev
    _, top, text, size, bold, x0, x1, bottom = cur
    if size != psize or bold != pbold or text[:1] in _MARKER_START:
        return False
    if width <= 0 or px1 < right - 0.15 * width:
        return False
    return -0.1 * size <= top - pbottom < 0.5 * size
