// Certificates over HTTP on the real server: issued by the workshop's rule
// (eligibility worked out by hand), printed as PDF and read back with
// poppler (fonts embedded and subset, both scripts, the codes, nothing cut
// off) and zbarimg (the QR code's address), verified in public, revoked,
// and the project's template.

#include <fstream>
#include <regex>
#include <set>

#include "tests/support/api_test.hpp"
#include "tests/support/command.hpp"
#include "tests/support/http_client.hpp"

namespace capdev::testing {
namespace {

constexpr const char* kPublicUrl = "https://capdev.example.org";
constexpr const char* kLongTitle =
    "Training Workshop on Integrated Border Management, Document Examination "
    "and the Detection of Forged Travel Documents for Senior Officials of the "
    "Exit and Entry Administration";
constexpr const char* kNativeTitle =
    "出入境管理局高级官员综合边境管理、证件检验与伪造旅行证件识别培训班";
// A 1×1 PNG.
constexpr const char* kPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg==";

// Four sessions (one a day), a completion threshold of 75:
//   王芳                       P P P P   4/4  attendance, completion
//   阿卜杜热合曼·买买提明       P L P A   3/4  attendance, completion (75%)
//   欧阳娜娜                   P A A L   2/4  attendance only
//   李伟                       A A A A   0/4  neither: not_attended
//   张敏 (cancelled)                          neither: cancelled
//   Hans MUELLER (trainer)    P P P P        asked by name: not_a_participant
class CertificateApiTest : public ApiTest {
 protected:
  CertificateApiTest()
      : ApiTest(std::vector<std::string>{"--public-url", kPublicUrl}) {}

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    project_ = Create("/api/v1/projects",
                      {{"code", "CBMM"},
                       {"title",
                        "Capacity Building for Migration Management "
                        "in China"},
                       {"native_title", "中国移民管理能力建设项目"}});
    const auto iom =
        Create("/api/v1/organizations", {{"name",
                                          "International Organization for "
                                          "Migration"},
                                         {"native_name", "国际移民组织"},
                                         {"kind", "intergovernmental"}});
    const auto frontex = Organization("Frontex", "intergovernmental");
    workshop_ = Create("/api/v1/workshops", {{"project_id", project_},
                                             {"title", kLongTitle},
                                             {"native_title", kNativeTitle},
                                             {"kind", "training"},
                                             {"status", "held"},
                                             {"start_date", "2025-03-10"},
                                             {"end_date", "2025-03-13"},
                                             {"city", "Xiamen"},
                                             {"completion_threshold", 75}});
    w_ = "/api/v1/workshops/" + std::to_string(workshop_);
    ASSERT_EQ(
        Put(w_ + "/organizations",
            json::array{{{"organization_id", iom}, {"role", "organizer"}},
                        {{"organization_id", frontex}, {"role", "trainer"}}})
            .status,
        200);
    for (const char* name :
         {"王芳", "阿卜杜热合曼·买买提明", "欧阳娜娜", "李伟", "张敏"}) {
      people_.push_back(Create("/api/v1/people", {{"native_name", name}}));
      registrations_.push_back(Register(workshop_, people_.back()));
    }
    ASSERT_EQ(Patch(w_ + "/registrations/" + std::to_string(registrations_[4]),
                    {{"status", "cancelled"}})
                  .status,
              200);
    trainer_ = Person("Hans MUELLER");
    Register(workshop_, trainer_, "trainer");
    const auto items = Sessions(w_);
    ASSERT_EQ(items.size(), 4u);
    const std::vector<std::vector<const char*>> marks = {
        {"present", "present", "present", "present"},
        {"present", "late", "present", "absent"},
        {"present", "absent", "absent", "late"},
        {"absent", "absent", "absent", "absent"},
        {"present", "present", "present", "present"}};  // the trainer
    for (std::size_t s = 0; s < items.size(); ++s) {
      json::array sheet;
      for (std::size_t p = 0; p < 4; ++p) {
        sheet.push_back({{"person_id", people_[p]}, {"status", marks[p][s]}});
      }
      sheet.push_back({{"person_id", trainer_}, {"status", marks[4][s]}});
      ASSERT_EQ(
          Put(w_ + "/sessions/" + std::to_string(items[s]) + "/attendance",
              sheet)
              .status,
          200);
    }
  }

