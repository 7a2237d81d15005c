"""Whole-input ingest failures (IngestError) as codes: English for the CLI and the API, the
reader's language on the upload pages, stored English for uploads older than the codes."""

import ast
import gettext
import json
import re
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lmec.monitoring.ingest import IngestError, ingest_file, ingest_records, reasons
from lmec.monitoring.models import Station, StationParameter, Upload
from lmec.monitoring.tasks import ingest_upload
from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

PACKAGE = Path(settings.BASE_DIR) / "monitoring"
LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUES = ["zh_Hans", "th", "vi", "lo", "km", "my"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
LONG = "station,parameter,unit,time,value\n"
WIDE = "Date,PM2.5\n2026-11-01 00:00,12\n"


def workbook(path, sheet="Data"):
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(["Date", "PM2.5"])
    book.active.append(["2026-11-01 00:00", 12])
    book.save(path)
    return path


# name -> (file name, content (bytes, or a function of the folder), ingest_file keywords,
# code, English message)
CASES = {
    "empty": ("data.csv", b"  \n", {}, "file_empty", "the file is empty"),
    "utf16": (
        "data.csv",
        LONG.encode("utf-16"),
        {},
        "file_utf16",
        "the file is UTF-16 text; save it as CSV in UTF-8 (in Excel: 'CSV UTF-8')",
    ),
    "header not utf-8": (
        "data.csv",
        "station,paramètre,unit,time,value\n".encode("latin-1"),
        {},
        "header_not_utf8",
        "the header line is not UTF-8 text; save the file as CSV in UTF-8 (in Excel: "
        "'CSV UTF-8')",
    ),
    "no columns": (
        "data.csv",
        b"just one column\n",
        {},
        "header_no_columns",
        "could not find the columns in the first line; separate them with commas or semicolons",
    ),
    "row not utf-8": (
        "data.csv",
        (LONG + "TH-A,pm25,µg/m³,2026-11-01T00:00+07:00,1\n").encode("latin-1"),
        {},
        "row_not_utf8",
        "row 1 is not UTF-8 text; save the file as CSV in UTF-8 (in Excel: 'CSV UTF-8')",
    ),
    "too many fields": (
        "data.csv",
        (LONG + "TH-A,pm25,ug/m3,2026-11-01T00:00+07:00,1\nTH-A,pm25,ug/m3,x,1,2\n").encode(),
        {},
        "row_too_many_fields",
        "row 2 has 6 fields but the header has 5; check the separators and quotes in that row",
    ),
    "columns missing": (
        "data.csv",
        b"station,time,pm25\nTH-A,2026-11-01T00:00,1\n",
        {},
        "long_columns_missing",
        "the file lacks the columns parameter, unit, value; a long table has the columns "
        "station, parameter, unit, time, value (and optionally averaging, flag); it has: "
        "station, time, pm25. For one column per parameter give a mapping "
        "(docs/ingest-mapping.md).",
    ),
    "column missing": (
        "data.csv",
        b"station,parameter,Unit,value\nTH-A,pm25,ug/m3,1\n",
        {},
        "long_column_missing",
        "the file lacks the column time; a long table has the columns station, parameter, "
        "unit, time, value (and optionally averaging, flag); it has: station, parameter, "
        "Unit, value. For one column per parameter give a mapping (docs/ingest-mapping.md).",
    ),
    "no data rows": ("data.csv", LONG.encode(), {}, "file_no_rows", "the file has no data rows"),
    "not a spreadsheet": (
        "data.xlsx",
        b"station,parameter\n",
        {},
        "spreadsheet_unreadable",
        None,  # the detail is calamine's own words
    ),
    "unknown sheet": (
        "data.xlsx",
        workbook,
        {"mapping": {"sheet": "Daten", "station": "TH-A", "time": "Date",
                     "columns": {"PM2.5": {"parameter": "pm25", "unit": "µg/m³"}}}},
        "sheet_unknown",
        "the workbook has no sheet 'Daten'",
    ),
    "unknown sheet number": (
        "data.xlsx",
        workbook,
        {"mapping": {"sheet": 3, "station": "TH-A", "time": "Date",
                     "columns": {"PM2.5": {"parameter": "pm25", "unit": "µg/m³"}}}},
        "sheet_number_unknown",
        "the workbook has no sheet 3",
    ),
    "unknown format": (
        "data.csv",
        LONG.encode(),
        {"format": "parquet"},
        "format_unknown",
        "unknown format 'parquet'; choose one of: long, wide, openaq",
    ),
    "mapping not yaml": (
        "data.csv",
        WIDE.encode(),
        {"mapping": "time: Date\ncolumns: [unclosed\n"},
        "mapping_yaml_invalid_at",
        "the mapping is not valid YAML (line 2, column 10): while parsing a flow sequence; "
        "expected ',' or ']', but got '<stream end>'",
    ),
    "mapping not a dictionary": (
        "data.csv",
        WIDE.encode(),
        {"mapping": "- just\n- a list\n"},
        "mapping_not_dict",
        "the mapping must be a YAML dictionary (keys such as time: and columns:)",
    ),
    "mapping problems": (
        "data.csv",
        WIDE.encode(),
        {"mapping": {"station": "TH-A", "time": {"column": "Date", "zone": "Bangkok"},
                     "columns": {"PM2.5": {"parameter": "pm25", "unit": "ppb", "colour": 1}}}},
        "mapping_problems",
        "the mapping has problems: time › zone: 'Bangkok' is not a time zone; use an IANA "
        "name such as Asia/Bangkok, UTC, an offset such as +07:00, or station (each "
        "station's own zone); columns › PM2.5: unknown key 'colour' (expected one of "
        "parameter, unit, averaging, flag); columns › PM2.5 › unit: ppb cannot be used for "
        "pm25: particles have no molar mass; use µg/m³ or mg/m³",
    ),
    "mapped columns absent": (
        "data.csv",
        WIDE.encode(),
        {"mapping": {"station": "TH-A", "time": "Time",
                     "columns": {"PM10": {"parameter": "pm10", "unit": "µg/m³"}}}},
        "mapping_columns_absent",
        "the mapping names columns 'PM10', 'Time' but the file has: Date, PM2.5",
    ),
    "mapped column absent": (
        "data.csv",
        WIDE.encode(),
        {"mapping": {"station": "TH-A", "time": "Date",
                     "columns": {"PM10": {"parameter": "pm10", "unit": "µg/m³"}}}},
        "mapping_column_absent",
        "the mapping names column 'PM10' but the file has: Date, PM2.5",
    ),
    "wide without mapping": (
        "data.csv",
        WIDE.encode(),
        {"format": "wide"},
        "wide_needs_mapping",
        "a wide table needs a mapping (--mapping FILE; see docs/ingest-mapping.md)",
    ),
    "openaq mapping for a wide table": (
        "data.csv",
        WIDE.encode(),
        {"mapping": {"format": "openaq", "station": "TH-A"}, "format": "wide"},
        "mapping_not_wide",
        "the mapping is for openaq files, not for a wide table",
    ),
    "wide mapping for openaq": (
        "data.json",
        b'{"results": []}',
        {"mapping": {"station": "TH-A", "time": "Date",
                     "columns": {"PM2.5": {"parameter": "pm25", "unit": "µg/m³"}}}},
        "mapping_not_openaq",
        "the mapping is for a wide table, not for OpenAQ JSON",
    ),
    "json not utf-8": (
        "data.json",
        '{"results": ["é"]}'.encode("latin-1"),
        {},
        "file_not_utf8",
        "the file is not UTF-8 text",
    ),
    "json invalid": (
        "data.json",
        b"{results: []}",
        {},
        "json_invalid",
        "the file is not valid JSON (line 1: Expecting property name enclosed in double quotes)",
    ),
    "not openaq": (
        "data.json",
        b'{"data": []}',
        {},
        "openaq_not_v3",
        "this JSON is not an OpenAQ v3 answer: expected an object with a 'results' list (from "
        "/v3/sensors/{id}/measurements or /v3/locations/{id}/latest)",
    ),
    "openaq without results": (
        "data.json",
        b'{"results": []}',
        {"station": "TH-A"},
        "openaq_no_results",
        "the JSON has no results",
    ),
    "openaq without station": (
        "data.json",
        json.dumps({"results": [{"value": 1}]}).encode(),
        {},
        "openaq_station_missing",
        "OpenAQ results do not name the hub's station: give --station CODE (or station: in "
        "the mapping)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_it_fails_a_whole_file_with_a_code_and_its_english_sentence(case, tmp_path):
    name, content, kwargs, code, english = CASES[case]
    path = tmp_path / name
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        ingest_file(path, **kwargs)
    assert caught.value.code == code
    if english is not None:
        assert str(caught.value) == english
    assert str(caught.value) == reasons.english(code, caught.value.params)
    upload = Upload.objects.get()
    assert (upload.status, upload.message) == ("failed", str(caught.value))
    assert (upload.message_code, upload.message_params) == (code, caught.value.params)


def test_it_keeps_the_file_values_as_parameters_never_english_words(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"station,time,pm25\nTH-A,2026-11-01T00:00,1\n")
    with pytest.raises(IngestError) as caught:
        ingest_file(path)
    assert caught.value.params == {
        "missing": ["parameter", "unit", "value"],
        "required": ["station", "parameter", "unit", "time", "value"],
        "optional": ["averaging", "flag"],
        "found": ["station", "time", "pm25"],
    }


def test_it_names_a_missing_file_and_a_bad_record(tmp_path):
    with pytest.raises(IngestError) as caught:
        ingest_file(tmp_path / "missing.csv")
    assert (caught.value.code, str(caught.value)) == (
        "file_missing",
        f"no such file: {tmp_path / 'missing.csv'}",
    )
    with pytest.raises(IngestError) as caught:
        ingest_records([{"station": "TH-A"}, 7])
    assert (caught.value.code, caught.value.params) == ("record_not_object", {"row": 2})
    assert str(caught.value) == "record 2 is not an object with station, parameter, ..."
    assert Upload.objects.get(format="api").message_code == "record_not_object"


def test_it_names_a_mapping_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text(WIDE)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_bytes("station: TH-É\n".encode("latin-1"))
    with pytest.raises(IngestError) as caught:
        ingest_file(path, mapping=mapping)
    assert caught.value.code == "mapping_file_unreadable"
    assert str(caught.value).startswith("the mapping file could not be read: 'utf-8' codec")


# --- every code: raised, rendered, translated ----------------------------------------------


def raised_codes():
    """(file, line, code, keyword names) of every IngestError(...) and mapping problem
    (_add(problems, where, code, ...)) in lmec/monitoring, read from the source."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "IngestError":
                code = node.args[0]
            elif node.func.id == "_add" and len(node.args) >= 3:
                code = node.args[2]
            else:
                continue
            names = {k.arg for k in node.keywords if k.arg}
            spread = any(k.arg is None for k in node.keywords)  # **exc.params: a row reason
            codes = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
            for one in codes:
                if isinstance(one, ast.Attribute) and spread:
                    continue  # exc.code of a RowProblem: checked by test_ingest_reasons
                assert isinstance(one, ast.Constant), (path.name, node.lineno)
                found.append((path.name, node.lineno, one.value, names))
    return found


def test_it_raises_only_codes_that_have_a_message_with_their_parameters():
    found = raised_codes()
    assert len(found) > 60  # the ingest package raises about 30, the mapping checks 30 more
    for name, line, code, names in found:
        assert code in reasons.FILE_MESSAGES, (name, line, code)
        assert set(PLACEHOLDER.findall(reasons.FILE_MESSAGES[code])) == names, (name, line)


def test_it_has_no_message_that_nothing_raises():
    raised = {code for _name, _line, code, _names in raised_codes()}
    assert set(reasons.FILE_MESSAGES) == raised


def sample_params(code):
    """A value for each placeholder: lists where the code lists columns or codes."""
    params = {}
    for name in PLACEHOLDER.findall(reasons.FILE_MESSAGES[code]):
        if name in reasons.ENUMERATIONS:
            params[name] = [f"{name}-a", f"{name}-b"]
        elif name == "problems":
            params[name] = [
                {"where": "time › zone", "code": "mapping_zone_unknown",
                 "params": {"zone": "Bangkok"}},
                {"where": "", "code": "mapping_station_both", "params": {}},
            ]  # fmt: skip
        else:
            params[name] = f"<{name}>"
    return params


@pytest.mark.parametrize("lang", ["zh-hans", "th", "vi", "lo", "km", "my"])
@pytest.mark.parametrize("code", sorted(reasons.FILE_MESSAGES))
def test_it_translates_every_file_message_with_the_file_values(code, lang):
    params = sample_params(code)
    english = reasons.english(code, params)
    with translation.override(lang):
        text = reasons.translated({"code": code, "params": params, "reason": english})
    assert text != english
    for name, value in params.items():
        if name == "problems":
            assert "time › zone" in text and "Bangkok" in text
        else:
            for item in value if isinstance(value, list) else [value]:
                assert item in text, (code, lang, name)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_it_has_every_code_in_the_compiled_catalogue(lang):
    catalogue = gettext.translation("django", localedir=LOCALE, languages=[lang])
    missing = [c for c, m in reasons.FILE_MESSAGES.items() if catalogue.gettext(m) == m]
    assert not missing, f"{lang}: {missing}"
    contexts = [
        ("between the items of a list, e.g. 'station, time, pm25'", ", "),
        ("between the problems of a mapping", "; "),
        ("a problem of a mapping after its place, e.g. 'time › zone: …'", "%(where)s: %(problem)s"),
    ]
    for context, msgid in contexts:
        # a separator may be the English one in a language that writes lists the same way
        assert f"{context}\x04{msgid}" in catalogue._catalog, (lang, context)


def test_it_renders_a_mapping_problem_list_in_chinese():
    params = {
        "problems": [
            {"where": "time › zone", "code": "mapping_zone_unknown", "params": {"zone": "BKK"}},
            {"where": "columns › PM2.5 › unit", "code": "unit_particles_molar",
             "params": {"unit": "ppb", "parameter": "pm25", "units": ["µg/m³", "mg/m³"]}},
        ]
    }  # fmt: skip
    with translation.override("zh-hans"):
        text = reasons.translated({"code": "mapping_problems", "params": params})
    assert text == (
        "列映射有问题：time › zone：“BKK”不是时区；请使用 IANA 名称（如 Asia/Bangkok）、UTC、"
        "时差（如 +07:00）或 station（各监测站自己的时区）；columns › PM2.5 › unit：ppb 不能用于 "
        "pm25：颗粒物没有摩尔质量；请使用 µg/m³或mg/m³"
    )


# --- the upload pages ----------------------------------------------------------------------


@pytest.fixture
def station(users):
    made = Station.objects.create(
        code="TH-A",
        name="TH-A",
        country_id="TH",
        site_type="urban",
        latitude=15,
        longitude=105,
        time_zone="Asia/Bangkok",
    )
    StationParameter.objects.create(station=made, parameter=1, unit="µg/m³")
    made.data_providers.add(users.provider)
    return made


def upload_page(client, user, lang, text, name="data.csv", **fields):
    assert client.login(username=user.username, password=PASSWORD)
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    response = client.post(f"/{lang}/monitoring/upload/", {"file": upload, **fields})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


MISSING_COLUMNS = "station,time,pm25\nTH-A,2026-11-01T00:00,1\n"


def test_it_shows_missing_columns_in_thai_with_the_file_columns(client, users, station):
    html = upload_page(client, users.provider, "th", MISSING_COLUMNS)
    assert (
        "ไฟล์ไม่มีคอลัมน์ parameter, unit, value ตารางแนวยาวต้องมีคอลัมน์ station, parameter, "
        "unit, time, value (และอาจมี averaging, flag) แต่ไฟล์นี้มี: station, time, pm25 "
        "หากมีหนึ่งคอลัมน์ต่อหนึ่งพารามิเตอร์ โปรดระบุไฟล์จับคู่คอลัมน์ (docs/ingest-mapping.md)"
    ) in html
    assert "lacks" not in html and "long table" not in html
    assert Upload.objects.get().message.startswith("the file lacks the columns")


def test_it_shows_missing_columns_in_chinese_with_the_file_columns(client, users, station):
    html = upload_page(client, users.provider, "zh-hans", MISSING_COLUMNS)
    assert (
        "文件缺少以下列：parameter、unit、value；长格式表应包含 station、parameter、unit、time、"
        "value 列（可选 averaging、flag 列）；该文件的列为：station、time、pm25。如果每个指标占"
        "一列，请提供列映射（docs/ingest-mapping.md）。"
    ) in html
    assert "lacks" not in html and "long table" not in html


def test_it_shows_the_problems_of_a_mapping_in_thai(client, users, station):
    mapping = SimpleUploadedFile(
        "mapping.yaml",
        b"station: TH-A\ntime: {column: Date, zone: Bangkok}\n"
        b"columns:\n  PM2.5: {parameter: pm25, unit: ppb}\n",
    )
    html = upload_page(client, users.provider, "th", WIDE, mapping=mapping)
    assert (
        "ไฟล์จับคู่คอลัมน์มีปัญหา: ที่ time › zone: “Bangkok” ไม่ใช่เขตเวลา โปรดใช้ชื่อ IANA เช่น "
        "Asia/Bangkok, UTC, ส่วนต่างเวลา เช่น +07:00 หรือ station (เขตเวลาของแต่ละสถานี); "
        "ที่ columns › PM2.5 › unit: ใช้ ppb กับ pm25 ไม่ได้ เนื่องจากฝุ่นละอองไม่มีมวลโมลาร์ "
        "โปรดใช้ µg/m³ หรือ mg/m³"
    ) in html
    assert "is not a time zone" not in html and "molar mass" not in html


def test_it_shows_an_empty_file_in_chinese_in_the_upload_list(client, users, station):
    upload_page(client, users.provider, "zh-hans", "  \n")
    html = client.get("/zh-hans/monitoring/uploads/").content.decode()
    assert '失败<br><span class="muted">文件为空</span>' in html
    assert "the file is empty" not in html


def test_it_still_shows_an_old_failure_without_a_code(client, users, station):
    old = Upload.objects.create(
        user=users.provider,
        filename="old.csv",
        format="long",
        status="failed",
        message="could not find the columns in the first line; separate them with commas",
    )
    assert client.login(username=users.provider.username, password=PASSWORD)
    html = client.get(f"/th/monitoring/uploads/{old.pk}/").content.decode()
    assert " — could not find the columns in the first line; separate them with commas" in html
    listed = client.get("/th/monitoring/uploads/").content.decode()
    assert "could not find the columns in the first line" in listed


def test_it_shows_the_stored_english_when_the_parameters_do_not_fit(client, users, station):
    old = Upload.objects.create(
        user=users.provider,
        format="long",
        status="failed",
        message="the file lacks the column time",
        message_code="long_column_missing",
        message_params={"missing": ["time"]},  # a message changed since: params missing
    )
    with translation.override("th"):
        assert old.translated_message == "the file lacks the column time"


# --- the background task -------------------------------------------------------------------


def test_it_returns_the_code_of_a_failed_upload_from_the_task(users, station):
    upload = Upload.objects.create(user=users.provider, format="long")
    upload.file.save("data.csv", SimpleUploadedFile("data.csv", LONG.encode()))
    outcome = ingest_upload.call(upload.pk)
    assert outcome == {
        "status": "failed",
        "message": "the file has no data rows",
        "code": "file_no_rows",
        "params": {},
    }
    empty = Upload.objects.create(user=users.provider, format="long")
    assert ingest_upload.call(empty.pk) == {
        "status": "failed",
        "message": "the upload has no file",
        "code": "upload_no_file",
        "params": {},
    }
    empty.refresh_from_db()
    with translation.override("vi"):
        assert empty.translated_message == "lần tải lên này không có tệp"
