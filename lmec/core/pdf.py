"""HTML to PDF with WeasyPrint, legible in every script the platform speaks.

Thai, Lao, Khmer, Burmese, Vietnamese and Latin glyphs come from the Noto Sans web fonts the
site already ships (``lmec/static/vendor/fonts``, OFL-1.1), loaded through their
``@font-face`` rules, so a PDF looks the same on any machine. Chinese uses the system's
"Noto Sans CJK SC" (Debian ``fonts-noto-cjk``, installed by ``make``): the CJK font is too
large to ship with the app. WeasyPrint itself needs Pango (Debian ``libpango-1.0-0``).

Used by the evaluation report (``lmec report``) and the certificates of participation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "fonts"

#: Font stack for printed pages: the shipped Noto families, then CJK from the system.
FONT_STACK = (
    '"Noto Sans", "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", '
    '"Noto Sans Myanmar", "Noto Sans CJK SC", "Noto Sans SC", sans-serif'
)

BASE_CSS = f"""
@page {{ size: A4; margin: 18mm 16mm 20mm; }}
html {{ font-family: {FONT_STACK}; font-size: 10.5pt; line-height: 1.5; }}
:lang(zh-hans) {{ font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }}
"""


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _stylesheets():
    from weasyprint import CSS

    fonts = CSS(
        string=(FONTS_DIR / "fonts.css").read_text(encoding="utf-8"),
        base_url=str(FONTS_DIR) + "/",
        font_config=_font_config(),
    )
    return [fonts, CSS(string=BASE_CSS, font_config=_font_config())]


def render_pdf(html: str, *, base_url: str | None = None, css: str = "") -> bytes:
    """``html`` (a whole document; set ``<html lang=…>``) as PDF bytes.

    ``base_url`` resolves relative links and images; ``css`` is added after the base
    style sheet (page size, margins and the font stack above).
    """
    from weasyprint import CSS, HTML

    stylesheets = list(_stylesheets())
    if css:
        stylesheets.append(CSS(string=css, font_config=_font_config()))
    document = HTML(string=html, base_url=base_url)
    return document.write_pdf(stylesheets=stylesheets, font_config=_font_config())
