// The forms: handlers read the query, call the use case and send its answer.
#include "http/form_routes.h"

#include "http/form_dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {


// 422 for a date that is not a real day (the forms' contract), naming the parameter.
std::optional<domain::Date> date_param(const QueryParams& q, const std::string& name) {
  auto text = q.text(name);
  if (!text) return std::nullopt;
  auto d = domain::Date::parse(*text);
  if (!d)
    throw domain::invalid("invalid_date", name, "日期格式应为YYYY-MM-DD的有效日期", "a date is a real day written YYYY-MM-DD");
  return d;
}

services::FormQuery form_query(const httplib::Request& req) {
  QueryParams q(req);
  services::FormQuery f;
  f.form = std::stoi(req.matches[1].str());  // at most three digits (the pattern)
  f.within = q.id("within");
  f.on = date_param(q, "on");
  f.baseline = date_param(q, "baseline");
  f.full = q.boolean("full").value_or(false);
  f.campaign = q.id("campaign");
  return f;
}

std::string required_text(const QueryParams& q, const std::string& name) {
  auto t = q.text(name);
  if (!t || t->empty())
    throw domain::malformed("invalid_parameter", name, "缺少参数 " + name, "missing parameter " + name);
  return *t;
}

}  // namespace

void add_form_routes(Api& api, services::Forms& forms) {
  api.get("/api/forms", [&](const httplib::Request&, const services::Actor& actor) {
    domain::require(actor.role, domain::Permission::kRead);
    return Reply{200, json_of(dto::form_summaries, forms.List())};
  });
  api.get(R"(/api/forms/(\d{1,3}))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::form_report, forms.Report(actor, form_query(req)))};
  });
  api.get(R"(/api/forms/(\d{1,3})/cell)", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    const auto paging = q.page({"person_id"});  // page 1.., page_size 1–200 as every list; one order
    return Reply{200, json_of(dto::form_cell, forms.Cell(actor, form_query(req), required_text(q, "row"),
                                                        required_text(q, "column"),
                                                        {paging.page, paging.page_size}))};
  });
  api.get(R"(/api/forms/(\d{1,3})\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = forms.Workbook(actor, form_query(req));
    return download(std::move(d.bytes), kXlsxType, d.file_name);
  });
  api.get(R"(/api/forms/(\d{1,3})\.pdf)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = forms.Pdf(actor, form_query(req));
    return download(std::move(d.bytes), kPdfType, d.file_name);
  });
}

}  // namespace jinguo::http
