#pragma once
// Routes of the survey archives: outstanding women and women's social organisations
// (docs/api-contract.md, "Survey archives").
#include "http/api.h"
#include "services/archives.h"

namespace jinguo::http {

void add_archive_routes(Api& api, services::Archives& archives);

}  // namespace jinguo::http
