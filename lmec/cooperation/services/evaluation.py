"""Writes of the evaluation (strategy 5.4): the countries' self-assessments and the public
feedback with its moderation.

A self-assessment (country, year) is started pre-filled with one answer per strategic
direction and one per activity the framework expects in that year; its answers are saved
while it is a draft; submitting locks it: every later write is refused with
:class:`AssessmentLocked` (HTTP 409) for everyone, the focal point and editors included,
until an editor reopens it (who and when are kept on the record).

Public feedback is rate-limited by the sender's IP address (:func:`check_feedback_rate`,
setting ``FEEDBACK_RATE``), stored as *pending*, and shown only once an editor approves it.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import get_usage

from lmec.core.errors import RecordInvalid, StateConflict
from lmec.core.models import Country

from ..models import (
    Activity,
    AssessmentStatus,
    Direction,
    Event,
    EventStatus,
    Feedback,
    FeedbackStatus,
    ProgressStatus,
    Project,
    SelfAssessment,
    SelfAssessmentEntry,
    StakeholderType,
)
from ..selectors.framework import current_strategy

#: What public feedback may be about: target kind -> the field of :class:`Feedback`.
FEEDBACK_KINDS = ("activity", "event", "project")
#: "No public <kind> …" per kind: the kind is a word of the sentence, translated with it.
NO_PUBLIC_TARGET = {
    "activity": gettext_lazy("No activity of the framework has the code %(code)r."),
    "event": gettext_lazy("No published event has the code %(code)r."),
    "project": gettext_lazy("No published project has the code %(code)r."),
}
ENTRY_TEXT_FIELDS = ("achievements", "challenges", "next_steps")
ENTRY_TEXT_MAX = 10_000
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class EvaluationInvalid(RecordInvalid):
    """Input that cannot be stored: ``errors`` maps each bad field to its messages."""


class AssessmentLocked(StateConflict):
    """A write the assessment's state does not allow (HTTP 409); the message names the state."""


class FeedbackStateError(StateConflict):
    """A moderation decision the feedback's state does not allow (HTTP 409)."""


@dataclass
class RateLimited(Exception):
    """Too many feedback forms from one address (HTTP 429); retry after ``retry_after`` s."""

    retry_after: int
    rate: str

    def __str__(self) -> str:
        return _(
            "Too many feedback forms from your address (the limit is %(rate)s); "
            "try again in %(seconds)d seconds."
        ) % {"rate": self.rate, "seconds": self.retry_after}


# --- self-assessment -----------------------------------------------------------------


def assessment_years() -> range:
    """The years a self-assessment may be made for: the strategy's period (2023–2027)."""
    strategy = current_strategy()
    if strategy is None:
        return range(0)
    return range(strategy.start_year, strategy.end_year + 1)


def expected_activities(year: int):
    """The activities the framework expects in ``year``: within their period, and for an
    annual activity launched later, from its launch year (the action table's timing)."""
    activities = Activity.objects.filter(
        action__direction__strategy=current_strategy(), start_year__lte=year, end_year__gte=year
    ).select_related("action__direction")
    return [
        activity
        for activity in activities.order_by(
            "action__direction__number", "action__number", "position"
        )
        if (activity.launched_year or activity.start_year) <= year or activity.timing == "period"
    ]


def _check(user, perm: str, obj) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this with this self-assessment."))


def _refuse_if_locked(assessment: SelfAssessment) -> None:
    if assessment.locked:
        raise AssessmentLocked(
            _(
                "The self-assessment of %(country)s for %(year)s is submitted and locked; "
                "an editor must reopen it before anything changes."
            )
            % {"country": assessment.country_id, "year": assessment.year}
        )


@transaction.atomic
def start_assessment(*, user, country: str, year: int, language: str = "") -> SelfAssessment:
    """The country's self-assessment of ``year``, created with one answer per direction and
    per activity expected that year if it does not exist yet (running it twice returns the
    same record). The country's focal point or an editor."""
    country_obj = Country.objects.filter(code=str(country).upper()).first()
    errors: dict[str, list[str]] = {}
    if country_obj is None:
        codes = ", ".join(Country.objects.order_by("code").values_list("code", flat=True))
        errors["country"] = [
            _("Unknown country %(code)r; choose one of %(codes)s.")
            % {"code": country, "codes": codes}
        ]
    years = assessment_years()
    if year not in years:
        errors["year"] = [
            _("%(year)s is outside the strategy's period %(first)s–%(last)s.")
            % {"year": year, "first": years.start, "last": years.stop - 1}
            if years
            else _("No strategy is loaded.")
        ]
    if language and language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of %s.") % ", ".join(LANGUAGE_CODES)]
    if errors:
        raise EvaluationInvalid(errors)
    _check(user, "cooperation.start_selfassessment", country_obj)
    existing = SelfAssessment.objects.filter(country=country_obj, year=year).first()
    if existing is not None:
        return existing
    assessment = SelfAssessment.objects.create(
        country=country_obj,
        year=year,
        language=language or getattr(user, "language", "") or "en",
    )
    directions = Direction.objects.filter(strategy=current_strategy()).order_by("number")
    SelfAssessmentEntry.objects.bulk_create(
        [SelfAssessmentEntry(assessment=assessment, direction=d) for d in directions]
        + [
            SelfAssessmentEntry(assessment=assessment, activity=a)
            for a in expected_activities(year)
        ]
    )
    return assessment


