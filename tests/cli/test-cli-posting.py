#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tayori-cli's posting commands: count (numbers worked out here from each network's rules,
# never by our counter), qr (decoded back with zbarimg; SVG through rsvg-convert; the print
# block's PDF read with pdftotext), post and jobs (the gate's refusals, scheduled jobs),
# audit export and the emergency templates.

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_util  # noqa: E402

CLI, FIXTURES = cli_util.parse_args('test-cli-posting.py TAYORI-CLI FIXTURES-DIR')

PRESET = '''[channel:city-x]
type=x
url=https://api.x.com
user=city
label=市X
[channel:ward-x]
type=x
url=https://api.x.com
user=ward
posters=someone-else
'''

ARTICLE = '''---
title: 夏祭りのお知らせ
summary: 8月1日に中央公園で夏祭りを開きます。
category: イベント・講座/イベント
status: {status}
contact:
  section: 市民協働課
  phone: 06-6208-0000
---
夏祭りを開きます。
'''


def utf16_units(text):
    return len(text.encode('utf-16-le')) // 2


class CliTestCase(cli_util.TempDirTestCase):
    def run_cli(self, *args, stdin=None):
        return subprocess.run([CLI, *args], input=stdin, capture_output=True, env=self.env,
                              cwd=self.tmp, timeout=120)

    def run_ok(self, *args, stdin=None):
        result = self.run_cli(*args, stdin=stdin)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result.stdout.decode()


class CountTest(CliTestCase):
    def count(self, network, text, *extra):
        out = self.run_ok('count', '--channel', network, *extra, stdin=text.encode())
        return json.loads(out)

    def assert_counts(self, text, x, bluesky, mastodon, line):
        for network, expected in (('x', x), ('bluesky', bluesky), ('mastodon', mastodon),
                                  ('line', line)):
            self.assertEqual(self.count(network, text)['length'], expected, (network, text))

    def test_exact_output(self):
        out = self.run_ok('count', '--channel', 'x', stdin='夏祭りは8月1日です。詳しくは市のページで'.encode())
        # 19 CJK characters and punctuation weigh 2 each, "8" and "1" weigh 1.
        self.assertEqual(out, '{"channel": "x", "length": 40, "max": 280, "valid": true}\n')

    def test_japanese(self):
        text = 'こんにちは世界'
        self.assert_counts(text, x=14, bluesky=7, mastodon=7, line=7)

    def test_emoji_zwj_sequence(self):
        family = '\U0001F468\u200D\U0001F469\u200D\U0001F467'
        # One emoji: X weighs it 2, Bluesky and Mastodon see one grapheme, LINE counts
        # three surrogate pairs and two joiners.
        self.assertEqual(utf16_units(family), 8)
        self.assert_counts(family, x=2, bluesky=1, mastodon=1, line=8)

    def test_flag(self):
        flag = '\U0001F1EF\U0001F1F5'
        self.assert_counts(flag, x=2, bluesky=1, mastodon=1, line=4)

    def test_urls(self):
        url = 'https://www.city.osaka.lg.jp/kita/page/0000123456.html'
        text = f'詳しくは {url} をご覧ください'
        # X and Mastodon count any URL as 23; Bluesky and LINE count its characters.
        self.assert_counts(text, x=4 * 2 + 1 + 23 + 1 + 7 * 2, bluesky=4 + 1 + len(url) + 1 + 7,
                           mastodon=4 + 1 + 23 + 1 + 7, line=4 + 1 + len(url) + 1 + 7)

    def test_nfc_and_nfd(self):
        nfd = unicodedata.normalize('NFD', 'がぎ')
        self.assertEqual(len(nfd), 4)
        # X counts after NFC (two kana, weight 2 each); Bluesky and Mastodon count graphemes;
        # LINE counts the UTF-16 units as they are sent.
        self.assert_counts(nfd, x=4, bluesky=2, mastodon=2, line=4)
        self.assert_counts(unicodedata.normalize('NFC', nfd), x=4, bluesky=2, mastodon=2, line=2)

    def test_limits(self):
        cases = [
            ('x', 'あ' * 140, 280, True), ('x', 'あ' * 140 + 'a', 281, False),
            ('x', 'a' * 280, 280, True), ('x', 'a' * 281, 281, False),
            ('bluesky', 'あ' * 300, 300, True), ('bluesky', 'あ' * 301, 301, False),
            ('mastodon', 'a' * 500, 500, True), ('mastodon', 'a' * 501, 501, False),
            ('line', 'a' * 5000, 5000, True), ('line', 'a' * 5001, 5001, False),
            ('line', '\U0001F600' * 2500, 5000, True), ('line', '\U0001F600' * 2500 + 'a', 5001, False),
        ]
        for network, text, length, valid in cases:
            result = self.count(network, text)
            self.assertEqual((result['length'], result['valid']), (length, valid), network)

    def test_max_option(self):
        result = self.count('mastodon', 'a' * 600, '--max', '1000')
        self.assertEqual((result['max'], result['valid']), (1000, True))

    def test_bad_channel(self):
        result = self.run_cli('count', '--channel', 'myspace', stdin=b'x')
        self.assertEqual(result.returncode, 2)


