# SPDX-License-Identifier: GPL-3.0-or-later
# Submit, review and return in the real window against a real WordPress (one approval level).
# The contributor's Tayori sends an article with a checks error (so an override reason is
# required) and the post is pending in WordPress; editor1's Tayori (another store and accounts
# file) lists it under "Waiting for Approval", shows the preview and the changes section, and
# returns it with a note; the contributor sees the note in the returned info bar, fixes the
# article and sends it again. A concurrent edit made through the REST API then gives the
# conflict dialog on the next send, and keeping mine wins remotely. Last, editor1 approves and
# the post is published, still one post (the schedule dialog defaults to 09:00 Japan time).
# The article's publish period ended yesterday: the expired-articles view lists it, and
# 「非公開にする」 turns the post back into a draft and empties the view. The contributor's
# sidebar has no 「承認待ち」 (the site says contributors cannot review); the review view's checks
# have no 「無視…」 buttons; after approving, 「PDFで保存」 writes the sign-off record with the
# revision hash and the approver (TAYORI_SIGNOFF_PDF skips the file chooser).
# The application is unique on the session bus: the two Tayoris take turns.
import datetime
import os
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import review_gui  # noqa: E402

review_gui.ensure_wrapped()

from tayori_gui import button_named, log, main, screenshot, text_of, wait_for  # noqa: E402
from review_gui import CmsUser, dialog_window, posts_titled, rest, wait_post_status  # noqa: E402

TITLE = "ごみの収集日が変わります"
BODY = ("来月から、燃えるごみの収集日が毎週火曜日と金曜日に変わります。\n\n"
        "分からないことは、担当の山田（携帯 090-1234-5678）までお問い合わせください。")
NOTE = "問い合わせ先は課の代表番号にしてください。"
FIX = "（修正済み）"
ENDED = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()

state = {}


def contrib():
    return state["contrib"]


def editor():
    return state["editor"]


def submit(app, expect_override):
    """「承認依頼」 from the open article; returns the dialog's texts."""
    app.click("Request Approval…")
    dialog = dialog_window(app, "Cancel")
    labels = app.labels(root=dialog)
    if expect_override:
        assert "The checks found errors:" in labels, labels
        send = app.button("Send Anyway", root=dialog)
        assert not send.sensitive, "sending despite errors needs a reason first"
        app.type_into(app.find("Reason for Sending Despite Errors", "text", root=dialog), "緊急のため")
        wait_for(lambda: send.sensitive, what="Send Anyway to be enabled by the reason")
    note = app.find("Note for the Approver", "text", root=dialog)
    app.type_into(note, "ご確認ください")
    screenshot("submit-dialog")
    app.click("Send Anyway" if expect_override else "Request Approval", root=dialog)
    return labels


def test_contrib_submits_with_override_reason():
    user = state["contrib"] = CmsUser("contrib", "TAYORI_WP_CONTRIB_PW", "city-contrib")
    user.add_account_with_cli()
    user.import_article(TITLE, BODY, publish_end=ENDED)
    a = user.app.start()
    a.open_article(TITLE)
    a.find("Not sent to the CMS yet", "label")
    submit(a, expect_override=True)
    post = wait_post_status(TITLE, "pending")
    log("pending post:", post["id"])
    wait_for(lambda: any("Waiting for approval" in n for n in a.labels()), timeout=30,
             what="the sync bar to say the article waits for approval")


def test_cms_preferences_list_the_site_and_test_it():
    a = contrib().app
    a.combo("<Control>comma")
    prefs = a.window_named("Preferences")
    a.point_click(a.find("CMS", root=prefs))
    a.find("city-contrib", "label", root=prefs)
    a.click("Test Connection to city-contrib", root=prefs)
    result = wait_for(lambda: next((n for n in a.labels(root=prefs) if n.startswith("Connected to")), None),
                      timeout=30, what="the connection test result")
    log("connection test:", result)
    assert "contrib" in result and "contributor" in result, result
    assert "Tayori plugin: installed" in result, result
    screenshot("cms-preferences")
    a.combo("Escape")
    wait_for(lambda: not any(w.name == "Preferences" for w in a.windows()), what="the preferences to close")
    # The site answered the same question at start: a contributor does not review
    a.find("Past Their Publish Period", "list item")
    assert a.find_now("Waiting for Approval", "list item") is None, "a contributor has no review queue"
    screenshot("contrib-sidebar")
    a.quit()


