from django.conf import settings
from django.core.management.base import BaseCommand

from portal.icons import write_icons


class Command(BaseCommand):
    help = "Draw the EU emblem and the portal's icons into static/ (see portal/icons.py)."

    def handle(self, *args, **options):
        for path in write_icons(settings.BASE_DIR / "static"):
            self.stdout.write(str(path.relative_to(settings.BASE_DIR)))
