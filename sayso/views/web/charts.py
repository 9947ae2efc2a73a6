"""Chart geometry for the SVG the templates draw (no plotting library, no script, works offline).

Each function turns ledger numbers into boxes and labels in SVG user units; the templates
(``_charts.html``) print them as ``<rect>`` and ``<text>`` elements, labels escaped, colours by
CSS class. Sizes are in SVG units; the SVG scales to its container.
"""
from __future__ import annotations

from datetime import date

MAX_MONTHS = 36
"""Claims over time: months when the span is at most this long, else years."""
MAX_BAR_STEP = 48


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline(by_month: list[dict]) -> list[tuple[str, int]]:
    """``[{"month": "2024-03", "claims": 9}, ...]`` with empty months filled; by year over 36 months."""
    counts = {r["month"]: r["claims"] for r in by_month if r.get("month") and len(r["month"]) >= 7}
    if not counts:
        return []
    months = _months(min(counts), max(counts))
    if len(months) <= MAX_MONTHS:
        return [(m, counts.get(m, 0)) for m in months]
    years: dict[str, int] = {}
    for month in months:
        years[month[:4]] = years.get(month[:4], 0) + counts.get(month, 0)
    return list(years.items())


def bars(points: list[tuple[str, float]], width: int = 600, height: int = 150, pad: int = 24) -> dict:
    """A bar chart: bars (x, y, w, h, label, value), a few axis labels, the top value."""
    top = max((v for _, v in points), default=0) or 1
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    step = min(inner_w / max(1, len(points)), MAX_BAR_STEP)
    left = pad + (inner_w - step * len(points)) / 2  # a few bars stand in the middle
    out = []
    for i, (label, value) in enumerate(points):
        h = inner_h * value / top
        out.append({"x": round(left + i * step + step * 0.12, 1), "w": round(max(1.0, step * 0.76), 1),
                    "y": round(pad + inner_h - h, 1), "h": round(h, 1), "label": label, "value": value})
    every = max(1, len(points) // 6)
    labels = [{"x": round(b["x"] + b["w"] / 2, 1), "text": b["label"]} for i, b in enumerate(out)
              if i % every == 0 or i == len(out) - 1]
    return {"width": width, "height": height, "pad": pad, "bars": out, "labels": labels, "top": top,
            "base": pad + inner_h}


def value_strip(members: list[dict], width: int = 720, row: int = 30, label_w: int = 270) -> dict:
    """Figures of one group on one axis: a row per figure (label, value text, x of the value or the
    range's ends), so disagreeing values stand apart at a glance."""
    values = [v for m in members for v in (m.get("value"), m.get("low"), m.get("high")) if v is not None]
    low, high = min(values + [0.0]), max(values + [0.0]) or 1.0
    span = (high - low) or 1.0
    left, right = label_w, width - 110

    def x(v: float) -> float:
        return round(left + (right - left) * (v - low) / span, 1)

    rows = []
    for i, m in enumerate(members):
        lo = m.get("low") if m.get("low") is not None else m.get("value")
        hi = m.get("high") if m.get("high") is not None else m.get("value")
        point = m.get("value") if m.get("value") is not None else lo
        rows.append({"y": i * row + row / 2 + 6, "label": f"{m.get('speaker') or ''} · {m.get('published') or ''}",
                     "text": m.get("text") or "", "x": x(point) if point is not None else None,
                     "x0": x(lo) if lo is not None else None, "x1": x(hi) if hi is not None else None})
    ticks = [{"x": x(v), "text": _short(v)} for v in (low, low + span / 2, high)]
    return {"width": width, "height": len(members) * row + 28, "rows": rows, "ticks": ticks, "left": left,
            "right": right, "axis_y": len(members) * row + 8}


def _short(v: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}"


OUTCOME_ORDER = ("true", "partly", "false", "unclear")


def outcome_bars(levels: list[dict], width: int = 420, row: int = 26, label_w: int = 150) -> dict:
    """Per hedging level, one bar split by outcome (true / partly / false / unclear) and the open rest."""
    most = max((lv["forecasts"] for lv in levels), default=0) or 1
    scale = (width - label_w - 10) / most
    rows = []
    for i, lv in enumerate(levels):
        x, parts = float(label_w), []
        for outcome in OUTCOME_ORDER:
            n = lv["outcomes"].get(outcome, 0)
            if n:
                parts.append({"x": round(x, 1), "w": round(n * scale, 1), "outcome": outcome, "n": n})
                x += n * scale
        rest = lv["forecasts"] - sum(lv["outcomes"].values())
        if rest > 0:
            parts.append({"x": round(x, 1), "w": round(rest * scale, 1), "outcome": "unresolved", "n": rest})
        rows.append({"y": i * row + 4, "label": f"{lv['hedging']} ({lv['stated']:.0%}) · {lv['forecasts']}",
                     "parts": parts})
    return {"width": width, "height": len(levels) * row + 8, "rows": rows, "row_h": row - 8, "label_w": label_w}


def today() -> str:
    return date.today().isoformat()
