"""Viet Nam: VN_AQI, Decision 1459/QĐ-TCMT of the Vietnam Environment Administration (2019).

References
----------
.. [1] Tổng cục Môi trường (Vietnam Environment Administration), Quyết định 1459/QĐ-TCMT
   ngày 12/11/2019 ban hành Hướng dẫn kỹ thuật tính toán và công bố chỉ số chất lượng
   không khí Việt Nam (VN_AQI). Bảng 1 (AQI ranges and colours), section 2.2.1 (hourly
   AQI, NowCast), Bảng 2 (breakpoints BPi, µg/m³), section 2.2.2 (daily AQI), section 2.3
   (worked examples), Bảng 4 and 5 (health effects and advice).
   https://vea.mae.gov.vn/Data/files/QD%201459%20TCMT%20ngay%2012_11_2019%20AQI(1).pdf
"""

from __future__ import annotations

from ._core import Category, Pollutant, Source, Standard

_I = (0, 50, 100, 150, 200, 300, 400, 500)


def _table(pid, name, averaging, limits, note=""):
    """[1], Bảng 2 lists BPi for levels i = 1..8 (Ii = 0, 50, ..., 500), all in µg/m³.

    Level 8 reads "≥" (e.g. PM2.5 ≥ 500): at and above it the index is 500.
    """
    bands = tuple((limits[k], limits[k + 1], _I[k], _I[k + 1]) for k in range(len(limits) - 1))
    above = "cap" if len(limits) == 8 else "nan"
    return Pollutant(pid, name, "µg/m³", averaging, bands, above=above, note=note)


_PM10 = (0, 50, 150, 250, 350, 420, 500, 600)
_PM25 = (0, 25, 50, 80, 150, 250, 350, 500)

# [1], Bảng 2. Hourly AQI: O3 on the O3 (1h) column, SO2/CO/NO2 1-hour values, PM on the
# NowCast (Công thức 2). Daily AQI: PM 24-hour means; O3 the larger of the daily maximum
# 1-hour and 8-hour indices; SO2/NO2/CO the daily maximum 1-hour value (2.2.2).
POLLUTANTS = (
    _table("o3_1h", "O3", "1h", (0, 160, 200, 300, 400, 800, 1000, 1200)),
    _table(
        "o3_8h",
        "O3",
        "8h",
        (0, 100, 120, 170, 210, 400),
        note="not computed above 400 µg/m³; the 1-hour O3 index is used ([1], 2.2.2 b)",
    ),
    _table("co_1h", "CO", "1h", (0, 10000, 30000, 45000, 60000, 90000, 120000, 150000)),
    _table("so2_1h", "SO2", "1h", (0, 125, 350, 550, 800, 1600, 2100, 2630)),
    _table("no2_1h", "NO2", "1h", (0, 100, 200, 700, 1200, 2350, 3100, 3850)),
    _table("pm10_24h", "PM10", "24h", _PM10),
    _table("pm10_nowcast", "PM10", "NowCast", _PM10),
    _table("pm25_24h", "PM2.5", "24h", _PM25),
    _table("pm25_nowcast", "PM2.5", "NowCast", _PM25),
)

