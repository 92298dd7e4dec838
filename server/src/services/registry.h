#pragma once
// The registry's use cases: what a federation does to its organisations, people,
// positions and dictionaries. Each change is one transaction with one audit event.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/dictionary.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/position.h"
#include "domain/staffing/check.h"
#include "services/actor.h"
#include "services/result_cache.h"
#include "storage/database.h"
#include "storage/people_search.h"
#include "storage/repositories.h"

namespace jinguo::services {

// A field of a partial update: absent (leave alone), null (clear) or a value.
using domain::Patch;

struct NewOrganisation {
  std::optional<domain::OrganisationId> parent_id;
  std::string type;
  std::string name;
  std::optional<std::string> division_code;
  bool pilot = false;
  std::optional<domain::Date> established_on;
};

struct OrganisationChanges {
  std::optional<std::string> name;
  Patch<std::string> division_code;
  std::optional<bool> pilot;
  Patch<domain::Date> established_on;
};

// The fields of a person as a caller sends them (registering: absent = null).
struct PersonChanges {
  std::optional<std::string> name;
  std::optional<std::string> id_number;
  std::optional<domain::Date> birth_date;  // must agree with the ID number
  std::optional<std::string> sex;          // must agree with the ID number
  Patch<std::string> ethnicity, political_status, education, work_unit, job_title, mobile, office_phone,
      notes;
};

struct NewPosition {
  domain::PersonId person_id = 0;  // or, when 0, the person with this full ID number:
  domain::OrganisationId organisation_id = 0;
  std::string role;
  std::string manner;
  std::optional<std::string> source;
  domain::Date start_on;
  std::optional<std::string> notes;
  std::optional<std::string> id_number;  // appoints a person registered outside the caller's subtree
  // Staffing rules: a reason lets an appointment break a maximum or an exact count (audited);
  // may_override is the caller's right to give one (administrators only once accounts exist).
  std::optional<std::string> override_reason = std::nullopt;
  bool may_override = true;
};

// A stored appointment and what the staffing rules said of it.
struct Appointment : storage::PositionRow {
  std::vector<domain::staffing::Finding> warnings;    // shortfalls and missing seats after it
  std::vector<domain::staffing::Finding> overridden;  // refusals overridden by override_reason
};

// An ended position, and the seat in the body above her office carried when she still holds it
// (a 村妇代会主任's 执委 seat in the township): proposed for ending too.
struct EndedPosition : storage::PositionRow {
  std::optional<storage::PositionRow> seat_above;
  bool seat_may_end = false;  // the caller's scope holds the seat
};

// A correction as the caller sends it (PATCH /api/positions/{id}).
struct PositionCorrectionInput {
  std::string reason;  // required
  domain::PositionCorrection changes;
  std::optional<std::string> override_reason = std::nullopt;
  bool may_override = true;
};

struct DictionaryChanges {
  std::optional<std::string> label;
  Patch<std::string> label_en, short_label;
  std::optional<int> sort_order;
  std::optional<bool> active;
  Patch<std::vector<std::string>> body_types;
};

// ---- read models ---------------------------------------------------------------------
struct OrganisationDetail {
  storage::OrganisationRow row;
  std::vector<storage::PathEntry> path;  // root first, the body itself last
};

// What a merge (撤并) did: the body merged into, and how much moved.
struct MergeResult {
  OrganisationDetail into;
  int moved_children = 0;
  int moved_members = 0;
  int ended_positions = 0;
};

struct PersonSummary {
  domain::Person person;
  std::vector<storage::CurrentPosition> current_positions;
  std::vector<storage::FormerPosition> former_positions;  // in the subtree, ended on or before `on`
};

// GET /api/people: who holds (current), held (former) or either (all) a matching position in
// a subtree on a date.
struct PeopleQuery {
  std::string text;  // a name prefix or a full ID number
  std::optional<domain::OrganisationId> organisation_id;  // default: the caller's scope
  std::optional<std::string> role, manner, source;
  storage::HoldingStatus status = storage::HoldingStatus::kCurrent;
  std::optional<domain::Date> on;  // default today
};

struct PositionDetail {
  storage::PositionRow row;
  std::string organisation_path;  // "哈尔滨市妇联 / 道里区妇联 / ..."
};

struct PersonDetail {
  domain::Person person;
  std::vector<PositionDetail> positions;  // newest first
};

struct Roster {
  domain::OrganisationId organisation_id = 0;
  domain::Date on;
  std::vector<storage::RosterRow> items;
  std::string path;  // the body's materialised path as it was read: a kept roster is checked against each caller's scope
};

using Clock = std::function<domain::Date()>;

// A people page as kept and shared by the requests that ask for it (never changed once made).
using PeoplePage = storage::Page<PersonSummary>;


class Registry {
 public:
  Registry(storage::Database& db, Clock today);

  domain::Date today() const { return today_(); }

