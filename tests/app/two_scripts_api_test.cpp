// Records in two scripts, end to end: a participant list as Chinese host
// agencies send it, names generated and searched in either script, one
// agency per agency (aliases, one namespace, merges), possible duplicates.

#include <set>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using TwoScriptsApiTest = ApiTest;

// 38 officials, as host lists name them: Chinese names only.
constexpr const char* kNames[] = {
    "王芳", "欧阳娜娜", "曾志强", "单雪",   "张伟",   "李娜",  "刘洋",   "陈静",
    "杨帆", "赵磊",     "黄丽",   "周杰",   "吴敏",   "徐强",  "孙丽丽", "马超",
    "朱婷", "胡斌",     "郭晶晶", "何平",   "高峰",   "林涛",  "罗娟",   "郑浩",
    "梁红", "谢东",     "宋佳",   "唐亮",   "许诺",   "韩冰",  "冯雪",   "邓超",
    "曹颖", "彭丹",     "诸葛亮", "司马光", "上官婉", "解晓东"};

// A row of the list: the n-th person of kNames, at agency n % 3.
std::string HostRow(int number, int n) {
  constexpr const char* kAgencies[] = {"公安部出入境管理局", "公安部",
                                       "厦门市公安局出入境管理支队"};
  return std::to_string(number) + "," + kNames[n - 1] + "," +
         (n % 2 ? "女" : "男") + "," + kAgencies[n % 3] + ",科员,福建,1380000" +
         std::to_string(1000 + n) + ",\n";
}

// The list: a title row, the headers, 38 people spread over three agencies,
// a blank row, row 7's person again (row 42) and a row without a name (row
// 43).
std::string HostList() {
  std::string csv =
      "2026年出入境管理培训班学员名单,,,,,,,\n"
      "序号,姓名,性别,单位,职务,省份,手机,邮箱\n";
  for (int n = 1; n <= 38; ++n) csv += HostRow(n, n);
  csv += ",,,,,,,\n";
  csv += HostRow(39, 5);  // 张伟 again
  csv += "40,,男,公安部,科员,福建,,\n";
  return csv;
}

std::string Path(const char* collection, std::int64_t id,
                 const std::string& rest = "") {
  return std::string(collection) + "/" + std::to_string(id) + rest;
}

