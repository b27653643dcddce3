# SPDX-License-Identifier: GPL-3.0-or-later
# The AI assist panel in the real window, through the accessibility tree. With the default
# preset (the built-in assistant, offline): the category suggestion lists three categories with
# percentages and one click sets the category, which is saved; the summary streams in and
# accepting it stores it with its provenance; the thumbnail is stored and set; the やさしい日本語
# version becomes a new article in the same translation group. With AI turned off by the
# preset the panel says so. With a fake OpenAI-compatible service allowed by the preset, the
# "what will be sent" dialog shows the masked text, and sending brings the service's summary.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tayori_gui import TayoriApp, log, main, screenshot, text_of, wait_for  # noqa: E402
import ai_gui  # noqa: E402

state = {}


def app():
    return state["app"]


def stored(key):
    return ai_gui.show(app(), state["target"])[key]


def panel_buttons(a, prefix):
    return ai_gui.named_buttons(a, prefix)


def accept(a):
    a.click("Accept", root=ai_gui.open_ai_panel(a))


def test_category_suggestion_applies_a_listed_category():
    a = state["app"] = TayoriApp()
    state["target"] = ai_gui.import_articles(a)
    a.start()
    a.open_article(ai_gui.TARGET_TITLE)
    panel = ai_gui.open_ai_panel(a)
    a.find("For This Article", root=panel)

    ai_gui.run_task(a, "Category")
    buttons = wait_for(lambda: (lambda b: b if len(b) == 3 else None)(panel_buttons(a, "Apply category")),
                       timeout=30, what="three suggested categories")
    names = [b.name for b in buttons]
    log("suggestions:", names)
    suggestions = [re.match(r"Apply category (.+) \((\d+)%\)", name) for name in names]
    assert all(suggestions), names
    percents = [label for label in a.labels(root=panel) if re.fullmatch(r"\d+%", label)]
    assert percents == [f"{m.group(2)}%" for m in suggestions], (percents, names)
    assert all(m.group(1) in ai_gui.TRAINING for m in suggestions), names
    best = suggestions[0].group(1)
    assert best == "ごみ・リサイクル/ごみの出し方", names

    buttons[0].doActionNamed("click")
    wait_for(lambda: stored("category") == best, timeout=20, what="the applied category in the store")
    wait_for(lambda: not panel_buttons(a, "Apply category"), what="the suggestions to close")
    screenshot("ai-category-applied")


def test_summary_streams_and_accepting_records_provenance():
    a = app()
    panel = ai_gui.open_ai_panel(a)
    ai_gui.run_task(a, "Summary")
    view = a.find("Proposed summary", "text", root=panel, timeout=30)
    a.button("Accept", root=panel, timeout=30)
    proposal = wait_for(lambda: text_of(view).strip(), what="a proposed summary")
    log("summary:", proposal)
    assert proposal in ai_gui.TARGET_BODY.replace("\n", "") or "ごみ" in proposal, proposal
    a.find("Proposed by the built-in assistant, on this computer", "label", root=panel)

    accept(a)
    wait_for(lambda: stored("summary") == proposal, timeout=20, what="the accepted summary in the store")
    records = wait_for(lambda: [r for r in stored("ai_provenance") if r.get("field") == "summary"],
                       timeout=20, what="the summary's provenance in the store")
    log("provenance:", records)
    assert records[0]["provider"] == "builtin", records
    wait_for(lambda: any(b.name == "AI-generated" or any(c.name == "AI-generated" for c in b.children)
                         for b in a.find_all("push button") + a.find_all("toggle button")),
             what="the AI-generated badge")


def test_thumbnail_is_stored_and_set():
    a = app()
    ai_gui.run_task(a, "Thumbnail")
    panel = ai_gui.open_ai_panel(a)
    # AdwEntryRow names its text by the row's title when it is shown
    alt = wait_for(lambda: next((n for n in a.find_all("text", root=panel)
                                 if n.name in ("Proposed alternative text", "Alternative Text")), None),
                   timeout=30, what="the proposed alternative text")
    proposed_alt = text_of(alt)
    assert proposed_alt.strip(), "the thumbnail has no alternative text"
    accept(a)
    thumbnail = wait_for(lambda: stored("thumbnail"), timeout=20, what="the thumbnail in the store")
    assert re.fullmatch(r"[0-9a-f]{64}", thumbnail), thumbnail
    media = os.path.join(a.tmp, "data", "tayori", "media")
    assert any(name.startswith(thumbnail) for name in os.listdir(media)), os.listdir(media)
    wait_for(lambda: stored("thumbnail_alt") == proposed_alt, timeout=20, what="the alternative text in the store")


