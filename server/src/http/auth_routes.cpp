// Signing in and out, the current account, its sessions and password.
#include "http/api.h"
#include "http/dto.h"
#include "http/list_queries.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

JsonWriter whoami(services::Registry& registry, const services::Authenticated& who) {
  auto organisation = registry.Organisation(who.actor, who.account.organisation_id);
  const auto& o = organisation.row.organisation;
  JsonWriter w;
  w.begin_object();
  dto::account(w.key("account"), who.account);
  w.key("organisation").object([&] {
    w.field("id", o.id).field("name", o.name).field("type", domain::body_type_code(o.type));
    dto::path(w.key("path"), organisation.path);
  });
  w.key("permissions").begin_array();
  for (auto p : domain::all_permissions())
    if (domain::can(who.account.role, p)) w.value(domain::permission_code(p));
  w.end_array().field("csrf_token", who.session.csrf_token);
  dto::session(w.key("session"), who.session, who.session.token_hash);
  w.end_object();
  return w;
}

JsonWriter ok() {
  JsonWriter w;
  w.begin_object().field("ok", true).end_object();
  return w;
}

}  // namespace

void add_auth_routes(Api& api, services::Auth& auth, services::Registry& registry) {
  const bool secure = api.secure_cookies();
  api.open("POST", "/api/auth/login", [&auth, &registry, secure](const httplib::Request& req, const services::Client& client) {
    check_same_origin(req);
    JsonBody body(req.body, {"username", "password"});
    auto username = body.required_text("username");
    auto password = body.required_text("password");
    auto result = auth.Login(username, password, client);
    Reply reply{200, whoami(registry, result.who)};
    reply.headers.emplace("Set-Cookie",
                          session_cookie(result.token, auth.policy().absolute_seconds, secure));
    return reply;
  });

  api.session("POST", "/api/auth/logout", [&auth, secure](const httplib::Request&, const services::Authenticated& who) {
    auth.Logout(who);
    Reply reply{200, ok()};
    reply.headers.emplace("Set-Cookie", session_cookie("", 0, secure));
    return reply;
  });

  api.session("GET", "/api/auth/me", [&](const httplib::Request&, const services::Authenticated& who) {
    return Reply{200, whoami(registry, who)};
  });

  api.session("GET", "/api/auth/sessions", [&](const httplib::Request&, const services::Authenticated& who) {
    JsonWriter w;
    w.begin_object().key("items").array(auth.Sessions(who), [&](const storage::SessionRow& s) {
      dto::session(w, s, who.session.token_hash);
    });
    w.end_object();
    return Reply{200, std::move(w)};
  });

  api.session("DELETE", R"(/api/auth/sessions/([0-9a-f]{1,64}))",
              [&](const httplib::Request& req, const services::Authenticated& who) {
                auth.EndSession(who, req.matches[1].str());
                return Reply{200, ok()};
              });

  api.session("POST", "/api/auth/password", [&](const httplib::Request& req, const services::Authenticated& who) {
    JsonBody body(req.body, {"current_password", "new_password"});
    auth.ChangePassword(who, body.required_text("current_password"), body.required_text("new_password"));
    return Reply{200, ok()};
  });
}

void add_account_routes(Api& api, services::Accounts& accounts) {
  api.get("/api/accounts", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"username"});
    storage::AccountFilter filter;
    filter.text = q.text("q").value_or("");
    if (auto role = q.text("role")) {
      filter.role = domain::role_from_code(*role);
      if (!filter.role) throw domain::malformed("invalid_parameter", "role", "未知的角色", "unknown role");
    }
    filter.active = q.boolean("active");
    return Reply{200, dto::page(accounts.List(actor, filter, q.id("within"), page), page, dto::account)};
  });

  api.get(R"(/api/accounts/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::account, accounts.Get(actor, path_id(req)))};
  });

  api.post("/api/accounts", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"username", "password", "organisation_id", "role"});
    services::NewAccount input{body.required_text("username"), body.required_text("password"),
                               body.required_integer("organisation_id"), body.required_text("role")};
    return Reply{201, json_of(dto::account, accounts.Create(actor, input))};
  });

  api.patch(R"(/api/accounts/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"role", "organisation_id", "active", "password"});
    services::AccountChanges changes{body.text("role"), body.integer("organisation_id"), body.boolean("active"),
                                     body.text("password")};
    return Reply{200, json_of(dto::account, accounts.Update(actor, path_id(req), changes))};
  });
}

void add_audit_routes(Api& api, services::AuditTrail& audit) {
  api.get("/api/audit", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"at"});
    return Reply{200, dto::page(audit.Search(actor, audit_query(q), page), page, dto::audit_record)};
  });
}

}  // namespace jinguo::http
