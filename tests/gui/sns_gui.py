# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers of the SNS composer tests: a private unlocked gnome-keyring on the test's session bus
# (secrets put there with secret-tool, as Tayori's schema stores them), a loopback fake of the
# Mastodon endpoints Tayori uses (records every status and answers a repeated Idempotency-Key
# with the first status, as Mastodon does; a status with scheduled_at gets a ScheduledStatus;
# the instance's limit is set per test), accounts.conf and preset files, an article with a
# stored thumbnail, and screenshots for a person to look at.
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import time

from dogtail import rawinput

from tayori_gui import extents, log, make_png, wait_for

SCHEMA = "io.github.tayori.Tayori.Secret"


def start_keyring(tmp):
    """gnome-keyring (secrets only) on the current session bus, unlocked with a test password."""
    home = os.path.join(tmp, "keyring-home")
    os.makedirs(os.path.join(home, ".local", "share"), exist_ok=True)
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, ".local", "share"))
    out = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
                         input=b"tayori-test", capture_output=True, env=env, check=True)
    log("keyring:", out.stdout.decode().strip().replace("\n", " "))


def store_secret(name, secret):
    subprocess.run(["secret-tool", "store", "--label", f"Tayori test {name}",
                    "xdg:schema", SCHEMA, "kind", "channel", "name", name],
                   input=secret.encode(), check=True)


class FakeMastodon(http.server.BaseHTTPRequestHandler):
    """Statuses, media and the instance, per bearer token."""
    statuses = []          # (token, idempotency key, text) in arrival order
    forms = []             # every status request's JSON body, as sent
    max_characters = 500   # the instance's limit (configuration.statuses.max_characters)
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def _json(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _status(self, index, text):
        host = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        return {"id": str(index + 1), "url": f"{host}/@city/{index + 1}", "uri": f"{host}/statuses/{index + 1}",
                "content": f"<p>{text}</p>", "created_at": "2026-01-01T00:00:00.000Z",
                "favourites_count": 3, "reblogs_count": 1, "replies_count": 0, "media_attachments": []}

    def do_GET(self):
        if self.path.startswith("/api/v2/instance"):
            self._json(200, {"domain": "127.0.0.1",
                             "configuration": {"statuses": {"max_characters": self.max_characters}}})
        elif self.path.startswith("/api/v1/media/"):
            self._json(200, {"id": self.path.rsplit("/", 1)[1], "type": "image", "url": "http://127.0.0.1/m.png"})
        elif self.path.startswith("/api/v1/statuses/"):
            index = int(self.path.rsplit("/", 1)[1].split("?")[0]) - 1
            with self.lock:
                text = self.statuses[index][2] if 0 <= index < len(self.statuses) else ""
            self._json(200, self._status(index, text))
        else:
            self._json(200, {"id": "1", "username": "city", "acct": "city"})

    def do_POST(self):
        body = self._body()
        if self.path.startswith("/api/v2/media"):
            self._json(200, {"id": "77", "type": "image", "url": "http://127.0.0.1/m.png"})
            return
        if not self.path.startswith("/api/v1/statuses"):
            self._json(404, {"error": "not here"})
            return
        token = self.headers.get("Authorization", "")
        key = self.headers.get("Idempotency-Key")
        try:
            form = json.loads(body)
            text = form.get("status", "")
        except ValueError:
            from urllib.parse import parse_qs
            form = {}
            text = parse_qs(body.decode()).get("status", [""])[0]
        with self.lock:
            self.forms.append(form)
            for i, (t, k, s) in enumerate(self.statuses):
                if t == token and k is not None and k == key:
                    self._json(200, self._status(i, s))
                    return
            self.statuses.append((token, key, text))
            index = len(self.statuses) - 1
        if form.get("scheduled_at"):
            # A ScheduledStatus: the instance publishes it at that time
            self._json(200, {"id": f"s{index + 1}", "scheduled_at": form["scheduled_at"],
                             "params": {"text": text}, "media_attachments": []})
            return
        self._json(200, self._status(index, text))

    def do_DELETE(self):
        self._json(200, {})


def serve_fake_mastodon(max_characters=500):
    FakeMastodon.statuses = []
    FakeMastodon.forms = []
    FakeMastodon.max_characters = max_characters
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeMastodon)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_accounts(app, server, names, emergency=False):
    """Mastodon accounts on the fake, each with its own token in the keyring."""
    url = f"http://127.0.0.1:{server.server_address[1]}"
    path = os.path.join(app.tmp, "config", "tayori", "accounts.conf")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for name, label in names:
            f.write(f"[channel:{name}]\ntype=mastodon\nurl={url}\nuser={name}\nlabel={label}\n"
                    f"emergency={'true' if emergency else 'false'}\n\n")
            store_secret(name, f"token-{name}")
    os.chmod(path, 0o600)


