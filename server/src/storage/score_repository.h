#pragma once
// The target-score scheme as stored (migration 0015, score_items) and the facts the scores read:
// each district's first and latest version of a milestone's report, and the spot-check findings.
#include <map>
#include <utility>
#include <vector>

#include "domain/campaign/score.h"
#include "storage/database.h"

namespace jinguo::storage {

class ScoreQueries {
 public:
  explicit ScoreQueries(const ReadTx& tx) : tx_(tx) {}

  std::vector<domain::campaign::ScoreItem> scheme(domain::campaign::CampaignId campaign) const;
  // Each body's first version's days late for a milestone.
  std::map<domain::OrganisationId, int> first_days_late(domain::campaign::MilestoneId milestone) const;
  // The spot-check findings recorded in a campaign, by district: {checked, confirmed}.
  std::map<domain::OrganisationId, std::pair<int, int>> findings(domain::campaign::CampaignId campaign) const;

 protected:
  const ReadTx& tx_;
};

class ScoreRepository : public ScoreQueries {
 public:
  explicit ScoreRepository(const WriteTx& tx) : ScoreQueries(tx) {}
  // The whole scheme replaced, in the given order.
  void replace(domain::campaign::CampaignId campaign, const std::vector<domain::campaign::ScoreItem>& items) const;
};

}  // namespace jinguo::storage
