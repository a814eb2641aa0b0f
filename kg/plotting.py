"""matplotlib with a Korean font, and the few pictures the notebooks draw.

`use_korean_font()` must run before drawing: matplotlib's default DejaVu Sans
has no Hangul, so labels would come out as empty boxes. It looks for
NanumGothic (Debian/Ubuntu package `fonts-nanum`), then other common Korean
fonts, then any installed font that covers Hangul, and raises
`KoreanFontMissing` (naming `fonts-nanum`) when there is none.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from kg.errors import KgError

PREFERRED = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans K",
             "UnDotum", "Baekmuk Gulim", "Malgun Gothic", "AppleGothic", "AppleSDGothicNeo")
FONT_DIRS = ("/usr/share/fonts/truetype/nanum", "/usr/share/fonts/opentype/noto", "/usr/share/fonts")
HANGUL_PROBE = "한글"
INSTALL_HINT = ("no font with Hangul found for matplotlib: install one, e.g. `apt-get install fonts-nanum` "
                "(Debian/Ubuntu package fonts-nanum, NanumGothic), then run again")


class KoreanFontMissing(KgError):
    """No installed font can draw Hangul."""


def _covers_hangul(path: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        cmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in cmap for c in HANGUL_PROBE)


def _registered(names) -> str | None:
    from matplotlib import font_manager as fm

    have = {f.name for f in fm.fontManager.ttflist}
    return next((n for n in names if n in have), None)


def find_korean_font(preferred=PREFERRED, font_dirs=FONT_DIRS) -> str:
    """The family name of an installed font with Hangul (registering it with
    matplotlib when its font cache predates the font's installation)."""
    from matplotlib import font_manager as fm

    name = _registered(preferred)
    if name:
        return name
    # a font installed after matplotlib built its cache: register the files
    files = fm.findSystemFonts(fontpaths=[d for d in font_dirs if Path(d).is_dir()]) if font_dirs else []
    files = sorted(files, key=lambda p: ("nanumgothic" not in Path(p).name.lower(), "nanum" not in p.lower(), p))
    for path in files:
        if _covers_hangul(path):
            fm.fontManager.addfont(path)
            return fm.FontProperties(fname=path).get_name()
    for f in sorted(fm.fontManager.ttflist, key=lambda f: f.fname):
        if _covers_hangul(f.fname):
            return f.name
    raise KoreanFontMissing(INSTALL_HINT)


def use_korean_font(preferred=PREFERRED, font_dirs=FONT_DIRS) -> str:
    """Make matplotlib draw Hangul; returns the font's family name.

    Also keeps the ASCII minus sign (the Unicode one is missing from many
    Korean fonts) and only then silences "Glyph ... missing" warnings (for
    symbols the Korean font lacks), so a missing font is never hidden."""
    import matplotlib

    name = find_korean_font(preferred, font_dirs)
    rc = matplotlib.rcParams
    # matplotlib >= 3.6 falls back glyph by glyph: arrows and symbols from DejaVu Sans
    rc["font.family"] = [name, "DejaVu Sans"]
    rc["font.sans-serif"] = [name] + [f for f in rc["font.sans-serif"] if f != name]
    rc["axes.unicode_minus"] = False
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from (current )?font")
    return name


# -- pictures ----------------------------------------------------------------

KIND_COLORS = {"agency": "#4C72B0", "city": "#DD8452", "partner": "#55A868", "award": "#C44E52"}


def _ax(ax, figsize):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def draw_network(G, *, ax=None, title: str | None = None, color_by: str = "kind", colors=None,
                 label: str | None = "all", figsize=(11, 9), seed: int = 0):
    """Draw a network (spring layout, fixed seed). Node colour by attribute
    `color_by` (values mapped through `colors`, default KIND_COLORS and a palette);
    node size by degree; `label="all"`, `"agency"` (only nodes with agency=True),
    or None. Edge keys of multigraphs are not drawn."""
    import matplotlib.pyplot as plt
    import networkx as nx

    ax = _ax(ax, figsize)
    if G.is_multigraph():
        S = nx.DiGraph(G) if G.is_directed() else nx.Graph(G)
    else:
        S = G
    pos = layout(S, seed=seed)
    values = [S.nodes[n].get(color_by) for n in S]
    palette = dict(KIND_COLORS)
    palette.update(colors or {})
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    extra = sorted({str(v) for v in values if v not in palette})
    palette.update({v: cycle[i % len(cycle)] for i, v in enumerate(extra)})
    node_colors = [palette.get(v, palette.get(str(v))) for v in values]
    sizes = [120 + 90 * S.degree(n) for n in S]
    nx.draw_networkx_edges(S, pos, ax=ax, alpha=0.5, arrows=S.is_directed(), edge_color="#777777",
                           **({"arrowsize": 14, "node_size": sizes, "arrowstyle": "-|>"} if S.is_directed() else {}))
    nx.draw_networkx_nodes(S, pos, ax=ax, node_color=node_colors, node_size=sizes, alpha=0.9)
    if label:
        names = [n for n in S if label == "all" or S.nodes[n].get("agency")]
        draw_labels(ax, S, pos, names)
    from matplotlib.lines import Line2D

    shown = sorted({str(v) for v in values}, key=str)
    ax.legend(handles=[Line2D([], [], marker="o", ls="", color=palette.get(v), label=v) for v in shown],
              title=color_by, loc="best", fontsize=8)
    if title:
        ax.set_title(legible(title))
    ax.set_axis_off()
    return ax


_ARROWS = {"→": "->", "←": "<-", "↔": "<->", "⟶": "->", "⇒": "=>"}


def legible(text: str) -> str:
    """Arrows as ASCII: Korean fonts draw `→` as a gap or a stray mark beside Hangul.

    >>> legible("출처 → 도입 기관")
    '출처 -> 도입 기관'
    """
    for k, v in _ARROWS.items():
        text = text.replace(k, v)
    return text


def layout(S, seed: int = 0) -> dict:
    """Positions that keep every node apart: each connected part laid out on its own
    (a hub and its spokes as a wheel with the hub in the middle, anything else by a
    spring layout), the parts side by side in rows, largest first."""
    import math

    import networkx as nx

    U = S.to_undirected(as_view=True) if S.is_directed() else S
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    pos: dict = {}
    x = y = row_h = 0.0
    width = max(6.0, 2.2 * math.sqrt(len(S)))
    for part in parts:
        sub = U.subgraph(part)
        hub = max(part, key=lambda n: (sub.degree(n), str(n)))
        n = len(part)
        if n > 2 and sub.degree(hub) >= 0.6 * (n - 1):
            r = max(1.0, n / 6.0)
            rim = [m for m in part if m != hub]
            local = {hub: (0.0, 0.0)}
            local.update({m: (r * math.cos(2 * math.pi * i / len(rim)), r * math.sin(2 * math.pi * i / len(rim)))
                          for i, m in enumerate(rim)})
        else:
            r = max(0.6, math.sqrt(n) / 2)
            local = {k: (r * v[0], r * v[1]) for k, v in nx.spring_layout(sub, seed=seed).items()} if n > 1 \
                else {part[0]: (0.0, 0.0)}
        if x > 0 and x + 2 * r > width:
            x, y, row_h = 0.0, y - row_h - 1.6, 0.0
        for k, (a, b) in local.items():
            pos[k] = (x + r + a, y - r + b)
        x += 2 * r + 2.2
        row_h = max(row_h, 2 * r)
    return pos


def draw_labels(ax, S, pos, names, font_size: int = 8) -> None:
    """Node labels that do not sit on each other: each outside its node, away from its
    part's centre, long names on two lines; then nudged apart (adjustText when installed)."""
    import matplotlib.pyplot as plt

    centre: dict = {}
    U = S.to_undirected(as_view=True) if S.is_directed() else S
    import networkx as nx

    for part in nx.connected_components(U):
        cx = sum(pos[n][0] for n in part) / len(part)
        cy = sum(pos[n][1] for n in part) / len(part)
        centre.update({n: (cx, cy) for n in part})
    texts = []
    for n in names:
        px, py = pos[n]
        cx, cy = centre[n]
        dx, dy = px - cx, py - cy
        norm = (dx * dx + dy * dy) ** 0.5
        hub = norm < 1e-9
        ox, oy = (0.0, -0.25) if hub else (0.28 * dx / norm, 0.28 * dy / norm)
        ha = "center" if hub or abs(dx) < 0.2 * norm else ("left" if dx > 0 else "right")
        texts.append(ax.text(px + ox, py + oy, _wrap(legible(str(n)), 9), fontsize=font_size, ha=ha, va="center",
                             fontfamily=plt.rcParams["font.sans-serif"][0],
                             bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7}))
    try:
        from adjustText import adjust_text
    except ImportError:  # the placement above already keeps a wheel's labels apart
        return
    adjust_text(texts, ax=ax, expand=(1.05, 1.15), ensure_inside_axes=False)


