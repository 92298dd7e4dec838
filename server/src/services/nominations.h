#pragma once
// Nominations worked by staff (issue 13, step 1; docs/api-contract.md, "Issue 13 (step 1):
// nominations"): a clerk nominates a woman to a body of her subtree for a role, records the
// assessment, decides the manner of service, or withdraws the nomination. Each change is one
// transaction with one audit record; the rules are domain/selection's.
#include <optional>
#include <vector>

#include "domain/selection/nomination.h"
#include "domain/selection/notice.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/nomination_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

struct NewNomination {
  std::optional<domain::OrganisationId> organisation_id;  // the body she is nominated to (required)
  // A registered woman (one proposed from the outstanding-women archive): her name, ID number and
  // mobile come from her record; name and id_number are then not sent.
  std::optional<domain::PersonId> person_id;
  domain::selection::NominationInput fields;
};

struct NominationQuery {
  std::optional<domain::OrganisationId> organisation_id;  // that body's subtree (default: the caller's)
  std::optional<domain::selection::Step> step;
  std::optional<domain::selection::NoticeId> notice_id;  // only those that answered this notice
};

struct NominationDetail {
  storage::NominationRow row;
  std::optional<domain::PersonId> person_id;                // the matched person, when the caller may see her
  std::vector<storage::CurrentPosition> current_positions;  // hers today, in the caller's subtree
  std::vector<storage::NominationStepRow> steps;            // oldest first
  bool full = false;                                        // the ID number and mobile shown in full
};

// Inside a write transaction: moves `before` on by `event` (domain/selection's rules), links her
// to a registered person when her ID number now matches one, stores the step and its audit
// record; the nomination after. 409 out_of_order when another clerk moved it on meanwhile.
domain::selection::Nomination move_on(const storage::WriteTx& tx, const Actor& actor,
                                      const domain::selection::Nomination& before, domain::selection::Event event,
                                      const domain::selection::EventInput& input);

class Nominations {
 public:
  Nominations(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  NominationDetail Nominate(const Actor& actor, const NewNomination& input);
  storage::Page<storage::NominationRow> List(const Actor& actor, const NominationQuery& query,
                                             const storage::PageSpec& page);
  // `full`: the ID number and mobile in full (permission reveal; the reveal is audited).
  NominationDetail Nomination(const Actor& actor, domain::selection::NominationId id, bool full);
  NominationDetail RecordAssessment(const Actor& actor, domain::selection::NominationId id,
                                    const domain::selection::EventInput& input);
  NominationDetail DecideManner(const Actor& actor, domain::selection::NominationId id,
                                const domain::selection::EventInput& input);
  NominationDetail Withdraw(const Actor& actor, domain::selection::NominationId id,
                            const domain::selection::EventInput& input);

 private:
  // One event: load, apply the rule, save the step and the audit record, in one transaction.
  NominationDetail advance(const Actor& actor, domain::selection::NominationId id, domain::selection::Event event,
                           const domain::selection::EventInput& input);

  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
