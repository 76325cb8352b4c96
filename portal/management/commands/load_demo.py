from django.core.management.base import BaseCommand

from portal.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the network's demo content and demo accounts (idempotent)."

    def handle(self, *args, **options):
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"Demo logins (password “{DEMO_PASSWORD}”):")
        for email, name in logins:
            self.stdout.write(f"  {email:32} {name}")
