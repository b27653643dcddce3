#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the tayori-connector plugin's REST contract against the real WordPress of
# tests/cms/wordpress-wrapper.sh (run inside it, two approval levels): meta, find, media,
# review (submit, approve, return) and the refusal to publish without approvals.
set -u
: "${TAYORI_WP_URL:?run under tests/cms/wordpress-wrapper.sh}"
api=$TAYORI_WP_URL/wp-json
work=$(mktemp -d "${TMPDIR:-/tmp}/tayori-plugin-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0 checks=0

pw_of() {
  case "$1" in
    contrib) echo "$TAYORI_WP_CONTRIB_PW" ;; author1) echo "$TAYORI_WP_AUTHOR1_PW" ;;
    editor1) echo "$TAYORI_WP_EDITOR1_PW" ;; editor2) echo "$TAYORI_WP_EDITOR2_PW" ;;
    admin) echo "$TAYORI_WP_ADMIN_PW" ;; *) echo "" ;;
  esac
}

# req USER METHOD PATH [JSON] -> $code, body in $work/body (USER "-" = anonymous)
req() {
  local user=$1 method=$2 path=$3 data=${4:-}
  local auth=() body=()
  [ "$user" != - ] && auth=(-u "$user:$(pw_of "$user")")
  [ -n "$data" ] && body=(-H 'Content-Type: application/json' --data-binary "$data")
  code=$(curl -s -o "$work/body" -w '%{http_code}' "${auth[@]}" -X "$method" "${body[@]}" "$api$path")
}

# js PYTHON-EXPRESSION: evaluates it with j = the last response body as JSON
js() {
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); v=eval(sys.argv[2]); print(v if not isinstance(v,(dict,list)) else json.dumps(v, ensure_ascii=False))' "$work/body" "$1"
}

# check DESCRIPTION ACTUAL EXPECTED
check() {
  checks=$((checks + 1))
  if [ "$2" != "$3" ]; then
    failures=$((failures + 1))
    echo "FAIL: $1: expected '$3', got '$2' (HTTP $code: $(head -c 300 "$work/body"))"
  else
    echo "ok: $1"
  fi
}

# new_post USER TITLE HASH [CLIENT-ID] -> $post (a draft with Tayori meta)
new_post() {
  req "$1" POST /wp/v2/posts "{\"title\":\"$2\",\"content\":\"<p>本文</p>\",\"status\":\"draft\",
      \"meta\":{\"tayori_revision_hash\":\"$3\",\"tayori_client_id\":\"${4:-}\"}}"
  post=$(js 'j["id"]')
}
review() {   # review USER POST JSON
  req "$1" POST "/tayori/v1/posts/$2/review" "$3"
}
status_of() {
  req admin GET "/wp/v2/posts/$1?context=edit&_fields=status,date_gmt,meta"
  js 'j["status"]'
}

# --- meta round trip, read-only meta ignored ---
uuid=6f1c2d7e-0000-4000-8000-00000000c0de
req contrib POST /wp/v2/posts '{"title":"お知らせ","content":"<p>本文</p>","status":"draft",
  "meta":{"tayori_client_id":"'$uuid'","tayori_markdown":"# 見出し\n\n本文 \"引用\" \\ 終わり",
  "tayori_meta":"{\"ward\":\"中央区\"}","tayori_revision_hash":"h1","tayori_approvals":5,
  "tayori_review_log":"[{\"action\":\"approve\"}]"}}'
check "contributor creates a draft with meta" "$code" 201
p1=$(js 'j["id"]')
req contrib GET "/wp/v2/posts/$p1?context=edit"
check "client id round trip" "$(js 'j["meta"]["tayori_client_id"]')" "$uuid"
check "markdown round trip" "$(js 'j["meta"]["tayori_markdown"]')" $'# 見出し\n\n本文 "引用" \\ 終わり'
check "tayori_meta round trip" "$(js 'json.loads(j["meta"]["tayori_meta"])["ward"]')" "中央区"
check "approvals not writable" "$(js 'j["meta"]["tayori_approvals"]')" 0
check "review log not writable" "$(js 'j["meta"]["tayori_review_log"]')" ""