# [1], Bảng 1 (names, RGB colours) and Bảng 4-5 (health effects, advice for ordinary and
# sensitive people); English renderings ours.
CATEGORIES = (
    Category(
        "good",
        0,
        50,
        "#00E400",
        {"en": "Good", "vi": "Tốt"},
        {
            "en": "Good air quality, no effect on health. Outdoor activities freely.",
            "vi": "Chất lượng không khí tốt, không ảnh hưởng tới sức khỏe. "
            "Tự do thực hiện các hoạt động ngoài trời.",
        },
    ),
    Category(
        "moderate",
        51,
        100,
        "#FFFF00",
        {"en": "Moderate", "vi": "Trung bình"},
        {
            "en": "Acceptable air quality; sensitive people (the elderly, children, people "
            "with respiratory or heart disease) may be affected. They should watch for "
            "coughing or shortness of breath but may still be active outdoors.",
            "vi": "Chất lượng không khí ở mức chấp nhận được. Tuy nhiên, đối với những người "
            "nhạy cảm (người già, trẻ em, người mắc các bệnh hô hấp, tim mạch…) có thể chịu "
            "những tác động nhất định tới sức khỏe. Nhóm nhạy cảm nên theo dõi các triệu "
            "chứng như ho hoặc khó thở, nhưng vẫn có thể hoạt động bên ngoài.",
        },
    ),
    Category(
        "poor",
        101,
        150,
        "#FF7E00",
        {"en": "Poor", "vi": "Kém"},
        {
            "en": "Sensitive people have health problems; ordinary people are little "
            "affected. People with sore eyes, cough or sore throat should consider less "
            "outdoor activity; sensitive people should reduce strenuous outdoor activity.",
            "vi": "Những người nhạy cảm gặp phải các vấn đề về sức khỏe, những người bình "
            "thường ít ảnh hưởng. Những người thấy có triệu chứng đau mắt, ho hoặc đau "
            "họng… nên cân nhắc giảm các hoạt động ngoài trời; nhóm nhạy cảm nên giảm các "
            "hoạt động mạnh và giảm thời gian hoạt động ngoài trời.",
        },
    ),
    Category(
        "bad",
        151,
        200,
        "#FF0000",
        {"en": "Bad", "vi": "Xấu"},
        {
            "en": "Ordinary people begin to feel health effects; sensitive people may have "
            "more serious ones. Everyone should reduce strenuous outdoor activity; sensitive "
            "people should stay indoors and wear a proper mask if they must go out.",
            "vi": "Những người bình thường bắt đầu có các ảnh hưởng tới sức khỏe, nhóm người "
            "nhạy cảm có thể gặp những vấn đề sức khỏe nghiêm trọng hơn. Mọi người nên giảm "
            "các hoạt động mạnh khi ở ngoài trời; nhóm nhạy cảm nên ở trong nhà, nếu cần "
            "thiết phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.",
        },
    ),
    Category(
        "very_bad",
        201,
        300,
        "#8F3F97",
        {"en": "Very bad", "vi": "Rất xấu"},
        {
            "en": "Health warning: everyone may experience more serious health effects. "
            "Keep outdoor activity to a minimum and move activities indoors.",
            "vi": "Cảnh báo hưởng tới sức khỏe: mọi người bị ảnh hưởng tới sức khỏe nghiêm "
            "trọng hơn. Mọi người hạn chế tối đa các hoạt động ngoài trời và chuyển tất cả "
            "các hoạt động vào trong nhà.",
        },
    ),
    Category(
        "hazardous",
        301,
        500,
        "#7E0023",
        {"en": "Hazardous", "vi": "Nguy hại"},
        {
            "en": "Health emergency: the whole population is seriously affected. Everyone "
            "should stay indoors with doors and windows closed.",
            "vi": "Cảnh báo khẩn cấp về sức khỏe: Toàn bộ dân số bị ảnh hưởng tới sức khỏe "
            "tới mức nghiêm trọng. Mọi người nên ở trong nhà, đóng cửa ra vào và cửa sổ.",
        },
    ),
)

VN_1459_2019 = Standard(
    id="vn-1459-2019",
    name="Viet Nam VN_AQI (Decision 1459/QĐ-TCMT, 2019)",
    country="VN",
    languages=("vi", "en"),
    source=Source(
        "Quyết định 1459/QĐ-TCMT: Hướng dẫn kỹ thuật tính toán và công bố chỉ số chất lượng "
        "không khí Việt Nam (VN_AQI)",
        "Bảng 2 (BPi values)",
        2019,
        "https://vea.mae.gov.vn/Data/files/QD%201459%20TCMT%20ngay%2012_11_2019%20AQI(1).pdf",
        "Bảng 1, Bảng 2, the NowCast of 2.2.1 a, the rules of 2.2.2 and the worked examples "
        "of 2.3, from a transcription checked cell by cell against the signed PDF; the "
        "example's hourly NO2 index is printed as 60 where equation 1 gives 59.35 (59).",
    ),
    references=(
        "Tổng cục Môi trường, Quyết định 1459/QĐ-TCMT (12/11/2019), Hướng dẫn kỹ thuật tính "
        "toán và công bố chỉ số chất lượng không khí Việt Nam (VN_AQI), Bảng 1, 2, 4, 5",
    ),
    pollutants={p.id: p for p in POLLUTANTS},
    categories=CATEGORIES,
    rounding="half_up",
    required_any=("pm25_24h", "pm25_nowcast", "pm10_24h", "pm10_nowcast"),
    notes=(
        "Concentrations in µg/m³ for every pollutant, CO included.",
        "The index needs PM10 or PM2.5 ([1], 2.1 b); without either it is NaN.",
        "AQI values are rounded to whole numbers ([1], 2.2.1 c, 2.2.2 c).",
    ),
)
