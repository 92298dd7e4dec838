#include "domain/campaign/score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::campaign {

namespace {

constexpr Measure kMeasures[] = {Measure::kCompliance, Measure::kTimeliness, Measure::kSpotCheck, Measure::kAccepted};

double one_decimal(double x) { return std::round(x * 10.0) / 10.0; }

std::string field(std::size_t i, std::string_view name) {
  return "items[" + std::to_string(i) + "]." + std::string(name);
}

std::string percent(int part, int whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

bool needs_milestone(Measure m) { return m == Measure::kTimeliness || m == Measure::kAccepted; }

}  // namespace

std::string_view measure_code(Measure m) {
  switch (m) {
    case Measure::kCompliance: return "compliance";
    case Measure::kTimeliness: return "timeliness";
    case Measure::kSpotCheck: return "spot_check";
    case Measure::kAccepted: return "accepted";
  }
  return "compliance";
}

std::optional<Measure> measure_from_code(std::string_view code) {
  for (auto m : kMeasures)
    if (measure_code(m) == code) return m;
  return std::nullopt;
}

std::string_view measure_label(Measure m) {
  switch (m) {
    case Measure::kCompliance: return "组织建设达标";
    case Measure::kTimeliness: return "按时报送";
    case Measure::kSpotCheck: return "抽查核实";
    case Measure::kAccepted: return "材料被采纳";
  }
  return "";
}

std::vector<ScoreItem> validated_scheme(std::vector<ScoreItem> items, const SchemeContext& context) {
  if (items.empty()) throw invalid("required", "items", "请至少设置一个考核项目", "the scheme needs at least one item");
  if (items.size() > kMaxScoreItems)
    throw invalid("too_many", "items", "考核项目不能超过20个", "at most 20 items");
  int sum = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto& item = items[i];
    const std::string n = "第" + std::to_string(i + 1) + "项";
    if (item.weight < 0 || item.weight > 100)
      throw invalid("out_of_range", field(i, "weight"), n + "的分值应在0到100之间", "weight is 0..100");
    sum += item.weight;
    const Milestone* milestone = nullptr;
    if (needs_milestone(item.measure)) {
      if (!item.milestone_id)
        throw invalid("required", field(i, "milestone_id"), n + "请选择考核的上报事项", "milestone_id is required");
      for (const auto& m : context.milestones)
        if (m.id == *item.milestone_id) milestone = &m;
      if (!milestone)
        throw invalid("unknown_milestone", field(i, "milestone_id"), n + "的上报事项不属于这项工作",
                      "the milestone is not one of the campaign's");
      if (milestone->kind == MilestoneKind::kDeadline || milestone->level != Level::kDistrict)
        throw invalid("not_scorable", field(i, "milestone_id"),
                      n + "只能考核由区县（市）妇联上报的报表或书面材料", "only a district's form or account is scored");
    } else if (item.milestone_id) {
      throw invalid("not_applicable", field(i, "milestone_id"), n + "不需要选择上报事项", "this measure takes no milestone");
    }
    if (item.measure == Measure::kCompliance) {
      if (!item.on) throw invalid("required", field(i, "on"), n + "请填写达标的统计日期", "on is required");
    } else if (item.on) {
      throw invalid("not_applicable", field(i, "on"), n + "不需要统计日期", "this measure takes no date");
    }
    if (item.measure == Measure::kTimeliness) {
      if (!item.per_day_penalty) item.per_day_penalty = kDefaultPerDayPenalty;
      if (*item.per_day_penalty < 0 || *item.per_day_penalty > 100)
        throw invalid("out_of_range", field(i, "per_day_penalty"), n + "每逾期一天扣分比例应在0到100之间",
                      "per_day_penalty is 0..100");
    } else if (item.per_day_penalty) {
      throw invalid("not_applicable", field(i, "per_day_penalty"), n + "不需要逾期扣分比例",
                    "this measure takes no per-day penalty");
    }
    item.label = std::string(trim(item.label));
    if (item.label.empty())
      item.label = std::string(measure_label(item.measure)) + (milestone ? "：" + milestone->title : "");
    if (utf8_length(item.label).value_or(999) > 120)
      throw invalid("too_long", field(i, "label"), n + "的名称不能超过120个字", "label is longer than 120 characters");
  }
  if (sum <= 0) throw invalid("zero_total", "items", "考核项目的总分应大于0", "the weights sum to zero");
  return items;
}

DistrictScore score_of(const std::vector<ScoreItem>& scheme, const DistrictFacts& facts) {
  DistrictScore out;
  for (const auto& item : scheme) {
    ScorePart part{item.id, 0, "", ""};
    const double w = item.weight;
    switch (item.measure) {
      case Measure::kCompliance: {
        auto it = facts.compliance.find(item.id);
        const int meeting = it == facts.compliance.end() ? 0 : it->second.first;
        const int bodies = it == facts.compliance.end() ? 0 : it->second.second;
        part.points = bodies ? w * meeting / bodies : 0;
        part.detail = "达标 " + std::to_string(meeting) + "/" + std::to_string(bodies) + "（" + percent(meeting, bodies) + "）";
        part.detail_en = std::to_string(meeting) + " of " + std::to_string(bodies) + " meet the rules";
        break;
      }
      case Measure::kTimeliness: {
        auto it = facts.first_days_late.find(*item.milestone_id);
        if (it == facts.first_days_late.end()) {
          part.detail = "未报送";
          part.detail_en = "not submitted";
        } else if (it->second <= 0) {
          part.points = w;
          part.detail = "按时报送";
          part.detail_en = "on time";
        } else {
          part.points = std::max(0.0, w * (1.0 - it->second * item.per_day_penalty.value_or(kDefaultPerDayPenalty) / 100.0));
          part.detail = "逾期 " + std::to_string(it->second) + " 天";
          part.detail_en = std::to_string(it->second) + (it->second == 1 ? " day late" : " days late");
        }
        break;
      }
      case Measure::kSpotCheck:
        if (facts.checked == 0) {
          part.points = w;
          part.detail = "未抽查";
          part.detail_en = "not checked";
        } else {
          part.points = w * facts.confirmed / facts.checked;
          part.detail = "抽查 " + std::to_string(facts.checked) + " 个，属实 " + std::to_string(facts.confirmed) + " 个";
          part.detail_en = std::to_string(facts.confirmed) + " of " + std::to_string(facts.checked) + " confirmed";
        }
        break;
      case Measure::kAccepted: {
        auto it = facts.latest.find(*item.milestone_id);
        const bool accepted = it != facts.latest.end() && it->second == SubmissionState::kAccepted;
        part.points = accepted ? w : 0;
        part.detail = accepted ? "已采纳" : it == facts.latest.end() ? "未报送" : "未采纳";
        part.detail_en = accepted ? "accepted" : it == facts.latest.end() ? "not submitted" : "not accepted";
        break;
      }
    }
    part.points = one_decimal(part.points);
    out.total += part.points;
    out.parts.push_back(std::move(part));
  }
  out.total = one_decimal(out.total);
  return out;
}

std::vector<int> ranks_of(const std::vector<double>& sorted_totals) {
  std::vector<int> ranks(sorted_totals.size());
  for (std::size_t i = 0; i < sorted_totals.size(); ++i)
    ranks[i] = i > 0 && sorted_totals[i] == sorted_totals[i - 1] ? ranks[i - 1] : static_cast<int>(i) + 1;
  return ranks;
}

}  // namespace jinguo::domain::campaign
