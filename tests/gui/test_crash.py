# SPDX-License-Identifier: GPL-3.0-or-later
# Crash safety as the spec words it: type into the body without pause, kill -9 the app at a
# random moment (at least 20 times), restart, and check that the store is intact and holds
# every character typed more than one second before the kill.
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tayori_gui import TayoriApp, log, main, seeded_random, type_chars, wait_for  # noqa: E402

TITLE = "停電時の避難所開設について"
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
KILLS = 20
ALLOWED_LOSS = 1.0  # seconds of typing the spec lets a kill lose

state = {}


def kana_from(offset, count):
    return "".join(KANA[(offset + i) % len(KANA)] for i in range(count))


def stored_body(a):
    return a.stored_article(state["id"])[1] or ""


def reopen(a):
    """After a restart: pick the article from the list and put the cursor at the end."""
    a.open_article(TITLE)
    body = a.body_field()
    a.point_click(body)
    wait_for(lambda: body.focused, what="focus in the body")
    a.combo("<Control>End")


def test_setup_article():
    a = state["app"] = TayoriApp().start()
    state["id"] = a.new_article()
    a.type_into(a.title_field(), TITLE)
    wait_for(lambda: a.stored_article(state["id"])[0] == TITLE, timeout=10, what="the title saved")
    body = a.body_field()
    a.point_click(body)
    wait_for(lambda: body.focused, what="focus in the body")


def test_kill_while_typing():
    a = state["app"]
    rng = seeded_random("crash")
    typed_total = 0
    for iteration in range(KILLS):
        base = stored_body(a)
        kill_after = rng.uniform(1.2, 4.0)
        times = []
        start = time.monotonic()

        def on_char(i, char, at):
            times.append(at)

        # Type in small bursts so the kill lands at the chosen moment, mid-typing.
        offset = len(base)
        while time.monotonic() - start < kill_after:
            type_chars(kana_from(offset + len(times), 3), on_char)
        killed_at = time.monotonic()
        a.kill()

        typed = kana_from(offset, len(times))
        must_keep = sum(1 for t in times if t < killed_at - ALLOWED_LOSS)
        typed_total += len(times)

        a.start()
        assert a.integrity() == "ok", f"integrity_check after kill {iteration + 1}: {a.integrity()}"
        body = stored_body(a)
        log(f"kill {iteration + 1}: at {kill_after:.2f} s, typed {len(times)}, "
            f"must keep {must_keep}, kept {len(body) - len(base)}")
        assert body.startswith(base + typed[:must_keep]), (
            f"kill {iteration + 1}: lost characters typed more than {ALLOWED_LOSS} s before the kill: "
            f"stored {body[len(base):]!r}, typed {typed!r}, must keep {must_keep}")
        assert (base + typed).startswith(body), (
            f"kill {iteration + 1}: the stored body is not what was typed: {body[len(base):]!r}")
        reopen(a)
        wait_for(lambda: a.body_text() == body, what="the editor to show the stored body")
    log(f"typed {typed_total} characters over {KILLS} kills")


def test_clean_quit_keeps_everything():
    a = state["app"]
    tail = "。おわり"
    type_chars(tail)
    expected = a.body_text()
    a.quit()
    assert a.integrity() == "ok"
    assert stored_body(a) == expected and expected.endswith(tail), stored_body(a)[-20:]


if __name__ == "__main__":
    try:
        main([test_setup_article, test_kill_while_typing, test_clean_quit_keeps_everything])
    finally:
        if "app" in state:
            state["app"].kill()
