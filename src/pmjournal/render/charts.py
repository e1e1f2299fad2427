"""Charts as inline SVG: vector in the PDF, sharp at any zoom, and no image files to fetch.

We write the SVG ourselves from numbers and escaped labels; no user markup ever reaches it.
Colours and the font come from the theme, so a chart matches the page it sits on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from pmjournal.render.impact import MetricLine


@dataclass(frozen=True)
class Palette:
    accent: str
    muted: str
    ink: str
    faint: str
    font: str


@dataclass(frozen=True)
class Bucket:
    """One bar of the activity chart: a week, month or quarter and its count."""

    label: str
    count: int


def _text(x: float, y: float, body: str, palette: Palette, **attrs: str) -> str:
    extra = "".join(f' {key.replace("_", "-")}="{value}"' for key, value in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{palette.font}" fill="{palette.ink}"'
        f"{extra}>{escape(body)}</text>"
    )


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Break a label into at most ``lines`` lines of ``width`` characters, ending in '…'."""
    words, result, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            result.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    result.append(current)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: width - 1].rstrip() + "…"
    return result


def before_after(metrics: Sequence[MetricLine], palette: Palette) -> Markup:
    """Paired bars per metric, each on its own scale (units differ), baseline above result."""
    rows = [m for m in metrics if m.comparable and m.baseline_value is not None]
    if not rows:
        return Markup("")
    width, label_w, row_h = 480.0, 160.0, 40.0
    # Room to the right of the longest bar for its value and the change (about 4.8 pt a
    # character at 8.5 pt), so labels never run into the page margin.
    reserve = max(max(len(m.baseline), len(m.result) + len(m.delta) + 2) for m in rows) * 4.8
    bar_w = width - label_w - reserve - 12
    height = row_h * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img">'
    ]
    for index, metric in enumerate(rows):
        top = index * row_h + 2
        scale = max(abs(metric.baseline_value or 0), abs(metric.result_value or 0)) or 1.0
        for line, text in enumerate(_wrap(metric.name, 32, 2)):
            parts.append(_text(0, top + 12 + line * 11, text, palette, font_size="8.5"))
        for offset, value, text, colour in (
            (0, metric.baseline_value, metric.baseline, palette.muted),
            (14, metric.result_value, metric.result, palette.accent),
        ):
            length = max(abs(value or 0) / scale * bar_w, 1.5)
            y = top + 3 + offset
            parts.append(
                f'<rect x="{label_w:.1f}" y="{y:.1f}" width="{length:.1f}" height="11" '
                f'rx="1.5" fill="{colour}"/>'
            )
            parts.append(_text(label_w + length + 5, y + 8.5, text, palette, font_size="8.5"))
        end = label_w + max(abs(metric.result_value or 0) / scale * bar_w, 1.5) + 5
        delta_x = end + 6 + 5.2 * len(metric.result)
        parts.append(
            _text(delta_x, top + 25.5, metric.delta, palette, font_size="8.5", font_weight="bold")
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def activity(buckets: Sequence[Bucket], palette: Palette) -> Markup:
    """Vertical bars of skills practised per period, with a baseline rule and sparse labels."""
    if not buckets or not any(b.count for b in buckets):
        return Markup("")
    width, height, left, bottom = 480.0, 120.0, 22.0, 18.0
    peak = max(b.count for b in buckets)
    slot = (width - left) / len(buckets)
    bar = max(slot * 0.68, 1.0)
    plot_h = height - bottom - 8
    every = max(1, round(len(buckets) / 12))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img">',
        f'<line x1="{left}" y1="{height - bottom:.1f}" x2="{width}" y2="{height - bottom:.1f}" '
        f'stroke="{palette.faint}" stroke-width="0.8"/>',
        _text(0, 14, str(peak), palette, font_size="8"),
        f'<line x1="{left}" y1="10" x2="{width}" y2="10" stroke="{palette.faint}" '
        'stroke-width="0.5" stroke-dasharray="2 2"/>',
    ]
    for index, bucket in enumerate(buckets):
        x = left + index * slot + (slot - bar) / 2
        h = bucket.count / peak * plot_h
        if h:
            parts.append(
                f'<rect x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{palette.accent}"/>'
            )
        if index % every == 0:
            parts.append(
                _text(x + bar / 2, height - 5, bucket.label, palette, font_size="7.5",
                      text_anchor="middle")
            )  # fmt: skip
    parts.append("</svg>")
    return Markup("".join(parts))
