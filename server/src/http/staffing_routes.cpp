#include "http/staffing_routes.h"

#include "http/request.h"
#include "http/staffing_dto.h"
#include "services/rule_set_json.h"

namespace jinguo::http {

namespace {

// The part of the tree the caller sees. Written against either shape of Actor, so that this
// file builds before and after accounts (issue 3) give the actor a scope.
template <class A>
domain::Scope scope_of(const A& actor) {
  if constexpr (requires { actor.scope; })
    return actor.scope;
  else
    return domain::Scope::whole_tree();
}

// Only a system administrator changes the rule sets, once accounts give the actor a role.
template <class A>
void require_rule_set_writer(const A& actor) {
  if constexpr (requires { actor.role; }) domain::require(actor.role, domain::Permission::kManageDictionaries);
}

int path_version(const httplib::Request& req) {
  auto v = path_id(req, 2);
  if (v > 1000000) throw domain::not_found("version", "没有该版本的规则集", "no such rule set version");
  return static_cast<int>(v);
}

}  // namespace

void add_staffing_routes(Api& api, services::Staffing& staffing) {
  api.get(R"(/api/organisations/(\d+)/composition)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto composition = staffing.CheckBody(scope_of(actor), path_id(req), QueryParams(req).date("on"));
    return Reply{200, json_of(dto::composition, composition)};
  });

  api.get("/api/compliance", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"path"});
    auto report = staffing.ComplianceOf(scope_of(actor), q.id("within"), q.date("on"), q.date("baseline"));
    return Reply{200, json_of(dto::compliance, *report, page)};
  });

  api.get("/api/rule-sets", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, json_of(dto::rule_set_summaries, staffing.RuleSets(), staffing.InForceOn(staffing.today()))};
  });

  api.post("/api/rule-sets", [&](const httplib::Request& req, const services::Actor& actor) {
    require_rule_set_writer(actor);
    return Reply{201, json_of(dto::rule_set, staffing.SaveRuleSet(actor, services::rule_set_from_text(req.body)))};
  });

  // Before /api/rule-sets/{code}: "schedule" is a reserved code.
  api.get("/api/rule-sets/schedule", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, json_of(dto::schedule, staffing.Schedule(), staffing.InForceOn(staffing.today()))};
  });

  api.post("/api/rule-sets/schedule", [&](const httplib::Request& req, const services::Actor& actor) {
    require_rule_set_writer(actor);
    JsonBody body(req.body, {"effective_from", "code", "version"});
    auto from = body.required_date("effective_from");
    auto code = body.required_text("code");
    auto version = body.required_integer("version");
    if (version < 1 || version > 1000000)
      throw domain::not_found("version", "没有该版本的规则集", "no such rule set version");
    auto entries = staffing.ScheduleRuleSet(actor, from, code, static_cast<int>(version));
    return Reply{201, json_of(dto::schedule, entries, staffing.InForceOn(staffing.today()))};
  });

  api.get(R"(/api/rule-sets/([a-z0-9_]{1,40}))", [&](const httplib::Request& req, const services::Actor&) {
    std::string code = req.matches[1];
    return Reply{200, json_of(dto::rule_set_versions, code, staffing.Versions(code))};
  });

  api.get(R"(/api/rule-sets/([a-z0-9_]{1,40})/(\d+))", [&](const httplib::Request& req, const services::Actor&) {
    return Reply{200, json_of(dto::rule_set, staffing.RuleSetOf(req.matches[1], path_version(req)))};
  });
}

}  // namespace jinguo::http
