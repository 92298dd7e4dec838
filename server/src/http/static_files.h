#pragma once
// The built web app (web/dist) as the server hands it out. cpp-httplib's own file serving
// (set_mount_point) read each file from disk and compressed it afresh for every request
// (brotli at its highest quality: 1.7–7.5 s of CPU for Element Plus's chunk on each first
// visit), and as a mount point on "/" it looked for a file on disk before every API request.
// Here each file is read once (read again when its size or time on disk changes), and each of
// its compressed forms is made once, at its first request, then kept (or read from NAME.br and
// NAME.gz beside it, which the web build writes, when they decode to the file: Element Plus's
// chunk otherwise kept a server's first visitor waiting ~1 s): brotli at the highest
// quality and gzip at 9 for text (scripts, styles, the page, SVG, JSON), as the browser
// accepts them (Accept-Encoding), with Content-Encoding, Vary, Content-Length and a strong
// ETag of the bytes sent (If-None-Match answers 304). The bytes go out through a content
// provider of known length, which httplib neither compresses again nor copies.
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <httplib.h>

namespace jinguo::http {

// The compressed forms a browser accepts: from an Accept-Encoding header ("gzip, deflate, br";
// a coding with q=0 is refused). Brotli is sent when accepted, else gzip, else the bytes as they are.
struct AcceptedCodings {
  bool brotli = false;
  bool gzip = false;
};
AcceptedCodings accepted_codings(std::string_view accept_encoding);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  // Answers a GET or HEAD of the file at `path` (the request's path, or "/index.html" for a
  // client-side route), with `headers` added: false, and `res` untouched, if the root has no
  // such file ("/" is index.html).
  bool serve(const std::string& path, const httplib::Request& req, httplib::Response& res,
             const httplib::Headers& headers = {});

  struct File;

 private:
  std::shared_ptr<File> file(const std::string& relative);
  std::filesystem::path root_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<File>> files_;  // by path under the root
};

}  // namespace jinguo::http
