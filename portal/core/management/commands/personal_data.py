"""Personal data on request, from the command line: `personal_data export --email ADDRESS`
writes everything kept about the address as JSON; `personal_data erase --email ADDRESS`
erases it (each app's part, in one transaction)."""

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from portal.core.personal_data import personal_data_erase, personal_data_export

# Distinct exit codes, so a script can tell "no such person" from a failure.
NOT_AN_ADDRESS = 2
NOTHING_KEPT = 3


class Command(BaseCommand):
    help = "Export (as JSON) or erase everything the portal keeps about an email address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("--email", required=True, help="The person's email address.")
        parser.add_argument(
            "--output", type=Path, help="export: write the JSON to this file, not the screen."
        )
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="erase: do not ask first."
        )

    def handle(self, *args, action, email, output, interactive, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(
                f"{email!r} is not an email address.", returncode=NOT_AN_ADDRESS
            ) from None
        export = personal_data_export(email=email)
        if not export["data"]:
            raise CommandError(
                f"The portal keeps no personal data about {email}.", returncode=NOTHING_KEPT
            )
        if action == "export":
            text = json.dumps(export, indent=2, ensure_ascii=False)
            if output:
                output.write_text(text + "\n", encoding="utf-8")
                self.stderr.write(f"Wrote what is kept about {email} to {output}.")
            else:
                self.stdout.write(text)
            return
        if interactive:
            kept = ", ".join(f"{name} ({len(rows)})" for name, rows in export["data"].items())
            sys.stdout.write(f"Kept about {email}: {kept}.\n")
            if input("Erase it all? This cannot be undone. Type 'yes' to go on: ") != "yes":
                raise CommandError("Nothing erased.")
        erased = personal_data_erase(email=email)
        kept = sorted(set(export["data"]) - set(erased))
        summary = ", ".join(f"{name}: {count}" for name, count in erased.items())
        self.stdout.write(self.style.SUCCESS(f"Erased what was kept about {email} ({summary})."))
        if kept:
            self.stdout.write(
                f"Kept for the record, under the erased account's name: {', '.join(kept)}."
            )
