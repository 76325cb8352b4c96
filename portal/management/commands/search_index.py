from django.core.management.base import BaseCommand, CommandError

from portal.search.index import rebuild
from portal.search.kinds import BY_SLUG, KINDS


class Command(BaseCommand):
    help = (
        "Rewrite the search entries of every public object (or of the kinds named), read "
        "the text of documents not read yet, and refresh the vocabulary. For after a bulk "
        "import: saves keep the entries current by themselves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kinds", nargs="*", help=f"Some of: {', '.join(kind.slug for kind in KINDS)}."
        )

    def handle(self, *args, kinds, **options):
        unknown = [slug for slug in kinds if slug not in BY_SLUG]
        if unknown:
            raise CommandError(
                f"No kind {', '.join(unknown)}; the kinds are "
                f"{', '.join(kind.slug for kind in KINDS)}."
            )
        written = rebuild([BY_SLUG[slug] for slug in kinds] or None)
        self.stdout.write(self.style.SUCCESS(f"{written} objects indexed."))
