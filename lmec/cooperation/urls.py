from django.urls import path

from .views import evaluation as evaluation_views
from .views import events as event_views
from .views import framework as views
from .views import indicators as indicator_views
from .views import projects as project_views
from .views import report as report_views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
    path("projects/", project_views.project_list, name="projects"),
    path("projects/iati.xml", project_views.iati_xml, name="projects_iati"),
    path("projects/new/", project_views.project_new, name="project_new"),
    path("projects/<slug:code>/edit/", project_views.project_edit, name="project_edit"),
    path(
        "projects/<slug:code>/milestones/",
        project_views.project_milestones,
        name="project_milestones",
    ),
    path("projects/<slug:code>/", project_views.project_detail, name="project"),
    path(
        "projects/<slug:code>/funding/import/",
        project_views.project_funding_import,
        name="project_funding_import",
    ),
    path("events/", event_views.event_list, name="events"),
    path("events/calendar.ics", event_views.events_calendar, name="events_calendar"),
    path("events/export.<str:fmt>", event_views.events_export, name="events_export"),
    path(
        "events/certificate/<str:token>.pdf",
        event_views.certificate_link,
        name="certificate_link",
    ),
    path("events/new/", event_views.event_new, name="event_new"),
    path("events/<slug:slug>/edit/", event_views.event_edit, name="event_edit"),
    path("events/<slug:slug>/", event_views.event_detail, name="event"),
    path("events/<slug:slug>.ics", event_views.event_calendar, name="event_calendar"),
    path("events/<slug:slug>/register/", event_views.event_register, name="event_register"),
    path("events/<slug:slug>/manage/", event_views.event_manage, name="event_manage"),
    path(
        "events/<slug:slug>/cancel-registration/",
        event_views.cancel_own_registration,
        name="cancel_own_registration",
    ),
    path(
        "events/<slug:slug>/registrations.<str:fmt>",
        event_views.registrations_export,
        name="registrations_export",
    ),
    path(
        "events/<slug:slug>/certificates/<int:pk>.pdf",
        event_views.certificate,
        name="certificate",
    ),
    path("evaluation/", evaluation_views.evaluation_index, name="evaluation"),
    path(
        "evaluation/export.<str:fmt>", evaluation_views.evaluation_export, name="evaluation_export"
    ),
    path(
        "evaluation/<str:country>/<int:year>/", evaluation_views.assessment_page, name="assessment"
    ),
    path(
        "evaluation/<str:country>/<int:year>/submit/",
        evaluation_views.assessment_submit,
        name="assessment_submit",
    ),
    path("feedback/moderation/", evaluation_views.feedback_moderation, name="feedback_moderation"),
    path("feedback/moderation/<int:pk>/", evaluation_views.feedback_decide, name="feedback_decide"),
    path("feedback/export.<str:fmt>", evaluation_views.feedback_export, name="feedback_export"),
    path("feedback/<str:kind>/<str:code>/", evaluation_views.feedback_form, name="feedback"),
    path(
        "feedback/<str:kind>/<str:code>/thanks/",
        evaluation_views.feedback_thanks,
        name="feedback_thanks",
    ),
    path("reports/", report_views.report_index, name="reports"),
    path("reports/<int:year>/", report_views.report_page, name="report"),
    path("reports/<int:year>.pdf", report_views.report_pdf, name="report-pdf"),
    path("progress/", indicator_views.progress, name="progress"),
    path(
        "progress/tables/<slug:table>.<slug:fmt>",
        indicator_views.progress_export,
        name="progress-export",
    ),
    path(
        "progress/indicators/<slug:code>/",
        indicator_views.indicator_page,
        name="progress-indicator",
    ),
    path(
        "progress/country/<str:country>/",
        indicator_views.progress_country,
        name="progress-country",
    ),
    path(
        "progress/<str:direction>/", indicator_views.progress_direction, name="progress-direction"
    ),
]
