#pragma once
// The HTTP server: the JSON API under /api, the OpenAPI document, and the web app's
// static files with index.html for client-side routes.
#include <memory>
#include <string>
#include <vector>

#include "services/accounts.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::storage {
class HeldIndex;
}

namespace jinguo::services {
class PdfRenderer;
}

namespace jinguo::http {

struct HttpConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root;          // built web app (web/dist); may be missing
  int threads = 64;              // one per keep-alive connection
  int backlog = 1024;
  std::size_t max_body = 1 << 20;
  bool secure_cookies = false;   // behind TLS: cookies get the Secure flag
  std::string public_url;        // where the certificates' QR codes point (http://host:port when empty)
  int public_requests_per_minute = 60;  // the public pages, per address
  std::string metrics_token;     // /metrics with this bearer token from anywhere; empty: localhost only
  bool json_logs = false;        // one JSON line per request (log_format = json)
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For / X-Real-IP name the client
};

// The use cases the HTTP API serves.
struct Services {
  services::Registry& registry;
  services::Auth& auth;
  services::Accounts& accounts;
  services::PdfRenderer& pdf;                 // draws the forms', certificates' and posters' PDFs
  storage::HeldIndex* held_index = nullptr;  // forms and compliance count from it when given
};

class HttpServer {
 public:
  HttpServer(HttpConfig config, const Services& services, storage::Database& db);
  ~HttpServer();
  // Binds the port (false if it cannot); then run() serves until stop().
  bool bind();
  bool run();
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jinguo::http