TEST_F(TwoScriptsApiTest, ImportsAChineseHostListWithoutCreatingAgencies) {
  const auto ec = Organization("European Commission", "intergovernmental");
  const auto bureau =
      Create("/api/v1/organizations",
             {{"name", "MPS Bureau of Exit and Entry Administration"},
              {"native_name", "公安部出入境管理局"},
              {"kind", "government"}});
  Create("/api/v1/organizations", {{"name", "Ministry of Public Security"},
                                   {"native_name", "公安部"},
                                   {"kind", "government"}});
  // Known in English only: the list's spelling matches nothing yet.
  const auto xiamen = Organization("Xiamen Exit and Entry Administration");
  const auto project = Project("CBMM");
  ASSERT_EQ(Put(Path("/api/v1/projects", project, "/organizations"),
                json::array{{{"organization_id", ec},
                             {"role", "lead_funder"},
                             {"amount", 1000},
                             {"currency", "EUR"}}})
                .status,
            200);
  const auto workshop = Workshop(project, "Border management training");
  const auto organizations_before =
      ListAll(port(), "/api/v1/organizations", 100).size();
  const std::string import =
      Path("/api/v1/workshops", workshop, "/registrations/import");

  // The dry run: says what would happen, and which agencies it cannot place.
  auto dry = Upload(port(), import, HostList());
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto report = dry.Json();
  const auto& summary = report.at("summary");
  EXPECT_EQ(summary.at("header_row").as_int64(), 2);
  EXPECT_EQ(summary.at("duplicates_in_file").as_int64(), 1);
  EXPECT_EQ(summary.at("organizations_matched").as_int64(), 2);
  const auto& actions = summary.at("actions");
  EXPECT_EQ(actions.at("skipped").as_int64(), 1);
  EXPECT_EQ(actions.at("create_person").as_int64(), 38);
  EXPECT_EQ(actions.at("already_registered").as_int64(), 1);
  EXPECT_EQ(actions.at("error").as_int64(), 1);
  const auto& rows = report.at("rows").as_array();
  EXPECT_EQ(rows[0].at("action").as_string(), "skipped");
  EXPECT_EQ(rows[1].at("row").as_int64(), 3);
  EXPECT_EQ(rows[1].at("full_name").as_string(), "WANG Fang");
  EXPECT_EQ(rows[1].at("native_name").as_string(), "王芳");
  EXPECT_EQ(rows[1].at("list_order").as_int64(), 1);
  EXPECT_EQ(rows.back().at("errors").as_array()[0].at("field").as_string(),
            "full_name");
  const auto& unmatched = summary.at("unmatched_organizations").as_array();
  ASSERT_EQ(unmatched.size(), 1u);
  EXPECT_EQ(unmatched[0].at("name").as_string(), "厦门市公安局出入境管理支队");
  // n % 3 == 2: 13 people, and row 42 naming one of them again.
  EXPECT_EQ(unmatched[0].at("rows").as_array().size(), 14u);
  // The closest: the bureau shares 公安, 出入境, 管理 with it.
  ASSERT_FALSE(unmatched[0].at("candidates").as_array().empty());
  EXPECT_EQ(unmatched[0].at("candidates").as_array()[0].at("id").as_int64(),
            bureau);

  // A real run never creates the agency silently.
  auto refused =
      Upload(port(), import + "?dry_run=false&skip_invalid=true", HostList());
  ExpectProblem(refused, 422);
  EXPECT_EQ(ListAll(port(), "/api/v1/people", 100).size(), 0u);

  // The coordinator maps it: the list's spelling becomes an alias.
  ASSERT_EQ(Patch(Path("/api/v1/organizations", xiamen),
                  {{"aliases", json::array{"厦门市公安局出入境管理支队"}}})
                .status,
            200);
  auto again = Upload(port(), import, HostList()).Json();
  EXPECT_TRUE(
      again.at("summary").at("unmatched_organizations").as_array().empty());
  EXPECT_EQ(again.at("summary").at("organizations_matched").as_int64(), 3);

  // All or nothing by default: the row without a name stops it.
  ExpectProblem(Upload(port(), import + "?dry_run=false", HostList()), 422);
  auto real =
      Upload(port(), import + "?dry_run=false&skip_invalid=true", HostList());
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(ListAll(port(), "/api/v1/organizations", 100).size(),
            organizations_before);
  const auto people = ListAll(port(), "/api/v1/people", 100);
  ASSERT_EQ(people.size(), 38u);
  for (const auto& p : people) {
    EXPECT_FALSE(p.at("full_name").as_string().empty());
    EXPECT_TRUE(p.at("full_name_generated").as_bool());
  }

  // One person, found in either script.
  std::set<std::int64_t> found;
  for (const char* q : {"wangfang", "Wang%20Fang", "WANG-fang",
                        "%E7%8E%8B%E8%8A%B3" /* 王芳 */}) {
    const auto hits = ListAll(port(), std::string("/api/v1/people?q=") + q, 10);
    ASSERT_EQ(hits.size(), 1u) << q;
    found.insert(hits[0].at("id").as_int64());
  }
  EXPECT_EQ(found.size(), 1u);

  // The grid follows the list's numbering.
  auto matrix = Get(Path("/api/v1/workshops", workshop, "/attendance")).Json();
  const auto& grid = matrix.at("rows").as_array();
  ASSERT_EQ(grid.size(), 38u);
  EXPECT_EQ(grid[0].at("native_name").as_string(), "王芳");
  EXPECT_EQ(grid[37].at("list_order").as_int64(), 38);

  // Everyone present on day one: 38 people trained from 3 agencies, each
  // agency counted once under its English name.
  json::array marks;
  for (const auto& row : grid)
    marks.push_back(
        {{"person_id", row.at("person_id")}, {"status", "present"}});
  const auto session = matrix.at("sessions").as_array()[0].at("id").as_int64();
  ASSERT_EQ(Put(Path("/api/v1/workshops", workshop,
                     "/sessions/" + std::to_string(session) + "/attendance"),
                marks)
                .status,
            200);
  ASSERT_EQ(
      Patch(Path("/api/v1/workshops", workshop), {{"status", "held"}}).status,
      200);
  auto funder =
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(ec) +
          "&from=2017-01-01&to=2017-12-31")
          .Json();
  const auto& totals = funder.at("totals");
  EXPECT_EQ(totals.at("people_trained").as_int64(), 38);
  EXPECT_EQ(totals.at("agencies_reached"),
            (json::array{"Ministry of Public Security",
                         "MPS Bureau of Exit and Entry Administration",
                         "Xiamen Exit and Entry Administration"}));

  // The same file again changes nothing.
  auto repeat =
      Upload(port(), import + "?dry_run=false&skip_invalid=true", HostList())
          .Json();
  EXPECT_EQ(repeat.at("summary").at("actions").at("create_person").as_int64(),
            0);
  EXPECT_EQ(ListAll(port(), "/api/v1/people", 100).size(), 38u);
}

