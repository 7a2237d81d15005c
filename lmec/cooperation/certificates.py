"""Certificates of participation (trainings) as PDF, in any of the seven languages.

The certificate states the participant, the training's title, its local dates and place,
its length in hours [h] and the certificate number (:func:`lmec.cooperation.services.events.
certificate_number`). It is rendered from ``cooperation/events/certificate.html`` with
:func:`lmec.core.pdf.render_pdf` (Noto fonts for every script). The participant downloads it
signed in, or through a signed link (:func:`certificate_token`) sent to them; organisers
download any of their event's.
"""

from __future__ import annotations

from django.core import signing
from django.template.loader import render_to_string
from django.utils import translation

from lmec.core.i18n import font_class
from lmec.core.pdf import render_pdf

from .models import Registration
from .selectors import events as selectors

_SALT = "lmec.cooperation.certificate"


def certificate_token(registration: Registration) -> str:
    """A link token that names one issued certificate (no expiry: a certificate is kept)."""
    return signing.Signer(salt=_SALT).sign(registration.certificate_number)


def registration_for_token(token: str) -> Registration | None:
    """The registration whose certificate ``token`` names, or None for a bad token."""
    try:
        number = signing.Signer(salt=_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("event", "event__country")
        .filter(certificate_number=number)
        .exclude(certificate_number="")
        .first()
    )


def certificate_language(registration: Registration, requested: str | None) -> str:
    """The language asked for, else the participant's account language, else English."""
    user_language = getattr(registration.user, "language", "") if registration.user else ""
    return requested or user_language or "en"


def certificate_html(registration: Registration, lang: str) -> str:
    event = registration.event
    start, end = selectors.local_times(event)
    with translation.override(lang):
        return render_to_string(
            "cooperation/events/certificate.html",
            {
                "lang": lang,
                "font_class": font_class(lang),
                "registration": registration,
                "event": event,
                "title": selectors.text(event, "title", lang),
                "city": selectors.text(event, "city", lang),
                "venue": selectors.text(event, "venue", lang),
                "country": event.country.name if event.country else "",
                "start": start,
                "end": end,
                "same_day": start.date() == end.date(),
                "hours": selectors.hours(event),
            },
        )


def certificate_pdf(registration: Registration, lang: str) -> bytes:
    """The certificate of ``registration`` (issued: it has a number) as PDF bytes."""
    if not registration.certificate_number:
        raise ValueError("no certificate has been issued for this registration")
    return render_pdf(certificate_html(registration, lang))
