from django.urls import path

from .views import framework as views

app_name = "cooperation"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
]
