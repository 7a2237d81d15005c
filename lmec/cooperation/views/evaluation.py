"""Pages of the evaluation (strategy 5.4): the years × countries table of self-assessments,
one country-year's questionnaire (by direction, then activity), the public feedback form
with its thank-you page, the editors' moderation queue, and CSV/XLSX exports.

Every write goes through :mod:`lmec.cooperation.services.evaluation`, which checks the
permission and the lock again; the pages only turn its refusals into answers (403, 409,
429 with Retry-After) and keep what the person typed when something is wrong.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lmec.core import exports
from lmec.core.models import Country

from ..models import (
    Feedback,
    FeedbackStatus,
    ProgressStatus,
    SelfAssessment,
    StakeholderType,
)
from ..selectors import evaluation as selectors
from ..services import evaluation as services

#: the honeypot: a field people do not see (hidden by CSS and aria); bots fill it in
HONEYPOT = "website"
EXPORT_FORMATS = ("csv", "xlsx")


def _download(table: exports.Table, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404(_("Unknown format %(fmt)r; choose csv or xlsx.") % {"fmt": fmt})
    return exports.download(table, fmt)


# --- self-assessment -----------------------------------------------------------------


def evaluation_index(request):
    """``cooperation:evaluation``: the strategy's years × the six countries, with states."""
    return render(
        request,
        "cooperation/evaluation/index.html",
        {"table": selectors.assessment_table(request.user)},
    )


def evaluation_export(request, fmt: str):
    """``cooperation:evaluation_export``: every answer the user may see, as CSV or XLSX."""
    year = request.GET.get("year")
    table = selectors.assessments_table(
        request.user,
        year=int(year) if year and year.isdigit() else None,
        country=request.GET.get("country") or None,
    )
    return _download(table, fmt)


def _rating(value: str):
    value = (value or "").strip()
    if value == "":
        return None
    return int(value) if value.isdigit() else value


def _posted_entries(post, assessment: SelfAssessment) -> dict[int, dict]:
    entries = {}
    for entry in assessment.entries.all():
        prefix = f"e{entry.pk}-"
        if f"{prefix}status" not in post:
            continue
        entries[entry.pk] = {
            "status": post.get(f"{prefix}status", ""),
            "rating": _rating(post.get(f"{prefix}rating", "")),
            "achievements": post.get(f"{prefix}achievements", ""),
            "challenges": post.get(f"{prefix}challenges", ""),
            "next_steps": post.get(f"{prefix}next_steps", ""),
        }
    return entries


def _assessment_context(request, assessment: SelfAssessment, posted=None, errors=None) -> dict:
    user = request.user
    editable = not assessment.locked and user.has_perm(
        "cooperation.change_selfassessment", assessment
    )
    posted = posted or {}
    errors = errors or {}
    sections = []
    for section in selectors.assessment_sections(assessment):
        rows = []
        for entry in ([section["entry"]] if section["entry"] else []) + section["activities"]:
            values = posted.get(entry.pk) or {
                "status": entry.status,
                "rating": entry.rating,
                "achievements": entry.achievements,
                "challenges": entry.challenges,
                "next_steps": entry.next_steps,
            }
            rows.append(
                {
                    "entry": entry,
                    "values": values,
                    "errors": [
                        f"{name}: {' '.join(msgs)}"
                        for key, msgs in errors.items()
                        if key.startswith(f"{entry.pk}.")
                        for name in [key.split(".", 1)[1]]
                    ],
                }
            )
        sections.append({"direction": section["direction"], "rows": rows})
    return {
        "assessment": assessment,
        "sections": sections,
        "editable": editable,
        "may_submit": editable and user.has_perm("cooperation.submit_selfassessment", assessment),
        "may_reopen": assessment.locked
        and user.has_perm("cooperation.reopen_selfassessment", assessment),
        "statuses": ProgressStatus.choices,
        "ratings": range(1, 6),
        "summary": posted.get("summary", assessment.summary) if posted else assessment.summary,
        "summary_errors": errors.get("summary", []),
        "mean_rating": selectors.assessment_mean_rating(assessment),
    }


