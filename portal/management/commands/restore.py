from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal import backup


class Command(BaseCommand):
    help = "Restore a backup folder made by `manage.py backup`: the database, then the files."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask first."
        )

    def handle(self, *args, folder, interactive, **options):
        if not (folder / backup.DUMP).is_file() or not (folder / backup.MANIFEST).is_file():
            raise CommandError(f"{folder} is not a backup folder: it has no {backup.DUMP}")
        name = connection.settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces what database {name!r} and the media folder hold with the "
                f"backup in {folder}. Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Nothing restored.")
        try:
            manifest = backup.restore(folder)
        except (RuntimeError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup made {manifest['made']} into {name!r}.")
        )
