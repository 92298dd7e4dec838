#pragma once
// The Harbin demo's campaign: 哈妇发〔2016〕8号, 关于扩大基层妇联组织成员的工作方案, issued on
// 2016-06-02 with the baseline 2016-06-01, and its deadlines as the plan states them (form 1 at
// once, forms 2 and 3 by 20 June, the pilots by 25 June, the expansion done by 31 August, forms
// 4 and 5 with the written account by 20 September).
#include <vector>

#include "domain/campaign/campaign.h"

namespace jinguo::demo {

// A score item of the demo's scheme; `milestone` is an index into the plan's milestones.
struct PlannedScoreItem {
  std::string measure, label;
  int weight = 0;
  std::optional<std::size_t> milestone;
  std::optional<domain::Date> on;
};

struct CampaignPlan {
  domain::campaign::Campaign campaign;  // organisation_id 0: the caller sets the city
  std::vector<domain::campaign::Milestone> milestones;
  std::vector<domain::campaign::GroupMember> group;  // the leadership group
  std::vector<PlannedScoreItem> scheme;
};

CampaignPlan harbin_campaign();

}  // namespace jinguo::demo