# --- find ---
req contrib GET "/tayori/v1/find?client_id=$uuid"
check "find by client id" "$(js 'j["id"]')" "$p1"
req contrib GET "/tayori/v1/find?client_id=no-such-id"
check "find unknown client id" "$(js 'j["id"]')" 0
req - GET "/tayori/v1/find?client_id=$uuid"
check "find needs a login" "$code $(js 'j["code"]')" "401 rest_not_logged_in"
req editor1 GET /tayori/v1/info
check "info" "$(js 'j["version"], j["approval_levels"], j["user"]["login"], j["user"]["approver_level"]')" \
  "('1.0.0', 2, 'editor1', 1)"

# --- media ---
python3 -c 'import base64,sys; sys.stdout.buffer.write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))' > "$work/dot.png"
code=$(curl -s -o "$work/body" -w '%{http_code}' -u "contrib:$TAYORI_WP_CONTRIB_PW" -H 'Content-Type: image/png' \
  -H "Content-Disposition: attachment; filename*=UTF-8''%E5%86%99%E7%9C%9F.png" --data-binary @"$work/dot.png" \
  "$api/tayori/v1/posts/$p1/media?alt=%E5%B8%82%E5%BD%B9%E6%89%80")
check "contributor uploads to own draft" "$code $(js 'j["alt_text"]')" "201 市役所"
src=$(js 'j["source_url"]')
check "uploaded file is served" "$(curl -s -o /dev/null -w '%{http_code}' "$src")" 200
new_post author1 "他人の記事" a1
code=$(curl -s -o "$work/body" -w '%{http_code}' -u "contrib:$TAYORI_WP_CONTRIB_PW" -H 'Content-Type: image/png' \
  -H 'Content-Disposition: attachment; filename="x.png"' --data-binary @"$work/dot.png" \
  "$api/tayori/v1/posts/$post/media?alt=x")
check "contributor upload to someone else's post refused" "$code" 403

# --- submit, return, resubmit ---
review contrib "$p1" '{"action":"submit","note":"確認お願いします"}'
check "submit -> pending" "$code $(js 'j["status"]')" "200 pending"
review editor1 "$p1" '{"action":"return"}'
check "return without a note refused" "$code $(js 'j["code"]')" "400 tayori_note_required"
review editor1 "$p1" '{"action":"approve","revision_hash":"h1"}'
review editor1 "$p1" '{"action":"return","note":"日付を直してください"}'
check "return with a note -> draft, approvals 0" "$code $(js 'j["status"], j["approvals"], j["review_log"][-1]["note"]')" \
  "200 ('draft', 0, '日付を直してください')"
review contrib "$p1" '{"action":"submit"}'

# --- approvals ---
review editor1 "$p1" '{"action":"approve","revision_hash":"stale"}'
check "stale revision refused" "$code $(js 'j["code"]')" "409 tayori_stale_revision"
review editor1 "$p1" '{"action":"approve","revision_hash":"h1","note":"係長OK"}'
check "level 1 approval keeps pending" "$code $(js 'j["status"], j["approvals"]')" "200 ('pending', 1)"
review editor1 "$p1" '{"action":"approve","revision_hash":"h1"}'
check "same approver twice refused" "$code $(js 'j["code"]')" "409 tayori_already_approved"
req admin POST "/wp/v2/posts/$p1" '{"status":"publish"}'
check "REST publish without all approvals refused (admin)" "$code $(js 'j["code"]')" "403 tayori_approval_required"
review editor2 "$p1" '{"action":"approve","revision_hash":"h1"}'
check "level 2 approval publishes" "$code $(js 'j["status"], j["approvals"]')" "200 ('publish', 2)"
check "review log records who and which revision" \
  "$(js '[(e["action"], e["actor"], e["level"], e["revision_hash"]) for e in j["review_log"][-3:]]')" \
  '[["approve", "editor1", 1, "h1"], ["approve", "editor2", 2, "h1"], ["publish", "editor2", 2, "h1"]]'

