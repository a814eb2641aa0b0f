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
    pos = nx.spring_layout(S, seed=seed, k=2.5 / max(1, len(S)) ** 0.5, iterations=200)
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
        names = {n: n for n in S if label == "all" or S.nodes[n].get("agency")}
        nx.draw_networkx_labels(S, pos, labels=names, ax=ax, font_size=8,
                                font_family=plt.rcParams["font.sans-serif"][0])
    from matplotlib.lines import Line2D

    shown = sorted({str(v) for v in values}, key=str)
    ax.legend(handles=[Line2D([], [], marker="o", ls="", color=palette.get(v), label=v) for v in shown],
              title=color_by, loc="best", fontsize=8)
    if title:
        ax.set_title(title)
    ax.set_axis_off()
    return ax


def bar(frame, *, ax=None, title: str | None = None, xlabel: str | None = None, stacked: bool = False,
        figsize=None, krw: bool = False):
    """Horizontal bar chart of a Series or DataFrame (rows = bars, columns = stacked parts);
    `krw=True` shows amounts in 억원 (10^8 KRW)."""
    ax = _ax(ax, figsize or (10, max(3.0, 0.5 * len(frame) + 1.5)))
    data = frame / 1e8 if krw else frame
    data = data.iloc[::-1]  # largest on top
    data.plot.barh(ax=ax, stacked=stacked, width=0.75)
    ax.set_title(title or "")
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
        ax.set_title(title)
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
