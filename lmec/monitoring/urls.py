from django.urls import path

from . import views
from .views_water import water_site, water_sites

app_name = "monitoring"
urlpatterns = [
    path("standards/", views.standards, name="standards"),
    path("monitoring/water/", water_sites, name="water"),
    path("monitoring/water/<slug:code>/", water_site, name="water_site"),
]
