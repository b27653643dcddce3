# Shared helpers for the dogtail tests: start and stop the real Tayori window with a private
# store, find widgets by accessible name and role, type like a person, read the store.
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from dogtail.config import config

config.checkForA11y = False
config.searchCutoffCount = 40
config.searchBackoffDuration = 0.25
config.logDebugToFile = False
config.logDebugToStdOut = False
config.typingDelay = 0.02

from dogtail import rawinput, tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

APP_NAME = "tayori"


def text_of(node):
    """GTK 4.8 answers '' to getText(0, -1): ask for the real length."""
    t = node.queryText()
    return t.getText(0, t.characterCount)


def wait_for(predicate, timeout=15.0, step=0.1, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what}")


class TayoriApp:
    """One Tayori process on a store of its own."""

    def __init__(self, binary, db_path=None, extra_env=None):
        self.binary = binary
        self.tmp = tempfile.mkdtemp(prefix="tayori-gui-")
        self.db_path = db_path or os.path.join(self.tmp, "tayori.db")
        self.env = dict(os.environ)
        self.env.update({
            "TAYORI_DB": self.db_path,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(self.tmp, "cache"),
        })
        self.env.update(extra_env or {})
        self.proc = None
        self.node = None

    def start(self):
        self.log = open(os.path.join(self.tmp, "app.log"), "ab")
        self.proc = subprocess.Popen([self.binary], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.node = wait_for(self._find_app, timeout=30, what="the Tayori window")
        return self

    def _find_app(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"tayori exited with {self.proc.returncode}; log:\n"
                                 + open(self.log.name, errors="replace").read())
        for app in tree.root.applications():
            try:
                if app.name == APP_NAME and app.get_process_id() == self.proc.pid and app.children:
                    return app
            except Exception:
                pass
        return None

    def find(self, name, role=None, timeout=15.0):
        def lookup():
            pred = GenericPredicate(name=name, roleName=role)
            try:
                return self.node.findChild(pred, retry=False, requireResult=False)
            except Exception:
                return None
        return wait_for(lookup, timeout=timeout, what=f"{role or 'widget'} '{name}'")

    def find_all(self, role):
        return self.node.findChildren(GenericPredicate(roleName=role))

    def click(self, name, role="push button"):
        self.find(name, role).doActionNamed("click")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def quit(self):
        """Closes like a person would (Ctrl+Q), waiting for the final save."""
        if self.proc and self.proc.poll() is None:
            rawinput.keyCombo("<Control>q")
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
                raise AssertionError("tayori did not quit on Ctrl+Q")

    def db_rows(self, sql, args=()):
        con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()


def main(tests):
    """Runs test functions in order; prints TAP so meson counts each one."""
    binary = sys.argv[1]
    print(f"1..{len(tests)}")
    failed = 0
    for i, fn in enumerate(tests, 1):
        try:
            fn(binary)
            print(f"ok {i} {fn.__name__}")
        except Exception as e:  # report and go on with the next test
            failed += 1
            import traceback
            traceback.print_exc(file=sys.stdout)
            print(f"not ok {i} {fn.__name__}: {e}".replace("\n", " "))
        sys.stdout.flush()
    sys.exit(1 if failed else 0)
