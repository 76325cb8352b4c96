"""The projects app's public API: projects with their partners, and validated good
practices. One module per resource, serializer and viewset side by side."""
