from django.utils.text import slugify


def unique_slug(model, text: str, max_length: int = 150) -> str:
    base = (slugify(text)[: max_length - 8] or "item").strip("-")
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
