# SPDX-License-Identifier: GPL-3.0-or-later
# Shared helpers for the dogtail tests: start, quit, kill and restart the real Tayori window on
# a private store, find widgets by accessible name and role, type like a person, read the
# preview probe and the store. Everything waits for a condition; nothing sleeps blindly.
import ctypes
import glob
import json
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zlib

from dogtail.config import config

config.checkForA11y = False
config.searchCutoffCount = 2
config.searchBackoffDuration = 0.1
config.logDebugToFile = False
config.logDebugToStdOut = False
config.typingDelay = 0.02
config.actionDelay = 0.1
config.defaultDelay = 0.1

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402
# Importing tree turns every Atspi.Accessible into a dogtail Node (children, name, click…).
from dogtail import rawinput, tree  # noqa: E402,F401
from dogtail.predicate import GenericPredicate  # noqa: E402

APP_NAME = "tayori"
BINARY = None  # set by main()
STARTED = []    # apps of the current test, for their logs when it fails


def log(*args):
    """A TAP comment: every line of it starts with '#', so multi-line texts stay comments."""
    text = " ".join(str(arg) for arg in args)
    print("\n".join("# " + line for line in text.split("\n")), flush=True)


def text_of(node):
    """GTK 4.8 answers '' to getText(0, -1): ask for the real length."""
    t = node.queryText()
    return t.getText(0, t.characterCount)


def wait_for(predicate, timeout=15.0, step=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except AssertionError:
            raise
        except Exception as e:  # AT-SPI nodes vanish while the UI changes: try again
            last_error = e
        if time.monotonic() > deadline:
            extra = f" (last error: {last_error!r})" if last_error else ""
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}{extra}")
        time.sleep(step)


def extents(node):
    """Window-relative: GTK 4 has no screen coordinates. Without a window manager every window
    sits at 0,0, so these are screen coordinates as well."""
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    return rect.x, rect.y, rect.width, rect.height


def is_showing(node):
    """GTK 4.8 sets no SHOWING state and calls hidden stack pages VISIBLE; unmapped widgets
    report an empty size, though."""
    try:
        x, y, w, h = extents(node)
        return w > 0 and h > 0 and node.getState().contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def button_named(label):
    """A button by its accessible name or by the text of its label: GTK 4.8 names a button
    with a mnemonic label "_Label Label", and puts an accessible label before the text. Toggle
    buttons count too (GTK 4.8 shows them as push buttons that are pressed or not)."""
    def test(node):
        if node.roleName not in ("push button", "toggle button"):
            return False
        return node.name == label or any(c.roleName == "label" and c.name == label for c in node.children)
    return test


class Keyboard:
    """Gives every non-ASCII character its own keycode in the X keymap before it is typed.
    Otherwise the AT-SPI registry maps each such keysym onto one spare keycode just before
    the key event, and a quick series of them now and then loses a character in the client.
    Keycodes that carry nothing, or only multimedia and F13+ keys, are used."""

    def __init__(self):
        self.x = ctypes.CDLL("libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
        self.x.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int,
                                               ctypes.POINTER(ctypes.c_int)]
        self.x.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                  ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
        self.x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.display = self.x.XOpenDisplay(None)
        low, high = ctypes.c_int(), ctypes.c_int()
        self.x.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                            ctypes.POINTER(ctypes.c_int)]
        self.x.XDisplayKeycodes(self.display, ctypes.byref(low), ctypes.byref(high))
        per = ctypes.c_int()
        keymap = self.x.XGetKeyboardMapping(self.display, low.value, high.value - low.value + 1,
                                            ctypes.byref(per))
        self.spare = []
        for code in range(low.value, high.value + 1):
            syms = [keymap[(code - low.value) * per.value + j] for j in range(per.value)]
            if all(s == 0 or 0x1008FF00 <= s <= 0x1008FFFF or 0xFFCA <= s <= 0xFFE0 for s in syms):
                self.spare.append(code)
        self.mapped = set()

    def prepare(self, text):
        new = sorted({c for c in text if ord(c) > 0x7E and c not in self.mapped})
        if not new:
            return
        if len(new) > len(self.spare):
            raise AssertionError(f"no spare keycodes left for {len(new)} more characters")
        for char in new:
            code = self.spare.pop()
            keysym = (ctypes.c_ulong * 1)(0x01000000 + ord(char))
            self.x.XChangeKeyboardMapping(self.display, code, 1, keysym, 1)
            self.mapped.add(char)
        self.x.XSync(self.display, 0)
        time.sleep(0.2)  # let the app and the registry take in the new mapping


