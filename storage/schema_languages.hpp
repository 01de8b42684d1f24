#pragma once
// Migration 14: each user's own language for the interface, the reports
// and the server's messages (API.md "Language"); NULL follows the browser.

namespace capdev::storage {

inline constexpr const char* kSchemaLanguages = R"sql(
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'zh'));
)sql";

}  // namespace capdev::storage
