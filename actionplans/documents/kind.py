"""A document kind: what ties a shape to its tables, its rules, its words and its steps.

The machinery (writing, workflow) asks a kind, never a model, so an action plan and a
progress report are saved, versioned and moved through their workflow by the same code.
A kind's table has `state` and `version` columns, and `versions` and `transitions` rows
(actionplans.models.documents).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from actionplans.documents import store
from actionplans.documents.shape import Shape
from actionplans.rules import can


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    permission: str
    comment_label: str = gettext_lazy("Comment (optional)")
    needs_comment: bool = False


@dataclass(frozen=True)
class Wording:
    """A kind's sentences: the machinery is the same, the words name the document."""

    no_version: str  # %(number)s
    conflict: str  # %(who)s, %(version)s
    not_editable: str  # %(state)s
    wrong_state: str  # %(state)s, %(step)s
    step_refused: str


class DocumentKind:
    shape: Shape
    model: type
    # In permission names ("actionplans.change_<name>"), and the foreign key from its
    # versions and transitions to it.
    name: str
    version_model: type
    transition_model: type
    wording: Wording
    steps: dict[str, Step] = {}
    # The columns the steps change, saved with the state.
    step_fields: tuple[str, ...] = ()
    # Followed to judge permissions on a locked row without further queries.
    related: tuple[str, ...] = ()

    def permission(self, verb: str) -> str:
        return f"actionplans.{verb}_{self.name}"

    def may(self, user, verb: str, document) -> bool:
        return can(user, self.permission(verb), document)

    def rows(self):
        return self.model.objects.select_related(*self.related)

    def locked(self, pk):
        # The row lock orders concurrent writers: the second waits, then sees the first's
        # change.
        return self.rows().select_for_update(of=("self",)).get(pk=pk)

    def with_content(self, pk):
        """The document with everything `content_of` reads, in a fixed number of queries."""
        return self.rows().prefetch_related(*store.prefetches(self.shape)).get(pk=pk)

    def content_of(self, document) -> dict:
        return store.read(self.shape, document)

    def current_content(self, document) -> dict:
        return self.content_of(self.with_content(document.pk))

    def add_version(self, document, **values):
        return self.version_model.objects.create(**{self.name: document}, **values)

    def references(self, *contents) -> dict:
        from actionplans.documents.display import references

        return references(self.shape, *contents)

    # Hooks for the kind's own rules.
    def before_step(self, document, step: Step) -> None:
        """Check and change what a step means beyond the state (raise to refuse it)."""

    def transition_extra(self, document) -> dict:
        return {}

    def notify(self, transition) -> None:
        """Tell the people who act next; called inside the step's transaction."""
