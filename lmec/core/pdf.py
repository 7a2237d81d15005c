"""HTML to PDF with WeasyPrint, legible in every script the platform speaks.

Thai, Lao, Khmer, Burmese, Vietnamese and Latin glyphs come from the Noto Sans web fonts the
site already ships (``lmec/static/vendor/fonts``, OFL-1.1), loaded through their
``@font-face`` rules, so a PDF looks the same on any machine. Chinese uses the system's
"Noto Sans CJK SC" (Debian ``fonts-noto-cjk``, installed by ``make``): the CJK font is too
large to ship with the app. WeasyPrint itself needs Pango (Debian ``libpango-1.0-0``).

Used by the evaluation report (``lmec report``) and the certificates of participation.
"""

from __future__ import annotations

import atexit
import logging
from functools import cache
from pathlib import Path

# WeasyPrint logs every layout step, and fontTools every font it subsets, at INFO: under the
# platform's INFO root logger a report would print a hundred lines. Their warnings stay.
for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)

FONTS_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "fonts"

#: Font stack for printed pages: the shipped Noto families, then CJK from the system.
FONT_STACK = (
    '"Noto Sans", "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", '
    '"Noto Sans Myanmar", "Noto Sans CJK SC", "Noto Sans SC", sans-serif'
)

#: Chinese text takes the CJK font first, so that its punctuation (“”、…—, which the Latin
#: Noto Sans also has) gets the full-width CJK glyphs, not narrow Latin ones.
CJK_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", "Noto Sans Thai", "Noto Sans Lao", '
    '"Noto Sans Khmer", "Noto Sans Myanmar", sans-serif'
)

#: The page, and a font stack per language: an element in another language inside a
#: Chinese document (a quoted Thai self-assessment) goes back to the default stack.
#: Khmer and Burmese stack vowels and subscript consonants above and below the line, so
#: they get more line height.
BASE_CSS = f"""
@page {{ size: A4; margin: 18mm 16mm 20mm; }}
html {{ font-family: {FONT_STACK}; font-size: 10.5pt; line-height: 1.5; }}
:lang(zh) {{ font-family: {CJK_STACK}; }}
:lang(en), :lang(th), :lang(vi), :lang(lo), :lang(km), :lang(my) {{ font-family: {FONT_STACK}; }}
:lang(km), :lang(my) {{ line-height: 1.8; }}
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here: its system libraries (Pango) are missing."""


def _weasyprint():
    try:
        import weasyprint
    except OSError as error:  # cffi could not load libpango/libgobject
        raise PdfUnavailable(
            "PDF output needs Pango (Debian packages libpango-1.0-0 and libpangoft2-1.0-0; "
            "`scripts/install_system_deps.sh pdf` installs them, as `make` does): "
            f"{error}"
        ) from error
    return weasyprint


@cache
def _font_config():
    _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    # drop it before the interpreter tears modules down: FontConfiguration.__del__ calls
    # into Pango and fails noisily ("Exception ignored in …") once its globals are gone
    atexit.register(_stylesheets.cache_clear)
    atexit.register(_font_config.cache_clear)
    return FontConfiguration()


@cache
def _stylesheets():
    CSS = _weasyprint().CSS
    fonts = CSS(
        string=(FONTS_DIR / "fonts.css").read_text(encoding="utf-8"),
        base_url=str(FONTS_DIR) + "/",
        font_config=_font_config(),
    )
    return [fonts, CSS(string=BASE_CSS, font_config=_font_config())]


def render_pdf(html: str, *, base_url: str | None = None, css: str = "") -> bytes:
    """``html`` (a whole document; set ``<html lang=…>``) as PDF bytes.

    ``base_url`` resolves relative links and images; ``css`` is added after the base
    style sheet (page size, margins and the font stacks above). Raises
    :class:`PdfUnavailable` when WeasyPrint's system libraries are missing.
    """
    weasyprint = _weasyprint()
    CSS, HTML = weasyprint.CSS, weasyprint.HTML
    stylesheets = list(_stylesheets())
    if css:
        stylesheets.append(CSS(string=css, font_config=_font_config()))
    document = HTML(string=html, base_url=base_url)
    return document.write_pdf(stylesheets=stylesheets, font_config=_font_config())
