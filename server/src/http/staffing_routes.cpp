#include "http/staffing_routes.h"

#include "http/request.h"
#include "http/staffing_dto.h"
#include "services/rule_set_json.h"

namespace jinguo::http {

namespace {

int path_version(const httplib::Request& req) {
  auto v = path_id(req, 2);
  if (v > 1000000) throw domain::not_found("version", "没有该版本的规则集", "no such rule set version");
  return static_cast<int>(v);
}

}  // namespace

void add_staffing_routes(Api& api, services::Staffing& staffing) {
  api.get(R"(/api/organisations/(\d+)/composition)", [&](const httplib::Request& req, const services::Actor&) {
    return Reply{200, dto::composition(staffing.CheckBody(path_id(req), QueryParams(req).date("on")))};
  });

  api.get("/api/compliance", [&](const httplib::Request& req, const services::Actor&) {
    QueryParams q(req);
    auto page = q.page({"path"});
    return Reply{200, dto::compliance(staffing.ComplianceOf(q.id("within"), q.date("on"), q.date("baseline")), page)};
  });

  api.get("/api/rule-sets", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, dto::rule_set_summaries(staffing.RuleSets(), staffing.InForceOn(staffing.today()))};
  });

  api.post("/api/rule-sets", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{201, dto::rule_set(staffing.SaveRuleSet(actor, services::rule_set_from_text(req.body)))};
  });

  // Before /api/rule-sets/{code}: "schedule" is a reserved code.
  api.get("/api/rule-sets/schedule", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, dto::schedule(staffing.Schedule(), staffing.InForceOn(staffing.today()))};
  });

  api.post("/api/rule-sets/schedule", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"effective_from", "code", "version"});
    auto from = body.required_date("effective_from");
    auto code = body.required_text("code");
    auto version = body.required_integer("version");
    if (version < 1 || version > 1000000)
      throw domain::not_found("version", "没有该版本的规则集", "no such rule set version");
    auto entries = staffing.ScheduleRuleSet(actor, from, code, static_cast<int>(version));
    return Reply{201, dto::schedule(entries, staffing.InForceOn(staffing.today()))};
  });

  api.get(R"(/api/rule-sets/([a-z0-9_]{1,40}))", [&](const httplib::Request& req, const services::Actor&) {
    std::string code = req.matches[1];
    return Reply{200, dto::rule_set_versions(code, staffing.Versions(code))};
  });

  api.get(R"(/api/rule-sets/([a-z0-9_]{1,40})/(\d+))", [&](const httplib::Request& req, const services::Actor&) {
    return Reply{200, dto::rule_set(staffing.RuleSetOf(req.matches[1], path_version(req)))};
  });
}

}  // namespace jinguo::http
