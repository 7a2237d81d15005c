"""Water sampling sites and grab samples for the water tests, made with the ORM.

Each value is chosen to sit in a known class of its standard (the comment says which and
why), so the tests can state the expected classes exactly.
"""

import datetime as dt
import zoneinfo

from lmec.monitoring import parameters
from lmec.monitoring.models import Measurement, Station, StationParameter


def site(code, country, site_type="river", *, zone="Asia/Bangkok", mainstream=False, **extra):
    return Station.objects.create(
        code=code,
        name=extra.pop("name", code),
        kind=Station.Kind.WATER,
        site_type=site_type,
        country_id=country,
        latitude=extra.pop("latitude", 15.0),
        longitude=extra.pop("longitude", 105.0),
        time_zone=zone,
        mekong_mainstream=mainstream,
        **extra,
    )


def sample(station, local, values):
    """Store ``{code: value}`` grab values at local time ``local`` ("2024-03-05 09:00").

    A value may be ``"<0.0001"`` (below the detection limit), ``">24000"`` (above the range)
    or ``(value, flags)`` for a flagged value.
    """
    when = dt.datetime.fromisoformat(local).replace(tzinfo=zoneinfo.ZoneInfo(station.time_zone))
    for code, raw in values.items():
        definition = parameters.BY_CODE[code]
        flags = 0
        if isinstance(raw, tuple):
            raw, flags = raw
        censor = ""
        if isinstance(raw, str):
            censor, raw = raw[0], float(raw[1:])
        StationParameter.objects.get_or_create(
            station=station, parameter=definition.id, defaults={"unit": definition.unit}
        )
        Measurement.objects.create(
            station=station,
            parameter=definition.id,
            averaging=parameters.AVERAGING_HOURS["grab"],
            time=when.astimezone(dt.UTC),
            value=raw,
            raw_value=raw,
            raw_unit=definition.unit,
            censor=censor,
            flags=flags,
        )


def make_sites():
    """The sites of the water tests; returns them by code."""
    yangtze = site(
        "CN-R-01",
        "CN",
        zone="Asia/Shanghai",
        name="Lancang at Jinghong",
        river="Lancang",
        latitude=22.0,
        longitude=100.8,
    )
    # GB 3838 (rivers): DO 6.8 II (>= 6), CODMn 3.5 II (<= 4), NH3-N 0.3 II (<= 0.5),
    # TP 0.12 III (<= 0.2), fecal coliform 1500 /100 mL = 15,000 /L IV (<= 20,000; not
    # counted in 2011), Hg < 0.0001: DL/2 = 0.00005 class I, undetermined (DL > 0.00005)
    sample(
        yangtze,
        "2024-03-05 09:00",
        {
            "do": 6.8,
            "cod_mn": 3.5,
            "nh3_n": 0.3,
            "tp": 0.12,
            "fecal_coliform": 1500,
            "hg": "<0.0001",
        },
    )
    # DO 4.2 IV (>= 3), NH3-N 0.8 III, TP 0.05 II; CODMn 20 flagged by the provider: left out
    sample(
        yangtze,
        "2024-06-04 23:30",
        {
            "do": 4.2,
            "nh3_n": 0.8,
            "tp": 0.05,
            "cod_mn": (20.0, parameters.Flag.PROVIDER),
        },
    )
    # 00:30 local on 5 June (16:30 UTC on 4 June): a sample of the next local day
    sample(yangtze, "2024-06-05 00:30", {"ph": 7.1})

    lake = site("CN-L-01", "CN", "lake", zone="Asia/Shanghai", name="Dianchi")
    # TP 0.04: lake limits 0.025 (II) < 0.04 <= 0.05 -> III (river limits would give II);
    # TN 0.6 III (lake 0.5 < 0.6 <= 1.0), not counted in the 2011 items
    sample(lake, "2024-05-10 10:00", {"tp": 0.04, "tn": 0.6, "do": 7.9})

    mekong_th = site("TH-M-01", "TH", mainstream=True, name="Mekong at Nong Khai", river="Mekong")
    # NEB No. 8: DO 5.5 class 3 (>= 4), BOD 1.2 class 2 (<= 1.5), total coliform 3000
    # class 2 (<= 5000); Cd < 0.01 with hardness 60 (<= 100: limit 0.005): class 5 by the
    # "dl" rule, undetermined (0 would meet class 2)
    sample(
        mekong_th,
        "2024-04-02 08:15",
        {
            "do": 5.5,
            "bod5": 1.2,
            "total_coliform": 3000,
            "cd": "<0.01",
            "hardness": 60,
        },
    )

    can_tho = site("VN-R-01", "VN", zone="Asia/Ho_Chi_Minh", name="Hau River at Can Tho")
    # QCVN 08:2023 Table 2: BOD5 5 B (<= 6), COD 12 B (<= 15), TSS 30 B (<= 100), DO 6.5 A,
    # TP < 0.05 A (0.05 <= 0.1: decided), total coliform > 24000 D (the last level: decided)
    sample(
        can_tho,
        "2024-02-20 14:00",
        {
            "bod5": 5,
            "cod": 12,
            "tss": 30,
            "do": 6.5,
            "tp": "<0.05",
            "total_coliform": ">24000",
        },
    )
    vn_lake = site("VN-L-01", "VN", "lake", zone="Asia/Ho_Chi_Minh", name="Tri An")
    sample(vn_lake, "2024-02-21 09:00", {"do": 7.0})

    phnom_penh = site(
        "KH-M-01",
        "KH",
        mainstream=True,
        zone="Asia/Phnom_Penh",
        name="Mekong at Phnom Penh",
        river="Mekong",
    )
    sample(phnom_penh, "2024-03-01 09:00", {"do": 6.0})
    site("LA-M-01", "LA", mainstream=True, zone="Asia/Vientiane", name="Mekong at Vientiane")

    air = Station.objects.create(
        code="TH-AIR-01",
        name="Air",
        kind=Station.Kind.AIR,
        site_type="urban",
        country_id="TH",
        latitude=13.7,
        longitude=100.5,
    )
    sample(air, "2024-03-01 09:00", {"do": 6.0})  # never a water site, whatever it holds
    return {s.code: s for s in Station.objects.all()}
