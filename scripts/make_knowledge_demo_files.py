"""Make the files of the knowledge demo (``lmec/knowledge/data/demo/files/``); run once, commit.

    PYTHONPATH=. .venv/bin/python scripts/make_knowledge_demo_files.py

Every file is made here, honestly, from the demo records and the monitoring demo generator —
nothing is downloaded and nothing pretends to be an official publication (each document says
it is demo material):

* PDFs: one A4 page rendered with Pillow (HarfBuzz shaping via raqm, Noto fonts), placed as
  an image with pypdfium2, plus an invisible text layer with the same text (as in a scanned
  and OCR'd PDF) so that text extraction finds it. Thai and Lao use the Noto font of their
  script for the text layer and the standard Helvetica for Latin runs; the Chinese PDF has no
  text layer (the only CJK fonts here are multi-megabyte collections), which also shows an
  image-only PDF in the catalogue.
* DOCX with python-docx (Vietnamese, Khmer, Burmese), a CSV and an XLSX derived from the
  monitoring demo's generated measurements, a CSV of an invented waste audit, and a PNG
  infographic drawn with Pillow.

Needs the Noto fonts of the seven scripts (Debian: fonts-noto-core, fonts-noto-cjk).
"""

from __future__ import annotations

import csv
import ctypes
import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lmec.settings")

import icu  # noqa: E402
import numpy as np  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_c  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

DEMO = ROOT / "lmec" / "knowledge" / "data" / "demo"
OUT = DEMO / "files"
FONTS = Path("/usr/share/fonts")
FONT = {
    "latin": FONTS / "truetype/noto/NotoSans-Regular.ttf",
    "th": FONTS / "truetype/noto/NotoSansThai-Regular.ttf",
    "lo": FONTS / "truetype/noto/NotoSansLao-Regular.ttf",
    "km": FONTS / "truetype/noto/NotoSansKhmer-Regular.ttf",
    "my": FONTS / "truetype/noto/NotoSansMyanmar-Regular.ttf",
    "zh-hans": FONTS / "opentype/noto/NotoSansCJK-Regular.ttc",
}
NOTICE = {
    "en": "Demo document made for the LMEC knowledge platform; not an official publication.",
    "th": "เอกสารสาธิตสำหรับแพลตฟอร์มความรู้ LMEC ไม่ใช่เอกสารเผยแพร่อย่างเป็นทางการ",
    "lo": "ເອກະສານສາທິດສຳລັບເວທີຄວາມຮູ້ LMEC ບໍ່ແມ່ນເອກະສານທາງການ",
    "zh-hans": "本文件为澜湄环境合作知识平台演示材料，并非正式出版物。",
    "vi": "Tài liệu minh họa cho nền tảng tri thức LMEC, không phải ấn phẩm chính thức.",
    "km": "ឯកសារសាកល្បងសម្រាប់វេទិកាចំណេះដឹង LMEC មិនមែនជាឯកសារផ្លូវការទេ។",
    "my": "LMEC အသိပညာ ပလက်ဖောင်းအတွက် သရုပ်ပြစာတမ်း ဖြစ်ပြီး တရားဝင်ထုတ်ဝေမှု မဟုတ်ပါ။",
}


def records() -> dict[str, dict]:
    with (DEMO / "resources.jsonl").open(encoding="utf-8") as fh:
        return {r["identifier"]: r for r in map(json.loads, fh)}


# --- PDF ------------------------------------------------------------------------------------

W, H, SCALE, MARGIN = 595, 842, 2, 56  # A4 in points; rendered at 144 dpi


def wrap(text: str, lang: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Lines that fit ``width`` pixels, broken where ICU's line breaker allows (no spaces in
    Thai, Lao or Chinese)."""
    breaker = icu.BreakIterator.createLineInstance(icu.Locale(lang))
    breaker.setText(text)
    pieces, start = [], 0
    for end in breaker:
        pieces.append(text[start:end])
        start = end
    lines, line = [], ""
    for piece in pieces:
        if line and font.getlength(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def script_runs(text: str, lang: str) -> list[tuple[str, bool]]:
    """Split a line into runs of the script's letters and of ASCII (True: ASCII)."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        ascii_ = ord(ch) < 128 and lang in ("th", "lo")
        if runs and runs[-1][1] == ascii_:
            runs[-1] = (runs[-1][0] + ch, ascii_)
        else:
            runs.append((ch, ascii_))
    return runs