TEST_F(TwoScriptsApiTest, CreatesUnmatchedAgenciesOnlyWhenAsked) {
  const auto workshop = Workshop(Project("P"));
  const std::string import =
      Path("/api/v1/workshops", workshop, "/registrations/import");
  const std::string list =
      "姓名,单位\n李娜,福州市外事办公室\n刘洋,福州市外事办公室\n";
  auto created =
      Upload(port(), import + "?dry_run=false&create_organizations=true", list);
  ASSERT_EQ(created.status, 200) << created.body;
  const auto body = created.Json();
  const auto& made = body.at("summary").at("organizations_created").as_array();
  ASSERT_EQ(made.size(), 1u);  // one agency, named twice
  EXPECT_EQ(made[0].at("name").as_string(), "福州市外事办公室");
  // Renamed in English later, it keeps its Chinese name.
  EXPECT_EQ(made[0].at("native_name").as_string(), "福州市外事办公室");
}

// A list naming someone by the Latin name that two recorded people share
// says it cannot tell which; one naming a person twice, once in each script,
// names one person.
TEST_F(TwoScriptsApiTest, ImportsTellPeopleApartOrSaySoInTheRow) {
  const auto org = Create("/api/v1/organizations",
                          {{"name", "Xiamen Exit and Entry Administration"},
                           {"native_name", "厦门出入境"},
                           {"kind", "government"}});
  const auto wang = Create("/api/v1/people",
                           {{"native_name", "王芳"}, {"organization_id", org}});
  const auto other = Create(
      "/api/v1/people", {{"native_name", "汪芳"}, {"organization_id", org}});
  const std::string import = Path("/api/v1/workshops", Workshop(Project("P")),
                                  "/registrations/import");
  auto answer = Upload(port(), import,
                       "Name,Agency\nWANG Fang,厦门出入境\n"
                       "LI Na,厦门出入境\n李娜,厦门出入境\n")
                    .Json();
  const auto& rows = answer.at("rows").as_array();
  EXPECT_EQ(rows[0].at("action"), "error");
  const std::string message(
      rows[0].at("errors").as_array()[0].at("message").as_string());
  EXPECT_NE(message.find(std::to_string(wang) + ", " + std::to_string(other)),
            std::string::npos)
      << message;
  EXPECT_EQ(rows[1].at("action"), "create_person");
  EXPECT_EQ(rows[2].at("action"), "already_registered");
  EXPECT_EQ(answer.at("summary").at("duplicates_in_file").as_int64(), 1);
}

// 王芳 and 汪芳 are both WANG Fang: two people, in the file and after it.
TEST_F(TwoScriptsApiTest, OneLatinNameForTwoChineseNamesIsTwoPeople) {
  const auto org = Organization("Xiamen Exit and Entry Administration");
  ASSERT_EQ(Patch(Path("/api/v1/organizations", org),
                  {{"aliases", json::array{"厦门出入境"}}})
                .status,
            200);
  const std::string list = "姓名,单位\n王芳,厦门出入境\n汪芳,厦门出入境\n";
  const std::string import = Path("/api/v1/workshops", Workshop(Project("P")),
                                  "/registrations/import");
  auto first = Upload(port(), import + "?dry_run=false", list);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json().at("summary").at("duplicates_in_file").as_int64(), 0);
  EXPECT_EQ(ListAll(port(), "/api/v1/people?q=wangfang", 10).size(), 2u);
  EXPECT_TRUE(
      Get("/api/v1/people/duplicates").Json().at("items").as_array().empty());
  auto again = Upload(port(),
                      Path("/api/v1/workshops", Workshop(Project("Q")),
                           "/registrations/import"),
                      list)
                   .Json();
  EXPECT_EQ(again.at("summary").at("actions").at("match_person").as_int64(), 2);
  EXPECT_NE(again.at("rows").as_array()[0].at("person_id"),
            again.at("rows").as_array()[1].at("person_id"));
}

