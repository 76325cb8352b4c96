#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from portal import embedded

    # Development only (DEBUG or EMBEDDED_SERVERS on, as `make run` and the Makefile set):
    # PostgreSQL and Redis under var/ for whichever of DATABASE_URL and REDIS_URL is unset.
    # In production neither flag is on, so a missing URL stops start-up with a message.
    if embedded.wanted():
        embedded.use()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
