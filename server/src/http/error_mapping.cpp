#include <spdlog/spdlog.h>

#include "http/api.h"
#include "http/staffing_dto.h"

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
    case domain::ErrorKind::kInternal: return 500;
  }
  return 500;
}

Reply error_reply(const domain::DomainError& e) {
  nlohmann::json error = {{"code", e.code()},
                          {"field", e.field().empty() ? nlohmann::json(nullptr) : nlohmann::json(e.field())},
                          {"message", e.message_zh()},
                          {"message_en", e.message_en()}};
  if (e.existing_id()) error["existing_id"] = *e.existing_id();
  if (const auto* broken = dynamic_cast<const services::StaffingRuleBroken*>(&e))
    error["findings"] = dto::findings(broken->findings(), broken->context());
  return {status_of(e.kind()), {{"error", std::move(error)}}};
}

Reply error_reply(const std::exception_ptr& error, const httplib::Request& req) {
  try {
    std::rethrow_exception(error);
  } catch (const domain::DomainError& e) {
    if (e.kind() == domain::ErrorKind::kInternal) spdlog::error("{} {}: {}", req.method, req.path, e.message_en());
    return error_reply(e);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.path, e.what());
  } catch (...) {
    spdlog::error("{} {}: unknown exception", req.method, req.path);
  }
  return error_reply(domain::DomainError(domain::ErrorKind::kInternal, "internal_error", "",
                                         "服务器内部错误，请稍后再试或联系管理员", "internal server error"));
}

httplib::Server::Handler Api::wrap(Handler h) {
  return [h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    Reply reply;
    try {
      services::Actor actor{"anonymous", req.remote_addr};
      reply = h(req, actor);
    } catch (...) {
      reply = error_reply(std::current_exception(), req);
    }
    res.status = reply.status;
    res.set_content(reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
  };
}

void Api::get(const std::string& pattern, Handler h) { server_.Get(pattern, wrap(std::move(h))); }
void Api::post(const std::string& pattern, Handler h) { server_.Post(pattern, wrap(std::move(h))); }
void Api::patch(const std::string& pattern, Handler h) { server_.Patch(pattern, wrap(std::move(h))); }

}  // namespace jinguo::http
