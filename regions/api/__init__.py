"""The regions app's public API: regions, themes, organisations, cooperations, R&I
infrastructures. One module per resource, serializer and viewset side by side."""
