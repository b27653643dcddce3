# SPDX-License-Identifier: GPL-3.0-or-later
# The corpus of realistic notices: every C-side check, through "tayori-cli check", must find no
# error in a well-written notice, and must find what is planted in the bad ones, at the right
# place in the file. Prints the warnings and notices each notice still gets.
# Usage: test-corpus.py PATH/TO/tayori-cli CORPUS_DIR

import glob
import json
import os
import subprocess
import sys
import unittest

import cli_util

CLI = None
CORPUS = None
MIN_NOTICES = 24

# Bad notice → (rule id, severity, the text the finding covers in the file; None: any place).
EXPECTED = {
    'platform-chars.md': [
        ('ja-platform-dependent-char', 'error', '①'),
        ('ja-platform-dependent-char', 'error', '㎡'),
        ('ja-platform-dependent-char', 'error', '㎝'),
        ('ja-platform-dependent-char', 'error', '㈱'),
        ('ja-halfwidth-kana', 'error', 'ﾎｰﾙ'),
        ('ja-fullwidth-alnum', 'warning', 'Ａ１２３'),
    ],
    'personal-data.md': [
        ('pii-mobile-number', 'error', '090-1234-5678'),
        ('pii-email', 'error', 'hanako.yamada@naniwa-mail.jp'),
        ('pii-my-number', 'error', '123456789018'),
        ('pii-card-number', 'error', '4111 1111 1111 1111'),
        ('pii-birth-date', 'error', None),
    ],
    'wrong-weekday.md': [
        ('ja-date-weekday', 'error', '金曜日'),
    ],
    'structure.md': [
        ('image-alt-missing', 'error', None),
        ('heading-skip', 'warning', None),
        ('link-vague-text', 'warning', None),
        ('link-file-format', 'warning', None),
        ('title-trailing-period', 'warning', None),
    ],
    'stale.md': [
        ('stale-publish-window', 'warning', None),
    ],
}


def check(path):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    result = subprocess.run(
        [CLI, 'check', '--format', 'json', '--no-axe',
         '--preset', os.path.join(CORPUS, 'corpus-preset.conf'), path],
        capture_output=True, env=env, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f'{path}: exit {result.returncode}: '
                             f'{result.stderr.decode(errors="replace")}')
    return json.loads(result.stdout.decode('utf-8'))


def file_span(lines, finding):
    """The text of the file between the finding's start and end (1-based, in characters)."""
    if finding['line'] is None:
        return None
    line, column = finding['line'] - 1, finding['column'] - 1
    end_line, end_column = finding['end_line'] - 1, finding['end_column'] - 1
    if line == end_line:
        return lines[line][column:end_column]
    return (lines[line][column:] + ''.join(lines[line + 1:end_line]) +
            lines[end_line][:end_column])


def describe(finding, lines):
    return (f"{finding['rule']} at {finding['line']}:{finding['column']} "
            f"“{file_span(lines, finding)}”: {finding['message']}")


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


def add_line_ends(lines):
    return [line + '\n' for line in lines[:-1]] + lines[-1:]


class CorpusTests(unittest.TestCase):
    def notices(self):
        return sorted(glob.glob(os.path.join(CORPUS, 'notices', '*.md')))

    def test_corpus_is_large_enough(self):
        self.assertGreaterEqual(len(self.notices()), MIN_NOTICES)

    def test_no_false_errors(self):
        print()
        for path in self.notices():
            name = os.path.basename(path)
            with self.subTest(notice=name):
                report = check(path)
                lines = add_line_ends(read_lines(path))
                self.assertEqual(report['file'], path)
                self.assertEqual(report['axe'], 'skipped')
                findings = report['findings']
                counts = {s: sum(1 for f in findings if f['severity'] == s)
                          for s in ('error', 'warning', 'notice')}
                rules = sorted({f['rule'] for f in findings if f['severity'] != 'error'})
                print(f"  {name}: {counts['warning']} warnings, {counts['notice']} notices"
                      f"{' (' + ', '.join(rules) + ')' if rules else ''}")
                errors = [describe(f, lines) for f in findings if f['severity'] == 'error']
                self.assertEqual(errors, [], f'{name} has false errors')

    def test_bad_notices_are_flagged(self):
        for name, expected in EXPECTED.items():
            path = os.path.join(CORPUS, 'bad', name)
            with self.subTest(notice=name):
                lines = add_line_ends(read_lines(path))
                findings = check(path)['findings']
                for rule, severity, span in expected:
                    matches = [f for f in findings
                               if f['rule'] == rule and f['severity'] == severity and
                               (span is None or file_span(lines, f) == span)]
                    self.assertTrue(matches, f'{name}: no {rule} {severity} on “{span}”; found: ' +
                                    '; '.join(describe(f, lines) for f in findings))


def main():
    global CLI, CORPUS
    CLI, CORPUS = cli_util.parse_args('test-corpus.py TAYORI_CLI CORPUS_DIR')
    cli_util.run_tests(sys.modules[__name__])


if __name__ == '__main__':
    main()
