// Routes of the contacts and re-elections behind forms 1 and 2: parse, call one use case,
// write the answer (docs/api-contract.md, "Contacts and re-elections").
#include "http/contact_routes.h"

#include <limits>
#include <string_view>

#include "http/contact_dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

constexpr std::string_view kContactFields[] = {"name", "post", "office_phone", "mobile", "email", "start_on"};
constexpr std::string_view kNewContactFields[] = {"name",  "post",     "office_phone", "mobile",
                                                  "email", "start_on", "campaign_id"};
constexpr std::string_view kReelectionFields[] = {"held_on",         "term_years",           "delegates",
                                                  "delegates_minority", "delegates_party", "delegates_grassroots",
                                                  "delegates_under_35", "notes"};

// What a field is called on the forms, for the messages that name it.
std::string label_of(std::string_view field) {
  if (field == "start_on") return "开始日期";
  if (field == "end_on") return "结束日期";
  if (field == "held_on") return "换届日期";
  if (field == "term_years") return "任期";
  if (field == "on") return "日期";
  return "代表人数";  // delegates and its breakdowns
}

// A date sent as text: absent or null → nullopt; not a real YYYY-MM-DD day → 422 naming it.
std::optional<domain::Date> parse_date(const std::optional<std::string>& text, const std::string& field) {
  if (!text) return std::nullopt;
  auto d = domain::Date::parse(*text);
  if (!d)
    throw domain::invalid("invalid_date", field, label_of(field) + "应为YYYY-MM-DD格式的有效日期，如2016-06-20",
                          field + " must be a real day written YYYY-MM-DD");
  return d;
}

domain::Date required_date(const JsonBody& body, const std::string& field) {
  auto d = parse_date(body.text(field), field);
  if (!d) throw domain::invalid("required", field, "请填写" + label_of(field), field + " is required");
  return *d;
}

// A count or a term: an integer that fits an int (the rule checks its range).
std::optional<int> count(const JsonBody& body, const std::string& field) {
  auto v = body.integer(field);
  if (!v) return std::nullopt;
  if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
    throw domain::invalid("out_of_range", field, label_of(field) + "超出范围", field + " is out of range");
  return static_cast<int>(*v);
}

domain::ContactChanges contact_changes(const JsonBody& body) {
  domain::ContactChanges c;
  if (body.has("name")) c.name = body.text("name").value_or("");
  c.post = body.nullable_text("post");
  c.office_phone = body.nullable_text("office_phone");
  c.mobile = body.nullable_text("mobile");
  c.email = body.nullable_text("email");
  if (body.has("start_on")) c.start_on = required_date(body, "start_on");
  return c;
}

domain::ReelectionChanges reelection_changes(const JsonBody& body) {
  domain::ReelectionChanges c;
  if (body.has("held_on")) c.held_on = required_date(body, "held_on");
  auto set = [&](const char* field, std::optional<int>& target) {
    if (!body.has(field)) return;
    target = count(body, field);
    if (!target) throw domain::invalid("required", field, "请填写" + label_of(field), std::string(field) + " is required");
  };
  set("term_years", c.term_years);
  set("delegates", c.delegates);
  set("delegates_minority", c.delegates_minority);
  set("delegates_party", c.delegates_party);
  set("delegates_grassroots", c.delegates_grassroots);
  set("delegates_under_35", c.delegates_under_35);
  if (body.has("notes")) c.notes = body.text("notes");
  return c;
}

}  // namespace

void add_contact_routes(Api& api, services::Contacts& contacts, services::Reelections& reelections) {
  const std::string body_contacts = R"(/api/organisations/(\d+)/contacts)";
  const std::string one_contact = R"(/api/contacts/(\d+))";
  const std::string body_reelections = R"(/api/organisations/(\d+)/reelections)";
  const std::string one_reelection = R"(/api/reelections/(\d+))";

  api.get(body_contacts, [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto on = parse_date(q.text("on"), "on");
    return Reply{200, json_of(dto::contacts, contacts.ContactsOf(actor, path_id(req), on, q.id("campaign")))};
  });
  api.get(R"(/api/campaigns/(\d+)/contacts)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto on = parse_date(QueryParams(req).text("on"), "on");
    return Reply{200, json_of(dto::campaign_contacts, contacts.ContactsOfCampaign(actor, path_id(req), on))};
  });
  api.post(body_contacts, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kNewContactFields);
    services::NewContact input;
    input.name = body.text("name").value_or("");
    input.post = body.text("post");
    input.office_phone = body.text("office_phone");
    input.mobile = body.text("mobile");
    input.email = body.text("email");
    input.start_on = parse_date(body.text("start_on"), "start_on");
    input.campaign_id = body.integer("campaign_id");
    return Reply{201, json_of(dto::contact, contacts.AddContact(actor, path_id(req), input))};
  });
  api.patch(one_contact, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kContactFields);
    return Reply{200, json_of(dto::contact, contacts.ChangeContact(actor, path_id(req), contact_changes(body)))};
  });
  api.post(one_contact + "/end", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"end_on"});
    return Reply{200, json_of(dto::contact, contacts.EndContact(actor, path_id(req), required_date(body, "end_on")))};
  });

  api.get(body_reelections, [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::reelections, reelections.ReelectionsOf(actor, path_id(req)))};
  });
  api.post(body_reelections, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kReelectionFields);
    auto fields = reelection_changes(body);
    return Reply{201, json_of(dto::reelection, reelections.RecordReelection(actor, path_id(req), fields))};
  });
  api.patch(one_reelection, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kReelectionFields);
    return Reply{200,
                 json_of(dto::reelection, reelections.CorrectReelection(actor, path_id(req), reelection_changes(body)))};
  });
  api.del(one_reelection, [&](const httplib::Request& req, const services::Actor& actor) {
    reelections.RemoveReelection(actor, path_id(req));
    return no_content();
  });
}

}  // namespace jinguo::http
