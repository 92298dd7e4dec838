#pragma once
// Routes of the campaign and its reporting chain (docs/api-contract.md, "Issue 12 (first step)").
#include "http/api.h"
#include "services/campaigns.h"

namespace jinguo::http {

void add_campaign_routes(Api& api, services::Campaigns& campaigns);

}  // namespace jinguo::http
