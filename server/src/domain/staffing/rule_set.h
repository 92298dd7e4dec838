#pragma once
// Staffing rules (配备标准) as data: a named, versioned rule set says, per body type, how
// many members a body has in total and per role, which roles it may not have, and
// which offices carry a seat in the body above (席位制). The Harbin 2016 set is the
// default; others are written in the web app or loaded from a file, and a schedule
// says which set (code and version) is in force from which date.
//
// These structs are the plain form the storage and HTTP layers map to and from:
// body types and roles are kept as codes, exactly as a user wrote them, so that
// validate_rule_set() can name the rule at fault.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/dictionary.h"
#include "domain/organisation.h"

namespace jinguo::domain::staffing {

// How many holders of one role a body has: min..max (no max: at least min).
struct RoleCount {
  std::string role;  // role dictionary code
  int min = 0;
  std::optional<int> max;
};

struct BodyTypeRules {
  std::string body_type;  // body type code: "township"
  int total_min = 0;      // distinct people holding any position in the body
  std::optional<int> total_max;
  std::vector<RoleCount> role_counts;
  std::vector<std::string> forbidden_roles;  // role codes the body may not have

  const RoleCount* role_count(std::string_view role) const;
  bool forbids(std::string_view role) const;
};

// Whoever holds `holder_role` in a body of `holder_body_type` must hold `seat_role` in
// the parent body on the same date (every 村妇代会主任 is 执委 of her township).
struct SeatRule {
  std::string holder_body_type;
  std::string holder_role;
  std::string seat_role;
};

struct RuleSet {
  std::string code;  // [a-z0-9_]{1,40}: "harbin_2016"
  std::string name;  // shown to users
  int version = 1;   // a stored version is never edited: an edit makes a new version
  std::vector<BodyTypeRules> rules_by_type;
  std::vector<SeatRule> seat_rules;

  // Rules for one body type; nullptr when the set leaves it unconstrained.
  const BodyTypeRules* rules_for(BodyType type) const;
};

// Which version of which set: what a schedule points to and a finding cites.
struct RuleSetRef {
  std::string code;
  int version = 1;
  auto operator<=>(const RuleSetRef&) const = default;
};
inline RuleSetRef ref_of(const RuleSet& set) { return {set.code, set.version}; }

// The default: 哈妇发〔2016〕8号.
RuleSet harbin_2016_rule_set();
inline constexpr std::string_view kHarbin2016Code = "harbin_2016";

// The role dictionary as seeded by migration 0002 (codes and allowed body types), for
// callers without a database at hand (tests, the CLI). The service passes the stored one.
std::vector<DictionaryEntry> default_role_dictionary();

// Refuses a set that contradicts itself. Throws DomainError (kind kInvalid) whose
// field names the rule at fault, with codes:
//   rule_set_code / rule_set_name / rule_set_version  the set's own fields
//   rule_unknown_body_type      field "rules.<code>.body_type"
//   rule_duplicate_body_type    field "rules.<code>"
//   rule_negative               field "rules.<type>.total" or ".role_counts.<role>"
//   rule_min_above_max          field "rules.<type>.total" or ".role_counts.<role>"
//   rule_unknown_role           field "rules.<type>.role_counts.<role>" or ".forbidden_roles.<role>"
//                               or "seat_rules.<i>.holder_role" / ".seat_role"
//   rule_duplicate_role         field "rules.<type>.role_counts.<role>"
//   rule_role_not_in_body_type  a required role the dictionary does not allow in that body type
//   rule_role_forbidden_and_required  field "rules.<type>.forbidden_roles.<role>"
//   rule_roles_exceed_total     field "rules.<type>.role_counts": per-role minimums past the total maximum
//   rule_seat_*                 field "seat_rules.<i>...": unknown body type, no parent, forbidden role
// `roles` is the role dictionary (entries of kind kRole; others are ignored).
void validate_rule_set(const RuleSet& set, const std::vector<DictionaryEntry>& roles);

// "22–32", "1", "≥3", "≤5": a range as users read it.
std::string format_range(int min, const std::optional<int>& max);

// Chinese label of a role: from the dictionary if given and found, else the built-in
// label of the seeded codes, else the code itself.
std::string role_label(std::string_view role, const std::vector<DictionaryEntry>& roles = {});
// The English of a role as a noun for `count` holders, from the dictionary's label_en (or the
// built-in one of the seeded codes, else the code), lower case: "vice-chair", "vice-chairs".
std::string role_noun_en(std::string_view role, int count, const std::vector<DictionaryEntry>& roles = {});

// Which set is in force from which date. Entries need not be given in order.
struct ScheduleEntry {
  Date effective_from;
  RuleSetRef rule_set;
};

class RuleSetSchedule {
 public:
  RuleSetSchedule() = default;
  explicit RuleSetSchedule(std::vector<ScheduleEntry> entries);

  // The set in force on `on`: the entry with the latest effective_from <= on; nullopt
  // before the first entry.
  std::optional<RuleSetRef> rule_set_in_force_on(const Date& on) const;
  const std::vector<ScheduleEntry>& entries() const { return entries_; }  // by date

 private:
  std::vector<ScheduleEntry> entries_;
};

// Refuses two entries on one date (schedule_duplicate_date, field "schedule.<i>.effective_from")
// and an entry naming a set not in `library` (schedule_unknown_rule_set, field "schedule.<i>.rule_set").
void validate_schedule(const std::vector<ScheduleEntry>& entries, const std::vector<RuleSet>& library);

// The set in `library` in force on `on`; Harbin 2016 when the schedule has nothing for
// that date. Throws DomainError (not_found, field "rule_set") if the schedule names a
// set missing from the library.
RuleSet rule_set_in_force_on(const Date& on, const RuleSetSchedule& schedule,
                             const std::vector<RuleSet>& library);

}  // namespace jinguo::domain::staffing
