// Downloads of sheets: templates to fill in and exports of lists (docs/api-contract.md,
// "Templates and exports").
#include "http/list_queries.h"
#include "http/request.h"
#include "http/spreadsheet_routes.h"

namespace jinguo::http {

namespace {

Reply xlsx(services::Download d) { return download(std::move(d.bytes), kXlsxType, d.file_name); }

}  // namespace

void add_spreadsheet_routes(Api& api, services::Spreadsheets& sheets) {
  api.get(R"(/api/templates/([a-z_:-]{1,60}))", [&](const httplib::Request& req, const services::Actor&) {
    return xlsx(sheets.Template(services::parse_sheet_kind(req.matches[1].str())));
  });
  api.get(R"(/api/organisations/(\d+)/roster\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    return xlsx(sheets.Roster(actor, path_id(req), q.date("on"), q.boolean("full").value_or(false)));
  });
}

void add_export_routes(Api& api, services::Exports& exports) {
  api.get(R"(/api/people\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    return xlsx(exports.People(actor, people_query(q), q.boolean("full").value_or(false)));
  });
  api.get(R"(/api/organisations/(\d+)/children\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    return xlsx(exports.Children(actor, path_id(req)));
  });
  api.get(R"(/api/compliance/failing\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    return xlsx(exports.Failing(actor, q.id("within"), q.date("on")));
  });
  api.get(R"(/api/audit\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    return xlsx(exports.Audit(actor, audit_query(QueryParams(req))));
  });
  api.get(R"(/api/archives/outstanding-women\.xlsx)", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    return xlsx(exports.OutstandingWomen(actor, archive_query(q), q.boolean("full").value_or(false)));
  });
  api.get(R"(/api/archives/social-organisations\.xlsx)",
          [&](const httplib::Request& req, const services::Actor& actor) {
            QueryParams q(req);
            return xlsx(exports.SocialOrganisations(actor, archive_query(q), q.boolean("full").value_or(false)));
          });
}

}  // namespace jinguo::http
