"""Screenshots of the evaluation report for the README: the web page (Chromium through
Playwright) and the PDF's first pages (rendered with pypdfium2), from a running site.

    lmec demo &                       # or any running site with records
    .venv/bin/python scripts/report_screenshots.py --url http://127.0.0.1:8000 --lang th --year 2025

Writes docs/screenshots/report-<lang>.png and report-pdf-<lang>-<page>.png (small PNGs).
"""

from __future__ import annotations

import argparse
import io
import shutil
import urllib.request
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def pdf_pages(pdf: bytes, pages: list[int], prefix: str, scale: float = 1.1) -> list[Path]:
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(io.BytesIO(pdf))
    written = []
    for number in pages:
        if number > len(document):
            continue
        image = document[number - 1].render(scale=scale).to_pil().convert("RGB")
        image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)  # a small PNG
        path = OUT / f"{prefix}-{number}.png"
        image.save(path, optimize=True)
        written.append(path)
    return written


def page_screenshot(url: str, path: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.locator("#directions").scroll_into_view_if_needed()
        page.screenshot(path=str(path), full_page=False)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--lang", default="th")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--pages", default="1,3", help="PDF pages to render, e.g. 1,3")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    base = f"{args.url.rstrip('/')}/{args.lang}/reports/{args.year}"
    page_screenshot(f"{base}/", OUT / f"report-{args.lang}.png")
    with urllib.request.urlopen(f"{base}.pdf", timeout=120) as response:
        pdf = response.read()
    pages = [int(n) for n in args.pages.split(",")]
    for path in [
        OUT / f"report-{args.lang}.png",
        *pdf_pages(pdf, pages, f"report-pdf-{args.lang}"),
    ]:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
