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

BAR = 28
LINE = 22  # a label's line, in CSS pixels: text is never scaled with the figure


@dataclass(frozen=True)
class Segment:
    count: int
    label: str  # e.g. "Dans les deux listes : 25", already translated and formatted
    kind: str  # a class name: "first", "both" or "second"


def comparison(title: str, description: str, segments: Sequence[Segment]) -> str:
    """One bar cut in proportion to the segments' counts, each labelled below.

    Widths are percentages of the page's width and text sizes are CSS pixels (no
    ``viewBox``): on a phone the bar narrows and the labels keep their size."""
    total = sum(segment.count for segment in segments) or 1
    parts, x = [], 0.0
    for index, segment in enumerate(segments):
        width = 100 * segment.count / total
        if width:
            box = f'x="{x:.2f}%" y="0" width="{width:.2f}%" height="{BAR}"'
            parts.append(f'<rect class="secsoc-chart-{segment.kind}" {box}/>')
        parts.append(
            f'<text class="secsoc-chart-label" x="0" y="{BAR + LINE * (index + 1)}">'
            f'<tspan class="secsoc-chart-key-{segment.kind}">■</tspan> {escape(segment.label)}</text>'
        )
        x += width
    height = BAR + LINE * len(segments) + 8
    return _svg(title, description, height, parts)


def share(title: str, value: str, fraction: float) -> str:
    """A share (0 to 1) as a bar filled in proportion to an outlined track, its value
    above it; ``title`` says what it counts (the figure's sentence)."""
    parts = [
        f'<text class="secsoc-chart-value" x="0" y="{LINE - 6}">{escape(value)}</text>',
        f'<rect class="secsoc-chart-track" x="0.5" y="{LINE}" width="99%" height="{BAR}"/>',
        f'<rect class="secsoc-chart-share" x="0.5" y="{LINE}" width="{99 * fraction:.2f}%" height="{BAR}"/>',
    ]
    return _svg(title, title, LINE + BAR + 2, parts)


def _svg(title: str, description: str, height: int, parts: list[str]) -> str:
    return (
        f'<svg class="secsoc-chart" role="img" width="100%" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>{''.join(parts)}</svg>"
    )
