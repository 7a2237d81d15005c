"""Why a row was refused, as a code and its parameters, in English or in the reader's language.

A row error keeps ``code`` and ``params`` beside its English ``reason``: the CLI and the API
show the English sentence (the same for every reader, stable for scripts), the pages
translate it with :func:`translated`. The sentences are gettext messages with named
placeholders (``%(station)s``), marked here with ``gettext_noop`` so that the English is
built at ingest time whatever language the request that started it was in.

Parameters are codes, numbers, unit symbols, time zone names and the file's own text; never
English words. A list of alternatives (``µg/m³ or mg/m³``) is kept as a list and joined at
rendering time with the language's own "or".

Reports stored before codes existed (``{"row", "column", "value", "reason"}`` only) are
shown with their English reason: see :func:`translated`.

A whole input that cannot be read (:class:`~.errors.IngestError`: an empty file, not UTF-8,
a bad mapping, missing columns…) works the same way with the codes of :data:`FILE_MESSAGES`;
the upload keeps ``message_code`` and ``message_params`` beside its English ``message``.
A list named in :data:`ENUMERATIONS` (column names, codes) is joined with the language's
list separator, any other list with its "or"; the ``problems`` of a mapping are a list of
``{"where", "code", "params"}`` rendered one by one.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop, pgettext

#: code -> English message with named placeholders.
MESSAGES: dict[str, str] = {
    "station_missing": gettext_noop("the station is missing"),
    "station_unknown": gettext_noop("no station has the code '%(station)s'"),
    "station_not_allowed": gettext_noop("you may not send data for station %(station)s"),
    "parameter_missing": gettext_noop("the parameter is missing"),
    "parameter_unknown": gettext_noop(
        "unknown parameter '%(parameter)s'; air parameters are %(air)s; water parameters are "
        "listed in docs/ingest.md"
    ),
    "parameter_air_at_water_site": gettext_noop(
        "%(parameter)s is an air parameter but %(station)s is a water sampling site"
    ),
    "parameter_water_at_air_station": gettext_noop(
        "%(parameter)s is a water parameter but %(station)s is an air-quality station"
    ),
    "parameter_not_measured": gettext_noop("station %(station)s does not measure %(parameter)s"),
    "unit_missing": gettext_noop("the unit is empty; %(parameter)s is given in %(units)s"),
    "unit_unknown": gettext_noop("unknown unit '%(unit)s'; %(parameter)s is given in %(units)s"),
    "unit_unknown_dimensionless": gettext_noop(
        "unknown unit '%(unit)s'; %(parameter)s has no unit (leave the unit empty)"
    ),
    "unit_particles_molar": gettext_noop(
        "%(unit)s cannot be used for %(parameter)s: particles have no molar mass; use %(units)s"
    ),
    "unit_mismatch": gettext_noop("%(unit)s is not a unit of %(parameter)s; use %(units)s"),
    "unit_mismatch_dimensionless": gettext_noop(
        "%(unit)s is not a unit of %(parameter)s, which has no unit (leave the unit empty)"
    ),
    "time_missing": gettext_noop("the time is missing"),
    "time_invalid": gettext_noop(
        "not a date and time in ISO 8601, e.g. %(example)s or %(other_example)s"
    ),
    "time_skipped": gettext_noop("this local time does not exist in %(zone)s (the clocks skip it)"),
    "time_future": gettext_noop(
        "this time lies in the future (the server's clock says %(now)s UTC)"
    ),
    "value_missing": gettext_noop("the value is missing"),
    "value_not_number": gettext_noop(
        "not a number (a value below the detection limit is written like %(example)s)"
    ),
    "averaging_unknown": gettext_noop("unknown averaging period; use 1h, 8h, 24h or grab"),
    "flag_unknown": gettext_noop(
        "unknown flag; use %(valid)s or leave it empty for a valid value, %(invalid)s for one "
        "the provider marks invalid"
    ),
    "key_repeated": gettext_noop(
        "the same station, parameter, averaging and time is in row %(rows)s with a different value"
    ),
    # A large file is stored block by block: the earlier row is in a block already written,
    # so its row number is no longer at hand.
    "key_in_earlier_block": gettext_noop(
        "the same station, parameter, averaging and time is in an earlier row of the file with a "
        "different value"
    ),
}

#: code -> English message of an input that cannot be read as a whole (``IngestError``).
#: A problem of a mapping is shown after its place in the mapping (``time › zone: …``); the
#: place is made of the mapping's own keys and the file's column names, never translated.
FILE_MESSAGES: dict[str, str] = {
    # the file
    "file_missing": gettext_noop("no such file: %(path)s"),
    "file_empty": gettext_noop("the file is empty"),
    "file_no_rows": gettext_noop("the file has no data rows"),
    "file_utf16": gettext_noop(
        "the file is UTF-16 text; save it as CSV in UTF-8 (in Excel: 'CSV UTF-8')"
    ),
    "file_not_utf8_csv": gettext_noop(
        "the file is not UTF-8 text; save it as CSV in UTF-8 (in Excel: 'CSV UTF-8')"
    ),
    "file_not_utf8": gettext_noop("the file is not UTF-8 text"),
    "header_not_utf8": gettext_noop(
        "the header line is not UTF-8 text; save the file as CSV in UTF-8 (in Excel: 'CSV UTF-8')"
    ),
    "header_no_columns": gettext_noop(
        "could not find the columns in the first line; separate them with commas or semicolons"
    ),
    "row_not_utf8": gettext_noop(
        "row %(row)s is not UTF-8 text; save the file as CSV in UTF-8 (in Excel: 'CSV UTF-8')"
    ),
    "row_too_many_fields": gettext_noop(
        "row %(row)s has %(fields)s fields but the header has %(columns)s; check the "
        "separators and quotes in that row"
    ),
    # detail: the CSV, spreadsheet, YAML or JSON library's own words (technical, untranslated)
    "csv_unreadable": gettext_noop("the file could not be read as CSV: %(detail)s"),
    "spreadsheet_unreadable": gettext_noop(
        "the file could not be read as a spreadsheet (%(detail)s)"
    ),
    "sheet_unknown": gettext_noop("the workbook has no sheet '%(sheet)s'"),
    "sheet_number_unknown": gettext_noop("the workbook has no sheet %(sheet)s"),
    "format_unknown": gettext_noop("unknown format '%(format)s'; choose one of: %(formats)s"),
    "long_column_missing": gettext_noop(
        "the file lacks the column %(missing)s; a long table has the columns %(required)s "
        "(and optionally %(optional)s); it has: %(found)s. For one column per parameter give "
        "a mapping (docs/ingest-mapping.md)."
    ),
    "long_columns_missing": gettext_noop(
        "the file lacks the columns %(missing)s; a long table has the columns %(required)s "
        "(and optionally %(optional)s); it has: %(found)s. For one column per parameter give "
        "a mapping (docs/ingest-mapping.md)."
    ),
    "record_not_object": gettext_noop(
        "record %(row)s is not an object with station, parameter, ..."
    ),
    "internal_error": gettext_noop("internal error: %(error)s"),
    "upload_no_file": gettext_noop("the upload has no file"),
    # OpenAQ JSON
    "json_invalid": gettext_noop("the file is not valid JSON (line %(line)s: %(detail)s)"),
    "openaq_not_v3": gettext_noop(
        "this JSON is not an OpenAQ v3 answer: expected an object with a 'results' list "
        "(from /v3/sensors/{id}/measurements or /v3/locations/{id}/latest)"
    ),
    "openaq_no_results": gettext_noop("the JSON has no results"),
    "openaq_station_missing": gettext_noop(
        "OpenAQ results do not name the hub's station: give --station CODE (or station: in "
        "the mapping)"
    ),
    # the mapping as a whole
    "wide_needs_mapping": gettext_noop(
        "a wide table needs a mapping (--mapping FILE; see docs/ingest-mapping.md)"
    ),
    "mapping_file_unreadable": gettext_noop("the mapping file could not be read: %(detail)s"),
    "mapping_yaml_invalid": gettext_noop("the mapping is not valid YAML: %(detail)s"),
    "mapping_yaml_invalid_at": gettext_noop(
        "the mapping is not valid YAML (line %(line)s, column %(column)s): %(detail)s"
    ),
    "mapping_not_dict": gettext_noop(
        "the mapping must be a YAML dictionary (keys such as time: and columns:)"
    ),
    "mapping_problems": gettext_noop("the mapping has problems: %(problems)s"),
    "mapping_not_wide": gettext_noop("the mapping is for %(format)s files, not for a wide table"),
    "mapping_not_openaq": gettext_noop("the mapping is for a wide table, not for OpenAQ JSON"),
    "mapping_columns_absent": gettext_noop(
        "the mapping names columns %(columns)s but the file has: %(found)s"
    ),
    "mapping_column_absent": gettext_noop(
        "the mapping names column %(columns)s but the file has: %(found)s"
    ),
    # one problem of a mapping (in "problems")
    "mapping_key_unknown": gettext_noop("unknown key '%(key)s' (expected one of %(keys)s)"),
    "mapping_format_unknown": gettext_noop("'%(format)s' is not wide or openaq"),
    "mapping_sheet_invalid": gettext_noop("give the sheet's name or its number (1 = the first)"),
    "mapping_sheet_number": gettext_noop("sheets are numbered from 1"),
    "mapping_separator_invalid": gettext_noop("use ',', ';' or a tab"),
    "mapping_boolean": gettext_noop("use true or false"),
    "mapping_station_both": gettext_noop(
        "give station (one station for the whole file) or station_column, not both"
    ),
    "mapping_station_none": gettext_noop(
        "give station (the code of the one station of the file) or station_column (the column "
        "holding station codes)"
    ),
    "mapping_missing_invalid": gettext_noop(
        "give a list of texts that mean 'no value', e.g. ['-', 'NA']"
    ),
    "mapping_zone_unknown": gettext_noop(
        "'%(zone)s' is not a time zone; use an IANA name such as Asia/Bangkok, UTC, an offset "
        "such as +07:00, or station (each station's own zone)"
    ),
    "mapping_time_missing": gettext_noop(
        "say where the time is, e.g. time: {column: Date} or time: {year: Year, month: Month, "
        "day: Day, hour: Hour}"
    ),
    "mapping_time_modes": gettext_noop(
        "give exactly one of column (a date and time), year + month + day (+ hour), or date "
        "(+ hour)"
    ),
    "mapping_time_parts": gettext_noop("year, month and day go together"),
    "mapping_time_hour": gettext_noop(
        "hour goes with year/month/day or with date, not with column"
    ),
    "mapping_time_format_invalid": gettext_noop(
        "give a strftime format such as '%%d/%%m/%%Y %%H:%%M'"
    ),
    "mapping_time_format_alone": gettext_noop("only with column or date"),
    "mapping_parameter_missing": gettext_noop("parameter is missing"),
    "mapping_parameter_unknown": gettext_noop(
        "unknown parameter '%(parameter)s' (air: %(air)s; water: %(water)s)"
    ),
    "mapping_averaging_unknown": gettext_noop("'%(averaging)s' is not 1h, 8h, 24h or grab"),
    "mapping_columns_none": gettext_noop(
        "list the measured columns, e.g. columns: {PM2.5: {parameter: pm25, unit: µg/m³}}"
    ),
    "mapping_column_invalid": gettext_noop(
        "give parameter and unit, e.g. {parameter: pm25, unit: µg/m³}"
    ),
    "mapping_locations_invalid": gettext_noop(
        "give OpenAQ location ids and station codes, e.g. {2178: TH-05T}"
    ),
    "mapping_sensors_invalid": gettext_noop("give OpenAQ sensor ids with parameter and unit"),
}

#: Parameters whose list is an enumeration (column names, keys, codes): joined with the
#: language's list separator (", " in English) rather than its "or".
ENUMERATIONS = frozenset(
    {"missing", "required", "optional", "found", "columns", "keys", "air", "water", "formats"}
)

#: Every code, row and file (one namespace: a mapping problem may be a row reason, e.g. a
#: mapped column's unit).
ALL_MESSAGES: dict[str, str] = {**MESSAGES, **FILE_MESSAGES}
assert len(ALL_MESSAGES) == len(MESSAGES) + len(FILE_MESSAGES), "a code is used twice"

_ENGLISH = {"or": " or ", "list": ", ", "problems": "; ", "at": "%(where)s: %(problem)s"}


def _separators() -> dict[str, str]:
    # The translators' separators; spaces included, as Chinese needs none.
    return {
        "or": pgettext("between alternatives, e.g. 'µg/m³ or mg/m³'", " or "),
        "list": pgettext("between the items of a list, e.g. 'station, time, pm25'", ", "),
        "problems": pgettext("between the problems of a mapping", "; "),
        "at": pgettext(
            "a problem of a mapping after its place, e.g. 'time › zone: …'",
            "%(where)s: %(problem)s",
        ),
    }


def _prepared(params: dict, words: dict, translate) -> dict:
    """``params`` with lists joined (enumerations with the list separator, others with
    "or") and the ``problems`` of a mapping rendered with ``translate``."""
    out = {}
    for name, value in params.items():
        if name == "problems" and isinstance(value, list):
            value = words["problems"].join(_problem(p, words, translate) for p in value)
        elif isinstance(value, list):
            value = words["list" if name in ENUMERATIONS else "or"].join(str(v) for v in value)
        out[name] = value
    return out


def _problem(problem: dict, words: dict, translate) -> str:
    text = translate(ALL_MESSAGES[problem["code"]]) % _prepared(
        problem.get("params", {}), words, translate
    )
    if problem.get("where"):
        return words["at"] % {"where": problem["where"], "problem": text}
    return text


def english(code: str, params: dict) -> str:
    """The English sentence of ``code`` with ``params`` (raises ``KeyError`` for an unknown
    code or a missing parameter)."""
    return ALL_MESSAGES[code] % _prepared(params, _ENGLISH, str)


def translated(error: dict) -> str:
    """The reason of a stored row error (``{"row", "column", "value", "reason"[, "code",
    "params"]}``), or of an upload that failed as a whole (``{"reason", "code", "params"}``,
    see :meth:`~lmec.monitoring.models.Upload.translated_message`), in the active language.

    Falls back to the stored English ``reason`` when the error has no code (reports stored
    before codes existed), an unknown code (a code removed since) or parameters that do not
    fit the message; a report never fails to show.
    """
    code, params = error.get("code"), error.get("params")
    if code in ALL_MESSAGES and isinstance(params, dict):
        try:
            return gettext(ALL_MESSAGES[code]) % _prepared(params, _separators(), gettext)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return str(error.get("reason", ""))
