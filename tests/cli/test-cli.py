# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the real tayori-cli against a temporary store: import, list, search, show, export
# round trip, render sanitising, and the refusals (bad YAML, non-UTF-8, wrong usage). The
# writing checks (check, fix, ruby) are in test-cli-check.py.
# Usage: test-cli.py PATH/TO/tayori-cli FIXTURES_DIR

import json
import os
import re
import subprocess
import sys

import cli_util

CLI = None
FIXTURES = None

GOOD_FIXTURES = ['hoikusho.md', 'sodai-gomi.md', 'bousai.md', 'event.md']
SUMMARY_KEYS = {'id', 'title', 'status', 'category', 'updated', 'ward', 'author'}
ARTICLE_KEYS = SUMMARY_KEYS | {
    'status_label', 'categories', 'summary', 'body', 'thumbnail', 'thumbnail_alt',
    'audiences', 'department', 'contact', 'publish_start', 'publish_end', 'emergency',
    'language', 'translation_group', 'created', 'links', 'attachments', 'dismissed'}
CONTENT_KEYS = ARTICLE_KEYS - {'id', 'created', 'updated', 'status_label'}
STATUS_KEYS = {'draft', 'in_review', 'returned', 'approved', 'scheduled', 'published',
               'archived'}
ISO_UTC = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')


def fixture(name):
    return os.path.join(FIXTURES, name)


class CliTestCase(cli_util.TempDirTestCase):
    def setUp(self):
        super().setUp()
        # The store is in self.tmp too: no test may touch the user's own, even by default.
        self.db = os.path.join(self.tmp, 'store.db')

    def run_cli(self, *args, db=True):
        argv = [CLI] + (['--db', self.db] if db else []) + list(args)
        return subprocess.run(argv, capture_output=True, env=self.env, timeout=60)

    def run_ok(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0,
                         f'{args}: {result.stderr.decode(errors="replace")}')
        return result.stdout.decode('utf-8')

    def run_json(self, *args):
        return json.loads(self.run_ok(*args))

    def import_fixtures(self, names=GOOD_FIXTURES):
        return self.run_json('import', *[fixture(n) for n in names])

    def count(self):
        return len(self.run_json('list', '--limit', '0', '--include-archived'))


class ImportTests(CliTestCase):
    def test_import_prints_new_ids(self):
        ids = self.import_fixtures()
        self.assertIsInstance(ids, list)
        self.assertEqual(len(ids), len(GOOD_FIXTURES))
        self.assertTrue(all(isinstance(i, int) and i > 0 for i in ids))
        self.assertEqual(len(set(ids)), len(ids))
        self.assertEqual(self.count(), len(GOOD_FIXTURES))

    def test_invalid_yaml_names_file_and_line_and_imports_nothing(self):
        self.import_fixtures(['event.md'])
        before = self.count()
        result = self.run_cli('import', fixture('hoikusho.md'), fixture('bad-yaml.md'),
                              fixture('bousai.md'))
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b'')
        stderr = result.stderr.decode('utf-8')
        self.assertIn('bad-yaml.md', stderr)
        # The unclosed flow sequence opens on line 4 of the file; libyaml reports it there or
        # where it gives up (line 5 or 6): a line number must be named either way.
        self.assertRegex(stderr, r'bad-yaml\.md:[456]\b|line [456]\b|[456]\s*行')
        self.assertEqual(self.count(), before)
        self.assertEqual(self.run_json('search', '保育所'), [])

    def test_non_utf8_is_refused(self):
        text = ('---\ntitle: 粗大ごみの収集日\nstatus: draft\n---\n'
                '粗大ごみは申込みが必要です。\n')
        path = self.write_temp('shift-jis.md', text.encode('shift_jis'))
        before = self.count()
        result = self.run_cli('import', fixture('event.md'), path)
        self.assertNotEqual(result.returncode, 0)
        stderr = result.stderr.decode('utf-8')
        self.assertIn('shift-jis.md', stderr)
        self.assertIn('UTF-8', stderr)
        self.assertEqual(self.count(), before)

        result = self.run_cli('render', path)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('UTF-8', result.stderr.decode('utf-8'))

    def test_missing_file_imports_nothing(self):
        result = self.run_cli('import', fixture('event.md'),
                              os.path.join(self.tmp, 'ない.md'))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('ない.md', result.stderr.decode('utf-8'))
        self.assertEqual(self.count(), 0)


