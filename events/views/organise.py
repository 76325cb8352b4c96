"""Organisers' pages: registration settings, the participants, messages and check-in.

To anyone who does not organise the event these pages do not exist: 404, so nobody learns
even whether an event has registrations.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import export, selectors
from events.filters import ParticipantFilter
from events.forms import CheckInForm, DecisionForm, MessageForm, RegistrationSettingsForm
from events.models import Event, Registration
from events.rules import can
from events.services import organising
from events.services import registration as services
from portal.core.pagination import paginate

R = Registration.State
PER_PAGE = 100


def _organised(request, slug, permission="events.view_participants") -> Event:
    event = get_object_or_404(
        Event.objects.select_related("project", "registration_settings"), slug=slug
    )
    if not can(request.user, permission, event):
        raise Http404
    return event


def _with_settings(event) -> Event:
    if services.settings_of(event) is None:
        raise Http404("This event takes no registrations yet.")
    return event


@login_required
def organise_list(request):
    return render(
        request, "events/organise_list.html", {"events": selectors.events_to_organise(request.user)}
    )


@login_required
def registration_settings(request, slug):
    event = _organised(request, slug, "events.manage_registration")
    config = services.settings_of(event)
    # Dates are typed and shown in the event's own time zone, whoever organises it.
    with timezone.override(event.tz):
        form = RegistrationSettingsForm(
            request.POST if request.method == "POST" else None, instance=config, event=event
        )
        if request.method == "POST" and form.is_valid():
            try:
                organising.registration_settings_save(
                    event=event, values=form.values(), consent_text=form.consent_text()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The registration settings are saved."))
                return redirect("events:participants", event.slug)
        return render(
            request,
            "events/registration_settings.html",
            {"event": event, "form": form, "config": config},
            status=400 if form.errors else 200,
        )


def _filtered(request, event):
    filterset = ParticipantFilter(
        request.GET or None, queryset=selectors.participants(event), event=event
    )
    invalid = filterset.is_bound and not filterset.is_valid()
    registrations = filterset.queryset.none() if invalid else filterset.qs
    ids = [int(i) for i in request.GET.getlist("ids") if i.isdecimal()]
    if ids:
        registrations = registrations.filter(pk__in=ids)
    return filterset, registrations


@login_required
def participants(request, slug):
    event = _with_settings(_organised(request, slug))
    filterset, registrations = _filtered(request, event)
    page = paginate(request, registrations, PER_PAGE)
    positions = selectors.waiting_positions(event)
    page.object_list = list(page.object_list)
    for registration in page.object_list:
        registration.position = positions.get(registration.pk)
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "filter": filterset,
            "page": page,
            "counts": selectors.counts(event),
            "query": request.GET.urlencode(),
        },
        status=400 if filterset.is_bound and not filterset.is_valid() else 200,
    )


@login_required
def participants_export(request, slug, fmt):
    event = _with_settings(_organised(request, slug))
    _filterset, registrations = _filtered(request, event)
    rows = export.rows(registrations, selectors.waiting_positions(event), event.tz)
    name = f"participants-{event.slug}-{timezone.localdate():%Y%m%d}"
    if fmt == "csv":
        response = HttpResponse(
            export.as_csv(export.columns(), rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            export.as_xlsx(export.columns(), rows, _("Participants")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_POST
def participant_decide(request, slug, pk):
    event = _organised(request, slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to decline."))
    else:
        decide = (
            services.registration_approve
            if form.cleaned_data["decision"] == "approve"
            else services.registration_decline
        )
        try:
            registration = decide(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s: %(state)s.")
                % {"name": registration, "state": registration.get_state_display()},
            )
    return redirect(reverse("events:participants", args=[event.slug]) + "?state=pending")


@login_required
def participants_message(request, slug):
    event = _with_settings(_organised(request, slug))
    filterset, registrations = _filtered(request, event)
    recipients = registrations.filter(state__in=organising.MESSAGEABLE, erased_at__isnull=True)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            message = organising.message_send(
                event=event,
                by=request.user,
                subject=form.texts("subject"),
                body=form.texts("body"),
                registrations=registrations,
                audience=request.GET.urlencode(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your message is on its way to %(count)d registrants.")
                % {"count": message.recipients},
            )
            return redirect("events:participants", event.slug)
    return render(
        request,
        "events/participants_message.html",
        {
            "event": event,
            "form": form,
            "filter": filterset,
            "recipient_count": recipients.count(),
            "query": request.GET.urlencode(),
            "sent": event.messages.select_related("sent_by")[:10],
        },
        status=400 if form.errors else 200,
    )


@login_required
def check_in(request, slug):
    event = _with_settings(_organised(request, slug))
    query = request.GET.get("q", "").strip()[:100]
    present = selectors.participants(event).filter(state=R.CONFIRMED)
    found = present
    if query:
        found = found.filter(name__icontains=query) | found.filter(
            organisation_name__icontains=query
        )
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "query": query,
            "registrations": found[:PER_PAGE],
            "more": found.count() > PER_PAGE,
            "confirmed": present.count(),
            "checked_in": present.filter(checked_in_at__isnull=False).count(),
        },
    )


@login_required
@require_POST
def check_in_mark(request, slug, pk):
    event = _organised(request, slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        outcome, done = _("Choose present or not present."), False
    else:
        present = form.cleaned_data["present"]
        done = services.registration_check_in(
            registration=registration, by=request.user, present=present
        )
        if not done:
            outcome = _("%(name)s has no confirmed place, so cannot be checked in.")
        elif present:
            outcome = _("%(name)s is checked in.")
        else:
            outcome = _("%(name)s is no longer checked in.")
        outcome %= {"name": registration}
    if request.headers.get("HX-Request"):
        # The row changes in place; the counts and a spoken status change beside it.
        registration.refresh_from_db()
        confirmed = Registration.objects.filter(event=event, state=R.CONFIRMED)
        return render(
            request,
            "events/fragment_check_in_row.html",
            {
                "event": event,
                "registration": registration,
                "outcome": outcome,
                "confirmed": confirmed.count(),
                "checked_in": confirmed.filter(checked_in_at__isnull=False).count(),
            },
        )
    (messages.success if done else messages.error)(request, outcome)
    target = reverse("events:check-in", args=[event.slug])
    query = request.POST.get("q", "")
    return redirect(f"{target}?{urlencode({'q': query})}" if query else target)
