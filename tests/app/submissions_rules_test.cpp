#include <gtest/gtest.h>

#include <map>

#include "app/services/submissions.hpp"

namespace capdev::services {
namespace {

// FIPS 180-2 test vectors.
TEST(Sha256Test, MatchesTheFipsVectors) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(
      Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(JsonChangesTest, ListsChangedValuesByPathIgnoringGeneratedAt) {
  const auto before = json::parse(
      R"({"generated_at":"a","totals":{"people_trained":2,"rate":0.5},)"
      R"("workshops":[{"id":1,"days":3}],"gone":1})");
  const auto now = json::parse(
      R"({"generated_at":"b","totals":{"people_trained":3,"rate":0.5},)"
      R"("workshops":[{"id":1,"days":3.0},{"id":2,"days":1}],"new":true})");
  const auto changes = services::JsonChanges(before, now);
  std::map<std::string, std::pair<json::value, json::value>> by_path;
  for (const auto& c : changes) {
    const auto& o = c.as_object();
    by_path[std::string(o.at("path").as_string())] = {o.at("submitted"),
                                                      o.at("current")};
  }
  // 3 and 3.0 are the same figure; a workshop added is one change.
  EXPECT_EQ(by_path.size(), 4u);
  EXPECT_EQ(by_path["totals.people_trained"].first, 2);
  EXPECT_EQ(by_path["totals.people_trained"].second, 3);
  EXPECT_TRUE(by_path["gone"].second.is_null());
  EXPECT_EQ(by_path["new"].second, true);
  EXPECT_TRUE(by_path["workshops[1]"].first.is_null());
  EXPECT_EQ(by_path["workshops[1]"].second.at("id"), 2);
  EXPECT_TRUE(JsonChanges(before, before).empty());
}

}  // namespace
}  // namespace capdev::services
