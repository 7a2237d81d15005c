"""Atom feed of newly published resources: ``/<lang>/knowledge/feed.atom``.

Titles and summaries are in the reader's language (the URL's) where translated, else in the
original's; each entry carries ``xml:lang`` of the text it shows.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import catalogue
from .models import Resource

#: How many of the newest records the feed lists.
FEED_SIZE = 50


class LanguageTaggedAtom(Atom1Feed):
    """Atom with ``xml:lang`` on each entry (Django's feed has it on the feed only)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("lang"):
            attributes["xml:lang"] = item["lang"]
        return attributes


class NewResourcesFeed(Feed):
    feed_type = LanguageTaggedAtom
    title = _("LMEC knowledge platform: new resources")
    subtitle = _("Publications, datasets, cases, policies and tools, newest first.")

    def link(self):
        return reverse("knowledge:browse")

    def feed_url(self):
        return f"/{translation.get_language()}/knowledge/feed.atom"

    def items(self):
        return (
            catalogue.published()
            .exclude(published_at=None)
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Resource) -> str:
        return catalogue.text(item, "title", translation.get_language())[0]

    def item_description(self, item: Resource) -> str:
        return catalogue.text(item, "abstract", translation.get_language())[0]

    def item_link(self, item: Resource) -> str:
        return catalogue.landing_path(item, translation.get_language())

    def item_guid(self, item: Resource) -> str:
        # stable across languages and hosts' language prefixes
        return f"tag:lmec,2023:knowledge/{item.identifier}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Resource):
        return item.published_at

    def item_updateddate(self, item: Resource):
        return item.updated_at

    def item_author_name(self, item: Resource) -> str | None:
        names = [a.get("name", "") if isinstance(a, dict) else str(a) for a in item.authors or []]
        names = [n for n in names if n]
        if names:
            return ", ".join(names)
        return item.publisher.name if item.publisher else None

    def item_categories(self, item: Resource) -> list[str]:
        return [theme.name for theme in item.themes.all()] + [k.name for k in item.keywords.all()]

    def item_extra_kwargs(self, item: Resource) -> dict:
        _text, lang = catalogue.text(item, "title", translation.get_language())
        return {"lang": catalogue.bcp47(lang)}
