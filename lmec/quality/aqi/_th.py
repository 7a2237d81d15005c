"""Thailand: the Pollution Control Department's Air Quality Index, 2023 revision.

References
----------
.. [1] กรมควบคุมมลพิษ (Pollution Control Department), ประกาศกรมควบคุมมลพิษ เรื่อง
   ดัชนีคุณภาพอากาศของประเทศไทย พ.ศ. 2566 (Announcement on Thailand's Air Quality
   Index, B.E. 2566 / 2023), Royal Gazette vol. 140, special part 157 ง, in force
   1 June 2023. Table 1 (index bands, meaning, advice) and Table 2 (concentrations equal
   to the index, averaging periods and units). https://www.pcd.go.th
.. [2] Air4Thai, ดัชนีคุณภาพอากาศ (AQI information page), air4thai.pcd.go.th: the same
   tables, the interpolation formula I = (Ij - Ii)/(Xj - Xi) * (X - Xi) + Ii and the
   band colours.
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


# [1], Table 2. PM 24-hour running means [µg/m³]; O3 and CO 8-hour running means
# [ppb, ppm]; NO2 and SO2 1-hour means [ppb]. Resolution as printed (PM2.5 0.1, CO 0.1).
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

# [1], Table 1 (meaning and advice); colours as published on Air4Thai [2].
CATEGORIES = (
    Category(
        "very_good",
        0,
        25,
        "#3BCCFF",
        {"en": "Very good", "th": "คุณภาพอากาศดีมาก"},
        {
            "en": "Very good air quality, suitable for outdoor activities and travel.",
            "th": "คุณภาพอากาศดีมาก เหมาะสำหรับกิจกรรมกลางแจ้งและการท่องเที่ยว",
        },
    ),
    Category(
        "good",
        26,
        50,
        "#92D050",
        {"en": "Good", "th": "คุณภาพอากาศดี"},
        {
            "en": "Good air quality; outdoor activities and travel as normal.",
            "th": "คุณภาพอากาศดี สามารถทำกิจกรรมกลางแจ้งและการท่องเที่ยวได้ตามปกติ",
        },
    ),
    Category(
        "moderate",
        51,
        100,
        "#FFFF00",
        {"en": "Moderate", "th": "คุณภาพอากาศปานกลาง"},
        {
            "en": "General public: outdoor activities as normal. People at risk: if you "
            "have symptoms such as cough, difficult breathing or eye irritation, spend less "
            "time outdoors.",
            "th": "ประชาชนทั่วไป: สามารถทำกิจกรรมกลางแจ้งได้ตามปกติ "
            "ประชาชนในกลุ่มเสี่ยง: หากมีอาการเบื้องต้น เช่น ไอ หายใจลำบาก ระคายเคืองตา "
            "ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง",
        },
    ),
    Category(
        "starting_to_affect_health",
        101,
        200,
        "#FFA200",
        {"en": "Starting to affect health", "th": "เริ่มมีผลกระทบต่อสุขภาพ"},
        {
            "en": "General public: watch your health; with cough, difficult breathing or eye "
            "irritation spend less time outdoors or use protective equipment. People at "
            "risk: spend less time outdoors or use protective equipment; with chest pain, "
            "headache, irregular heartbeat, nausea or fatigue see a doctor.",
            "th": "ประชาชนทั่วไป: ควรเฝ้าระวังสุขภาพ ถ้ามีอาการเบื้องต้น เช่น ไอ หายใจลำบาก "
            "ระคายเคืองตา ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง หรือใช้อุปกรณ์ป้องกันตนเองหากมีความจำเป็น "
            "ประชาชนในกลุ่มเสี่ยง: ควรลดระยะเวลาการทำกิจกรรมกลางแจ้ง หรือใช้อุปกรณ์ป้องกันตนเอง"
            "หากมีความจำเป็น ถ้ามีอาการทางสุขภาพ เช่น ไอ หายใจลำบาก ตาอักเสบ แน่นหน้าอก ปวดศีรษะ "
            "หัวใจเต้นไม่เป็นปกติ คลื่นไส้ อ่อนเพลีย ควรพบแพทย์",
        },
    ),
    Category(
        "affecting_health",
        201,
        float("inf"),
        "#F04646",
        {"en": "Affecting health", "th": "มีผลกระทบต่อสุขภาพ"},
        {
            "en": "Everyone should avoid outdoor activities and areas of high air pollution, "
            "or use protective equipment if necessary; see a doctor if you have symptoms.",
            "th": "ประชาชนทุกคนควรหลีกเลี่ยงกิจกรรมกลางแจ้ง หลีกเลี่ยงพื้นที่ที่มีมลพิษทางอากาศสูง "
            "หรือใช้อุปกรณ์ป้องกันตนเองหากมีความจำเป็น หากมีอาการทางสุขภาพควรพบแพทย์",
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
        "https://www.pcd.go.th",
        "every breakpoint of Table 2 and the Thai texts of Table 1 as reproduced by PCD's "
        "Air4Thai pages and a verbatim copy of them; the Royal Gazette PDF itself was not "
        "readable here. Not in the announcement as far as we could see, so our choices: "
        "concentrations rounded to the printed resolution, the index rounded half up, the "
        "band above 200 continuing the 101-200 line; colours from Air4Thai.",
    ),
    references=(
        "Pollution Control Department, Announcement on Thailand's Air Quality Index "
        "B.E. 2566 (2023), Royal Gazette vol. 140 special part 157 ง, Tables 1-2",
        "Air4Thai (air4thai.pcd.go.th), AQI information page",
    ),
    pollutants={p.id: p for p in POLLUTANTS},
    categories=CATEGORIES,
    rounding="half_up",
    notes=(
        "Five bands: 0-25, 26-50, 51-100, 101-200, 201 and above (in force 1 June 2023).",
        "Units as PCD publishes them: µg/m³ (PM), ppb (O3, NO2, SO2), ppm (CO).",
        "Above 200 the announcement prints no upper limit; the 101-200 line is continued.",
    ),
)