def _entry_values(data: dict) -> tuple[dict, dict[str, list[str]]]:
    """The answer fields of ``data`` checked: (clean values, errors by field)."""
    values: dict = {}
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(data) - {"status", "rating", *ENTRY_TEXT_FIELDS})
    for name in unknown:
        errors[name] = [
            _("Unknown field; the fields are status, rating, achievements, challenges, next_steps.")
        ]
    if "status" in data:
        if data["status"] not in ProgressStatus.values:
            errors["status"] = [_("Choose one of %s.") % ", ".join(ProgressStatus.values)]
        else:
            values["status"] = data["status"]
    if "rating" in data:
        rating = data["rating"]
        if rating in (None, ""):
            values["rating"] = None
        elif isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            errors["rating"] = [_("A rating is a whole number from 1 (poor) to 5 (excellent).")]
        else:
            values["rating"] = rating
    for name in ENTRY_TEXT_FIELDS:
        if name in data:
            text = data[name] if data[name] is not None else ""
            if not isinstance(text, str):
                errors[name] = [_("Expected text.")]
            elif len(text) > ENTRY_TEXT_MAX:
                errors[name] = [_("At most %d characters.") % ENTRY_TEXT_MAX]
            else:
                values[name] = text.strip()
    return values, errors


def _locked_for_update(assessment: SelfAssessment) -> SelfAssessment:
    # Lock the row so a submit and a save arriving together cannot interleave.
    return SelfAssessment.objects.select_for_update().get(pk=assessment.pk)


@transaction.atomic
def save_entry(*, user, entry: SelfAssessmentEntry, data: dict) -> SelfAssessmentEntry:
    """Save some fields of one answer (``status``, ``rating`` 1–5 or empty,
    ``achievements``, ``challenges``, ``next_steps``) of a draft."""
    assessment = _locked_for_update(entry.assessment)
    _check(user, "cooperation.change_selfassessment", assessment)
    _refuse_if_locked(assessment)
    values, errors = _entry_values(data)
    if errors:
        raise EvaluationInvalid(errors)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save()
    SelfAssessment.objects.filter(pk=assessment.pk).update(updated_at=timezone.now())
    return entry


@transaction.atomic
def save_entries(
    *, user, assessment: SelfAssessment, entries: dict[int, dict], summary: str | None = None
) -> SelfAssessment:
    """Save many answers of a draft at once (the page's form), keyed by entry id; nothing
    is written if one of them is wrong (errors are named ``<entry id>.<field>``)."""
    assessment = _locked_for_update(assessment)
    _check(user, "cooperation.change_selfassessment", assessment)
    _refuse_if_locked(assessment)
    by_id = {entry.pk: entry for entry in assessment.entries.all()}
    errors: dict[str, list[str]] = {}
    changes = []
    for entry_id, data in entries.items():
        entry = by_id.get(entry_id)
        if entry is None:
            errors[str(entry_id)] = [_("Not an answer of this self-assessment.")]
            continue
        values, entry_errors = _entry_values(data)
        errors.update({f"{entry_id}.{name}": msgs for name, msgs in entry_errors.items()})
        changes.append((entry, values))
    if summary is not None and len(summary) > ENTRY_TEXT_MAX:
        errors["summary"] = [_("At most %d characters.") % ENTRY_TEXT_MAX]
    if errors:
        raise EvaluationInvalid(errors)
    for entry, values in changes:
        for name, value in values.items():
            setattr(entry, name, value)
        entry.save()
    if summary is not None:
        assessment.summary = summary.strip()
    assessment.save()
    return assessment


@transaction.atomic
def submit_assessment(*, user, assessment: SelfAssessment) -> SelfAssessment:
    """Submit a draft: it is locked from now on (for everyone) and becomes public."""
    assessment = _locked_for_update(assessment)
    _check(user, "cooperation.submit_selfassessment", assessment)
    _refuse_if_locked(assessment)
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = user
    assessment.save()
    return assessment


@transaction.atomic
def reopen_assessment(*, user, assessment: SelfAssessment) -> SelfAssessment:
    """Reopen a submitted self-assessment (editors only): back to draft, with who and when
    recorded; the earlier submission's time and author stay on the record too."""
    assessment = _locked_for_update(assessment)
    _check(user, "cooperation.reopen_selfassessment", assessment)
    if not assessment.locked:
        raise AssessmentLocked(
            _("The self-assessment of %(country)s for %(year)s is a draft: nothing to reopen.")
            % {"country": assessment.country_id, "year": assessment.year}
        )
    assessment.status = AssessmentStatus.DRAFT
    assessment.reopened_at = timezone.now()
    assessment.reopened_by = user
    assessment.save()
    return assessment


