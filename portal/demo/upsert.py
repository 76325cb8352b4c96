"""Create-or-update helpers that leave unchanged rows alone.

The demo loader runs on every `make run`; writing only what differs keeps a second run
from touching any row (updated_at and caches included).
"""

from django.db import models


def _same(current, wanted) -> bool:
    if isinstance(current, models.Model) or isinstance(wanted, models.Model):
        return getattr(current, "pk", current) == getattr(wanted, "pk", wanted)
    if current == wanted:
        return True
    return current is not None and wanted is not None and str(current) == str(wanted)


def upsert(model, lookup: dict, **values):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if not _same(getattr(obj, name), value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
    return obj


def sync_m2m(obj, name: str, items) -> None:
    manager = getattr(obj, name)
    wanted = {item.pk for item in items}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)
