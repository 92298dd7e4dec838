#include "storage/query.h"
#include "storage/repositories.h"

#include <algorithm>
#include <charconv>

namespace jinguo::storage {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO audit_events (at, actor, account_id, address, action, entity, entity_id, organisation_id, "
    "person_id, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr const char* kSelectId = "SELECT e.id, ";
constexpr const char* kSelectColumns =
    ", e.actor, e.account_id, e.address, e.action, e.entity, e.entity_id, e.organisation_id, "
    "e.person_id, e.changes, o.name FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id";
constexpr const char* kCountEvents = "SELECT COUNT(*) FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id";

// The row of select().
StoredAuditEvent read_event(const Statement& row) {
  StoredAuditEvent out;
  out.id = row.integer(0);
  out.event.at = row.string(1);
  out.event.actor = row.string(2);
  out.event.account_id = row.nullable_integer(3);
  out.event.address = row.nullable_text(4);
  out.event.action = row.string(5);
  out.event.entity = row.string(6);
  out.event.entity_id = row.nullable_text(7).value_or("");
  out.event.organisation_id = row.nullable_integer(8);
  out.event.person_id = row.nullable_integer(9);
  out.event.changes = row.string(10);
  out.organisation_name = row.nullable_text(11);
  return out;
}

std::string select(const ReadTx& tx) { return kSelectId + iso_timestamp_sql(tx, "e.at") + kSelectColumns; }

// The change feed learns what a transaction changed from its audit records: every change to
// an organisation, person, position or dictionary entry is audited in its transaction. Records of reads
// (an export, a revealed ID number) change nothing.
void note_change(const ReadTx& tx, const AuditEvent& e) {
  if (e.action == "export" || e.action == "reveal") return;
  // A dictionary's labels and order are in every roster and people page a server keeps
  // (services/registry.h): a change of an entry raises the generation too. The index reads
  // bodies' names, not labels, so a change of bodies (id 0: none in particular) is the
  // cheapest touch that raises it.
  if (e.entity == "dictionary_entry") {
    tx.touched(RegistryEntity::kOrganisation, 0);
    return;
  }
  const auto entity = registry_entity_of(e.entity);
  if (!entity) return;
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(e.entity_id.data(), e.entity_id.data() + e.entity_id.size(), id);
  if (error != std::errc() || end != e.entity_id.data() + e.entity_id.size())
    tx.touched(RegistryEntity::kAll, 0);  // not an id we can reload alone
  else
    tx.touched(*entity, id);
}

}  // namespace

std::string iso_timestamp_sql(const ReadTx& tx, const std::string& column) {
  return iso_timestamp_sql(tx.backend(), column);
}

std::string iso_timestamp_sql(Backend backend, const std::string& column) {
  if (backend == Backend::kPostgresql)
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
  return column;
}

void AuditRepository::append(const AuditEvent& e) const {
  note_change(tx_, e);
  Statement q = tx_.prepare(kInsertEvent);  // kept: every change writes one, an import thousands
  q.bind(e.at).bind(e.actor).bind(e.account_id).bind(e.address).bind(e.action).bind(e.entity).bind(e.entity_id)
      .bind(e.organisation_id).bind(e.person_id).bind(e.changes);
  q.run();
}

void AuditRepository::append_all(const std::vector<AuditEvent>& events) const {
  constexpr std::size_t kRowsPerInsert = 100;  // 1,000 parameters: within SQLite's and PostgreSQL's limits
  constexpr int kColumns = 10;
  for (const AuditEvent& e : events) note_change(tx_, e);
  for (std::size_t first = 0; first < events.size(); first += kRowsPerInsert) {
    const std::size_t n = std::min(kRowsPerInsert, events.size() - first);
    std::string sql(kInsertEvent, std::string_view(kInsertEvent).find(" VALUES") + 7);
    for (std::size_t r = 0; r < n; ++r) {
      sql += r == 0 ? " (" : ", (";
      for (int c = 1; c <= kColumns; ++c)
        sql += (c == 1 ? "$" : ", $") + std::to_string(static_cast<int>(r) * kColumns + c);
      sql += ')';
    }
    // a full chunk's text is always the same: kept prepared; the last, shorter one is not
    Statement q = tx_.prepare(sql, n == kRowsPerInsert ? Keep::kYes : Keep::kNo);
    for (std::size_t r = first; r < first + n; ++r) {
      const AuditEvent& e = events[r];
      q.bind(e.at).bind(e.actor).bind(e.account_id).bind(e.address).bind(e.action).bind(e.entity).bind(e.entity_id)
          .bind(e.organisation_id).bind(e.person_id).bind(e.changes);
    }
    q.run();
  }
}

std::vector<StoredAuditEvent> AuditRepository::latest(int limit) const {
  std::vector<StoredAuditEvent> out;
  Statement row = tx_.prepare(select(tx_) + " ORDER BY e.id DESC LIMIT $1");
  row.bind(limit);
  while (row.step()) out.push_back(read_event(row));
  return out;
}

Page<StoredAuditEvent> AuditRepository::list(const AuditFilter& filter, const PageSpec& page) const {
  Binds b;
  std::string where;
  auto add = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
  if (filter.within_path)
    add("o.path >= " + b.add(*filter.within_path) + " AND o.path < " + b.add(*filter.within_path + "~"));
  if (filter.person_id) add("e.person_id = " + b.add(*filter.person_id));
  if (filter.person) {
    const PersonMatch& m = *filter.person;
    std::string people;
    if (m.id_number) {
      people = "pm.id_number = " + b.add(*m.id_number);
    } else {
      people = "pm.name = " + b.add(m.name);
      if (m.prefix) people += " OR pm.name LIKE " + b.add(escape_like(m.name) + "%") + " ESCAPE '\\'";
    }
    add("e.person_id IN (SELECT pm.id FROM people pm WHERE " + people + ")");
  }
  if (filter.actor) add("e.actor = " + b.add(*filter.actor));
  if (filter.from_at) add("e.at >= " + b.add(*filter.from_at));
  if (filter.to_at) add("e.at < " + b.add(*filter.to_at));
  if (filter.action) add("e.action = " + b.add(*filter.action));
  if (filter.entity) add("e.entity = " + b.add(*filter.entity));
  if (!filter.entities.empty()) {
    std::string any;
    for (const auto& entity : filter.entities) any += (any.empty() ? "" : ", ") + b.add(entity);
    add("e.entity IN (" + any + ")");
  }
  Page<StoredAuditEvent> out;
  {
    Statement count = tx_.prepare(kCountEvents + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  std::string limit = b.add(std::int64_t{page.page_size}), offset = b.add(std::int64_t{page.offset()});
  Statement row = tx_.prepare(select(tx_) + where + " ORDER BY e.id DESC LIMIT " + limit + " OFFSET " + offset);
  b.bind(row);
  while (row.step()) out.items.push_back(read_event(row));
  return out;
}

long long AuditRepository::count() const {
  Statement row = tx_.prepare("SELECT COUNT(*) FROM audit_events");
  row.step();
  return row.integer(0);
}

}  // namespace jinguo::storage
