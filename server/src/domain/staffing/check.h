#pragma once
// Checking one body against a rule set on one date, and what an appointment would break.
// Pure: the caller gathers the positions (any history) and chooses the rule set in force
// on that date (rule_set_in_force_on), so a past date is checked under the set of then.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/dictionary.h"
#include "domain/organisation.h"
#include "domain/position.h"
#include "domain/staffing/rule_set.h"

namespace jinguo::domain::staffing {

struct HeldPosition {
  PersonId person_id = 0;
  std::string role;
  PositionId position_id = 0;  // 0 for a position not stored yet (an appointment being tried)
};

// One body as of one date, with what the seat rule needs from its parent.
struct BodySnapshot {
  OrganisationId id = 0;
  BodyType type = BodyType::kCity;
  std::optional<OrganisationId> parent_id;  // nullopt: parent not given, the seat rule is not judged
  std::optional<BodyType> parent_type;
  Date on;
  std::vector<HeldPosition> positions;         // held in the body on `on`
  std::vector<HeldPosition> ended_positions;   // held in the body before `on`, ended by then
  std::vector<HeldPosition> parent_positions;  // held in the parent on `on`
};

// Builds the snapshot from full position histories: `positions` may hold the positions of
// the body, of its parent and of others (each is sorted by its organisation_id). Pass the
// parent to have the seat rule judged; without it only the counts are.
BodySnapshot snapshot_on(const Date& on, const Organisation& body, const std::optional<Organisation>& parent,
                         const std::vector<Position>& positions);

enum class FindingKind { kTotal, kRoleCount, kForbiddenRole, kSeat };
std::string_view finding_kind_code(FindingKind kind);  // "total", "role_count", "forbidden_role", "seat"

// A shortfall is a warning; an excess, a forbidden role or a count past its exact value
// is an error (and an appointment causing one is refused unless overridden).
enum class Severity { kWarning, kError };
std::string_view severity_code(Severity severity);  // "warning", "error"

struct Finding {
  FindingKind kind = FindingKind::kTotal;
  Severity severity = Severity::kWarning;
  RuleSetRef rule_set;  // the set applied
  std::string
      rule;  // the rule applied, as validate_rule_set names it: "rules.township.role_counts.executive"
  OrganisationId organisation_id = 0;
  std::optional<std::string> role;  // role_count, forbidden_role: the role; seat: the holder role
  int expected_min = 0;             // forbidden_role: 0..0; seat: 1..1
  std::optional<int> expected_max;
  int actual = 0;                       // seat: 0 (missing)
  std::optional<PersonId> person_id;    // seat: the holder whose seat above is missing
  std::optional<PersonId> occupant_id;  // seat: a former holder still holding the seat above
  std::string message_zh;               // "执委 18 人，应为 22–32 人"
  std::string message_en;               // "18 executive committee members, expected 22–32"
  std::string advice_zh;                // the next step in plain words: "还需任命 4 名执委"
  std::string advice_en;                // "Appoint 4 more executive committee members"
};

// What check_body writes into a finding: everything, or only what counting statuses needs
// (kind, severity, role, expected, actual, organisation and the people named: no rule set, no
// rule, no texts), for the bodies that pass or are only counted.
enum class Detail { kFull, kCounts };

// Every finding for one body on the snapshot's date, in rule order (total, roles,
// forbidden roles, seats). `roles` gives role labels for the messages (may be empty).
std::vector<Finding> check_body(const RuleSet& set, const BodySnapshot& body,
                                const std::vector<DictionaryEntry>& roles = {}, Detail detail = Detail::kFull);

// Puts the names of the people a seat finding speaks of into its messages, in place of
// the "人员 123" / "person 123" that check_body writes (it knows ids only). A person
// missing from `names` keeps her id.
void name_people(Finding& finding, const std::map<PersonId, std::string>& names);

// The seat in the body above that an office carries (a 村妇代会主任's 执委 seat in the township):
// the seat role when `role` in a body of `body_type` is a seat rule's holder, none otherwise.
// When she leaves the office, the seat is proposed for ending too.
std::optional<std::string> seat_role_of(const RuleSet& set, BodyType body_type, std::string_view role);

// The refusals an appointment of `person_id` to `role` in `body` would cause: errors that
// are new, or that get worse (an excess growing). Shortfalls and seats never refuse.
std::vector<Finding> findings_if_appointed(const RuleSet& set, const BodySnapshot& body,
                                           std::string_view role, PersonId person_id,
                                           const std::vector<DictionaryEntry>& roles = {});

// The use-case check for an appointment: returns the refusals that were overridden (empty
// when none), for the audit log; throws DomainError "staffing_rule_broken" (kind kConflict,
// field = the first refusal's rule, message = all refusals) when there are refusals and no
// override reason, or an error on field "override_reason" (kInvalid) when the reason is
// blank or longer than 200 characters.
std::vector<Finding> enforce_appointment(const RuleSet& set, const BodySnapshot& body, std::string_view role,
                                         PersonId person_id,
                                         const std::optional<std::string>& override_reason,
                                         const std::vector<DictionaryEntry>& roles = {});

// The same for refusals gathered already (a correction judged on several days): `set` is the
// set the first refusal was found under.
std::vector<Finding> enforce_refusals(const RuleSet& set, std::vector<Finding> refusals,
                                      const std::optional<std::string>& override_reason);

}  // namespace jinguo::domain::staffing
