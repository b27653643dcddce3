/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store: fills a store with generated Japanese notices (100,000 by default, imported in
 * batches) and prints the fill time, the open time, the list's first page, searches of 3+
 * and of 1–2 characters, filters, a page in the middle, and the file size. */
#include <locale.h>
#include <time.h>
#include <glib/gstdio.h>
#include "tayori-store.h"

static const char * const wards[] = {
  "中央区", "北区", "東区", "西区", "南区", "港区", "緑区", "青葉区", "若葉区", "花見川区",
  "美浜区", "稲毛区", "泉区", "栄区", "旭区", "瀬谷区", "都筑区", "金沢区", "磯子区", "鶴見区",
  "戸塚区", "保土ケ谷区", "神奈川区", "中原区",
};
static const char * const categories[] = {
  "くらし・手続き/住民票", "くらし・手続き/マイナンバー", "税金/市民税", "税金/確定申告",
  "防災/避難所", "防災/防災訓練", "子育て/保育園", "子育て/児童手当", "健康・福祉/高齢者",
  "健康・福祉/予防接種", "環境/ごみ・リサイクル", "イベント", "イベント/区民まつり",
  "まちづくり/道路", "文化・スポーツ/図書館", "しごと・産業/事業者支援",
};
static const char * const subjects[] = {
  "区民まつり", "防災訓練", "粗大ごみの収集", "保育園の入園申込み", "児童手当の現況届",
  "マイナンバーカードの交付", "確定申告の受付", "図書館の臨時休館", "予防接種の予約",
  "道路工事による通行止め", "高齢者向け健康教室", "事業者向け説明会", "避難所の開設",
  "住民票の写しのコンビニ交付", "資源物の分別方法", "地域の清掃活動",
};
static const char * const kinds[] = {
  "のお知らせ", "について", "の開催", "を実施します", "のご案内", "の変更について",
};
static const char * const sentences[] = {
  "日頃より区政にご理解とご協力をいただき、誠にありがとうございます。",
  "詳しくは区役所の担当窓口までお問い合わせください。",
  "申請には本人確認書類と印鑑をお持ちください。",
  "当日は混雑が予想されますので、公共交通機関をご利用ください。",
  "雨天の場合は中止とし、区のホームページでお知らせします。",
  "事前の予約が必要です。電話またはオンラインでお申し込みください。",
  "対象は区内に在住・在勤・在学の方です。",
  "参加費は無料ですが、定員になり次第締め切ります。",
  "台風の接近に伴い、必要に応じて避難所を開設します。",
  "高齢者や障害のある方は、早めの避難をお願いします。",
  "マイナンバーカードをお持ちの方は、コンビニでも証明書を取得できます。",
  "受付時間は平日の午前8時45分から午後5時までです。",
  "手話通訳や要約筆記が必要な方は、2週間前までにご連絡ください。",
  "外国語での案内が必要な方は、多言語コールセンターをご利用ください。",
  "ごみは収集日の朝8時30分までに、決められた場所に出してください。",
  "工事期間中はご迷惑をおかけしますが、ご理解とご協力をお願いします。",
  "新型感染症の状況により、内容を変更する場合があります。",
  "保育園の入園申込みは、毎月10日が締め切りです。",
  "児童手当を受けている方は、現況届の提出が必要な場合があります。",
  "確定申告の会場では、マスクの着用にご協力ください。",
  "図書館の蔵書点検のため、期間中は休館します。",
  "事業者の皆さまを対象に、補助金の説明会を開催します。",
  "区民の皆さまのご参加を心よりお待ちしております。",
  "駐車場には限りがありますので、お車でのご来場はご遠慮ください。",
  "申込書は区役所の窓口のほか、ホームページからもダウンロードできます。",
  "東京都の制度と併せてご利用いただけます。",
  "市民活動センターでは、ボランティアの登録を受け付けています。",
  "春と秋の年2回、地域の清掃活動を行っています。",
};
static const char * const authors[] = {
  "山田 花子", "佐藤 太郎", "鈴木 一郎", "高橋 美咲", "田中 健", "伊藤 由美", "渡辺 翔",
  "中村 葵", "小林 誠", "加藤 真理",
};
static const char * const weekdays[] = { "月", "火", "水", "木", "金", "土", "日" };
/* Place names are made of two parts (30 × 30), so some words are rare and some common. */
static const char * const place_heads[] = {
  "桜", "梅", "松", "竹", "柳", "榎", "楓", "椿", "藤", "菊", "萩", "桐", "杉", "檜", "栗",
  "大", "小", "高", "中", "新", "本", "東", "西", "南", "北", "上", "下", "宮", "若", "緑",
};
static const char * const place_tails[] = {
  "ヶ丘", "台", "町", "原", "沢", "川", "田", "野", "山", "坂", "谷", "浜", "島", "森", "橋",
  "木", "里", "池", "崎", "瀬", "塚", "平", "岡", "尾", "根", "江", "園", "宿", "見", "戸",
};
static const char * const facilities[] = {
  "地区センター", "コミュニティハウス", "公園", "小学校", "中学校", "図書館", "スポーツセンター",
  "ケアプラザ", "保育園", "公会堂", "市民プール", "駅前広場",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
append_place_sentence (GRand   *rand,
                       GString *body)
{
  g_string_append_printf (body, "会場は%s%s%sです。%d月%d日（%s）午前%d時から行います。",
                          PICK (rand, place_heads), PICK (rand, place_tails), PICK (rand, facilities),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                          PICK (rand, weekdays), g_rand_int_range (rand, 8, 12));
}

static TayoriArticle *
generate_article (GRand *rand,
                  guint  index)
{
  TayoriArticle *article = tayori_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *ward = PICK (rand, wards);
  const char *first = PICK (rand, sentences);
  guint paragraphs = g_rand_int_range (rand, 3, 8);

  title = g_strdup_printf ("%s %s%s（第%u報）", ward, PICK (rand, subjects), PICK (rand, kinds),
                           index % 50 + 1);
  for (guint p = 0; p < paragraphs; p++)
    {
      guint count = g_rand_int_range (rand, 2, 6);

      if (p > 0)
        g_string_append_printf (body, "## %s\n\n", PICK (rand, subjects));
      for (guint s = 0; s < count; s++)
        g_string_append (body, p == 0 && s == 0 ? first : PICK (rand, sentences));
      if (g_rand_boolean (rand))
        append_place_sentence (rand, body);
      g_string_append (body, "\n\n");
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (body, "| 日時 | 会場 |\n|---|---|\n| 4月10日 午前10時 | 区民会館 |\n");

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, body->str);
  tayori_article_set_summary (article, first);
  tayori_article_set_category (article, PICK (rand, categories));
  tayori_article_set_ward (article, ward);
  tayori_article_set_department (article, "広報課");
  tayori_article_set_author (article, PICK (rand, authors));
  tayori_article_set_status (article, g_rand_int_range (rand, 0, TAYORI_ARTICLE_STATUS_ARCHIVED + 1));
  tayori_article_set_contact_phone (article, "03-1234-5678");
  return article;
}

/* Wall time, and the process's CPU time: on a busy machine the second shows what the
 * work itself costs (the store's work runs on one thread while the caller waits). */
typedef struct {
  GArray *wall;
  GArray *cpu;
} Samples;

typedef struct {
  gint64 wall;
  double cpu;
} Mark;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Mark
mark_now (void)
{
  return (Mark) { g_get_monotonic_time (), cpu_ms () };
}

static Samples *
samples_new (void)
{
  Samples *samples = g_new0 (Samples, 1);

  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return samples;
}

static void
samples_free (Samples *samples)
{
  g_array_unref (samples->wall);
  g_array_unref (samples->cpu);
  g_free (samples);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Samples, samples_free)

/* Adds the time since @start; returns its wall time in ms. */
static double
samples_add (Samples *samples,
             Mark     start)
{
  Mark end = mark_now ();
  double wall = (end.wall - start.wall) / 1000.0;
  double cpu = end.cpu - start.cpu;

  g_array_append_val (samples->wall, wall);
  g_array_append_val (samples->cpu, cpu);
  return wall;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            guint   percent)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, values->len * percent / 100));
}

