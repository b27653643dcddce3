# SPDX-License-Identifier: GPL-3.0-or-later
# The approval rules through tayori-cli against a real WordPress (two levels): approval with
# --at schedules (status future at that time, Japan time), self-approval is refused, the
# plugin refuses to publish without approvals, and a contributor cannot approve.

import datetime
import sys

import cms_cli_util as util
from cms_cli_util import cli_util

JST = datetime.timezone(datetime.timedelta(hours=9))


class ReviewRuleTests(util.ScenarioTestCase):
    def submit_plain(self, person, title):
        article = person.import_article('plain-notice.md', title=title,
                                        summary='%sのお知らせです。' % title,
                                        body='%sについてお知らせします。' % title)
        submitted = person.ok('submit', str(article))
        self.assertEqual(submitted['remote_status'], 'pending')
        return article, submitted

    def queued_id(self, person, remote_id):
        return next(i['id'] for i in person.ok('review', 'list') if i['remote_id'] == remote_id)

    def test_approve_at_schedules_in_japan_time(self):
        contrib = self.person('contrib')
        editor1 = self.person('editor1')
        editor2 = self.person('editor2')
        _, submitted = self.submit_plain(contrib, '住民票の窓口時間の変更')
        tomorrow = (datetime.datetime.now(JST) + datetime.timedelta(days=1)).date()
        at = '%s 09:00' % tomorrow.isoformat()

        editor1.ok('review', 'approve', str(self.queued_id(editor1, submitted['remote_id'])))
        scheduled = editor2.ok('review', 'approve', str(self.queued_id(editor2, submitted['remote_id'])),
                               '--at', at)
        self.assertEqual(scheduled['remote_status'], 'future')
        remote = util.remote_post(submitted['remote_id'])
        self.assertEqual(remote['status'], 'future')
        expected = datetime.datetime.combine(tomorrow, datetime.time(9, 0), JST)
        self.assertEqual(remote['date_gmt'],
                         expected.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S'))
        self.assertEqual(remote['date'], '%sT09:00:00' % tomorrow.isoformat())
        self.assertEqual(scheduled['review_log'][-1]['action'], 'schedule')
        self.assertEqual(util.posts_with_client_id(submitted['client_id']), [submitted['remote_id']])

    def test_refusals(self):
        author1 = self.person('author1')
        article, submitted = self.submit_plain(author1, '図書館の休館日')

        # no one approves their own article
        error = author1.fails('self-approval', 'review', 'approve', str(article))
        self.assertTrue(error['advice'])
        self.assertEqual(util.remote_post(submitted['remote_id'])['status'], 'pending')

        # publishing around the review endpoint is refused by the plugin, even for admin
        code, answer = util.rest('admin', 'POST', '/wp/v2/posts/%d' % submitted['remote_id'],
                                 {'status': 'publish'})
        self.assertEqual((code, answer['code']), (403, 'tayori_approval_required'))
        self.assertEqual(util.remote_post(submitted['remote_id'])['status'], 'pending')

        # the review endpoint publishes once both levels approved
        editor1 = self.person('editor1')
        editor2 = self.person('editor2')
        editor1.ok('review', 'approve', str(self.queued_id(editor1, submitted['remote_id'])))
        published = editor2.ok('review', 'approve', str(self.queued_id(editor2, submitted['remote_id'])))
        self.assertEqual(published['remote_status'], 'publish')
        self.assertEqual(util.remote_post(submitted['remote_id'])['status'], 'publish')
        self.assertEqual(util.posts_with_client_id(submitted['client_id']), [submitted['remote_id']])
        self.assertEqual(util.count_posts('図書館の休館日'), 1)

    def test_contributor_cannot_approve(self):
        # a contributor's draft handed over to author1 on the site: the contributor still has
        # it locally, is not its author any more, and may not approve it
        contrib = self.person('contrib')
        article, submitted = self.submit_plain(contrib, '引き継いだ記事')
        code, author1 = util.rest('author1', 'GET', '/wp/v2/users/me')
        self.assertEqual(code, 200)
        code, answer = util.rest('admin', 'POST', '/wp/v2/posts/%d' % submitted['remote_id'],
                                 {'author': author1['id']})
        self.assertEqual(code, 200, answer)
        error = contrib.fails('forbidden', 'review', 'approve', str(article))
        self.assertTrue(error['advice'])
        remote = util.remote_post(submitted['remote_id'])
        self.assertEqual((remote['status'], remote['meta']['tayori_approvals']), ('pending', 0))
        self.assertEqual(util.posts_with_client_id(submitted['client_id']), [submitted['remote_id']])
        self.assertEqual(util.count_posts('引き継いだ記事'), 1)


if __name__ == '__main__':
    cli_util.run_tests(sys.modules[__name__])
