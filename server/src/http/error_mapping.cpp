#include <cctype>

#include <spdlog/spdlog.h>

#include "http/api.h"
#include "http/observability.h"
#include "http/request.h"
#include "http/staffing_dto.h"
#include "services/crypto.h"

namespace jinguo::http {

int status_of(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::kMalformed: return 400;
    case domain::ErrorKind::kInvalid: return 422;
    case domain::ErrorKind::kNotFound: return 404;
    case domain::ErrorKind::kConflict: return 409;
    case domain::ErrorKind::kForbidden: return 403;
    case domain::ErrorKind::kUnauthorized: return 401;
    case domain::ErrorKind::kTooLarge: return 413;
    case domain::ErrorKind::kUnsupportedType: return 415;
    case domain::ErrorKind::kTooManyRequests: return 429;
    case domain::ErrorKind::kBusy: return 503;
    case domain::ErrorKind::kInternal: return 500;
  }
  return 500;
}

// {"error": {code, field, message, message_en, and what this error adds}}.
Reply error_reply(const domain::DomainError& e) {
  Reply reply;
  reply.status = status_of(e.kind());
  JsonWriter w;
  w.begin_object().key("error").object([&] {
    w.field("code", e.code())
        .field("field", e.field().empty() ? std::nullopt : std::optional<std::string_view>(e.field()))
        .field("message", e.message_zh())
        .field("message_en", e.message_en());
    if (e.existing_id()) w.field("existing_id", *e.existing_id());
    if (const auto* broken = dynamic_cast<const services::StaffingRuleBroken*>(&e)) {
      w.key("findings");
      dto::findings(w, broken->findings(), broken->context());
    }
    for (const auto& [key, value] : e.details()) {
      w.field(key, value);
      if (key == "retry_after" && (reply.status == 429 || reply.status == 503)) reply.headers.emplace("Retry-After", value);
    }
  });
  w.end_object();
  reply.body = std::move(w);
  return reply;
}

Reply error_reply(const std::exception_ptr& error, const httplib::Request& req) {
  try {
    std::rethrow_exception(error);
  } catch (const domain::DomainError& e) {
    if (e.kind() == domain::ErrorKind::kInternal)
      spdlog::error("{} {} (request {}): {}", req.method, req.path, current_request().id, e.message_en());
    return error_reply(e);
  } catch (const std::exception& e) {
    spdlog::error("{} {} (request {}): {}", req.method, req.path, current_request().id, e.what());
  } catch (...) {
    spdlog::error("{} {} (request {}): unknown exception", req.method, req.path, current_request().id);
  }
  return error_reply(domain::DomainError(domain::ErrorKind::kInternal, "internal_error", "",
                                         "服务器内部错误，请稍后再试或联系管理员", "internal server error"));
}

void send(httplib::Response& res, Reply reply) {
  res.status = reply.status;
  for (const auto& [key, value] : reply.headers) res.set_header(key, value);
  res.body = std::move(reply.body.text);  // what set_content does, without copying the text
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", reply.content_type);
}

Reply download(std::string bytes, std::string_view content_type, std::string_view file_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;  // RFC 5987: attr-char kept, every other byte %-encoded
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 15]);
    }
  }
  Reply reply;
  reply.body.text = std::move(bytes);
  reply.content_type = std::string(content_type);
  // The plain filename (for old clients) keeps the extension of the real one.
  const auto dot = file_name.rfind('.');
  const std::string plain = "export" + std::string(dot == std::string_view::npos ? ".xlsx" : file_name.substr(dot));
  reply.headers.emplace("Content-Disposition", "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded);
  reply.headers.emplace("Cache-Control", "no-store");  // personal data: not kept by caches
  return reply;
}

Reply no_content() {
  Reply reply;
  reply.status = 204;
  reply.body.text.clear();
  return reply;
}

namespace {

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

void respond(const httplib::Request& req, httplib::Response& res, const std::function<Reply()>& body) {
  Reply reply;
  try {
    reply = body();
  } catch (...) {
    reply = error_reply(std::current_exception(), req);
  }
  send(res, std::move(reply));
}

domain::DomainError csrf_failed() {
  return domain::forbidden("csrf_failed", "", "请求未通过跨站校验，请刷新页面后重试", "CSRF check failed");
}

}  // namespace

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.starts_with(name) && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    pos = end + 1;
  }
  return "";
}

