// problem+json in the reader's language (API.md "Language"): the signed-in
// user's setting, else Accept-Language, else English; codes, fields and
// params never change with it.

#include <map>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class LanguageApiTest : public ApiTest {
 protected:
  // A request naming the languages it reads.
  HttpResponse Send(const std::string& method, const std::string& target,
                    const json::value& body, const std::string& languages) {
    Connection c(port());
    c.Send(FormatRequest(method, target, json::serialize(body),
                         "Accept-Language: " + languages + "\r\n"));
    auto r = c.Read();
    if (!r) throw std::runtime_error(method + " " + target + ": no answer");
    return *r;
  }

  // A workshop with six mistakes: an unknown project and kind, no title, an
  // end before the start, a negative capacity and a topic given twice.
  HttpResponse BadWorkshop(const std::string& languages) {
    return Send("POST", "/api/v1/workshops",
                {{"project_id", 999},
                 {"title", ""},
                 {"kind", "lecture"},
                 {"status", "planned"},
                 {"start_date", "2027-03-10"},
                 {"end_date", "2027-03-05"},
                 {"capacity", -1},
                 {"topics", json::array{"referral", "referral"}}},
                languages);
  }

  // field -> {code, message}
  static std::map<std::string, std::pair<std::string, std::string>> Errors(
      const json::value& problem) {
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (const auto& e : problem.at("errors").as_array()) {
      out[std::string(e.at("field").as_string())] = {
          std::string(e.at("code").as_string()),
          std::string(e.at("message").as_string())};
    }
    return out;
  }

  static const json::value& Entry(const json::value& problem,
                                  const std::string& field) {
    for (const auto& e : problem.at("errors").as_array()) {
      if (e.at("field").as_string() == field) return e;
    }
    throw std::runtime_error("no error for " + field);
  }
};

TEST_F(LanguageApiTest, AcceptLanguageChineseAnswersInChinese) {
  const auto r = BadWorkshop("zh-CN,zh;q=0.9,en;q=0.8");
  ExpectProblem(r, 422);
  const auto problem = r.Json();
  EXPECT_EQ(problem.at("title"), "内容不符合规则");
  EXPECT_EQ(problem.at("detail"), "请求不符合规则。");
  using E = std::pair<std::string, std::string>;
  EXPECT_EQ(Errors(problem),
            (std::map<std::string, E>{
                {"project_id", {"not_found", "没有 ID 为 999 的项目"}},
                {"kind",
                 {"unknown_value",
                  "必须是以下之一：training, workshop, seminar, study_tour, "
                  "conference, meeting"}},
                {"title", {"required", "为必填项"}},
                {"end_date", {"not_before", "不得早于开始日期"}},
                {"capacity", {"out_of_range", "必须在 0 到 1,000,000 之间"}},
                {"topics[1]", {"repeated", "与第 0 项重复"}}}))
      << r.body;
  // The values a client may use, whatever the language.
  EXPECT_EQ(Entry(problem, "end_date").at("params"),
            (json::object{{"other", "field.start_date"}}));
  EXPECT_EQ(Entry(problem, "capacity").at("params"),
            (json::object{{"min", 0}, {"max", 1000000}}));
  EXPECT_EQ(Entry(problem, "topics[1]").at("params"),
            (json::object{{"first", 0}}));
  EXPECT_EQ(Entry(problem, "project_id").at("params"),
            (json::object{{"noun", "error.record.project"}, {"id", "999"}}));
  EXPECT_FALSE(Entry(problem, "title").as_object().contains("params"));
}

TEST_F(LanguageApiTest, WithoutAcceptLanguageTheAnswerIsInEnglish) {
  const auto r = BadWorkshop("fr-FR,fr;q=0.9");
  ExpectProblem(r, 422);
  const auto problem = r.Json();
  EXPECT_EQ(problem.at("title"), "Unprocessable Content");
  EXPECT_EQ(problem.at("detail"), "The request breaks a rule.");
  EXPECT_EQ(Errors(problem).at("end_date"),
            (std::pair<std::string, std::string>{
                "not_before", "must not be before start date"}));
}

