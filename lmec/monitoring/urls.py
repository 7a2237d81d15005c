from django.urls import path

from . import views, views_data
from .pages import compare as compare_page
from .pages import map as map_page
from .pages import station as station_page
from .views_water import water_site, water_sites

app_name = "monitoring"
urlpatterns = [
    path("standards/", views.standards, name="standards"),
    path("monitoring/", map_page.monitoring_map, name="map"),
    path("monitoring/stations/<slug:code>/", station_page.station, name="station"),
    path("monitoring/compare/", compare_page.compare, name="compare"),
    path("monitoring/water/", water_sites, name="water"),
    path("monitoring/water/<slug:code>/", water_site, name="water_site"),
    path("monitoring/upload/", views_data.upload, name="upload"),
    path("monitoring/uploads/", views_data.upload_list, name="uploads"),
    path("monitoring/uploads/<int:pk>/", views_data.upload_detail, name="upload_detail"),
    path("monitoring/uploads/<int:pk>/report.json", views_data.upload_report, name="upload_report"),
    path("monitoring/api-keys/", views_data.api_keys, name="api_keys"),
    path("monitoring/api-keys/<int:pk>/revoke/", views_data.api_key_revoke, name="api_key_revoke"),
    path("monitoring/alerts/", views_data.alerts, name="alerts"),
    path("monitoring/alerts/<int:pk>/delete/", views_data.alert_delete, name="alert_delete"),
]
