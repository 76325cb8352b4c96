"""A document's content in its tables, and back.

The current content lives in tables, so lists, dashboards and exports can query it; each
saved version keeps the same content as JSON. The mapping is by convention, read from the
shape: a field is the column of its name (or its `column`); a part with a `group` keeps
its fields on the document's own row all the same; `Rows` are the related rows of their
name (the foreign key's related_name), ordered by a `position` column; `Refs` are a
many-to-many field; a `File` is a FileField.
"""

from actionplans.documents.fields import File, Refs
from actionplans.documents.shape import Rows, Shape


def prefetches(shape: Shape) -> list[str]:
    """What to prefetch so that `read` runs a fixed number of queries, whatever the rows."""
    lookups = []

    def add(fields, prefix):
        for f in fields:
            if isinstance(f, Rows):
                lookups.append(prefix + f.name)
                add(f.fields, f"{prefix}{f.name}__")
            elif isinstance(f, Refs):
                lookups.append(prefix + f.db_column)

    for part in shape.parts:
        add(part.fields, "")
    return lookups


def read(shape: Shape, row) -> dict:
    """The content of a document row whose rows were prefetched (see `prefetches`)."""
    content = {}
    for part in shape.parts:
        values = _read(part.fields, row)
        if part.group:
            content[part.group] = values
        else:
            content.update(values)
    return content


def _read(fields, obj) -> dict:
    values = {}
    for f in fields:
        if isinstance(f, Rows):
            values[f.name] = [
                {**({f.key: child.pk} if f.keyed else {}), **_read(f.fields, child)}
                for child in getattr(obj, f.name).all()
            ]
        elif isinstance(f, Refs):
            values[f.name] = sorted(record.pk for record in getattr(obj, f.db_column).all())
        else:
            values[f.name] = f.from_column(getattr(obj, f.db_column))
    return values


def write(shape: Shape, row, content: dict, uploads: dict) -> None:
    """Make the tables hold `content` (validated); `uploads` by place are saved as files."""
    refs = []
    for part in shape.parts:
        values = content[part.group] if part.group else content
        prefix = f"{part.group}." if part.group else ""
        refs += _set(part.fields, row, values, prefix, uploads)
    row.save()
    for f, value in refs:
        getattr(row, f.db_column).set(value)
    for part in shape.parts:
        values = content[part.group] if part.group else content
        prefix = f"{part.group}." if part.group else ""
        for f in part.fields:
            if isinstance(f, Rows):
                _write_rows(f, row, values[f.name], prefix + f.name, uploads)


def _set(fields, obj, values: dict, prefix: str, uploads: dict) -> list:
    """Set an object's columns; returns the many-to-many values to set once it is saved."""
    later = []
    for f in fields:
        if isinstance(f, Rows):
            continue
        if isinstance(f, Refs):
            later.append((f, values[f.name]))
        elif isinstance(f, File) and prefix + f.name in uploads:
            upload = uploads[prefix + f.name]
            getattr(obj, f.db_column).save(upload.name, upload, save=False)
        elif isinstance(f, File):
            getattr(obj, f.db_column).name = f.to_column(values[f.name])
        else:
            setattr(obj, f.db_column, f.to_column(values[f.name]))
    return later


def _write_rows(rows: Rows, parent, items: list, place: str, uploads: dict) -> None:
    manager = getattr(parent, rows.name)
    existing = {obj.pk: obj for obj in manager.all()} if rows.keyed else {}
    if not rows.keyed:
        manager.all().delete()
    nested = any(isinstance(f, Rows | Refs) for f in rows.fields)
    built = []
    for position, item in enumerate(items):
        obj = existing.pop(item.get(rows.key), None) if rows.keyed else None
        obj = obj or rows.model(**{rows.parent: parent})
        obj.position = position
        refs = _set(rows.fields, obj, item, f"{place}.{position}.", uploads)
        built.append((obj, item, refs))
    if rows.keyed or nested:
        for obj, _item, _refs in built:
            obj.save()
    else:
        rows.model.objects.bulk_create([obj for obj, _item, _refs in built])
    if existing:
        rows.model.objects.filter(pk__in=existing).delete()
    for position, (obj, item, refs) in enumerate(built):
        for f, value in refs:
            getattr(obj, f.db_column).set(value)
        for f in rows.fields:
            if isinstance(f, Rows):
                _write_rows(f, obj, item[f.name], f"{place}.{position}.{f.name}", uploads)