  std::vector<std::int64_t> Sessions(const std::string& workshop) {
    const auto sessions = Get(workshop + "/sessions").Json();
    std::vector<std::int64_t> ids;
    for (const auto& s : sessions.at("items").as_array()) {
      ids.push_back(s.at("id").as_int64());
    }
    return ids;
  }
  json::object Issue(const json::object& body) {
    const auto r = Post(w_ + "/certificates", body);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().as_object();
  }
  // The certificates issued, by person.
  static std::map<std::int64_t, json::object> ByPerson(const json::object& o) {
    std::map<std::int64_t, json::object> out;
    for (const auto& c : o.at("issued").as_array()) {
      out[c.at("person_id").as_int64()] = c.as_object();
    }
    return out;
  }
  static std::map<std::int64_t, std::string> Refusals(const json::object& o) {
    std::map<std::int64_t, std::string> out;
    for (const auto& r : o.at("not_eligible").as_array()) {
      out[r.at("person_id").as_int64()] = r.at("reason").as_string().c_str();
    }
    return out;
  }
  std::string SavePdf(const std::string& target, const std::string& name) {
    const auto r = Get(target);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/pdf");
    const auto path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << r.body;
    return path;
  }
  // The verification of a code, by its path on the server.
  HttpResponse Verify(const std::string& code) {
    return Get("/api/v1/verify/" + code);
  }

