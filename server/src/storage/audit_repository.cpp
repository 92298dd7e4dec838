#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO audit_events (at, actor, account_id, address, action, entity, entity_id, organisation_id, "
    "person_id, changes) VALUES (:at, :actor, :account_id, :address, :action, :entity, :entity_id, "
    ":organisation_id, :person_id, :changes)";
constexpr const char* kSelectId = "SELECT e.id, ";
constexpr const char* kSelectColumns =
    ", e.actor, e.account_id, e.address, e.action, e.entity, e.entity_id, e.organisation_id, "
    "e.person_id, e.changes, o.name FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id";
constexpr const char* kCountEvents = "SELECT COUNT(*) FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id";

struct Columns {
  StoredAuditEvent row;
  std::string at;
  Nullable address, entity_id, organisation_name;
  NullableId account, organisation, person;
  void bind(Query& q) {
    q.into(row.id).into(at).into(row.event.actor).into(account).into(address).into(row.event.action)
        .into(row.event.entity).into(entity_id).into(organisation).into(person).into(row.event.changes)
        .into(organisation_name);
  }
  StoredAuditEvent get() const {
    StoredAuditEvent out = row;
    out.event.at = at;
    out.event.account_id = account.get();
    out.event.address = address.text();
    out.event.entity_id = entity_id.value;
    out.event.organisation_id = organisation.get();
    out.event.person_id = person.get();
    out.organisation_name = organisation_name.text();
    return out;
  }
};

std::string select(const ReadTx& tx) { return kSelectId + iso_timestamp_sql(tx, "e.at") + kSelectColumns; }

}  // namespace

std::string iso_timestamp_sql(const ReadTx& tx, const std::string& column) {
  if (tx.backend() == Backend::kPostgresql)
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
  return column;
}

void AuditRepository::append(const AuditEvent& e) const {
  std::string at = e.at, actor = e.actor, action = e.action, entity = e.entity, entity_id = e.entity_id,
              changes = e.changes;
  Nullable address(e.address);
  NullableId organisation(e.organisation_id), account(e.account_id), person(e.person_id);
  Query q(tx_.sql());
  q.use(at).use(actor).use(account).use(address).use(action).use(entity).use(entity_id).use(organisation)
      .use(person).use(changes);
  q.run(kInsertEvent);
}

std::vector<StoredAuditEvent> AuditRepository::latest(int limit) const {
  std::vector<StoredAuditEvent> out;
  Columns c;
  Query q(tx_.sql());
  c.bind(q);
  q.open(select(tx_) + " ORDER BY e.id DESC LIMIT " + std::to_string(limit));
  while (q.fetch()) out.push_back(c.get());
  return out;
}

Page<StoredAuditEvent> AuditRepository::list(const AuditFilter& filter, const PageSpec& page) const {
  Params params, count_params;
  std::string where;
  auto add = [&](const std::string& clause, const std::vector<std::string>& values) {
    where += (where.empty() ? " WHERE " : " AND ") + clause;
    for (const auto& v : values) {
      params.text(v);
      count_params.text(v);
    }
  };
  if (filter.within_path) add("o.path >= :low AND o.path < :high", {*filter.within_path, *filter.within_path + "~"});
  if (filter.person_id) {
    where += std::string(where.empty() ? " WHERE " : " AND ") + "e.person_id = :person_id";
    params.integer(*filter.person_id);
    count_params.integer(*filter.person_id);
  }
  if (filter.actor) add("e.actor = :actor", {*filter.actor});
  if (filter.from_at) add("e.at >= :from_at", {*filter.from_at});
  if (filter.to_at) add("e.at < :to_at", {*filter.to_at});
  if (filter.action) add("e.action = :action", {*filter.action});
  if (filter.entity) add("e.entity = :entity", {*filter.entity});
  Page<StoredAuditEvent> out;
  {
    Query q(tx_.sql());
    q.into(out.total);
    count_params.bind(q);
    q.run(kCountEvents + where);
  }
  Columns c;
  Query q(tx_.sql());
  c.bind(q);
  params.bind(q);
  q.open(select(tx_) + where + " ORDER BY e.id DESC LIMIT " + std::to_string(page.page_size) + " OFFSET " +
         std::to_string(page.offset()));
  while (q.fetch()) out.items.push_back(c.get());
  return out;
}

long long AuditRepository::count() const {
  long long n = 0;
  Query q(tx_.sql());
  q.into(n);
  q.run("SELECT COUNT(*) FROM audit_events");
  return n;
}

}  // namespace jinguo::storage
