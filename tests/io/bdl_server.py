"""A stand-in for the GUS BDL API on 127.0.0.1, replaying answers of the real shape.

Each route (a path, and the ``page`` asked for) has a list of replies, sent in turn; the last one
repeats. Every request is recorded with its query and headers.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from attrs import define, field, frozen


@frozen
class Reply:
    """One answer: a status, a body (JSON data, or text sent as it is), headers, a delay."""

    status: int = 200
    body: object = None
    headers: Mapping[str, str] = field(factory=dict)
    delay: float = 0.0


@frozen
class Seen:
    """One request the server received."""

    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]


@define
class FakeBdl:
    """The routes, the requests seen, and the address once started."""

    routes: dict[tuple[str, int], list[Reply]] = field(factory=dict)
    seen: list[Seen] = field(factory=list)
    base_url: str = ""
    lock: threading.Lock = field(factory=threading.Lock)

    def route(self, path: str, *replies: Reply, page: int = 0) -> None:
        """Answer ``/api/v1/{path}`` (page *page*) with *replies*, in turn."""
        self.routes[(path, page)] = list(replies)

    def pages(self, path: str, results: Sequence[object], extra: Mapping[str, object]) -> None:
        """Answer *path* with *results* in pages of 100 with ``links.next``, as BDL does."""
        count = max(1, -(-len(results) // 100))
        for page in range(count):
            body: dict[str, object] = {
                "totalRecords": len(results),
                "page": page,
                "pageSize": 100,
                **extra,
                "results": list(results[page * 100 : (page + 1) * 100]),
            }
            links = {"self": self.link(path, page)}
            if page + 1 < count:
                links["next"] = self.link(path, page + 1)
            body["links"] = links
            self.route(path, Reply(body=body), page=page)

    def link(self, path: str, page: int) -> str:
        """The address BDL writes in ``links``: its own origin, the query with the page."""
        query = urlencode({"page": page, "page-size": 100, "format": "json"})
        return f"https://bdl.stat.gov.pl/api/v1/{path}?{query}"

    def requests_to(self, path: str) -> list[Seen]:
        """The requests seen for *path*."""
        return [seen for seen in self.seen if seen.path == path]

    def reply(self, path: str, page: int) -> Reply:
        with self.lock:
            replies = self.routes.get((path, page))
            if not replies:
                return Reply(404, {"errors": [{"errorResult": "Not Found", "errorReason": path}]})
            return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(fake: FakeBdl) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path.removeprefix("/api/v1/")
            query = parse_qs(parts.query)
            with fake.lock:
                fake.seen.append(Seen(path, query, dict(self.headers.items())))
            reply = fake.reply(path, int(query.get("page", ["0"])[0]))
            if reply.delay:
                time.sleep(reply.delay)
            if reply.body is None:
                content = b""
            elif isinstance(reply.body, str):
                content = reply.body.encode()
            else:
                content = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(content)  # the client may have given up waiting (a timeout)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet

    return Handler


@contextmanager
def serve(fake: FakeBdl) -> Iterator[FakeBdl]:
    """Run *fake* on 127.0.0.1 (a free port) until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/api/v1/"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@define
class FakeTime:
    """A clock that moves only when slept on; the sleeps are recorded."""

    now: float = 0.0
    sleeps: list[float] = field(factory=list)

    def sleep(self, seconds: float) -> None:
        """Record *seconds* and move the clock on."""
        self.sleeps.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        """The clock."""
        return self.now

    def time(self) -> float:
        """The wall clock: 2025-01-01 plus the clock."""
        return 1_735_689_600.0 + self.now