def bar(frame, *, ax=None, title: str | None = None, xlabel: str | None = None, stacked: bool = False,
        figsize=None, krw: bool = False):
    """Horizontal bar chart of a Series or DataFrame (rows = bars, columns = stacked parts);
    `krw=True` shows amounts in 억원 (10^8 KRW)."""
    ax = _ax(ax, figsize or (10, max(3.0, 0.5 * len(frame) + 1.5)))
    data = frame / 1e8 if krw else frame
    data = data.iloc[::-1]  # largest on top
    data.plot.barh(ax=ax, stacked=stacked, width=0.75)
    ax.set_title(legible(title or ""))
    ax.set_xlabel(xlabel or ("억원" if krw else ""))
    ax.set_ylabel("")
    ax.set_yticks(ax.get_yticks(), labels=[_wrap(_label(x), 40) for x in data.index], fontsize=8)
    if getattr(data, "ndim", 1) == 1 or len(getattr(data, "columns", [])) == 1:
        legend = ax.get_legend()
        if legend:
            legend.remove()
    ax.figure.tight_layout()
    return ax


def heatmap(frame, *, ax=None, title: str | None = None, figsize=(10, 7), cmap="Blues"):
    """A 0/1 or count matrix (e.g. `analytics.adoption_matrix`) with its labels."""
    ax = _ax(ax, figsize)
    ax.imshow(frame.values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_yticks(range(len(frame.index)), labels=[str(x) for x in frame.index], fontsize=8)
    few = len(frame.columns) <= 8
    ax.set_xticks(range(len(frame.columns)), labels=[_wrap(str(x), 14 if few else 30) for x in frame.columns],
                  fontsize=8, rotation=0 if few else 45, ha="center" if few else "right")
    if title:
        ax.set_title(legible(title))
    ax.figure.tight_layout()
    return ax


def _label(x) -> str:
    return " · ".join(map(str, x)) if isinstance(x, tuple) else str(x)


def _wrap(text: str, width: int = 16) -> str:
    """Break long Korean labels on spaces.

    >>> _wrap("선별진료소 대기인원 실시간 안내시스템 구축", 12)
    '선별진료소 대기인원\\n실시간 안내시스템 구축'
    """
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return "\n".join(lines + [cur])
