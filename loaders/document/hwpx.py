"""HWPX (OWPML, KS X 6101) -> the document model's markup, with the standard library.

A top-level paragraph (`hp:p` of a section) is one line. Its heading level comes
from its paragraph shape (`hh:heading type="OUTLINE" level=n` -> n+1 `#`) or,
failing that, from a style named `개요 n` / `Outline n`; a paragraph whose text
is all bold is written `**…**`; a paragraph's left margin becomes leading spaces (one per
half the body text's height). A table (`hp:tbl`, held by a paragraph) becomes
TAB-separated rows, each cell's paragraphs joined by spaces, a cell spanning
rows or columns written once (the others empty, as the text markup has them),
with a blank line before and after. Each line's origin is the 1-based index of
the top-level paragraph it comes from, over all sections in order.
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree as ET

from loaders.errors import InputError
from loaders.document.converted import HWPX, KIND, Converted, join

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_OUTLINE_STYLE = re.compile(r"^(?:개요|Outline)\s*(\d{1,2})$")
MAX_XML = 256 * 2**20  # decompressed parts read: a zip bomb stops here


def convert(data: bytes, name: str) -> Converted:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            sections = sorted(
                (int(m.group(1)), n) for n in z.namelist() if (m := _SECTION.match(n))
            )
            if not sections:
                raise InputError("an HWPX package without sections (Contents/section0.xml)", file=name)
            total = sum(z.getinfo(n).file_size for _, n in sections)
            if total > MAX_XML:
                raise InputError(f"HWPX sections of {total / 2**20:.0f} MB: too large", file=name)
            header = _read(z, "Contents/header.xml") if "Contents/header.xml" in z.namelist() else None
            roots = [ET.fromstring(z.read(n)) for _, n in sections]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"not a readable HWPX package ({exc})", file=name) from None
    except ET.ParseError as exc:
        raise InputError(f"damaged HWPX (XML: {exc})", file=name) from None
    levels, bold, indents = _shapes(header)
    out: list[tuple[str, int | None]] = []
    k = 0
    for root in roots:
        for p in root.findall(f"{HP}p"):
            k += 1
            _paragraph(p, k, levels, bold, indents, out)
    return join(out, KIND[HWPX])


def _read(z: zipfile.ZipFile, part: str):
    return ET.fromstring(z.read(part))


def _shapes(header) -> tuple[dict[tuple[str, str], int], set[str], dict[str, int]]:
    """({("para", paraPr id) or ("style", style id): heading level}, bold charPr ids,
    {paraPr id: left margin in spaces}). A space is half the body text's height
    (the character shape of style 0, 바탕글), as a text file's indent is."""
    levels: dict[tuple[str, str], int] = {}
    bold: set[str] = set()
    indents: dict[str, int] = {}
    if header is None:
        return levels, bold, indents
    heights = {cp.get("id", ""): _int(cp, "height", 1000) for cp in header.iter(f"{HH}charPr")}
    body = next((st.get("charPrIDRef", "0") for st in header.iter(f"{HH}style") if st.get("id") == "0"), "0")
    en = max(heights.get(body, 1000), 100) / 2
    for pp in header.iter(f"{HH}paraPr"):
        left = _margin_left(pp)
        if left > 0:
            indents[pp.get("id", "")] = round(left / en)
        h = pp.find(f"{HH}heading")
        if h is not None and h.get("type") == "OUTLINE":
            try:
                levels[("para", pp.get("id", ""))] = int(h.get("level", "0")) + 1
            except ValueError:
                pass
    for st in header.iter(f"{HH}style"):
        for attr in ("name", "engName"):
            m = _OUTLINE_STYLE.match((st.get(attr) or "").strip())
            if m:
                levels[("style", st.get("id", ""))] = int(m.group(1))
                break
    for cp in header.iter(f"{HH}charPr"):
        if cp.find(f"{HH}bold") is not None:
            bold.add(cp.get("id", ""))
    return levels, bold, indents


def _margin_left(pp) -> int:
    """Left margin (HWPUNIT) of a paragraph shape: the `hp:case` value Hancom reads,
    else a plain margin, else half the `hp:default` one (kept doubled there)."""
    for path, scale in ((f"{HP}switch/{HP}case/{HH}margin/{HC}left", 1), (f"{HH}margin/{HC}left", 1),
                        (f"{HP}switch/{HP}default/{HH}margin/{HC}left", 2)):
        el = pp.find(path)
        if el is not None:
            return _int(el, "value", 0) // scale
    return 0


def _runs_text(p, bold: set[str]) -> tuple[str, bool]:
    """Text of a paragraph's own runs (not of the tables it holds); all bold?"""
    parts: list[str] = []
    all_bold, any_text = True, False
    for run in p.findall(f"{HP}run"):
        for t in run.findall(f"{HP}t"):
            s = _t_text(t)
            if s.strip():
                any_text = True
                if run.get("charPrIDRef", "") not in bold:
                    all_bold = False
            parts.append(s)
    return " ".join("".join(parts).split()), any_text and all_bold


def _t_text(t) -> str:
    s = [t.text or ""]
    for child in t:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("tab", "lineBreak", "fwSpace", "nbSpace"):
            s.append(" ")
        s.append(child.tail or "")
    return "".join(s)


def _paragraph(p, k: int, levels, bold, indents, out: list) -> None:
    text, is_bold = _runs_text(p, bold)
    if text:
        indent = indents.get(p.get("paraPrIDRef", ""), 0)
        level = levels.get(("para", p.get("paraPrIDRef", ""))) or levels.get(("style", p.get("styleIDRef", ""))) or 0
        if level:
            text = "#" * min(level, 6) + " " + text
        elif is_bold:
            text = f"**{text}**"
        elif indent:
            text = " " * min(indent, 40) + text
        out.append((text, k))
    for run in p.findall(f"{HP}run"):
        for tbl in run.findall(f"{HP}tbl"):
            rows = _table(tbl)
            if rows:
                out.append(("", None))
                for r in rows:
                    out.append(("\t".join(r) + ("\t" if len(r) == 1 else ""), k))
                out.append(("", None))


def _cell_text(tc) -> str:
    texts = []
    for p in tc.iter(f"{HP}p"):
        s = "".join(_t_text(t) for t in p.iter(f"{HP}t"))
        s = " ".join(s.split())
        if s:
            texts.append(s)
    return " ".join(texts)


def _table(tbl) -> list[list[str]]:
    cells: dict[tuple[int, int], str] = {}
    n_rows = n_cols = 0
    for r_i, tr in enumerate(tbl.findall(f"{HP}tr")):
        for c_i, tc in enumerate(tr.findall(f"{HP}tc")):
            addr = tc.find(f"{HP}cellAddr")
            span = tc.find(f"{HP}cellSpan")
            row = _int(addr, "rowAddr", r_i)
            col = _int(addr, "colAddr", c_i)
            rs, cs = _int(span, "rowSpan", 1), _int(span, "colSpan", 1)
            cells[(row, col)] = _cell_text(tc)
            n_rows = max(n_rows, row + max(rs, 1))
            n_cols = max(n_cols, col + max(cs, 1))
    rows = [[cells.get((i, j), "") for j in range(n_cols)] for i in range(n_rows)]
    rows = [r for r in rows if any(c for c in r)]
    while rows and n_cols > 1 and all(not r[-1] for r in rows):
        for r in rows:
            r.pop()
        n_cols -= 1
    return rows


def _int(el, attr: str, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(attr, default))
    except (TypeError, ValueError):
        return default
