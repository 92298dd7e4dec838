#pragma once
// Routes of the campaign and its reporting chain (docs/api-contract.md, "Issue 12 (first step)").
#include "http/api.h"
#include "services/campaigns.h"
#include "services/spot_checks.h"

namespace jinguo::http {

void add_campaign_routes(Api& api, services::Campaigns& campaigns, services::SpotChecks& spot_checks);

}  // namespace jinguo::http
