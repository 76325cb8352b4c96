"""The registrant's pages: the form, the confirmation, and their own registration page.

Registrants have no account: the signed links in their mails (events.links) open these
pages. Nothing changes on a GET, since mail scanners open links before people do; each
step is a button that posts.
"""

import json
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import links, selectors
from events.forms import RegistrationForm
from events.models import Event, Registration, SessionSeat
from events.services import places
from events.services import registration as services
from events.services.registration import RegistrationClosed, closed_reason, settings_of

R = Registration.State


def _event(slug) -> Event:
    event = get_object_or_404(
        Event.objects.select_related("registration_settings__consent", "project").annotate(
            places_taken=selectors.places_taken_subquery()
        ),
        slug=slug,
    )
    if settings_of(event) is None:
        raise Http404("This event takes no registrations.")
    return event


def _private(response):
    # Pages behind a personal link: never cached on the way, never indexed.
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def register(request, slug):
    event = _event(slug)
    config = event.registration_settings
    reason = closed_reason(config)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        config=config,
        sessions=selectors.selectable_sessions(event),
    )
    status = 200
    if request.method == "POST":
        if reason is None and form.is_valid():
            try:
                _registration, created = services.registration_create(
                    event=event,
                    data=form.registration_data(),
                    sessions=form.cleaned_data.get("sessions", []),
                    language=request.LANGUAGE_CODE,
                )
            except RegistrationClosed as error:
                reason = " ".join(error.messages)
            else:
                sent = "register-sent" if created else "register-known"
                return redirect(f"events:{sent}", event.slug)
        # What was typed stays in the form, with the reason it was not taken.
        status = 409 if reason else 400
    return _private(
        render(
            request,
            "events/register.html",
            {
                "event": event,
                "form": form,
                "reason": reason,
                "availability": selectors.availability(event),
            },
            status=status,
        )
    )


def register_sent(request, slug, known=False):
    event = _event(slug)
    return render(
        request,
        "events/register_sent.html",
        {"event": event, "known": known, "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS},
    )


def _link_error(request, event, error, status=404):
    return _private(
        render(
            request, "events/link_error.html", {"event": event, "reason": str(error)}, status=status
        )
    )


def register_confirm(request, slug, token):
    event = _event(slug)
    try:
        registration = links.registration_to_confirm(event, token)
    except links.LinkExpired as error:
        return _link_error(request, event, error, status=410)
    except links.LinkError as error:
        return _link_error(request, event, error)
    if registration.state != R.UNCONFIRMED:
        messages.info(request, _("Your address is confirmed already."))
        return redirect(links.personal_path(registration))
    if request.method == "POST":
        try:
            registration = services.registration_confirm(registration=registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you: your address is confirmed."))
        return redirect(links.personal_path(registration))
    return _private(
        render(
            request, "events/register_confirm.html", {"event": event, "registration": registration}
        )
    )


def _with_registration(view):
    """A view behind a personal link: the registration it names, or why the link fails."""

    @wraps(view)
    def wrapped(request, slug, token):
        event = _event(slug)
        try:
            registration = links.registration_of(event, token)
        except links.LinkError as error:
            return _link_error(request, event, error)
        return _private(view(request, event, registration, token))

    return wrapped


@_with_registration
def registration_page(request, event, registration, token):
    seats = list(
        registration.seats.exclude(state="released")
        .select_related("session")
        .order_by("session__starts_at")
    )
    return render(
        request,
        "events/registration.html",
        {
            "event": event,
            "registration": registration,
            "seats": seats,
            "position": places.waiting_position(registration),
            "token": token,
        },
    )


@_with_registration
def registration_change(request, event, registration, token):
    if not registration.is_active:
        messages.error(request, _("This registration is no longer active and cannot be changed."))
        return redirect(links.personal_path(registration))
    chosen = registration.seats.filter(state__in=SessionSeat.CHOSEN)
    initial = {field: getattr(registration, field) for field in services.CHANGEABLE}
    initial["sessions"] = [seat.session_id for seat in chosen]
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        config=event.registration_settings,
        sessions=selectors.selectable_sessions(event),
        change=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_change(
                registration=registration,
                data=form.registration_data(),
                sessions=form.cleaned_data.get("sessions", []),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(links.personal_path(registration))
    return render(
        request,
        "events/registration_change.html",
        {"event": event, "registration": registration, "form": form, "token": token},
        status=400 if form.errors else 200,
    )


@_with_registration
def registration_cancel(request, event, registration, token):
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(links.personal_path(registration))
    return render(
        request,
        "events/registration_cancel.html",
        {"event": event, "registration": registration, "token": token},
    )


@require_POST
@_with_registration
def registration_accept(request, event, registration, token):
    seat = request.POST.get("seat", "")
    try:
        services.registration_accept_offer(
            registration=registration, seat_id=int(seat) if seat.isdecimal() else None
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The place is yours."))
    return redirect(links.personal_path(registration))


@_with_registration
def registration_data(request, event, registration, token):
    response = HttpResponse(
        json.dumps(selectors.registration_data(registration), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="registration-{event.slug}.json"'
    return response


@_with_registration
def registration_erase(request, event, registration, token):
    if request.method == "POST":
        services.registration_erase(registration=registration)
        return render(request, "events/registration_erased.html", {"event": event})
    return render(
        request,
        "events/registration_erase.html",
        {"event": event, "registration": registration, "token": token},
    )
