"""Bar charts as inline SVG, drawn on the server from the report's data.

No JavaScript: the same markup shows on the web page, in the HTML file of ``lmec report``
and in the PDF (WeasyPrint draws SVG, text included, in the fonts given). Bars are
horizontal so that long labels (country and direction names in Burmese or Khmer) fit.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ROW = 22  # height of one bar's row [px]
LABEL_WIDTH = 230  # room for the labels on the left [px]
VALUE_WIDTH = 90  # room for the value at the bar's end [px]
PALETTE = ("#1f6f8b", "#e39b2f", "#5b8c3a", "#a23e48", "#6b5b95", "#3a7d7c")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}"


def bar_chart(
    rows: list[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
    font_family: str = "sans-serif",
) -> SafeString:
    """An SVG bar chart of ``rows`` (label, value ≥ 0), titled ``title`` (also its
    accessible name). Empty ``rows`` or all zeros draw the axis and no bars.

    ``font_family`` is set on the SVG's texts: WeasyPrint does not pass the page's font
    stack into SVG text, which would otherwise fall back to whatever the system has
    (DejaVu Sans for Lao, say) instead of the shipped Noto fonts."""
    rows = [(str(label), max(float(value or 0), 0.0)) for label, value in rows]
    # on every text element, families without spaces around the commas: WeasyPrint's SVG
    # text reads the attribute of the element itself and splits it on "," only
    font = escape(",".join(family.strip() for family in font_family.split(",")))
    top = max((value for _label, value in rows), default=0.0)
    span = width - LABEL_WIDTH - VALUE_WIDTH
    height = ROW * max(len(rows), 1) + 8
    suffix = f" {escape(unit)}" if unit else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{height - 4}" '
        'stroke="#888" stroke-width="1"/>',
    ]
    for index, (label, value) in enumerate(rows):
        y = index * ROW + 4
        length = span * value / top if top else 0
        shown = label if len(label) <= 36 else label[:35] + "…"
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + ROW * 0.65:.1f}" text-anchor="end" '
            f'font-size="11" font-family="{font}">{escape(shown)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{ROW - 8}" '
            f'fill="{colour}"><title>{escape(label)}: {_number(value)}</title></rect>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + ROW * 0.65:.1f}" '
            f'font-size="11" font-family="{font}">{_number(value)}{suffix}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
