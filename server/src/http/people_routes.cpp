#include "http/api.h"
#include "http/dto.h"
#include "http/list_queries.h"
#include "http/request.h"
#include "http/written_answers.h"

namespace jinguo::http {

namespace {

constexpr std::string_view kPersonFields[] = {
    "name",      "id_number", "birth_date", "sex",    "ethnicity",    "political_status", "education",
    "work_unit", "job_title", "mobile",     "office_phone", "notes"};

services::PersonChanges person_changes(const JsonBody& body) {
  services::PersonChanges c;
  c.name = body.text("name");
  c.id_number = body.text("id_number");
  c.birth_date = body.date("birth_date");
  c.sex = body.text("sex");
  c.ethnicity = body.nullable_text("ethnicity");
  c.political_status = body.nullable_text("political_status");
  c.education = body.nullable_text("education");
  c.work_unit = body.nullable_text("work_unit");
  c.job_title = body.nullable_text("job_title");
  c.mobile = body.nullable_text("mobile");
  c.office_phone = body.nullable_text("office_phone");
  c.notes = body.nullable_text("notes");
  return c;
}

}  // namespace

void add_people_routes(Api& api, services::Registry& registry) {
  // A kept page's JSON is written once (masking is the same for every caller; her scope is in
  // the services' key); a larger page (not kept by the services) is written each time.
  auto written = std::make_shared<WrittenAnswers<services::PeoplePage>>(services::Registry::kKeptPeoplePages);
  api.get("/api/people", [&, written](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"name", "start_on"});
    auto query = people_query(q);
    auto found = registry.People(actor, query, page);
    if (page.page_size > services::Registry::kKeptPageSize) return Reply{200, dto::page(*found, page, dto::person_summary)};
    auto write = [&](const services::PeoplePage& p) { return dto::page(p, page, dto::person_summary).take(); };
    auto text = written->get(found, std::to_string(page.page) + "|" + std::to_string(page.page_size), write);
    return written_json(*text);
  });

  api.get(R"(/api/people/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::person_detail, registry.Person(actor, path_id(req)), dto::viewer_of(actor, registry.today()))};
  });

  api.post("/api/people", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kPersonFields);
    return Reply{201,
                 json_of(dto::person_detail, registry.RegisterPerson(actor, person_changes(body)), dto::viewer_of(actor, registry.today()))};
  });

  api.patch(R"(/api/people/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kPersonFields);
    if (body.has("name") && !body.text("name"))
      throw domain::invalid("required", "name", "姓名不能为空", "name cannot be null");
    if (body.has("id_number") && !body.text("id_number"))
      throw domain::invalid("required", "id_number", "身份证号不能为空", "ID number cannot be null");
    return Reply{200, json_of(dto::person_detail, registry.UpdatePerson(actor, path_id(req), person_changes(body)),
                              dto::viewer_of(actor, registry.today()))};
  });

  api.post(R"(/api/people/(\d+)/reveal)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"field"});
    auto field = body.required_text("field");
    auto id = path_id(req);
    auto value = registry.RevealPersonalData(actor, id, field);
    JsonWriter out;
    out.begin_object().field("person_id", id).field("field", field).field("value", value).end_object();
    return Reply{200, std::move(out)};
  });
}

}  // namespace jinguo::http