TEST_F(LanguageApiTest, TheUsersOwnLanguageBeatsAcceptLanguage) {
  auto me = Send("PATCH", "/api/v1/me", {{"language", "en"}}, "zh");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("language"), "en");
  EXPECT_EQ(Get("/api/v1/me").Json().at("language"), "en");

  auto r = BadWorkshop("zh");
  ExpectProblem(r, 422);
  auto problem = r.Json();
  EXPECT_EQ(problem.at("title"), "Unprocessable Content");
  EXPECT_EQ(problem.at("detail"), "The request breaks a rule.");
  const auto errors = Errors(problem);
  EXPECT_EQ(errors.at("title"),
            (std::pair<std::string, std::string>{"required", "is required"}));
  EXPECT_EQ(errors.at("project_id"),
            (std::pair<std::string, std::string>{"not_found",
                                                 "no project with id 999"}));

  // Chinese chosen, English asked for: Chinese.
  ASSERT_EQ(Send("PATCH", "/api/v1/me", {{"language", "zh"}}, "en").status,
            200);
  problem = BadWorkshop("en-US").Json();
  EXPECT_EQ(problem.at("detail"), "请求不符合规则。");

  // Null: the browser's again.
  me = Send("PATCH", "/api/v1/me", {{"language", nullptr}}, "en");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_TRUE(me.Json().at("language").is_null());
  EXPECT_EQ(BadWorkshop("zh-Hans").Json().at("detail"), "请求不符合规则。");
  EXPECT_EQ(BadWorkshop("en").Json().at("detail"),
            "The request breaks a rule.");
}

// An import's report and its refusal carry each row's errors in the
// reader's language too.
TEST_F(LanguageApiTest, AnImportsRowsAreInTheReadersLanguage) {
  const auto workshop = Workshop(Project("P"));
  const auto import =
      "/api/v1/workshops/" + std::to_string(workshop) + "/registrations/import";
  const auto upload = [&](const std::string& query,
                          const std::string& languages) {
    Connection c(port());
    c.Send(FormatRequest(
        "POST", import + query, "Name,Gender\nLI Na,X\n",
        "Content-Type: text/csv\r\nAccept-Language: " + languages + "\r\n"));
    return *c.Read();
  };
  const auto row_error = [](const json::value& answer) {
    return answer.at("rows").at(0).at("errors").at(0);
  };

  auto dry = upload("", "zh-CN");
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto error = row_error(dry.Json());
  EXPECT_EQ(error.at("field"), "gender");
  EXPECT_EQ(error.at("code"), "unknown_value");
  EXPECT_EQ(error.at("message"),
            "必须是 F、M、女、男、female、male、other 或 undisclosed");

  auto refused = upload("?dry_run=false", "zh-CN");
  ExpectProblem(refused, 422);
  auto problem = refused.Json();
  EXPECT_EQ(problem.at("detail"),
            "部分行无法导入，未保存任何内容。请更正这些行（或使用 "
            "skip_invalid=true 导入以保存其他行），然后重新导入文件。");
  EXPECT_EQ(Entry(problem, "rows[2].gender").at("code"), "unknown_value");
  EXPECT_EQ(row_error(problem).at("message"),
            "必须是 F、M、女、男、female、male、other 或 undisclosed");

  refused = upload("?dry_run=false", "en");
  problem = refused.Json();
  EXPECT_EQ(row_error(problem).at("message"),
            "must be F, M, 女, 男, female, male, other or undisclosed");
  EXPECT_EQ(Entry(problem, "rows[2].gender").at("message"),
            "must be F, M, 女, 男, female, male, other or undisclosed");
}

TEST_F(LanguageApiTest, ALanguageWeDoNotHaveIsRefused) {
  const auto r = Send("PATCH", "/api/v1/me", {{"language", "fr"}}, "zh");
  ExpectProblem(r, 422);
  const auto problem = r.Json();
  const auto& error = Entry(problem, "language");
  EXPECT_EQ(error.at("code"), "unknown_value");
  EXPECT_EQ(error.at("params"), (json::object{{"allowed", "en, zh"}}));
  EXPECT_EQ(error.at("message"), "必须是以下之一：en, zh");
  // Nothing else is a field of /me.
  const auto other = Send("PATCH", "/api/v1/me",
                          {{"language", "en"}, {"role", "admin"}}, "en");
  ExpectProblem(other, 422);
  EXPECT_EQ(Entry(other.Json(), "role").at("code"), "not_allowed");
  EXPECT_TRUE(Get("/api/v1/me").Json().at("language").is_null());
}

}  // namespace
}  // namespace capdev::testing
