from django.urls import path

from .views import evaluation as evaluation_views
from .views import framework as views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
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
]
