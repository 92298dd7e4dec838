#pragma once
// Routes of the women's meetings (docs/api-contract.md, "Issue 13 (step 3): the women's meeting").
#include "http/api.h"
#include "services/meetings.h"

namespace jinguo::http {

void add_meeting_routes(Api& api, services::Meetings& meetings);

}  // namespace jinguo::http
