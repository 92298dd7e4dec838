// Routes of the nominations: parse, call one use case, write the answer (docs/api-contract.md,
// "Issue 13 (step 1): nominations").
#include "http/nomination_routes.h"

#include "http/dto.h"
#include "http/nomination_dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

constexpr std::string_view kNominationFields[] = {"organisation_id", "role",   "name",      "id_number", "channel",
                                                  "nominated_by",    "mobile", "statement", "person_id"};

services::NewNomination new_nomination(const JsonBody& body) {
  services::NewNomination in;
  in.organisation_id = body.integer("organisation_id");
  in.person_id = body.integer("person_id");
  auto& f = in.fields;
  f.role = body.text("role");
  f.channel = body.text("channel");
  f.nominated_by = body.text("nominated_by");
  f.name = body.text("name");
  f.id_number = body.text("id_number");
  f.mobile = body.text("mobile");
  f.statement = body.text("statement");
  return in;
}

// ?step=CODE: one of the selection's steps (400 otherwise).
std::optional<domain::selection::Step> step_of(const QueryParams& q) {
  auto code = q.text("step");
  if (!code) return std::nullopt;
  auto step = domain::selection::step_from_code(*code);
  if (!step)
    throw domain::malformed("invalid_parameter", "step", "未知的选聘环节：" + *code, "unknown step: " + *code);
  return step;
}

}  // namespace

void add_nomination_routes(Api& api, services::Nominations& nominations) {
  const std::string one = R"(/api/nominations/(\d+))";

  api.post("/api/nominations", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kNominationFields);
    return Reply{201, json_of(dto::nomination_detail, nominations.Nominate(actor, new_nomination(body)))};
  });
  api.get("/api/nominations", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"created_at", "name"});
    services::NominationQuery query{q.id("organisation_id"), step_of(q), q.id("notice_id")};
    return Reply{200, dto::page(nominations.List(actor, query, page), page, dto::nomination)};
  });
  api.get(one, [&](const httplib::Request& req, const services::Actor& actor) {
    bool full = QueryParams(req).boolean("full").value_or(false);
    return Reply{200, json_of(dto::nomination_detail, nominations.Nomination(actor, path_id(req), full))};
  });
  api.post(one + "/assess", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"passed", "note"});
    domain::selection::EventInput in{body.boolean("passed"), std::nullopt, body.text("note")};
    return Reply{200, json_of(dto::nomination_detail, nominations.RecordAssessment(actor, path_id(req), in))};
  });
  api.post(one + "/decide-manner", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"manner"});
    domain::selection::EventInput in{std::nullopt, body.text("manner"), std::nullopt};
    return Reply{200, json_of(dto::nomination_detail, nominations.DecideManner(actor, path_id(req), in))};
  });
  api.post(one + "/withdraw", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"note"});
    domain::selection::EventInput in{std::nullopt, std::nullopt, body.text("note")};
    return Reply{200, json_of(dto::nomination_detail, nominations.Withdraw(actor, path_id(req), in))};
  });
}

}  // namespace jinguo::http
