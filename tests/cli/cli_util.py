# SPDX-License-Identifier: GPL-3.0-or-later
# What the tayori-cli test scripts (tests/cli, tests/checks/corpus) share: reading their
# command line, a test case with its own temporary HOME, and running a module's tests.

import os
import shutil
import sys
import tempfile
import unittest


def parse_args(usage):
    """(tayori-cli path, data directory) from the command line; exits with @usage otherwise."""
    if len(sys.argv) != 3:
        sys.exit(f'usage: {usage}')
    return sys.argv[1], sys.argv[2]


def run_tests(module):
    """Runs every test of @module, prints a summary line and exits: 0 when all of at least
    one test passed, 1 otherwise."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f'{result.testsRun - failed} passed, {failed} failed')
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)


class TempDirTestCase(unittest.TestCase):
    """A test with a temporary directory (self.tmp, removed afterwards) and self.env: this
    environment in C.UTF-8 with HOME and the XDG directories inside self.tmp, so that no test
    touches the user's own files."""
    TMP_PREFIX = 'tayori-cli-test-'

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix=self.TMP_PREFIX)
        self.env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='',
                        HOME=self.tmp, XDG_DATA_HOME=os.path.join(self.tmp, 'data'),
                        XDG_CONFIG_HOME=os.path.join(self.tmp, 'config'))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write_temp(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path