static void
print_percentiles (const char *label,
                   Samples    *samples)
{
  g_print ("%-44s p50 %7.2f ms   p95 %7.2f ms   cpu p50 %7.2f ms   (n=%u)\n", label,
           percentile (samples->wall, 50), percentile (samples->wall, 95),
           percentile (samples->cpu, 50), samples->wall->len);
}

/* What the list shows for a filter: the count and the first 100 rows. */
static double
first_page (TayoriStore               *store,
            const TayoriArticleFilter *filter,
            Samples                   *samples,
            guint                     *out_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Mark start = mark_now ();

  *out_count = tayori_store_count_articles (store, filter, &error);
  g_assert_no_error (error);
  rows = tayori_store_list_articles (store, filter, 0, 100, &error);
  g_assert_no_error (error);
  return samples_add (samples, start);
}

/* The queries take turns, so none is answered from the previous one's cached matches. */
static void
bench_queries (TayoriStore        *store,
               const char         *label,
               const char * const *queries,
               guint               repeats)
{
  guint n_queries = g_strv_length ((char **) queries);
  g_autoptr(Samples) samples = samples_new ();
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func ((GDestroyNotify) samples_free);
  g_autofree guint *counts = g_new0 (guint, n_queries);

  for (guint q = 0; q < n_queries; q++)
    g_ptr_array_add (own, samples_new ());
  for (guint r = 0; r < repeats; r++)
    for (guint q = 0; q < n_queries; q++)
      {
        g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
        Mark start = mark_now ();

        filter->query = g_strdup (queries[q]);
        first_page (store, filter, g_ptr_array_index (own, q), &counts[q]);
        samples_add (samples, start);
      }

  print_percentiles (label, samples);
  for (guint q = 0; q < n_queries; q++)
    {
      Samples *mine = g_ptr_array_index (own, q);

      g_print ("    %-24s %6u hits   p50 %7.2f ms   cpu %7.2f ms\n", queries[q], counts[q],
               percentile (mine->wall, 50), percentile (mine->cpu, 50));
    }
}

