"""The permission class the partners' own endpoints will use: rules, asked per action."""

from types import SimpleNamespace

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from portal.core.api.permissions import RulesPermission
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def perm():
    rules.add_perm("tests.change_thing", rules.predicate(lambda user, obj: obj == "mine"))
    yield
    rules.remove_perm("tests.change_thing")


def _view(action, detail):
    return SimpleNamespace(
        action=action,
        detail=detail,
        permission_required={"list": None, "update": "tests.change_thing"},
    )


def test_only_named_actions_for_signed_in_users(perm):
    user, check = f.UserFactory(), RulesPermission()
    request = SimpleNamespace(user=user)
    assert check.has_permission(request, _view("list", False))
    assert not check.has_permission(request, _view("destroy", True))
    assert not check.has_permission(SimpleNamespace(user=AnonymousUser()), _view("list", False))


def test_object_actions_ask_the_rule_with_the_object(perm):
    request, check = SimpleNamespace(user=f.UserFactory()), RulesPermission()
    view = _view("update", True)
    assert check.has_permission(request, view)
    assert check.has_object_permission(request, view, "mine")
    assert not check.has_object_permission(request, view, "theirs")
