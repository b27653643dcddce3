# SPDX-License-Identifier: GPL-3.0-or-later
# The SNS tab in the real window, posting to two Mastodon accounts on a loopback fake (tokens in
# a private keyring): each network's counter shows the exact count of the base text; an edited
# X version stops following the base while the others keep following it; a thumbnail without
# alt text blocks 「まとめて投稿」 with the gate's reason; one click sends to both accounts, the
# progress rows reach Posted, the fake received exactly one status per account, the history
# lists them and the same text cannot be sent twice. The Mastodon counter uses the instance's
# limit; a post scheduled for one account reaches Mastodon with scheduled_at, and a sent one
# is deleted from the history (marked Deleted, once). Emergency mode
# goes from opening the app to everything sent in a counted number of steps; a non-editor's
# notice waits for approval with its posts kept. The accounts page lists the accounts.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tayori_gui  # noqa: E402
from tayori_gui import TayoriApp, log, main, text_of, wait_for  # noqa: E402
import sns_gui  # noqa: E402

TITLE = "避難所の開設について"
BASE = "市役所からのお知らせです。"          # 13 characters: X weighs each 2
X_EXTRA = "詳細"                             # typed into the X version only
ACCOUNTS = [("city-mastodon", "大阪市マストドン"), ("ward-mastodon", "中央区マストドン")]
state = {}


def counters(app):
    """Counter labels ("26 / 280") by their limit: X 280, Bluesky 300, Mastodon 500, LINE 5000."""
    found = {}
    for label in app.labels(root=app.main_window()):
        m = re.fullmatch(r"(\d+) / (\d+)", label)
        if m and int(m.group(2)) in (280, 300, 500, 5000):
            found[int(m.group(2))] = int(m.group(1))
    return found


def editor(app, name):
    return app.find(name, "text", root=app.main_window())


def composer_pane(app):
    return app.find("Base text", "text", root=app.main_window()).parent.parent.parent.parent


def open_sns_tab(app, title):
    app.open_article(title)
    sns_gui.tab(app, "SNS", app.main_window())
    return wait_for(lambda: app.find_now("Base text", "text", root=app.main_window()), what="the SNS tab")


def start(preset=None, emergency=False, status="approved", max_characters=500):
    a = TayoriApp()
    server = sns_gui.serve_fake_mastodon(max_characters)
    sns_gui.start_keyring(a.tmp)
    sns_gui.write_accounts(a, server, ACCOUNTS, emergency=emergency)
    if preset:
        sns_gui.write_preset(a, preset)
    sns_gui.settings_file(a, 1880, 1150)
    article = sns_gui.import_article(a, TITLE, "市内の避難所を開設しました。", status)
    a.start()
    return a, server, article


def test_composer_counts_versions_alt_text_and_one_click_send():
    a, server, article = start()
    state["app"] = a
    with a:
        open_sns_tab(a, TITLE)
        sns_gui.shot("composer-empty")

        a.type_into(editor(a, "Base text"), BASE)
        got = wait_for(lambda: (lambda c: c if c.get(280) == 26 else None)(counters(a)),
                       what="the X counter to read 26 / 280")
        log("counters:", got)
        assert got == {280: 26, 300: 13, 500: 13, 5000: 13}, got

        a.type_into(editor(a, "Text for X"), X_EXTRA)
        wait_for(lambda: counters(a).get(280) == 30, what="the X version's own count")
        assert a.find_now("Edited for this network", "label", root=a.main_window()) is not None
        # The others still show the base text, and follow it when it changes
        assert text_of(editor(a, "Text for Bluesky")) == BASE
        a.type_into(editor(a, "Base text"), "！")
        wait_for(lambda: text_of(editor(a, "Text for Mastodon")) == BASE + "！",
                 what="Mastodon to follow the base text")
        assert text_of(editor(a, "Text for X")) == BASE + X_EXTRA, text_of(editor(a, "Text for X"))
        expected = [("base", BASE + "！"), ("x", BASE + X_EXTRA)]
        stored = wait_for(lambda: (lambda rows: rows if rows == expected else None)(
            a.db_rows("SELECT target, text FROM sns_versions WHERE article_id = ? ORDER BY target", (article,))),
            what="the base text and the X version in the store (the others inherit: not stored)")
        log("stored versions:", stored)

        # The thumbnail has no alt text: the gate refuses, the button is off
        send = a.button("Post to All")
        wait_for(lambda: not send.sensitive, what="Post to All to be disabled without alt text")
        reasons = wait_for(lambda: [l for l in a.labels(root=a.main_window())
                                    if ACCOUNTS[0][1] in l and "alternative text" in l],
                           what="the gate's reason naming the account and the missing alt text")
        log("gate says:", reasons)
        for network in ("X", "Bluesky", "Mastodon", "LINE"):
            a.click(network)
            sns_gui.shot(f"composer-preview-{network.lower()}", settle=1.0)

        alt = a.find("Alt Text (Required)", "text", root=a.main_window())
        sns_gui.scroll_into_view(a, alt, composer_pane(a))
        a.type_into(alt, "避難所の地図")
        wait_for(lambda: send.sensitive, what="Post to All once the alt text is there")

        a.click("Post to All")
        wait_for(lambda: len(a.find_all("label", "Posted", root=a.main_window())) >= 2 * 2, timeout=60,
                 what="both progress rows (and the history) to say Posted")
        sns_gui.scroll_into_view(a, a.find("Progress", "list", root=a.main_window()), composer_pane(a))
        sns_gui.shot("progress")
        sns_gui.scroll_into_view(a, a.find("History", "list", root=a.main_window()), composer_pane(a))
        sns_gui.shot("history")
        statuses = list(sns_gui.FakeMastodon.statuses)
        log("statuses on the fake:", statuses)
        tokens = sorted(t for t, _, _ in statuses)
        assert tokens == ["Bearer token-city-mastodon", "Bearer token-ward-mastodon"], statuses
        assert all(text.startswith(BASE + "！") for _, _, text in statuses), statuses
        jobs = a.db_rows("SELECT account, state, remote_url FROM post_jobs WHERE article_id = ?", (article,))
        log("jobs:", jobs)
        assert sorted(j[1] for j in jobs) == ["sent", "sent"], jobs
        # A second click would post the same text again: refused until the text changes
        wait_for(lambda: not send.sensitive, what="Post to All to turn off once the posts are out")
        assert any("already posted" in l for l in a.labels(root=a.main_window())), a.labels(root=a.main_window())
        a.quit()


