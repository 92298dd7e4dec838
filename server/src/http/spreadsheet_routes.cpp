// Downloads of sheets: templates to fill in and exports of lists (docs/api-contract.md,
// "Templates and exports").
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

}  // namespace jinguo::http
