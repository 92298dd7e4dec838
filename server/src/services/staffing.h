#pragma once
// The staffing use cases (配备标准): the composition of one body against the rule set in
// force on a date, compliance over a subtree (the date asked for beside the campaign's
// baseline), the rule-set library and its schedule, and the check an appointment must pass.
// A date is always judged under the set the schedule puts in force on that date, so
// changing the schedule never rewrites how a stored roster is read, only which set applies.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/access/access.h"
#include "domain/dictionary.h"
#include "domain/error.h"
#include "domain/organisation.h"
#include "domain/staffing/check.h"
#include "domain/staffing/compliance.h"
#include "domain/staffing/rule_set.h"
#include "services/actor.h"
#include "services/audit.h"
#include "services/result_cache.h"
#include "storage/compliance_queries.h"
#include "storage/database.h"

namespace jinguo::storage {
class HeldIndex;
}

namespace jinguo::services {

struct StoredRuleSet {
  domain::staffing::RuleSet set;
  std::string created_at;
  std::string created_by;
};

struct RuleSetSummary {
  std::string code;
  std::string name;  // of the latest version
  int latest_version = 0;
  int versions = 0;
};

struct ScheduledRuleSet {
  domain::Date effective_from;
  domain::staffing::RuleSetRef rule_set;
  std::string name;
};

// What a reader of findings needs besides them: role labels and people's names.
struct FindingContext {
  std::vector<domain::DictionaryEntry> roles;
  std::map<domain::PersonId, std::string> people;
};

struct RoleTally {
  std::string role;
  int actual = 0;  // distinct people holding it
};

struct Composition {
  domain::OrganisationId organisation_id = 0;
  domain::BodyType type = domain::BodyType::kCity;
  domain::Date on;
  domain::staffing::RuleSet rule_set;
  int total = 0;               // distinct people holding any position
  std::vector<RoleTally> held;  // roles held, by role code
  std::vector<domain::staffing::Finding> findings;
  domain::staffing::ComplianceStatus status = domain::staffing::ComplianceStatus::kMeets;
  FindingContext context;
};

struct ComplianceSide {
  domain::Date on;
  domain::staffing::RuleSetRef rule_set;
  std::string rule_set_name;
  domain::staffing::ComplianceRollup rollup;
};

struct FailingBody {
  storage::SubtreeBody body;
  std::optional<domain::OrganisationId> district_id;
  domain::staffing::ComplianceStatus status = domain::staffing::ComplianceStatus::kShort;
  std::vector<domain::staffing::Finding> findings;
};

struct ComplianceReport {
  std::optional<domain::OrganisationId> within;  // nullopt: the whole tree
  ComplianceSide current;
  ComplianceSide baseline;
  std::vector<FailingBody> failing;  // of `current`, in tree (path) order
  std::map<domain::OrganisationId, std::string> district_names;
  FindingContext context;
};

// 409 staffing_rule_broken with the refusals, for the error body.
class StaffingRuleBroken : public domain::DomainError {
 public:
  StaffingRuleBroken(const domain::DomainError& e, std::vector<domain::staffing::Finding> findings,
                     FindingContext context)
      : domain::DomainError(e), findings_(std::move(findings)), context_(std::move(context)) {}
  const std::vector<domain::staffing::Finding>& findings() const { return findings_; }
  const FindingContext& context() const { return context_; }

 private:
  std::vector<domain::staffing::Finding> findings_;
  FindingContext context_;
};

// An appointment about to be stored, as the staffing rules see it.
struct AppointmentTry {
  domain::OrganisationId organisation_id = 0;
  domain::BodyType type = domain::BodyType::kCity;
  std::optional<domain::OrganisationId> parent_id;
  std::string role;
  domain::PersonId person_id = 0;
  domain::Date start_on;
  std::optional<std::string> override_reason;
  bool may_override = false;  // the caller's right to override (administrators)
  // A correction: the stored position being corrected is not counted as it was, and it is
  // judged on `days` (the days it newly covers) instead of start_on alone.
  domain::PositionId replacing = 0;
  std::optional<std::vector<domain::Date>> days = std::nullopt;
};

struct AppointmentCheck {
  std::vector<domain::staffing::Finding> overridden;  // refusals overridden with the reason
  std::vector<domain::staffing::Finding> warnings;    // shortfalls and missing seats after it
};

// Inside the appointment's transaction: judges it under the set in force on its start date
// (or on each of `days`).
// Throws StaffingRuleBroken (409) for refusals without an override reason, 403
// override_not_allowed when the caller may not override, 422 override_reason when blank.
AppointmentCheck check_appointment(const storage::ReadTx& tx, const AppointmentTry& appointment);
// The seat in the body above that an office carried, still held when she leaves the office on
// `end_on`: her open position there in the seat role (a 村妇代会主任's 执委 seat in the township),
// for the clerk to end too. None when the office carries no seat or she holds none.
struct SeatLeftBehind {
  storage::PositionRow position;  // the seat above
  bool may_end = false;           // the caller's scope holds it
};
std::optional<SeatLeftBehind> seat_left_behind(const storage::ReadTx& tx, const domain::Scope& scope,
                                               const domain::Position& ended, domain::BodyType body_type,
                                               std::optional<domain::OrganisationId> parent_id);
// The refusals an override let through, as the appointment's audit record keeps them (nothing
// when none was overridden).
void record_override(ChangeSet& changes, const std::vector<domain::staffing::Finding>& overridden,
                     const std::optional<std::string>& reason);
// Many appointments judged in one transaction (an import): the rule book read once, each
// body's positions read once a day and kept up to date as appointments are accepted, so a
// row is judged counting the rows accepted before it. Refusals are returned, not thrown.
class AppointmentBatch {
 public:
  explicit AppointmentBatch(const storage::ReadTx& tx);
  ~AppointmentBatch();
  AppointmentBatch(const AppointmentBatch&) = delete;
  AppointmentBatch& operator=(const AppointmentBatch&) = delete;