  std::int64_t project_ = 0;
  std::int64_t workshop_ = 0;
  std::int64_t trainer_ = 0;
  std::string w_;
  std::vector<std::int64_t> people_;
  std::vector<std::int64_t> registrations_;
};

// Text as pdftotext reads it, with every run of white space one space (a
// long title wraps), and without any (Chinese wraps between characters).
struct PdfText {
  std::string spaced;
  std::string packed;
};
PdfText ReadPdfText(const std::string& path) {
  const auto run = RunCommand("pdftotext -enc UTF-8 " + path + " -");
  EXPECT_EQ(run.exit_code, 0);
  return {std::regex_replace(run.output, std::regex("\\s+"), " "),
          std::regex_replace(run.output, std::regex("\\s+"), "")};
}

TEST_F(CertificateApiTest, IssuedByTheRuleAndIssuingAgainAnswersTheSame) {
  // Nothing to print yet.
  ExpectProblem(Get(w_ + "/certificates?format=pdf"), 409);
  const auto attendance = Issue({{"kind", "attendance"}});
  EXPECT_EQ(attendance.at("created").as_int64(), 3);
  const auto held = ByPerson(attendance);
  EXPECT_EQ(held.size(), 3u);
  for (std::size_t p : {0u, 1u, 2u}) EXPECT_TRUE(held.contains(people_[p]));
  EXPECT_EQ(Refusals(attendance),
            (std::map<std::int64_t, std::string>{{people_[3], "not_attended"},
                                                 {people_[4], "cancelled"}}));
  std::set<std::string> codes;
  for (const auto& [person, c] : held) {
    const std::string code(c.at("code").as_string());
    EXPECT_TRUE(
        std::regex_match(code, std::regex("[34679ACDEFGHJKMNPQRTUVWXY]{12}")))
        << code;
    codes.insert(code);
    EXPECT_EQ(c.at("verify_url").as_string(),
              std::string(kPublicUrl) + "/verify/" + code);
    EXPECT_EQ(c.at("kind").as_string(), "attendance");
    EXPECT_TRUE(c.at("revoked_at").is_null());
  }
  EXPECT_EQ(codes.size(), 3u);
  EXPECT_EQ(held.at(people_[0]).at("native_name").as_string(), "王芳");
  EXPECT_EQ(held.at(people_[0]).at("full_name").as_string(), "WANG Fang");

  const auto completion = Issue({{"kind", "completion"}});
  EXPECT_EQ(completion.at("created").as_int64(), 2);
  EXPECT_EQ(ByPerson(completion).size(), 2u);
  EXPECT_TRUE(ByPerson(completion).contains(people_[1]));  // 3 of 4 = 75%
  EXPECT_EQ(Refusals(completion),
            (std::map<std::int64_t, std::string>{{people_[2], "not_completed"},
                                                 {people_[3], "not_completed"},
                                                 {people_[4], "cancelled"}}));

  // Again: the same certificates, nothing new.
  const auto again = Issue({{"kind", "attendance"}});
  EXPECT_EQ(again.at("created").as_int64(), 0);
  for (const auto& [person, c] : ByPerson(again)) {
    EXPECT_EQ(c.at("code"), held.at(person).at("code"));
  }
  // A certificate held stays the answer when the marks change afterwards:
  // 欧阳娜娜's marks all absent now.
  const auto sessions = Sessions(w_);
  for (const auto session : sessions) {
    ASSERT_EQ(
        Put(w_ + "/sessions/" + std::to_string(session) + "/attendance",
            json::array{{{"person_id", people_[2]}, {"status", "absent"}},
                        {{"person_id", people_[0]}, {"status", "present"}},
                        {{"person_id", people_[1]}, {"status", "present"}}})
            .status,
        200);
  }
  const auto after = Issue({{"kind", "attendance"}});
  EXPECT_EQ(after.at("created").as_int64(), 0);
  EXPECT_EQ(ByPerson(after).at(people_[2]).at("code"),
            held.at(people_[2]).at("code"));
  EXPECT_FALSE(Refusals(after).contains(people_[2]));
  // A registration whose person holds a certificate stays until it is
  // revoked: neither removed nor given to someone else.
  const auto r2 = w_ + "/registrations/" + std::to_string(registrations_[2]);
  ExpectProblem(Delete(r2), 409);
  ExpectProblem(Patch(r2, {{"person_id", trainer_}}), 409);

  // By name: the trainer and a stranger are told why not.
  const auto named =
      Issue({{"kind", "attendance"},
             {"person_ids", json::array{people_[0], trainer_, 999999}}});
  EXPECT_EQ(named.at("created").as_int64(), 0);
  EXPECT_EQ(ByPerson(named).size(), 1u);
  EXPECT_EQ(Refusals(named),
            (std::map<std::int64_t, std::string>{
                {trainer_, "not_a_participant"}, {999999, "not_registered"}}));

  const auto reg = Get(w_ + "/certificates").Json();
  EXPECT_EQ(reg.at("items").as_array().size(), 5u);

  // The person's page lists theirs with the workshop.
  const auto mine =
      Get("/api/v1/people/" + std::to_string(people_[1]) + "/certificates")
          .Json()
          .at("items")
          .as_array();
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].at("workshop_title").as_string(), kLongTitle);
  EXPECT_EQ(mine[0].at("workshop_native_title").as_string(), kNativeTitle);
  EXPECT_EQ(mine[0].at("start_date").as_string(), "2025-03-10");

  // Bad requests lose nothing.
  ExpectProblem(Post(w_ + "/certificates", {{"kind", "diploma"}}), 422);
  ExpectProblem(Post(w_ + "/certificates", json::object{}), 422);
  ExpectProblem(
      Post(w_ + "/certificates", {{"kind", "attendance"}, {"colour", "gold"}}),
      422);
  ExpectProblem(
      Post("/api/v1/workshops/999999/certificates", {{"kind", "attendance"}}),
      404);
  EXPECT_EQ(Get(w_ + "/certificates").Json().at("items").as_array().size(), 5u);
  // A workshop holding certificates cannot be deleted; a cancelled one
  // issues none.
  const auto refused = Delete(w_);
  ExpectProblem(refused, 409);
  EXPECT_NE(refused.Json().at("detail").as_string().find("5 certificates"),
            std::string_view::npos)
      << refused.body;
  const auto other = Workshop(project_, "Cancelled seminar");
  ASSERT_EQ(Patch("/api/v1/workshops/" + std::to_string(other),
                  {{"status", "cancelled"}})
                .status,
            200);
  ExpectProblem(
      Post("/api/v1/workshops/" + std::to_string(other) + "/certificates",
           {{"kind", "attendance"}}),
      409);
}

