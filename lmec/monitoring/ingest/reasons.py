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

_ENGLISH_OR = " or "


def _or_separator() -> str:
    # The translators' "or" between alternatives; spaces included, as Chinese needs none.
    return pgettext("between alternatives, e.g. 'µg/m³ or mg/m³'", " or ")


def _prepared(params: dict, separator: str) -> dict:
    """``params`` with list values joined as alternatives."""
    return {
        name: separator.join(str(v) for v in value) if isinstance(value, list) else value
        for name, value in params.items()
    }


def english(code: str, params: dict) -> str:
    """The English sentence of ``code`` with ``params`` (raises ``KeyError`` for an unknown
    code or a missing parameter)."""
    return MESSAGES[code] % _prepared(params, _ENGLISH_OR)


def translated(error: dict) -> str:
    """The reason of a stored row error (``{"row", "column", "value", "reason"[, "code",
    "params"]}``) in the active language.

    Falls back to the stored English ``reason`` when the error has no code (reports stored
    before codes existed), an unknown code (a code removed since) or parameters that do not
    fit the message; a report never fails to show.
    """
    code, params = error.get("code"), error.get("params")
    if code in MESSAGES and isinstance(params, dict):
        try:
            return gettext(MESSAGES[code]) % _prepared(params, _or_separator())
        except (KeyError, TypeError, ValueError):
            pass
    return str(error.get("reason", ""))