def test_instance_limit_and_scheduled_post():
    """The Mastodon counter counts against the instance's own limit (1000 here), and a post
    scheduled for one account goes to Mastodon with scheduled_at (Mastodon publishes it then)
    while the other account's goes now; the rows say when."""
    a, server, article = start(max_characters=1000)
    with a:
        open_sns_tab(a, TITLE)
        a.type_into(editor(a, "Base text"), BASE)
        shown = wait_for(lambda: [l for l in a.labels(root=a.main_window()) if re.fullmatch(r"\d+ / 1000", l)],
                         what="the Mastodon counter to show the instance's limit")
        log("mastodon counter:", shown)
        assert shown == ["13 / 1000"], shown
        alt = a.find("Alt Text (Required)", "text", root=a.main_window())
        sns_gui.scroll_into_view(a, alt, composer_pane(a))
        a.type_into(alt, "避難所の地図")

        schedule = a.button("Schedule…")
        sns_gui.scroll_into_view(a, schedule, composer_pane(a))
        schedule.doActionNamed("click")
        dialog = a.window_named("Schedule Post")
        sns_gui.shot("schedule-dialog")
        a.click("Schedule", root=dialog)
        row_text = wait_for(lambda: [l for l in a.labels(root=a.main_window())
                                     if "Scheduled for" in l and "Japan time" in l],
                            what="the account row to show its time")
        log("account row:", row_text)
        sns_gui.shot("composer-scheduled")

        a.click("Post to All")
        wait_for(lambda: len(a.find_all("label", "Posted", root=a.main_window())) >= 2, timeout=60,
                 what="the other account's post (progress and history)")
        wait_for(lambda: [l for l in a.labels(root=a.main_window()) if l.startswith("Scheduled for")],
                 timeout=60, what="the scheduled post's row to say Scheduled for its time")
        sns_gui.scroll_into_view(a, a.find("Progress", "list", root=a.main_window()), composer_pane(a))
        sns_gui.shot("progress-scheduled")
        forms = list(sns_gui.FakeMastodon.forms)
        log("forms on the fake:", forms)
        assert len(forms) == 2, forms
        scheduled = [f for f in forms if f.get("scheduled_at")]
        assert len(scheduled) == 1, forms
        # Tomorrow 09:00 Japan time is 00:00 UTC
        assert re.match(r"\d{4}-\d\d-\d\dT00:00:00(Z|\+00(:?00)?)$", scheduled[0]["scheduled_at"]), scheduled
        jobs = a.db_rows("SELECT account, state, scheduled_at FROM post_jobs WHERE article_id = ? ORDER BY account",
                         (article,))
        log("jobs:", jobs)
        assert [j[2] is not None for j in jobs] == [True, False], jobs

        # The post that went out is deleted from the history: its row says so, once
        history = a.find("History", "list", root=a.main_window())
        delete = a.button("Delete Post", root=history)
        sns_gui.scroll_into_view(a, delete, composer_pane(a))
        delete.doActionNamed("click")
        confirm = a.window_named("Delete This Post?")
        a.click("Delete", root=confirm)
        wait_for(lambda: [l for l in a.labels(root=history) if l.startswith("Deleted (")], timeout=30,
                 what="the history row to say Deleted")
        sns_gui.shot("history-deleted")
        assert not a.find_matching(tayori_gui.button_named("Delete Post"), history)
        deleted = a.db_rows("SELECT account FROM post_jobs WHERE deleted_at IS NOT NULL AND article_id = ?",
                            (article,))
        assert deleted == [("ward-mastodon",)], deleted
        a.kill()


