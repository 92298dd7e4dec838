#include "domain/position.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

std::vector<Position> roster_on(const std::vector<Position>& all, const Date& on,
                                int (*role_rank)(const std::string&)) {
  std::vector<Position> held;
  for (const Position& p : all)
    if (p.held_on(on)) held.push_back(p);
  auto rank = [&](const Position& p) { return role_rank ? role_rank(p.role) : 0; };
  std::stable_sort(held.begin(), held.end(), [&](const Position& a, const Position& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.start_on != b.start_on) return a.start_on < b.start_on;
    return a.id < b.id;
  });
  return held;
}

void validate_ending(const Position& p, const Date& end_on, std::string_view reason) {
  if (p.end_on)
    throw invalid("position_ended", "end_on", "该职务已于" + p.end_on->iso() + "结束",
                  "the position ended on " + p.end_on->iso());
  if (end_on <= p.start_on)
    throw invalid("end_before_start", "end_on", "结束日期必须晚于开始日期（" + p.start_on.iso() + "）",
                  "the end date must be after the start date " + p.start_on.iso());
  if (trim(reason).empty())
    throw invalid("required", "end_reason", "请填写结束原因", "an end reason is required");
  validate_free_text("end_reason", reason, 200);
}

void validate_start(const Date& start_on, const Date& today) {
  if (start_on.year() < 1949)
    throw invalid("start_too_early", "start_on", "开始日期不能早于1949年", "the start date is before 1949");
  if (start_on > today.plus_days(366))
    throw invalid("start_too_late", "start_on", "开始日期不能晚于一年以后",
                  "the start date is more than a year ahead");
}

}  // namespace jinguo::domain
