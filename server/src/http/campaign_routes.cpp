// Routes of the campaign and its reporting chain: parse, call one use case, write the answer.
#include "http/campaign_routes.h"

#include <limits>

#include "http/campaign_dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

constexpr std::string_view kMilestoneFields[] = {"title", "kind", "form", "level", "due_on", "report_on", "sort_order"};

services::MilestoneInput milestone_input(const JsonBody& body) {
  services::MilestoneInput in;
  in.title = body.text("title");
  in.kind = body.text("kind");
  in.level = body.text("level");
  if (body.has("form")) in.form = body.integer("form");
  in.due_on = body.date("due_on");
  in.report_on = body.nullable_date("report_on");
  if (auto order = body.integer("sort_order")) {
    if (*order < 0 || *order > 10000)
      throw domain::invalid("out_of_range", "sort_order", "排序应在0到10000之间", "sort_order is 0..10000");
    in.sort_order = static_cast<int>(*order);
  }
  return in;
}

}  // namespace

void add_campaign_routes(Api& api, services::Campaigns& campaigns, services::SpotChecks& spot_checks) {
  api.get("/api/campaigns", [&](const httplib::Request&, const services::Actor& actor) {
    return Reply{200, json_of(dto::campaigns, campaigns.List(actor))};
  });
  api.post("/api/campaigns", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"name", "document_number", "document_date", "document_text", "baseline_on", "organisation_id"});
    services::NewCampaign in{body.required_text("name"), body.text("document_number"), body.text("document_text"),
                             body.date("document_date"), body.required_date("baseline_on"), body.integer("organisation_id")};
    return Reply{201, json_of(dto::campaign_detail, campaigns.CreateCampaign(actor, in))};
  });
  api.get(R"(/api/campaigns/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::campaign_detail, campaigns.Campaign(actor, path_id(req)))};
  });
  api.post(R"(/api/campaigns/(\d+)/milestones)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kMilestoneFields);
    return Reply{201, json_of(dto::milestone, campaigns.AddMilestone(actor, path_id(req), milestone_input(body)))};
  });
  api.patch(R"(/api/milestones/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kMilestoneFields);
    return Reply{200, json_of(dto::milestone, campaigns.ChangeMilestone(actor, path_id(req), milestone_input(body)))};
  });
  api.get(R"(/api/milestones/(\d+)/dashboard)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::dashboard, campaigns.DashboardOf(actor, path_id(req)))};
  });
  api.get(R"(/api/milestones/(\d+)/submissions)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto body = QueryParams(req).id("organisation_id");
    if (!body) throw domain::invalid("required", "organisation_id", "请选择组织", "organisation_id is required");
    return Reply{200, json_of(dto::progress, campaigns.ProgressOf(actor, path_id(req), *body))};
  });
  api.post(R"(/api/milestones/(\d+)/submissions)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "explanation", "text"});
    return Reply{201, json_of(dto::submission_detail,
                              campaigns.Submit(actor, path_id(req), body.required_integer("organisation_id"),
                                               body.text("explanation"), body.text("text")))};
  });
  api.post(R"(/api/milestones/(\d+)/reminders)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "note"});
    return Reply{201, json_of(dto::reminder, campaigns.Remind(actor, path_id(req), body.required_integer("organisation_id"),
                                                             body.text("note")))};
  });
  api.get(R"(/api/submissions/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::submission_detail, campaigns.Submission(actor, path_id(req)))};
  });
  api.post(R"(/api/submissions/(\d+)/accept)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {});
    return Reply{200, json_of(dto::submission_detail, campaigns.Accept(actor, path_id(req)))};
  });
  api.post(R"(/api/submissions/(\d+)/return)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"reason"});
    return Reply{200, json_of(dto::submission_detail, campaigns.Return(actor, path_id(req), body.text("reason").value_or("")))};
  });
  api.get(R"(/api/campaigns/(\d+)/spot-checks)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::spot_checks, spot_checks.OfCampaign(actor, path_id(req)))};
  });
  api.post(R"(/api/campaigns/(\d+)/spot-checks)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "sample_size", "seed"});
    services::NewSpotCheck in{body.required_integer("organisation_id"), body.required_integer("sample_size"), std::nullopt};
    if (auto seed = body.text("seed")) {  // a decimal string: 64 bits do not fit a JavaScript number
      try {
        // stoull would take "-1" (and a leading space) and wrap it: digits only
        if (seed->empty() || seed->find_first_not_of("0123456789") != std::string::npos)
          throw std::invalid_argument("not digits");
        in.seed = std::stoull(*seed);
      } catch (const std::exception&) {
        throw domain::invalid("invalid_seed", "seed", "随机种子应为十进制数字", "seed is a decimal number");
      }
    }
    return Reply{201, json_of(dto::spot_check, spot_checks.Draw(actor, path_id(req), in))};
  });
  api.get(R"(/api/spot-checks/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::spot_check, spot_checks.SpotCheck(actor, path_id(req)))};
  });
  api.post(R"(/api/spot-checks/(\d+)/findings)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "finding", "differences", "notes", "checked_on"});
    services::NewFinding in{body.required_integer("organisation_id"), body.required_text("finding"),
                            body.text("differences"), body.text("notes"), body.date("checked_on")};
    return Reply{200, json_of(dto::spot_check, spot_checks.RecordFinding(actor, path_id(req), in))};
  });
  api.get("/api/deadlines", [&](const httplib::Request&, const services::Actor& actor) {
    return Reply{200, json_of(dto::deadlines, campaigns.Deadlines(actor))};
  });
}

}  // namespace jinguo::http
