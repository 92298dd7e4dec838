#include "storage/reelection_repository.h"

#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.organisation_id, r.held_on, r.term_years, r.delegates, r.delegates_minority, r.delegates_party, "
    "r.delegates_grassroots, r.delegates_under_35, r.notes, o.name";
constexpr const char* kFrom = " FROM reelections r JOIN organisations o ON o.id = r.organisation_id";
constexpr const char* kWhereInScope = " WHERE r.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kWhereOfBody = " WHERE r.organisation_id = $1 ORDER BY r.held_on DESC, r.id DESC";
constexpr const char* kWhereHeldBy = " WHERE r.held_on <= $1 AND r.organisation_id IN ";
constexpr const char* kInsert =
    "INSERT INTO reelections (organisation_id, held_on, term_years, delegates, delegates_minority, delegates_party, "
    "delegates_grassroots, delegates_under_35, notes, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE reelections SET held_on = $1, term_years = $2, delegates = $3, delegates_minority = $4, "
    "delegates_party = $5, delegates_grassroots = $6, delegates_under_35 = $7, notes = $8, updated_at = $9 "
    "WHERE id = $10";
constexpr const char* kDelete = "DELETE FROM reelections WHERE id = $1";

std::string select_sql(const ReadTx& tx, const std::string& where) {
  return std::string(kSelect) + ", " + iso_timestamp_sql(tx, "r.created_at") + ", " +
         iso_timestamp_sql(tx, "r.updated_at") + kFrom + where;
}

int small(const Statement& row, int column) { return static_cast<int>(row.integer(column)); }

ReelectionRow read_row(const Statement& row) {
  ReelectionRow r;
  auto& e = r.reelection;
  e.id = row.integer(0);
  e.organisation_id = row.integer(1);
  e.held_on = row.date(2);
  e.term_years = small(row, 3);
  e.delegates = small(row, 4);
  e.delegates_minority = small(row, 5);
  e.delegates_party = small(row, 6);
  e.delegates_grassroots = small(row, 7);
  e.delegates_under_35 = small(row, 8);
  e.notes = row.nullable_text(9);
  r.organisation_name = row.string(10);
  r.created_at = row.string(11);
  r.updated_at = row.string(12);
  return r;
}

}  // namespace

std::optional<ReelectionRow> ReelectionQueries::find(const domain::Scope& scope, domain::ReelectionId id) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereInScope));
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<ReelectionRow> ReelectionQueries::of_body(domain::OrganisationId body) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereOfBody));
  st.bind(body);
  std::vector<ReelectionRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::map<domain::OrganisationId, ReelectionRow> ReelectionQueries::in_force(
    const std::vector<domain::OrganisationId>& bodies, const domain::Date& on) const {
  std::map<domain::OrganisationId, ReelectionRow> out;
  if (bodies.empty()) return out;
  // Every re-election held by then, one query; the rule picks the one in force per body.
  Statement st = tx_.prepare(select_sql(tx_, kWhereHeldBy + id_list(bodies)), Keep::kNo);
  st.bind(on);
  std::map<domain::OrganisationId, std::vector<ReelectionRow>> held;
  while (st.step()) {
    ReelectionRow row = read_row(st);
    held[row.reelection.organisation_id].push_back(std::move(row));
  }
  for (auto& [body, rows] : held) {
    std::vector<domain::Reelection> all;
    for (const auto& r : rows) all.push_back(r.reelection);
    auto chosen = domain::reelection_in_force(all, on);
    for (auto& r : rows)
      if (chosen && r.reelection.id == chosen->id) out.emplace(body, std::move(r));
  }
  return out;
}

domain::ReelectionId ReelectionRepository::insert(const domain::Reelection& r, const std::string& now) const {
  Statement st = tx_.prepare(kInsert);
  st.bind(r.organisation_id).bind(r.held_on).bind(r.term_years).bind(r.delegates).bind(r.delegates_minority)
      .bind(r.delegates_party).bind(r.delegates_grassroots).bind(r.delegates_under_35).bind(r.notes).bind(now)
      .bind(now);
  st.step();
  return st.integer(0);
}

void ReelectionRepository::update(const domain::Reelection& r, const std::string& now) const {
  Statement st = tx_.prepare(kUpdate);
  st.bind(r.held_on).bind(r.term_years).bind(r.delegates).bind(r.delegates_minority).bind(r.delegates_party)
      .bind(r.delegates_grassroots).bind(r.delegates_under_35).bind(r.notes).bind(now).bind(r.id);
  st.run();
}

void ReelectionRepository::remove(domain::ReelectionId id) const {
  Statement st = tx_.prepare(kDelete);
  st.bind(id);
  st.run();
}

}  // namespace jinguo::storage
