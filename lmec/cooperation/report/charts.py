"""Bar charts drawn on the server from the report's data: inline SVG bars, HTML labels.

No JavaScript: the same markup shows on the web page, in the HTML file of ``lmec report``
and in the PDF. Each bar is a small inline SVG; the labels and values are HTML text beside
it, not SVG text, because WeasyPrint lays SVG text out letter by letter, without shaping:
Thai, Lao, Khmer and Burmese marks would fall off their letters (dotted circles) and the
page's font stack would not apply. Bars are horizontal so that long labels fit.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_WIDTH = 300  # the longest bar [px]
BAR_HEIGHT = 12  # [px]
PALETTE = ("#1f6f8b", "#e39b2f", "#5b8c3a", "#a23e48", "#6b5b95", "#3a7d7c")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}"


def bar_chart(rows: list[tuple[str, float]], *, title: str, unit: str = "") -> SafeString:
    """A horizontal bar chart of ``rows`` (label, value ≥ 0) titled ``title``, as an HTML
    figure: one row per bar with its label, an SVG bar scaled to the largest value, and
    the value (with ``unit``). A zero draws no bar."""
    rows = [(str(label), max(float(value or 0), 0.0)) for label, value in rows]
    top = max((value for _label, value in rows), default=0.0)
    suffix = f" {escape(unit)}" if unit else ""
    parts = [
        f'<figure class="chart bar-chart"><figcaption>{escape(title)}</figcaption>'
        '<table role="presentation"><tbody>'
    ]
    for index, (label, value) in enumerate(rows):
        length = BAR_WIDTH * value / top if top else 0
        # the SVG is as long as its bar, so the value follows the bar's end
        parts.append(
            f'<tr><th scope="row">{escape(label)}</th><td class="bar">'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{length:.1f}" '
            f'height="{BAR_HEIGHT}" aria-hidden="true">'
            f'<rect x="0" y="0" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/></svg>'
            f'<span class="num">{_number(value)}{suffix}</span></td></tr>'
        )
    parts.append("</tbody></table></figure>")
    return mark_safe("".join(parts))  # every text above is escaped
