# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers of the review test: running it inside the keyring and WordPress wrappers, one Tayori
# per WordPress user (its own store and accounts file; one runs at a time, since the
# application is unique on the session bus), and the WordPress REST API as the admin sees it.
import base64
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

# tayori_gui (dogtail) is imported only once wrapped: the first AT-SPI client starts the
# accessibility bus of the session it runs in, and the app must share that bus.

WRAPPED = "_TAYORI_REVIEW_WRAPPED"


def ensure_wrapped():
    """Runs this test again inside keyring-wrapper.sh and wordpress-wrapper.sh (--levels 1), in
    the Xvfb and session bus gui-test-wrapper.sh made, and exits with its status. Their services
    write to their output, so the wrapped run prints its TAP to fd 9 (the WordPress wrapper
    takes fd 3 for itself); without WordPress the whole test is skipped."""
    if os.environ.get(WRAPPED):
        os.dup2(9, 1)
        os.close(9)
        return
    src = os.environ["TAYORI_SRCDIR"]
    os.environ[WRAPPED] = "1"
    os.dup2(1, 9)
    args = [os.path.join(src, "tests", "ai", "keyring-wrapper.sh"),
            os.path.join(src, "tests", "cms", "wordpress-wrapper.sh"), "--levels", "1", "--",
            sys.executable, "-u", os.path.abspath(sys.argv[0]), *sys.argv[1:]]
    status = subprocess.run(args, stdout=sys.stderr, pass_fds=(9,)).returncode
    if status == 77:
        print("1..0 # SKIP WordPress or the keyring is not installed", flush=True)
        status = 0
    sys.exit(status)


def cli(*args, stdin=None, env=None):
    result = subprocess.run([os.environ["TAYORI_CLI"], *args], capture_output=True, text=True,
                            input=stdin, env=env)
    assert result.returncode == 0, f"tayori-cli {' '.join(args)}: {result.stderr}"
    return result.stdout


class CmsUser:
    """A Tayori of one WordPress user: its store, and its accounts file with the site as
    account @account_name (the secret in the session keyring under that name)."""

    def __init__(self, login, password_var, account_name):
        from tayori_gui import TayoriApp
        self.login = login
        self.password = os.environ[password_var]
        self.account = account_name
        self.app = TayoriApp()
        self.accounts_path = os.path.join(self.app.tmp, "accounts.conf")
        self.app.env["TAYORI_ACCOUNTS"] = self.accounts_path

    def add_account_with_cli(self):
        from tayori_gui import log
        env = dict(self.app.env)
        out = cli("account", "add", "cms", "--type", "wordpress", "--url", os.environ["TAYORI_WP_URL"],
                  "--user", self.login, "--name", self.account, stdin=self.password + "\n", env=env)
        log(f"account of {self.login}:", out.strip()[:300])

    def import_article(self, title, body, publish_end=None):
        path = os.path.join(self.app.tmp, "article.md")
        end = f"publish_end: {publish_end}\n" if publish_end else ""
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {title}\nlanguage: ja\nstatus: draft\n{end}---\n\n{body}\n")
        out = cli("--db", self.app.db_path, "import", path)
        return int("".join(c for c in out if c.isdigit()) or 0)


def rest(path, params=None, method="GET", body=None):
    """The REST API as the admin (sees every post with context=edit)."""
    query = {"rest_route": path}
    query.update(params or {})
    url = os.environ["TAYORI_WP_URL"].rstrip("/") + "/?" + urllib.parse.urlencode(query)
    auth = base64.b64encode(f"admin:{os.environ['TAYORI_WP_ADMIN_PW']}".encode()).decode()
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": "Basic " + auth,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def posts_titled(title):
    posts = rest("/wp/v2/posts", {"search": title, "status": "any", "context": "edit", "per_page": "50"})
    return [p for p in posts if p["title"]["raw"] == title]


def wait_post_status(title, status, timeout=60):
    from tayori_gui import wait_for
    def check():
        posts = posts_titled(title)
        assert len(posts) <= 1, f"duplicate posts titled {title}: {[p['id'] for p in posts]}"
        return posts[0] if posts and posts[0]["status"] == status else None
    try:
        return wait_for(check, timeout=timeout, step=0.5, what=f"the post '{title}' to be {status}")
    except AssertionError as e:
        raise AssertionError(f"{e}; posts: {[(p['id'], p['status']) for p in posts_titled(title)]}") from None


def dialog_window(app, button_label):
    """The top-level window holding a button labelled @button_label (a message dialog)."""
    from tayori_gui import button_named, wait_for
    def lookup():
        for w in app.windows():
            if app.find_matching(button_named(button_label), root=w):
                return w
        return None
    return wait_for(lookup, what=f"a dialog with '{button_label}'")
