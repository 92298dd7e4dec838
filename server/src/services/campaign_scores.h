#pragma once
// Target scores (目标考核, issue 12): the campaign's scoring scheme as data, each district's
// score with its breakdown, the ranking, and the ranking as a workbook. The rules are in
// domain/campaign/score; this gathers the facts: compliance on a day (from the staffing
// rules), each district's first and latest version of a report, the spot-check findings.
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign/score.h"
#include "services/actor.h"
#include "services/spreadsheets.h"
#include "services/staffing.h"
#include "storage/campaign_repository.h"
#include "storage/database.h"

namespace jinguo::services {

// An item as the caller sends it.
struct ScoreItemInput {
  std::string measure;
  std::int64_t weight = 0;
  std::optional<std::string> label;
  std::optional<std::int64_t> milestone_id, per_day_penalty;
  std::optional<domain::Date> on;
};

struct ScoreScheme {
  std::vector<domain::campaign::ScoreItem> items;
  std::vector<domain::campaign::Milestone> milestones;  // the campaign's, to name them
};

struct DistrictScoreLine {
  int rank = 0;
  storage::OwingBody district;
  domain::campaign::DistrictScore score;
};

struct Scores {
  storage::CampaignRow campaign;
  ScoreScheme scheme;
  int max = 0;
  std::vector<DistrictScoreLine> lines;  // the highest total first
};

class CampaignScores {
 public:
  CampaignScores(storage::Database& db, Staffing& staffing) : db_(db), staffing_(staffing) {}

  ScoreScheme Scheme(const Actor& actor, domain::campaign::CampaignId id);
  ScoreScheme SaveScheme(const Actor& actor, domain::campaign::CampaignId id, const std::vector<ScoreItemInput>& items);
  // Every district under the runner, ranked; a caller below the runner sees her own lines only.
  Scores Of(const Actor& actor, domain::campaign::CampaignId id);
  // 目标考核得分.xlsx: the runner's side only.
  Download Workbook(const Actor& actor, domain::campaign::CampaignId id);

 private:
  storage::Database& db_;
  Staffing& staffing_;
};

}  // namespace jinguo::services
