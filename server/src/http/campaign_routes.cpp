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

constexpr std::string_view kScoreItemFields[] = {"measure", "weight", "label", "milestone_id", "on", "per_day_penalty"};

// {"items": [ScoreItem input]}: each item's errors name it (`items[2].weight`).
std::vector<services::ScoreItemInput> score_items(const std::string& text) {
  JsonBody body(text, {"items"});
  if (!body.has("items")) throw domain::invalid("required", "items", "请至少设置一个考核项目", "items is required");
  nlohmann::json parsed = nlohmann::json::parse(text);
  const auto& items = parsed["items"];
  if (!items.is_array()) throw domain::malformed("invalid_type", "items", "items应为数组", "items must be an array");
  std::vector<services::ScoreItemInput> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "]";
    try {
      if (!items[i].is_object()) throw domain::malformed("invalid_type", "", "应为对象", "must be an object");
      JsonBody item(items[i].dump(), kScoreItemFields);
      out.push_back({item.required_text("measure"), item.required_integer("weight"), item.text("label"),
                     item.integer("milestone_id"), item.integer("per_day_penalty"), item.date("on")});
    } catch (const domain::DomainError& e) {
      throw domain::DomainError(e.kind(), e.code(), e.field().empty() ? at : at + "." + e.field(),
                                "第" + std::to_string(i + 1) + "项：" + e.message_zh(), at + ": " + e.message_en());
    }
  }
  return out;
}

}  // namespace

void add_campaign_routes(Api& api, const CampaignServices& services) {
  auto& campaigns = services.campaigns;
  auto& spot_checks = services.spot_checks;
  auto& files = services.files;
  auto& scores = services.scores;
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
  api.put(R"(/api/milestones/(\d+)/draft)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "explanation", "text"});
    return Reply{200, json_of(dto::draft, campaigns.SaveDraft(actor, path_id(req), body.required_integer("organisation_id"),
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
  api.patch(R"(/api/campaigns/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"name", "document_number", "document_date", "document_text", "office", "baseline_on"});
    services::CampaignChange change{body.text("name"), body.nullable_text("document_number"),
                                    body.nullable_text("document_text"), body.nullable_text("office"),
                                    body.nullable_date("document_date"), body.date("baseline_on")};
    return Reply{200, json_of(dto::campaign_detail, campaigns.ChangeCampaign(actor, path_id(req), change))};
  });
  api.post(R"(/api/campaigns/(\d+)/group)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"name", "role", "post", "sort_order"});
    std::optional<int> order;
    if (auto o = body.integer("sort_order")) {
      if (*o < 0 || *o > 10000)
        throw domain::invalid("out_of_range", "sort_order", "排序应在0到10000之间", "sort_order is 0..10000");
      order = static_cast<int>(*o);
    }
    services::NewGroupMember in{body.required_text("name"), body.required_text("role"), body.text("post"), order};
    return Reply{201, json_of(dto::group_member, campaigns.AddGroupMember(actor, path_id(req), in))};
  });
  api.del(R"(/api/campaigns/(\d+)/group/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    campaigns.RemoveGroupMember(actor, path_id(req), path_id(req, 2));
    return no_content();
  });
  api.get(R"(/api/campaigns/(\d+)/pilots)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::pilots, campaigns.PilotsOf(actor, path_id(req), QueryParams(req).date("on")))};
  });
  api.post(R"(/api/campaigns/(\d+)/pilots)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id"});
    return Reply{200, json_of(dto::pilots, campaigns.MarkPilot(actor, path_id(req), body.required_integer("organisation_id")))};
  });
  api.del(R"(/api/campaigns/(\d+)/pilots/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    campaigns.UnmarkPilot(actor, path_id(req), path_id(req, 2));
    return no_content();
  });
  api.get(R"(/api/campaigns/(\d+)/score-scheme)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::score_scheme, scores.Scheme(actor, path_id(req)))};
  });
  api.put(R"(/api/campaigns/(\d+)/score-scheme)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::score_scheme, scores.SaveScheme(actor, path_id(req), score_items(req.body)))};
  });
  api.get(R"(/api/campaigns/(\d+)/scores)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::scores, scores.Of(actor, path_id(req)))};
  });
  api.get(R"(/api/campaigns/(\d+)/scores\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = scores.Workbook(actor, path_id(req));
    return download(std::move(d.bytes), kXlsxType, d.file_name);
  });
  api.upload(R"(/api/submissions/(\d+)/attachments)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto name = QueryParams(req).text("file_name").value_or("");
    return Reply{201, json_of(dto::attachment, files.Attach(actor, path_id(req), name, req.body))};
  });
  api.get(R"(/api/attachments/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    auto f = files.File(actor, path_id(req));
    return download(std::move(f.bytes), f.row.content_type, f.row.file_name);
  });
  api.del(R"(/api/attachments/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    files.Detach(actor, path_id(req));
    return no_content();
  });
  api.get("/api/deadlines", [&](const httplib::Request&, const services::Actor& actor) {
    return Reply{200, json_of(dto::deadlines, campaigns.Deadlines(actor))};
  });
}

}  // namespace jinguo::http
