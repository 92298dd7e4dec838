#pragma once
// Who may see and do what in a campaign (issue 12), shared by the campaign's use cases
// (campaigns, attachments, scores): a campaign is seen from the caller's own chain or inside her
// scope; its runner's side changes it; a body owes a milestone of its level; the level above
// decides and reminds.
#include <string>

#include "domain/campaign/campaign.h"
#include "domain/error.h"
#include "services/actor.h"
#include "storage/campaign_repository.h"

namespace jinguo::services::campaign_access {

// 404 naming what is missing: "<what_zh>不存在" / "no such <what_en>".
domain::DomainError no(const std::string& field, const std::string& what_zh, const std::string& what_en);

// The campaign as the caller sees it (404 when she does not).
storage::CampaignRow visible_campaign(const storage::ReadTx& tx, const Actor& actor, domain::campaign::CampaignId id,
                                      const std::string& field = "id");

// Whoever runs the campaign (her scope holds the running federation) may change it (403).
void require_runner(const Actor& actor, const storage::CampaignRow& c);

struct Loaded {
  domain::campaign::Milestone milestone;
  storage::CampaignRow campaign;
};
Loaded visible_milestone(const storage::ReadTx& tx, const Actor& actor, domain::campaign::MilestoneId id);

// A body of the caller's scope that owes the milestone (below the running federation, of its
// level): 404 outside her scope, 422 not_owed otherwise.
storage::OwingBody owing_body(const storage::ReadTx& tx, const Actor& actor, const Loaded& l,
                              domain::OrganisationId id, const domain::Date& today, const std::string& field);

// The level above a body: her scope holds it and she is not the body itself (403 wrong_level).
void require_above(const Actor& actor, domain::OrganisationId body, const std::string& path);

// One submission the caller may read (404 otherwise), with its milestone and campaign.
struct LoadedSubmission {
  storage::SubmissionRow row;
  Loaded loaded;
};
LoadedSubmission visible_submission(const storage::ReadTx& tx, const Actor& actor,
                                    domain::campaign::SubmissionId id);

}  // namespace jinguo::services::campaign_access
