#pragma once
// A position (职务): a person holds a role in one organisation from a start date until
// an end date. History is never overwritten: a roster is read as of any date.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/person.h"

namespace jinguo::domain {

using PositionId = std::int64_t;

struct Position {
  PositionId id = 0;
  PersonId person_id = 0;
  OrganisationId organisation_id = 0;
  std::string role;                   // dictionary code: chair, vice_chair, executive, ...
  std::string manner;                 // full_time, part_time, seconded, volunteer
  std::optional<std::string> source;  // source category dictionary code
  Date start_on;
  std::optional<Date> end_on;         // the first day she no longer holds it
  std::optional<std::string> end_reason;
  std::optional<std::string> notes;

  // Held on day d: start_on <= d < end_on.
  bool held_on(const Date& d) const { return start_on <= d && (!end_on || d < *end_on); }
};

// The positions of `all` held on day `on`, in roster order (role rank, then start date).
std::vector<Position> roster_on(const std::vector<Position>& all, const Date& on,
                                int (*role_rank)(const std::string&) = nullptr);

// Checks an ending: end_on must be after start_on, a reason must be given.
void validate_ending(const Position& p, const Date& end_on, std::string_view reason);

// Refuses a start date that is before 1949 or more than a year ahead of today.
void validate_start(const Date& start_on, const Date& today);

// A field of a partial change: absent (leave alone), null (clear) or a value.
template <class T>
using Patch = std::optional<std::optional<T>>;

// A correction of a stored position (更正): the fields the caller sent. A correction is not
// new history: the stored position changes, so the roster on past dates changes with it.
struct PositionCorrection {
  std::optional<Date> start_on;
  Patch<Date> end_on;  // null: the end is undone, the position is held again
  Patch<std::string> end_reason;
  std::optional<std::string> role, manner;  // dictionary codes (checked by the caller)
  Patch<std::string> source, notes;
};

// The reason a correction or a deletion is made: required, 1–200 characters (field "reason").
std::string validate_correction_reason(std::string_view reason);

// The position after a correction, checked: dates as for an appointment and an end
// (validate_start on a changed start, end_before_start), an end reason required while an
// end is set (and cleared with the end), free texts trimmed. Dictionary codes and the role's
// body type are the caller's to check (they need the dictionary).
Position corrected(const Position& before, const PositionCorrection& c, const Date& today);

// The spans of days [from, until) that `after` covers and `before` did not, for the staffing
// check (a new role covers all of its days anew). until nullopt: open-ended.
struct DaySpan {
  Date from;
  std::optional<Date> until;
  bool contains(const Date& d) const { return from <= d && (!until || d < *until); }
};
std::vector<DaySpan> newly_covered(const Position& before, const Position& after);

// The dates a correction must be judged on, in order: the first day of each newly covered
// span, and every day inside one where a count can rise (another position starts, another
// rule set takes effect), given as `changes`.
std::vector<Date> dates_to_judge(const std::vector<DaySpan>& spans, const std::vector<Date>& changes);

// The day in China (UTC+8) of an ISO 8601 UTC timestamp ("2026-11-30T17:00:00Z" → 2026-12-01);
// nullopt when the text is not such a timestamp.
std::optional<Date> china_day_of(std::string_view utc_timestamp);

// A position entered by mistake may be deleted only on the day it was entered (China time).
bool deletable_on(std::string_view created_at, const Date& today);
// Throws 422 delete_too_late when !deletable_on.
void validate_deletion(std::string_view created_at, const Date& today);

}  // namespace jinguo::domain