# --- self approval, approver level order ---
review author1 "$post" '{"action":"submit"}'
review author1 "$post" '{"action":"approve","revision_hash":"a1"}'
check "self approval refused" "$code $(js 'j["code"]')" "403 tayori_self_approval"
review contrib "$post" '{"action":"approve","revision_hash":"a1"}'
check "contributor cannot approve" "$code $(js 'j["code"]')" "403 tayori_not_approver"
review editor2 "$post" '{"action":"approve","revision_hash":"a1"}'
review editor1 "$post" '{"action":"approve","revision_hash":"a1"}'
check "level 1 approver cannot approve at level 2" "$code $(js 'j["code"]')" "403 tayori_not_approver"
new_post editor1 "編集者自身の記事" own1
review editor1 "$post" '{"action":"submit"}'
review editor1 "$post" '{"action":"approve","revision_hash":"own1"}'
check "an approver cannot approve their own article" "$code $(js 'j["code"]')" "403 tayori_self_approval"

# --- revision hash change resets approvals ---
new_post contrib "改訂" r1
review contrib "$post" '{"action":"submit"}'
review editor1 "$post" '{"action":"approve","revision_hash":"r1"}'
req contrib POST "/wp/v2/posts/$post" '{"meta":{"tayori_revision_hash":"r2"}}'
req contrib GET "/wp/v2/posts/$post?context=edit"
check "new revision hash resets approvals" "$(js 'j["meta"]["tayori_approvals"]')" 0
review editor1 "$post" '{"action":"approve","revision_hash":"r2"}'
check "new revision can be approved again" "$code $(js 'j["approvals"]')" "200 1"

# --- return to the previous level ---
review editor2 "$post" '{"action":"return","note":"係長で再確認","to":"previous"}'
check "return to previous: pending, approvals-1" "$code $(js 'j["status"], j["approvals"]')" "200 ('pending', 0)"

# --- scheduled publish ---
at=$(date -u -d '+2 days' '+%Y-%m-%dT09:00:00+09:00')
at_gmt=$(date -u -d "$at" '+%Y-%m-%dT%H:%M:%S')
new_post contrib "予約" s1
review contrib "$post" '{"action":"submit"}'
review editor1 "$post" '{"action":"approve","revision_hash":"s1"}'
review editor2 "$post" "{\"action\":\"approve\",\"revision_hash\":\"s1\",\"publish_at\":\"$at\"}"
check "approve with publish_at -> future" "$code $(js 'j["status"], j["review_log"][-1]["action"]')" "200 ('future', 'schedule')"
req admin GET "/wp/v2/posts/$post?context=edit"
check "scheduled at the requested time" "$(js 'j["status"], j["date_gmt"]')" "('future', '$at_gmt')"

# --- refusal to publish without approvals ---
req admin POST /wp/v2/posts '{"title":"直接公開","status":"publish"}'
check "admin REST create as publish refused" "$code $(js 'j["code"]')" "403 tayori_approval_required"
req admin POST /wp/v2/posts "{\"title\":\"直接予約\",\"status\":\"future\",\"date_gmt\":\"$at_gmt\"}"
check "admin REST create as future refused" "$code $(js 'j["code"]')" "403 tayori_approval_required"
new_post editor1 "編集者の下書き" e1
req editor1 POST "/wp/v2/posts/$post" '{"status":"publish"}'
check "editor REST update to publish refused" "$code $(js 'j["code"]')" "403 tayori_approval_required"
cat > "$work/insert.php" <<'PHP'
<?php
echo get_post_status(wp_insert_post(['post_title' => 'PHP', 'post_status' => 'publish'])), "\n";
PHP
check "publish outside REST turned into pending" "$("$TAYORI_WP_CTL" php "$work/insert.php")" pending
req editor1 POST "/wp/v2/posts/$p1" '{"status":"draft"}'
check "unpublish stays allowed" "$code $(js 'j["status"]')" "200 draft"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
