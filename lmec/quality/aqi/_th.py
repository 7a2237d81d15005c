"""Thailand: the Pollution Control Department's Air Quality Index, 2023 revision.

What the announcement [1]_ says, read in its Royal Gazette text (pages 3-6):

- ข้อ 1 repeals the announcement of 24 September 2018 (B.E. 2561), whose category advice
  ("suitable for outdoor activities and travel" ...) is therefore no longer in force;
- ข้อ 3: five levels, "from 0 to more than 200"; index 100 equals the general ambient air
  quality standard;
- ข้อ 4.1: averaging periods and resolution, and rounding of concentrations: PM2.5 24-hour
  running mean [µg/m³] and CO 8-hour running mean [ppm] to one decimal, PM10 24-hour [µg/m³],
  O3 8-hour, NO2 and SO2 1-hour [ppb] to whole numbers, each "ปัดเลขตามหลักสากล" (rounded by
  the international rule, read as half up);
- ข้อ 4.2: the AQI is the highest of the six sub-indices; ข้อ 4.3: the sub-index is linear
  between the breakpoints of Table 2 (I, X, Xi, Xj, Ii, Ij defined as in [2]_);
- Table 1: index bands, level names, colour names (ฟ้า, เขียว, เหลือง, ส้ม, แดง) and advice for
  the general public and people at risk; Table 2: the breakpoints, whose last row reads
  "201 ขึ้นไป" (201 and above) with "75.1 ขึ้นไป" etc. and no upper values.

Not in the text: how to compute an index above 200 (no rule, no upper breakpoints) and how to
round the index itself. Our choices: the 101-200 line continues above 200, the index is
rounded half up. A third-party AQI guide reports that Air4Thai's online calculator returns
201 for any concentration in the top row; that was not checked against Air4Thai itself and
is not followed.

References
----------
.. [1] กรมควบคุมมลพิษ (Pollution Control Department), ประกาศกรมควบคุมมลพิษ เรื่อง
   ดัชนีคุณภาพอากาศของประเทศไทย พ.ศ. 2566 (Announcement on Thailand's Air Quality
   Index, B.E. 2566 / 2023), signed 16 May 2023, Royal Gazette vol. 140, special part
   157 ง, 3 July 2023, pp. 3-6: ข้อ 1-4, Table 1 (index bands, meaning, colour, advice) and
   Table 2 (concentrations equal to the index, averaging periods and units).
   https://ratchakitcha.soc.go.th/documents/140D157S0000000000300.pdf, read in a text
   transcription of that PDF (OCR; the Thai vowel "ำ" is lost in places and was restored).
   The text has no commencement clause; the start date of 1 June 2023 was not read in it.
.. [2] Air4Thai, ดัชนีคุณภาพอากาศ (AQI information page), air4thai.pcd.go.th: the same
   tables, the interpolation formula I = (Ij - Ii)/(Xj - Xi) * (X - Xi) + Ii and the
   band colours (hex codes; the announcement names the colours only).
"""

from __future__ import annotations

from ._core import Category, Pollutant, Source, Standard

_INDEX = ((0, 25), (26, 50), (51, 100), (101, 200))


def _table(pid, name, unit, averaging, ranges, top, decimals):
    """[1], Table 2: closed ranges per band; the last row reads "<top> ขึ้นไป" (and above).

    The announcement gives no upper concentration for the band "201 and above". We extend
    the straight line of the 101-200 band beyond it (continuous at 200), so that the index
    keeps rising with the concentration; this is our reading, stated in the docstring of
    :data:`TH_PCD_2023`.
    """
    bands = [(lo, hi, i0, i1) for (lo, hi), (i0, i1) in zip(ranges, _INDEX, strict=True)]
    lo, hi, i0, i1 = bands[-1]
    slope = (i1 - i0) / (hi - lo)
    # open band from "top" upward: starts at 201 and keeps the 101-200 slope
    bands.append((top, top + 1000.0 / slope, 201.0, 201.0 + 1000.0))
    return Pollutant(pid, name, unit, averaging, tuple(bands), decimals, "round", "extend")


