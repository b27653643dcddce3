# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the AI commands of the real tayori-cli offline: suggest-category learning from a
# temporary store (ranked, scored, only configured categories, or the store's own when the
# preset lists none), summarize within --max-chars, thumbnail writing a 1200x630 PNG with alt
# text, and the refusals: a --provider the policy forbids, AI turned off, wrong usage.
# Usage: test-cli-ai.py PATH/TO/tayori-cli FIXTURES_DIR

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

CLI = None
FIXTURES = None

# Categorised notices the built-in classifier learns from.
TRAINING = {
    'ごみ・リサイクル': [
        ('粗大ごみの申し込み', '粗大ごみは収集日の3日前までに申し込んでください。手数料券を貼って出します。'),
        ('資源ごみの分け方', 'びん、缶、ペットボトルは資源ごみです。洗ってから収集日の朝に出してください。'),
        ('ごみ収集日の変更', '年末年始はごみの収集日が変わります。普通ごみと資源ごみの収集日を確かめてください。'),
    ],
    '防災・安全': [
        ('避難所の開設', '大雨のときは避難所を開設します。近くの避難所と避難の経路を確かめてください。'),
        ('地震への備え', '地震に備えて、水と食料を3日分用意しましょう。家具の固定も大切です。'),
        ('防災訓練のお知らせ', '地域の防災訓練を行います。消火器の使い方や避難の方法を練習します。'),
    ],
    '子育て・教育': [
        ('保育所の入所申し込み', '保育所の入所を希望する保護者は、申込書を区役所に出してください。'),
        ('子育て相談', '子育ての悩みを保健師に相談できます。乳幼児の健診もあります。'),
        ('児童手当の手続き', '子どもが生まれたら児童手当の手続きをしてください。15日以内に申請します。'),
    ],
}
CATEGORIES = list(TRAINING)
# A category no preset lists, learnt from a notice much like the query.
STORE_ONLY = ('収集・独自分類', '粗大ごみの手数料券',
              '粗大ごみを出すときは手数料券を買って貼り、申し込みをした収集日の朝に出します。')
QUERY = ('粗大ごみの出し方', '粗大ごみを出すときは、申し込みをして手数料券を買い、'
         '収集日の朝に出してください。資源ごみとは収集日が違います。')
LONG_BODY = ('令和8年4月から、粗大ごみの収集の申し込み方法が変わります。\n\n'
             'これまでは電話だけで受け付けていましたが、インターネットでも申し込めるようになります。'
             '申し込みは収集日の3日前までにしてください。\n\n'
             '手数料は品目ごとに決まっています。手数料券をコンビニエンスストアで買い、'
             '粗大ごみに貼って出してください。\n\n'
             'わからないことがあれば、区役所の環境担当にお問い合わせください。\n')


def article(title, category, body):
    category_line = f'category: {category}\n' if category else ''
    return f'---\ntitle: {title}\n{category_line}ward: 北区\n---\n{body}\n'


class CliAiTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='tayori-cli-ai-test-')
        self.db = os.path.join(self.tmp, 'store.db')
        self.data = os.path.join(self.tmp, 'data')
        self.env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='',
                        HOME=self.tmp, XDG_DATA_HOME=self.data,
                        XDG_CONFIG_HOME=os.path.join(self.tmp, 'config'))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path

    def preset(self, categories=CATEGORIES, ai='mode=builtin'):
        return self.write('preset.conf',
                          f'[lists]\ncategories={";".join(categories)}\n\n[ai]\n{ai}\n'
                          '\n[ai-endpoint:cloud]\ntype=openai\nbase-url=https://ai.example.com/v1\n'
                          'model=gpt-test\n')

    def run_cli(self, *args):
        argv = [CLI, '--db', self.db] + list(args)
        return subprocess.run(argv, capture_output=True, env=self.env, timeout=120)

    def run_json(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, f'{args}: {result.stderr.decode(errors="replace")}')
        return json.loads(result.stdout.decode('utf-8'))

    def import_training(self, store_only=True):
        paths = []
        if store_only:
            paths.append(self.write('store-only.md', article(STORE_ONLY[1], STORE_ONLY[0],
                                                             STORE_ONLY[2])))
        for category, notices in TRAINING.items():
            for i, (title, body) in enumerate(notices):
                name = f'train-{CATEGORIES.index(category)}-{i}.md'
                paths.append(self.write(name, article(title, category, body)))
        self.run_json('import', *paths)

    def query(self):
        return self.write('query.md', article(QUERY[0], None, QUERY[1]))


