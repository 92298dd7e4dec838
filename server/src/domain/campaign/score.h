#pragma once
// Target scores (目标考核, issue 12): a scheme is data — an ordered list of items, each worth
// `weight` points and measured one way over a district's facts — and a district's score is the
// sum of its items' points. Pure rules, no storage (the facts are gathered by the service).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/campaign/campaign.h"
#include "domain/date.h"

namespace jinguo::domain::campaign {

enum class Measure {
  kCompliance,  // share of the district's bodies meeting the staffing rules on a day
  kTimeliness,  // the first version of a milestone's report: on time, or less per day late
  kSpotCheck,   // share of the spot-checked bodies confirmed on site
  kAccepted,    // a milestone's report accepted by the level above
};
std::string_view measure_code(Measure m);   // compliance, timeliness, spot_check, accepted
std::optional<Measure> measure_from_code(std::string_view code);
std::string_view measure_label(Measure m);  // 组织建设达标, 按时报送, 抽查核实, 材料被采纳

inline constexpr int kDefaultPerDayPenalty = 10;  // percent of the weight lost per day late
inline constexpr std::size_t kMaxScoreItems = 20;

struct ScoreItem {
  std::int64_t id = 0;
  Measure measure = Measure::kCompliance;
  std::string label;
  int weight = 0;                          // points, 0..100
  std::optional<MilestoneId> milestone_id;  // timeliness, accepted
  std::optional<Date> on;                  // compliance
  std::optional<int> per_day_penalty;      // timeliness: 0..100
};

// What the scheme may refer to: the campaign's milestones.
struct SchemeContext {
  std::vector<Milestone> milestones;
};

// Checks a whole scheme and fills defaults (labels, the penalty). Throws DomainError naming the
// item's field, e.g. `items[2].weight`.
std::vector<ScoreItem> validated_scheme(std::vector<ScoreItem> items, const SchemeContext& context);

// What is known of one district for the scheme's items.
struct DistrictFacts {
  std::map<std::int64_t, std::pair<int, int>> compliance;  // by score item id: {meeting, bodies counted}
  std::map<MilestoneId, int> first_days_late;              // milestones with a first version
  std::map<MilestoneId, SubmissionState> latest;           // the latest version's state
  int checked = 0, confirmed = 0;                          // spot-check findings recorded
};

struct ScorePart {
  std::int64_t score_item_id = 0;
  double points = 0;  // rounded to one decimal
  std::string detail, detail_en;
};

struct DistrictScore {
  double total = 0;
  std::vector<ScorePart> parts;  // in the scheme's order
};

DistrictScore score_of(const std::vector<ScoreItem>& scheme, const DistrictFacts& facts);

// The rank of each total of a list sorted highest first: equal totals share a rank (1, 2, 2, 4).
std::vector<int> ranks_of(const std::vector<double>& sorted_totals);

}  // namespace jinguo::domain::campaign
