#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO audit_events (at, actor, address, action, entity, entity_id, organisation_id, changes) "
    "VALUES (:at, :actor, :address, :action, :entity, :entity_id, :organisation_id, :changes)";
constexpr const char* kSelectLatest =
    "SELECT id, actor, address, action, entity, entity_id, organisation_id, changes FROM audit_events "
    "ORDER BY id DESC LIMIT ";
constexpr const char* kCountEvents = "SELECT COUNT(*) FROM audit_events";

}  // namespace

void AuditRepository::append(const AuditEvent& e) const {
  std::string at = e.at, actor = e.actor, action = e.action, entity = e.entity, entity_id = e.entity_id,
              changes = e.changes;
  Nullable address(e.address);
  NullableId organisation(e.organisation_id);
  Query q(tx_.sql());
  q.use(at).use(actor).use(address).use(action).use(entity).use(entity_id).use(organisation).use(changes);
  q.run(kInsertEvent);
}

std::vector<StoredAuditEvent> AuditRepository::latest(int limit) const {
  std::vector<StoredAuditEvent> out;
  StoredAuditEvent row;
  Nullable address, entity_id;
  NullableId organisation;
  Query q(tx_.sql());
  q.into(row.id).into(row.event.actor).into(address).into(row.event.action).into(row.event.entity)
      .into(entity_id).into(organisation).into(row.event.changes);
  q.open(kSelectLatest + std::to_string(limit));
  while (q.fetch()) {
    row.event.address = address.text();
    row.event.entity_id = entity_id.value;
    row.event.organisation_id = organisation.get();
    out.push_back(row);
  }
  return out;
}

long long AuditRepository::count() const {
  long long n = 0;
  Query q(tx_.sql());
  q.into(n);
  q.run(kCountEvents);
  return n;
}

}  // namespace jinguo::storage
