#include "storage/compliance_queries.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <charconv>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "storage/query.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr const char* kSelectBody =
    "SELECT id, COALESCE(parent_id, 0), type, name, path, depth FROM organisations WHERE id = :id";
constexpr const char* kSelectBodies =
    "SELECT id, COALESCE(parent_id, 0), type, name, path, depth FROM organisations "
    "WHERE path >= :low AND path < :high AND (established_on IS NULL OR established_on <= :on1) "
    "AND (closed_on IS NULL OR closed_on > :on2) ORDER BY path";
constexpr const char* kHeldInSubtree =
    "SELECT ps.organisation_id, ps.person_id, ps.role, ps.id FROM positions ps "
    "JOIN organisations o ON o.id = ps.organisation_id "
    "WHERE o.path >= $1 AND o.path < $2 AND ps.start_on <= $3 AND (ps.end_on IS NULL OR ps.end_on > $4)";
constexpr const char* kHeldIn =
    "SELECT organisation_id, person_id, role, id FROM positions "
    "WHERE start_on <= $1 AND (end_on IS NULL OR end_on > $2) AND organisation_id IN ";
constexpr const char* kEndedIn =
    "SELECT organisation_id, person_id, role, id FROM positions "
    "WHERE end_on IS NOT NULL AND end_on <= $1 AND organisation_id IN ";
constexpr const char* kOrderEnded = " ORDER BY end_on DESC, id DESC";
constexpr const char* kPersonNames = "SELECT id, name FROM people WHERE id IN ";

domain::BodyType type_of(const std::string& code) {
  return domain::body_type_from_code(code).value_or(domain::BodyType::kCity);
}

std::int64_t to_int(const char* text) {
  std::int64_t v = 0;
  std::from_chars(text, text + std::strlen(text), v);
  return v;
}

// Runs a positions query (organisation_id, person_id, role, id; parameters $1, $2, ... in
// order) on the driver underneath SOCI: tens of thousands of rows come back in a few
// milliseconds, where SOCI's row-by-row conversions take ten times longer.
std::vector<HeldRow> fetch_positions(const ReadTx& tx, const std::string& text, const std::vector<std::string>& params) {
  std::vector<HeldRow> out;
  if (tx.backend() == Backend::kSqlite) {
    namespace api = ::sqlite_api;
    auto* connection = static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend())->conn_;
    api::sqlite3_stmt* raw = nullptr;
    if (api::sqlite3_prepare_v2(connection, text.c_str(), -1, &raw, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("sqlite: ") + api::sqlite3_errmsg(connection));
    std::unique_ptr<api::sqlite3_stmt, int (*)(api::sqlite3_stmt*)> statement(raw, api::sqlite3_finalize);
    for (std::size_t i = 0; i < params.size(); ++i)  // static: params outlive the statement
      api::sqlite3_bind_text(raw, static_cast<int>(i + 1), params[i].c_str(), -1, nullptr);
    int rc = 0;
    while ((rc = api::sqlite3_step(raw)) == SQLITE_ROW)
      out.push_back({api::sqlite3_column_int64(raw, 0), api::sqlite3_column_int64(raw, 1),
                     reinterpret_cast<const char*>(api::sqlite3_column_text(raw, 2)), api::sqlite3_column_int64(raw, 3)});
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("sqlite: ") + api::sqlite3_errmsg(connection));
    return out;
  }
  auto* connection = static_cast<soci::postgresql_session_backend*>(tx.sql().get_backend())->conn_;
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(
      PQexecParams(connection, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                   nullptr, 0),
      PQclear);
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
    throw std::runtime_error(std::string("postgresql: ") + PQerrorMessage(connection));
  const int rows = PQntuples(result.get());
  out.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i)
    out.push_back({to_int(PQgetvalue(result.get(), i, 0)), to_int(PQgetvalue(result.get(), i, 1)),
                   PQgetvalue(result.get(), i, 2), to_int(PQgetvalue(result.get(), i, 3))});
  return out;
}

}  // namespace

std::optional<SubtreeBody> ComplianceQueries::body(domain::OrganisationId id) const {
  SubtreeBody b;
  long long key = id, parent = 0;
  std::string type;
  Query q(tx_.sql());
  q.into(b.id).into(parent).into(type).into(b.name).into(b.path).into(b.depth).use(key);
  if (!q.run(kSelectBody)) return std::nullopt;
  if (parent) b.parent_id = parent;
  b.type = type_of(type);
  return b;
}

std::vector<SubtreeBody> ComplianceQueries::bodies(const std::string& path, const Date& on) const {
  std::vector<SubtreeBody> out;
  long long id = 0, parent = 0;
  int depth = 0;
  std::string type, name, body_path, low = path, high = path + "~", on1 = on.iso(), on2 = on.iso();
  Query q(tx_.sql());
  q.into(id).into(parent).into(type).into(name).into(body_path).into(depth).use(low).use(high).use(on1).use(on2);
  q.open(kSelectBodies);
  while (q.fetch())
    out.push_back({id, parent ? std::optional<domain::OrganisationId>(parent) : std::nullopt, type_of(type), name,
                   body_path, depth});
  return out;
}

std::vector<HeldRow> ComplianceQueries::held_in_subtree(const std::string& path, const Date& on) const {
  return fetch_positions(tx_, kHeldInSubtree, {path, path + "~", on.iso(), on.iso()});
}

std::vector<HeldRow> ComplianceQueries::held_in(const std::vector<domain::OrganisationId>& bodies,
                                                const Date& on) const {
  if (bodies.empty()) return {};
  return fetch_positions(tx_, kHeldIn + id_list(bodies), {on.iso(), on.iso()});
}

std::vector<HeldRow> ComplianceQueries::ended_in(const std::vector<domain::OrganisationId>& bodies,
                                                 const Date& on, const std::vector<std::string>& roles) const {
  if (bodies.empty()) return {};
  std::vector<std::string> params{on.iso()};
  std::string role_list;
  for (const auto& role : roles) {
    params.push_back(role);
    role_list += (role_list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  if (role_list.empty()) return {};
  return fetch_positions(tx_, kEndedIn + id_list(bodies) + " AND role IN (" + role_list + ")" + kOrderEnded, params);
}

std::map<domain::PersonId, std::string> ComplianceQueries::person_names(
    const std::vector<domain::PersonId>& people) const {
  std::map<domain::PersonId, std::string> out;
  if (people.empty()) return out;
  long long id = 0;
  std::string name;
  Query q(tx_.sql());
  q.into(id).into(name);
  q.open(kPersonNames + id_list(people));
  while (q.fetch()) out[id] = name;
  return out;
}

}  // namespace jinguo::storage