def make_pdf(path: Path, lang: str, blocks: list[tuple[str, str]], *, text_layer: bool) -> None:
    """``blocks``: (style, text) with style "title", "note" or "body"."""
    font_file = FONT.get(lang, FONT["latin"])
    sizes = {"title": 17, "note": 9, "body": 11}
    fonts = {k: ImageFont.truetype(str(font_file), v * SCALE) for k, v in sizes.items()}
    # the Thai and Lao fonts have no Latin letters or digits: ASCII runs get Noto Sans
    latin_fonts = {k: ImageFont.truetype(str(FONT["latin"]), v * SCALE) for k, v in sizes.items()}
    image = Image.new("L", (W * SCALE, H * SCALE), 255)
    draw = ImageDraw.Draw(image)
    placed: list[tuple[str, float, float, float]] = []  # text, x, y (points, from top), size
    y = MARGIN
    for style, text in blocks:
        font = fonts[style]
        for line in wrap(text, lang, font, (W - 2 * MARGIN) * SCALE):
            x = MARGIN * SCALE
            for run, ascii_ in script_runs(line, lang):
                run_font = latin_fonts[style] if ascii_ else font
                draw.text((x, y * SCALE), run, font=run_font, fill=90 if style == "note" else 0)
                x += run_font.getlength(run)
            placed.append((line, MARGIN, y, sizes[style]))
            y += sizes[style] * 1.7
        y += sizes[style] * 0.8
    draw.line(
        [(MARGIN * SCALE, (H - 40) * SCALE), ((W - MARGIN) * SCALE, (H - 40) * SCALE)], fill=160
    )

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(W, H)
    picture = pdfium.PdfImage.new(pdf)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(image))
    picture.set_matrix(pdfium.PdfMatrix().scale(W, H))
    page.insert_obj(picture)
    if text_layer:
        keep = []  # the font buffer must outlive the document
        script_font = None
        if lang != "en":
            data = font_file.read_bytes()
            buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
            keep.append(buffer)
            script_font = pdfium_c.FPDFText_LoadFont(
                pdf.raw, buffer, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True
            )
        latin = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
        for line, x, top, size in placed:
            for run, ascii_ in script_runs(line, lang):
                obj = pdfium_c.FPDFPageObj_CreateTextObj(
                    pdf.raw, latin if ascii_ or lang == "en" else script_font, float(size)
                )
                encoded = ctypes.create_string_buffer((run + "\0").encode("utf-16-le"))
                pdfium_c.FPDFText_SetText(obj, ctypes.cast(encoded, pdfium_c.FPDF_WIDESTRING))
                pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
                pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, H - top - size)
                left, bottom, right, top_ = (ctypes.c_float() for _ in range(4))
                pdfium_c.FPDFPageObj_GetBounds(
                    obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                    ctypes.byref(top_),
                )  # fmt: skip
                x = right.value if right.value > x else x + size * 0.5 * len(run)
                pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    pdf.save(str(path))