class ListSearchTests(CliTestCase):
    def setUp(self):
        super().setUp()
        self.ids = dict(zip(GOOD_FIXTURES, self.import_fixtures()))

    def assert_summary_shape(self, item):
        self.assertTrue(SUMMARY_KEYS <= item.keys(), item.keys())
        self.assertIsInstance(item['id'], int)
        self.assertIsInstance(item['title'], str)
        self.assertIn(item['status'], STATUS_KEYS)
        self.assertIsInstance(item['category'], (str, type(None)))
        self.assertIsInstance(item['ward'], (str, type(None)))
        self.assertIsInstance(item['author'], (str, type(None)))
        self.assertRegex(item['updated'], ISO_UTC)

    def test_list_shape(self):
        items = self.run_json('list')
        self.assertEqual(len(items), len(GOOD_FIXTURES))
        for item in items:
            self.assert_summary_shape(item)
        by_id = {item['id']: item for item in items}
        hoikusho = by_id[self.ids['hoikusho.md']]
        self.assertEqual(hoikusho['title'], '令和8年度 保育所等の入所申込みについて')
        self.assertEqual(hoikusho['status'], 'draft')
        self.assertEqual(hoikusho['category'], '子育て・教育/保育所')
        self.assertEqual(hoikusho['ward'], '城東区')

    def test_list_filters_and_paging(self):
        self.assertEqual([i['id'] for i in self.run_json('list', '--status', 'published')],
                         [self.ids['sodai-gomi.md']])
        self.assertEqual([i['id'] for i in self.run_json('list', '--ward', '生野区')],
                         [self.ids['bousai.md']])
        all_ids = [i['id'] for i in self.run_json('list')]
        self.assertEqual([i['id'] for i in self.run_json('list', '--limit', '2')], all_ids[:2])
        self.assertEqual([i['id'] for i in self.run_json('list', '--offset', '1',
                                                         '--limit', '2')], all_ids[1:3])

    def test_list_unknown_status_is_usage_error(self):
        result = self.run_cli('list', '--status', 'finished')
        self.assertEqual(result.returncode, 2)
        self.assertIn('finished', result.stderr.decode('utf-8'))

    def test_search_two_characters(self):
        items = self.run_json('search', '防災')
        for item in items:
            self.assert_summary_shape(item)
        self.assertEqual([i['id'] for i in items], [self.ids['bousai.md']])

    def test_search_three_or_more_characters(self):
        items = self.run_json('search', '粗大ごみ')
        for item in items:
            self.assert_summary_shape(item)
        self.assertEqual([i['id'] for i in items], [self.ids['sodai-gomi.md']])
        # Body text, not only titles.
        self.assertEqual([i['id'] for i in self.run_json('search', '扇町公園')],
                         [self.ids['event.md']])
        self.assertEqual(self.run_json('search', '存在しない言葉'), [])

    def test_search_folds_width_and_quotes_input(self):
        # Half-width katakana finds the full-width "ソファー" in the fee table.
        self.assertEqual([i['id'] for i in self.run_json('search', 'ｿﾌｧｰ')],
                         [self.ids['sodai-gomi.md']])
        # FTS5 syntax in the query is text to find, not an error.
        self.assertEqual(self.run_json('search', '"粗大 OR ごみ*'), [])
        # After "--" a query may start with "-".
        self.assertEqual(self.run_json('search', '--', '-防災'), [])

    def test_search_takes_the_list_filters(self):
        # "申込み" is in two articles; the ward filter keeps one.
        items = self.run_json('search', '申込み', '--ward', '住之江区')
        self.assertEqual([i['id'] for i in items], [self.ids['sodai-gomi.md']])

    def test_output_is_utf8_not_escaped_and_compact_on_request(self):
        text = self.run_ok('list')
        self.assertIn('粗大ごみの出し方が変わります', text)
        self.assertNotIn('\\u', text)
        self.assertGreater(text.count('\n'), len(GOOD_FIXTURES))
        compact = self.run_ok('--compact', 'list')
        self.assertEqual(compact.count('\n'), 1)
        self.assertEqual(json.loads(compact), json.loads(text))