TEST_F(TwoScriptsApiTest, GeneratesTheLatinNameUntilSomeoneWritesIt) {
  ExpectProblem(Post("/api/v1/people", {{"gender", "female"}}), 422);
  auto r = Post("/api/v1/people", {{"native_name", "欧阳娜娜"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto path = Path("/api/v1/people", r.Json().at("id").as_int64());
  EXPECT_EQ(r.Json().at("full_name").as_string(), "OUYANG Nana");
  EXPECT_TRUE(r.Json().at("full_name_generated").as_bool());
  // Corrected Chinese name: the generated Latin one follows.
  auto p = Patch(path, {{"native_name", "曾志强"}}).Json();
  EXPECT_EQ(p.at("full_name").as_string(), "ZENG Zhiqiang");
  // Written by someone: it stays, whatever the Chinese name becomes.
  p = Patch(path, {{"full_name", "Tsang Chi-keung"}}).Json();
  EXPECT_FALSE(p.at("full_name_generated").as_bool());
  p = Patch(path, {{"native_name", "曾志坚"}}).Json();
  EXPECT_EQ(p.at("full_name").as_string(), "Tsang Chi-keung");
  // The form sends the generated name back unchanged: it stays generated.
  auto q = Post("/api/v1/people", {{"native_name", "王芳"}}).Json();
  const auto other = Path("/api/v1/people", q.at("id").as_int64());
  p = Patch(other, {{"full_name", "WANG Fang"}, {"phone", "139"}}).Json();
  EXPECT_TRUE(p.at("full_name_generated").as_bool());
  EXPECT_EQ(Patch(other, {{"native_name", "汪芳"}}).Json().at("full_name"),
            "WANG Fang");
  // A name in another script needs its Latin form written.
  ExpectProblem(Post("/api/v1/people", {{"native_name", "Ли Мин"}}), 422);
}

TEST_F(TwoScriptsApiTest, EveryNameOfEveryOrganizationIsOneNamespace) {
  const auto mps =
      Create("/api/v1/organizations", {{"name", "Ministry of Public Security"},
                                       {"short_name", "MPS"},
                                       {"native_name", "公安部"},
                                       {"kind", "government"}});
  for (const auto& body :
       {json::object{{"name", "公安部"}, {"kind", "government"}},
        json::object{{"name", "Other"},
                     {"kind", "government"},
                     {"aliases", json::array{"mps"}}},
        json::object{{"name", "Other"},
                     {"kind", "government"},
                     {"native_name", "公安部"}}}) {
    auto r = Post("/api/v1/organizations", body);
    ExpectProblem(r, 409);
    EXPECT_NE(r.Json().at("detail").as_string().find("organization " +
                                                     std::to_string(mps)),
              std::string::npos)
        << r.body;
  }
  // Every name finds it.
  const auto other = Create("/api/v1/organizations",
                            {{"name", "Other"},
                             {"kind", "government"},
                             {"aliases", json::array{"Another name"}}});
  EXPECT_EQ(ListAll(port(), "/api/v1/organizations?q=another", 10)[0]
                .at("id")
                .as_int64(),
            other);
  // Its own names may repeat within the record.
  EXPECT_EQ(Patch(Path("/api/v1/organizations", mps),
                  {{"aliases", json::array{"mps", "中华人民共和国公安部"}}})
                .status,
            200);
}

TEST_F(TwoScriptsApiTest, AnOrganizationMergeMovesEveryReference) {
  const auto merged =
      Create("/api/v1/organizations", {{"name", "Xiamen EEA"},
                                       {"short_name", "XEEA"},
                                       {"native_name", "厦门出入境"},
                                       {"kind", "government"}});
  const auto kept = Create("/api/v1/organizations",
                           {{"name", "Xiamen Exit and Entry Administration"},
                            {"kind", "government"}});
  const auto child = Create("/api/v1/organizations",
                            {{"name", "Xiamen EEA, Gaoqi airport station"},
                             {"kind", "government"},
                             {"parent_id", merged}});
  const auto person = Person("Lin Tao", merged);
  const auto project = Project("P");
  ASSERT_EQ(Put(Path("/api/v1/projects", project, "/organizations"),
                json::array{{{"organization_id", merged},
                             {"role", "co_funder"},
                             {"amount", 50},
                             {"currency", "EUR"}}})
                .status,
            200);
  const auto workshop = Workshop(project);
  ASSERT_EQ(Put(Path("/api/v1/workshops", workshop, "/organizations"),
                json::array{{{"organization_id", merged}, {"role", "host"}},
                            {{"organization_id", kept}, {"role", "host"}},
                            {{"organization_id", merged}, {"role", "trainer"}}})
                .status,
            200);
  auto user = Post("/api/v1/users", {{"username", "xeea"},
                                     {"role", "funder"},
                                     {"organization_id", merged},
                                     {"password", "long-enough-1"}});
  ASSERT_EQ(user.status, 201) << user.body;

  const std::string merge = Path("/api/v1/organizations", merged, "/merge");
  ExpectProblem(Post(merge, {{"into_id", merged}}), 422);
  ExpectProblem(Post(merge, {{"into_id", 9999}}), 422);
  auto r = Post(merge, {{"into_id", kept}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("aliases"),
            (json::array{"Xiamen EEA", "XEEA", "厦门出入境"}));

  ExpectProblem(Get(Path("/api/v1/organizations", merged)), 404);
  EXPECT_EQ(Get(Path("/api/v1/people", person)).Json().at("organization_id"),
            kept);
  EXPECT_EQ(Get(Path("/api/v1/organizations", child)).Json().at("parent_id"),
            kept);
  auto parties =
      Get(Path("/api/v1/workshops", workshop, "/organizations")).Json();
  std::multiset<std::string> roles;
  for (const auto& p : parties.as_array()) {
    EXPECT_EQ(p.at("organization_id").as_int64(), kept);
    roles.insert(std::string(p.at("role").as_string()));
  }
  EXPECT_EQ(roles, (std::multiset<std::string>{"host", "trainer"}));
  auto funders =
      Get(Path("/api/v1/projects", project, "/organizations")).Json();
  EXPECT_EQ(funders.as_array()[0].at("organization_id").as_int64(), kept);
  EXPECT_EQ(Get(Path("/api/v1/users", user.Json().at("id").as_int64()))
                .Json()
                .at("organization_id"),
            kept);
  // Its names find the kept one, and the merge is in the audit trail.
  EXPECT_EQ(ListAll(port(), "/api/v1/organizations?q=xeea", 10)[0]
                .at("id")
                .as_int64(),
            kept);
  auto audit = Get("/api/v1/audit?entity=organization&action=merge").Json();
  ASSERT_EQ(audit.at("items").as_array().size(), 1u);
  EXPECT_EQ(audit.at("items").as_array()[0].at("entity_id").as_int64(), merged);
}

// Merging a ministry into its own bureau's unit: the unit takes the
// ministry's place, and no organization becomes its own ancestor.
TEST_F(TwoScriptsApiTest, MergingIntoADescendantMakesNoCycle) {
  const auto top = Organization("State Council");
  const auto ministry = Create(
      "/api/v1/organizations",
      {{"name", "Ministry"}, {"kind", "government"}, {"parent_id", top}});
  const auto bureau = Create(
      "/api/v1/organizations",
      {{"name", "Bureau"}, {"kind", "government"}, {"parent_id", ministry}});
  const auto unit =
      Create("/api/v1/organizations",
             {{"name", "Unit"}, {"kind", "government"}, {"parent_id", bureau}});
  ASSERT_EQ(Post(Path("/api/v1/organizations", ministry, "/merge"),
                 {{"into_id", unit}})
                .status,
            200);
  EXPECT_EQ(Get(Path("/api/v1/organizations", unit)).Json().at("parent_id"),
            top);
  EXPECT_EQ(Get(Path("/api/v1/organizations", bureau)).Json().at("parent_id"),
            unit);
}

TEST_F(TwoScriptsApiTest, PossibleDuplicatesAreListedUntilMergedOrTold) {
  const auto org = Organization("Fujian Public Security Department");
  const auto a = Create("/api/v1/people", {{"native_name", "王芳"},
                                           {"organization_id", org},
                                           {"phone", "138 0013 8000"}});
  const auto b = Create("/api/v1/people", {{"native_name", "王芳"},
                                           {"organization_id", org},
                                           {"email", "wangfang@example.cn"},
                                           {"position", "科长"},
                                           {"phone", "+86 13800138000"}});
  const auto c = Create("/api/v1/people",
                        {{"full_name", "Li Na"}, {"phone", "0591-8765 4321"}});
  const auto d = Create("/api/v1/people",
                        {{"full_name", "Liu Yang"}, {"phone", "059187654321"}});
  // Found by email as typed, dots and all.
  EXPECT_EQ(ListAll(port(), "/api/v1/people?q=wangfang@example.cn", 10).size(),
            1u);
  // A page at a time.
  auto first = Get("/api/v1/people/duplicates?limit=1").Json();
  ASSERT_EQ(first.at("items").as_array().size(), 1u);
  ASSERT_TRUE(first.at("next_cursor").is_string());
  auto all = Get("/api/v1/people/duplicates").Json().at("items").as_array();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(Get("/api/v1/people/duplicates?limit=1&cursor=" +
                std::string(first.at("next_cursor").as_string()))
                .Json()
                .at("items")
                .as_array()[0]
                .at("people"),
            all[1].at("people"));
  EXPECT_EQ(all[0].at("people"), (json::array{a, b}));
  EXPECT_EQ(all[0].at("reasons"),
            (json::array{"same_native_name_and_organization",
                         "same_name_and_organization", "same_phone"}));
  EXPECT_EQ(all[0].at("details").as_array()[0].at("organization_name"),
            "Fujian Public Security Department");
  EXPECT_EQ(all[1].at("people"), (json::array{c, d}));
  EXPECT_EQ(all[1].at("reasons"), (json::array{"same_phone"}));

  // "Not the same person": the pair goes, and stays gone.
  EXPECT_EQ(
      Post(Path("/api/v1/people", d, "/distinct"), {{"other_id", c}}).status,
      204);
  ExpectProblem(Post(Path("/api/v1/people", d, "/distinct"), {{"other_id", d}}),
                422);
  EXPECT_TRUE(Get(Path("/api/v1/people", c, "/duplicates"))
                  .Json()
                  .at("items")
                  .as_array()
                  .empty());

  // The merge fills what the kept one lacks, and says what differed.
  auto merged = Post(Path("/api/v1/people", b, "/merge"), {{"into_id", a}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto kept = merged.Json();
  EXPECT_EQ(kept.at("email"), "wangfang@example.cn");
  EXPECT_EQ(kept.at("position"), "科长");
  EXPECT_EQ(kept.at("filled_fields"), (json::array{"email", "position"}));
  EXPECT_EQ(kept.at("conflicting_fields"),
            (json::array{{{"field", "phone"},
                          {"kept", "138 0013 8000"},
                          {"merged", "+86 13800138000"}}}));
  EXPECT_TRUE(
      Get("/api/v1/people/duplicates").Json().at("items").as_array().empty());
  // "Not the same person" outlives a merge: c was told apart from d, and
  // when c's second record e keeps c's, e and d stay told apart.
  const auto e = Create("/api/v1/people",
                        {{"full_name", "Li Na"}, {"phone", "0591-8765 4321"}});
  ASSERT_EQ(Post(Path("/api/v1/people", c, "/merge"), {{"into_id", e}}).status,
            200);
  EXPECT_TRUE(
      Get("/api/v1/people/duplicates").Json().at("items").as_array().empty());
}

TEST_F(TwoScriptsApiTest, SkipInvalidSavesTheGoodRowsOfASignInGrid) {
  const auto workshop = Workshop(Project("P"));
  const auto a = Person("Zhang Wei"), b = Person("Li Na");
  Register(workshop, a);
  Register(workshop, b);
  const std::string grid =
      "Sign-in grid, day one\n"
      "Person ID,Full name,2017-09-08\n" +
      std::to_string(a) + ",Zhang Wei,P\n" + std::to_string(b) + ",Li Na,X\n";
  const std::string import =
      Path("/api/v1/workshops", workshop, "/attendance/import");
  ExpectProblem(Upload(port(), import + "?dry_run=false", grid), 422);
  auto r = Upload(port(), import + "?dry_run=false&skip_invalid=true", grid);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("summary").at("header_row").as_int64(), 2);
  auto matrix = Get(Path("/api/v1/workshops", workshop, "/attendance")).Json();
  for (const auto& row : matrix.at("rows").as_array()) {
    const auto& mark = row.at("marks").as_array()[0];
    if (row.at("person_id").as_int64() == a) {
      EXPECT_EQ(mark, "present");
    } else {
      EXPECT_TRUE(mark.is_null());
    }
  }
}

}  // namespace
}  // namespace capdev::testing