  // Reads the positions of these bodies on these days (organisation_id, type, start_on of each)
  // in a few queries, rather than body by body as appointments come. Then the batch no longer
  // reads them as the transaction goes: the appointments accepted are what it counts, so the
  // caller may store them later (an import inserts a few hundred at a time).
  void read_ahead(const std::vector<AppointmentTry>& bodies);
  // The refusals (errors) this appointment would cause on its start day.
  std::vector<domain::staffing::Finding> refusals(const AppointmentTry& appointment);
  // Counts it in every later judgement of its body on or after its start day (and, given
  // `until`, before that day: a stored position whose start moves earlier counts there already).
  void accept(const AppointmentTry& appointment, std::optional<domain::Date> until = std::nullopt);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The days on which another rule set takes effect (a count may be judged anew there).
std::vector<domain::Date> rule_set_changes(const storage::ReadTx& tx);

class Staffing {
 public:
  // With an index, the compliance pages count from it (storage/held_index.h); without, in SQL.
  // With an index the last reports are kept per registry generation unless `keep_reports` is
  // false (`jinguo check --timing` measures the computation itself).
  Staffing(storage::Database& db, std::function<domain::Date()> today, storage::HeldIndex* index = nullptr,
           bool keep_reports = true);

  domain::Date today() const { return today_(); }

  // One body of the scope on a date (default today): counts against the set in force, and
  // findings. A body outside the scope is not found.
  Composition CheckBody(const domain::Scope& scope, domain::OrganisationId id, std::optional<domain::Date> on);
  // A subtree of the scope (default: the scope itself) on a date (default today) beside the
  // baseline date (default the campaign_baseline setting). Shared, not copied: a kept report
  // (the city's: every failing body with its findings, megabytes) is read by every request for
  // it at once, and a copy for each of 64 requests was most of the server's peak memory.
  std::shared_ptr<const ComplianceReport> ComplianceOf(const domain::Scope& scope, std::optional<domain::OrganisationId> within,
                                                       std::optional<domain::Date> on,
                                                       std::optional<domain::Date> baseline);

  // The bodies of the scope that are short or over on a date (the `failing` of ComplianceOf,
  // one date only), in tree order, with the context to read their findings.
  ComplianceReport FailingOn(const domain::Scope& scope, const domain::Date& on);

  std::vector<RuleSetSummary> RuleSets();
  std::vector<StoredRuleSet> Versions(const std::string& code);  // oldest first; 404 if none
  StoredRuleSet RuleSetOf(const std::string& code, int version);
  StoredRuleSet InForceOn(const domain::Date& on);
  // Validates and stores `set` as the next version of its code (its own version is ignored).
  StoredRuleSet SaveRuleSet(const Actor& actor, domain::staffing::RuleSet set);
  std::vector<ScheduledRuleSet> Schedule();
  // Puts (code, version) in force from `effective_from`, which may be in the past: then the
  // past is judged under it from that date on (audited).
  std::vector<ScheduledRuleSet> ScheduleRuleSet(const Actor& actor, const domain::Date& effective_from,
                                                const std::string& code, int version);

 private:
  storage::Database& db_;
  std::function<domain::Date()> today_;
  storage::HeldIndex* index_;
  // With the index: the last subtree reports, under the generation and rules they were judged
  // from (16 of a few kilobytes to a few hundred: a city's failing bodies).
  std::unique_ptr<ResultCache<std::shared_ptr<const ComplianceReport>>> reports_;
};

}  // namespace jinguo::services