def open_queue_item(a):
    """Opens the article from 「承認待ち」. The queue is rebuilt when the pull started by showing
    it comes in, so the row is looked up again until the review view is there."""
    a.point_click(a.find("Waiting for Approval", "list item"))
    queue = a.find("Review Queue", "list", timeout=30)
    a.find(TITLE, "label", root=queue, timeout=60)
    screenshot("review-queue")

    def opened():
        if a.find_now("Changes Since the Last Review", "label") is not None:
            return True
        # The editor's earlier copy may need the CMS version taken first (both stay in history)
        theirs = a.find_matching(button_named("Use the CMS Version"))
        if theirs:
            log("the review copy was out of date: taking the CMS version")
            theirs[0].doActionNamed("click")
            return False
        row = a.find_now(TITLE, "label", root=queue)
        if row is not None:
            a.point_click(row)
        return False
    wait_for(opened, timeout=60, step=2, what="the review view")
    wait_for(lambda: a.find_matching(lambda n: n.roleName == "push button" and n.name == "Approve and Publish"
                                     and n.sensitive), timeout=30, what="the review actions")


def only(user):
    """The application is unique on the session bus: no other Tayori may run (a failed test
    may have left one running)."""
    for any_user in (state.get("contrib"), state.get("editor")):
        if any_user is not None:
            any_user.app.kill()
    user.app.start()
    return user.app


def test_editor_returns_with_a_note():
    user = state["editor"] = CmsUser("editor1", "TAYORI_WP_EDITOR1_PW", "city-editor")
    user.app.env["TAYORI_SIGNOFF_PDF"] = os.path.join(user.app.tmp, "signoff.pdf")
    user.add_account_with_cli()
    a = only(user)
    open_queue_item(a)
    a.find(TITLE, "label")
    diff = a.find("Changes Since the Last Review", "text")
    wait_for(lambda: text_of(diff).strip(), timeout=30, what="the changes section")
    # The phone number is a checks error: shown to the reviewer, with nothing to dismiss it
    # (the window's hidden article page has its own checks, of another article)
    finding = wait_for(lambda: next(iter(a.find_matching(
        lambda n: n.roleName == "list item" and n.name.startswith("Error:") and "090-1234-5678" in n.name)), None),
        timeout=30, what="the phone number finding in the review view")
    for label in ("Dismiss…", "Fix"):
        assert not a.find_matching(button_named(label), root=finding), f"'{label}' in the read-only review view"
    screenshot("review-view")

    a.click("Return…")
    dialog = dialog_window(a, "Return")
    assert not a.button("Return", root=dialog).sensitive, "a return needs a note"
    # Nobody approved yet: it can only go back to the writer
    assert not a.find_matching(lambda n: n.name in ("Back to the Writer", "Back to the Previous Approver"),
                               root=dialog), "no choice of whom to return to before an approval"
    a.type_into(a.find("Return Note", "text", root=dialog), NOTE)
    screenshot("return-dialog")
    a.click("Return", root=dialog)
    post = wait_post_status(TITLE, "draft")
    log("returned post:", post["id"])
    a.quit()


def test_contrib_sees_the_note_fixes_and_resubmits():
    a = only(contrib())
    a.open_article(TITLE)
    wait_for(lambda: NOTE in a.labels(), timeout=60, what="the return note in the info bar")
    screenshot("returned-info-bar")
    body = a.body_field()
    a.type_into(body, FIX)
    submit(a, expect_override=True)
    post = wait_post_status(TITLE, "pending")
    assert FIX in post["content"]["raw"], post["content"]["raw"][:400]
    a.quit()


