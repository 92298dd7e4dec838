#include "services/audit.h"

#include "domain/clock.h"
#include "storage/repositories.h"

namespace jinguo::services {

void record_audit(const storage::WriteTx& tx, const Actor& actor, const AuditTarget& target,
                  const ChangeSet& changes) {
  storage::AuditEvent e;
  e.at = domain::utc_timestamp_now();
  e.actor = actor.name;
  e.account_id = actor.account_id;
  e.person_id = target.person_id;
  e.address = actor.address;
  e.action = target.action;
  e.entity = target.entity;
  e.entity_id = target.entity_id;
  e.organisation_id = target.organisation_id;
  e.changes = changes.json().dump();
  storage::AuditRepository(tx).append(e);
}

}  // namespace jinguo::services
