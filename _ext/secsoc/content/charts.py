"""Small SVG figures drawn at build time: look at the comparison rather than read it.

No script, no library: a few rectangles and their labels, sized in proportion, with
a title and a description that say in words what the figure shows (the text
alternative screen readers read).  Every text comes in already translated and is
escaped here; colours come from the page's stylesheet (classes), so the figures
follow the theme's light and dark modes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 600
BAR = 28


@dataclass(frozen=True)
class Segment:
    count: int
    label: str  # e.g. "Dans les deux listes : 25", already translated and formatted
    kind: str  # a class name: "first", "both" or "second"


def comparison(title: str, description: str, segments: Sequence[Segment]) -> str:
    """One bar cut in proportion to the segments' counts, each labelled below."""
    total = sum(segment.count for segment in segments) or 1
    parts, x = [], 0.0
    for index, segment in enumerate(segments):
        width = WIDTH * segment.count / total
        if width:
            box = f'x="{x:.1f}" y="0" width="{width:.1f}" height="{BAR}"'
            parts.append(f'<rect class="secsoc-chart-{segment.kind}" {box}/>')
        parts.append(
            f'<text class="secsoc-chart-label" x="0" y="{BAR + 22 + 20 * index}">'
            f'<tspan class="secsoc-chart-key-{segment.kind}">■</tspan> {escape(segment.label)}</text>'
        )
        x += width
    height = BAR + 12 + 20 * len(segments)
    return _svg(title, description, height, parts)


def shares(title: str, description: str, bars: Sequence[tuple[float, str]]) -> str:
    """One bar per share (0 to 1), filled in proportion, its label beside it."""
    parts = []
    for index, (share, label) in enumerate(bars):
        y = index * (BAR + 12)
        parts.append(f'<rect class="secsoc-chart-track" x="0" y="{y}" width="{WIDTH}" height="{BAR}"/>')
        parts.append(
            f'<rect class="secsoc-chart-share" x="0" y="{y}" width="{WIDTH * share:.1f}" height="{BAR}"/>'
        )
        parts.append(f'<text class="secsoc-chart-value" x="8" y="{y + BAR - 9}">{escape(label)}</text>')
    return _svg(title, description, len(bars) * (BAR + 12), parts)


def _svg(title: str, description: str, height: int, parts: list[str]) -> str:
    return (
        f'<svg class="secsoc-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>{''.join(parts)}</svg>"
    )