static void
bench_filter (TayoriStore               *store,
              const char                *label,
              const TayoriArticleFilter *filter,
              guint                      repeats)
{
  g_autoptr(Samples) samples = samples_new ();
  g_autofree char *full_label = NULL;
  guint count = 0;

  for (guint r = 0; r < repeats; r++)
    first_page (store, filter, samples, &count);
  full_label = g_strdup_printf ("%s (%u rows)", label, count);
  print_percentiles (full_label, samples);
}

static void
fill (TayoriStore *store,
      guint        n_articles,
      guint        batch)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  gint64 start = g_get_monotonic_time ();

  for (guint done = 0; done < n_articles; done += batch)
    {
      g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = done; i < MIN (n_articles, done + batch); i++)
        g_ptr_array_add (articles, generate_article (rand, i));
      if (!tayori_store_import_articles (store, articles, &error))
        g_error ("import: %s", error->message);
    }
  g_print ("%-44s %7.2f s  (%u articles, batches of %u)\n", "fill", (g_get_monotonic_time () - start) / 1e6,
           n_articles, batch);
}

static void
bench_deep_page (TayoriStore *store,
                 guint        offset,
                 guint        repeats)
{
  g_autoptr(Samples) samples = samples_new ();

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      Mark start = mark_now ();

      rows = tayori_store_list_articles (store, NULL, offset, 100, &error);
      g_assert_no_error (error);
      samples_add (samples, start);
    }
  print_percentiles ("page of 100 in the middle of the list", samples);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

int
main (int argc, char **argv)
{
  /* common words (in half the articles or more) and rarer ones (place names: ~1 %) */
  static const char * const long_queries[] = {
    "避難所", "保育園", "確定申告", "マイナンバー", "ﾏｲﾅﾝﾊﾞｰ", "予防接種の予約",
    "桜ヶ丘地区センター", "梅沢公園", "楓台小学校", "区民まつり 中央区", "椿浜ケアプラザ", NULL };
  static const char * const short_queries[] = {
    "申請", "窓口", "東京", "休館", "手話", "桜台", "梅沢", "楓島", "椿谷", NULL };
  static const char * const single_queries[] = { "春", "雨", "萩", NULL };
  int n_articles = 100000;
  int batch = 1000;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  const GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Number of articles (100000)", "N" },
    { "batch", 'b', 0, G_OPTION_ARG_INT, &batch, "Articles per import transaction (1000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      "Store to fill, or to measure as it is when it exists (default: a temporary one)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- store benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  g_autoptr(Samples) cold = samples_new ();
  gint64 start;
  guint count = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles <= 0 || batch <= 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--articles and --batch must be positive");
      return 2;
    }
  if (db_path == NULL)
    {
      dir = g_dir_make_tmp ("bench-store-XXXXXX", &error);
      g_assert_no_error (error);
      db_path = g_build_filename (dir, "tayori.db", NULL);
    }

  /* An existing store is measured as it is, without filling it again. */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      store = tayori_store_open (db_path, &error);
      g_assert_no_error (error);
      fill (store, n_articles, batch);
      tayori_store_close (store);
      g_clear_object (&store);
    }

  start = g_get_monotonic_time ();
  store = tayori_store_open (db_path, &error);
  g_assert_no_error (error);
  g_print ("%-44s %7.2f ms (quick_check + migrations check)\n", "open", (g_get_monotonic_time () - start) / 1000.0);

  g_print ("%-44s %7.2f ms (cold)\n", "first page: count + 100 rows",
           first_page (store, NULL, cold, &count));
  bench_filter (store, "first page: count + 100 rows", NULL, 20);
  bench_queries (store, "search 3+ chars: count + 100 rows", long_queries, 5);
  bench_queries (store, "search 2 chars: count + 100 rows", short_queries, 3);
  bench_queries (store, "search 1 char: count + 100 rows", single_queries, 3);

  filter->category = g_strdup ("防災");
  bench_filter (store, "filter category 防災 (+ sub-categories)", filter, 10);
  g_clear_pointer (&filter->category, g_free);
  filter->ward = g_strdup ("北区");
  filter->status = TAYORI_ARTICLE_STATUS_DRAFT;
  bench_filter (store, "filter ward + status", filter, 10);

  count = tayori_store_count_articles (store, NULL, &error);
  bench_deep_page (store, count / 2, 10);

  tayori_store_close (store);
  wal = g_strconcat (db_path, "-wal", NULL);
  g_print ("%-44s %7.1f MB (+ wal %.1f MB)\n", "db size", file_size (db_path) / 1e6, file_size (wal) / 1e6);
  if (dir == NULL)
    g_print ("db: %s\n", db_path);
  else
    {
      /* a temporary store is over a gigabyte at 100,000 articles: do not leave it behind */
      g_remove (wal);
      g_remove (db_path);
      g_rmdir (dir);
    }
  return 0;
}
