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

}  // namespace jinguo::domain
