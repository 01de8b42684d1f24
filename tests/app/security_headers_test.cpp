// Every answer carries nosniff; every HTML page carries a policy: the web app
// its own, the reports and printable sheets one that runs no script.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class SecurityHeadersTest : public ApiTest {};

void ExpectDocumentPolicy(const HttpResponse& r, const std::string& what) {
  ASSERT_EQ(r.status, 200) << what << ": " << r.body;
  EXPECT_EQ(r.Header("content-type").rfind("text/html", 0), 0u) << what;
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << what;
  const std::string policy = r.Header("content-security-policy");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << what;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_EQ(policy.find("script-src"), std::string::npos) << what;
  EXPECT_EQ(r.Header("referrer-policy"), "same-origin") << what;
}

TEST_F(SecurityHeadersTest, ReportPagesAndSignInSheetsRunNoScript) {
  const auto commission =
      Organization("European Commission", "intergovernmental");
  const auto project = Project("CBMM");
  ASSERT_EQ(
      Put("/api/v1/projects/" + std::to_string(project) + "/organizations",
          json::array{
              {{"organization_id", commission}, {"role", "lead_funder"}}})
          .status,
      200);
  const auto workshop = Workshop(project, "厦门 border management training");
  Register(workshop, Person("WANG Fang"));
  const std::string w = std::to_string(workshop);
  const std::string period = "from=2017-01-01&to=2017-12-31&format=html";
  ExpectDocumentPolicy(
      Get("/api/v1/workshops/" + w + "/attendance?format=html"),
      "sign-in sheets");
  ExpectDocumentPolicy(
      Get("/api/v1/reports/attendance?workshop_id=" + w + "&format=html"),
      "attendance report");
  ExpectDocumentPolicy(Get("/api/v1/reports/funder?organization_id=" +
                           std::to_string(commission) + "&" + period),
                       "funder report");
  ExpectDocumentPolicy(Get("/api/v1/reports/summary?" + period),
                       "summary report");
  ExpectDocumentPolicy(Get("/api/v1/projects/" + std::to_string(project) +
                           "/results/report?" + period),
                       "results report");
}

TEST_F(SecurityHeadersTest, EveryAnswerIsNotToBeSniffed) {
  for (const char* target :
       {"/api/v1/workshops", "/api/v1/openapi.json", "/healthz",
        "/api/v1/no-such-route", "/assets/app.css"}) {
    EXPECT_EQ(Get(target).Header("x-content-type-options"), "nosniff")
        << target;
  }
}

TEST_F(SecurityHeadersTest, TheWebAppKeepsItsOwnPolicy) {
  const auto page = Get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("content-security-policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(page.Header("x-content-type-options"), "nosniff");
}

}  // namespace
}  // namespace capdev::testing
