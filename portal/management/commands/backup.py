from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded files into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help="Folder to make the backup in (default: BACKUP_DIR, var/backups).",
        )

    def handle(self, *args, to, **options):
        try:
            folder = backup.backup(to or Path(settings.BACKUP_DIR))
        except (RuntimeError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
