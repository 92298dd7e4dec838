#pragma once
// Routes of the campaign and its reporting chain (docs/api-contract.md, "Issue 12 (first step)", "Spot checks",
// "Issue 12 (second step)").
#include "http/api.h"
#include "services/campaign_scores.h"
#include "services/campaigns.h"
#include "services/spot_checks.h"
#include "services/submission_files.h"

namespace jinguo::http {

struct CampaignServices {
  services::Campaigns& campaigns;
  services::SpotChecks& spot_checks;
  services::SubmissionFiles& files;
  services::CampaignScores& scores;
};

void add_campaign_routes(Api& api, const CampaignServices& services);

}  // namespace jinguo::http
