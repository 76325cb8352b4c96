"""A person the portal keeps data about in every way it can: for the personal-data tests
of the command and of each app's admin."""

from dataclasses import dataclass

from actionplans import services as plans
from actionplans.models import ActionPlan
from events.models import Registration
from news.models import Subscriber
from portal.accounts.models import User
from regions.models import Contact
from tests import factories
from tests.actionplans.conftest import complete
from tests.events.conftest import sign_up


@dataclass
class Someone:
    email: str
    user: User
    plan: ActionPlan
    subscriber: Subscriber
    registration: Registration
    contact: Contact


def someone(email: str, name: str, *, project, event) -> Someone:
    """An account partner in a region of `project`, who wrote its plan naming themselves as
    contact person; a newsletter subscriber; registered for `event`; an organisation's
    contact person."""
    partnership = factories.PartnershipFactory(project=project, role="partner")
    user = factories.grant(
        partnership, "partner_member", user=factories.UserFactory(email=email, full_name=name)
    )
    plan = plans.plan_create(user=user, partnership=partnership, title=f"Plan of {name}")
    content = complete(plan, contact_name=name, contact_email=email, contact_phone="+32 1")
    plans.plan_write(user=user, plan=plan, expected_version=plan.version, content=content)
    plan.refresh_from_db()
    return Someone(
        email=email,
        user=user,
        plan=plan,
        subscriber=factories.SubscriberFactory(email=email),
        registration=sign_up(event, email, name=name),
        contact=Contact.objects.create(
            organisation=partnership.organisation, name=name, email=email
        ),
    )