class ShowExportTests(CliTestCase):
    def setUp(self):
        super().setUp()
        self.ids = dict(zip(GOOD_FIXTURES, self.import_fixtures()))

    def test_show_has_every_field(self):
        article = self.run_json('show', str(self.ids['hoikusho.md']))
        self.assertTrue(ARTICLE_KEYS <= article.keys(), ARTICLE_KEYS - article.keys())
        self.assertEqual(article['id'], self.ids['hoikusho.md'])
        self.assertEqual(article['title'], '令和8年度 保育所等の入所申込みについて')
        self.assertEqual(article['categories'], ['子育て・教育'])
        self.assertEqual(article['audiences'], ['子育て世帯', '転入者'])
        self.assertEqual(article['department'], '保健福祉課')
        self.assertEqual(article['contact'], {
            'section': '城東区役所 保健福祉課（子育て支援）',
            'phone': '06-6930-9000',
            'fax': '06-6932-0000',
            'email': 'tba0001@city.example.jp',
            'address': '大阪市城東区中央3丁目5番45号 2階 23番窓口',
        })
        self.assertEqual(article['publish_start'], '2025-10-01')
        self.assertIs(article['emergency'], False)
        self.assertEqual(article['language'], 'ja')
        self.assertIn('| 利用申込書 |', article['body'])
        self.assertIsInstance(article['links'], list)
        self.assertIsInstance(article['attachments'], list)
        self.assertRegex(article['created'], ISO_UTC)
        self.assertIs(self.run_json('show', str(self.ids['bousai.md']))['emergency'], True)

    def test_show_lists_dismissals(self):
        self.assertEqual(self.run_json('show', str(self.ids['hoikusho.md']))['dismissed'], [])
        path = self.write_temp('dismissed.md', """---
title: 第①駐車場のご案内
dismissed:
  - rule: platform-dependent-char
    field: body
    span: ①
    reason: 施設の正式名称のため
    author: 山田 花子
    time: 2026-05-01T09:30:00+09:00
---
第①駐車場の隣です。
""".encode('utf-8'))
        [article_id] = self.run_json('import', path)
        self.assertEqual(self.run_json('show', str(article_id))['dismissed'], [{
            'rule': 'platform-dependent-char', 'field': 'body', 'span': '①',
            'reason': '施設の正式名称のため', 'author': '山田 花子',
            'time': '2026-05-01T09:30:00+09:00'}])

    def test_show_unknown_id_fails(self):
        result = self.run_cli('show', '999999')
        self.assertEqual(result.returncode, 1)
        self.assertNotEqual(result.stderr, b'')
        self.assertEqual(self.run_cli('show', 'abc').returncode, 2)

    def test_export_then_import_round_trip(self):
        for name, article_id in self.ids.items():
            with self.subTest(name=name):
                path = os.path.join(self.tmp, f'exported-{name}')
                self.run_ok('export', str(article_id), '-o', path)
                with open(path, encoding='utf-8') as f:
                    exported = f.read()
                self.assertTrue(exported.startswith('---\n'))
                # No -o and "-o -" both mean standard output.
                self.assertEqual(self.run_ok('export', str(article_id)), exported)
                self.assertEqual(self.run_ok('export', str(article_id), '-o', '-'), exported)

                [new_id] = self.run_json('import', path)
                self.assertNotEqual(new_id, article_id)
                original = self.run_json('show', str(article_id))
                copy = self.run_json('show', str(new_id))
                for key in CONTENT_KEYS:
                    self.assertEqual(copy[key], original[key], key)

    def test_export_html(self):
        html = self.run_ok('export', str(self.ids['sodai-gomi.md']), '--format', 'html')
        self.assertRegex(html, r'(?i)<html')
        self.assertIn('粗大ごみの出し方が変わります', html)
        self.assertIn('<table', html)
        self.assertNotRegex(html, r'(?i)<script')
        self.assertEqual(self.run_cli('export', str(self.ids['event.md']),
                                      '--format', 'pdf').returncode, 2)


class RenderTests(CliTestCase):
    def test_render_sanitises_the_body(self):
        html = self.run_ok('render', fixture('unsafe-body.md'))
        self.assertIn('子育て講座のご案内', html)
        self.assertIn('https://www.city.example.jp/kosodate/', html)
        self.assertNotRegex(html, r'(?i)<script|hacked|javascript:|onerror|<iframe')
        # The front matter is not part of the body.
        self.assertNotIn('title:', html)

    def test_render_plain_markdown(self):
        html = self.run_ok('render', fixture('plain.md'))
        self.assertRegex(html, r'<h1[^>]*>図書館の休館日</h1>')
        self.assertIn('<strong>12月29日から1月3日まで</strong>', html)
        self.assertRegex(html, r'<li[^>]*>返却はブックポストへ</li>')

    def test_render_table(self):
        html = self.run_ok('render', fixture('sodai-gomi.md'))
        self.assertIn('<table', html)
        self.assertIn('ソファー（2人掛け）', html)


class UsageTests(CliTestCase):
    def test_unknown_command(self):
        result = self.run_cli('publish')
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, b'')
        stderr = result.stderr.decode('utf-8')
        self.assertIn('publish', stderr)
        self.assertIn('Usage:', stderr)

    def test_unknown_option_and_missing_argument(self):
        self.assertEqual(self.run_cli('list', '--colour').returncode, 2)
        self.assertEqual(self.run_cli('--colour', 'list').returncode, 2)
        self.assertEqual(self.run_cli('show').returncode, 2)
        self.assertEqual(self.run_cli('import').returncode, 2)
        self.assertEqual(self.run_cli().returncode, 2)

    def test_help_and_version(self):
        for args in (['--help'], ['help']):
            result = self.run_cli(*args, db=False)
            self.assertEqual(result.returncode, 0)
            text = result.stdout.decode('utf-8')
            for command in ('import', 'export', 'list', 'search', 'render', 'show', 'check',
                            'fix', 'ruby'):
                self.assertRegex(text, rf'\n  {command}\b')
            self.assertIn('--db', text)
        result = self.run_cli('help', 'list', db=False)
        self.assertEqual(result.returncode, 0)
        self.assertIn('--status', result.stdout.decode('utf-8'))
        result = self.run_cli('--version', db=False)
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout.decode('utf-8'), r'^tayori-cli \d+\.\d+')

    def test_db_option_after_the_command(self):
        other = os.path.join(self.tmp, 'other.db')
        result = subprocess.run([CLI, 'import', fixture('event.md'), '--db', other],
                                capture_output=True, env=self.env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(other))
        self.assertEqual(self.count(), 0)


def main():
    global CLI, FIXTURES
    CLI, FIXTURES = cli_util.parse_args('test-cli.py TAYORI_CLI FIXTURES_DIR')
    cli_util.run_tests(sys.modules[__name__])


if __name__ == '__main__':
    main()
