"""Filter options that say how many results each would give, and hide those giving none.

A list's filterset declares, per filter, the lookup whose values are that filter's option
values (`facets = {"region": "region__slug"}`; a tuple of lookups when a result belongs to
an option through more than one, such as a region and the region it lies within). After
the list is filtered, `count_options()` counts, for each of those filters, the results the
*other* chosen filters leave, grouped by that lookup: one query per filter, however many
rows or options. An option with no result is dropped, unless it is the one chosen (which
then shows 0, so the visitor sees why the list is empty); every kept option reads
"Name (count)".
"""

from django.db.models import Count


class FacetedFilterSet:
    """Mixed into a django_filters.FilterSet (before it); see the module's docstring."""

    facets: dict[str, str | tuple[str, ...]] = {}

    def count_options(self) -> None:
        if self.is_bound and not self.is_valid():
            return  # the errors are what the visitor needs to see; counts would mislead
        for name, lookups in self.facets.items():
            counts = self._counts(name, (lookups,) if isinstance(lookups, str) else lookups)
            self._relabel(self.form.fields[name], counts, self.data.get(name) or "")

    def _counts(self, skip: str, lookups: tuple[str, ...]) -> dict[str, int]:
        queryset = self.queryset.all()
        for name, value in (self.form.cleaned_data if self.is_bound else {}).items():
            if name != skip and name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        # Counting the ids the filters leave keeps their joins, annotations and ordering out
        # of the grouping.
        rows = self.queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
        counts: dict[str, int] = {}
        for lookup in lookups:
            grouped = rows.exclude(**{f"{lookup}__isnull": True}).values_list(lookup)
            for value, count in grouped.annotate(n=Count("pk", distinct=True)).order_by():
                counts[str(value)] = counts.get(str(value), 0) + count
        return counts

    @staticmethod
    def _relabel(field, counts: dict[str, int], chosen: str) -> None:
        if hasattr(field, "queryset"):  # a ModelChoiceField: options are rows
            key = field.to_field_name or "pk"
            keep = [value for value, count in counts.items() if count] + [chosen]
            field.queryset = field.queryset.filter(**{f"{key}__in": keep})
            label = field.label_from_instance

            def label_from_instance(obj, label=label):
                return f"{label(obj)} ({counts.get(str(getattr(obj, key)), 0)})"

            field.label_from_instance = label_from_instance
            return
        choices = []
        for value, label in field.choices:
            if value in ("", None):
                choices.append((value, label))
            elif counts.get(str(value)) or str(value) == chosen:
                choices.append((value, f"{label} ({counts.get(str(value), 0)})"))
        field.choices = choices