TEST_F(CertificateApiTest, PdfsReadBackWithPopplerAndTheQrCodeVerifies) {
  const auto held = ByPerson(Issue({{"kind", "attendance"}}));
  Issue({{"kind", "completion"}});
  const auto all = SavePdf(w_ + "/certificates?format=pdf", "all.pdf");

  const auto info = RunCommand("pdfinfo " + all);
  EXPECT_NE(info.output.find("Pages:           5"), std::string::npos)
      << info.output;
  EXPECT_NE(info.output.find("841.89 x 595.28 pts (A4)"), std::string::npos)
      << info.output;

  // Every font embedded and subset: "emb sub" columns both "yes".
  const auto fonts = RunCommand("pdffonts " + all);
  ASSERT_EQ(fonts.exit_code, 0);
  int font_lines = 0;
  const std::regex line(
      R"(^([A-Z]{6}\+\S+)\s+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$)");
  std::istringstream rows(fonts.output);
  for (std::string row; std::getline(rows, row);) {
    if (row.starts_with("name") || row.starts_with("---")) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(row, m, line)) << "not subset: " << row;
    EXPECT_EQ(m[2], "yes") << row;  // embedded
    EXPECT_EQ(m[3], "yes") << row;  // subset
    ++font_lines;
  }
  EXPECT_GE(font_lines, 2);

  const auto text = ReadPdfText(all);
  for (const char* s :
       {"王芳", "阿卜杜热合曼·买买提明", "欧阳娜娜", "参训证明", "结业证书",
        "中国移民管理能力建设项目", "国际移民组织", kNativeTitle}) {
    EXPECT_NE(text.packed.find(s), std::string::npos) << s;
  }
  for (const char* s :
       {"WANG Fang", "OUYANG Nana", "Certificate of Attendance",
        "Certificate of Completion", kLongTitle, "10–13 Mar 2025 · Xiamen",
        "2025年3月10日至13日", "Frontex",
        "International Organization for Migration"}) {
    EXPECT_NE(text.spaced.find(s), std::string::npos) << s;
  }
  for (const auto& [person, c] : held) {
    const std::string code(c.at("code").as_string());
    const std::string grouped =
        code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8);
    EXPECT_NE(text.spaced.find(grouped), std::string::npos) << grouped;
  }
  EXPECT_EQ(text.spaced.find("李伟"), std::string::npos);

  // Page 1 is the first certificate issued (王芳's): its QR code holds its
  // verification address.
  const auto png = dir_.File("page");
  ASSERT_EQ(RunCommand("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + all +
                       " " + png)
                .exit_code,
            0);
  const auto qr = RunCommand("zbarimg --raw -q " + png + ".png 2>/dev/null");
  ASSERT_EQ(qr.exit_code, 0);
  const auto& first = held.at(people_[0]);
  EXPECT_EQ(qr.output, std::string(first.at("verify_url").as_string()) + "\n");
  const std::string code(first.at("code").as_string());
  const auto verified = Verify(code);
  ASSERT_EQ(verified.status, 200) << verified.body;
  const auto v = verified.Json();
  EXPECT_EQ(v.at("status").as_string(), "valid");
  EXPECT_EQ(v.at("holder").at("native_name").as_string(), "王芳");
  EXPECT_EQ(v.at("holder").at("full_name").as_string(), "WANG Fang");
  EXPECT_EQ(v.at("workshop").at("title").as_string(), kLongTitle);
  EXPECT_EQ(v.at("workshop").at("native_title").as_string(), kNativeTitle);
  EXPECT_EQ(v.at("workshop").at("city").as_string(), "Xiamen");
  EXPECT_EQ(v.at("dates").at("start_date").as_string(), "2025-03-10");
  EXPECT_EQ(v.at("dates").at("end_date").as_string(), "2025-03-13");
  EXPECT_EQ(v.at("kind").as_string(), "attendance");
  // Nothing else about the person.
  EXPECT_EQ(v.at("holder").as_object().size(), 2u);
  // As typed off paper: lower case, hyphens.
  std::string typed =
      code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8);
  std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
  EXPECT_EQ(Verify(typed).status, 200);
  ExpectProblem(Verify("K7MX-RW4C-QAH9"), 404);
  ExpectProblem(Verify("not-a-code"), 404);

  // The page the QR code opens, in each language.
  const auto page = Get("/verify/" + code + "?lang=zh");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("有效证书"), std::string::npos);
  EXPECT_NE(page.body.find("王芳 / WANG Fang"), std::string::npos);
  EXPECT_NE(Get("/verify/" + code + "?lang=en").body.find("Valid certificate"),
            std::string::npos);
  EXPECT_EQ(Get("/verify/K7MXRW4CQAH9").status, 404);
  // A link shared through a messaging app comes back with its parameters.
  const auto shared =
      Get("/verify/" + code + "?from=singlemessage&isappinstalled=0&lang=fr");
  EXPECT_EQ(shared.status, 200);
  EXPECT_NE(shared.body.find("WANG Fang"), std::string::npos);
  const auto form = Get("/verify?lang=zh&code=" + typed);
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("有效证书"), std::string::npos);

  // Revoked: with a reason, once; the code then says so.
  const auto id = std::to_string(first.at("id").as_int64());
  EXPECT_EQ(ErrorFields(Post("/api/v1/certificates/" + id + "/revoke",
                             {{"reason", ""}})),
            std::vector<std::string>{"reason"});
  const auto revoked = Post("/api/v1/certificates/" + id + "/revoke",
                            {{"reason", "Name misspelt on the host's list"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_FALSE(revoked.Json().at("revoked_at").is_null());
  ExpectProblem(
      Post("/api/v1/certificates/" + id + "/revoke", {{"reason", "again"}}),
      409);
  EXPECT_EQ(Verify(code).Json().at("status").as_string(), "revoked");
  EXPECT_NE(Get("/verify/" + code + "?lang=zh").body.find("已撤销"),
            std::string::npos);
  // Its own PDF is stamped; the workshop's holds only valid ones (4).
  const auto one = SavePdf("/api/v1/certificates/" + id + ".pdf", "one.pdf");
  EXPECT_NE(ReadPdfText(one).packed.find("已撤销"), std::string::npos);
  const auto valid = SavePdf(w_ + "/certificates?format=pdf", "valid.pdf");
  EXPECT_NE(RunCommand("pdfinfo " + valid).output.find("Pages:           4"),
            std::string::npos);
  // Issuing again makes her a new one with a new code.
  const auto renewed = ByPerson(Issue({{"kind", "attendance"}}));
  EXPECT_NE(renewed.at(people_[0]).at("code"), first.at("code"));
  EXPECT_EQ(Get(w_ + "/certificates").Json().at("items").as_array().size(), 6u);
}

TEST_F(CertificateApiTest, TheParticipantsOwnPageHoldsTheirCertificates) {
  const auto held = ByPerson(Issue({{"kind", "attendance"}}));
  const auto link =
      Post(w_ + "/registrations/" + std::to_string(registrations_[0]) + "/link",
           json::object{});
  ASSERT_EQ(link.status, 201) << link.body;
  const std::string url(link.Json().at("url").as_string());
  const std::string token = url.substr(url.rfind('/') + 1);
  const auto page = Get("/api/v1/participant/" + token).Json();
  const auto& own = page.at("certificates").as_array();
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].at("code"), held.at(people_[0]).at("code"));
  const std::string pdf(own[0].at("pdf_url").as_string());
  SetBearerToken("");
  const auto path = SavePdf(pdf, "own.pdf");
  EXPECT_NE(ReadPdfText(path).packed.find("王芳"), std::string::npos);
  // Another participant's certificate is not reached through this link.
  const auto other = std::to_string(held.at(people_[1]).at("id").as_int64());
  ExpectProblem(
      Get("/api/v1/participant/" + token + "/certificates/" + other + ".pdf"),
      404);
  ExpectProblem(Get("/api/v1/certificates/" + other + ".pdf"), 401);
}

