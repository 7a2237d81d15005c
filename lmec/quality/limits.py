"""Ambient air limit values for exceedance counting (NumPy only).

Limit sets (keys of :data:`LIMITS`):

- ``who-2021-aqg``, ``who-2021-it1`` ... ``who-2021-it4`` -- WHO global air quality
  guidelines 2021, AQG levels and interim targets, Table 0.1 [1]_;
- ``cn-gb3095-2012-grade1`` and ``-grade2`` -- China GB 3095-2012, Table 1 [2]_;
- ``cn-gb3095-2026-grade1`` and ``-grade2`` -- China GB 3095-2026, Table 1, the transitional
  limits (过渡阶段浓度限值) in force from 1 March 2026 to 31 December 2030 [10]_;
  ``cn-gb3095-2026-grade1-2031`` and ``-grade2-2031`` -- its final limits (浓度限值), in force
  nationwide from 1 January 2031 (clause 4.4);
- ``th-ambient-2023`` -- Thailand's general ambient air quality standards with the PM2.5
  values of 2022 (24-h 37.5 µg/m³ in force from 1 June 2023, annual 15 µg/m³) [3]_ [4]_;
- ``vn-qcvn05-2023`` -- Viet Nam QCVN 05:2023/BTNMT, Table 1 [5]_, as in force from
  12 September 2023; ``vn-qcvn05-2023-2026`` -- the same with the PM2.5 24-hour value that
  applies from 1 January 2026 (45 µg/Nm³, note (*) of Table 1);
- ``kh-subdecree42-2000`` -- Cambodia, Sub-decree No. 42 on air pollution and noise
  disturbance control (2000), Annex 1 [6]_;
- ``la-nes-2017`` -- Lao PDR National Environmental Standards (2017) [7]_;
- ``mm-neqeg-2015`` -- Myanmar National Environmental Quality (Emission) Guidelines (2015),
  which adopt the WHO 2005 guideline values [8]_ [9]_.

Every entry says where its value came from (``source``) and whether we read the value in the
document or a faithful transcription of it (``verified=True``) or could not
(``verified=False``: kept because a platform user needs a value to compare with, and shown as
unverified). ``lmec/quality/README.md`` lists what is missing and why.

Pollutant ids carry the averaging period: ``pm25_24h``, ``pm25_annual``, ``pm10_24h``,
``pm10_annual``, ``o3_8h``, ``o3_1h``, ``o3_peak_season``, ``no2_1h``, ``no2_24h``,
``no2_annual``, ``so2_10min``, ``so2_1h``, ``so2_24h``, ``so2_annual``, ``co_1h``, ``co_8h``,
``co_24h``. Values are in µg/m³ except CO in mg/m³ (``unit`` of each entry); Viet Nam's are
at normal conditions (µg/Nm³). Convert measurements first (:mod:`lmec.quality.units`).

A value *exceeds* a limit when it is greater than it ("shall not exceed"); a value equal to
the limit complies. The WHO 24-hour and 8-hour levels are 99th percentiles of a year's daily
values (3-4 exceedance days a year), so compliance with them is a count of exceedances, not
a single comparison -- which is what :func:`count_exceedances` gives.

References
----------
.. [1] World Health Organization, WHO global air quality guidelines: particulate matter (PM2.5
   and PM10), ozone, nitrogen dioxide, sulfur dioxide and carbon monoxide, Geneva, 2021,
   ISBN 9789240034228, Executive summary, Table 0.1.
.. [2] Ministry of Environmental Protection and AQSIQ, GB 3095-2012 环境空气质量标准 (Ambient
   air quality standards), 2012, Table 1.
.. [3] Pollution Control Department, Thailand, general ambient air quality standards
   (มาตรฐานคุณภาพอากาศในบรรยากาศโดยทั่วไป), consolidated table of the National Environment
   Board notifications.
.. [4] National Environment Board notification on PM2.5 (approved May 2022, Royal Gazette July
   2022): 24-hour 37.5 µg/m³ from 1 June 2023, annual 15 µg/m³.
.. [5] Ministry of Natural Resources and Environment, Viet Nam, QCVN 05:2023/BTNMT Quy chuẩn
   kỹ thuật quốc gia về chất lượng không khí, Circular 01/2023/TT-BTNMT (13 March 2023, in
   force 12 September 2023), Table 1 and its notes. Published at
   https://datafiles.chinhphu.vn/cpp/files/vbpq/2023/3/01-btnmt-qc05.pdf (not read by us);
   read in a hand transcription checked against the page images of the signed PDF
   (github.com/qnguyenle075/hcmc-air-quality, ``data/processed/qcvn_05_2023.md``, commit
   fa31c9b) and in earlier transcriptions (see ``lmec/quality/README.md``).
.. [6] Royal Government of Cambodia, Anukret No. 42 ANK/BK on air pollution and noise
   disturbance control, 1 July 2000, Annex 1.
.. [7] Ministry of Natural Resources and Environment, Lao PDR, National Environmental
   Standards, 2017.
.. [8] Ministry of Environmental Conservation and Forestry, Myanmar, National Environmental
   Quality (Emission) Guidelines, Notification 615/2015, 29 December 2015.
.. [9] WHO, Air quality guidelines for particulate matter, ozone, nitrogen dioxide and sulfur
   dioxide, Global update 2005, WHO/SDE/PHE/OEH/06.02.
.. [10] Ministry of Ecology and Environment and State Administration for Market Regulation,
   GB 3095-2026 环境空气质量标准 (Ambient air quality standards), issued 2026-02-13, in force
   2026-03-01, replacing GB 3095-2012 and its 2018 amendment; Table 1 and clauses 4.2-4.4.
   Read in the official electronic edition (typeset by the MEE's environmental standards
   institute) kept as ``docs/GB_3095-2026_环境空气质量标准.pdf`` in github.com/caiyunapp/aqi-hub
   (commit c3ce58e, 26 Feb 2026); published at
   https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/dqhjbh/dqhjzlbz/202602/t20260225_1144419.shtml.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Every pollutant id a limit set may use, with its averaging period.
POLLUTANTS = {
    "pm25_24h": "24 h",
    "pm25_annual": "1 year",
    "pm10_24h": "24 h",
    "pm10_annual": "1 year",
    "o3_1h": "1 h",
    "o3_8h": "8 h (daily maximum)",
    "o3_peak_season": "peak season (6-month mean of daily maximum 8-h)",
    "no2_1h": "1 h",
    "no2_24h": "24 h",
    "no2_annual": "1 year",
    "so2_10min": "10 min",
    "so2_1h": "1 h",
    "so2_24h": "24 h",
    "so2_annual": "1 year",
    "co_1h": "1 h",
    "co_8h": "8 h",
    "co_24h": "24 h",
}

UG = "µg/m³"
MG = "mg/m³"


@dataclass(frozen=True)
class LimitEntry:
    """One limit value: pollutant id (with averaging period), value and unit, and its source."""

    pollutant: str
    value: float
    unit: str
    verified: bool
    source: str
    note: str = ""

    @property
    def averaging(self) -> str:
        return POLLUTANTS[self.pollutant]


@dataclass(frozen=True)
class LimitSet:
    """Limit values of one standard (or one level of it) for one country or body."""

    id: str
    name: str
    country: str  # ISO 3166 alpha-2, or "WHO"
    source: str
    year: int
    entries: dict[str, LimitEntry]

    @property
    def verified(self) -> bool:
        """Whether every value of the set was read in its document."""
        return all(e.verified for e in self.entries.values())


def _set(sid, name, country, source, year, entries):
    return LimitSet(sid, name, country, source, year, {e.pollutant: e for e in entries})


# [1], Table 0.1: pollutant, unit, interim targets 1-4 and AQG level (None: no such level).
# Checked against two transcriptions of the table (airclim.org and kapsarc.org, whose SO2 AQG
# misprints 50 for 40) and the guideline summary of the 2021 text (AQG levels, SO2 40).
_WHO_2021_TABLE = (
    ("pm25_annual", UG, (35, 25, 15, 10), 5),
    ("pm25_24h", UG, (75, 50, 37.5, 25), 15),
    ("pm10_annual", UG, (70, 50, 30, 20), 15),
    ("pm10_24h", UG, (150, 100, 75, 50), 45),
    ("o3_peak_season", UG, (100, 70, None, None), 60),
    ("o3_8h", UG, (160, 120, None, None), 100),
    ("no2_annual", UG, (40, 30, 20, None), 10),
    ("no2_24h", UG, (120, 50, None, None), 25),
    ("so2_24h", UG, (125, 50, None, None), 40),
    ("co_24h", MG, (7, None, None, None), 4),
)

_WHO_NOTE = "99th percentile (3-4 exceedance days a year)"


def _who_sets():
    sets = []
    levels = [("aqg", "AQG level", None)] + [
        (f"it{i}", f"interim target {i}", i) for i in range(1, 5)
    ]
    for key, label, it in levels:
        entries = []
        for pollutant, unit, targets, aqg in _WHO_2021_TABLE:
            value = aqg if it is None else targets[it - 1]
            if value is None:
                continue
            short_term = pollutant.endswith(("_24h", "_8h"))
            entries.append(
                LimitEntry(
                    pollutant,
                    float(value),
                    unit,
                    True,
                    f"[1], Table 0.1, {label}",
                    _WHO_NOTE if short_term else "",
                )
            )
        sets.append(
            _set(
                f"who-2021-{key}",
                f"WHO global air quality guidelines 2021, {label}",
                "WHO",
                "WHO global air quality guidelines (2021), Table 0.1",
                2021,
                entries,
            )
        )
    return sets


# [2], Table 1: pollutant, unit, grade I, grade II. Read in a copy of the standard's Table 1
# (环境空气污染物基本项目浓度限值); PM10 also in a second copy.
_GB3095_2012 = (
    ("so2_annual", UG, 20, 60),
    ("so2_24h", UG, 50, 150),
    ("so2_1h", UG, 150, 500),
    ("no2_annual", UG, 40, 40),
    ("no2_24h", UG, 80, 80),
    ("no2_1h", UG, 200, 200),
    ("co_24h", MG, 4, 4),
    ("co_1h", MG, 10, 10),
    ("o3_8h", UG, 100, 160),
    ("o3_1h", UG, 160, 200),
    ("pm10_annual", UG, 40, 70),
    ("pm10_24h", UG, 50, 150),
    ("pm25_annual", UG, 15, 35),
    ("pm25_24h", UG, 35, 75),
)


# [10], Table 1 (环境空气污染物基本项目浓度限值): pollutant, unit, transitional grade I and II
# (过渡阶段浓度限值, to 2030-12-31), final grade I and II (浓度限值, from 2031-01-01). Gases at the
# reference state 298.15 K, 1013.25 hPa, particles at actual conditions (clause 4.3). Read
# cell by cell in the official PDF, p. 3. Table 2 (TSP, NOx, Pb, BaP) is not carried: its
# items have no pollutant id here and are applied as the State or provinces decide (4.5).
_GB3095_2026 = (
    ("so2_annual", UG, 20, 60, 20, 20),
    ("so2_24h", UG, 50, 150, 50, 50),
    ("so2_1h", UG, 150, 500, 150, 150),
    ("no2_annual", UG, 40, 40, 30, 30),
    ("no2_24h", UG, 80, 80, 50, 50),
    ("no2_1h", UG, 200, 200, 200, 200),
    ("co_24h", MG, 4, 4, 4, 4),
    ("co_1h", MG, 10, 10, 10, 10),
    ("o3_8h", UG, 100, 160, 100, 160),
    ("o3_1h", UG, 160, 200, 160, 200),
    ("pm10_annual", UG, 40, 60, 20, 50),
    ("pm10_24h", UG, 50, 120, 50, 100),
    ("pm25_annual", UG, 15, 30, 10, 25),
    ("pm25_24h", UG, 35, 60, 25, 50),
)


def _gb3095_sets():
    sets = []
    for grade, column, areas in ((1, 2, "class 1 areas"), (2, 3, "class 2 areas")):
        entries = [
            LimitEntry(row[0], float(row[column]), row[1], True, f"[2], Table 1, grade {grade}")
            for row in _GB3095_2012
        ]
        sets.append(
            _set(
                f"cn-gb3095-2012-grade{grade}",
                f"China GB 3095-2012 ambient air quality standards, grade {grade} ({areas})",
                "CN",
                f"GB 3095-2012, Table 1, grade {grade}",
                2012,
                entries,
            )
        )
    phases = (
        ("", 2, "transitional limits, 2026-03-01 to 2030-12-31", "过渡阶段浓度限值"),
        ("-2031", 4, "limits from 2031-01-01", "浓度限值"),
    )
    for suffix, first, when, heading in phases:
        for grade, areas in ((1, "class 1 areas"), (2, "class 2 areas")):
            column = first + grade - 1
            where = f"[10], Table 1, {heading}, grade {grade}"
            entries = [
                LimitEntry(row[0], float(row[column]), row[1], True, where) for row in _GB3095_2026
            ]
            sets.append(
                _set(
                    f"cn-gb3095-2026-grade{grade}{suffix}",
                    f"China GB 3095-2026 ambient air quality standards, grade {grade} "
                    f"({areas}), {when}",
                    "CN",
                    f"GB 3095-2026, Table 1, {heading} (clause 4.4), grade {grade}",
                    2026,
                    entries,
                )
            )
    return sets


# [3]: the PCD table gives ppm and mg/m³ for the gases; the mass values are kept (µg/m³, CO in
# mg/m³). Read in the PCD table as republished in Thai (labsafety.nrct.go.th); CO (ppm), O3
# 1-h (ppb) and PM10 also in Statistical Yearbook Thailand 2019, Table 21.1.
_TH = (
    ("co_1h", 34.2, MG, "[3], 30 ppm"),
    ("co_8h", 10.26, MG, "[3], 9 ppm"),
    ("no2_1h", 320, UG, "[3], 0.17 ppm"),
    ("no2_annual", 57, UG, "[3], 0.03 ppm"),
    ("o3_1h", 200, UG, "[3], 0.10 ppm"),
    ("o3_8h", 140, UG, "[3], 0.07 ppm"),
    ("so2_1h", 780, UG, "[3], 0.3 ppm"),
    ("so2_24h", 300, UG, "[3], 0.12 ppm"),
    ("so2_annual", 100, UG, "[3], 0.04 ppm"),
    ("pm10_24h", 120, UG, "[3]"),
    ("pm10_annual", 50, UG, "[3]"),
    # [4]: reported by The Nation and Thai PBS from the NEB decision and the Royal Gazette
    ("pm25_24h", 37.5, UG, "[4], in force 1 June 2023 (was 50)"),
    ("pm25_annual", 15, UG, "[4] (was 25)"),
)

# [5], Table 1 (Giá trị giới hạn tối đa các thông số cơ bản trong không khí xung quanh,
# µg/Nm³; CO given as 30.000 and 10.000 µg/Nm³; TSP not carried). The gases were read in two
# transcriptions of Table 1. The PM rows: PM10 100 (24 h) and 50 (year), PM2.5 25 (year) in
# four copies; the PM2.5 24-hour cell is split, "50 | 45(*)" with the note "(*): Giá trị nồng
# độ áp dụng từ ngày 01 tháng 01 năm 2026", read so in the transcription checked against the
# page images and in a second project citing the government PDF ("PM2.5 trung bình 24 giờ là
# 45 µg/Nm³ từ 01/01/2026 và trung bình năm là 25"); two other copies misplace "45(*)" in the
# annual column. Reference copy: tests/quality/data/limits/vn_qcvn05_2023_table1.csv.
_VN = (
    ("so2_1h", 350, True, ""),
    ("so2_24h", 125, True, ""),
    ("so2_annual", 50, True, ""),
    ("co_1h", 30, True, "30.000 µg/Nm³"),
    ("co_8h", 10, True, "10.000 µg/Nm³"),
    ("no2_1h", 200, True, ""),
    ("no2_24h", 100, True, ""),
    ("no2_annual", 40, True, ""),
    ("o3_1h", 200, True, ""),
    ("o3_8h", 120, True, ""),
    ("pm10_24h", 100, True, "QCVN 05:2013 had 150"),
    ("pm10_annual", 50, True, ""),
    ("pm25_24h", 50, True, "until 31 December 2025; 45 from 1 January 2026 (note (*))"),
    ("pm25_annual", 25, True, ""),
)
#: [5], Table 1 note (*): values that apply from 1 January 2026 (vn-qcvn05-2023-2026).
_VN_2026 = {"pm25_24h": (45, "from 1 January 2026 (Table 1, note (*)); 50 before")}

# [6], Annex 1 (mg/m³ in the sub-decree). The annex table itself could not be read in any
# source we had; these values come from secondary descriptions of it and are unverified.
_KH = (
    ("co_1h", 40, MG),
    ("co_8h", 20, MG),
    ("no2_1h", 300, UG),
    ("no2_24h", 100, UG),
    ("so2_1h", 500, UG),
    ("so2_24h", 300, UG),
    ("o3_1h", 200, UG),
)

# [8], Table 1.1 adopts the WHO 2005 guideline values [9]; the WHO 2005 values were checked
# (CHMI's table of the WHO guidelines), their adoption in the Myanmar text was not.
_MM = (
    ("no2_annual", 40),
    ("no2_1h", 200),
    ("o3_8h", 100),
    ("pm10_annual", 20),
    ("pm10_24h", 50),
    ("pm25_annual", 10),
    ("pm25_24h", 25),
    ("so2_24h", 20),
    ("so2_10min", 500),
)


def _national_sets():
    th = _set(
        "th-ambient-2023",
        "Thailand general ambient air quality standards (PM2.5 as revised in 2022)",
        "TH",
        "NEB notifications as tabulated by the PCD; PM2.5 notification of 2022",
        2023,
        [LimitEntry(p, float(v), u, True, s) for p, v, u, s in _TH],
    )
    vn_sets = []
    for suffix, when, changes in (
        ("", "from 12 September 2023", {}),
        ("-2026", "from 1 January 2026", _VN_2026),
    ):
        entries = []
        for p, v, ok, n in _VN:
            v, n = changes.get(p, (v, n))
            unit = MG if p.startswith("co") else "µg/Nm³"
            entries.append(LimitEntry(p, float(v), unit, ok, "[5], Table 1", n))
        vn_sets.append(
            _set(
                f"vn-qcvn05-2023{suffix}",
                f"Viet Nam QCVN 05:2023/BTNMT National technical regulation on air quality, {when}",
                "VN",
                "QCVN 05:2023/BTNMT, Table 1 (MONRE, Circular 01/2023/TT-BTNMT)",
                2023,
                entries,
            )
        )
    kh_entries = [
        LimitEntry(p, float(v), u, False, "[6], Annex 1 (annex not read)") for p, v, u in _KH
    ]
    kh_entries.append(
        LimitEntry(
            "pm25_24h",
            50.0,
            UG,
            False,
            "Ministry of Environment press releases (AKP, 2020): 'standard limit of 50 µg/m³'",
            "not in the 2000 sub-decree; source document not identified",
        )
    )
    kh = _set(
        "kh-subdecree42-2000",
        "Cambodia Sub-decree No. 42 on air pollution and noise disturbance control (2000)",
        "KH",
        "Anukret 42 ANK/BK (2000), Annex 1",
        2000,
        kh_entries,
    )
    la = _set(
        "la-nes-2017",
        "Lao PDR National Environmental Standards (2017)",
        "LA",
        "National Environmental Standards (MONRE, 2017)",
        2017,
        [
            LimitEntry(
                "pm25_24h",
                50.0,
                UG,
                False,
                "MONRE as quoted by the Vientiane Times: 'national standard PM2.5 = 50 µg/m3 "
                "over 24 hours'",
            )
        ],
    )
    mm = _set(
        "mm-neqeg-2015",
        "Myanmar National Environmental Quality (Emission) Guidelines (2015)",
        "MM",
        "NEQ(E)G, Notification 615/2015, Table 1.1 (WHO 2005 values)",
        2015,
        [
            LimitEntry(p, float(v), UG, False, "[8] adopting [9]; WHO 2005 value checked")
            for p, v in _MM
        ],
    )
    return [th, *vn_sets, kh, la, mm]


#: Limit set id -> :class:`LimitSet`.
LIMITS: dict[str, LimitSet] = {s.id: s for s in (*_who_sets(), *_gb3095_sets(), *_national_sets())}


def get_limit_set(limit_set: str | LimitSet) -> LimitSet:
    """The :class:`LimitSet` named ``limit_set``; ``ValueError`` lists the valid ids."""
    if isinstance(limit_set, LimitSet):
        return limit_set
    try:
        return LIMITS[limit_set]
    except KeyError:
        raise ValueError(
            f"unknown limit set {limit_set!r}; choose one of: {', '.join(sorted(LIMITS))}"
        ) from None


def limit(limit_set: str | LimitSet, pollutant: str) -> LimitEntry:
    """The :class:`LimitEntry` for ``pollutant``; ``ValueError`` lists the set's pollutants."""
    chosen = get_limit_set(limit_set)
    try:
        return chosen.entries[pollutant]
    except KeyError:
        raise ValueError(
            f"{chosen.id} has no limit for {pollutant!r}; choose one of: "
            f"{', '.join(chosen.entries)}"
        ) from None


def exceedances(limit_set: str | LimitSet, pollutant: str, values) -> np.ndarray:
    """Which values exceed the limit.

    Parameters
    ----------
    limit_set : str
        A key of :data:`LIMITS`.
    pollutant : str
        Pollutant id with its averaging period, e.g. ``pm25_24h``.
    values : float or array_like
        Concentrations averaged over the pollutant's period, in the entry's unit [µg/m³; CO
        mg/m³; Viet Nam µg/Nm³].

    Returns
    -------
    numpy.ndarray of bool
        Same shape as ``values``; True where a value is greater than the limit, False where it
        is at or below it or missing (NaN).
    """
    entry = limit(limit_set, pollutant)
    v = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return v > entry.value  # NaN compares False: a missing value never exceeds


def count_exceedances(limit_set: str | LimitSet, pollutant: str, values, axis=None):
    """Number of values above the limit (missing values not counted).

    ``axis`` as for :func:`numpy.sum`: ``None`` counts over all values, ``axis=-1`` per
    station of a ``(station, day)`` array.
    """
    return np.count_nonzero(exceedances(limit_set, pollutant, values), axis=axis)
