#include "storage/score_repository.h"

namespace jinguo::storage {

namespace {

using namespace domain::campaign;

constexpr const char* kScheme =
    "SELECT id, measure, label, weight, milestone_id, on_date, per_day_penalty FROM score_items "
    "WHERE campaign_id = $1 ORDER BY sort_order, id";
constexpr const char* kFirstDaysLate =
    "SELECT organisation_id, days_late FROM submissions WHERE milestone_id = $1 AND version = 1";
constexpr const char* kFindings =
    "SELECT c.organisation_id, COUNT(i.finding), COUNT(CASE WHEN i.finding = 'confirmed' THEN 1 END) "
    "FROM spot_checks c JOIN spot_check_items i ON i.spot_check_id = c.id WHERE c.campaign_id = $1 "
    "GROUP BY c.organisation_id";
constexpr const char* kInsert =
    "INSERT INTO score_items (campaign_id, sort_order, measure, label, weight, milestone_id, on_date, "
    "per_day_penalty) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

}  // namespace

std::vector<ScoreItem> ScoreQueries::scheme(CampaignId campaign) const {
  Statement st = tx_.prepare(kScheme);
  st.bind(campaign);
  std::vector<ScoreItem> out;
  while (st.step()) {
    ScoreItem item;
    item.id = st.integer(0);
    item.measure = measure_from_code(st.text(1)).value_or(Measure::kCompliance);
    item.label = st.string(2);
    item.weight = static_cast<int>(st.integer(3));
    item.milestone_id = st.nullable_integer(4);
    item.on = st.nullable_date(5);
    if (auto p = st.nullable_integer(6)) item.per_day_penalty = static_cast<int>(*p);
    out.push_back(std::move(item));
  }
  return out;
}

std::map<domain::OrganisationId, int> ScoreQueries::first_days_late(MilestoneId milestone) const {
  Statement st = tx_.prepare(kFirstDaysLate);
  st.bind(milestone);
  std::map<domain::OrganisationId, int> out;
  while (st.step()) out[st.integer(0)] = static_cast<int>(st.integer(1));
  return out;
}

std::map<domain::OrganisationId, std::pair<int, int>> ScoreQueries::findings(CampaignId campaign) const {
  Statement st = tx_.prepare(kFindings);
  st.bind(campaign);
  std::map<domain::OrganisationId, std::pair<int, int>> out;
  while (st.step()) out[st.integer(0)] = {static_cast<int>(st.integer(1)), static_cast<int>(st.integer(2))};
  return out;
}

void ScoreRepository::replace(CampaignId campaign, const std::vector<ScoreItem>& items) const {
  Statement del = tx_.prepare("DELETE FROM score_items WHERE campaign_id = $1");
  del.bind(campaign);
  del.run();
  int order = 0;
  for (const auto& item : items) {
    Statement st = tx_.prepare(kInsert);
    st.bind(campaign).bind(order += 10).bind(std::string(measure_code(item.measure))).bind(item.label)
        .bind(item.weight).bind(item.milestone_id).bind(item.on);
    if (item.per_day_penalty) st.bind(*item.per_day_penalty); else st.bind_null();
    st.run();
  }
}

}  // namespace jinguo::storage
