# SPDX-License-Identifier: GPL-3.0-or-later
# The writing checks in the real window, through the accessibility tree: the panel lists the
# findings of an article with known problems and the badge counts them; activating a finding
# selects its span in the editor; Fix replaces it and Ctrl+Z brings it back; Dismiss… needs a
# reason, hides the finding and stores the reason; the "can be sent for review" state follows
# the errors; F7 runs the checks and opens the panel; the furigana toggle of a やさしい日本語
# article puts ruby into the preview and takes it out again; and fixing everything in the
# window gives the body `tayori-cli fix` prints.
import http.server
import json
import os
import re
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gi.repository import Atspi  # noqa: E402
from tayori_gui import TayoriApp, log, main, wait_for  # noqa: E402

state = {}

PROBLEMS_TITLE = "夏まつりのお知らせ"
# ① is a platform-dependent character (fix: (1)); こちら is vague link text; the image has
# no alternative text. The link points at the test's own server, so the link check passes.
PROBLEMS_BODY = """中央公園で夏まつりを開きます。会場は第①駐車場の隣です。

詳しくは[こちら]({base}/guide.html)をご覧ください。

![]({base}/map.png)
"""
FIXES_TITLE = "ごみの収集日が変わります。"   # the trailing 。 has a fix too: in the title entry
# Every kind of fixable problem a notice commonly has, several of them more than once.
FIXES_BODY = """①と②の地区では、収集日が変わります。㈱タヨリ清掃が収集します。

ｶﾝ・ﾋﾞﾝは毎週水曜日、ＰＥＴボトルは第２・第４木曜日です。

お問い合わせは環境課（電話 06-0000-0000）までご連絡下さい。幅は３０㎝までです。
"""
# A やさしい日本語 article: its preview header has the furigana toggle. 住之江 is read すみのえ
# through the place-name dictionary (MeCab alone reads it wrongly).
EASY_TITLE = "住之江区役所の窓口"
EASY_BODY = "住之江区役所で相談できます。\n"
EASY_RUBY = "<ruby>住之江<rt>すみのえ</rt></ruby>"
REASON = "施設の正式名称のため変更できません"
AUTHOR = "山田 花子"


