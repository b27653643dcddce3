# SPDX-License-Identifier: GPL-3.0-or-later
# Failures through tayori-cli against a real WordPress: the web server stopped in the middle
# of a push and started again gives exactly one post; a wrong application password is refused
# with class auth and the reconnect advice, and nothing is stored.

import os
import subprocess
import sys
import time

import cms_cli_util as util
from cms_cli_util import cli_util

CTL = os.environ.get('TAYORI_WP_CTL')


class OutageTests(util.ScenarioTestCase):
    def test_server_stopped_during_push_gives_one_post(self):
        contrib = self.person('contrib')
        for n, delay in enumerate((0.05, 0.3, 0.8)):
            title = '停電時の給水所 %d' % n
            article = contrib.import_article('plain-notice.md', title=title, summary='給水所のお知らせ',
                                             body='給水所の場所をお知らせします。')
            push = subprocess.Popen([util.CLI, '--db', contrib.db, 'push', str(article)],
                                    env=contrib.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(delay)
            subprocess.run([CTL, 'stop-http'], check=True)
            time.sleep(1.0)
            subprocess.run([CTL, 'start-http'], check=True)
            stdout, stderr = push.communicate(timeout=180)
            self.assertEqual(push.returncode, 0, stderr.decode(errors='replace'))
            status = contrib.ok('status', str(article))
            self.assertGreater(status['remote_id'], 0)
            self.assertEqual(util.posts_with_client_id(status['client_id']), [status['remote_id']],
                             'delay %.2f s' % delay)
            self.assertEqual(util.count_posts(title), 1)
            # and a later push still updates that one post
            self.assertEqual(contrib.ok('push', str(article))['remote_id'], status['remote_id'])
            self.assertEqual(util.count_posts(title), 1)

    def test_wrong_password_is_auth_with_reconnect_advice(self):
        contrib = util.Person(self, 'contrib')
        error = contrib.fails('auth', 'account', 'add', 'cms', '--url', util.URL, '--user', 'contrib',
                              '--name', contrib.account, stdin=b'abcd efgh ijkl mnop qrst uvwx\n')
        self.assertTrue(error['advice'])
        self.assertNotIn('abcd efgh', error['message'])
        self.assertEqual(contrib.ok('account', 'list', '--kind', 'cms'), [])

    def test_secret_file_and_remove(self):
        contrib = util.Person(self, 'contrib')
        secret = os.path.join(self.tmp, 'secret')
        with open(secret, 'w') as f:
            f.write(util.password('contrib') + '\n')
        added = contrib.ok('account', 'add', 'cms', '--url', util.URL, '--user', 'contrib',
                           '--secret-file', secret)
        self.assertEqual(added['type'], 'wordpress')
        self.assertEqual(contrib.ok('account', 'list')[0]['name'], added['name'])
        with open(os.path.join(contrib.env['XDG_CONFIG_HOME'], 'tayori', 'accounts.conf')) as f:
            self.assertNotIn(util.password('contrib'), f.read())
        self.assertEqual(contrib.ok('account', 'remove', added['name']), {'removed': added['name']})
        self.assertEqual(contrib.ok('account', 'list'), [])


if __name__ == '__main__':
    cli_util.run_tests(sys.modules[__name__])