def test_emergency_mode_end_to_end_in_few_steps():
    preset = "[posting]\nroles=editor\n"
    a, server, _ = start(preset=preset, emergency=True)
    with a:
        steps = 0
        a.focus_main_window()
        a.combo("<Control><Shift>e")
        steps += 1
        dialog = a.window_named("Emergency Notice")
        rows = wait_for(lambda: [r for r in a.find_all("list item", root=dialog) if r.name], what="the templates")
        log("templates:", [r.name for r in rows])
        sns_gui.shot("emergency-templates")
        a.point_click(rows[0])
        steps += 1
        fields = wait_for(lambda: a.find_all("text", root=dialog), what="the template's fields")
        for i, field in enumerate(fields):
            a.type_into(field, "中央区" if i == 0 else "1")
            steps += 1
        sns_gui.shot("emergency-fields")
        a.click("Review the Notice", root=dialog)
        steps += 1
        wait_for(lambda: a.find_now("やさしい日本語", root=dialog), what="the three versions")
        sns_gui.shot("emergency-review")
        a.click("Approve and Send to All", root=dialog)
        steps += 1
        wait_for(lambda: len(a.find_all("label", "Posted", root=dialog)) == len(ACCOUNTS), timeout=60,
                 what="every emergency account to say Posted")
        sns_gui.shot("emergency-sent")
        # Opening the app is step 0; each field is one entry the person must give anyway
        bound = 4 + len(fields)
        print(f"# emergency steps: {steps} ({len(fields)} fields), bound {bound}", flush=True)
        assert steps <= bound, steps
        assert len(sns_gui.FakeMastodon.statuses) == len(ACCOUNTS), sns_gui.FakeMastodon.statuses
        assert a.db_rows("SELECT count(*) FROM articles WHERE emergency = 1")[0][0] == 3
        a.kill()


def test_emergency_by_a_non_editor_waits_for_approval():
    """Without the editor role the notice is submitted for review: the dialog says so, nothing
    is posted, and the posts wait as the notice's composer versions (its Mastodon text)."""
    a, server, _ = start(emergency=True)
    with a:
        a.focus_main_window()
        a.combo("<Control><Shift>e")
        dialog = a.window_named("Emergency Notice")
        rows = wait_for(lambda: [r for r in a.find_all("list item", root=dialog) if r.name], what="the templates")
        a.point_click(rows[0])
        fields = wait_for(lambda: a.find_all("text", root=dialog), what="the template's fields")
        for i, field in enumerate(fields):
            a.type_into(field, "中央区" if i == 0 else "1")
        a.click("Review the Notice", root=dialog)
        wait_for(lambda: a.find_now("やさしい日本語", root=dialog), what="the three versions")
        a.click("Submit for Review", root=dialog)
        said = wait_for(lambda: [l for l in a.labels(root=dialog) if "Post to All" in l and "editor" in l],
                        timeout=30, what="the dialog to say the posts wait for an editor's approval")
        log("dialog says:", said)
        sns_gui.shot("emergency-submitted")
        main = a.db_rows("SELECT id FROM articles WHERE emergency = 1 ORDER BY id LIMIT 1")[0][0]
        versions = sorted(a.db_rows("SELECT target FROM sns_versions WHERE article_id = ?", (main,)))
        log("versions kept:", versions)
        assert versions == [("mastodon",)], versions
        assert a.db_rows("SELECT count(*) FROM post_jobs")[0][0] == 0
        assert sns_gui.FakeMastodon.statuses == [], sns_gui.FakeMastodon.statuses
        a.kill()


def test_accounts_page_lists_the_accounts():
    a, server, _ = start()
    with a:
        a.focus_main_window()
        a.combo("<Control>comma")
        prefs = wait_for(lambda: next((w for w in a.windows() if w.name == "Preferences"), None),
                         what="the preferences")
        sns_gui.tab(a, "SNS Accounts", prefs)
        for _, label in ACCOUNTS:
            a.find(label, root=prefs)
        sns_gui.shot("accounts-page")
        a.kill()


if __name__ == "__main__":
    main([test_composer_counts_versions_alt_text_and_one_click_send,
          test_instance_limit_and_scheduled_post,
          test_emergency_mode_end_to_end_in_few_steps,
          test_emergency_by_a_non_editor_waits_for_approval,
          test_accounts_page_lists_the_accounts])
