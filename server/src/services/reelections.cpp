#include "services/reelections.h"

#include "domain/access/access.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "storage/compliance_queries.h"

namespace jinguo::services {

namespace {

// A body of the caller's scope; outside it, the body does not exist.
storage::SubtreeBody body_in_scope(const storage::ReadTx& tx, const Actor& actor, domain::OrganisationId id) {
  auto body = storage::ComplianceQueries(tx).body(id);
  if (!body || !actor.scope.contains(body->path))
    throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
  return *body;
}

domain::DomainError no_reelection() { return domain::not_found("id", "换届记录不存在", "no such re-election"); }

AuditTarget target(const char* action, const domain::Reelection& r) {
  return {action, "reelection", std::to_string(r.id), r.organisation_id};
}

}  // namespace

ChangeSet reelection_changes(const domain::Reelection* before, const domain::Reelection* after) {
  using R = domain::Reelection;
  ChangeSet c;
  diff_field(c, "organisation_id", before, after, &R::organisation_id);
  diff_field(c, "held_on", before, after, &R::held_on);
  diff_field(c, "term_years", before, after, &R::term_years);
  diff_field(c, "delegates", before, after, &R::delegates);
  diff_field(c, "delegates_minority", before, after, &R::delegates_minority);
  diff_field(c, "delegates_party", before, after, &R::delegates_party);
  diff_field(c, "delegates_grassroots", before, after, &R::delegates_grassroots);
  diff_field(c, "delegates_under_35", before, after, &R::delegates_under_35);
  diff_field(c, "notes", before, after, &R::notes);
  return c;
}

std::vector<storage::ReelectionRow> Reelections::ReelectionsOf(const Actor& actor, domain::OrganisationId body) {
  return db_.read([&](storage::ReadTx& tx) {
    body_in_scope(tx, actor, body);
    return storage::ReelectionQueries(tx).of_body(body);
  });
}

storage::ReelectionRow Reelections::RecordReelection(const Actor& actor, domain::OrganisationId body,
                                                     const domain::ReelectionChanges& fields) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    domain::require_reelection_body(body_in_scope(tx, actor, body).type);
    domain::Reelection input = domain::new_reelection(body, fields, today_());
    storage::ReelectionRepository repo(tx);
    input.id = repo.insert(input, domain::utc_timestamp_now());
    record_audit(tx, actor, target("create", input), reelection_changes(nullptr, &input));
    return *repo.find(domain::Scope::whole_tree(), input.id);
  });
}

storage::ReelectionRow Reelections::CorrectReelection(const Actor& actor, domain::ReelectionId id,
                                                      const domain::ReelectionChanges& changes) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::ReelectionRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_reelection();
    domain::Reelection after = domain::corrected(before->reelection, changes, today_());
    ChangeSet audit = reelection_changes(&before->reelection, &after);
    if (audit.empty()) return *before;
    repo.update(after, domain::utc_timestamp_now());
    record_audit(tx, actor, target("update", after), audit);
    return *repo.find(domain::Scope::whole_tree(), id);
  });
}

void Reelections::RemoveReelection(const Actor& actor, domain::ReelectionId id) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    storage::ReelectionRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_reelection();
    repo.remove(id);
    record_audit(tx, actor, target("delete", before->reelection), reelection_changes(&before->reelection, nullptr));
  });
}

}  // namespace jinguo::services
