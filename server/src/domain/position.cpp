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

namespace jinguo::domain {

namespace {

// A free text as stored: trimmed, empty → null; checked for length.
std::optional<std::string> stored_text(const std::optional<std::string>& text, std::string_view field,
                                       std::size_t max) {
  if (!text) return std::nullopt;
  validate_free_text(field, *text, max);
  std::string t(trim(*text));
  if (t.empty()) return std::nullopt;
  return t;
}

}  // namespace

std::string validate_correction_reason(std::string_view reason) {
  std::string why(trim(reason));
  if (why.empty())
    throw invalid("required", "reason", "请填写更正或删除的原因", "a reason is required");
  validate_free_text("reason", why, 200);
  return why;
}

Position corrected(const Position& before, const PositionCorrection& c, const Date& today) {
  Position after = before;
  if (c.start_on && *c.start_on != before.start_on) {
    validate_start(*c.start_on, today);
    after.start_on = *c.start_on;
  }
  if (c.end_on) after.end_on = *c.end_on;
  if (c.end_reason) after.end_reason = stored_text(*c.end_reason, "end_reason", 200);
  if (c.role) after.role = *c.role;
  if (c.manner) after.manner = *c.manner;
  if (c.source) after.source = *c.source;
  if (c.notes) after.notes = stored_text(*c.notes, "notes", 1000);
  if (after.end_on) {
    if (*after.end_on <= after.start_on)
      throw invalid("end_before_start", c.end_on ? "end_on" : "start_on",
                    "结束日期（" + after.end_on->iso() + "）必须晚于开始日期（" + after.start_on.iso() + "）",
                    "the end date " + after.end_on->iso() + " must be after the start date " +
                        after.start_on.iso());
    if (!after.end_reason) throw invalid("required", "end_reason", "请填写结束原因", "an end reason is required");
  } else {
    after.end_reason.reset();  // a position held again has no end, nor a reason for one
  }
  return after;
}

std::vector<DaySpan> newly_covered(const Position& before, const Position& after) {
  DaySpan whole{after.start_on, after.end_on};
  if (before.role != after.role || before.organisation_id != after.organisation_id ||
      before.person_id != after.person_id)
    return {whole};
  std::vector<DaySpan> out;
  if (after.start_on < before.start_on) {  // days before the old start
    std::optional<Date> until = before.start_on;
    if (after.end_on && *after.end_on < *until) until = after.end_on;
    out.push_back({after.start_on, until});
  }
  if (before.end_on && (!after.end_on || *after.end_on > *before.end_on)) {  // days after the old end
    Date from = std::max(*before.end_on, after.start_on);
    if (!after.end_on || from < *after.end_on) out.push_back({from, after.end_on});
  }
  return out;
}

std::vector<Date> dates_to_judge(const std::vector<DaySpan>& spans, const std::vector<Date>& changes) {
  std::vector<Date> out;
  for (const DaySpan& s : spans) {
    out.push_back(s.from);
    for (const Date& d : changes)
      if (s.contains(d)) out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Date> china_day_of(std::string_view ts) {
  // YYYY-MM-DDTHH:MM:SS(.fff)Z
  if (ts.size() < 20 || ts[10] != 'T' || ts[13] != ':' || ts[16] != ':') return std::nullopt;
  auto day = Date::parse(ts.substr(0, 10));
  if (!day) return std::nullopt;
  auto digit = [&](std::size_t i) { return ts[i] >= '0' && ts[i] <= '9' ? ts[i] - '0' : -1; };
  int h1 = digit(11), h2 = digit(12);
  if (h1 < 0 || h2 < 0) return std::nullopt;
  int hour = h1 * 10 + h2;
  if (hour > 23) return std::nullopt;
  return hour + 8 >= 24 ? day->plus_days(1) : *day;
}

bool deletable_on(std::string_view created_at, const Date& today) {
  auto day = china_day_of(created_at);
  return day && *day == today;
}

void validate_deletion(std::string_view created_at, const Date& today) {
  if (!deletable_on(created_at, today))
    throw invalid("delete_too_late", "id", "只能删除当天录入的任职；请改用“更正”或“结束任职”",
                  "only a position entered today can be deleted; correct or end it instead");
}

}  // namespace jinguo::domain
