"""Serve a built site with Debian's nginx and the project's deploy/nginx.conf, on a loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG_FORMAT = "log_format bench '$request_uri\\t$status\\t$body_bytes_sent\\t$sent_http_content_type';"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def nginx(site_dir: Path, workdir: Path, access_log: Path | None = None) -> Iterator[str]:
    """Start nginx (daemon off) for site_dir; yields the base URL. With access_log, every response is logged
    as 'uri TAB status TAB body bytes (after gzip) TAB content type'."""
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    headers = site_dir / "_security_headers.nginx"
    if not headers.exists():  # a site not built by scripts/build.py (the benchmark's baseline)
        headers.write_text("", encoding="utf-8")
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    server = server.replace("SITE_ROOT", str(site_dir)).replace("listen 8080;", f"listen 127.0.0.1:{port};")
    if access_log is not None:
        server = server.replace("access_log off;", f"access_log {access_log} bench;")
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / d).mkdir(exist_ok=True)
    # private temporary folders (0700): as root, workers must run as root to read them.
    user = "user root;" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  {LOG_FORMAT}
  client_body_temp_path {workdir}/body; proxy_temp_path {workdir}/proxy;
  fastcgi_temp_path {workdir}/fastcgi; uwsgi_temp_path {workdir}/uwsgi; scgi_temp_path {workdir}/scgi;
  {server}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([exe, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:  # not listening yet
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "nginx did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
