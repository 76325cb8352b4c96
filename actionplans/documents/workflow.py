"""Moving a document through its workflow: the only code that changes a document's state.

A kind declares its steps (from which states, to which, who may take them) and what a
step means beyond the state (`before_step`); each step taken is recorded with who, when
and a comment, and tells the people who act next once the transaction has committed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplans.documents.kind import DocumentKind, Step
from actionplans.rules import can


def available_steps(kind: DocumentKind, user, document) -> list[Step]:
    return [step for step in kind.steps.values() if can(user, step.permission, document)]


def document_transition(
    kind: DocumentKind, *, user, document, step: str, comment: str = "", notify: bool = True
):
    if step not in kind.steps:
        raise ValidationError(_("“%(step)s” is not a workflow step.") % {"step": step})
    step = kind.steps[step]
    comment = comment.strip()
    with transaction.atomic():
        # Locked so that two reviewers acting at once cannot both move the document.
        document = kind.locked(document.pk)
        if document.state not in step.sources:
            raise ValidationError(
                str(kind.wording.wrong_state)
                % {"state": document.get_state_display(), "step": step.label},
                code="wrong_state",
            )
        if not can(user, step.permission, document):
            raise PermissionDenied(str(kind.wording.step_refused))
        if step.needs_comment and not comment:
            raise ValidationError(
                {"comment": _("Say what needs to change.")}, code="comment_required"
            )
        kind.before_step(document, step)
        source = document.state
        document.state = step.target
        document.save(update_fields=["state", *kind.step_fields])
        transition = kind.transition_model.objects.create(
            **{kind.name: document},
            name=step.name,
            source=source,
            target=step.target,
            version=document.version,
            by=user,
            comment=comment,
            **kind.transition_extra(document),
        )
        if notify:
            kind.notify(transition)
    return transition
