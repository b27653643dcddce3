# SPDX-License-Identifier: GPL-3.0-or-later
# Concurrent edits through tayori-cli against a real WordPress: editor1 edits the post through
# the REST API, the contributor edits locally and pushes: a conflict (exit 1, class conflict),
# nothing overwritten, both versions kept (the remote body in the local history), then resolved.

import sys
import time

import cms_cli_util as util
from cms_cli_util import cli_util

TITLE = '市民プールの営業期間'
THEIRS = '<p>市民プールは7月1日から営業します。（編集者が修正）</p>'
MINE = '市民プールは7月15日から営業します。'


class ConflictTests(util.ScenarioTestCase):
    def test_remote_edit_then_local_push_is_a_conflict_and_loses_nothing(self):
        contrib = self.person('contrib')
        article = contrib.import_article('plain-notice.md', title=TITLE, summary='営業期間のお知らせ',
                                         body='市民プールは7月から営業します。')
        pushed = contrib.ok('push', str(article))
        remote_id = pushed['remote_id']

        # WordPress keeps modified_gmt to the second: the editor comes back a moment later
        time.sleep(1.1)
        code, answer = util.rest('editor1', 'POST', '/wp/v2/posts/%d' % remote_id, {'content': THEIRS})
        self.assertEqual(code, 200, answer)
        contrib.edit_body(article, '市民プールは7月から営業します。', MINE)

        error = contrib.fails('conflict', 'push', str(article))
        self.assertTrue(error['advice'])
        self.assertIn('7月1日から営業します。（編集者が修正）', util.remote_post(remote_id)['content']['raw'])
        self.assertTrue(contrib.ok('status', str(article))['conflict'])
        self.assertIn(MINE, contrib.ok('show', str(article))['body'])
        snapshots = contrib.revision_snapshots(article)
        self.assertTrue(any('編集者が修正' in s for s in snapshots), 'remote body not in the history')
        self.assertTrue(any(MINE in s for s in snapshots))

        resolved = contrib.ok('resolve', str(article), '--keep', 'mine')
        self.assertFalse(resolved['conflict'])
        self.assertEqual(resolved['remote_id'], remote_id)
        self.assertIn('7月15日から営業します', util.remote_post(remote_id)['content']['raw'])
        self.assertTrue(any('編集者が修正' in s for s in contrib.revision_snapshots(article)))
        self.assertEqual(util.posts_with_client_id(pushed['client_id']), [remote_id])
        self.assertEqual(util.count_posts(TITLE), 1)


if __name__ == '__main__':
    cli_util.run_tests(sys.modules[__name__])