  // organisations
  OrganisationDetail CreateOrganisation(const Actor& actor, const NewOrganisation& input);
  OrganisationDetail UpdateOrganisation(const Actor& actor, domain::OrganisationId id,
                                        const OrganisationChanges& changes);
  // Without `on` a correction (it always stood there); with `on` a dated move of its subtree.
  OrganisationDetail MoveOrganisation(const Actor& actor, domain::OrganisationId id,
                                      domain::OrganisationId new_parent, std::optional<domain::Date> on = {});
  // Restructuring (registry_restructuring.cpp; docs/api-contract.md, "Restructuring"): each
  // starts new versions of the bodies it touches from `on`, so reports before it stay true.
  OrganisationDetail RenameOrganisation(const Actor& actor, domain::OrganisationId id, const std::string& name,
                                        domain::Date on);
  OrganisationDetail ConvertOrganisation(const Actor& actor, domain::OrganisationId id, const std::string& type,
                                         domain::Date on);
  MergeResult MergeOrganisations(const Actor& actor, domain::OrganisationId id, domain::OrganisationId into,
                                 domain::Date on);
  std::vector<storage::VersionRow> OrganisationHistory(const Actor& actor, domain::OrganisationId id);
  OrganisationDetail CloseOrganisation(const Actor& actor, domain::OrganisationId id, domain::Date closed_on);

  OrganisationDetail Organisation(const Actor& actor, domain::OrganisationId id);
  storage::Page<storage::OrganisationRow> Children(const Actor& actor, const storage::ChildrenFilter& filter,
                                                   const storage::PageSpec& page);
  storage::Page<OrganisationDetail> SearchOrganisations(const Actor& actor, const std::string& text,
                                                        std::optional<domain::OrganisationId> within,
                                                        std::optional<domain::BodyType> type,
                                                        const storage::PageSpec& page);
  // Kept (see "Kept answers" below): the scope is checked on every call, the answer shared.
  std::shared_ptr<const Roster> RosterOn(const Actor& actor, domain::OrganisationId id,
                                         std::optional<domain::Date> on);

  // people
  PersonDetail RegisterPerson(const Actor& actor, const PersonChanges& input);
  PersonDetail UpdatePerson(const Actor& actor, domain::PersonId id, const PersonChanges& changes);
  PersonDetail Person(const Actor& actor, domain::PersonId id);
  // The full value of id_number, mobile or office_phone; audited.
  std::optional<std::string> RevealPersonalData(const Actor& actor, domain::PersonId id, const std::string& field);
  // Kept like rosters when page_size <= kKeptPageSize (the pages people read; not an export's).
  std::shared_ptr<const PeoplePage> People(const Actor& actor, const PeopleQuery& query,
                                           const storage::PageSpec& page);

  // positions
  Appointment Appoint(const Actor& actor, const NewPosition& input);
  EndedPosition EndPosition(const Actor& actor, domain::PositionId id, domain::Date end_on,
                            const std::string& reason);
  // Corrects a stored position (更正): one transaction, one audit record ("correct"); nothing
  // that differs → no record. Judged by the staffing rules on the days it newly covers.
  Appointment CorrectPosition(const Actor& actor, domain::PositionId id, const PositionCorrectionInput& input);
  // Removes a position entered by mistake, only on the day it was entered (audited "delete").
  void DeletePosition(const Actor& actor, domain::PositionId id, const std::string& reason);
  storage::PositionRow Position(const Actor& actor, domain::PositionId id);

  // dictionaries
  std::vector<domain::DictionaryEntry> Dictionary(std::optional<domain::DictionaryKind> kind);
  domain::DictionaryEntry AddDictionaryEntry(const Actor& actor, const domain::DictionaryEntry& entry);
  domain::DictionaryEntry UpdateDictionaryEntry(const Actor& actor, domain::DictionaryKind kind,
                                                const std::string& code, const DictionaryChanges& changes);

  // Kept answers: a server keeps its last rosters and people pages under a key that names
  // what they were read from, the registry's generation included (read in the same read
  // transaction as the answer would be): every write of an organisation, person, position or
  // dictionary entry raises it (storage/audit_repository.cpp), so the next request computes
  // afresh, and several servers on one database agree. The generation is global: any write
  // makes every kept answer old. Nothing kept depends on who asks except what the key names
  // (the scope); masking is done when the answer is written out (http/dto.cpp).
  static constexpr std::size_t kKeptRosters = 512;
  static constexpr std::size_t kKeptPeoplePages = 128;
  static constexpr int kKeptPageSize = 100;

 private:
  // The generation a kept answer is looked up under: the one read with the actor's session, or
  // read now.
  std::int64_t generation_for(const Actor& actor);

  storage::Database& db_;
  Clock today_;
  std::unique_ptr<ResultCache<std::shared_ptr<const Roster>>> rosters_;
  std::unique_ptr<ResultCache<std::shared_ptr<const PeoplePage>>> people_pages_;
};

// The key of a people page: every parameter of the search and the page, the body named (with
// the generation it names one subtree), the caller's scope (her current positions are listed
// within it, and the body was checked against it) and the generation. Exposed for its unit test.
std::string people_key(const storage::PeopleSearch& search, std::optional<domain::OrganisationId> within,
                       const std::string& scope_path, const storage::PageSpec& page, std::int64_t generation);

}  // namespace jinguo::services
