#include "http/api.h"
#include "http/dto.h"
#include "http/request.h"
#include "http/written_answers.h"

namespace jinguo::http {

void add_organisation_routes(Api& api, services::Registry& registry) {
  api.get("/api/organisations", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    storage::ChildrenFilter filter{q.id("parent_id"), q.boolean("include_closed").value_or(false), q.body_type("type")};
    auto page = q.page({"name", "type", "established_on"});
    return Reply{200, dto::page(registry.Children(actor, filter, page), page, dto::organisation)};
  });

  api.get("/api/organisations/search", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"name", "type", "depth", "established_on"});
    auto found = registry.SearchOrganisations(actor, q.text("q").value_or(""), q.id("within"), q.body_type("type"), page);
    return Reply{200, dto::page(found, page, dto::organisation_with_path)};
  });

  api.get(R"(/api/organisations/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::organisation_detail, registry.Organisation(actor, path_id(req)))};
  });

  api.post("/api/organisations", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"parent_id", "type", "name", "division_code", "pilot", "established_on"});
    services::NewOrganisation input{body.integer("parent_id"), body.required_text("type"),
                                    body.required_text("name"), body.text("division_code"),
                                    body.boolean("pilot").value_or(false), body.date("established_on")};
    return Reply{201, json_of(dto::organisation_detail, registry.CreateOrganisation(actor, input))};
  });

  api.patch(R"(/api/organisations/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"name", "division_code", "pilot", "established_on"});
    services::OrganisationChanges changes{body.text("name"), body.nullable_text("division_code"),
                                          body.boolean("pilot"), body.nullable_date("established_on")};
    return Reply{200, json_of(dto::organisation_detail, registry.UpdateOrganisation(actor, path_id(req), changes))};
  });

  api.post(R"(/api/organisations/(\d+)/move)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"parent_id", "on"});
    auto parent = body.required_integer("parent_id");
    return Reply{200, json_of(dto::organisation_detail,
                              registry.MoveOrganisation(actor, path_id(req), parent, body.date("on")))};
  });

  api.post(R"(/api/organisations/(\d+)/rename)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"name", "on"});
    auto name = body.required_text("name");
    auto on = body.required_date("on");
    return Reply{200, json_of(dto::organisation_detail, registry.RenameOrganisation(actor, path_id(req), name, on))};
  });

  api.post(R"(/api/organisations/(\d+)/convert)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"type", "on"});
    auto type = body.required_text("type");
    auto on = body.required_date("on");
    return Reply{200, json_of(dto::organisation_detail, registry.ConvertOrganisation(actor, path_id(req), type, on))};
  });

  api.post(R"(/api/organisations/(\d+)/merge)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"into_id", "on"});
    auto into = body.required_integer("into_id");
    auto on = body.required_date("on");
    return Reply{200, json_of(dto::merge_result, registry.MergeOrganisations(actor, path_id(req), into, on))};
  });

  api.get(R"(/api/organisations/(\d+)/history)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::organisation_history, registry.OrganisationHistory(actor, path_id(req)))};
  });

  api.post(R"(/api/organisations/(\d+)/close)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"closed_on"});
    auto closed_on = body.required_date("closed_on");
    return Reply{200, json_of(dto::organisation_detail, registry.CloseOrganisation(actor, path_id(req), closed_on))};
  });

  // The kept roster's JSON is written once (a roster is written the same for every caller).
  auto written = std::make_shared<WrittenAnswers<services::Roster>>(services::Registry::kKeptRosters);
  api.get(R"(/api/organisations/(\d+)/roster)", [&, written](const httplib::Request& req, const services::Actor& actor) {
    auto kept = registry.RosterOn(actor, path_id(req), QueryParams(req).date("on"));
    auto text = written->get(kept, "", [](const services::Roster& r) { return json_of(dto::roster, r).take(); });
    return written_json(*text);
  });
}

}  // namespace jinguo::http
