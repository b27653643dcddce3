# SPDX-License-Identifier: GPL-3.0-or-later
# tayori-cli against a real WordPress without the tayori-connector plugin
# (wordpress-wrapper.sh --no-plugin): the account says the plugin is missing, drafts are still
# pushed and submitted, a create is still found again by its client id, and what needs the
# plugin (approval) fails with class plugin-missing.

import sys

import cms_cli_util as util
from cms_cli_util import cli_util

TITLE = '地域清掃の日程'


class NoPluginTests(util.ScenarioTestCase):
    def test_push_and_submit_work_and_approval_needs_the_plugin(self):
        contrib = util.Person(self, 'contrib')
        added = contrib.connect()
        self.assertEqual(added['plugin']['present'], False)
        self.assertEqual(added['plugin']['version'], None)

        article = contrib.import_article('plain-notice.md', title=TITLE, summary='清掃の日程です',
                                         body='地域清掃は5月10日です。')
        pushed = contrib.ok('push', str(article))
        remote = util.remote_post(pushed['remote_id'])
        self.assertEqual(remote['status'], 'draft')
        self.assertIn('5月10日', remote['content']['raw'])
        self.assertEqual(contrib.ok('push', str(article))['remote_id'], pushed['remote_id'])

        submitted = contrib.ok('submit', str(article))
        self.assertEqual(submitted['remote_status'], 'pending')
        self.assertEqual(util.remote_post(pushed['remote_id'])['status'], 'pending')

        editor1 = self.person('editor1')
        queue = editor1.ok('review', 'list')
        local = next(i['id'] for i in queue if i['remote_id'] == pushed['remote_id'])
        error = editor1.fails('plugin-missing', 'review', 'approve', str(local))
        self.assertTrue(error['advice'])
        self.assertEqual(util.remote_post(pushed['remote_id'])['status'], 'pending')
        self.assertEqual(util.count_posts(TITLE), 1)


class UsageTests(util.ScenarioTestCase):
    """Wrong command lines: exit status 2, a message on stderr, nothing on stdout."""

    def test_usage_errors(self):
        contrib = util.Person(self, 'contrib')
        for args in (('review', 'return', '1'),
                     ('review', 'return', '1', '--note', '  '),
                     ('review', 'approve', '1', '--at', 'someday'),
                     ('review', 'approve'),
                     ('review', 'publish', '1'),
                     ('resolve', '1', '--keep', 'both'),
                     ('pull', '--scope', 'everything'),
                     ('push', 'one'),
                     ('account', 'add', 'channel', '--url', util.URL, '--user', 'x'),
                     ('account', 'add', 'cms', '--user', 'x'),
                     ('account', 'remove')):
            code, output, stderr = contrib.run(*args, stdin=b'')
            self.assertEqual(code, 2, '%s: %s' % (args, stderr))
            self.assertIsNone(output, args)
            self.assertTrue(stderr.startswith('tayori-cli: '), stderr)

    def test_empty_password_is_refused_before_any_request(self):
        contrib = util.Person(self, 'contrib')
        error = contrib.fails('local', 'account', 'add', 'cms', '--url', util.URL, '--user', 'contrib',
                              stdin=b'\n')
        self.assertIn('--secret-file', error['message'])


if __name__ == '__main__':
    cli_util.run_tests(sys.modules[__name__])
