"""Downloads: CSV exactly, Parquet read back with polars, GeoJSON, and the format registry."""

import datetime as dt
import io
import json

import polars as pl
import pytest

from lmec.core import exports
from lmec.monitoring.models import Measurement

from . import readings

pytestmark = pytest.mark.django_db

API = "/api/v1/monitoring"
MIDNIGHT = dt.datetime(2024, 2, 29, 17, tzinfo=dt.UTC)  # 1 March 00:00 in Bangkok


@pytest.fixture
def station(db):
    st = readings.station(measures=("pm25", "o3"), name="Bang Na", elevation=3.0)
    readings.hourly(st, "pm25", MIDNIGHT, [12.5, 20.0, 31.25], flags={1: 4 | 8})
    readings.hourly(st, "o3", MIDNIGHT, [80.0])
    Measurement.objects.filter(parameter=1, time=MIDNIGHT).update(
        censor="<", raw_value=12.5, raw_unit="ug/m3"
    )
    readings.day(st, "pm25", dt.date(2024, 3, 1), [12.5, float("nan"), 31.25] + [20.0] * 21)
    readings.day_mean(st, "pm25", dt.date(2024, 3, 2), 18.0)
    return st


MEASUREMENTS_CSV = (
    "station,parameter,averaging,time,value,unit,censor,flags,raw_value,raw_unit\n"
    "TH-T1,pm25,1h,2024-02-29T17:00:00Z,12.5,µg/m³,<,,12.5,ug/m3\n"
    "TH-T1,pm25,1h,2024-02-29T18:00:00Z,20.0,µg/m³,,spike;flat,20.0,µg/m³\n"
    "TH-T1,pm25,1h,2024-02-29T19:00:00Z,31.25,µg/m³,,,31.25,µg/m³\n"
    "TH-T1,o3,1h,2024-02-29T17:00:00Z,80.0,µg/m³,,,80.0,µg/m³\n"
)


def test_it_downloads_measurements_as_csv(client, station):
    response = client.get(f"{API}/stations/TH-T1/export.csv?start=2024-03-01&end=2024-03-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="TH-T1-measurements-2024-03-01-2024-03-01.csv"'
    )
    assert "Link" not in response
    assert response.content.decode() == MEASUREMENTS_CSV


def test_it_downloads_one_parameter(client, station):
    response = client.get(f"{API}/stations/TH-T1/export.csv?parameter=o3&start=2024-03-01")
    assert response.content.decode().splitlines()[1:] == [
        "TH-T1,o3,1h,2024-02-29T17:00:00Z,80.0,µg/m³,,,80.0,µg/m³"
    ]


def test_it_downloads_daily_values_as_csv(client, station):
    response = client.get(
        f"{API}/stations/TH-T1/export.csv?dataset=daily&start=2024-03-01&end=2024-03-02"
    )
    # mean of 23 hours: (12.5 + 31.25 + 21 * 20) / 23 = 20.163043478260867
    assert response.content.decode() == (
        "station,parameter,date,mean,unit,count,completeness,max_1h,max_8h,flagged\n"
        "TH-T1,pm25,2024-03-01,20.16304347826087,µg/m³,23,0.9583,31.25,,0\n"
        "TH-T1,pm25,2024-03-02,18.0,µg/m³,0,1.0,,,0\n"
    )


def test_it_downloads_measurements_as_parquet_with_types(client, station):
    response = client.get(f"{API}/stations/TH-T1/export.parquet?start=2024-03-01&end=2024-03-01")
    assert response["Content-Type"] == "application/vnd.apache.parquet"
    frame = pl.read_parquet(io.BytesIO(response.content))
    assert frame.schema == pl.Schema(
        {
            "station": pl.String,
            "parameter": pl.String,
            "averaging": pl.String,
            "time": pl.Datetime("us", "UTC"),
            "value": pl.Float64,
            "unit": pl.String,
            "censor": pl.String,
            "flags": pl.String,
            "raw_value": pl.Float64,
            "raw_unit": pl.String,
        }
    )
    assert frame["time"].to_list() == [
        MIDNIGHT,
        MIDNIGHT + dt.timedelta(hours=1),
        MIDNIGHT + dt.timedelta(hours=2),
        MIDNIGHT,
    ]
    assert frame["value"].to_list() == [12.5, 20.0, 31.25, 80.0]
    assert frame["flags"].to_list() == ["", "spike;flat", "", ""]
    # the same rows as the CSV
    csv = pl.read_csv(io.StringIO(MEASUREMENTS_CSV), infer_schema=False)
    assert frame["raw_unit"].to_list() == csv["raw_unit"].to_list()