def _country_or_404(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def assessment_page(request, country: str, year: int):
    """``cooperation:assessment``: the form (a draft its drafter may edit) or a read-only
    view; POST ``action`` = start | save | reopen."""
    country_obj = _country_or_404(country)
    try:
        assessment = selectors.assessment_for(request.user, country_obj.code, year)
    except SelfAssessment.DoesNotExist:
        assessment = None
    if request.method == "POST":
        return _assessment_post(request, country_obj, year, assessment)
    if assessment is None:
        if (
            year in services.assessment_years()
            and request.user.has_perm("cooperation.start_selfassessment", country_obj)
            and not SelfAssessment.objects.filter(country=country_obj, year=year).exists()
        ):
            return render(
                request,
                "cooperation/evaluation/start.html",
                {"country": country_obj, "year": year},
            )
        raise Http404(_("No self-assessment of this country and year to show."))
    return render(
        request,
        "cooperation/evaluation/assessment.html",
        _assessment_context(request, assessment),
    )


def _assessment_post(request, country: Country, year: int, assessment):
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Sign in as the country's focal point or an editor."))
    action = request.POST.get("action", "")
    try:
        if action == "start":
            assessment = services.start_assessment(
                user=request.user, country=country.code, year=year
            )
            messages.success(request, _("Self-assessment started: fill in the answers."))
        elif assessment is None:
            raise Http404(_("No self-assessment of this country and year."))
        elif action == "save":
            posted = _posted_entries(request.POST, assessment)
            try:
                services.save_entries(
                    user=request.user,
                    assessment=assessment,
                    entries=posted,
                    summary=request.POST.get("summary", ""),
                )
            except services.EvaluationInvalid as exc:
                posted["summary"] = request.POST.get("summary", "")
                context = _assessment_context(request, assessment, posted, exc.errors)
                context["error"] = _("Nothing was saved: correct the answers marked below.")
                return render(request, "cooperation/evaluation/assessment.html", context)
            messages.success(request, _("Saved. The self-assessment stays a draft."))
        elif action == "reopen":
            services.reopen_assessment(user=request.user, assessment=assessment)
            messages.success(request, _("Reopened: the country may edit it again."))
        else:
            return HttpResponse(_("Unknown action; choose start, save or reopen."), status=400)
    except services.AssessmentLocked as exc:
        context = _assessment_context(request, assessment)
        context["error"] = str(exc)
        return render(request, "cooperation/evaluation/assessment.html", context, status=409)
    except services.EvaluationInvalid as exc:
        return HttpResponse(exc.describe(), status=400)
    return redirect("cooperation:assessment", country=country.code, year=year)


@login_required
def assessment_submit(request, country: str, year: int):
    """``cooperation:assessment_submit``: GET asks to confirm (naming unanswered ratings),
    POST submits and locks."""
    country_obj = _country_or_404(country)
    try:
        assessment = selectors.assessment_for(request.user, country_obj.code, year)
    except SelfAssessment.DoesNotExist:
        raise Http404(_("No self-assessment of this country and year.")) from None
    if not request.user.has_perm("cooperation.submit_selfassessment", assessment):
        raise PermissionDenied(_("Only the country's focal point or an editor submits."))
    if request.method == "POST":
        try:
            services.submit_assessment(user=request.user, assessment=assessment)
        except services.AssessmentLocked as exc:
            context = _assessment_context(request, assessment)
            context["error"] = str(exc)
            return render(request, "cooperation/evaluation/assessment.html", context, status=409)
        messages.success(request, _("Submitted: the self-assessment is now locked and public."))
        return redirect("cooperation:assessment", country=country_obj.code, year=year)
    if assessment.locked:
        return redirect("cooperation:assessment", country=country_obj.code, year=year)
    return render(
        request,
        "cooperation/evaluation/confirm_submit.html",
        {
            "assessment": assessment,
            "unrated": assessment.entries.filter(rating__isnull=True).count(),
            "total": assessment.entries.count(),
        },
    )


# --- public feedback -----------------------------------------------------------------


def _target_or_404(kind: str, code: str):
    if kind not in services.FEEDBACK_KINDS:
        raise Http404(
            _("Feedback is about an activity, an event or a project, not %(kind)r.")
            % {"kind": kind}
        )
    target = services.feedback_target(kind, code)
    if target is None:
        raise Http404(_("Nothing public to give feedback on here."))
    return target


def target_title(target) -> str:
    return getattr(target, "title", None) or getattr(target, "name", "") or str(target)


def _feedback_context(request, kind: str, code: str, target, values=None, errors=None) -> dict:
    return {
        "kind": kind,
        "code": code,
        "target": target,
        "title": target_title(target),
        "values": values or {"language": request.LANGUAGE_CODE},
        "errors": errors or {},
        "summary": selectors.feedback_summary(kind, code, comments=5),
        "countries": Country.objects.order_by("code"),
        "stakeholder_types": StakeholderType.choices,
        "honeypot": HONEYPOT,
        "ratings": range(1, 6),
    }


def feedback_form(request, kind: str, code: str):
    """``cooperation:feedback``: the public form (rating, comment, optional country and
    stakeholder type); rate-limited by address, moderated before anything is shown."""
    target = _target_or_404(kind, code)
    if request.method != "POST":
        return render(
            request,
            "cooperation/evaluation/feedback_form.html",
            _feedback_context(request, kind, code, target),
        )
    try:
        services.check_feedback_rate(request)
    except services.RateLimited as exc:
        response = render(
            request,
            "cooperation/evaluation/feedback_limited.html",
            {"message": str(exc), "retry_after": exc.retry_after, "kind": kind, "code": code},
            status=429,
        )
        response["Retry-After"] = str(exc.retry_after)
        return response
    thanks = reverse("cooperation:feedback_thanks", kwargs={"kind": kind, "code": code})
    if request.POST.get(HONEYPOT):
        # A bot: answer as if stored, store nothing.
        return redirect(thanks)
    values = {
        name: request.POST.get(name, "")
        for name in ("rating", "comment", "language", "country", "stakeholder_type")
    }
    try:
        services.send_feedback(
            user=request.user,
            kind=kind,
            code=code,
            rating=values["rating"],
            comment=values["comment"],
            language=values["language"] or request.LANGUAGE_CODE,
            country=values["country"] or None,
            stakeholder_type=values["stakeholder_type"],
            ip=services.client_ip(request),
        )
    except services.EvaluationInvalid as exc:
        return render(
            request,
            "cooperation/evaluation/feedback_form.html",
            _feedback_context(request, kind, code, target, values, exc.errors),
            status=400,
        )
    return redirect(thanks)


def feedback_thanks(request, kind: str, code: str):
    """``cooperation:feedback_thanks``: received; shown once moderated."""
    target = _target_or_404(kind, code)
    return render(
        request,
        "cooperation/evaluation/feedback_thanks.html",
        {"kind": kind, "code": code, "title": target_title(target)},
    )


def _moderator(request) -> None:
    if not request.user.has_perm("cooperation.moderate_feedback"):
        raise PermissionDenied(_("Only editors moderate public feedback."))


@login_required
def feedback_moderation(request):
    """``cooperation:feedback_moderation``: the queue (pending first) for editors."""
    _moderator(request)
    status = request.GET.get("status", FeedbackStatus.PENDING)
    if status not in FeedbackStatus.values:
        status = FeedbackStatus.PENDING
    items = []
    for feedback in selectors.feedback_queue(status=status)[:200]:
        kind, code = selectors.feedback_kind_and_code(feedback)
        target = feedback.activity or feedback.event or feedback.project
        items.append(
            {"feedback": feedback, "kind": kind, "code": code, "title": target_title(target)}
        )
    counts = {
        value: Feedback.objects.filter(status=value).count() for value in FeedbackStatus.values
    }
    return render(
        request,
        "cooperation/evaluation/moderation.html",
        {
            "items": items,
            "status": status,
            "statuses": [(v, label, counts[v]) for v, label in FeedbackStatus.choices],
        },
    )


@login_required
@require_POST
def feedback_decide(request, pk: int):
    """``cooperation:feedback_decide``: approve or reject one item (POST ``decision``)."""
    feedback = get_object_or_404(Feedback, pk=pk)
    try:
        services.moderate_feedback(
            user=request.user, feedback=feedback, decision=request.POST.get("decision", "")
        )
    except services.FeedbackStateError as exc:
        return HttpResponse(str(exc), status=409)
    except services.EvaluationInvalid as exc:
        return HttpResponse(exc.describe(), status=400)
    messages.success(request, _("Decision saved."))
    return redirect(f"{reverse('cooperation:feedback_moderation')}?status={FeedbackStatus.PENDING}")


@login_required
def feedback_export(request, fmt: str):
    """``cooperation:feedback_export``: every feedback item with its status (editors)."""
    _moderator(request)
    status = request.GET.get("status") or None
    if status and status not in FeedbackStatus.values:
        status = None
    return _download(selectors.feedback_table(status=status), fmt)
