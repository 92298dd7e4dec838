#pragma once
// The re-elections of city, district and county federations (附表2): recording one, correcting
// it, removing a mistaken entry, listing a body's. Each change is one transaction with one
// audit record; the caller sees and changes only bodies of her subtree.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/reelection.h"
#include "services/actor.h"
#include "services/audit.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/reelection_repository.h"

namespace jinguo::services {

// The audit changes of a re-election: created (before null), changed, or removed (after null).
ChangeSet reelection_changes(const domain::Reelection* before, const domain::Reelection* after);

class Reelections {
 public:
  Reelections(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  // The re-elections of a body of the caller's subtree, the latest held first.
  std::vector<storage::ReelectionRow> ReelectionsOf(const Actor& actor, domain::OrganisationId body);
  // `body` must be a city, district, county or county-level city federation (422
  // reelection_body_type); the fields are those sent (domain::new_reelection).
  storage::ReelectionRow RecordReelection(const Actor& actor, domain::OrganisationId body,
                                          const domain::ReelectionChanges& fields);
  storage::ReelectionRow CorrectReelection(const Actor& actor, domain::ReelectionId id,
                                           const domain::ReelectionChanges& changes);
  // A mistaken entry: deleted, its fields kept in the audit record.
  void RemoveReelection(const Actor& actor, domain::ReelectionId id);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
