#pragma once
// Routes of the staffing rules: composition of a body, compliance of a subtree, the
// rule-set library and its schedule (docs/api-contract.md, "Staffing rules and compliance").
#include "http/api.h"
#include "services/staffing.h"

namespace jinguo::http {

void add_staffing_routes(Api& api, services::Staffing& staffing);

}  // namespace jinguo::http
