#pragma once
// The JSON API's plumbing: a route is a function from a request to a Reply; every
// exception is turned into the error body in one place (error_mapping.cpp).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "http/json_writer.h"
#include "services/accounts.h"
#include "services/audit_trail.h"
#include "services/actor.h"
#include "services/home.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::http {

// A reply's body: JSON text, written by a JsonWriter (every shape of http/dto.h), or
// dumped from a nlohmann::json, braced lists included: Reply{200, {{"ok", true}}} is the
// object {"ok": true}, as nlohmann reads that list. Implicit, so that Reply{200, ...} reads
// the same whichever it is.
struct ReplyBody {
  ReplyBody() = default;
  ReplyBody(JsonWriter&& written) : text(std::move(written).take()) {}
  ReplyBody(const nlohmann::json& value) : text(std::move(JsonWriter().dom(value)).take()) {}
  ReplyBody(nlohmann::json::initializer_list_t list) : ReplyBody(nlohmann::json(list)) {}
  std::string text = "null";  // or a file's bytes (see download())
};

struct Reply {
  int status = 200;
  ReplyBody body;
  httplib::Headers headers = {};  // Set-Cookie, Retry-After and the like
  std::string content_type = "application/json; charset=utf-8";
};

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kPdfType = "application/pdf";

// A file to download (an .xlsx export): its bytes, its type and the name the browser saves
// it under (UTF-8, sent as RFC 5987 filename*).
Reply download(std::string bytes, std::string_view content_type, std::string_view file_name);
// 204 with no body.
Reply no_content();

// A route of a signed-in account (the default): it gets the actor with her scope.
using Handler = std::function<Reply(const httplib::Request&, const services::Actor&)>;
// A route about the session itself (logout, sessions, me).
using SessionHandler = std::function<Reply(const httplib::Request&, const services::Authenticated&)>;
// A public route (login, health): only the client's address.
using PublicHandler = std::function<Reply(const httplib::Request&, const services::Client&)>;

inline constexpr const char* kSessionCookie = "jinguo_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The error body and status for an exception (DomainError or anything else).
Reply error_reply(const std::exception_ptr& error, const httplib::Request& req);
Reply error_reply(const domain::DomainError& e);
int status_of(domain::ErrorKind kind);
// Puts a reply (status, headers, body) into httplib's response.
void send(httplib::Response& res, Reply reply);

// Registers routes (a short-lived object: handlers must not capture it). Every route but the public ones authenticates the session cookie
// and, for POST/PATCH/PUT/DELETE, checks the CSRF token and the origin: in one place.
//
// Bodies: httplib reads up to an upload's size (kMaxUploadBody and a margin); every route
// but upload() refuses more than `max_body` here (413 body_too_large).
class Api {
 public:
  Api(httplib::Server& server, services::Auth& auth, bool secure_cookies, std::size_t max_body,
      const std::vector<std::string>& trusted_proxies)
      : server_(server),
        auth_(auth),
        secure_cookies_(secure_cookies),
        max_body_(max_body),
        trusted_proxies_(std::make_shared<const std::vector<std::string>>(trusted_proxies)) {}
  void get(const std::string& pattern, Handler h);
  void post(const std::string& pattern, Handler h);
  // A POST whose body is a file (up to services::kMaxUploadBytes, checked by the use case).
  void upload(const std::string& pattern, Handler h);
  void patch(const std::string& pattern, Handler h);
  void put(const std::string& pattern, Handler h);
  void del(const std::string& pattern, Handler h);
  void session(const std::string& method, const std::string& pattern, SessionHandler h);
  void open(const std::string& method, const std::string& pattern, PublicHandler h);

  bool secure_cookies() const { return secure_cookies_; }

 private:
  void add(const std::string& method, const std::string& pattern, SessionHandler h, std::size_t max_body);
  void add(const std::string& method, const std::string& pattern, SessionHandler h) {
    add(method, pattern, std::move(h), max_body_);
  }
  httplib::Server& server_;
  services::Auth& auth_;
  bool secure_cookies_;
  std::size_t max_body_;
  std::shared_ptr<const std::vector<std::string>> trusted_proxies_;  // shared by the handlers
};

// What httplib may read of a body: an upload and a margin for the request's own framing.
inline constexpr std::size_t kMaxReadBody = (20u << 20) + (1u << 20);
// 413 body_too_large: a body over `max_body` (an upload over 20 MiB: services::file_too_large).
domain::DomainError body_too_large(std::size_t max_body);

// The value of a cookie of the request ("" if absent).
std::string cookie_value(const httplib::Request& req, const std::string& name);
// Refuses a cross-site request (Origin of another host, Sec-Fetch-Site: cross-site).
void check_same_origin(const httplib::Request& req);

void add_organisation_routes(Api& api, services::Registry& registry);
void add_people_routes(Api& api, services::Registry& registry);
void add_position_routes(Api& api, services::Registry& registry);
void add_dictionary_routes(Api& api, services::Registry& registry);
void add_meta_routes(Api& api, services::Registry& registry, storage::Database& db);
void add_auth_routes(Api& api, services::Auth& auth, services::Registry& registry);
void add_account_routes(Api& api, services::Accounts& accounts);
void add_audit_routes(Api& api, services::AuditTrail& audit);
void add_home_routes(Api& api, services::Home& home);

}  // namespace jinguo::http
