from django.urls import path

from .views import framework as views
from .views import indicators as indicator_views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
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