def test_editor_approves_and_it_is_published():
    a = only(editor())
    open_queue_item(a)

    a.click("Approve and Schedule…")
    dialog = dialog_window(a, "Approve and Schedule")
    assert "Japan time" in a.labels(root=dialog), a.labels(root=dialog)
    hour = a.find("Hour", "spin button", root=dialog)
    assert hour.queryValue().currentValue == 9, "scheduling defaults to 09:00"
    screenshot("schedule-dialog")
    a.click("Cancel", root=dialog)
    wait_for(lambda: dialog not in a.windows(), what="the schedule dialog to close")

    a.click("Approve and Publish")
    post = wait_post_status(TITLE, "publish")
    assert len(posts_titled(TITLE)) == 1
    assert FIX in post["content"]["raw"] and "（再修正）" in post["content"]["raw"], post["content"]["raw"][:400]
    log("published:", post["link"])

    # The view stays on the approved article: its sign-off record as a PDF
    wait_for(lambda: any(n.startswith("Published") for n in a.labels()), timeout=30,
             what="the review view to show the published state")
    assert not a.button("Approve and Publish").sensitive, "an approved article is not approved twice"
    pdf = editor().app.env["TAYORI_SIGNOFF_PDF"]
    a.click("Save the Sign-off Record as PDF")
    wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0, timeout=60, what="the sign-off PDF")
    wait_for(lambda: "Sign-off record saved" in a.labels(), timeout=30, what="the saved toast")
    screenshot("signoff-saved")
    # Without spaces (the hash wraps), NFKC (the PDF's fonts give 日 as the Kangxi radical ⽇)
    text = unicodedata.normalize("NFKC", "".join(subprocess.run(
        ["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout.split()))
    revision = post["meta"]["tayori_revision_hash"]
    assert revision and revision in text, (revision, text[:600])
    assert "editor1" in text, text[:600]
    assert TITLE in text, text[:600]
    if os.environ.get("TAYORI_GUI_SCREENSHOTS"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", pdf,
                        os.path.join(os.environ["TAYORI_GUI_SCREENSHOTS"], "signoff-pdf")], check=False)


def test_editor_unpublishes_the_expired_article():
    a = editor().app
    a.point_click(a.find("Past Their Publish Period", "list item"))
    expired = a.find("Expired Articles", "list", timeout=30)
    a.find(TITLE, "label", root=expired, timeout=60)
    assert any(n.startswith("Publish period ended " + ENDED) for n in a.labels(root=expired)), \
        a.labels(root=expired)
    screenshot("maintenance-view")
    a.click("Unpublish Selected")
    post = wait_post_status(TITLE, "draft")
    assert len(posts_titled(TITLE)) == 1
    a.find("Nothing Past Its Publish Period", "label", timeout=60)
    screenshot("maintenance-view-empty")
    log("unpublished:", post["id"])
    a.quit()


def test_concurrent_edit_gives_the_conflict_dialog_and_keep_mine_wins():
    a = only(contrib())
    a.open_article(TITLE)
    post = posts_titled(TITLE)[0]
    rest(f"/wp/v2/posts/{post['id']}", method="POST",
         body={"content": post["content"]["raw"] + "<p>管理者の追記</p>"})
    a.type_into(a.body_field(), "（再修正）")
    a.click("Request Approval…")
    dialog = dialog_window(a, "Cancel")
    if a.find_matching(button_named("Send Anyway"), root=dialog):
        a.type_into(a.find("Reason for Sending Despite Errors", "text", root=dialog), "緊急のため")
        a.click("Send Anyway", root=dialog)
    else:
        a.click("Request Approval", root=dialog)
    conflict = dialog_window(a, "Keep My Version")
    labels = a.labels(root=conflict)
    assert "My Version" in labels and "CMS Version" in labels, labels
    screenshot("conflict-dialog")
    a.click("Keep My Version", root=conflict)
    wait_for(lambda: "（再修正）" in posts_titled(TITLE)[0]["content"]["raw"], timeout=60,
             what="my version in WordPress")
    assert len(posts_titled(TITLE)) == 1
    a.quit()


def teardown():
    for key in ("contrib", "editor"):
        if key in state:
            state[key].app.kill()


if __name__ == "__main__":
    try:
        main([test_contrib_submits_with_override_reason,
              test_cms_preferences_list_the_site_and_test_it,
              test_editor_returns_with_a_note,
              test_contrib_sees_the_note_fixes_and_resubmits,
              test_concurrent_edit_gives_the_conflict_dialog_and_keep_mine_wins,
              test_editor_approves_and_it_is_published,
              test_editor_unpublishes_the_expired_article])
    finally:
        teardown()