def pdfs(recs: dict[str, dict]) -> None:
    haze = recs["demo-biomass-burning-transboundary-haze"]
    make_pdf(
        OUT / "haze-brief-en.pdf",
        "en",
        [
            ("title", haze["title"]["en"]),
            ("note", NOTICE["en"]),
            ("body", haze["abstract"]["en"]),
            (
                "body",
                "Key messages. (1) Most PM2.5 in the upper Mekong in March comes from open "
                "burning of maize residues and forest fires, not from cities. (2) Bans alone "
                "move burning to the night; burn permits tied to the daily ventilation index, "
                "buy-back of residues and village fire brigades work together. (3) Shared "
                "hotspot and PM2.5 data across the borders let provinces act before the "
                "worst days.",
            ),
            (
                "body",
                "Recommendations: a common PM2.5 alert threshold for the haze season; "
                "residue markets (pellets, mushroom substrate, animal feed); firebreak "
                "budgets for community forests; joint training on satellite fire products.",
            ),
        ],
        text_layer=True,
    )
    thai = recs["demo-th-north-air-quality-2024"]
    make_pdf(
        OUT / "th-north-air-quality-2024.pdf",
        "th",
        [
            ("title", thai["title"]["th"]),
            ("note", NOTICE["th"]),
            ("body", thai["abstract"]["th"]),
            (
                "body",
                "ข้อเสนอแนะ: บริหารจัดการเชื้อเพลิงในพื้นที่ป่าอนุรักษ์ก่อนฤดูแล้ง "
                "ส่งเสริมการรับซื้อเศษวัสดุการเกษตรแทนการเผา จัดระบบลงทะเบียนการเผา "
                "ตามค่าการระบายอากาศรายวัน และแจ้งเตือนประชาชนเมื่อค่า PM2.5 "
                "เกิน 37.5 ไมโครกรัมต่อลูกบาศก์เมตร",
            ),
        ],
        text_layer=True,
    )
    lao = recs["demo-la-case-that-luang-wetland"]
    make_pdf(
        OUT / "that-luang-case-lo.pdf",
        "lo",
        [
            ("title", lao["title"]["lo"]),
            ("note", NOTICE["lo"]),
            ("body", lao["abstract"]["lo"]),
            ("body", lao["context"]["lo"]),
            ("body", lao["solution"]["lo"]),
            ("body", lao["results"]["lo"]),
        ],
        text_layer=True,
    )
    zh = recs["demo-cn-training-air-monitoring"]
    make_pdf(
        OUT / "air-monitoring-training-zh.pdf",
        "zh-hans",
        [
            ("title", zh["title"]["zh-hans"] + "　第一章　监测站选址"),
            ("note", NOTICE["zh-hans"]),
            ("body", zh["abstract"]["zh-hans"]),
            (
                "body",
                "1.1 城市环境空气质量评价点应代表城市建成区的整体水平，远离局地排放源；"
                "采样口距地面高度一般为3至20米，周围水平面应保证270°以上的捕集空间。"
                "1.2 交通站点用于评估道路机动车排放的影响，应设在道路边缘20米以内。"
                "1.3 区域背景站应远离城市和主要排放源，用于评估区域传输和背景浓度。",
            ),
        ],
        text_layer=False,
    )


# --- DOCX -----------------------------------------------------------------------------------


def make_docx(path: Path, lang: str, blocks: list[tuple[str, str]]) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    core = document.core_properties
    core.language, core.author = lang, "LMEC knowledge platform (demo)"
    core.created = core.modified = datetime.datetime(2026, 12, 1)
    for style, text in blocks:
        if style == "title":
            paragraph = document.add_heading(text, level=1)
        elif style == "heading":
            paragraph = document.add_heading(text, level=2)
        else:
            paragraph = document.add_paragraph(text)
        for run in paragraph.runs:
            # complex-script font so that Word shows Khmer and Burmese with a suitable face
            run.font.name = FONT.get(lang, FONT["latin"]).stem.split("-")[0]
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), run.font.name)
    document.save(str(path))


def docxs(recs: dict[str, dict]) -> None:
    hanoi = recs["demo-vn-hanoi-winter-air-pollution"]
    make_docx(
        OUT / "hanoi-winter-pm25-vi.docx",
        "vi",
        [
            ("title", hanoi["title"]["vi"]),
            ("body", NOTICE["vi"]),
            ("heading", "Tóm tắt"),
            ("body", hanoi["abstract"]["vi"]),
            ("heading", "Khuyến nghị"),
            (
                "body",
                "Thiết lập vùng phát thải thấp trong các quận nội thành; kiểm soát đốt rơm rạ "
                "sau thu hoạch bằng hỗ trợ thu gom và làm phân hữu cơ; chuyển đổi lò nung ở "
                "làng nghề sang nhiên liệu sạch; công bố chỉ số chất lượng không khí theo giờ.",
            ),
            ("heading", "Summary (English)"),
            ("body", hanoi["abstract"]["en"]),
        ],
    )
    siem = recs["demo-kh-case-siem-reap-waste-sorting"]
    make_docx(
        OUT / "siem-reap-waste-case-km.docx",
        "km",
        [("title", siem["title"]["km"]), ("body", NOTICE["km"])]
        + [
            (kind, siem[field]["km"] if kind == "body" else heading)
            for field, heading in (
                ("context", "បរិបទ"),
                ("challenge", "បញ្ហាប្រឈម"),
                ("solution", "ដំណោះស្រាយ"),
                ("results", "លទ្ធផល"),
                ("lessons", "មេរៀនបទពិសោធន៍"),
            )
            for kind in ("heading", "body")
        ],
    )
    # The Burmese manual is written in Unicode: the record's text in the JSONL is Zawgyi, so
    # the file is made from the Unicode the import turns it back into.
    back = icu.Transliterator.createInstance("Zawgyi-my")
    flr = recs["demo-mm-flr-training-manual"]
    make_docx(
        OUT / "flr-training-manual-my.docx",
        "my",
        [
            ("title", back.transliterate(flr["title"]["my"])),
            ("body", NOTICE["my"]),
            ("heading", "သင်တန်းရည်ရွယ်ချက်"),
            ("body", back.transliterate(flr["abstract"]["my"])),
            ("heading", "ပထမနေ့- ရှုခင်းအဆင့် စီမံချက်ရေးဆွဲခြင်း"),
            (
                "body",
                "ရပ်ရွာနှင့်အတူ မြေပုံဆွဲခြင်း၊ ပျက်စီးနေသော မြေနေရာများကို ဖော်ထုတ်ခြင်းနှင့် "
                "ပြန်လည်ထူထောင်ရေး ဦးစားပေးနေရာများကို ရွေးချယ်ခြင်း။",
            ),
            ("heading", "Course aim (English)"),
            ("body", flr["abstract"]["en"]),
        ],
    )


