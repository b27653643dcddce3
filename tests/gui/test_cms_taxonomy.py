# SPDX-License-Identifier: GPL-3.0-or-later
# The CMS's taxonomy and target site in the form, against a real WordPress: the admin makes the
# category 「防災/避難所」 (not in the preset's list); with two sites set up (the same WordPress
# as the contributor and as author1) the form shows 「掲載先サイト」, the second site is chosen,
# the category choices then include the site's 防災/避難所, it is picked, and `tayori-cli push`
# with no account sends the article to the chosen site with that category's id. The AI
# panel's category suggestions (the built-in classifier, tests/gui/ai_gui.py) then say which
# of them the site lacks: the admin made the best one, not the other two.
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import review_gui  # noqa: E402

review_gui.ensure_wrapped()

import ai_gui  # noqa: E402
from tayori_gui import log, main, screenshot, wait_for  # noqa: E402
from review_gui import CmsUser, cli, rest  # noqa: E402

TITLE = "避難所の開設状況"
BODY = "市内の小学校に避難所を開設しました。"
SITE_CATEGORY = "防災 › 避難所"
NOT_ON_SITE = "Not a category on the CMS site"

state = {}


def test_admin_makes_a_category():
    parent = rest("/wp/v2/categories", method="POST", body={"name": "防災", "slug": "bousai"})
    child = rest("/wp/v2/categories", method="POST",
                 body={"name": "避難所", "slug": "hinanjo", "parent": parent["id"]})
    state["category"] = child["id"]
    log("categories:", parent["id"], child["id"])


def test_two_sites_and_the_site_categories_in_the_form():
    user = state["user"] = CmsUser("contrib", "TAYORI_WP_CONTRIB_PW", "city-site")
    user.add_account_with_cli()
    cli("account", "add", "cms", "--type", "wordpress", "--url", os.environ["TAYORI_WP_URL"],
        "--user", "author1", "--name", "ward-site", "--label", "区のサイト",
        stdin=os.environ["TAYORI_WP_AUTHOR1_PW"] + "\n", env=user.app.env)
    state["id"] = user.import_article(TITLE, BODY)
    a = user.app.start()
    a.open_article(TITLE)

    # Popovers are surfaces of their own (AT-SPI gives no screen coordinates in them): keys
    a.point_click(a.find("Target Site", timeout=30))
    a.find("区のサイト", "label")
    screenshot("taxo-target-site")
    a.press("Down")
    a.press("Return")
    wait_for(lambda: a.db_rows("SELECT account FROM cms_links WHERE article_id = ?", (state["id"],))
             == [("ward-site",)], timeout=20, what="the target site to be stored")

    a.point_click(a.find("Category"))
    # The site's own categories come after the preset's, at the end of the list
    a.press("End")
    choice = a.find(SITE_CATEGORY, "label", timeout=30)
    screenshot("taxo-category-choices")
    listing = choice
    while listing.roleName != "list":
        listing = listing.parent
    items = [c for c in listing.children if c is not None]
    names = [next((n.name for n in a.find_all("label", root=item)), "") for item in items]
    log("the end of the category list:", names)
    for _ in range(len(names) - 1 - names.index(SITE_CATEGORY)):
        a.press("Up")
    a.press("Return")
    wait_for(lambda: a.db_rows("SELECT category FROM articles WHERE id = ?", (state["id"],))
             == [("防災/避難所",)], timeout=20, what="the category to be saved")
    screenshot("taxo-form")
    a.quit()


def test_push_goes_to_the_target_with_the_category():
    user = state["user"]
    out = json.loads(cli("--db", user.app.db_path, "push", str(state["id"]), env=user.app.env))
    log("push:", json.dumps(out, ensure_ascii=False)[:300])
    post = rest(f"/wp/v2/posts/{out['remote_id']}", {"context": "edit"})
    author1 = [u["id"] for u in rest("/wp/v2/users", {"context": "edit", "search": "author1"})
               if u["slug"] == "author1"]
    assert post["categories"] == [state["category"]], post["categories"]
    assert [post["author"]] == author1, (post["author"], author1)


def test_suggested_categories_say_which_the_site_lacks():
    best = "ごみ・リサイクル/ごみの出し方"
    parent = rest("/wp/v2/categories", method="POST", body={"name": "ごみ・リサイクル", "slug": "gomi"})
    rest("/wp/v2/categories", method="POST", body={"name": "ごみの出し方", "slug": "dashikata", "parent": parent["id"]})
    user = state["user"]
    ai_gui.import_articles(user.app)
    a = user.app.start()
    a.open_article(ai_gui.TARGET_TITLE)
    panel = ai_gui.open_ai_panel(a)
    ai_gui.run_task(a, "Category")
    wait_for(lambda: len(ai_gui.named_buttons(a, "Apply category", root=panel)) == 3, timeout=30,
             what="three suggested categories")
    wait_for(lambda: a.labels(root=panel).count(NOT_ON_SITE) == 2, timeout=30,
             what="a note on the two suggestions the site lacks")
    screenshot("taxo-ai-suggestions")
    row = a.find(best, root=panel)
    while row.roleName != "list item":
        row = row.parent
    assert NOT_ON_SITE not in a.labels(root=row), a.labels(root=row)
    a.quit()


if __name__ == "__main__":
    main([test_admin_makes_a_category,
          test_two_sites_and_the_site_categories_in_the_form,
          test_push_goes_to_the_target_with_the_category,
          test_suggested_categories_say_which_the_site_lacks])
