"""Pages of the knowledge platform, under the language prefix (``/<lang>/knowledge/…``)."""

from django.urls import path

from .views import access, browse, edit, resource, review, themes

app_name = "knowledge"
urlpatterns = [
    path("knowledge/", browse.browse, name="browse"),
    path("knowledge/r/<str:identifier>/", resource.resource, name="resource"),
    path("knowledge/r/<str:identifier>/files/<int:pk>/", resource.download, name="download"),
    path(
        "knowledge/r/<str:identifier>/files/<int:pk>/preview.png",
        resource.preview,
        name="preview",
    ),
    path(
        "knowledge/r/<str:identifier>/request-access/",
        access.request_access,
        name="request_access",
    ),
    path("knowledge/r/<str:identifier>/edit/", edit.edit, name="edit"),
    path(
        "knowledge/r/<str:identifier>/files/<int:pk>/remove/",
        edit.remove_file,
        name="remove_file",
    ),
    path("knowledge/r/<str:identifier>/workflow/", review.workflow, name="workflow"),
    path("knowledge/themes/<slug:code>/", themes.theme, name="theme"),
    path("knowledge/submit/", edit.submit, name="submit"),
    path("knowledge/mine/", edit.my_resources, name="my_resources"),
    path("knowledge/review/", review.review_queue, name="review_queue"),
    path("knowledge/access-requests/", access.access_requests, name="access_requests"),
    path(
        "knowledge/access-requests/<int:pk>/decide/",
        access.decide,
        name="decide_access",
    ),
]
