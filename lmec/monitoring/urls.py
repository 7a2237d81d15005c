from django.urls import path

from . import views
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
]