TEST_F(CertificateApiTest, TheTemplateIsCheckedSavedAndDrawn) {
  const std::string t =
      "/api/v1/projects/" + std::to_string(project_) + "/certificate-template";
  const auto empty = Get(t).Json();
  EXPECT_TRUE(empty.at("title").is_null());
  EXPECT_TRUE(empty.at("signatories").as_array().empty());

  // A JPEG as a camera or scanner makes one: pdftoppm's, of a blank page.
  Issue({{"kind", "attendance"}});
  const auto pdf = SavePdf(w_ + "/certificates?format=pdf", "all.pdf");
  const auto jpeg_path = dir_.File("sig");
  ASSERT_EQ(RunCommand("pdftoppm -r 12 -jpeg -f 1 -l 1 -singlefile " + pdf +
                       " " + jpeg_path)
                .exit_code,
            0);
  const auto jpeg = RunCommand("base64 -w0 " + jpeg_path + ".jpg").output;

  json::object body{
      {"title", "EU-China Dialogue on Migration and Mobility Support Project"},
      {"native_title", "支持中欧人员往来和移民领域对话项目"},
      {"wording", "has successfully attended the five-day course"},
      {"native_wording", "圆满完成为期五天的课程"},
      {"signatories", json::array{{{"name", "Pär Sjöström"},
                                   {"title", "Chief of Mission, IOM China"},
                                   {"signature_image", kPng}},
                                  {{"name", "刘明"},
                                   {"title", "公安部出入境管理局副局长"},
                                   {"signature_image", jpeg}}}},
      {"logo_image", kPng}};

  // Mistakes at their fields, nothing saved.
  auto bad = body;
  bad["logo_image"] = "R0lGODlhAQABAAAAACw=";  // a GIF
  bad["signatories"].as_array()[1].as_object()["signature_image"] =
      "iVBORw0KGgoAAAAAAAAAAAAAAA==";  // PNG's magic, then nothing
  EXPECT_EQ(ErrorFields(Put(t, bad)),
            (std::vector<std::string>{"signatories[1].signature_image",
                                      "logo_image"}));
  bad = body;
  bad["logo_image"] = std::string((512 * 1024 + 3) / 3 * 4 + 4, 'A');
  const auto too_big = Put(t, bad);
  EXPECT_EQ(ErrorFields(too_big), std::vector<std::string>{"logo_image"});
  EXPECT_TRUE(Get(t).Json().at("title").is_null());
  ExpectProblem(Post(t + "/preview", bad), 422);

  const auto saved = Put(t, body);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Get(t).Json(), json::value(body));

  const auto preview = Post(t + "/preview", body);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Header("content-type"), "image/png");
  EXPECT_TRUE(preview.body.starts_with("\x89PNG"));

  // The PDF now says what the template says, with its three images (the
  // JPEG embedded as it came).
  const auto drawn = SavePdf(w_ + "/certificates?format=pdf", "drawn.pdf");
  const auto text = ReadPdfText(drawn);
  for (const char* s : {"EU-China Dialogue on Migration and Mobility Support "
                        "Project",
                        "has successfully attended the five-day course",
                        "Pär Sjöström", "Chief of Mission, IOM China"}) {
    EXPECT_NE(text.spaced.find(s), std::string::npos) << s;
  }
  for (const char* s :
       {"支持中欧人员往来和移民领域对话项目", "圆满完成为期五天的课程", "刘明",
        "公安部出入境管理局副局长"}) {
    EXPECT_NE(text.packed.find(s), std::string::npos) << s;
  }
  const auto images = RunCommand("pdfimages -list -f 1 -l 1 " + drawn);
  EXPECT_NE(images.output.find(" jpeg "), std::string::npos) << images.output;
}

