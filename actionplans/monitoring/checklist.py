"""What a progress report still needs before it can be submitted.

Works on a content dictionary, so the editor, the submit step and the API judge the same
document the same way.
"""

from django.utils.translation import gettext as _

from portal.core.richtext import as_text


def missing_for_submission(content: dict) -> list[str]:
    missing = []
    for action in content.get("actions") or []:
        title = action.get("title") or _("untitled action")
        if not action.get("status"):
            missing.append(_("“%(title)s”: give its status.") % {"title": title})
        if not as_text(action.get("narrative") or ""):
            missing.append(_("“%(title)s”: say what happened.") % {"title": title})
    for instrument in content.get("instruments") or []:
        if instrument.get("improved") and not as_text(instrument.get("evidence") or ""):
            missing.append(
                _("“%(name)s”: give the evidence that it has been improved.")
                % {"name": instrument.get("name")}
            )
    return missing
