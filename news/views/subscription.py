"""The subscriber's pages: subscribe, confirm, unsubscribe, preferences, download, erase.

None needs a login: the signed token in the link is the key (news/tokens.py). A bad
token is answered with a page that says what is wrong with the link, never a 500.
"""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from news import selectors
from news.forms import EraseForm, ResubscribeForm, SubscribeForm, TopicsForm
from news.models import Subscriber
from news.services import subscription
from news.spamguard import client_address
from news.tokens import (
    TEST_TOKEN,
    TokenExpired,
    personal_token,
    subscriber_for,
    subscriber_to_confirm,
)

logger = logging.getLogger(__name__)


def _link_problem(request, problem: str, status: int):
    return render(request, "news/newsletter/link_problem.html", {"problem": problem}, status=status)


def _test_link(request):
    return render(request, "news/newsletter/test_link.html")


def _personal(request, token: str) -> tuple[Subscriber | None, HttpResponse | None]:
    """The subscriber a personal link is for, or the page saying why there is none."""
    if token == TEST_TOKEN:
        return None, _test_link(request)
    try:
        return subscriber_for(token), None
    except signing.BadSignature:
        return None, _link_problem(request, "invalid", 400)
    except Subscriber.DoesNotExist:
        return None, _link_problem(request, "gone", 404)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_robot():
            # Told the same as a person, so it does not learn to leave the field alone.
            logger.info("newsletter sign-up refused: the honeypot was filled in")
            return redirect("newsletter:subscribed")
        if form.is_valid():
            try:
                subscription.subscriber_subscribe(
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    client=client_address(request),
                    **form.topics(),
                )
            except subscription.SignUpRefused as refused:
                form.add_error(
                    None,
                    ngettext(
                        "Too many sign-ups from here or for this address. Try again in a minute.",
                        "Too many sign-ups from here or for this address. Try again in "
                        "%(minutes)s minutes.",
                        refused.minutes,
                    )
                    % {"minutes": refused.minutes},
                )
                status = 429
            else:
                return redirect("newsletter:subscribed")
        else:
            status = 400
    else:
        form = SubscribeForm(
            initial={
                "email": request.GET.get("email", "")[:254],
                "language": request.LANGUAGE_CODE,
            }
        )
    return render(request, "news/newsletter/subscribe.html", {"form": form}, status=status)


def subscribed(request):
    return render(
        request, "news/newsletter/subscribed.html", {"days": settings.NEWSLETTER_CONFIRM_DAYS}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriber_to_confirm(token)
    except TokenExpired:
        return _link_problem(request, "expired", 410)
    except signing.BadSignature:
        return _link_problem(request, "invalid", 400)
    except Subscriber.DoesNotExist:
        return _link_problem(request, "gone", 404)
    if subscriber.state == Subscriber.State.UNSUBSCRIBED:
        return _link_problem(request, "unsubscribed", 410)
    if request.method == "POST":
        subscription.subscriber_confirm(subscriber=subscriber)
    # A GET only asks: mail scanners open links, and a scanner's visit must not subscribe
    # an address whose owner never saw the mail.
    return render(
        request,
        "news/newsletter/confirm.html",
        {
            "subscriber": subscriber,
            "token": token,
            "preferences_token": personal_token(subscriber),
        },
    )


# One-click unsubscribing (RFC 8058): mail programs POST "List-Unsubscribe=One-Click" to
# this address with no cookie and no CSRF token, so the CSRF check would refuse exactly the
# requests this view is for. It needs none: the signed token in the address is the
# secret, and another site can forge a POST only with a token it has no way to know. The
# only thing a POST can do is take that one subscriber off the list.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber, problem = _personal(request, token)
    if problem:
        return problem
    if request.method == "POST":
        subscription.subscriber_unsubscribe(subscriber=subscriber)
    # A GET never unsubscribes: mail scanners follow links.
    return render(
        request, "news/newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber, problem = _personal(request, token)
    if problem:
        return problem
    subscriber = selectors.subscriber_with_topics(subscriber)
    status = 200
    if request.method == "POST":
        form = TopicsForm(request.POST)
        if form.is_valid():
            subscription.subscriber_update(
                subscriber=subscriber, language=form.cleaned_data["language"], **form.topics()
            )
            messages.success(request, _("Your preferences are saved."))
            return redirect("newsletter:preferences", token)
        status = 400
    else:
        form = TopicsForm(
            initial={
                "language": subscriber.language,
                "projects": list(subscriber.projects.all()),
                "themes": list(subscriber.themes.all()),
                "cooperations": list(subscriber.cooperations.all()),
            }
        )
    return render(
        request,
        "news/newsletter/preferences.html",
        {
            "subscriber": subscriber,
            "token": token,
            "form": form,
            "resubscribe_form": ResubscribeForm(),
        },
        status=status,
    )


@require_POST
def resubscribe(request, token):
    subscriber, problem = _personal(request, token)
    if problem:
        return problem
    form = ResubscribeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["consent"]))
    elif subscriber.state == Subscriber.State.UNSUBSCRIBED:
        subscription.subscriber_resubscribe(subscriber=subscriber, language=request.LANGUAGE_CODE)
        messages.success(request, _("You are subscribed again."))
    return redirect("newsletter:preferences", token)


def data(request, token):
    subscriber, problem = _personal(request, token)
    if problem:
        return problem
    response = HttpResponse(
        json.dumps(selectors.subscriber_data(subscriber), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="newsletter-subscription.json"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def erase(request, token):
    subscriber, problem = _personal(request, token)
    if problem:
        return problem
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        subscription.subscriber_erase(subscriber=subscriber)
        return render(request, "news/newsletter/erased.html")
    return render(
        request,
        "news/newsletter/erase.html",
        {"subscriber": subscriber, "token": token, "form": form},
        status=400 if form.errors else 200,
    )
