"""What every public API endpoint shares: fields, paging, filtering, caching, throttling.

The apps' own api modules (events/api.py, ...) build on these; the router that puts them
under /api/v1/ is in the portal shell (portal/api/).
"""
