# SPDX-License-Identifier: GPL-3.0-or-later
# What the tayori-cli CMS scenario tests share: people (each with their own store, config and
# CMS account in tayori-cli) and WordPress's own REST answers, read with application passwords.
# They run under tests/ai/keyring-wrapper.sh and tests/cms/wordpress-wrapper.sh.

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cli'))
import cli_util  # noqa: E402

CLI, FIXTURES = cli_util.parse_args('test-*.py TAYORI-CLI FIXTURES-DIR')
URL = os.environ.get('TAYORI_WP_URL')
if URL is None:
    sys.exit('run under tests/cms/wordpress-wrapper.sh')


def password(login):
    return os.environ['TAYORI_WP_%s_PW' % login.upper()]


def rest(login, method, path, body=None, auth_password=None):
    """(HTTP status, decoded JSON) of a WordPress REST call as @login (None: anonymous)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(URL + '/wp-json' + path, data=data, method=method)
    if data is not None:
        request.add_header('Content-Type', 'application/json')
    if login is not None:
        token = '%s:%s' % (login, auth_password or password(login))
        request.add_header('Authorization', 'Basic ' + base64.b64encode(token.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b'null')
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b'null')


def remote_post(post_id):
    status, post = rest('admin', 'GET', '/wp/v2/posts/%d?context=edit' % post_id)
    assert status == 200, (status, post)
    return post


def posts_with_client_id(client_id):
    """Every post (any status, trash too) carrying @client_id: the duplicate detector."""
    found = []
    for status in ('publish,future,draft,pending,private', 'trash'):
        page = 1
        while True:
            code, posts = rest('admin', 'GET', '/wp/v2/posts?context=edit&per_page=100&page=%d'
                               '&status=%s&_fields=id,meta' % (page, status))
            if code != 200 or not posts:
                break
            found += [p['id'] for p in posts if p['meta'].get('tayori_client_id') == client_id]
            page += 1
    return found


def count_posts(title):
    """Posts (any status but trash) whose title is @title, seen by admin."""
    code, posts = rest('admin', 'GET', '/wp/v2/posts?context=edit&per_page=100'
                       '&status=publish,future,draft,pending,private&_fields=id,title')
    assert code == 200, (code, posts)
    return sum(1 for p in posts if p['title']['raw'] == title)


class Person:
    """One member of staff on their own machine: a store, a config dir and a CMS account
    (named after them, so that they share the test keyring without clashing)."""

    def __init__(self, test, login):
        self.test = test
        self.login = login
        self.account = 'city-' + login
        home = os.path.join(test.tmp, login)
        self.env = dict(test.env, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
                        XDG_CONFIG_HOME=os.path.join(home, 'config'))
        self.db = os.path.join(home, 'data', 'tayori', 'tayori.db')
        self.media = os.path.join(home, 'data', 'tayori', 'media')
        os.makedirs(self.media)

    def run(self, *args, stdin=None, timeout=120):
        """(exit status, JSON on stdout or None, stderr) of tayori-cli --db STORE ARGS."""
        result = subprocess.run([CLI, '--db', self.db] + list(args), input=stdin,
                                capture_output=True, env=self.env, timeout=timeout)
        try:
            output = json.loads(result.stdout) if result.stdout.strip() else None
        except ValueError:
            output = None
        return result.returncode, output, result.stderr.decode(errors='replace')

    def ok(self, *args, **kwargs):
        code, output, stderr = self.run(*args, **kwargs)
        self.test.assertEqual(code, 0, '%s %s: %s %s' % (self.login, args, output, stderr))
        return output

    def fails(self, error_class, *args, **kwargs):
        """Runs a command that must fail with @error_class; returns the error object."""
        code, output, stderr = self.run(*args, **kwargs)
        self.test.assertEqual(code, 1, '%s %s: %s %s' % (self.login, args, output, stderr))
        self.test.assertIsNotNone(output, stderr)
        self.test.assertEqual(output['error']['class'], error_class, output)
        self.test.assertTrue(output['error']['message'])
        self.test.assertIn(output['error']['message'], stderr)
        return output['error']

    def connect(self, secret=None):
        return self.ok('account', 'add', 'cms', '--type', 'wordpress', '--url', URL,
                       '--user', self.login, '--name', self.account,
                       stdin=(secret or password(self.login)).encode() + b'\n')

    def add_media(self, path):
        """Puts a file into this person's media store as the app would: <sha256>.<ext>."""
        with open(path, 'rb') as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        shutil.copy(path, os.path.join(self.media, digest + os.path.splitext(path)[1]))
        return digest

    def import_article(self, template, **fields):
        """Imports fixtures/@template with {NAME} placeholders filled from @fields."""
        with open(os.path.join(FIXTURES, template), encoding='utf-8') as f:
            text = f.read().format(**fields)
        path = os.path.join(self.test.tmp, '%s-%s' % (self.login, template))
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return self.ok('import', path)[0]

    def edit_body(self, article_id, old, new):
        """Changes the article's body locally (export, edit, update): a new revision."""
        path = os.path.join(self.test.tmp, '%s-edit-%d.md' % (self.login, article_id))
        code, _, stderr = self.run('export', str(article_id), '--output', path)
        self.test.assertEqual(code, 0, stderr)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        self.test.assertIn(old, text)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace(old, new))
        return self.ok('update', str(article_id), path)

    def revision_snapshots(self, article_id):
        """The saved states of an article in the local history (read-only look at the store)."""
        with sqlite3.connect('file:%s?mode=ro' % self.db, uri=True) as db:
            return [row[0] for row in db.execute(
                'SELECT snapshot FROM revisions WHERE article_id = ? ORDER BY id', (article_id,))]


class ScenarioTestCase(cli_util.TempDirTestCase):
    TMP_PREFIX = 'tayori-cms-cli-test-'

    def person(self, login, connect=True):
        someone = Person(self, login)
        if connect:
            someone.connect()
        return someone
