from django.urls import path

from .views import framework as views
from .views import report as report_views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
    path("reports/", report_views.report_index, name="reports"),
    path("reports/<int:year>/", report_views.report_page, name="report"),
    path("reports/<int:year>.pdf", report_views.report_pdf, name="report-pdf"),
]
