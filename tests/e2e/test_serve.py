"""``nda-reader serve``: a real server on 127.0.0.1, its page loads nothing from outside, a
browser session's first frame arrives over the WebSocket, and sessions keep their own
settings. Only loopback is used."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.corpora import REPO
from tests.helpers.small_corpus import small_corpus

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\x1b[=>]")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path, make_corpus) -> Iterator[tuple[str, Path]]:  # type: ignore[no-untyped-def]
    root = small_corpus(make_corpus)
    config = tmp_path / "config"
    (config / "nda-reader").mkdir(parents=True)
    settings = config / "nda-reader" / "settings.yaml"
    settings.write_text("theme: nda-dark\n", encoding="utf-8")
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "XDG_CONFIG_HOME": str(config),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "nda_reader", "serve", str(root), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
    try:
        yield f"127.0.0.1:{port}", settings
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


async def _screen_until(ws, needle: str, seconds: float = 30) -> str:  # type: ignore[no-untyped-def]
    """Terminal output of the session (escape codes removed) until ``needle`` shows."""
    seen = ""
    deadline = asyncio.get_running_loop().time() + seconds
    while needle not in seen:
        left = deadline - asyncio.get_running_loop().time()
        assert left > 0, f"{needle!r} never arrived; got {seen[-500:]!r}"
        message = await ws.receive(timeout=left)
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += _ANSI.sub("", message.data.decode("utf-8", errors="replace"))
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            raise AssertionError(f"the session closed; got {seen[-500:]!r}")
    return seen


async def test_the_page_loads_nothing_from_outside_and_a_session_paints_its_first_frame(
    served: tuple[str, Path],
) -> None:
    address, settings = served
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://{address}/") as response:
            assert response.status == 200
            page = await response.text()
        urls = re.findall(r"""(?:https?|wss?):\/\/[^\s"'<>)]+""", page)
        assert urls and all(u.split("/")[2] == address for u in urls), urls
        assert "fonts.googleapis" not in page
        for asset in re.findall(rf"http://{re.escape(address)}(/static/[^\s\"')]+)", page):
            async with http.get(f"http://{address}{asset}") as response:
                assert response.status == 200, asset
        async with http.ws_connect(f"ws://{address}/ws?width=100&height=30") as ws:
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            first = await _screen_until(ws, "Annual report")
            assert "nda-reader · 4 texts in 3 documents" in first  # the served corpus's library
            # This session's own settings: a new theme here is not the user's settings.
            await ws.send_json(["stdin", "\x14"])  # ctrl+t: next theme
            await _screen_until(ws, "Theme:")
    assert settings.read_text(encoding="utf-8") == "theme: nda-dark\n"