def test_it_downloads_daily_values_as_parquet(client, station):
    response = client.get(f"{API}/stations/TH-T1/export.parquet?dataset=daily&start=2024-03-01")
    frame = pl.read_parquet(io.BytesIO(response.content))
    assert frame["date"].to_list() == [dt.date(2024, 3, 1), dt.date(2024, 3, 2)]
    assert frame["count"].dtype == pl.Int16
    assert frame["mean"].to_list()[1] == 18.0


def test_it_downloads_the_stations_as_geojson(client, station):
    response = client.get(f"{API}/stations.geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Disposition"] == 'attachment; filename="stations.geojson"'
    data = json.loads(response.content)
    # RFC 7946: a FeatureCollection of Features, Point coordinates [longitude, latitude]
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [100.5, 13.75]}
    assert feature["properties"]["code"] == "TH-T1"
    assert feature["properties"]["parameters"] == "pm25;o3"
    assert "latitude" not in feature["properties"]


def test_it_downloads_measurements_as_xlsx_read_back_with_openpyxl(client, station):
    from openpyxl import load_workbook

    response = client.get(f"{API}/stations/TH-T1/export.xlsx?start=2024-03-01&end=2024-03-01")
    assert response.status_code == 200
    assert response["Content-Type"] == exports.get("xlsx").media_type
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    csv = pl.read_csv(io.StringIO(MEASUREMENTS_CSV), infer_schema=False)
    assert rows[0] == csv.columns
    assert [row[3] for row in rows[1:]] == csv["time"].to_list()
    assert [row[4] for row in rows[1:]] == [12.5, 20.0, 31.25, 80.0]
    assert rows[2][7] == "spike;flat"


def test_it_downloads_the_stations_as_csv(client, station):
    response = client.get(f"{API}/stations.csv")
    assert response.content.decode() == (
        "code,name,kind,site_type,country,latitude,longitude,elevation,time_zone,operator,"
        "active_from,active_to,parameters\n"
        "TH-T1,Bang Na,air,urban,TH,13.75,100.5,3.0,Asia/Bangkok,,,,pm25;o3\n"
    )


def test_it_links_to_the_rest_of_a_long_range(client, station):
    response = client.get(
        f"{API}/stations/TH-T1/export.csv?parameter=pm25&start=2023-03-01&end=2024-12-31"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="TH-T1-measurements-2023-03-01-2024-02-29.csv"'
    )
    assert response["Link"] == (
        "<http://testserver/api/v1/monitoring/stations/TH-T1/export.csv"
        '?parameter=pm25&start=2024-03-01&end=2024-12-31>; rel="next"'
    )
    # 29 February 2024 in Bangkok ends at 17:00 UTC: nothing of 1 March in this part
    assert response.content.decode().count("\n") == 1


def test_it_plugs_in_a_new_format_the_way_the_built_ins_do(station):
    @exports.register("tsv", media_type="text/tab-separated-values")
    def tsv(table):
        return exports.text_frame(table.frame).write_csv(separator="\t").encode()

    try:
        from lmec.monitoring.selectors.tables import stations_table

        table = stations_table()
        assert exports.formats_for(table) == ["csv", "xlsx", "parquet", "geojson", "tsv"]
        content, fmt = exports.export(table, "tsv")
        assert fmt.media_type == "text/tab-separated-values"
        assert content.decode().splitlines()[1].startswith("TH-T1\tBang Na\tair\t")
    finally:
        del exports.FORMATS["tsv"]


def test_it_names_the_formats_a_table_can_take(station):
    from lmec.monitoring.selectors.tables import measurements_table

    table = measurements_table("TH-T1", start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 1))
    with pytest.raises(ValueError, match="geojson is not available for measurements"):
        exports.export(table, "geojson")
    with pytest.raises(ValueError, match="unknown format 'ods'; choose one of: csv, xlsx, parquet"):
        exports.export(table, "ods")
