#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using PeopleApiTest = ApiTest;

TEST_F(PeopleApiTest, CreateReadUpdateFilterDelete) {
  auto iom = Organization("IOM Office in China", "intergovernmental");
  auto r = Post("/api/v1/people", {{"full_name", "Pär Liljert"},
                                   {"organization_id", iom},
                                   {"position", "Chief of Mission"},
                                   {"email", "pliljert@example.org"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto person = r.Json();
  EXPECT_EQ(person.at("gender").as_string(), "undisclosed");
  EXPECT_EQ(person.at("full_name").as_string(), "Pär Liljert");
  const std::string path =
      "/api/v1/people/" + std::to_string(person.at("id").as_int64());
  EXPECT_EQ(Patch(path, {{"gender", "male"}, {"native_name", "李杰"}}).status,
            200);
  EXPECT_EQ(Get(path).Json().at("native_name").as_string(), "李杰");
  Person("Liu Liu");
  EXPECT_EQ(ListAll(port(),
                    "/api/v1/people?organization_id=" + std::to_string(iom), 10)
                .size(),
            1u);
  EXPECT_EQ(ListAll(port(), "/api/v1/people?q=p%C3%A4r", 10).size(), 1u);
  EXPECT_EQ(ListAll(port(), "/api/v1/people?q=%E6%9D%8E", 10).size(),
            1u);  // 李
  EXPECT_EQ(ListAll(port(), "/api/v1/people", 1).size(), 2u);
  EXPECT_EQ(Delete(path).status, 204);
}

TEST_F(PeopleApiTest, RejectsBadFieldsAndUnknownOrganization) {
  auto r = Post("/api/v1/people", {{"full_name", std::string(301, 'a')},
                                   {"gender", "unknown"},
                                   {"organization_id", 12345},
                                   {"email", "nobody"},
                                   {"phone", true}});
  ExpectProblem(r, 422);
  auto f = ErrorFields(r);
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"email", "full_name", "gender",
                                         "organization_id", "phone"}));
}

TEST_F(PeopleApiTest, ARegisteredPersonCannotBeDeleted) {
  auto person = Person("Kieran Best");
  Register(Workshop(Project("P")), person);
  const auto refused = Delete("/api/v1/people/" + std::to_string(person));
  ExpectProblem(refused, 409);
  const auto body = refused.Json();
  const auto& entry = body.at("errors").at(0);
  EXPECT_EQ(entry.at("field"), "id");
  EXPECT_EQ(entry.at("code"), "in_use");
}

// `sort=name`: in Chinese, people by their Chinese name in pinyin order (李
// li, 王 wang, 张 zhang), page after page; in English by the Latin name.
TEST_F(PeopleApiTest, SortByNameFollowsTheReadersLanguage) {
  for (const auto& [latin, native] :
       std::vector<std::pair<std::string, std::string>>{
           {"ZHANG Wei", "张伟"},
           {"LI Ming", "李明"},
           {"AN Qi", "安琪"},
           {"WANG Fang", "王芳"}}) {
    Create("/api/v1/people", {{"full_name", latin}, {"native_name", native}});
  }
  const auto names = [&](const std::string& field) {
    std::vector<std::string> out;
    std::string cursor;
    do {
      const auto page = Get("/api/v1/people?sort=name&limit=3" +
                            (cursor.empty() ? "" : "&cursor=" + cursor))
                            .Json();
      for (const auto& p : page.at("items").as_array())
        out.emplace_back(p.at(field).as_string());
      const auto& next = page.at("next_cursor");
      cursor = next.is_null() ? "" : std::string(next.as_string());
    } while (!cursor.empty());
    return out;
  };
  EXPECT_EQ(
      names("full_name"),
      (std::vector<std::string>{"AN Qi", "LI Ming", "WANG Fang", "ZHANG Wei"}));
  ASSERT_EQ(Patch("/api/v1/me", {{"language", "zh"}}).status, 200);
  EXPECT_EQ(names("native_name"),
            (std::vector<std::string>{"安琪", "李明", "王芳", "张伟"}));
  // By id without sort=name, in either language.
  EXPECT_EQ(names("native_name").size(), 4U);
  EXPECT_EQ(Get("/api/v1/people").Json().at("items").at(0).at("native_name"),
            "张伟");
  EXPECT_EQ(Get("/api/v1/people?sort=age").status, 400);
}

}  // namespace
}  // namespace capdev::testing
