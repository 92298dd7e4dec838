#pragma once
// Routes that download .xlsx sheets: templates and exports of lists.
#include "http/api.h"
#include "services/exports.h"
#include "services/spreadsheets.h"

namespace jinguo::http {

void add_spreadsheet_routes(Api& api, services::Spreadsheets& sheets);
// GET /api/people.xlsx, /api/organisations/{id}/children.xlsx, /api/compliance/failing.xlsx,
// /api/audit.xlsx, /api/archives/outstanding-women.xlsx, /api/archives/social-organisations.xlsx.
void add_export_routes(Api& api, services::Exports& exports);

}  // namespace jinguo::http
