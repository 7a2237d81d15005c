"""Pages of the network directory, under ``/<lang>/network/``."""

from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("network/", views.overview, name="overview"),
    path("network/organisations/", views.organisation_list, name="organisations"),
    path("network/organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("network/experts/", views.expert_list, name="experts"),
    path("network/experts/me/", views.my_expert_profile, name="my-profile"),
    path("network/experts/<int:pk>/", views.expert_detail, name="expert"),
    path("network/capacity/", views.capacity, name="capacity"),
]