KEYBOARD = None


def type_chars(text, on_char=None):
    """Types @text key by key through XTest, as keysyms, so Japanese works without an input
    method; calls on_char(index, char, time) after each key went out."""
    global KEYBOARD
    if KEYBOARD is None:
        KEYBOARD = Keyboard()
    KEYBOARD.prepare(text)
    for i, char in enumerate(text):
        rawinput.pressKey(char)
        if on_char is not None:
            on_char(i, char, time.monotonic())


def make_png(path, width=48, height=32):
    """A small valid RGB PNG, written with zlib only."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            row += bytes((x * 5 % 256, y * 7 % 256, 160))
        rows.append(bytes(row))
    raw = b"".join(rows)
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw))
           + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
    return path


class TayoriApp:
    """One Tayori process on a store of its own, restartable on the same store."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="tayori-gui-")
        self.db_path = os.path.join(self.tmp, "store", "tayori.db")
        os.makedirs(os.path.dirname(self.db_path), exist_ok=True)
        self.probe_path = os.path.join(self.tmp, "preview-probe.json")
        self.env = dict(os.environ)
        self.env.update({
            "TAYORI_DB": self.db_path,
            "TAYORI_PREVIEW_PROBE": self.probe_path,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(self.tmp, "cache"),
            # Settings live in XDG_CONFIG_HOME and outlast a restart, as for a person.
            "GSETTINGS_BACKEND": "keyfile",
        })
        self.proc = None
        self.node = None
        self.log_path = os.path.join(self.tmp, "app.log")

    # process life

    def start(self, wait_window=True):
        if os.path.exists(self.probe_path):
            os.unlink(self.probe_path)
        log_file = open(self.log_path, "ab")
        self.proc = subprocess.Popen([BINARY], env=self.env,
                                     stdout=log_file, stderr=subprocess.STDOUT)
        log_file.close()
        STARTED[:] = [a for a in STARTED if a is not self] + [self]
        self.node = wait_for(self._find_app, timeout=30, what="the Tayori window on AT-SPI")
        if wait_window:
            self.wait_ready()
        return self

    def _find_app(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"tayori exited with {self.proc.returncode}; log:\n" + self.app_log())
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if (app is not None and app.get_name() == APP_NAME
                        and app.get_process_id() == self.proc.pid and app.get_child_count() > 0):
                    return app
            except GLib.GError:
                pass
        return None

    def wait_ready(self):
        """The store is open when the list or its empty page is there and New Article works."""
        wait_for(lambda: any(b.sensitive for b in self.find_matching(button_named("New Article"))),
                 timeout=30, what="the store to open")

    def app_log(self):
        try:
            return open(self.log_path, errors="replace").read()[-6000:]
        except OSError:
            return ""

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()
        self.node = None

    def quit(self, timeout=20):
        """Closes like a person would (Ctrl+Q on the main window), waiting for the final save."""
        if not self.alive():
            return
        self.focus_main_window()
        rawinput.keyCombo("<Control>q")
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"tayori did not quit on Ctrl+Q within {timeout} s")
        self.node = None
        if self.proc.returncode != 0:
            raise AssertionError(f"tayori exited with {self.proc.returncode}; log:\n" + self.app_log())

    def restart(self):
        self.quit()
        return self.start()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        """Test teardown: whatever state the app is in, end it; show its log on failure."""
        self.kill()
        if kind is not None:
            for line in self.app_log().splitlines()[-40:]:
                log("app:", line)
        return False

    # finding things

    def windows(self):
        return [w for w in self.node.children if w is not None]

    def main_window(self):
        for w in self.windows():
            if w.name == "便り" or w.name.startswith("便り"):
                return w
        return self.windows()[0]

    def find_now(self, name, role=None, root=None, showing=True):
        pred = GenericPredicate(name=name, roleName=role)
        root = root or self.node
        try:
            for node in root.findChildren(pred, recursive=True, showingOnly=False):
                if not showing or is_showing(node):
                    return node
        except Exception:
            return None
        return None

    def find(self, name, role=None, root=None, timeout=15.0, showing=True):
        return wait_for(lambda: self.find_now(name, role, root, showing), timeout=timeout,
                        what=f"{role or 'widget'} '{name}'")

    def find_all(self, role=None, name=None, root=None, showing=True):
        pred = GenericPredicate(name=name, roleName=role)
        try:
            nodes = (root or self.node).findChildren(pred, recursive=True, showingOnly=False)
        except Exception:
            return []
        return [n for n in nodes if not showing or is_showing(n)]

    def find_matching(self, test, root=None, showing=True):
        def safe_test(node):
            try:
                return test(node)
            except Exception:  # a node that went away meanwhile
                return False
        try:
            nodes = (root or self.node).findChildren(safe_test, recursive=True, showingOnly=False)
        except Exception:
            return []
        return [n for n in nodes if not showing or is_showing(n)]

    def window_named(self, name, timeout=15.0):
        return wait_for(lambda: next((w for w in self.windows() if w.name == name), None),
                        timeout=timeout, what=f"window '{name}'")

    def dialog_with_text(self, fragment, timeout=15.0):
        """A top-level window (dialog) with a label containing @fragment."""
        def lookup():
            for w in self.windows():
                for label in self.find_all("label", root=w):
                    if fragment in label.name:
                        return w
            return None
        return wait_for(lookup, timeout=timeout, what=f"a dialog saying '{fragment}'")

    def labels(self, root=None):
        return [label.name for label in self.find_all("label", root=root)]

    # acting

    def button(self, label, root=None, timeout=15.0):
        return wait_for(lambda: next(iter(self.find_matching(button_named(label), root)), None),
                        timeout=timeout, what=f"button '{label}'")

    def click(self, label, root=None):
        node = self.button(label, root)
        wait_for(lambda: node.sensitive, what=f"'{label}' to be enabled")
        node.doActionNamed("click")
        return node

    def point_click(self, node):
        """A real pointer click in the middle of @node (no WM: window coordinates are screen
        coordinates); also moves the X focus into that window."""
        x, y, w, h = extents(node)
        rawinput.click(int(x + w / 2), int(y + min(h / 2, 20)), check=False)

    def focus_main_window(self):
        win = self.main_window()
        x, y, w, h = extents(win)
        rawinput.point(int(x + w / 2), int(y + 10), check=False)

    def type_into(self, node, text):
        """Clicks into @node and types @text at the pointer's place. Focus may sit in a child
        AT-SPI does not show (AdwEntryRow's GtkText), so the text itself is the proof."""
        before = text_of(node)
        self.point_click(node)
        type_chars(text[0])
        wait_for(lambda: len(text_of(node)) > len(before), timeout=5,
                 what=f"the first typed character in '{node.name}'")
        type_chars(text[1:])
        try:
            wait_for(lambda: text in text_of(node), timeout=10, what=f"'{text}' in '{node.name}'")
        except AssertionError as e:
            raise AssertionError(f"{e}; it holds {text_of(node)!r}") from None

    def combo(self, keys):
        rawinput.keyCombo(keys)

    def press(self, key):
        rawinput.pressKey(key)

    # the article list and page

    def search_entry(self):
        entry = self.find_now("Search articles", "entry")
        if entry is None:
            self.click("Search and Filter")
            entry = self.find("Search articles", "entry")
        return entry

    def row_label(self, title, timeout=15.0):
        """The title label of the article row showing @title."""
        return self.find(title, "label", root=self.find("Articles", "list"), timeout=timeout)

    def open_article(self, title):
        self.point_click(self.row_label(title))
        wait_for(lambda: self.title_text() == title, timeout=20, what=f"article '{title}' to open")

    def title_field(self):
        return self.find("Title", "text")

    def body_field(self):
        return self.find("Body", "text")

    def title_text(self):
        node = self.find_now("Title", "text")
        return text_of(node) if node is not None else None

    def body_text(self):
        return text_of(self.body_field())

    def new_article(self):
        before = self.article_ids()
        self.click("New Article")
        new_ids = wait_for(lambda: set(self.article_ids()) - set(before), timeout=15,
                           what="the new article to be stored")
        wait_for(lambda: self.title_text() == "", timeout=15, what="the new article's page")
        return max(new_ids)

    # the preview probe

    def probe(self):
        try:
            with open(self.probe_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def wait_probe(self, test, timeout=20.0, what="the preview"):
        def check():
            p = self.probe()
            return p if p is not None and test(p) else None
        try:
            return wait_for(check, timeout=timeout, what=what)
        except AssertionError as e:
            raise AssertionError(f"{e}; last probe: {json.dumps(self.probe(), ensure_ascii=False)[:800]}")

    # the store, read-only from outside

    def db(self):
        return sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)

    def db_rows(self, sql, args=()):
        con = self.db()
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def article_ids(self):
        if not os.path.exists(self.db_path):
            return []
        try:
            return [r[0] for r in self.db_rows("SELECT id FROM articles ORDER BY id")]
        except sqlite3.Error:
            return []

    def stored_article(self, article_id):
        rows = self.db_rows("SELECT title, body FROM articles WHERE id = ?", (article_id,))
        return rows[0] if rows else None

    def integrity(self):
        return self.db_rows("PRAGMA integrity_check")[0][0]

    def damaged_files(self):
        return glob.glob(self.db_path + ".damaged-*")


