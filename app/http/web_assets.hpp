#pragma once
// The coordinators' web app: `GET /` and `GET /assets/<path>`, answered from
// the files compiled into the binary (or, for development, from a folder).

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/http/message.hpp"

namespace capdev::http {

struct EmbeddedFile {
  std::string_view path;  // relative to app/web/: "index.html", "js/app.js"
  std::string_view body;
};

// Generated from app/web/ by cmake/embed_web.cmake.
std::span<const EmbeddedFile> WebAssetFiles();

class WebAssets {
 public:
  // `dir` empty: the compiled-in files; else read from that folder on each
  // request, so the web app can be edited without rebuilding.
  explicit WebAssets(std::string dir = "");

  // The answer for `/` and `/assets/...`, or nullopt for every other path.
  std::optional<Response> Serve(const Request& request) const;

 private:
  struct Asset {
    std::string body;
    std::string etag;
  };
  std::optional<Asset> Find(std::string_view path) const;

  std::string dir_;
  std::map<std::string, Asset, std::less<>> embedded_;
};

}  // namespace capdev::http