class SuggestCategoryTests(CliAiTestCase):
    def assert_ranked(self, suggestions):
        scores = [s['score'] for s in suggestions]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for s in suggestions:
            self.assertEqual(set(s), {'category', 'score'})
            self.assertGreaterEqual(s['score'], 0.0)
            self.assertLessEqual(s['score'], 1.0)

    def test_ranked_from_the_configured_list(self):
        self.import_training()
        out = self.run_json('suggest-category', '--preset', self.preset(), self.query())
        suggestions = out['suggestions']
        self.assertGreaterEqual(len(suggestions), 1)
        self.assertLessEqual(len(suggestions), 3)
        self.assert_ranked(suggestions)
        self.assertEqual(suggestions[0]['category'], 'ごみ・リサイクル')
        self.assertNotIn(STORE_ONLY[0], [s['category'] for s in suggestions])
        self.assertEqual(out['provider'], 'builtin')
        self.assertFalse(out['fell_back'])

    def test_only_configured_categories(self):
        self.import_training()
        allowed = ['防災・安全', '子育て・教育']
        out = self.run_json('suggest-category', '--preset', self.preset(categories=allowed),
                            self.query())
        self.assertGreaterEqual(len(out['suggestions']), 1)
        for s in out['suggestions']:
            self.assertIn(s['category'], allowed)

    def test_store_categories_without_a_list(self):
        self.import_training()
        self.run_json('import', os.path.join(FIXTURES, 'bousai.md'))
        out = self.run_json('suggest-category', '--preset', self.preset(categories=[]),
                            self.query())
        stored = set(CATEGORIES) | {STORE_ONLY[0], '防災・安全/避難所'}
        found = [s['category'] for s in out['suggestions']]
        self.assertGreaterEqual(len(found), 2)
        self.assert_ranked(out['suggestions'])
        self.assertTrue(set(found) <= stored, found)
        self.assertIn(STORE_ONLY[0], found)

    def test_nothing_learnt(self):
        out = self.run_json('suggest-category', '--preset', self.preset(), self.query())
        self.assertEqual(out['suggestions'], [])
        self.assertTrue(out['message'])

    def test_usage_is_logged(self):
        self.import_training()
        self.run_json('suggest-category', '--preset', self.preset(), self.query())
        self.assertTrue(os.path.exists(os.path.join(self.data, 'tayori', 'ai-usage.db')))


class SummarizeTests(CliAiTestCase):
    def test_within_max_chars(self):
        path = self.write('long.md', article('粗大ごみの出し方が変わります', 'ごみ・リサイクル',
                                             LONG_BODY))
        out = self.run_json('summarize', '--preset', self.preset(), '--max-chars', '60', path)
        self.assertTrue(out['summary'])
        self.assertLessEqual(len(out['summary']), 60)
        self.assertEqual(out['characters'], len(out['summary']))
        self.assertTrue(out['summary'].endswith('。'))
        self.assertEqual(out['provider'], 'builtin')

    def test_negative_max_chars_is_usage_error(self):
        result = self.run_cli('summarize', '--max-chars', '-3', self.query())
        self.assertEqual(result.returncode, 2)


class ThumbnailTests(CliAiTestCase):
    def test_writes_png_and_alt(self):
        out_png = os.path.join(self.tmp, 'card.png')
        out = self.run_json('thumbnail', '--preset', self.preset(), self.query(), '-o', out_png)
        with open(out_png, 'rb') as f:
            data = f.read()
        self.assertEqual(data[:8], b'\x89PNG\r\n\x1a\n')
        self.assertEqual(data[12:16], b'IHDR')
        width, height = struct.unpack('>II', data[16:24])
        self.assertEqual((width, height), (1200, 630))
        self.assertEqual((out['width'], out['height']), (1200, 630))
        self.assertEqual(out['output'], out_png)
        self.assertTrue(out['alt'])

    def test_output_is_required(self):
        result = self.run_cli('thumbnail', self.query())
        self.assertEqual(result.returncode, 2)
        self.assertIn(b'-o', result.stderr)


class PolicyTests(CliAiTestCase):
    def test_forbidden_provider(self):
        result = self.run_cli('summarize', '--preset', self.preset(ai='mode=builtin'),
                              '--provider', 'cloud', self.query())
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b'')
        self.assertTrue(result.stderr.startswith(b'tayori-cli: '))

    def test_provider_not_listed(self):
        preset = self.preset(ai='mode=listed\nproviders=other\nhosts=ai.example.com')
        result = self.run_cli('suggest-category', '--preset', preset, '--provider', 'cloud',
                              self.query())
        self.assertEqual(result.returncode, 1)
        self.assertIn(b'cloud', result.stderr)

    def test_unknown_provider(self):
        result = self.run_cli('summarize', '--preset', self.preset(), '--provider', 'nowhere',
                              self.query())
        self.assertEqual(result.returncode, 1)
        self.assertIn(b'nowhere', result.stderr)

    def test_builtin_provider_by_name(self):
        out = self.run_json('summarize', '--preset', self.preset(), '--provider', 'builtin',
                            self.query())
        self.assertEqual(out['provider'], 'builtin')

    def test_ai_off(self):
        result = self.run_cli('summarize', '--preset', self.preset(ai='mode=off'), self.query())
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b'')
        self.assertIn(b'off', result.stderr)


if __name__ == '__main__':
    CLI = sys.argv[1]
    FIXTURES = sys.argv[2]
    unittest.main(argv=[sys.argv[0], '-v'])
