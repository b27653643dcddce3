# SPDX-License-Identifier: GPL-3.0-or-later
# The everyday flow, driven through the accessibility tree as a person would: the sample
# article on first run, a new article typed in Japanese and seen in the preview's DOM, an
# image with its alternative text, a restart, search by 2 and 3+ characters, and restoring
# an older revision from the history.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tayori_gui import (TayoriApp, log, main, make_png, text_of, type_chars,  # noqa: E402
                        wait_for)

SAMPLE_TITLE = "【サンプル】令和9年4月からの保育施設等の利用申込みについて"
TITLE = "盆踊り大会のお知らせ"
BODY = "七月二十日に中央公園で盆踊り大会を開きます。"
ALT = "中央公園の会場の地図"
NEW_BODY_TAIL = "雨天中止です。"

state = {}


def app():
    return state["app"]


def test_first_run_shows_sample():
    state["app"] = TayoriApp().start()
    app().row_label(SAMPLE_TITLE, timeout=20)
    rows = app().db_rows("SELECT title FROM articles")
    assert rows == [(SAMPLE_TITLE,)], rows


def test_new_article_in_japanese_reaches_preview():
    a = app()
    state["id"] = a.new_article()
    a.type_into(a.title_field(), TITLE)
    a.type_into(a.body_field(), BODY)

    wait_for(lambda: text_of(a.title_field()) == TITLE, what="the typed title in the entry")
    assert a.body_text() == BODY, repr(a.body_text())
    probe = a.wait_probe(lambda p: p["title"] == TITLE and BODY in p["slots"].get("body", ""),
                         what="the preview DOM to show the title and body")
    assert TITLE in probe["body_text"], probe["body_text"][:300]
    wait_for(lambda: a.stored_article(state["id"]) == (TITLE, BODY), timeout=10,
             what="the autosave of title and body")


def test_image_with_alt_text():
    a = app()
    png = make_png(os.path.join(a.tmp, "kaijo-chizu.png"))
    # The image goes at the end of the body.
    a.point_click(a.body_field())
    a.combo("<Control>End")
    a.click("Image")

    chooser = a.window_named("Insert Image")
    a.combo("<Control>l")
    location = wait_for(lambda: next((n for n in a.find_all("text", root=chooser) if n.focused), None),
                        what="the location entry of the file chooser")
    type_chars(png)
    wait_for(lambda: text_of(location) == png, what="the typed path")
    a.press("Return")

    dialog = a.window_named("Describe the Image", timeout=20)
    alt_entry = a.find("Alternative Text (required)", "text", root=dialog)
    insert = a.button("Insert Image", root=dialog)
    assert not insert.sensitive, "an image cannot be inserted without alternative text"
    a.type_into(alt_entry, ALT)
    wait_for(lambda: insert.sensitive, what="Insert Image to be enabled by the alt text")
    insert.doActionNamed("click")

    probe = a.wait_probe(lambda p: ALT in p["image_alts"], what="an <img> with the alt text in the preview")
    src = probe["image_srcs"][probe["image_alts"].index(ALT)]
    assert src, probe
    wait_for(lambda: f"![{ALT}]" in (a.stored_article(state["id"]) or ("", ""))[1], timeout=10,
             what="the image Markdown in the stored body")
    assert a.body_text().startswith(BODY), a.body_text()


def search_finds(a, query, title):
    entry = a.search_entry()
    a.point_click(entry)
    a.combo("<Control>a")
    type_chars(query)
    wait_for(lambda: text_of(entry) == query, what=f"'{query}' in the search entry")
    a.row_label(title)
    wait_for(lambda: a.find_now(SAMPLE_TITLE, "label") is None,
             what=f"the sample article to be filtered out by '{query}'")


def test_restart_and_search():
    a = app()
    a.restart()
    a.row_label(TITLE, timeout=20)
    search_finds(a, TITLE[:2], TITLE)           # 2 characters: the fallback, not trigram
    search_finds(a, TITLE[:5], TITLE)           # 3+ characters: FTS5 trigram
    a.open_article(TITLE)
    assert a.body_text().startswith(BODY), a.body_text()


def test_restore_older_revision():
    a = app()
    article_id = state["id"]

    def revisions():
        return a.db_rows("SELECT count(*) FROM revisions WHERE article_id = ?", (article_id,))[0][0]

    saved = a.stored_article(article_id)
    n_saved = revisions()
    a.click("Save")
    wait_for(lambda: revisions() > n_saved, timeout=10, what="a version kept by Save")

    a.point_click(a.body_field())
    a.combo("<Control>End")
    type_chars(NEW_BODY_TAIL)
    wait_for(lambda: a.stored_article(article_id)[1].endswith(NEW_BODY_TAIL), timeout=10,
             what="the edit to be saved")
    n_before_restore = revisions()

    a.click("History")
    history = a.window_named("History")
    rows = wait_for(lambda: a.find_all("list item", root=a.find("Revisions", "list", root=history)),
                    what="the revisions in the history")
    # Newest first: the autosave of the edit, then the version kept by Save.
    row_texts = [" ".join(a.labels(root=row)) for row in rows]
    log("history rows:", row_texts)
    assert f"Saved · {TITLE}" in row_texts[1], row_texts
    a.point_click(rows[1])
    a.click("Restore This Version", root=history)

    wait_for(lambda: a.body_text() == saved[1], timeout=15, what="the body to go back")
    assert text_of(a.title_field()) == saved[0]
    wait_for(lambda: a.stored_article(article_id) == saved, timeout=10,
             what="the store to hold the restored version")
    assert revisions() > n_before_restore, "the restore is kept as a new version"
    a.quit()


if __name__ == "__main__":
    try:
        main([test_first_run_shows_sample, test_new_article_in_japanese_reaches_preview,
              test_image_with_alt_text, test_restart_and_search, test_restore_older_revision])
    finally:
        if "app" in state:
            state["app"].kill()
