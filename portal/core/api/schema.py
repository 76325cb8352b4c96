"""OpenAPI details every public operation shares: the language and the error answers."""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

LANGUAGES = [code for code, _name in settings.LANGUAGES]

PROBLEM = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": "Each query parameter that was refused, with what was wrong with it.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class PublicSchema(AutoSchema):
    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                "lang",
                str,
                enum=LANGUAGES,
                description="Language of the translated texts and of the `url` of pages; "
                "without it, the Accept-Language header decides. A text not translated yet "
                "comes in English, then Dutch.",
            ),
        ]

    def get_response_serializers(self):
        ok = super().get_response_serializers()
        if isinstance(ok, dict):
            return ok
        # 401 for a token that is not (any longer) valid: a request without one is anonymous.
        return {200: ok, 400: INVALID, 401: PROBLEM, 404: PROBLEM, 406: PROBLEM, 429: PROBLEM}


class MemberSchema(AutoSchema):
    """Endpoints for signed-in partners and coordinators: what their errors look like.

    403 is a step the rules do not allow the caller, 404 a plan (or action) they may not
    see or that does not exist: the two are not told apart, so drafts stay secret.
    """

    # A body that cannot be read at all is a `detail`; one that can, messages per field,
    # nested as the body is (an action's fields under "actions", by position).
    FIELD_ERRORS = {
        "type": "object",
        "description": "Each field that was refused: a list of messages, or for a part "
        "of the body, the same shape again.",
        "additionalProperties": {"oneOf": [{"type": "array"}, {"type": "object"}]},
    }
    ERRORS = {
        "400": {"oneOf": [PROBLEM, FIELD_ERRORS]},
        "401": PROBLEM,
        "403": PROBLEM,
        "404": PROBLEM,
        "429": PROBLEM,
    }
    # A body in a format the endpoint does not read (or with no Content-Type at all).
    BODY_ERRORS = {"415": PROBLEM}

    def _get_response_bodies(self, direction="response"):
        # Added after the operation's own answers, which @extend_schema may have replaced.
        responses = super()._get_response_bodies(direction)
        errors = self.ERRORS
        if self.method in ("POST", "PUT", "PATCH"):
            errors = {**errors, **self.BODY_ERRORS}
        for code, body in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(body, code, direction=direction)
        return responses
