#pragma once
// Nominations and their steps as stored (migration 0019). Reads take any transaction
// (NominationQueries); writes need a WriteTx (NominationRepository).
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/organisation.h"
#include "domain/selection/nomination.h"
#include "domain/selection/notice.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

struct NominationRow {
  domain::selection::Nomination nomination;
  std::string organisation_name, organisation_path;
  domain::BodyType organisation_type = domain::BodyType::kCity;
  std::string role_label;                   // the role dictionary's label (the code when it has none)
  std::optional<std::string> manner_label;  // the manner dictionary's label, once decided
  std::string created_at, created_by, updated_at;  // ISO 8601 UTC; username
  std::optional<domain::selection::NoticeId> notice_id;  // the notice a self-nomination answered
};

struct NominationStepRow {
  std::int64_t id = 0;
  domain::selection::StepRecord record;
  std::string done_by, done_at;  // username; ISO 8601 UTC
};

struct NominationFilter {
  std::string within_path = "/";  // the subtree of the bodies
  std::optional<domain::selection::Step> step;
  std::optional<domain::selection::NoticeId> notice_id;  // only those that answered this notice
};

// Who stores a nomination a woman made herself on a notice's public page.
inline constexpr const char* kPublicNominator = "public";

class NominationQueries {
 public:
  explicit NominationQueries(const ReadTx& tx) : tx_(tx) {}

  // A nomination to a body in the scope; outside it, the nomination does not exist.
  std::optional<NominationRow> find(const domain::Scope& scope, domain::selection::NominationId id) const;
  // The nominations to bodies of a subtree (at one step); page.sort "created_at" (by id) or "name".
  Page<NominationRow> list(const NominationFilter& filter, const PageSpec& page) const;
  // The transitions of a nomination, oldest first.
  std::vector<NominationStepRow> steps(domain::selection::NominationId id) const;
  // The open (not final) nomination of an ID number to a body for a role.
  std::optional<domain::selection::NominationId> open_nomination(domain::OrganisationId body, const std::string& role,
                                                                 const std::string& id_number) const;
  // Self-nominations from the public pages of an ID number stored since `since` (ISO 8601 UTC).
  long long public_nominations_since(const std::string& id_number, const std::string& since) const;
  // The nomination whose receipt code hashes to `hash`, whatever the scope (the public status page).
  std::optional<NominationRow> find_by_receipt(const std::string& hash) const;

 protected:
  const ReadTx& tx_;
};

class NominationRepository : public NominationQueries {
 public:
  explicit NominationRepository(const WriteTx& tx) : NominationQueries(tx) {}
  // `notice` and `receipt_hash`: a self-nomination from a notice's public page.
  domain::selection::NominationId insert(const domain::selection::Nomination& n, const std::string& by,
                                         const std::string& now,
                                         std::optional<domain::selection::NoticeId> notice = std::nullopt,
                                         std::optional<std::string> receipt_hash = std::nullopt) const;
  // Moves the nomination to `after`'s step, manner and person, only if it still stands at `from`:
  // false when another transaction moved it first.
  bool advance(const domain::selection::Nomination& after, domain::selection::Step from, const std::string& now) const;
  void record_step(domain::selection::NominationId id, const domain::selection::StepRecord& r, const std::string& by,
                   const std::string& now) const;
};

}  // namespace jinguo::storage