def test_easy_japanese_version_is_a_linked_article():
    a = app()
    before = set(a.article_ids())
    ai_gui.run_task(a, "Easy Japanese Version")
    panel = ai_gui.open_ai_panel(a)
    view = a.find("Proposed version", "text", root=panel, timeout=30)
    assert text_of(view).strip(), "the easy version is empty"
    assert any(label.startswith("Reading level") for label in a.labels(root=panel)), a.labels(root=panel)
    screenshot("ai-easy-version")
    accept(a)
    new_ids = wait_for(lambda: set(a.article_ids()) - before, timeout=20, what="the new version in the store")
    version = ai_gui.show(a, max(new_ids))
    group = wait_for(lambda: stored("translation_group"), timeout=20, what="the original's translation group")
    assert version["language"] == "ja-easy", version["language"]
    assert version["translation_group"] == group, (version["translation_group"], group)
    assert any(r.get("field") == "body" for r in version["ai_provenance"]), version["ai_provenance"]
    a.quit()


def fresh_app():
    """A new app on a store of its own; the previous one must go first (one instance per bus)."""
    if "app" in state:
        state["app"].kill()
    state["app"] = TayoriApp()
    return state["app"]


def test_panel_says_when_ai_is_off():
    a = fresh_app()
    ai_gui.use_preset(a, "[ai]\nmode=off\n")
    ai_gui.import_articles(a)
    a.start()
    a.open_article(ai_gui.TARGET_TITLE)
    panel = ai_gui.open_ai_panel(a)
    a.find("AI Is Turned Off", root=panel)
    assert not panel_buttons(a, "Suggest:"), [b.name for b in panel_buttons(a, "Suggest:")]
    a.quit()


def test_remote_request_shows_what_is_sent():
    a = fresh_app()
    server, base = ai_gui.serve_fake_openai()
    state["server"] = server
    ai_gui.use_preset(a, f"""[ai]
mode=listed
providers=fake
hosts=127.0.0.1
text-provider=fake
personal-data=mask

[ai-endpoint:fake]
type=openai
label=Test Service
base-url={base}
model=fake-model
auth=none
""")
    a.env["TAYORI_AI_BACKOFF_SCALE"] = "0.01"
    state["target"] = ai_gui.import_articles(a)
    a.start()
    a.open_article(ai_gui.TARGET_TITLE)
    panel = ai_gui.open_ai_panel(a)
    wait_for(lambda: any(label.startswith("Text: Test Service (127.0.0.1).") for label in a.labels(root=panel)),
             what="the panel to say where text requests go")
    ai_gui.run_task(a, "Summary")

    dialog = a.dialog_with_text("Send to an AI Service?")
    payload = text_of(a.find("Text to be sent", "text", root=dialog))
    log("payload:", payload[:300])
    assert "[個人情報]" in payload, payload
    assert "090-1234-5678" not in payload, payload
    assert any("Test Service (127.0.0.1)" in label for label in a.labels(root=dialog)), a.labels(root=dialog)
    assert not ai_gui.FakeOpenAI.requests, "a request left before the user agreed"
    screenshot("ai-send-dialog")
    a.click("Send", root=dialog)

    view = a.find("Proposed summary", "text", root=panel, timeout=30)
    wait_for(lambda: text_of(view).strip() == ai_gui.FakeOpenAI.summary, timeout=30,
             what="the service's summary in the panel")
    a.find("Proposed by fake · fake-model", "label", root=panel)
    sent = ai_gui.FakeOpenAI.requests[-1]
    assert "090-1234-5678" not in str(sent["body"]), sent
    a.quit()


if __name__ == "__main__":
    try:
        main([test_category_suggestion_applies_a_listed_category,
              test_summary_streams_and_accepting_records_provenance,
              test_thumbnail_is_stored_and_set,
              test_easy_japanese_version_is_a_linked_article,
              test_panel_says_when_ai_is_off,
              test_remote_request_shows_what_is_sent])
    finally:
        if "app" in state:
            state["app"].kill()
        if "server" in state:
            state["server"].shutdown()
