# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the real tayori-cli check, fix and ruby: the JSON schema, positions that point at the
# finding's text in the file (front matter and body, quoted and block YAML values, CRLF files,
# HTML fragments and pages), the text format, exit statuses, axe under the test's Xvfb and the
# message without a display, fixes as exact bytes, and furigana.
# Usage: test-cli-check.py PATH/TO/tayori-cli FIXTURES_DIR

import json
import os
import re
import subprocess
import sys

import cli_util

CLI = None
FIXTURES = None

FINDING_KEYS = {'rule', 'severity', 'message', 'message_en', 'line', 'column', 'end_line',
                'end_column', 'field', 'selector', 'wcag', 'act', 'fix'}
FIX_KEYS = {'replacement', 'line', 'column', 'end_line', 'end_column'}
TEXT_LINE = re.compile(r'^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): '
                       r'(?P<severity>error|warning|notice): (?P<message>.+) '
                       r'\[(?P<rule>[a-z0-9/-]+)\]( \(WCAG [0-9., ]+\))?$')


def fixture(name):
    return os.path.join(FIXTURES, name)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def position(text, needle, nth=1):
    """1-based (line, column, end_line, end_column) of the nth @needle in @text, columns in
    characters, as tayori-cli reports them."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)

    def at(offset):
        before = text[:offset]
        return before.count('\n') + 1, offset - (before.rfind('\n') + 1) + 1

    return at(index) + at(index + len(needle))


def span_of(finding):
    return (finding['line'], finding['column'], finding['end_line'], finding['end_column'])


class CheckTestCase(cli_util.TempDirTestCase):
    TMP_PREFIX = 'tayori-cli-check-'

    def run_cli(self, *args, env=None):
        return subprocess.run([CLI] + list(args), capture_output=True, env=env or self.env,
                              timeout=120)

    def run_ok(self, *args, env=None):
        result = self.run_cli(*args, env=env)
        self.assertEqual(result.returncode, 0, f'{args}: {result.stderr.decode(errors="replace")}')
        return result

    def check(self, path, *options, env=None):
        result = self.run_ok('check', *options, path, env=env)
        return json.loads(result.stdout.decode('utf-8'))

    def assert_finding_at(self, report, text, rule, needle, nth=1, field=None):
        where = position(text, needle, nth)
        found = [f for f in report['findings'] if f['rule'] == rule and span_of(f) == where]
        self.assertTrue(found, f'no {rule} at {where} (“{needle}”): ' +
                        json.dumps([(f['rule'], span_of(f)) for f in report['findings']],
                                   ensure_ascii=False))
        if field is not None:
            self.assertEqual(found[0]['field'], field)
        return found[0]


class CheckJsonTests(CheckTestCase):
    def test_schema(self):
        path = fixture('check-findings.md')
        report = self.check(path, '--no-axe')
        self.assertEqual(set(report), {'file', 'axe', 'findings'})
        self.assertEqual(report['file'], path)
        self.assertEqual(report['axe'], 'skipped')
        self.assertTrue(report['findings'])
        for finding in report['findings']:
            self.assertEqual(set(finding), FINDING_KEYS)
            self.assertIn(finding['severity'], ('error', 'warning', 'notice'))
            for key in ('rule', 'message', 'message_en', 'field'):
                self.assertIsInstance(finding[key], str)
                self.assertTrue(finding[key], key)
            for key in ('line', 'column', 'end_line', 'end_column'):
                self.assertIsInstance(finding[key], int)
                self.assertGreaterEqual(finding[key], 1)
            self.assertLessEqual((finding['line'], finding['column']),
                                 (finding['end_line'], finding['end_column']))
            self.assertIsInstance(finding['selector'], (str, type(None)))
            self.assertTrue(all(isinstance(c, str) for c in finding['wcag'] + finding['act']))
            if finding['fix'] is not None:
                self.assertEqual(set(finding['fix']), FIX_KEYS)
                self.assertIsInstance(finding['fix']['replacement'], str)
                self.assertEqual(span_of(finding['fix']), span_of(finding))

    def test_positions_point_at_the_text_in_the_file(self):
        path = fixture('check-findings.md')
        text = read(path).decode('utf-8')
        report = self.check(path, '--no-axe')
        # Front matter: a plain and a double-quoted value.
        title = self.assert_finding_at(report, text, 'ja-platform-dependent-char', '㈱',
                                       field='title')
        self.assertEqual(title['line'], 2)
        self.assertTrue(title['wcag'])
        self.assert_finding_at(report, text, 'ja-platform-dependent-char', '①', field='summary')
        self.assert_finding_at(report, text, 'ja-platform-dependent-char', '②', field='summary')
        # Body: the front matter's lines are counted.
        kana = self.assert_finding_at(report, text, 'ja-halfwidth-kana', 'ﾎｰﾙ', field='body')
        self.assertEqual(kana['fix']['replacement'], 'ホール')
        self.assert_finding_at(report, text, 'ja-fullwidth-alnum', '９', field='body')
        self.assert_finding_at(report, text, 'link-phone-not-tel', '06-6313-9734', nth=2,
                               field='body')

    def test_block_scalar_and_crlf_keep_positions(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        block = original.replace('summary: "利用の手順は①予約、②支払いの順です。"',
                                 'summary: |\n  利用の手順は\n  ①予約、②支払いの順です。')
        for name, text in (('block.md', block), ('crlf.md', block.replace('\n', '\r\n'))):
            with self.subTest(name=name):
                path = self.write_temp(name, text.encode('utf-8'))
                report = self.check(path, '--no-axe')
                self.assert_finding_at(report, block, 'ja-platform-dependent-char', '①',
                                       field='summary')
                self.assert_finding_at(report, block, 'ja-halfwidth-kana', 'ﾎｰﾙ')

    def test_related_link_title(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        text = original.replace('status: draft\n', 'status: draft\nlinks:\n'
                                '  - title: 区民ホールの案内\n    url: https://www.city.osaka.lg.jp/\n'
                                "  - title: '運営会社（㈱なにわ）の案内'\n    url: https://www.example.jp/\n")
        path = self.write_temp('links.md', text.encode('utf-8'))
        self.assert_finding_at(self.check(path, '--no-axe'), text, 'ja-platform-dependent-char',
                               '㈱', nth=2, field='link-title:1')
        fixed = self.run_ok('fix', '--rule', 'ja-platform-dependent-char', path).stdout
        self.assertEqual(fixed.decode('utf-8'),
                         text.replace('㈱', '(株)').replace('①', '(1)').replace('②', '(2)'))

    def test_messages_in_the_ui_language(self):
        path = fixture('check-findings.md')
        english = self.check(path, '--no-axe')
        env = dict(self.env, LANGUAGE='ja', LC_ALL='ja_JP.UTF-8')
        japanese = self.check(path, '--no-axe', env=env)
        self.assertEqual(len(english['findings']), len(japanese['findings']))
        for en, ja in zip(english['findings'], japanese['findings']):
            self.assertEqual(en['message'], en['message_en'])
            self.assertEqual(ja['message_en'], en['message_en'])
        messages = [f['message'] for f in japanese['findings']
                    if f['rule'] == 'ja-platform-dependent-char']
        self.assertTrue(any('機種依存文字' in m for m in messages), messages)

    def test_preset_turns_a_rule_off(self):
        preset = self.write_temp('preset.conf',
                                 b'[check:ja-halfwidth-kana]\nenabled=false\n')
        rules = {f['rule'] for f in self.check(fixture('check-findings.md'), '--no-axe',
                                               '--preset', preset)['findings']}
        self.assertNotIn('ja-halfwidth-kana', rules)
        self.assertIn('ja-platform-dependent-char', rules)


class CheckHtmlTests(CheckTestCase):
    def test_fragment(self):
        path = fixture('check-fragment.html')
        text = read(path).decode('utf-8')
        report = self.check(path, '--no-axe')
        self.assert_finding_at(report, text, 'ja-platform-dependent-char', '①', field='body')
        self.assert_finding_at(report, text, 'ja-halfwidth-kana', 'ﾎｰﾙ', field='body')
        images = [f for f in report['findings'] if f['rule'] == 'image-alt-missing']
        self.assertEqual([f['line'] for f in images], [3])

    def test_whole_page(self):
        path = fixture('check-page.html')
        text = read(path).decode('utf-8')
        report = self.check(path, '--no-axe')
        self.assert_finding_at(report, text, 'ja-halfwidth-kana', 'ﾎｰﾙ', field='body')
        self.assert_finding_at(report, text, 'ja-platform-dependent-char', '㈱')

    def test_html_is_recognised_by_content(self):
        data = read(fixture('check-fragment.html'))
        path = self.write_temp('fragment-without-extension', data)
        report = self.check(path, '--no-axe')
        self.assertIn('image-alt-missing', {f['rule'] for f in report['findings']})


class CheckTextAndStatusTests(CheckTestCase):
    def test_text_format(self):
        path = fixture('check-findings.md')
        report = self.check(path, '--no-axe')
        lines = self.run_ok('check', '--no-axe', '--format', 'text', path).stdout \
            .decode('utf-8').splitlines()
        self.assertEqual(len(lines), len(report['findings']))
        parsed = [TEXT_LINE.match(line) for line in lines]
        self.assertTrue(all(parsed), lines)
        self.assertTrue(all(m['file'] == path for m in parsed))
        places = [(int(m['line']), int(m['column'])) for m in parsed]
        self.assertEqual(places, sorted(places))
        self.assertEqual(sorted((m['rule'], int(m['line']), int(m['column'])) for m in parsed),
                         sorted((f['rule'], f['line'], f['column']) for f in report['findings']))
        by_place = {(f['rule'], f['line'], f['column']): f for f in report['findings']}
        for line, m in zip(lines, parsed):
            finding = by_place[(m['rule'], int(m['line']), int(m['column']))]
            self.assertEqual(m['severity'], finding['severity'])
            self.assertEqual(m['message'], finding['message'])
            wcag = ', '.join(finding['wcag'])
            self.assertEqual(line.endswith(f' (WCAG {wcag})'), bool(wcag), line)

    def test_exit_statuses(self):
        self.assertEqual(self.run_cli('check', '--no-axe', fixture('check-findings.md'))
                         .returncode, 0)
        missing = self.run_cli('check', '--no-axe', os.path.join(self.tmp, 'ない.md'))
        self.assertEqual(missing.returncode, 1)
        self.assertIn('ない.md', missing.stderr.decode('utf-8'))
        self.assertEqual(missing.stdout, b'')
        bad = self.run_cli('check', '--no-axe', fixture('bad-yaml.md'))
        self.assertEqual(bad.returncode, 1)
        self.assertIn('bad-yaml.md', bad.stderr.decode('utf-8'))
        self.assertEqual(self.run_cli('check').returncode, 2)
        self.assertEqual(self.run_cli('check', '--format', 'xml', fixture('plain.md'))
                         .returncode, 2)
        self.assertEqual(self.run_cli('check', fixture('plain.md'), fixture('event.md'))
                         .returncode, 2)
        sjis = self.write_temp('sjis.html', '<p>区民ホールのご案内</p>'.encode('shift_jis'))
        refused = self.run_cli('check', '--no-axe', sjis)
        self.assertEqual(refused.returncode, 1)
        self.assertIn('UTF-8', refused.stderr.decode('utf-8'))
        no_preset = self.run_cli('check', '--no-axe', '--preset',
                                 os.path.join(self.tmp, 'none.conf'), fixture('plain.md'))
        self.assertEqual(no_preset.returncode, 1)


class AxeTests(CheckTestCase):
    def test_without_a_display_the_other_checks_run(self):
        env = {k: v for k, v in self.env.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
        result = self.run_cli('check', fixture('check-fragment.html'), env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        stderr = result.stderr.decode('utf-8')
        self.assertEqual(len(stderr.strip().splitlines()), 1, stderr)
        self.assertIn('display', stderr)
        report = json.loads(result.stdout.decode('utf-8'))
        self.assertEqual(report['axe'], 'no-display')
        self.assertIn('image-alt-missing', {f['rule'] for f in report['findings']})

    def test_axe_runs_under_the_test_display(self):
        self.assertTrue(os.environ.get('DISPLAY'), 'run under the Xvfb wrapper of the test setup')
        path = fixture('check-fragment.html')
        report = self.check(path)
        self.assertEqual(report['axe'], 'ran')
        alt = [f for f in report['findings'] if f['rule'] == 'axe/image-alt']
        self.assertEqual(len(alt), 1, [f['rule'] for f in report['findings']])
        self.assertEqual(alt[0]['severity'], 'error')
        self.assertIn('1.1.1', alt[0]['wcag'])
        self.assertIn('23a2a8', alt[0]['act'])
        self.assertIn('img', alt[0]['selector'])
        self.assertEqual(alt[0]['line'], 3)
        # The C rule finds the same image; both are reported.
        self.assertIn('image-alt-missing', {f['rule'] for f in report['findings']})


class FixTests(CheckTestCase):
    def test_fix_gives_the_expected_file(self):
        result = self.run_ok('fix', fixture('check-findings.md'))
        self.assertEqual(result.stdout.decode('utf-8'),
                         read(fixture('check-findings-fixed.md')).decode('utf-8'))
        # What is fixed is not found again.
        out = os.path.join(self.tmp, 'fixed.md')
        self.run_ok('fix', '-o', out, fixture('check-findings.md'))
        self.assertEqual(read(out), read(fixture('check-findings-fixed.md')))
        left = self.check(out, '--no-axe')['findings']
        self.assertEqual([f for f in left if f['fix'] is not None], [])

    def test_rule_filter_changes_only_that_rule(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        result = self.run_ok('fix', '--rule', 'ja-halfwidth-kana', fixture('check-findings.md'))
        self.assertEqual(result.stdout.decode('utf-8'), original.replace('ﾎｰﾙ', 'ホール'))
        both = self.run_ok('fix', '--rule', 'ja-halfwidth-kana', '--rule',
                           'ja-fullwidth-alnum', fixture('check-findings.md'))
        self.assertEqual(both.stdout.decode('utf-8'),
                         original.replace('ﾎｰﾙ', 'ホール').replace('９', '9').replace('５', '5'))
        self.assertEqual(self.run_cli('fix', '--rule', 'no-such-rule',
                                      fixture('check-findings.md')).returncode, 2)

    def test_front_matter_fix_keeps_the_rest_of_the_file(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        result = self.run_ok('fix', '--rule', 'ja-platform-dependent-char',
                             fixture('check-findings.md'))
        self.assertEqual(result.stdout.decode('utf-8'),
                         original.replace('㈱', '(株)').replace('①', '(1)').replace('②', '(2)'))

    def test_value_with_escapes_is_written_anew(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        text = original.replace('"利用の手順は①予約、②支払いの順です。"', '"利用の手順は\\u2460予約です。"')
        path = self.write_temp('escaped.md', text.encode('utf-8'))
        # Not in the file as such: the finding points at the key.
        found = [f for f in self.check(path, '--no-axe')['findings'] if f['field'] == 'summary']
        self.assertEqual([(f['line'], f['column']) for f in found], [(4, 1)])
        out = os.path.join(self.tmp, 'fixed.md')
        self.run_ok('fix', '--rule', 'ja-platform-dependent-char', '-o', out, path)
        fixed = read(out).decode('utf-8')
        self.assertIn('利用の手順は(1)予約です。', fixed)
        self.assertIn('(株)なにわ', fixed)
        self.assertNotIn('ja-platform-dependent-char',
                         {f['rule'] for f in self.check(out, '--no-axe')['findings']})

    def test_crlf_file_stays_crlf(self):
        original = read(fixture('check-findings.md')).decode('utf-8')
        path = self.write_temp('crlf.md', original.replace('\n', '\r\n').encode('utf-8'))
        result = self.run_ok('fix', '--rule', 'ja-halfwidth-kana', path)
        self.assertEqual(result.stdout.decode('utf-8'),
                         original.replace('ﾎｰﾙ', 'ホール').replace('\n', '\r\n'))

    def test_html_fix_changes_only_the_spans(self):
        original = read(fixture('check-fragment.html')).decode('utf-8')
        result = self.run_ok('fix', '--rule', 'ja-halfwidth-kana', '--rule',
                             'ja-platform-dependent-char', fixture('check-fragment.html'))
        self.assertEqual(result.stdout.decode('utf-8'),
                         original.replace('ﾎｰﾙ', 'ホール').replace('①', '(1)'))

    def test_nothing_to_fix_prints_the_file_as_is(self):
        result = self.run_ok('fix', fixture('plain.md'))
        self.assertEqual(result.stdout, read(fixture('plain.md')))

    def test_exit_statuses(self):
        self.assertEqual(self.run_cli('fix', os.path.join(self.tmp, 'ない.md')).returncode, 1)
        self.assertEqual(self.run_cli('fix', fixture('bad-yaml.md')).returncode, 1)
        self.assertEqual(self.run_cli('fix').returncode, 2)


class RubyTests(CheckTestCase):
    def test_place_name_reading(self):
        html = self.run_ok('ruby', fixture('ruby.md')).stdout.decode('utf-8')
        self.assertIn('<ruby>住之江<rt>すみのえ</rt></ruby><ruby>区役所<rt>くやくしょ</rt></ruby>'
                      'で<ruby>相談<rt>そうだん</rt></ruby>', html)
        self.assertIn('<ruby>相談<rt>そうだん</rt></ruby>', html)
        self.assertRegex(html, r'^<p[ >]')

    def test_grade_limits_the_ruby(self):
        html = self.run_ok('ruby', '--grade', '6', fixture('ruby.md')).stdout.decode('utf-8')
        self.assertNotIn('<rt>そうだん</rt>', html)
        self.assertEqual(self.run_cli('ruby', '--grade', '-1', fixture('ruby.md')).returncode, 2)

    def test_html_input(self):
        html = self.run_ok('ruby', fixture('check-fragment.html')).stdout.decode('utf-8')
        self.assertIn('<rt>', html)
        self.assertIn('<img src="map.png">', html)


def main():
    global CLI, FIXTURES
    CLI, FIXTURES = cli_util.parse_args('test-cli-check.py TAYORI_CLI FIXTURES_DIR')
    cli_util.run_tests(sys.modules[__name__])


if __name__ == '__main__':
    main()