# [1], Table 2 and ข้อ 4.1. PM 24-hour running means [µg/m³]; O3 and CO 8-hour running
# means [ppb, ppm]; NO2 and SO2 1-hour means [ppb]. ข้อ 4.1 rounds each concentration to
# the resolution printed here (PM2.5 and CO 0.1, the others 1) before the look-up.
POLLUTANTS = (
    _table(
        "pm25_24h",
        "PM2.5",
        "µg/m³",
        "24h",
        ((0, 15.0), (15.1, 25.0), (25.1, 37.5), (37.6, 75.0)),
        75.1,
        1,
    ),
    _table("pm10_24h", "PM10", "µg/m³", "24h", ((0, 50), (51, 80), (81, 120), (121, 180)), 181, 0),
    _table("o3_8h", "O3", "ppb", "8h", ((0, 35), (36, 50), (51, 70), (71, 120)), 121, 0),
    _table("co_8h", "CO", "ppm", "8h", ((0, 4.4), (4.5, 6.4), (6.5, 9.0), (9.1, 30.0)), 30.1, 1),
    _table("no2_1h", "NO2", "ppb", "1h", ((0, 60), (61, 106), (107, 170), (171, 340)), 341, 0),
    _table("so2_1h", "SO2", "ppb", "1h", ((0, 100), (101, 200), (201, 300), (301, 400)), 401, 0),
)

# [1], Table 1: index bands, level ("ความหมาย (ระดับคุณภาพอากาศ)": ดีมาก, ดี, ปานกลาง,
# เริ่มมีผลกระทบต่อสุขภาพ, มีผลกระทบต่อสุขภาพ; the first three names here join the column
# heading "คุณภาพอากาศ" to the cell), colour and advice. The Thai advice is Table 1's text
# (its list items joined by spaces); the English is our rendering. Hex colours from Air4Thai
# [2] (Table 1 names them: ฟ้า light blue, เขียว green, เหลือง yellow, ส้ม orange, แดง red).
CATEGORIES = (
    Category(
        "very_good",
        0,
        25,
        "#3BCCFF",
        {"en": "Very good", "th": "คุณภาพอากาศดีมาก"},
        {
            "en": "Everyone can go about their lives as normal.",
            "th": "ประชาชนทุกคนสามารถดำเนินชีวิตได้ตามปกติ",
        },
    ),
    Category(
        "good",
        26,
        50,
        "#92D050",
        {"en": "Good", "th": "คุณภาพอากาศดี"},
        {
            "en": "General public: outdoor activities as normal. People at risk: watch for "
            "unusual symptoms such as frequent coughing, difficult, rapid or wheezing "
            "breathing, breathlessness, chest tightness or pain, palpitations, nausea, "
            "unusual tiredness or dizziness.",
            "th": "ประชาชนทั่วไป: สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ "
            "ประชาชนกลุ่มเสี่ยง: ควรสังเกตอาการผิดปกติ เช่น ไอบ่อย หายใจลำบาก หายใจถี่ "
            "หายใจไม่ออก หายใจมีเสียงวี้ด แน่นหน้าอก เจ็บหน้าอก ใจสั่น คลื่นไส้ "
            "เมื่อยล้าผิดปกติ หรือวิงเวียนศีรษะ",
        },
    ),
    Category(
        "moderate",
        51,
        100,
        "#FFFF00",
        {"en": "Moderate", "th": "คุณภาพอากาศปานกลาง"},
        {
            "en": "General public: spend less time on strenuous outdoor activity or "
            "exercise. People at risk: wear protective equipment such as a PM2.5 mask "
            "every time you go outdoors; spend less time on strenuous outdoor activity or "
            "exercise; see a doctor promptly if you have unusual symptoms.",
            "th": "ประชาชนทั่วไป: ลดระยะเวลาการทำกิจกรรมหรือการออกกำลังกายกลางแจ้งที่ใช้แรงมาก "
            "ประชาชนกลุ่มเสี่ยง: ใช้อุปกรณ์ป้องกันตนเอง เช่น หน้ากากป้องกัน PM2.5 ทุกครั้ง"
            "ที่ออกนอกอาคาร ลดระยะเวลาการทำกิจกรรมหรือการออกกำลังกายกลางแจ้งที่ใช้แรงมาก "
            "หากมีอาการผิดปกติให้รีบปรึกษาแพทย์",
        },
    ),
    Category(
        "starting_to_affect_health",
        101,
        200,
        "#FFA200",
        {"en": "Starting to affect health", "th": "เริ่มมีผลกระทบต่อสุขภาพ"},
        {
            "en": "General public: wear protective equipment such as a PM2.5 mask every "
            "time you go outdoors; limit strenuous outdoor activity or exercise; watch for "
            "unusual symptoms such as coughing, difficult breathing or eye irritation. "
            "People at risk: wear protective equipment such as a PM2.5 mask every time you "
            "go outdoors; avoid strenuous outdoor activity or exercise; follow your "
            "doctor's advice and see a doctor promptly if you have unusual symptoms.",
            "th": "ประชาชนทั่วไป: ใช้อุปกรณ์ป้องกันตนเอง เช่น หน้ากากป้องกัน PM2.5 ทุกครั้ง"
            "ที่ออกนอกอาคาร จำกัดระยะเวลาในการทำกิจกรรมหรือการออกกำลังกายกลางแจ้งที่ใช้แรงมาก "
            "ควรสังเกตอาการผิดปกติ เช่น ไอ หายใจลำบาก ระคายเคืองตา "
            "ประชาชนกลุ่มเสี่ยง: ใช้อุปกรณ์ป้องกันตนเอง เช่น หน้ากากป้องกัน PM2.5 ทุกครั้ง"
            "ที่ออกนอกอาคาร เลี่ยงการทำกิจกรรมหรือการออกกำลังกายกลางแจ้งที่ใช้แรงมาก "
            "ให้ปฏิบัติตามคำแนะนำของแพทย์ หากมีอาการผิดปกติให้รีบไปพบแพทย์",
        },
    ),
    Category(
        "affecting_health",
        201,
        float("inf"),
        "#F04646",
        {"en": "Affecting health", "th": "มีผลกระทบต่อสุขภาพ"},
        {
            "en": "Everyone: stop outdoor activities; if you must be outdoors, always wear "
            "protective equipment such as a PM2.5 mask; see a doctor promptly if you have "
            "unusual symptoms. People with a chronic illness should stay in a place "
            "protected from air pollution, keep their medicines and equipment ready and "
            "follow their doctor's advice strictly.",
            "th": "ประชาชนทุกคน: งดกิจกรรมกลางแจ้ง "
            "หากมีความจำเป็นต้องทำกิจกรรมกลางแจ้งให้ใช้อุปกรณ์ป้องกันตนเองทุกครั้ง "
            "เช่น หน้ากากป้องกัน PM2.5 หากมีอาการผิดปกติให้รีบไปพบแพทย์ "
            "ผู้ที่มีโรคประจำตัว ควรอยู่ในพื้นที่ปลอดภัยจากมลพิษทางอากาศ "
            "ให้เตรียมยาและอุปกรณ์ที่จำเป็นให้พร้อมและปฏิบัติตามคำแนะนำของแพทย์อย่างเคร่งครัด",
        },
    ),
)