class StallMeter:
    """Measures main-loop stalls of the app from outside: every ~20 ms a thread asks the app
    for its root accessible's name straight over the accessibility bus (no client cache), and
    records the round trips. GTK answers AT-SPI from its main loop, so a long round trip is a
    main loop that was busy."""

    PERIOD = 0.02

    def __init__(self, pid):
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                    None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000,
                                    None).unpack()[0]
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                 | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        self.bus = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        self.name = self._bus_name_of(pid)
        self.samples = []
        self._stop = threading.Event()
        self._thread = None

    def _call(self, dest, path, iface, method, args, reply, timeout=5000):
        return self.bus.call_sync(dest, path, iface, method, args, GLib.VariantType(reply),
                                  Gio.DBusCallFlags.NONE, timeout, None).unpack()

    def _bus_name_of(self, pid):
        names = self._call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                           "ListNames", None, "(as)")[0]
        for name in names:
            if not name.startswith(":"):
                continue
            try:
                owner = self._call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                   GLib.Variant("(s)", (name,)), "(u)")[0]
            except GLib.Error:
                continue
            if owner == pid:
                try:
                    self.ping(name)
                    return name
                except GLib.Error:
                    continue
        raise AssertionError(f"no accessibility bus connection of pid {pid}")

    def ping(self, name=None):
        self._call(name or self.name, "/org/a11y/atspi/accessible/root",
                   "org.freedesktop.DBus.Properties", "Get",
                   GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Name")), "(v)", timeout=10000)

    def _run(self):
        while not self._stop.is_set():
            start = time.monotonic()
            self.ping()
            self.samples.append(time.monotonic() - start)
            rest = self.PERIOD - (time.monotonic() - start)
            if rest > 0:
                time.sleep(rest)

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False

    @property
    def longest(self):
        return max(self.samples) if self.samples else float("inf")


def screenshot(name):
    """With TAYORI_GUI_SCREENSHOTS=DIR set, keeps a picture of the screen of a failure."""
    directory = os.environ.get("TAYORI_GUI_SCREENSHOTS")
    if directory and shutil.which("import"):
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, name + ".png")
        subprocess.run(["import", "-window", "root", path], check=False)
        log("screenshot:", path)


