"""The browsable API, under the site's Content-Security-Policy."""

from csp.constants import SELF, UNSAFE_INLINE
from rest_framework.renderers import BrowsableAPIRenderer


class PortalBrowsableAPIRenderer(BrowsableAPIRenderer):
    """DRF's pages use inline style attributes; their scripts are files, as everywhere."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": [SELF, UNSAFE_INLINE]}
        return super().render(data, accepted_media_type, renderer_context)
