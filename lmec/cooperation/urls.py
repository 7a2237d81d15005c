from django.urls import path

from .views import framework as views
from .views import projects as project_views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
    path("projects/", project_views.project_list, name="projects"),
    path("projects/iati.xml", project_views.iati_xml, name="projects_iati"),
    path("projects/<slug:code>/", project_views.project_detail, name="project"),
]