// A duplicate merged into the person: its certificates follow, and verify
// under the kept person's names.
TEST_F(CertificateApiTest, AMergedPersonKeepsTheirCertificates) {
  Issue({{"kind", "attendance"}});
  const auto duplicate = Create(
      "/api/v1/people", {{"native_name", "王芳"}, {"email", "wf@example.cn"}});
  const auto other = Create("/api/v1/workshops", {{"project_id", project_},
                                                  {"title", "Seminar"},
                                                  {"kind", "seminar"},
                                                  {"status", "held"},
                                                  {"start_date", "2025-06-02"},
                                                  {"end_date", "2025-06-02"}});
  const auto o = "/api/v1/workshops/" + std::to_string(other);
  Register(other, duplicate);
  ASSERT_EQ(
      Put(o + "/sessions/" + std::to_string(Sessions(o).at(0)) + "/attendance",
          json::array{{{"person_id", duplicate}, {"status", "present"}}})
          .status,
      200);
  const auto issued = Post(o + "/certificates", {{"kind", "attendance"}});
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string code(
      issued.Json().at("issued").as_array().at(0).at("code").as_string());

  const auto merged =
      Post("/api/v1/people/" + std::to_string(duplicate) + "/merge",
           {{"into_id", people_[0]}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  const auto mine =
      Get("/api/v1/people/" + std::to_string(people_[0]) + "/certificates")
          .Json()
          .at("items")
          .as_array();
  EXPECT_EQ(mine.size(), 2u);
  const auto v = Verify(code).Json();
  EXPECT_EQ(v.at("status").as_string(), "valid");
  EXPECT_EQ(v.at("holder").at("native_name").as_string(), "王芳");
}

// An erased person's certificates go: their codes verify as unknown, not
// as "Erased person N".
TEST_F(CertificateApiTest, ErasureTakesThePersonsCertificates) {
  const auto held = ByPerson(Issue({{"kind", "attendance"}}));
  const std::string code(held.at(people_[0]).at("code").as_string());
  ASSERT_EQ(Verify(code).status, 200);
  const auto erased =
      Post("/api/v1/people/" + std::to_string(people_[0]) + "/erase",
           json::object{});
  ASSERT_EQ(erased.status, 200) << erased.body;
  ExpectProblem(Verify(code), 404);
  EXPECT_EQ(Get(w_ + "/certificates").Json().at("items").as_array().size(), 2u);
}

// Images a page never needs are refused before they are decoded (a
// 40000-pixel side would take gigabytes); images up to 512 KiB each are
// taken, three of them in one body.
TEST_F(CertificateApiTest, ImagesAreBoundedBySizeNotByTheBody) {
  const std::string t =
      "/api/v1/projects/" + std::to_string(project_) + "/certificate-template";
  const auto make = [&](const std::string& name, const std::string& python) {
    const auto path = dir_.File(name);
    EXPECT_EQ(RunCommand("python3 -c '" + python + "' " + path).exit_code, 0);
    return RunCommand("base64 -w0 " + path).output;
  };
  // A PNG whose header says 40000 × 8, and a JPEG whose frame says 40000 wide.
  const auto wide_png =
      make("wide.png", "import sys,base64; b=bytearray(base64.b64decode(\"" +
                           std::string(kPng) +
                           "\")); b[16:20]=(40000).to_bytes(4,\"big\"); "
                           "open(sys.argv[1],\"wb\").write(b)");
  Issue({{"kind", "attendance"}});
  const auto pdf = SavePdf(w_ + "/certificates?format=pdf", "all.pdf");
  ASSERT_EQ(RunCommand("pdftoppm -r 12 -jpeg -f 1 -l 1 -singlefile " + pdf +
                       " " + dir_.File("small"))
                .exit_code,
            0);
  const auto wide_jpeg = make(
      "wide.jpg", "import sys; b=bytearray(open(\"" + dir_.File("small.jpg") +
                      "\",\"rb\").read()); i=b.index(b\"\\xff\\xc0\"); "
                      "b[i+7:i+9]=(40000).to_bytes(2,\"big\"); "
                      "open(sys.argv[1],\"wb\").write(b)");
  const auto refused = Put(
      t, {{"logo_image", wide_png},
          {"signatories",
           json::array{{{"name", "刘明"}, {"signature_image", wide_jpeg}}}}});
  EXPECT_EQ(ErrorFields(refused),
            (std::vector<std::string>{"logo_image",
                                      "signatories[0].signature_image"}));
  // Three noisy PNGs of about 400 KiB (incompressible): 1.6 MB of base64.
  const auto noise = make(
      "noise.png",
      "import sys,os,zlib,struct; w,h=360,380\n"
      "c=lambda k,d: "
      "struct.pack(\">I\",len(d))+k+d+struct.pack(\">I\",zlib.crc32(k+d))\n"
      "raw=b\"\".join(b\"\\0\"+os.urandom(w*3) for _ in range(h))\n"
      "open(sys.argv[1],\"wb\").write(b\"\\x89PNG\\r\\n\\x1a\\n\"+c(b\"IHDR\","
      "struct.pack(\">IIBBBBB\",w,h,8,2,0,0,0))+c(b\"IDAT\",zlib.compress(raw))"
      "+c(b\"IEND\",b\"\"))");
  ASSERT_GT(noise.size(), 500'000u);
  const json::object big{
      {"logo_image", noise},
      {"signatories",
       json::array{{{"name", "Pär Sjöström"}, {"signature_image", noise}},
                   {{"name", "刘明"}, {"signature_image", noise}}}}};
  const auto saved = Put(t, big);
  ASSERT_EQ(saved.status, 200) << saved.body.substr(0, 300);
  EXPECT_EQ(Post(t + "/preview", big).status, 200);
}

// Verification tries are limited per address: 60 in 10 minutes.
TEST_F(CertificateApiTest, GuessingCodesIsStopped) {
  for (int i = 0; i < 60; ++i) {
    ASSERT_EQ(Verify("K7MXRW4CQAH9").status, 404) << i;
  }
  ExpectProblem(Verify("K7MXRW4CQAH9"), 429);
  // The page says so, and never that a code is unknown.
  const auto page = Get("/verify/K7MXRW4CQAH9?lang=zh");
  EXPECT_EQ(page.status, 429);
  EXPECT_EQ(page.Header("retry-after"), "600");
  EXPECT_NE(page.body.find("验证次数过多"), std::string::npos);
  EXPECT_EQ(page.body.find("没有此编号的证书"), std::string::npos);
}

TEST_F(CertificateApiTest, AWorkshopKeepsItsNativeTitleAndThreshold) {
  const auto w = Get(w_).Json();
  EXPECT_EQ(w.at("native_title").as_string(), kNativeTitle);
  EXPECT_EQ(w.at("completion_threshold").as_int64(), 75);
  EXPECT_EQ(ErrorFields(Patch(w_, {{"completion_threshold", 0}})),
            std::vector<std::string>{"completion_threshold"});
  EXPECT_EQ(ErrorFields(Patch(w_, {{"completion_threshold", 101}})),
            std::vector<std::string>{"completion_threshold"});
  EXPECT_EQ(Get(w_).Json().at("completion_threshold").as_int64(), 75);
  // Found by its Chinese title.
  const auto found = Get("/api/v1/workshops?q=%E4%BC%AA%E9%80%A0").Json();
  ASSERT_EQ(found.at("items").as_array().size(), 1u);
}

}  // namespace
}  // namespace capdev::testing