# --- public feedback -----------------------------------------------------------------


def feedback_target(kind: str, code: str):
    """The public object feedback is about: an activity (its code, e.g. ``D4-A3-1``), a
    published event (its slug) or a published project (its code). ``None`` if there is
    none; ``ValueError`` for an unknown kind."""
    if kind == "activity":
        return (
            Activity.objects.filter(code=code, action__direction__strategy=current_strategy())
            .select_related("action__direction")
            .first()
        )
    if kind == "event":
        return Event.objects.filter(slug=code, status=EventStatus.PUBLISHED).first()
    if kind == "project":
        return Project.objects.filter(code=code, published=True).first()
    raise ValueError(f"unknown kind {kind!r}; choose one of: {', '.join(FEEDBACK_KINDS)}")


def client_ip(request) -> str:
    """The sender's address (``REMOTE_ADDR``); "unknown" when the server gives none."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(group: str, request) -> str:
    """The address the rate is counted for: an IPv4 address, or the /64 network of an IPv6
    one (one household or host usually holds a whole /64). Requests without an address
    (some WSGI set-ups) share one counter rather than escape the limit."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def check_feedback_rate(request) -> None:
    """Count one feedback form from the request's IP address; raise :class:`RateLimited`
    once more than ``FEEDBACK_RATE`` arrived in the current window (django-ratelimit,
    fixed windows kept in the default cache). Every attempt counts, valid or not."""
    rate = settings.FEEDBACK_RATE
    usage = get_usage(
        request,
        group="cooperation.feedback",
        key=_rate_key,
        rate=rate,
        method="POST",
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        raise RateLimited(retry_after=max(1, int(usage["time_left"])), rate=rate)


def _client_hash(ip: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:feedback:{ip}".encode()).hexdigest()


@transaction.atomic
def send_feedback(
    *,
    user,
    kind: str,
    code: str,
    rating,
    comment: str = "",
    language: str = "",
    country: str | None = None,
    stakeholder_type: str = "",
    ip: str = "",
) -> Feedback:
    """Store one public feedback as *pending* (nobody sees it before moderation). ``user``
    may be anonymous; ``ip`` is kept only as a salted hash, for abuse handling."""
    errors: dict[str, list[str]] = {}
    target = None
    if kind not in FEEDBACK_KINDS:
        errors["kind"] = [_("Choose one of %s.") % ", ".join(FEEDBACK_KINDS)]
    else:
        target = feedback_target(kind, code)
        if target is None:
            errors["code"] = [NO_PUBLIC_TARGET[kind] % {"code": code}]
    if isinstance(rating, str) and rating.strip().isdigit():
        rating = int(rating)
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = [_("A rating is a whole number from 1 (poor) to 5 (excellent).")]
    comment = (comment or "").strip()
    if len(comment) > 4000:
        errors["comment"] = [_("At most 4000 characters.")]
    language = language or "en"
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of %s.") % ", ".join(LANGUAGE_CODES)]
    country_obj = None
    if country:
        country_obj = Country.objects.filter(code=str(country).upper()).first()
        if country_obj is None:
            codes = ", ".join(Country.objects.order_by("code").values_list("code", flat=True))
            errors["country"] = [_("Choose one of %s.") % codes]
    if stakeholder_type and stakeholder_type not in StakeholderType.values:
        errors["stakeholder_type"] = [_("Choose one of %s.") % ", ".join(StakeholderType.values)]
    if errors:
        raise EvaluationInvalid(errors)
    return Feedback.objects.create(
        **{kind: target},
        rating=rating,
        comment=comment,
        language=language,
        country=country_obj,
        stakeholder_type=stakeholder_type or "",
        user=user if getattr(user, "is_authenticated", False) else None,
        client_hash=_client_hash(ip) if ip else "",
    )


@transaction.atomic
def moderate_feedback(*, user, feedback: Feedback, decision: str) -> Feedback:
    """Approve (publish) or reject a feedback (editors); who and when are kept. A decision
    may be changed later (an approved comment withdrawn), but not repeated."""
    if not user.has_perm("cooperation.moderate_feedback", feedback):
        raise PermissionDenied(_("Only editors moderate public feedback."))
    targets = {"approve": FeedbackStatus.APPROVED, "reject": FeedbackStatus.REJECTED}
    if decision not in targets:
        raise EvaluationInvalid({"decision": [_("Choose approve or reject.")]})
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.status == targets[decision]:
        raise FeedbackStateError(
            _("This feedback is already marked “%(state)s”.")
            % {"state": feedback.get_status_display()}
        )
    feedback.status = targets[decision]
    feedback.moderated_by = user
    feedback.moderated_at = timezone.now()
    feedback.save()
    return feedback