def seeded_random(name):
    seed = int(os.environ.get("TAYORI_TEST_SEED", "0")) or random.SystemRandom().randrange(1, 2**31)
    log(f"{name}: random seed {seed} (set TAYORI_TEST_SEED={seed} to repeat)")
    return random.Random(seed)


def main(tests):
    """Runs the test functions in order and prints TAP, one line per test."""
    global BINARY
    BINARY = sys.argv[1]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for i, fn in enumerate(tests, 1):
        start = time.monotonic()
        del STARTED[:-1]
        try:
            fn()
            print(f"ok {i} {fn.__name__} # {time.monotonic() - start:.1f} s", flush=True)
        except Exception as e:
            failed += 1
            screenshot(f"{os.path.basename(sys.argv[0])}-{fn.__name__}")
            for app in STARTED:
                state = "running" if app.alive() else f"exited with {app.proc.returncode}"
                log(f"app {app.proc.pid} ({state}), last lines of its log:")
                for line in app.app_log().splitlines()[-30:]:
                    log("  " + line)
            for line in traceback.format_exc().splitlines():
                print("# " + line)
            print(f"not ok {i} {fn.__name__}: {str(e).splitlines()[0] if str(e) else type(e).__name__}",
                  flush=True)
    sys.exit(1 if failed else 0)
