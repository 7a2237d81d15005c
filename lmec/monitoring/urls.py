from django.urls import path

from .pages import compare as compare_page
from .pages import data as data_pages
from .pages import map as map_page
from .pages import standards as standards_page
from .pages import station as station_page
from .pages.water import water_site, water_sites

app_name = "monitoring"
urlpatterns = [
    path("standards/", standards_page.standards, name="standards"),
    path("monitoring/", map_page.monitoring_map, name="map"),
    path("monitoring/stations/<slug:code>/", station_page.station, name="station"),
    path("monitoring/compare/", compare_page.compare, name="compare"),
    path("monitoring/water/", water_sites, name="water"),
    path("monitoring/water/<slug:code>/", water_site, name="water_site"),
    path("monitoring/upload/", data_pages.upload, name="upload"),
    path("monitoring/uploads/", data_pages.upload_list, name="uploads"),
    path("monitoring/uploads/<int:pk>/", data_pages.upload_detail, name="upload_detail"),
    path("monitoring/uploads/<int:pk>/report.json", data_pages.upload_report, name="upload_report"),
    path("monitoring/api-keys/", data_pages.api_keys, name="api_keys"),
    path("monitoring/api-keys/<int:pk>/revoke/", data_pages.api_key_revoke, name="api_key_revoke"),
    path("monitoring/alerts/", data_pages.alerts, name="alerts"),
    path("monitoring/alerts/<int:pk>/delete/", data_pages.alert_delete, name="alert_delete"),
]
