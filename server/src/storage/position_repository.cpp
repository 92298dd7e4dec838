#include "storage/person_columns.h"
#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr const char* kSelectPosition =
    "SELECT ps.id, ps.person_id, ps.organisation_id, ps.role, ps.manner, ps.source, ps.start_on, "
    "ps.end_on, ps.end_reason, ps.notes, pe.name, o.name, o.path, COALESCE(r.label, ps.role), "
    "COALESCE(m.label, ps.manner), s.label";
constexpr const char* kRosterPersonColumns = ", " JINGUO_PERSON_COLUMNS("pe");
constexpr const char* kFromPositions =
    " FROM positions ps JOIN people pe ON pe.id = ps.person_id "
    "JOIN organisations o ON o.id = ps.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = ps.role "
    "LEFT JOIN dictionary_entries m ON m.kind = 'manner' AND m.code = ps.manner "
    "LEFT JOIN dictionary_entries s ON s.kind = 'source' AND s.code = ps.source";
constexpr const char* kWhereId = " WHERE ps.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kWherePerson =
    " WHERE ps.person_id = $1 AND o.path >= $2 AND o.path < $3 ORDER BY ps.start_on DESC, ps.id DESC";
constexpr const char* kWhereRoster =
    " WHERE ps.organisation_id = $1 AND ps.start_on <= $2 AND (ps.end_on IS NULL OR ps.end_on > $2) "
    "ORDER BY COALESCE(r.sort_order, 1000000), ps.start_on, ps.id";
constexpr int kPositionColumnCount = 17;
// The statement text of a positions query on one backend: kSelectPosition, created_at as ISO
// text, `extra` columns, kFromPositions and `where`. Kept per backend by the caller.
std::string positions_sql(Backend backend, const char* extra, const char* where) {
  return std::string(kSelectPosition) + ", " + iso_timestamp_sql(backend, "ps.created_at") + extra +
         kFromPositions + where;
}
const std::string& for_backend(const ReadTx& tx, const std::string (&texts)[2]) {
  return texts[tx.backend() == Backend::kPostgresql ? 1 : 0];
}
constexpr const char* kInsertPosition =
    "INSERT INTO positions (person_id, organisation_id, role, manner, source, start_on, end_on, "
    "end_reason, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kUpdatePosition =
    "UPDATE positions SET role = :role, manner = :manner, source = :source, start_on = :start_on, "
    "end_on = :end_on, end_reason = :end_reason, notes = :notes, updated_at = :updated_at WHERE id = :id";
constexpr const char* kPositionLabels =
    "SELECT ps.id, pe.name, COALESCE(r.label, ps.role), o.name FROM positions ps "
    "JOIN people pe ON pe.id = ps.person_id JOIN organisations o ON o.id = ps.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = ps.role WHERE ps.id IN ";
constexpr const char* kDeletePosition = "DELETE FROM positions WHERE id = :id";
constexpr const char* kEndPosition =
    "UPDATE positions SET end_on = :end_on, end_reason = :end_reason, updated_at = :updated_at "
    "WHERE id = :id";

// The row of kSelectPosition.
PositionRow read_position(const Statement& row) {
  PositionRow r;
  r.position.id = row.integer(0);
  r.position.person_id = row.integer(1);
  r.position.organisation_id = row.integer(2);
  r.position.role = row.string(3);
  r.position.manner = row.string(4);
  r.position.source = row.nullable_text(5);
  r.position.start_on = row.date(6);
  r.position.end_on = row.nullable_date(7);
  r.position.end_reason = row.nullable_text(8);
  r.position.notes = row.nullable_text(9);
  r.person_name = row.string(10);
  r.organisation_name = row.string(11);
  r.organisation_path = row.string(12);
  r.role_label = row.string(13);
  r.manner_label = row.string(14);
  r.source_label = row.nullable_text(15);
  r.created_at = row.string(16);
  return r;
}

}  // namespace

std::optional<PositionRow> PositionRepository::find(const domain::Scope& scope, domain::PositionId id) const {
  static const std::string sql[] = {positions_sql(Backend::kSqlite, "", kWhereId),
                                    positions_sql(Backend::kPostgresql, "", kWhereId)};
  Statement row = tx_.prepare(for_backend(tx_, sql));
  row.bind(id).bind(scope.low()).bind(scope.high());
  if (!row.step()) return std::nullopt;
  return read_position(row);
}

std::vector<PositionRow> PositionRepository::of_person(const domain::Scope& scope, domain::PersonId person) const {
  static const std::string sql[] = {positions_sql(Backend::kSqlite, "", kWherePerson),
                                    positions_sql(Backend::kPostgresql, "", kWherePerson)};
  std::vector<PositionRow> out;
  Statement row = tx_.prepare(for_backend(tx_, sql));
  row.bind(person).bind(scope.low()).bind(scope.high());
  while (row.step()) out.push_back(read_position(row));
  return out;
}

std::vector<RosterRow> PositionRepository::roster(domain::OrganisationId organisation, const Date& on) const {
  static const std::string sql[] = {positions_sql(Backend::kSqlite, kRosterPersonColumns, kWhereRoster),
                                    positions_sql(Backend::kPostgresql, kRosterPersonColumns, kWhereRoster)};
  std::vector<RosterRow> out;
  Statement row = tx_.prepare(for_backend(tx_, sql));
  row.bind(organisation).bind(on);
  while (row.step()) out.push_back(RosterRow{read_position(row), read_person(row, kPositionColumnCount)});
  return out;
}

domain::PositionId PositionRepository::insert(const domain::Position& p, const std::string& now) const {
  Statement q = tx_.prepare(kInsertPosition);  // kept: an import inserts thousands
  q.bind(static_cast<std::int64_t>(p.person_id)).bind(static_cast<std::int64_t>(p.organisation_id)).bind(p.role)
      .bind(p.manner).bind(p.source).bind(p.start_on).bind(p.end_on).bind(p.end_reason).bind(p.notes).bind(now)
      .bind(now);
  if (!q.step()) throw std::runtime_error("INSERT INTO positions returned no id");
  return q.integer(0);
}

void PositionRepository::end(domain::PositionId id, const Date& end_on, const std::string& reason,
                             const std::string& now) const {
  std::string end = end_on.iso(), why = reason, updated = now;
  long long key = id;
  Query q(tx_.sql());
  q.use(end).use(why).use(updated).use(key);
  q.run(kEndPosition);
}

void PositionRepository::update(const domain::Position& p, const std::string& now) const {
  std::string role = p.role, manner = p.manner, start_on = p.start_on.iso(), updated = now;
  Nullable source(p.source), end_on(p.end_on), end_reason(p.end_reason), notes(p.notes);
  long long key = p.id;
  Query q(tx_.sql());
  q.use(role).use(manner).use(source).use(start_on).use(end_on).use(end_reason).use(notes).use(updated).use(key);
  q.run(kUpdatePosition);
}

void PositionRepository::remove(domain::PositionId id) const {
  long long key = id;
  Query q(tx_.sql());
  q.use(key);
  q.run(kDeletePosition);
}

std::map<domain::PositionId, std::string> PositionRepository::labels(const std::vector<domain::PositionId>& ids) const {
  std::map<domain::PositionId, std::string> out;
  if (ids.empty()) return out;
  Statement row = tx_.prepare(kPositionLabels + id_list(ids), Keep::kNo);
  while (row.step()) out[row.integer(0)] = row.string(1) + " · " + row.string(2) + " · " + row.string(3);
  return out;
}

}  // namespace jinguo::storage
