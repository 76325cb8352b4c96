"""A local SMTP server that keeps what it is sent: development's mailbox, and the tests'
and benchmarks' receiving server.

`./dev run` starts one and points the portal's mail at it, so every mail the portal sends
in development lands as a file in var/mail/ (one .eml per message: any mail program opens
it, and it reads as text too). The tests and bench/ start their own, in memory.

    .venv/bin/python -m portal.core.mailsink --port 1025 --directory var/mail
"""

import argparse
import email.parser
import itertools
import logging
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

_headers = email.parser.BytesHeaderParser()
# aiosmtpd narrates every command at INFO.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class Mailbox:
    """aiosmtpd's handler: counts each message by its Message-ID and may write it out."""

    def __init__(self, directory: Path | None = None, keep: bool = True):
        self.directory, self.keep = directory, keep
        self.lock = threading.Lock()
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.message_ids: list[str] = []
        self._numbers = itertools.count(1)
        if directory:
            directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        message_id = _headers.parsebytes(content).get("Message-ID", "").strip()
        with self.lock:
            self.message_ids.append(message_id)
            if self.keep:
                self.messages.append((message_id, list(envelope.rcpt_tos), content))
            number = next(self._numbers)
        if self.directory:
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{number:05d}.eml"
            (self.directory / name).write_bytes(content)
        return "250 Message accepted"

    def count(self) -> int:
        with self.lock:
            return len(self.message_ids)


class Sink:
    """The server in a thread of this process, on 127.0.0.1."""

    def __init__(self, port: int = 0, handler: Mailbox | None = None):
        self.handler = handler or Mailbox()
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=port or _free_port(), ready_timeout=10
        )

    @property
    def port(self) -> int:
        return self.controller.port

    @property
    def url(self) -> str:
        """For EMAIL_URL."""
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> "Sink":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--directory", type=Path, default=Path("var/mail"))
    args = parser.parse_args()
    sink = Sink(args.port, Mailbox(args.directory, keep=False)).start()
    print(f"Mail to {sink.url} lands in {args.directory}/. Ctrl-C stops.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        sink.stop()


if __name__ == "__main__":
    main()
