# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers of the AI panel tests: categorised articles for the built-in classifier to learn
# from, an article to assist with, presets for the policy modes, the AI panel read through the
# accessibility tree, and a fake OpenAI-compatible service on localhost.
import http.server
import json
import os
import re
import subprocess
import threading

from gi.repository import Atspi

from tayori_gui import wait_for

# Three articles for each of four categories of the default preset's list.
TRAINING = {
    "ごみ・リサイクル/ごみの出し方": [
        ("燃えるごみの収集日のお知らせ", "燃えるごみは毎週月曜日と木曜日の朝8時30分までに、決められたごみ集積所に出してください。生ごみは水気を切って袋に入れてください。"),
        ("粗大ごみの出し方が変わります", "粗大ごみは電話かインターネットで申し込み、手数料券を貼って収集日の朝に出してください。ごみ集積所には出せません。"),
        ("資源ごみの分別にご協力ください", "缶・びん・ペットボトルは資源ごみです。中を洗ってから、資源ごみの収集日に透明な袋に入れて出してください。"),
    ],
    "防災・安全/避難所": [
        ("避難所の開設について", "大雨警報の発表に伴い、小学校の体育館に避難所を開設しました。避難するときは食料と水、常備薬を持参してください。"),
        ("地震に備えて避難場所を確認しましょう", "地震が起きたときに避難する場所を家族で確認しておきましょう。避難所には毛布と非常食を備蓄しています。"),
        ("台風接近に伴う避難情報", "台風の接近により、高齢者等避難を発令しました。避難所は区民センターです。早めの避難をお願いします。"),
    ],
    "子育て・教育/子育て支援": [
        ("子育て相談の日程", "保健師と保育士が子育ての悩みや離乳食の相談に応じます。乳幼児とその保護者の方はどなたでもご利用いただけます。"),
        ("一時預かり保育の利用案内", "保護者の病気や用事のときに、保育所で乳幼児を一時的にお預かりします。利用には事前の登録が必要です。"),
        ("親子で遊べる子育てひろば", "子育てひろばでは、乳幼児と保護者の方が自由に遊び、子育ての情報交換ができます。保育士が相談にも応じます。"),
    ],
    "イベント・講座/イベント": [
        ("夏まつりを開催します", "中央公園で夏まつりを開催します。盆踊りや屋台、花火大会があります。どなたでも参加できます。"),
        ("区民音楽祭の出演者を募集", "区民ホールで開く音楽祭のステージに出演する団体を募集します。コンサートは秋に開催します。"),
        ("秋のスポーツフェスティバル", "体育館と運動場でスポーツフェスティバルを開催します。ボッチャやダンスなど、家族で楽しめるイベントです。"),
    ],
}

TARGET_TITLE = "ごみの出し方の変更について"
TARGET_BODY = """来月から、燃えるごみの収集日が変わります。新しい収集日は毎週火曜日と金曜日です。ごみは朝8時30分までに集積所に出してください。

資源ごみの収集日は変わりません。缶やびんは中を洗ってから出してください。粗大ごみは電話で申し込んでください。

分からないことは、担当の山田（携帯 090-1234-5678）までお問い合わせください。
"""


def front_matter(title, body, category=None, language="ja"):
    lines = ["---", f"title: {title}", f"language: {language}", "status: draft"]
    if category:
        lines.append(f"category: {category}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body + "\n"


def cli(*args, env=None):
    result = subprocess.run([os.environ["TAYORI_CLI"], *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"tayori-cli {' '.join(args)}: {result.stderr}"
    return result.stdout


def import_articles(app):
    """The training articles and the target article into the app's store; the target's id."""
    paths = []
    n = 0
    for category, articles in TRAINING.items():
        for title, body in articles:
            n += 1
            path = os.path.join(app.tmp, f"train-{n}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(front_matter(title, body, category))
            paths.append(path)
    target = os.path.join(app.tmp, "target.md")
    with open(target, "w", encoding="utf-8") as f:
        f.write(front_matter(TARGET_TITLE, TARGET_BODY))
    paths.append(target)
    ids = [int(i) for i in re.findall(r"\d+", cli("--db", app.db_path, "import", *paths))]
    assert len(ids) == len(paths), ids
    return ids[-1]


def show(app, article_id):
    return json.loads(cli("--db", app.db_path, "show", str(article_id)))


def use_preset(app, text):
    """Writes an organisation preset for the app and points TAYORI_PRESET at it."""
    path = os.path.join(app.tmp, "preset.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    app.env["TAYORI_PRESET"] = path


# The panel, through AT-SPI

def ai_panel(app):
    return next((n for n in app.find_all(name="AI Assist") if n.roleName not in ("push button", "toggle button")),
                None)


def open_ai_panel(app):
    """Presses the AI Assist toggle unless it is pressed, and returns the panel."""
    button = app.find("AI Assist", "push button", root=app.main_window())
    if not button.getState().contains(Atspi.StateType.PRESSED):
        button.doActionNamed("click")
    return wait_for(lambda: ai_panel(app), what="the AI panel")


def named_buttons(app, prefix, root=None):
    """Buttons whose accessible name starts with @prefix (GTK 4.8 adds the label's text after
    an accessible label)."""
    return app.find_matching(lambda n: n.roleName == "push button" and n.name.startswith(prefix), root)


def run_task(app, title):
    """Clicks Suggest on the task row named @title."""
    button = wait_for(lambda: next(iter(named_buttons(app, f"Suggest: {title}")), None),
                      what=f"the Suggest button of {title}")
    wait_for(lambda: button.sensitive, what=f"Suggest: {title} to be enabled")
    button.doActionNamed("click")



# A fake OpenAI-compatible service

class FakeOpenAI(http.server.BaseHTTPRequestHandler):
    """Answers /chat/completions with a fixed summary, streamed or not, and keeps the requests."""
    requests = []
    summary = "収集日が火曜日と金曜日に変わります。"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        FakeOpenAI.requests.append({"path": self.path, "body": body})
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in (FakeOpenAI.summary[:8], FakeOpenAI.summary[8:]):
                chunk = {"id": "c1", "object": "chat.completion.chunk", "model": "fake-model",
                         "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            done = {"id": "c1", "object": "chat.completion.chunk", "model": "fake-model",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            return
        answer = {"id": "c1", "object": "chat.completion", "model": "fake-model",
                  "choices": [{"index": 0, "message": {"role": "assistant", "content": FakeOpenAI.summary},
                               "finish_reason": "stop"}],
                  "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
        data = json.dumps(answer, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve_fake_openai():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"
