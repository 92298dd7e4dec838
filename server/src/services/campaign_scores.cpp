#include "services/campaign_scores.h"

#include <algorithm>
#include <map>

#include "documents/xlsx_writer.h"
#include "domain/access/access.h"
#include "services/audit.h"
#include "services/campaign_access.h"
#include "storage/score_repository.h"

namespace jinguo::services {

namespace {

using namespace domain::campaign;
using namespace campaign_access;

std::vector<ScoreItem> items_of(const std::vector<ScoreItemInput>& input) {
  std::vector<ScoreItem> items;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto& in = input[i];
    const std::string at = "items[" + std::to_string(i) + "].";
    const std::string n = "第" + std::to_string(i + 1) + "项";
    auto measure = measure_from_code(in.measure);
    if (!measure)
      throw domain::invalid("unknown_measure", at + "measure", n + "的考核方式应为组织建设达标、按时报送、抽查核实或材料被采纳",
                            "measure is compliance, timeliness, spot_check or accepted");
    auto small = [&](std::int64_t v, const char* field) {
      if (v < 0 || v > 100)
        throw domain::invalid("out_of_range", at + field, n + "的数值应在0到100之间", std::string(field) + " is 0..100");
      return static_cast<int>(v);
    };
    ScoreItem item;
    item.measure = *measure;
    item.weight = small(in.weight, "weight");
    item.label = in.label.value_or("");
    item.milestone_id = in.milestone_id;
    item.on = in.on;
    if (in.per_day_penalty) item.per_day_penalty = small(*in.per_day_penalty, "per_day_penalty");
    items.push_back(std::move(item));
  }
  return items;
}

int max_of(const std::vector<ScoreItem>& items) {
  int sum = 0;
  for (const auto& i : items) sum += i.weight;
  return sum;
}

}  // namespace

ScoreScheme CampaignScores::Scheme(const Actor& actor, CampaignId id) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    visible_campaign(tx, actor, id);
    return ScoreScheme{storage::ScoreQueries(tx).scheme(id), storage::CampaignQueries(tx).milestones(id)};
  });
}

ScoreScheme CampaignScores::SaveScheme(const Actor& actor, CampaignId id, const std::vector<ScoreItemInput>& input) {
  auto items = items_of(input);
  return db_.write([&](storage::WriteTx& tx) {
    auto c = visible_campaign(tx, actor, id);
    require_runner(actor, c);
    auto milestones = storage::CampaignQueries(tx).milestones(id);
    items = validated_scheme(std::move(items), {milestones});
    storage::ScoreRepository repo(tx);
    auto before = repo.scheme(id);
    repo.replace(id, items);
    auto describe = [](const std::vector<ScoreItem>& list) {
      std::vector<std::string> out;
      for (const auto& i : list) out.push_back(i.label + " " + std::to_string(i.weight));
      return out;
    };
    ChangeSet changes;
    changes.add("items", describe(before), describe(items));
    if (!changes.empty())
      record_audit(tx, actor, {"update", "score_scheme", std::to_string(id), c.campaign.organisation_id}, changes);
    return ScoreScheme{repo.scheme(id), milestones};
  });
}

