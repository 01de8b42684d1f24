// Certificates' rules: codes read off paper, who is eligible, what a
// template may hold.

#include "domain/certificate.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(CertificateCodeTest, TypedCodesAreReadWhateverTheCaseAndHyphens) {
  EXPECT_EQ(NormalizeCode("K7MX-RW4C-QAH9"), "K7MXRW4CQAH9");
  EXPECT_EQ(NormalizeCode("k7mx rw4c qah9"), "K7MXRW4CQAH9");
  EXPECT_EQ(NormalizeCode("K7MXRW4CQAH9"), "K7MXRW4CQAH9");
  // Look-alikes are never in a code: a typed O or 0 cannot be one.
  EXPECT_EQ(NormalizeCode("K7MX-RW4C-QAH0"), std::nullopt);
  EXPECT_EQ(NormalizeCode("K7MX-RW4C-QAHO"), std::nullopt);
  EXPECT_EQ(NormalizeCode("K7MX-RW4C-QAH"), std::nullopt);    // 11
  EXPECT_EQ(NormalizeCode("K7MX-RW4C-QAH99"), std::nullopt);  // 13
  EXPECT_EQ(NormalizeCode("K7MX/RW4C/QAH9"), std::nullopt);
  EXPECT_EQ(GroupedCode("K7MXRW4CQAH9"), "K7MX-RW4C-QAH9");
}

TEST(CertificateCodeTest, TheAlphabetHoldsNoLookAlikes) {
  for (const char c : std::string_view("0O1IL2Z5S8B")) {
    EXPECT_EQ(kCodeAlphabet.find(c), std::string_view::npos) << c;
  }
  EXPECT_EQ(kCodeAlphabet.size(), 25u);
  EXPECT_GE(kCodeLength, 10u);
}

// Five sessions, a threshold of 80: 4 of 5 (80%) complete, 3 (60%) do not.
TEST(CertificateEligibilityTest, AttendanceAndCompletionByHand) {
  using K = CertificateKind;
  const auto participant = [](std::int64_t days) {
    return Attendance{RegistrationRole::kParticipant,
                      RegistrationStatus::kRegistered, days};
  };
  EXPECT_EQ(Eligibility(K::kAttendance, participant(1), 5, 80), std::nullopt);
  EXPECT_EQ(Eligibility(K::kAttendance, participant(0), 5, 80),
            NotEligible::kNotAttended);
  EXPECT_EQ(Eligibility(K::kCompletion, participant(4), 5, 80), std::nullopt);
  EXPECT_EQ(Eligibility(K::kCompletion, participant(3), 5, 80),
            NotEligible::kNotCompleted);
  // The workshop's own threshold: 3 of 5 is 60%.
  EXPECT_EQ(Eligibility(K::kCompletion, participant(3), 5, 60), std::nullopt);
  // A workshop without sessions completes nobody.
  EXPECT_EQ(Eligibility(K::kCompletion, participant(0), 0, 80),
            NotEligible::kNotCompleted);
  EXPECT_EQ(Eligibility(K::kAttendance,
                        {RegistrationRole::kTrainer,
                         RegistrationStatus::kRegistered, 5},
                        5, 80),
            NotEligible::kNotAParticipant);
  EXPECT_EQ(Eligibility(K::kAttendance,
                        {RegistrationRole::kParticipant,
                         RegistrationStatus::kCancelled, 5},
                        5, 80),
            NotEligible::kCancelled);
}

// base64 of a 1×1 PNG and of the first bytes of a JPEG and a GIF.
constexpr const char* kPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg==";
constexpr const char* kJpegStart = "/9j/4AAQSkZJRgABAQ";
constexpr const char* kGif = "R0lGODlhAQABAAAAACw=";

TEST(CertificateImageTest, PngAndJpegUpTo512KiB) {
  const auto png = DecodeImage(kPng);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->type, ImageType::kPng);
  EXPECT_EQ(png->bytes.size(), 70u);
  const auto jpeg = DecodeImage(kJpegStart);
  ASSERT_TRUE(jpeg.ok());
  EXPECT_EQ(jpeg->type, ImageType::kJpeg);
  EXPECT_EQ(DecodeImage(kGif).status().errors().at(0).code, "invalid");
  EXPECT_EQ(DecodeImage("not base64!").status().errors().at(0).code, "invalid");
  // 512 KiB and one byte, as base64: refused before decoding.
  const std::string big((kMaxImageBytes + 3) / 3 * 4 + 4, 'A');
  EXPECT_EQ(DecodeImage(big).status().errors().at(0).code, "too_long");
}

TEST(CertificateTemplateTest, EveryMistakeAtItsField) {
  CertificateTemplate t;
  t.title = "Capacity Building for Migration Management in China";
  t.native_title = "中国移民管理能力建设项目";
  t.logo_image = kGif;
  t.signatories = {{"Pär Sjöström", "Programme Manager", kPng},
                   {"", "Deputy Director", "%%%"}};
  const auto status = Validate(t);
  ASSERT_FALSE(status.ok());
  std::vector<std::string> fields;
  for (const auto& e : status.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"signatories[1].name",
                                              "signatories[1].signature_image",
                                              "logo_image"}));
  t.signatories.assign(kMaxSignatories + 1, {"Name", std::nullopt, {}});
  t.logo_image.reset();
  ASSERT_FALSE(Validate(t).ok());
  EXPECT_EQ(Validate(t).errors().at(0).field, "signatories");
  t.signatories.resize(kMaxSignatories);
  EXPECT_TRUE(Validate(t).ok());
}

}  // namespace
}  // namespace capdev::domain