def front_matter(title, body, language="ja"):
    return (f"---\ntitle: {title}\nsummary: テスト用の記事です。\nlanguage: {language}\nstatus: draft\n"
            f"publish_start: 2026-06-01\n---\n\n{body}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """A local web server for the article's links, so the link check has an answer offline."""
    with open(os.path.join(directory, "guide.html"), "w", encoding="utf-8") as f:
        f.write("<!doctype html><title>案内</title><p>案内</p>")
    with open(os.path.join(directory, "map.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a, **k: QuietHandler(*a, directory=directory, **k))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def cli(*args):
    result = subprocess.run([os.environ["TAYORI_CLI"], *args], capture_output=True, text=True)
    assert result.returncode == 0, f"tayori-cli {' '.join(args)}: {result.stderr}"
    return result.stdout


def split_front_matter(text):
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert match, text[:300]
    return match.group(1), match.group(2).lstrip("\n")


def app():
    return state["app"]


# The panel, read through AT-SPI

def checks_button(a):
    """GTK 4.8 shows a toggle button as a push button that is pressed or not."""
    return a.find_matching(lambda n: n.roleName == "push button" and n.name.startswith("Checks"))[0]


def badge_counts(a):
    """(errors, warnings) from the checks button's accessible name, e.g. "Checks: 2 errors, 3 warnings"."""
    name = checks_button(a).name
    match = re.match(r"Checks: (\d+) errors?, (\d+) warnings?", name)
    assert match, name
    return int(match.group(1)), int(match.group(2))


def finding_rows(a):
    """The rows of the checks panel, by accessible name ("Error: message (place)")."""
    panel = a.find("Writing Checks")
    return [row for row in a.find_all("list item", root=panel)
            if row.name.split(":", 1)[0] in ("Error", "Warning", "Notice")]


def row_with(a, fragment, timeout=15.0):
    return wait_for(lambda: next((r for r in finding_rows(a) if fragment in r.name), None),
                    timeout=timeout, what=f"a finding about '{fragment}'")


def submit_state(a):
    panel = a.find("Writing Checks")
    labels = [label.name for label in a.find_all("label", root=panel)]
    return next((text for text in labels if "sent for review" in text or text == "Not checked yet"), None)


def pressed(node):
    return node.getState().contains(Atspi.StateType.PRESSED)


def open_panel(a):
    button = wait_for(lambda: checks_button(a), what="the checks button")
    if not pressed(button):
        button.doActionNamed("click")
    wait_for(lambda: a.find_now("Writing Checks") is not None, what="the checks panel")


def editor_selection(a):
    text = a.body_field().queryText()
    wait_for(lambda: text.getNSelections() > 0, what="a selection in the body editor")
    start, end = text.getSelection(0)
    return text.getText(start, end)


def stored_dismissals(a, article_id):
    value = a.db_rows("SELECT dismissals FROM articles WHERE id = ?", (article_id,))[0][0]
    return json.loads(value) if value else []


# Tests

def test_panel_lists_findings():
    a = state["app"] = TayoriApp()
    server_dir = os.path.join(a.tmp, "web")
    os.makedirs(server_dir)
    server, base = serve(server_dir)
    state["server"], state["base"] = server, base
    paths = []
    for name, title, body, language in (("problems.md", PROBLEMS_TITLE, PROBLEMS_BODY.format(base=base), "ja"),
                                        ("fixes.md", FIXES_TITLE, FIXES_BODY, "ja"),
                                        ("easy.md", EASY_TITLE, EASY_BODY, "ja-easy")):
        path = os.path.join(a.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(front_matter(title, body, language))
        paths.append(path)
    state["fixes_file"] = paths[1]
    ids = [int(i) for i in re.findall(r"\d+", cli("--db", a.db_path, "import", *paths))]
    state["problems_id"], state["fixes_id"] = ids[:2]

    # Dismissals record who gave the reason: the author name from the preferences
    subprocess.run(["gsettings", "set", "io.github.tayori.Tayori", "author-name", AUTHOR], env=a.env, check=True)
    a.start()
    a.open_article(PROBLEMS_TITLE)
    open_panel(a)
    row_with(a, "“①”")
    row_with(a, "“こちら”")
    rows = wait_for(lambda: finding_rows(a) if len(finding_rows(a)) >= 3 else None,
                    what="at least three findings")
    log("findings:", [r.name for r in rows])
    assert row_with(a, "“①”").name.startswith("Error:"), row_with(a, "“①”").name

    def counts_match():
        names = [r.name for r in finding_rows(a)]
        errors = sum(n.startswith("Error:") for n in names)
        warnings = sum(n.startswith("Warning:") for n in names)
        return badge_counts(a) == (errors, warnings)
    wait_for(counts_match, what="the badge to count the listed errors and warnings")
    assert badge_counts(a)[0] >= 1
    assert submit_state(a).startswith("Cannot be sent for review"), submit_state(a)


def test_activating_a_finding_selects_its_span():
    a = app()
    a.point_click(row_with(a, "“①”"))
    wait_for(lambda: editor_selection(a) == "①", what="① selected in the editor")
    # The vague link text finding covers the whole link
    a.point_click(row_with(a, "“こちら”"))
    wait_for(lambda: editor_selection(a) == f"[こちら]({state['base']}/guide.html)",
             what="the こちら link selected in the editor")


def test_fix_and_undo():
    a = app()
    article_id = state["problems_id"]
    row = row_with(a, "“①”")
    a.click("Fix", root=row)
    wait_for(lambda: "第(1)駐車場" in a.body_text(), what="① replaced by (1) in the editor")
    assert "①" not in a.body_text()
    wait_for(lambda: "第(1)駐車場" in a.stored_article(article_id)[1], timeout=10,
             what="the fix in the store")
    wait_for(lambda: not any("“①”" in r.name for r in finding_rows(a)), what="the ① finding to go")

    a.point_click(a.body_field())
    a.combo("<Control>z")
    wait_for(lambda: "第①駐車場" in a.body_text(), what="Ctrl+Z to bring ① back")
    wait_for(lambda: "第①駐車場" in a.stored_article(article_id)[1], timeout=10,
             what="the undone fix in the store")
    row_with(a, "“①”")


def test_dismiss_needs_a_reason_and_is_stored():
    a = app()
    article_id = state["problems_id"]
    row = row_with(a, "“①”")
    a.click("Dismiss…", root=row)
    dialog = a.dialog_with_text("Dismiss This Finding?")
    dismiss = a.button("Dismiss", root=dialog)
    assert not dismiss.sensitive, "a finding cannot be dismissed without a reason"
    reason = a.find("Reason", "text", root=dialog)
    a.type_into(reason, REASON)
    wait_for(lambda: dismiss.sensitive, what="Dismiss to be enabled by the reason")
    dismiss.doActionNamed("click")

    wait_for(lambda: not any("“①”" in r.name for r in finding_rows(a)), what="the dismissed finding to go")
    dismissals = wait_for(lambda: stored_dismissals(a, article_id), timeout=10,
                          what="the dismissal in the stored article")
    assert len(dismissals) == 1, dismissals
    assert (dismissals[0]["field"], dismissals[0]["span"], dismissals[0]["reason"], dismissals[0]["author"]) == \
        ("body", "①", REASON, AUTHOR), dismissals
    assert dismissals[0]["rule"] and dismissals[0]["time"], dismissals


def test_can_submit_follows_errors():
    """Errors without a fix are dismissed one by one; then nothing stops a review."""
    a = app()
    for _ in range(20):
        errors = [r for r in finding_rows(a) if r.name.startswith("Error:")]
        if not errors:
            break
        before = errors[0].name
        a.click("Dismiss…", root=errors[0])
        dialog = a.dialog_with_text("Dismiss This Finding?")
        a.type_into(a.find("Reason", "text", root=dialog), REASON)
        a.click("Dismiss", root=dialog)
        wait_for(lambda: all(r.name != before for r in finding_rows(a)), what=f"'{before}' to go")
    wait_for(lambda: submit_state(a) == "Ready to be sent for review", what="the article to be ready for review")
    assert badge_counts(a)[0] == 0


def test_f7_runs_checks_and_opens_the_panel():
    """The checks button is bound to the panel's flap (AT-SPI keeps reporting the folded panel
    as visible), so its pressed state says whether the panel is open."""
    a = app()
    checks_button(a).doActionNamed("click")
    wait_for(lambda: not pressed(checks_button(a)), what="the checks panel to close")
    a.point_click(a.body_field())
    a.press("F7")
    wait_for(lambda: pressed(checks_button(a)), what="F7 to open the checks panel")
    a.find("Writing Checks")
    wait_for(lambda: submit_state(a) == "Ready to be sent for review", what="the report in the panel opened by F7")


def preview_of_easy_article(a, ruby):
    """Waits for the preview of the easy article with ruby (ruby=True) or without any."""
    def shows(p):
        if ruby:
            return EASY_RUBY in p.get("ruby", [])
        return p["slots"].get("body") == EASY_BODY.strip() and p.get("ruby") == []
    return a.wait_probe(shows, what=f"the easy article's preview {'with' if ruby else 'without'} ruby")


def test_furigana_toggle_puts_ruby_in_the_preview():
    a = app()
    a.open_article(EASY_TITLE)
    preview_of_easy_article(a, ruby=False)

    furigana = a.button("Furigana")
    assert not pressed(furigana)
    furigana.doActionNamed("click")
    wait_for(lambda: pressed(furigana), what="Furigana to be on")
    probe = preview_of_easy_article(a, ruby=True)
    log("ruby:", probe["ruby"])
    assert all(r.startswith("<ruby>") and "<rt>" in r for r in probe["ruby"]), probe["ruby"]

    furigana.doActionNamed("click")
    wait_for(lambda: not pressed(furigana), what="Furigana to be off")
    preview_of_easy_article(a, ruby=False)
    # Ruby lives in the preview only: the writer's text is untouched
    assert a.body_text().strip() == EASY_BODY.strip(), a.body_text()


def fix_buttons(a):
    return [b for row in finding_rows(a) for b in a.find_all("push button", root=row)
            if b.name == "Fix" or any(c.name == "Fix" for c in b.children)]


def front_matter_title(header):
    return re.search(r"^title: (.*)$", header, re.M).group(1)


def test_gui_fixes_equal_cli_fixes():
    a = app()
    fixed_by_cli = cli("fix", state["fixes_file"])
    cli_header, cli_body = split_front_matter(fixed_by_cli)

    a.open_article(FIXES_TITLE)
    wait_for(lambda: fix_buttons(a), what="findings with a fix")
    assert submit_state(a).startswith("Cannot be sent for review"), submit_state(a)
    for _ in range(100):
        buttons = fix_buttons(a)
        if not buttons:
            break
        names_before = sorted(r.name for r in finding_rows(a))
        buttons[0].doActionNamed("click")
        wait_for(lambda: sorted(r.name for r in finding_rows(a)) != names_before,
                 what="the checks to run again after the fix")
    assert not fix_buttons(a), [r.name for r in finding_rows(a)]
    # Every error of this article had a fix
    wait_for(lambda: submit_state(a) == "Ready to be sent for review", what="the fixed article to be ready for review")

    body = a.body_text()
    wait_for(lambda: a.stored_article(state["fixes_id"])[1] == body, timeout=10, what="the fixed body in the store")
    title, _ = a.stored_article(state["fixes_id"])
    _, gui_body = split_front_matter(cli("--db", a.db_path, "export", str(state["fixes_id"])))
    log("CLI:", front_matter_title(cli_header), cli_body)
    log("GUI:", title, gui_body)
    assert title == front_matter_title(cli_header) == FIXES_TITLE.rstrip("。"), title
    assert gui_body.rstrip("\n") == cli_body.rstrip("\n")
    assert "①" not in gui_body and "ｶﾝ" not in gui_body and "ＰＥＴ" not in gui_body, gui_body
    a.quit()


if __name__ == "__main__":
    try:
        main([test_panel_lists_findings, test_activating_a_finding_selects_its_span, test_fix_and_undo,
              test_dismiss_needs_a_reason_and_is_stored, test_can_submit_follows_errors,
              test_f7_runs_checks_and_opens_the_panel, test_furigana_toggle_puts_ruby_in_the_preview,
              test_gui_fixes_equal_cli_fixes])
    finally:
        if "app" in state:
            state["app"].kill()
        if "server" in state:
            state["server"].shutdown()
