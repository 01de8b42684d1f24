#pragma once
// Records as the messages name them, in the reader's language: a
// Fields<E>::kNoun ("workshop") is the catalog entry "error.record.workshop".

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/message.hpp"

namespace capdev::storage {

inline domain::Term RecordTerm(std::string_view noun) {
  return {"error.record." + std::string(noun)};
}

// "workshop 12 does not exist".
inline domain::Message RecordNotFound(std::string_view noun, std::int64_t id) {
  return domain::Message(
      "error.record_not_found",
      {{"noun", RecordTerm(noun)}, {"id", std::to_string(id)}});
}

}  // namespace capdev::storage
