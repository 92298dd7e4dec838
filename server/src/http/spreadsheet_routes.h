#pragma once
// Routes that download .xlsx sheets: templates and exports of lists.
#include "http/api.h"
#include "services/spreadsheets.h"

namespace jinguo::http {

void add_spreadsheet_routes(Api& api, services::Spreadsheets& sheets);

}  // namespace jinguo::http