def write_preset(app, text):
    path = os.path.join(app.tmp, "preset.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    app.env["TAYORI_PRESET"] = path


def import_article(app, title, body, status, category="防災・安全", with_thumbnail=True):
    """An article (with a thumbnail in the media store, no alt text) through tayori-cli; its id."""
    lines = ["---", f"title: {title}", "language: ja", f"status: {status}", f"category: {category}",
             "summary: 避難所の開設状況をお知らせします。"]
    if with_thumbnail:
        png = os.path.join(app.tmp, "thumb.png")
        make_png(png, 320, 180)
        digest = hashlib.sha256(open(png, "rb").read()).hexdigest()
        media = os.path.join(app.tmp, "data", "tayori", "media")
        os.makedirs(media, exist_ok=True)
        shutil.copy(png, os.path.join(media, digest + ".png"))
        lines.append(f"thumbnail: {digest}")
    lines.append("---")
    path = os.path.join(app.tmp, "article.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n\n" + body + "\n")
    result = subprocess.run([os.environ["TAYORI_CLI"], "--db", app.db_path, "import", path],
                            capture_output=True, text=True, env=app.env)
    assert result.returncode == 0, result.stderr
    return int(re.findall(r"\d+", result.stdout)[-1])


def shot(name, settle=0.0):
    """A picture of the screen into $TAYORI_SNS_SHOTS (a person looks at them); @settle: time
    for a web view to draw, which no accessible state reports. Nothing is asserted on it."""
    directory = os.environ.get("TAYORI_SNS_SHOTS")
    if directory and shutil.which("import"):
        time.sleep(settle)
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, name + ".png")
        subprocess.run(["import", "-window", "root", path], check=False)
        log("screenshot:", path)


def scroll_into_view(app, node, pane):
    """Scrolls @pane with the wheel until @node is inside the window (typing clicks into it)."""
    window_height = extents(app.main_window())[3]

    def visible():
        y, h = extents(node)[1], extents(node)[3]
        if y < 60:
            x, py, w, ph = extents(pane)
            rawinput.click(int(x + w / 2), int(py + ph / 2), button=4, check=False)
            return False
        if y + h > window_height - 40:
            x, py, w, ph = extents(pane)
            rawinput.click(int(x + w / 2), int(py + ph / 2), button=5, check=False)
            return False
        return True
    wait_for(visible, timeout=20, step=0.2, what=f"'{node.name}' scrolled into view")


def settings_file(app, width, height):
    """The window's size for the next start (GSettings keyfile backend)."""
    path = os.path.join(app.tmp, "config", "glib-2.0", "settings", "keyfile")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(f"[io/github/tayori/Tayori]\nwindow-width={width}\nwindow-height={height}\n")


def tab(app, name, root):
    """Switches to the page tab @name (GtkStackSwitcher, AdwViewSwitcher)."""
    node = app.find(name, "page tab", root=root)
    node.doActionNamed("click")
    return node
