import rules


@rules.predicate
def works_for(user, organisation) -> bool:
    if not user.is_authenticated or organisation is None:
        return False
    ids = getattr(user, "_organisation_ids", None)
    if ids is None:
        ids = frozenset(user.memberships.values_list("organisation_id", flat=True))
        user._organisation_ids = ids
    return organisation.pk in ids


rules.add_perm("regions.view_organisation", rules.always_allow)
# Staff of an organisation keep its public profile up to date.
rules.add_perm("regions.change_organisation", rules.is_superuser | works_for)