class QrTest(CliTestCase):
    def decode(self, png):
        result = subprocess.run(['zbarimg', '--raw', '-q', png], capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result.stdout.decode().rstrip('\n')

    def test_png(self):
        for url in ('https://www.city.osaka.lg.jp/kita/page/0000123456.html',
                    'https://www.city.osaka.lg.jp/お知らせ/夏祭り.html'):
            png = os.path.join(self.tmp, 'qr.png')
            self.run_ok('qr', url, '-o', png)
            self.assertEqual(self.decode(png), url)

    def test_svg(self):
        url = 'https://www.city.osaka.lg.jp/お知らせ/夏祭り.html'
        svg = os.path.join(self.tmp, 'qr.svg')
        png = os.path.join(self.tmp, 'from-svg.png')
        self.run_ok('qr', url, '-o', svg)
        subprocess.run(['rsvg-convert', '-w', '400', svg, '-o', png], check=True, timeout=60)
        self.assertEqual(self.decode(png), url)

    def test_wrong_extension(self):
        self.assertEqual(self.run_cli('qr', 'https://example.jp/', '-o', 'x.pdf').returncode, 2)

    def test_print_block(self):
        path = self.write_temp('a.md', ARTICLE.format(status='published').encode())
        article_id = json.loads(self.run_ok('import', path))[0]
        url = 'https://www.city.osaka.lg.jp/matsuri.html'
        pdf = os.path.join(self.tmp, 'block.pdf')
        svg = os.path.join(self.tmp, 'block.svg')
        png = os.path.join(self.tmp, 'block.png')
        self.run_ok('qr', '--block', str(article_id), url, '-o', pdf)
        text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, check=True,
                              timeout=60).stdout.decode()
        for expected in ('夏祭りのお知らせ', '中央公園', url, '市民協働課'):
            self.assertIn(expected, text.replace('\n', ''))
        self.run_ok('qr', '--block', str(article_id), url, '-o', svg)
        subprocess.run(['rsvg-convert', '-z', '4', svg, '-o', png], check=True, timeout=60)
        self.assertEqual(self.decode(png), url)


class PostTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.preset = self.write_temp('preset.conf', PRESET.encode())

    def import_article(self, status):
        path = self.write_temp(f'{status}.md', ARTICLE.format(status=status).encode())
        return str(json.loads(self.run_ok('import', path))[0])

    def test_refuses_not_approved(self):
        article_id = self.import_article('draft')
        result = self.run_cli('post', article_id, '--accounts', 'city-x', '--preset', self.preset)
        self.assertEqual(result.returncode, 1)
        self.assertIn('approved', result.stderr.decode())
        self.assertEqual(json.loads(self.run_ok('jobs')), [])

    def test_refuses_account_not_allowed(self):
        article_id = self.import_article('approved')
        result = self.run_cli('post', article_id, '--accounts', 'ward-x', '--preset', self.preset)
        self.assertEqual(result.returncode, 1)
        self.assertIn('ward-x', result.stderr.decode())

    def test_scheduled_job_and_audit(self):
        article_id = self.import_article('approved')
        jobs = json.loads(self.run_ok('post', article_id, '--accounts', 'city-x',
                                      '--at', '2099-04-01T09:00:00+09:00',
                                      '--preset', self.preset))
        self.assertEqual(len(jobs), 1)
        job = jobs[0]
        self.assertEqual((job['account'], job['network'], job['state']), ('city-x', 'x', 'pending'))
        self.assertEqual(job['scheduled_at'][:19], '2099-04-01T00:00:00')
        self.assertIn('夏祭り', job['text'])
        self.assertEqual(len(job['idempotency_key']), 36)

        listed = json.loads(self.run_ok('jobs', '--article', article_id))
        self.assertEqual([j['id'] for j in listed], [job['id']])
        self.assertEqual(json.loads(self.run_ok('jobs', '--state', 'sent')), [])

        out = os.path.join(self.tmp, 'audit.csv')
        self.run_ok('audit', 'export', '-o', out)
        with open(out, 'rb') as f:
            data = f.read()
        self.assertTrue(data.startswith(b'\xef\xbb\xbf'))
        rows = list(csv.reader(io.StringIO(data[3:].decode())))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][2], 'post-requested')
        self.assertEqual(rows[1][3], article_id)
        self.assertEqual(rows[1][4], 'city-x')


class EmergencyTest(CliTestCase):
    VALUES = {
        'evacuation': {'area': '北区大淀地区', 'level': '避難指示', 'reason': '大雨',
                       'time': '7月3日14時', 'shelter': '大淀小学校', 'contact': '北区役所 06-6313-0000'},
        'water-outage': {'area': '都島区', 'reason': '水道管の破損', 'start': '5日9時',
                         'end': '5日18時', 'station': '都島公園', 'contact': '水道局'},
        'school-closure': {'school': '中央小学校', 'date': '9月2日', 'reason': '暴風警報',
                           'resume': '9月3日', 'contact': '教育委員会'},
        'traffic': {'route': '市営バス62系統', 'section': '大阪駅前〜住吉', 'status': '運休',
                    'reason': '倒木', 'time': '10時', 'alternative': '地下鉄御堂筋線',
                    'contact': '交通局'},
    }

    def test_list(self):
        templates = json.loads(self.run_ok('emergency', 'list'))
        self.assertEqual(sorted(t['id'] for t in templates), sorted(self.VALUES))
        for template in templates:
            self.assertEqual(sorted(f['name'] for f in template['fields']),
                             sorted(self.VALUES[template['id']]))

    def test_create_every_template(self):
        for template, values in self.VALUES.items():
            args = [f'--field={k}={v}' for k, v in values.items()]
            ids = json.loads(self.run_ok('emergency', 'create', template, *args))
            self.assertEqual(len(ids), 3)
            articles = [json.loads(self.run_ok('show', str(i))) for i in ids]
            self.assertEqual([a['language'] for a in articles], ['ja', 'ja-easy', 'en'])
            groups = {a['translation_group'] for a in articles}
            self.assertEqual(len(groups), 1)
            self.assertNotIn(None, groups)
            for article in articles:
                self.assertTrue(article['emergency'])
                for field in ('title', 'summary', 'body'):
                    self.assertNotIn('{', article[field], (template, field))
                    self.assertNotIn('}', article[field], (template, field))
            # Every field shows in the Japanese body.
            for value in values.values():
                self.assertIn(value, articles[0]['body'] + articles[0]['title'])

    def test_missing_fields_named(self):
        result = self.run_cli('emergency', 'create', 'evacuation', '--field=area=北区')
        self.assertEqual(result.returncode, 1)
        message = result.stderr.decode()
        for missing in ('level', 'reason', 'time', 'shelter', 'contact'):
            self.assertIn(missing, message)
        self.assertNotIn('area', message.split(':', 2)[-1])


if __name__ == '__main__':
    for tool in ('zbarimg', 'rsvg-convert', 'pdftotext'):
        if shutil.which(tool) is None:
            sys.exit(f'{tool} is needed (zbar-tools, librsvg2-bin, poppler-utils)')
    cli_util.run_tests(sys.modules[__name__])