TH_PCD_2023 = Standard(
    id="th-pcd-2023",
    name="Thailand PCD Air Quality Index (2023)",
    country="TH",
    languages=("th", "en"),
    source=Source(
        "ประกาศกรมควบคุมมลพิษ เรื่อง ดัชนีคุณภาพอากาศของประเทศไทย พ.ศ. 2566 (PCD "
        "announcement on Thailand's AQI, 2023)",
        "Table 2 (concentrations equal to the AQI)",
        2023,
        "https://ratchakitcha.soc.go.th/documents/140D157S0000000000300.pdf",
        "the whole announcement (ข้อ 1-4, Tables 1 and 2) in a text transcription of the "
        "Royal Gazette PDF: every breakpoint of Table 2, the averaging periods, the rounding "
        "of concentrations (ข้อ 4.1) and the Thai level names and advice of Table 1 (also "
        "checked against a second verbatim copy of Table 1). Not in the announcement, so our "
        "choices: the index rounded half up, the band above 200 continuing the 101-200 line; "
        "hex colours from Air4Thai.",
    ),
    references=(
        "Pollution Control Department, Announcement on Thailand's Air Quality Index "
        "B.E. 2566 (2023), signed 16 May 2023, Royal Gazette vol. 140 special part 157 ง "
        "(3 July 2023), pp. 3-6, ข้อ 1-4 and Tables 1-2",
        "Air4Thai (air4thai.pcd.go.th), AQI information page",
    ),
    pollutants={p.id: p for p in POLLUTANTS},
    categories=CATEGORIES,
    rounding="half_up",
    notes=(
        "Five bands: 0-25, 26-50, 51-100, 101-200, 201 and above; it repeals the "
        "announcement of 24 September 2018.",
        "Concentrations are rounded half up to the printed resolution before the look-up "
        "(ข้อ 4.1: PM2.5 and CO one decimal, the others whole numbers).",
        "Units as PCD publishes them: µg/m³ (PM), ppb (O3, NO2, SO2), ppm (CO).",
        "Above 200 the announcement prints no upper limit; the 101-200 line is continued.",
    ),
)
