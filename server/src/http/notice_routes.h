#pragma once
// Routes of the recruitment notices (docs/api-contract.md, "Issue 13 (step 2)"): the staff's
// notices, their posters; and the public pages: a notice read by its slug, self-nomination
// (rate-limited per address and per ID number), a receipt code's status.
#include "http/api.h"
#include "http/rate_limit.h"
#include "services/notices.h"

namespace jinguo::http {

// `public_limit`: per address, shared with the other public pages; `id_number_limit`: attempts
// to self-nominate per ID number.
void add_notice_routes(Api& api, services::Notices& notices, RateLimit& public_limit, RateLimit& id_number_limit);

}  // namespace jinguo::http
