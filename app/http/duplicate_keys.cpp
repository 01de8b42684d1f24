#include "app/http/duplicate_keys.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "domain/concat.hpp"

namespace capdev::http {

namespace {

using boost::system::error_code;

// A basic_parser handler that only follows where it is: one frame per open
// object or array, the keys seen in each object, the index in each array.
class KeyTracker {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::optional<std::string> repeated;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return Open(false); }
  bool on_object_end(std::size_t, error_code&) { return Close(); }
  bool on_array_begin(error_code&) { return Open(true); }
  bool on_array_end(std::size_t, error_code&) { return Close(); }
  bool on_key_part(std::string_view s, std::size_t, error_code&) {
    key_ += s;
    return true;
  }
  bool on_key(std::string_view s, std::size_t, error_code& ec) {
    key_ += s;
    Frame& f = frames_.back();
    if (!f.keys.insert(key_).second) {
      repeated = Path() + (frames_.size() > 1 ? "." : "") + key_;
      // Stop here: the answer is known.
      ec = boost::json::error::extra_data;
      return false;
    }
    f.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(std::string_view, std::size_t, error_code&) {
    return true;
  }
  bool on_string(std::string_view, std::size_t, error_code&) { return Value(); }
  bool on_number_part(std::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, error_code&) { return Value(); }
  bool on_uint64(std::uint64_t, std::string_view, error_code&) {
    return Value();
  }
  bool on_double(double, std::string_view, error_code&) { return Value(); }
  bool on_bool(bool, error_code&) { return Value(); }
  bool on_null(error_code&) { return Value(); }
  bool on_comment_part(std::string_view, error_code&) { return true; }
  bool on_comment(std::string_view, error_code&) { return true; }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::set<std::string> keys;
    std::string key;  // the key whose value is being read
  };

  bool Open(bool array) {
    frames_.push_back({.array = array});
    return true;
  }
  bool Close() {
    frames_.pop_back();
    return Value();  // the closed container was its parent's value
  }
  // A value ends: an array moves to its next index.
  bool Value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  // Where the innermost frame sits: "a.b[2]".
  std::string Path() const {
    std::string out;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (f.array) {
        out += domain::Concat("[", std::to_string(f.index), "]");
      } else {
        out += (out.empty() ? "" : ".") + f.key;
      }
    }
    return out;
  }

  std::vector<Frame> frames_;
  std::string key_;
};

}  // namespace

std::optional<std::string> RepeatedKey(std::string_view json) {
  boost::json::basic_parser<KeyTracker> parser({});
  error_code ec;
  parser.write_some(false, json.data(), json.size(), ec);
  return std::move(parser.handler().repeated);
}

}  // namespace capdev::http
