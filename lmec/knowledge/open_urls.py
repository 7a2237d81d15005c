"""Open-data interfaces at the site's root (no language prefix): what harvesters expect."""

from django.urls import path

from . import ckan, dcat, oai

urlpatterns = [
    path("api/3/action/<str:name>", ckan.action, name="ckan-action"),
    # CKAN serves the same actions without the version; ckanapi calls this form.
    path("api/action/<str:name>", ckan.action),
    path("oai", oai.endpoint, name="oai"),
    path("catalog", dcat.catalog_view, name="dcat-catalog"),
    path("catalog.<str:fmt>", dcat.catalog_view, name="dcat-catalog-format"),
]
