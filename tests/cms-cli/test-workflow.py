# SPDX-License-Identifier: GPL-3.0-or-later
# The whole review workflow through tayori-cli against a real WordPress with two approval
# levels: push with a thumbnail and a table, submit, return with a note, fix and resubmit,
# approval by editor1 (係長), returned by editor2 (課長) to the previous level, approved again,
# then by editor2, published; checked on WordPress's side too.

import sys

import cms_cli_util as util
from cms_cli_util import cli_util

TITLE = '粗大ごみの収集日が変わります'
NOTE = '収集日の表に祝日の扱いを書き足してください。'
NOTE_PREVIOUS = '係長の確認をもう一度お願いします。'


class WorkflowTests(util.ScenarioTestCase):
    def test_push_submit_return_resubmit_two_level_approval(self):
        contrib = util.Person(self, 'contrib')
        added = contrib.connect()
        self.assertEqual(added['name'], 'city-contrib')
        self.assertEqual(added['user'], 'contrib')
        self.assertIn('contributor', added['roles'])
        self.assertEqual(added['plugin']['present'], True)
        self.assertEqual(added['plugin']['version'], '1.0.0')
        self.assertEqual(added['plugin']['approval_levels'], 2)
        listed = contrib.ok('account', 'list', '--kind', 'cms')
        self.assertEqual([a['name'] for a in listed], ['city-contrib'])
        self.assertNotIn(util.password('contrib'), repr(listed))

        photo = contrib.add_media(util.FIXTURES + '/photo.png')
        article = contrib.import_article('notice.md', title=TITLE, thumbnail=photo, image=photo)

        # push: a draft with excerpt, featured image and alt, table, inline image uploaded
        pushed = contrib.ok('push', str(article))
        self.assertGreater(pushed['remote_id'], 0)
        self.assertEqual(pushed['remote_status'], 'draft')
        self.assertFalse(pushed['conflict'])
        remote = util.remote_post(pushed['remote_id'])
        self.assertEqual(remote['status'], 'draft')
        self.assertEqual(remote['title']['raw'], TITLE)
        self.assertEqual(remote['excerpt']['raw'].strip(),
                         '粗大ごみの収集日が変わります。新しい収集日と申込み方法をお知らせします。')
        self.assertIn('<table', remote['content']['raw'])
        self.assertRegex(remote['content']['raw'], r'<td[^>]*>火曜日</td>')
        self.assertNotIn('tayori-media:', remote['content']['raw'])
        self.assertNotIn('data-sourcepos', remote['content']['raw'])
        self.assertIn('/wp-content/uploads/', remote['content']['raw'])
        self.assertEqual(remote['meta']['tayori_client_id'], pushed['client_id'])
        self.assertEqual(remote['link'], pushed['link'])
        self.assertGreater(remote['featured_media'], 0)
        code, media = util.rest('admin', 'GET', '/wp/v2/media/%d' % remote['featured_media'])
        self.assertEqual(code, 200)
        self.assertEqual(media['alt_text'], '粗大ごみ収集車の写真')
        self.assertEqual(media['post'], pushed['remote_id'])

        # pushing again without a change updates the same post
        again = contrib.ok('push', str(article))
        self.assertEqual(again['remote_id'], pushed['remote_id'])

        submitted = contrib.ok('submit', str(article), '--note', '確認をお願いします')
        self.assertEqual(submitted['remote_status'], 'pending')
        self.assertEqual(util.remote_post(pushed['remote_id'])['status'], 'pending')

        # editor1 pulls the queue, opens it and returns it with a note
        editor1 = util.Person(self, 'editor1')
        self.assertIn('editor', editor1.connect()['roles'])
        queue = editor1.ok('review', 'list')
        item = next(i for i in queue if i['remote_id'] == pushed['remote_id'])
        self.assertEqual(item['status'], 'pending')
        self.assertEqual(item['title'], TITLE)
        self.assertGreater(item['id'], 0)
        shown = editor1.ok('show', str(item['id']))
        self.assertEqual(shown['title'], TITLE)
        self.assertIn('| 北部 | 月曜日 | 火曜日 |', shown['body'])
        returned = editor1.ok('review', 'return', str(item['id']), '--note', NOTE)
        self.assertEqual(returned['remote_status'], 'draft')
        self.assertEqual(returned['approvals'], 0)
        self.assertEqual(util.remote_post(pushed['remote_id'])['status'], 'draft')

        # the contributor sees the return and its note, fixes and resubmits
        contrib.ok('pull', '--scope', 'mine', '--open')
        status = contrib.ok('status', str(article))
        self.assertEqual(status['remote_status'], 'draft')
        self.assertEqual(status['review_note'], NOTE)
        self.assertEqual(status['review_log'][-1]['action'], 'return')
        self.assertEqual(status['review_log'][-1]['actor'], 'editor1')
        self.assertEqual(contrib.ok('show', str(article))['status'], 'returned')
        contrib.edit_body(article, '申込みは前の週の金曜日までにお願いします。',
                          '申込みは前の週の金曜日までにお願いします。祝日の収集はお休みです。')
        resubmitted = contrib.ok('submit', str(article))
        self.assertEqual(resubmitted['remote_status'], 'pending')
        self.assertEqual(resubmitted['remote_id'], pushed['remote_id'])
        self.assertIn('祝日の収集はお休みです', util.remote_post(pushed['remote_id'])['content']['raw'])

        # two-level approval: 係長 then 課長 publishes
        queue = editor1.ok('review', 'list')
        item = next(i for i in queue if i['remote_id'] == pushed['remote_id'])
        first = editor1.ok('review', 'approve', str(item['id']))
        self.assertEqual(first['remote_status'], 'pending')
        self.assertEqual(first['approvals'], 1)
        self.assertEqual(util.remote_post(pushed['remote_id'])['meta']['tayori_approvals'], 1)

        self.assertEqual(first['approval_levels'], 2)

        # 課長 returns it to the previous level (係長): one approval less, still pending
        editor2 = util.Person(self, 'editor2')
        editor2.connect()
        queue = editor2.ok('review', 'list')
        item = next(i for i in queue if i['remote_id'] == pushed['remote_id'])
        self.assertEqual(item['approvals'], 1)
        back = editor2.ok('review', 'return', str(item['id']), '--note', NOTE_PREVIOUS,
                          '--to', 'previous')
        self.assertEqual(back['remote_status'], 'pending')
        self.assertEqual(back['approvals'], 0)
        self.assertEqual(back['review_log'][-1]['action'], 'return')
        self.assertEqual(back['review_log'][-1]['note'], NOTE_PREVIOUS)
        remote = util.remote_post(pushed['remote_id'])
        self.assertEqual((remote['status'], remote['meta']['tayori_approvals']), ('pending', 0))
        code, _, _ = editor2.run('review', 'return', str(item['id']), '--note', NOTE_PREVIOUS,
                                 '--to', 'nobody')
        self.assertEqual(code, 2)

        # 係長 approves again, then 課長 publishes
        queue = editor1.ok('review', 'list')
        item = next(i for i in queue if i['remote_id'] == pushed['remote_id'])
        self.assertEqual(item['approvals'], 0)
        self.assertEqual(editor1.ok('review', 'approve', str(item['id']))['approvals'], 1)
        queue = editor2.ok('review', 'list')
        item = next(i for i in queue if i['remote_id'] == pushed['remote_id'])
        self.assertEqual(item['approvals'], 1)
        second = editor2.ok('review', 'approve', str(item['id']))
        self.assertEqual(second['remote_status'], 'publish')
        remote = util.remote_post(pushed['remote_id'])
        self.assertEqual(remote['status'], 'publish')
        actions = [(e['action'], e['actor']) for e in second['review_log']]
        self.assertIn(('approve', 'editor1'), actions)
        self.assertEqual(actions[-2:], [('approve', 'editor2'), ('publish', 'editor2')])

        # the contributor's side follows; and nothing was duplicated
        contrib.ok('pull', '--scope', 'published', '--open')
        self.assertEqual(contrib.ok('status', str(article))['remote_status'], 'publish')
        self.assertEqual(util.posts_with_client_id(pushed['client_id']), [pushed['remote_id']])
        self.assertEqual(util.count_posts(TITLE), 1)


if __name__ == '__main__':
    cli_util.run_tests(sys.modules[__name__])
