// Routes of the import jobs (docs/api-contract.md, "Uploads are jobs"): upload, poll, page
// through the rows, download the error workbook, commit, delete.
#include "http/import_routes.h"

#include "http/dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

services::ImportKind import_kind(const QueryParams& q) {
  const std::string text = q.text("kind").value_or("roster");
  auto kind = services::parse_import_kind(text);
  if (!kind)
    throw domain::invalid("unknown_import_kind", "kind", "未知的导入类型：" + text, "unknown import kind " + text);
  return *kind;
}

services::CommitOptions commit_options(const std::string& body) {
  services::CommitOptions options;
  if (body.empty()) return options;  // the defaults
  JsonBody json(body, {"skip_invalid", "override_reason"});
  options.skip_invalid = json.boolean("skip_invalid").value_or(false);
  options.override_reason = json.text("override_reason");
  return options;
}

}  // namespace

void add_import_routes(Api& api, services::ImportJobs& jobs) {
  const std::string imports = "/api/imports";
  const std::string one = imports + R"(/(\d+))";

  api.upload(imports, [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    services::Upload upload{import_kind(q), q.id("within"), q.text("file_name").value_or(""), req.body};
    return Reply{202, json_of(dto::import_job, jobs.Start(actor, std::move(upload)))};
  });
  api.get(imports, [&](const httplib::Request&, const services::Actor& actor) {
    const auto items = jobs.Jobs(actor);
    JsonWriter w;
    w.begin_object().key("items").array(items, [&](const services::ImportJob& j) { dto::import_job(w, j); });
    w.field("total", items.size()).end_object();
    return Reply{200, std::move(w)};
  });
  api.get(one, [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::import_job, jobs.Job(actor, path_id(req)))};
  });
  api.get(one + "/rows", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"row"});
    return Reply{200, dto::page(jobs.Rows(actor, path_id(req), q.text("outcome"), page), page, dto::import_row)};
  });
  api.get(one + R"(/errors\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = jobs.ErrorWorkbook(actor, path_id(req));
    return download(std::move(d.bytes), kXlsxType, d.file_name);
  });
  api.post(one + "/commit", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{202, json_of(dto::import_job, jobs.Commit(actor, path_id(req), commit_options(req.body)))};
  });
  api.del(one, [&](const httplib::Request& req, const services::Actor& actor) {
    jobs.Discard(actor, path_id(req));
    return no_content();
  });
}

}  // namespace jinguo::http
