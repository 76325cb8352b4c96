"""`make run`: prepare the database and start the web server, a Celery worker and beat.

Loading the settings has already started the embedded PostgreSQL and Redis if the
environment names none. Unless EMAIL_URL names a mail server, a local one is started too
and every mail lands as a file in var/mail/ (portal.core.mailsink). Ctrl-C stops the three
processes, the mail server and the embedded servers that this run started (servers that
were already running are left as they were); so do `kill` and a closed terminal.

Without SITE_URL in the environment, the run's own address becomes the site's: the API's
links, the feeds and the mails of all three processes point where the portal serves.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal import embedded
from portal.core.mailsink import Mailbox, Sink
from portal.demo.loader import DEMO_PASSWORD, load_demo

MAIL_DIR = embedded.VAR_DIR / "mail"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def site_url(host: str, port: int) -> str:
    """The address a browser reaches a server on `host`:`port` by."""
    if host in ("", "0.0.0.0", "::"):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def child_environment(host: str, port: int) -> dict[str, str]:
    """The environment of the web server, the worker and beat."""
    environment = dict(os.environ)
    if not environment.get("SITE_URL"):
        environment["SITE_URL"] = site_url(host, port)
    return environment


class Command(BaseCommand):
    help = "Migrate, load the demo, and run the web server, a Celery worker and Celery beat."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, host, port, **options):
        started_servers = set(embedded.started_here)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("compilemessages", verbosity=0, ignore_patterns=[".venv/*", "var/*"])
        logins = load_demo()

        python = sys.executable
        commands = {
            "web": [python, "manage.py", "runserver", f"{host}:{port}"],
            "worker": [
                python,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "-l",
                "INFO",
                "--concurrency",
                "2",
            ],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "portal",
                "beat",
                "-l",
                "INFO",
                "-s",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        environment, sink = child_environment(host, port), None
        if not os.environ.get("EMAIL_URL"):
            sink = self._mail_sink()
            environment["EMAIL_URL"] = sink.url
        processes = {name: subprocess.Popen(cmd, env=environment) for name, cmd in commands.items()}

        address = site_url(host, port)
        self.stdout.write(self.style.SUCCESS(f"\nThe portal runs at {address}/"))
        self.stdout.write(f"Admin: {address}/en/admin/")
        self.stdout.write(f"Links in the API, feeds and mails: {environment['SITE_URL']}/")
        self.stdout.write(f"Demo logins (password “{DEMO_PASSWORD}”):")
        for email, name in logins:
            self.stdout.write(f"  {email:32} {name}")
        if sink:
            self.stdout.write(f"Mail the portal sends lands in {MAIL_DIR}/, a .eml file each.")
        self.stdout.write("Press Ctrl-C to stop.\n")

        # A `kill` or a closed terminal stops the run as Ctrl-C does: Python's default for
        # their signals ends this process at once, leaving the three processes and the
        # embedded servers running without it.
        for stop in STOP_SIGNALS:
            signal.signal(stop, signal.default_int_handler)
        try:
            while all(process.poll() is None for process in processes.values()):
                time.sleep(0.5)
            failed = [name for name, process in processes.items() if process.poll() is not None]
            self.stderr.write(f"Stopped because {', '.join(failed)} exited.")
        except KeyboardInterrupt:
            pass
        finally:
            # A terminal's Ctrl-C reaches the children too and an impatient second one
            # would abort this clean-up half-way; from here on, finish it.
            for stop in (signal.SIGINT, *STOP_SIGNALS):
                signal.signal(stop, signal.SIG_IGN)
            self._stop(processes)
            if sink:
                sink.stop()
            embedded.stop(started_servers)
            self.stdout.write("Stopped.")

    @staticmethod
    def _mail_sink() -> Sink:
        # Port 1025 unless another run (another worktree) has it already.
        try:
            return Sink(1025, Mailbox(MAIL_DIR, keep=False)).start()
        except (OSError, RuntimeError):
            return Sink(0, Mailbox(MAIL_DIR, keep=False)).start()

    @staticmethod
    def _stop(processes):
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
