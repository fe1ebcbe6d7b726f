"""``nda-reader serve [CORPUS] [--host 127.0.0.1] [--port N]``: the reader in a web browser.

Each browser tab that opens the page starts its own reader process (textual-serve), with
its own copy of the settings, so one colleague's theme does not become another's; all of
them read and annotate the same corpus. The server listens on 127.0.0.1 unless told
otherwise, and its page loads nothing from outside it (not even a web font). textual-serve
(and aiohttp) are imported only here. See docs/serve.md.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "nda-reader serve"
PAGE_FOLDER = Path(__file__).with_name("serve_page")
"""Our page template (``app_index.html``) for textual-serve."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Serve the reader to web browsers (one reader per browser tab).",
        epilog="Only this machine can connect unless --host says otherwise. See docs/serve.md.",
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, help="corpus folder (default: the bundled corpus)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every "
        "network this machine is on — anyone who reaches it can read and annotate)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it differs from http://HOST:PORT (a proxy)",
    )
    return parser


def session_command(corpus: Path | None) -> str:
    """The shell command that starts one browser session's reader."""
    args = [sys.executable, "-m", "nda_reader", "--session"]
    if corpus is not None:
        args.append(str(corpus.resolve()))
    return shlex.join(args)


def run_serve(argv: Sequence[str]) -> int:
    """Run the web server until interrupted; 0 on a clean stop, 1 if it cannot start."""
    args = _parser().parse_args(argv)
    if args.corpus is not None and not args.corpus.exists():
        print(f"{PROG}: {args.corpus}: no such folder", file=sys.stderr)
        return 2
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            f"{PROG}: textual-serve is not installed; install it with "
            "'python -m pip install textual-serve' (or reinstall nda-reader)",
            file=sys.stderr,
        )
        return 1
    server = Server(
        session_command(args.corpus),
        host=args.host,
        port=args.port,
        title="nda-reader",
        public_url=args.public_url,
        templates_path=PAGE_FOLDER,
    )
    try:
        server.serve()
    except OSError as exc:
        print(f"{PROG}: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0
