#include "services/audit.h"

#include "domain/clock.h"
#include "storage/repositories.h"

#include <algorithm>

namespace jinguo::services {

void ChangeSet::put(const std::string& field, std::string before, std::string after) {
  auto at = std::lower_bound(changes_.begin(), changes_.end(), field,
                             [](const Change& c, const std::string& f) { return c.field < f; });
  if (at != changes_.end() && at->field == field) {
    at->before = std::move(before);
    at->after = std::move(after);
  } else {
    changes_.insert(at, Change{field, std::move(before), std::move(after)});
  }
}

std::string ChangeSet::text() const {
  std::size_t size = 2;
  for (const auto& c : changes_) size += c.field.size() + c.before.size() + c.after.size() + 24;
  std::string out;
  out.reserve(size);
  out += '{';
  for (const auto& c : changes_) {
    if (out.size() > 1) out += ',';
    out += nlohmann::json(c.field).dump();
    out += R"(:{"after":)";
    out += c.after;
    out += R"(,"before":)";
    out += c.before;
    out += '}';
  }
  out += '}';
  return out;
}

namespace {

storage::AuditEvent event_of(const Actor& actor, const AuditTarget& target, const ChangeSet& changes) {
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
  e.changes = changes.text();
  return e;
}

}  // namespace

void record_audit(const storage::WriteTx& tx, const Actor& actor, const AuditTarget& target,
                  const ChangeSet& changes) {
  storage::AuditRepository(tx).append(event_of(actor, target, changes));
}

void AuditBatch::record(const AuditTarget& target, const ChangeSet& changes) {
  pending_.push_back(event_of(actor_, target, changes));
  if (pending_.size() >= 1000) flush();
}

void AuditBatch::flush() {
  storage::AuditRepository(tx_).append_all(pending_);
  pending_.clear();
}

}  // namespace jinguo::services