# --- data files -----------------------------------------------------------------------------

WATER_SITES = ("MRC-LUANG-PRABANG", "MRC-PAKSE", "MRC-KRATIE", "MRC-TAN-CHAU")
WATER_COLUMNS = ("temp", "ph", "do", "ec", "tss", "nh3_n", "no3_n", "tp", "tn", "cod_mn")
PM25_STATIONS = ("TH-35T", "TH-36T", "THA005")
TH_PM25_24H = 37.5  # Thailand's 24-hour PM2.5 standard since 2023 [µg/m³]


def water_csv() -> None:
    from lmec.monitoring import demo_data, parameters

    units = {code: parameters.BY_CODE[code].unit for code in WATER_COLUMNS}
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for site in WATER_SITES:
        for record in demo_data.water_records(site):
            if record["parameter"] in WATER_COLUMNS:
                rows.setdefault((site, record["time"]), {})[record["parameter"]] = record["value"]
    with (OUT / "mekong-water-quality-demo.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["site", "sampled_at", *(f"{c} [{units[c]}]" for c in WATER_COLUMNS)])
        for (site, time), values in sorted(rows.items()):
            out.writerow([site, time, *(values.get(c, "") for c in WATER_COLUMNS)])


def pm25_xlsx() -> None:
    import openpyxl
    from openpyxl.styles import Font

    from lmec.monitoring import demo_data

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PM2.5 รายเดือน"
    sheet.append(["ข้อมูลสาธิต (generated demo values, not measurements) — LMEC"])
    sheet.append(
        [
            "สถานี (station)",
            "เดือน (month)",
            "ค่าเฉลี่ย PM2.5 [µg/m³] (monthly mean)",
            "จำนวนวันที่เกิน 37.5 µg/m³ (days above the 24-h standard)",
            "จำนวนวันที่มีข้อมูล (days with data)",
        ]
    )
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for code in PM25_STATIONS:
        times, series = demo_data.station_series(code)
        values = series["pm25"]
        days = times.astype("datetime64[D]")
        months = times.astype("datetime64[M]")
        for month in np.unique(months):
            in_month = months == month
            daily = []
            for day in np.unique(days[in_month]):
                hours = values[days == day]
                hours = hours[~np.isnan(hours)]
                if hours.size >= 18:  # a valid day: at least 75 % of its hours
                    daily.append(hours.mean())
            if not daily:
                continue
            sheet.append(
                [
                    code,
                    str(month),
                    round(float(np.mean(daily)), 1),
                    int(sum(d > TH_PM25_24H for d in daily)),
                    len(daily),
                ]
            )
    for column, width in zip("ABCDE", (12, 10, 18, 22, 14), strict=True):
        sheet.column_dimensions[column].width = width
    book.properties.creator = "LMEC knowledge platform (demo)"
    book.properties.created = book.properties.modified = datetime.datetime(2026, 12, 1)
    book.save(OUT / "chiang-mai-pm25-monthly.xlsx")


def waste_csv() -> None:
    """An invented household waste audit (percent by weight; kg per person and day)."""
    districts = (
        ("ដូនពេញ", "Doun Penh", 0.91, (58.2, 19.6, 8.1, 3.2, 1.9, 9.0)),
        ("ចំការមន", "Chamkar Mon", 0.88, (56.9, 20.4, 8.8, 3.5, 2.1, 8.3)),
        ("ទួលគោក", "Tuol Kouk", 0.84, (59.7, 18.7, 7.6, 2.9, 1.8, 9.3)),
        ("មានជ័យ", "Mean Chey", 0.76, (62.5, 17.1, 6.2, 2.4, 1.5, 10.3)),
        ("សែនសុខ", "Sen Sok", 0.79, (61.0, 18.2, 6.9, 2.6, 1.6, 9.7)),
        ("ពោធិ៍សែនជ័យ", "Pou Senchey", 0.71, (64.8, 16.3, 5.1, 2.0, 1.3, 10.5)),
        ("ច្បារអំពៅ", "Chbar Ampov", 0.74, (63.2, 16.9, 5.8, 2.2, 1.4, 10.5)),
        ("ដង្កោ", "Dangkao", 0.68, (66.1, 15.4, 4.7, 1.9, 1.2, 10.7)),
    )
    header = [
        "ខណ្ឌ (district)",
        "district",
        "households",
        "kg_per_person_day",
        "organic_pct",
        "plastic_pct",
        "paper_pct",
        "glass_pct",
        "metal_pct",
        "other_pct",
    ]
    with (OUT / "phnom-penh-waste-composition-2024.csv").open(
        "w", newline="", encoding="utf-8"
    ) as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for km, en, per_person, shares in districts:
            assert abs(sum(shares) - 100) < 0.05, en
            out.writerow([km, en, 40, per_person, *shares])


def infographic() -> None:
    fonts = {s: ImageFont.truetype(str(FONT["latin"]), s) for s in (15, 19, 30)}
    image = Image.new("RGB", (900, 560), (244, 249, 246))
    draw = ImageDraw.Draw(image)
    draw.text(
        (40, 28), "Rác thải nhựa trên sông Mê Công đi về đâu?", font=fonts[30], fill=(14, 74, 60)
    )
    draw.text(
        (40, 72), NOTICE["vi"] + " Số liệu ước tính minh họa.", font=fonts[15], fill=(90, 90, 90)
    )
    steps = (
        ("Hộ gia đình ven sông", "100 %", (31, 119, 180)),
        ("Được thu gom", "54 %", (44, 160, 44)),
        ("Tái chế", "12 %", (23, 190, 120)),
        ("Bãi chôn lấp, đốt", "42 %", (148, 103, 189)),
        ("Rò rỉ ra sông, biển Đông", "21 %", (214, 39, 40)),
    )  # fmt: skip
    for i, (label, share, colour) in enumerate(steps):
        x, y = 40 + (i % 3) * 285, 140 + (i // 3) * 190
        draw.rounded_rectangle([x, y, x + 250, y + 140], radius=18, fill=colour)
        draw.text((x + 18, y + 20), share, font=fonts[30], fill="white")
        draw.text((x + 18, y + 80), label, font=fonts[19], fill="white")
        if i in (0, 1):  # collected -> recycled; the second row are the other fates
            draw.polygon(
                [(x + 258, y + 60), (x + 278, y + 70), (x + 258, y + 80)], fill=(60, 60, 60)
            )
    draw.text((40, 520), "LMEC · CC BY 4.0", font=fonts[15], fill=(90, 90, 90))
    image.quantize(colors=64).save(OUT / "mekong-plastic-infographic.png", optimize=True)


def main() -> None:
    import django

    django.setup()
    OUT.mkdir(parents=True, exist_ok=True)
    recs = records()
    pdfs(recs)
    docxs(recs)
    water_csv()
    pm25_xlsx()
    waste_csv()
    infographic()
    total = 0
    for path in sorted(OUT.iterdir()):
        total += path.stat().st_size
        print(f"{path.stat().st_size:>9,}  {path.name}")
    print(f"{total:>9,}  total")


if __name__ == "__main__":
    main()