Scores CampaignScores::Of(const Actor& actor, CampaignId id) {
  domain::require(actor.role, domain::Permission::kRead);
  struct Read {
    Scores scores;
    std::map<MilestoneId, std::map<domain::OrganisationId, int>> first;
    std::map<MilestoneId, std::map<domain::OrganisationId, SubmissionState>> latest;
    std::map<domain::OrganisationId, std::pair<int, int>> findings;
    std::vector<storage::OwingBody> districts;
  };
  auto read = db_.read([&](storage::ReadTx& tx) {
    Read r;
    r.scores.campaign = visible_campaign(tx, actor, id);
    storage::ScoreQueries scores(tx);
    storage::CampaignQueries campaigns(tx);
    r.scores.scheme = {scores.scheme(id), campaigns.milestones(id)};
    for (const auto& item : r.scores.scheme.items) {
      if (!item.milestone_id) continue;
      if (item.measure == Measure::kTimeliness) r.first[*item.milestone_id] = scores.first_days_late(*item.milestone_id);
      if (item.measure == Measure::kAccepted && !r.latest.contains(*item.milestone_id))
        for (const auto& s : campaigns.latest(*item.milestone_id)) r.latest[*item.milestone_id][s.organisation_id] = s.state;
    }
    r.findings = scores.findings(id);
    r.districts = campaigns.owing(id, r.scores.campaign.organisation_path, Level::kDistrict);
    return r;
  });
  Scores& out = read.scores;
  out.max = max_of(out.scheme.items);
  // Compliance counts every district, also for a caller who sees her own line only: the runner's scope.
  const domain::Scope runner{out.campaign.campaign.organisation_id, out.campaign.organisation_path};
  std::map<std::int64_t, std::map<domain::OrganisationId, domain::staffing::ComplianceCounts>> compliance;
  for (const auto& item : out.scheme.items)
    if (item.measure == Measure::kCompliance)
      compliance[item.id] =
          staffing_.ComplianceOf(runner, std::nullopt, *item.on, out.campaign.campaign.baseline_on)->current.rollup.by_district;
  for (const auto& d : read.districts) {
    DistrictFacts facts;
    for (const auto& [item, by_district] : compliance) {
      auto it = by_district.find(d.id);
      facts.compliance[item] = it == by_district.end() ? std::pair{0, 0} : std::pair{it->second.meets, it->second.bodies};
    }
    for (const auto& [milestone, by_body] : read.first)
      if (auto it = by_body.find(d.id); it != by_body.end()) facts.first_days_late[milestone] = it->second;
    for (const auto& [milestone, by_body] : read.latest)
      if (auto it = by_body.find(d.id); it != by_body.end()) facts.latest[milestone] = it->second;
    if (auto it = read.findings.find(d.id); it != read.findings.end()) std::tie(facts.checked, facts.confirmed) = it->second;
    out.lines.push_back({0, d, score_of(out.scheme.items, facts)});
  }
  std::stable_sort(out.lines.begin(), out.lines.end(),
                   [](const DistrictScoreLine& a, const DistrictScoreLine& b) { return a.score.total > b.score.total; });
  std::vector<double> totals;
  for (const auto& l : out.lines) totals.push_back(l.score.total);
  auto ranks = ranks_of(totals);
  for (std::size_t i = 0; i < out.lines.size(); ++i) out.lines[i].rank = ranks[i];
  if (!actor.scope.contains(out.campaign.organisation_path))
    std::erase_if(out.lines, [&](const DistrictScoreLine& l) { return !actor.scope.contains(l.district.path); });
  return out;
}

Download CampaignScores::Workbook(const Actor& actor, CampaignId id) {
  auto scores = Of(actor, id);
  if (!actor.scope.contains(scores.campaign.organisation_path))
    throw domain::DomainError(domain::ErrorKind::kForbidden, "forbidden", "id",
                              "只有" + scores.campaign.organisation_name + "可以导出目标考核得分表",
                              "only the federation running the campaign exports the scores");
  documents::TableSheet sheet;
  sheet.name = "目标考核得分";
  sheet.title = scores.campaign.campaign.name + " 目标考核得分";
  sheet.landscape = scores.scheme.items.size() > 4;
  sheet.columns.push_back(documents::column("名次", 6, documents::ColumnKind::kNumber));
  sheet.columns.push_back(documents::column("单位", 18));
  for (const auto& item : scores.scheme.items) {
    sheet.columns.push_back(
        documents::column(item.label + "（" + std::to_string(item.weight) + "分）", 14, documents::ColumnKind::kNumber));
    sheet.columns.push_back(documents::column("说明", 16));
  }
  sheet.columns.push_back(documents::column("总分（" + std::to_string(scores.max) + "分）", 10, documents::ColumnKind::kNumber));
  for (const auto& line : scores.lines) {
    std::vector<documents::CellValue> row{static_cast<double>(line.rank), line.district.name};
    for (const auto& part : line.score.parts) {
      row.emplace_back(part.points);
      row.emplace_back(part.detail);
    }
    row.emplace_back(line.score.total);
    sheet.rows.push_back(std::move(row));
  }
  sheet.dropdown_rows = 0;
  documents::WorkbookSpec spec;
  spec.tables.push_back(std::move(sheet));
  return {"目标考核得分_" + scores.campaign.campaign.name + ".xlsx", documents::write_workbook(spec)};
}

}  // namespace jinguo::services
