"""The public API's router, root, schema and documentation pages: /api/v1/."""