void check_same_origin(const httplib::Request& req) {
  if (req.get_header_value("Sec-Fetch-Site") == "cross-site") throw csrf_failed();
  if (req.has_header("Origin")) {
    std::string origin = req.get_header_value("Origin"), host = req.get_header_value("Host");
    if (origin != "http://" + host && origin != "https://" + host) throw csrf_failed();
  }
}

namespace {

services::Authenticated authenticate(services::Auth& auth, const httplib::Request& req,
                                     const std::vector<std::string>& trusted_proxies) {
  auto who = auth.Authenticate(cookie_value(req, kSessionCookie), client_of(req, trusted_proxies).address);
  if (changes_state(req.method)) {
    check_same_origin(req);
    if (!services::constant_time_equal(req.get_header_value(kCsrfHeader), who.session.csrf_token)) throw csrf_failed();
  }
  return who;
}

}  // namespace

domain::DomainError body_too_large(std::size_t max_body) {
  const bool whole_mib = max_body % (1u << 20) == 0;
  const std::string limit = whole_mib ? std::to_string(max_body >> 20) + " MiB" : std::to_string(max_body >> 10) + " KiB";
  return {domain::ErrorKind::kTooLarge, "body_too_large", "", "请求内容超过" + limit + "上限",
          "the body is larger than " + limit};
}

void Api::add(const std::string& method, const std::string& pattern, SessionHandler h, std::size_t max_body) {
  // The Api object lives only while routes are added: handlers keep what they need.
  RouteStats& stats = RequestMetrics::instance().route(method, pattern);
  auto handler = [&auth = auth_, h = std::move(h), max_body, &stats, trusted = trusted_proxies_](
                     const httplib::Request& req, httplib::Response& res) {
    RouteScope scope(stats);
    respond(req, res, [&] {
      if (req.body.size() > max_body) throw body_too_large(max_body);
      auto who = authenticate(auth, req, *trusted);
      current_request().account_id = who.account.id;
      return h(req, who);
    });
  };
  if (method == "GET") server_.Get(pattern, handler);
  else if (method == "POST") server_.Post(pattern, handler);
  else if (method == "PATCH") server_.Patch(pattern, handler);
  else if (method == "PUT") server_.Put(pattern, handler);
  else if (method == "DELETE") server_.Delete(pattern, handler);
  else throw std::logic_error("unsupported method " + method);
}

void Api::session(const std::string& method, const std::string& pattern, SessionHandler h) {
  add(method, pattern, std::move(h));
}

void Api::open(const std::string& method, const std::string& pattern, PublicHandler h) {
  RouteStats& stats = RequestMetrics::instance().route(method, pattern);
  auto handler = [h = std::move(h), max_body = max_body_, &stats, trusted = trusted_proxies_](const httplib::Request& req,
                                                                                              httplib::Response& res) {
    RouteScope scope(stats);
    respond(req, res, [&] {
      if (req.body.size() > max_body) throw body_too_large(max_body);
      return h(req, client_of(req, *trusted));
    });
  };
  if (method == "GET") server_.Get(pattern, handler);
  else if (method == "POST") server_.Post(pattern, handler);
  else throw std::logic_error("unsupported method " + method);
}

namespace {
// A data route that changes something needs at least the write permission (viewers never
// change data); use cases check the finer permissions themselves.
SessionHandler with_actor(Handler h) {
  return [h = std::move(h)](const httplib::Request& req, const services::Authenticated& who) {
    if (changes_state(req.method)) domain::require(who.actor.role, domain::Permission::kWrite);
    return h(req, who.actor);
  };
}
}  // namespace

void Api::get(const std::string& pattern, Handler h) { add("GET", pattern, with_actor(std::move(h))); }
void Api::post(const std::string& pattern, Handler h) { add("POST", pattern, with_actor(std::move(h))); }
void Api::upload(const std::string& pattern, Handler h) {
  add("POST", pattern, with_actor(std::move(h)), kMaxReadBody);  // the use case checks the file's own limit
}
void Api::patch(const std::string& pattern, Handler h) { add("PATCH", pattern, with_actor(std::move(h))); }
void Api::put(const std::string& pattern, Handler h) { add("PUT", pattern, with_actor(std::move(h))); }
void Api::del(const std::string& pattern, Handler h) { add("DELETE", pattern, with_actor(std::move(h))); }

}  // namespace jinguo::http
