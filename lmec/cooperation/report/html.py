"""The evaluation report as HTML: a whole print-friendly document (cover, contents,
sections; ``templates/cooperation/report/report.html``) for files and the PDF, or the
sections alone for the website's page. Charts: :mod:`.charts`."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..models import AgeGroup, Gender, ProjectStatus, StakeholderType
from .charts import bar_chart

#: The report's sections in order: anchor and heading (translated when shown; the tests
#: read the same list).
SECTIONS = (
    ("directions", gettext_noop("Progress by strategic direction")),
    ("timing", gettext_noop("Activities against the framework's timing")),
    ("participants", gettext_noop("Participants")),
    ("projects", gettext_noop("Projects")),
    ("funding", gettext_noop("Funding by source type")),
    ("self-assessments", gettext_noop("Self-assessments")),
    ("public-assessment", gettext_noop("Public assessment")),
    ("knowledge", gettext_noop("Knowledge products by theme")),
)


def section_titles() -> list[tuple[str, str]]:
    """``[(anchor, heading in the active language), …]``."""
    return [(anchor, _(heading)) for anchor, heading in SECTIONS]


def _labelled(counts: dict[str, int], labels: dict[str, str]) -> list[tuple[str, int]]:
    return [(labels.get(key, key), n) for key, n in counts.items()]


def report_context(data: dict) -> dict:
    """What the templates need besides ``data``: translated labels, the year grid's
    columns and the charts. Call with the report's language active."""
    countries = {c["code"]: c["name"] for c in data["countries"]}
    countries["unknown"] = _("Not given")
    participants = data["participants"]
    gender = dict(Gender.choices)
    stakeholders = dict(StakeholderType.choices)
    ages = dict(AgeGroup.choices)
    kinds = {
        "activity": _("Activities"),
        "event": _("Events"),
        "project": _("Projects"),
        "all": _("All"),
    }
    usd = _("USD")
    public = data["public_assessment"]
    charts = {
        "directions": bar_chart(
            [(f"{row['code']} {row['name']}", row["events"]) for row in data["directions"]],
            title=_("Events per strategic direction"),
        ),
        "participants_country": bar_chart(
            _labelled(participants["by_country"], countries),
            title=_("Participants by country"),
        ),
        "participants_gender": bar_chart(
            _labelled(participants["by_gender"], gender), title=_("Participants by gender")
        ),
        "participants_stakeholder": bar_chart(
            _labelled(participants["by_stakeholder"], stakeholders),
            title=_("Participants by stakeholder type"),
        ),
        "funding": bar_chart(
            [
                (f"{row['code']} {row['name']}", row["commitment_usd"])
                for row in data["funding"]["by_source"]
            ],
            title=_("Commitments by source type"),
            unit=usd,
        ),
        "ratings": bar_chart(
            [(f"{rating}/5", n) for rating, n in public["total"]["distribution"].items()],
            title=_("Ratings given by the public"),
        ),
        "knowledge": bar_chart(
            [(row["name"], row["resources"]) for row in data["knowledge"]],
            title=_("Knowledge products by theme"),
        ),
    }
    first = data["strategy"]["start_year"]
    return {
        "report": data,
        "sections": section_titles(),
        "charts": charts,
        "years": [str(year) for year in range(first, data["year"] + 1)],
        "participants_by_country": _labelled(participants["by_country"], countries),
        "participant_tables": [
            (_("Gender"), _labelled(participants["by_gender"], gender)),
            (_("Age group"), _labelled(participants["by_age_group"], ages)),
            (_("Stakeholder type"), _labelled(participants["by_stakeholder"], stakeholders)),
        ],
        "projects_by_status": _labelled(
            data["projects_by_status"]["by_status"], dict(ProjectStatus.choices)
        ),
        "public_rows": [(kinds[row["kind"]], row) for row in [*public["items"], public["total"]]],
        "generated_on": timezone.localdate(),
    }


def render_report_html(data: dict, *, request=None) -> str:
    """The whole report as one HTML document (``<html lang=…>``), styled for print."""
    with translation.override(data["language"]):
        return render_to_string(
            "cooperation/report/report.html", report_context(data), request=request
        )
