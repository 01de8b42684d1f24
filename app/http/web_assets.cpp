#include "app/http/web_assets.hpp"

#include <fstream>
#include <functional>
#include <sstream>

#include "app/http/problem.hpp"
#include "app/i18n/catalog.hpp"

namespace capdev::http {

namespace {

std::string_view ContentType(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "json") return "application/json";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  return "application/octet-stream";
}

std::string Etag(std::string_view body) {
  std::ostringstream out;
  out << '"' << std::hex << std::hash<std::string_view>{}(body) << '"';
  return out.str();
}

// A relative path that stays inside the assets folder.
bool SafePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find("..") != path.npos ||
      path.find('\\') != path.npos)
    return false;
  for (char c : path) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

}  // namespace

WebAssets::WebAssets(std::string dir) : dir_(std::move(dir)) {
  for (const auto& f : WebAssetFiles()) {
    embedded_.emplace(std::string(f.path),
                      Asset{std::string(f.body), Etag(f.body)});
  }
  // The catalogs are the server's too (app/i18n/): one copy, compiled in,
  // served as i18n/LANG.json.
  for (const auto lang : i18n::kLanguages) {
    const auto body = i18n::CatalogJson(lang);
    embedded_.emplace("i18n/" + std::string(i18n::Tag(lang)) + ".json",
                      Asset{std::string(body), Etag(body)});
  }
}

std::optional<WebAssets::Asset> WebAssets::Find(std::string_view path) const {
  if (!SafePath(path)) return std::nullopt;
  if (dir_.empty()) {
    auto it = embedded_.find(path);
    if (it == embedded_.end()) return std::nullopt;
    return it->second;
  }
  // Developing the web app: its files from disk, the catalogs from beside
  // its folder (app/i18n/).
  const bool catalog = path.starts_with("i18n/");
  std::ifstream in(dir_ + (catalog ? "/../" : "/") + std::string(path),
                   std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return Asset{body.str(), Etag(body.str())};
}

std::optional<Response> WebAssets::Serve(const Request& request) const {
  const std::string_view target = request.target;
  const std::string_view path = target.substr(0, target.find('?'));
  std::string_view file;
  if (path == "/" || path == "/index.html") {
    file = "index.html";
  } else if (path.starts_with("/assets/")) {
    file = path.substr(8);
  } else if ((path.starts_with("/p/") || path.starts_with("/c/")) &&
             (request.method == "GET" || request.method == "HEAD")) {
    // A participant's page and the check-in page a QR code opens: one page
    // for phones, which reads its token or key from the address.
    file = "participant-page.html";
  } else {
    return std::nullopt;
  }
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = Problem(405, "error.get_only");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  auto asset = Find(file);
  if (!asset) return Problem(404, "error.no_such_file");

  Response r;
  r.content_type = std::string(ContentType(file));
  // Revalidated on every load: a new binary's assets are never mixed with
  // a cached old copy.
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("ETag", asset->etag);
  if (file.ends_with(".html")) {
    r.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'");
    r.headers.emplace_back("Referrer-Policy", "same-origin");
  }
  if (request.if_none_match == asset->etag) {
    r.status = 304;
    return r;
  }
  if (request.method == "GET") r.body = std::move(asset->body);
  return r;
}

}  // namespace capdev::http
