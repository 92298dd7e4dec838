#pragma once
// Routes of the nominations worked by staff (docs/api-contract.md, "Issue 13 (step 1): nominations").
#include "http/api.h"
#include "services/nominations.h"

namespace jinguo::http {

void add_nomination_routes(Api& api, services::Nominations& nominations);

}  // namespace jinguo::http
