"""The hand-written trigram functions go: pg_trgm and unaccent do their work (core 0004)."""

import importlib

from django.db import migrations

_first = importlib.import_module("portal.migrations.0001_search_functions")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_search_functions"), ("core", "0004_search_entry")]
    operations = [migrations.RunSQL(_first.DROP, _first.CREATE)]
