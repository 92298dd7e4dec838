#include "storage/compliance_queries.h"

#include "storage/held_index.h"
#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr const char* kSelectBody =
    "SELECT id, COALESCE(parent_id, 0), type, name, path, depth FROM organisations WHERE id = :id";
// The versions on D ($3 $4) of the bodies open on D ($5 $6) under the root's path on D.
constexpr const char* kSelectBodies =
    "SELECT v.organisation_id, COALESCE(v.parent_id, 0), v.type, v.name, v.path, v.depth "
    "FROM organisation_versions v JOIN organisations o ON o.id = v.organisation_id "
    "WHERE v.path >= $1 AND v.path < $2 AND v.valid_from <= $3 AND (v.valid_to IS NULL OR v.valid_to > $4) "
    "AND (o.established_on IS NULL OR o.established_on <= $5) AND (o.closed_on IS NULL OR o.closed_on > $6) "
    "ORDER BY v.path";
constexpr const char* kHeldInSubtree =
    "SELECT ps.organisation_id, ps.person_id, ps.role, ps.id "
    "FROM organisation_versions v JOIN positions ps ON ps.organisation_id = v.organisation_id "
    "WHERE v.path >= $1 AND v.path < $2 AND v.valid_from <= $3 AND (v.valid_to IS NULL OR v.valid_to > $4) "
    "AND ps.start_on <= $5 AND (ps.end_on IS NULL OR ps.end_on > $6)";
constexpr const char* kPathOn =
    "SELECT path FROM organisation_versions WHERE organisation_id = $1 AND valid_from <= $2 "
    "AND (valid_to IS NULL OR valid_to > $3)";
constexpr const char* kHeldIn =
    "SELECT organisation_id, person_id, role, id FROM positions "
    "WHERE start_on <= $1 AND (end_on IS NULL OR end_on > $2) AND organisation_id IN ";
constexpr const char* kEndedIn =
    "SELECT organisation_id, person_id, role, id FROM positions "
    "WHERE end_on IS NOT NULL AND end_on <= $1 AND organisation_id IN ";
constexpr const char* kOrderEnded = " ORDER BY end_on DESC, id DESC";
constexpr const char* kStartDays =
    "SELECT DISTINCT start_on FROM positions WHERE organisation_id = $1 ORDER BY start_on";
constexpr const char* kPersonNames = "SELECT id, name FROM people WHERE id IN ";

domain::BodyType type_of(const std::string& code) {
  return domain::body_type_from_code(code).value_or(domain::BodyType::kCity);
}

// Runs a positions query (organisation_id, person_id, role, id; parameters $1, $2, ... in
// order) as a Statement: tens of thousands of rows come back in a few milliseconds, where
// SOCI's row-by-row conversions take ten times longer. A text with an id list is not kept.
std::vector<HeldRow> fetch_positions(const ReadTx& tx, const std::string& text, const std::vector<std::string>& params,
                                     Keep keep = Keep::kNo) {
  std::vector<HeldRow> out;
  Statement row = tx.prepare(text, keep);
  for (const auto& p : params) row.bind(p);
  while (row.step()) out.push_back({row.integer(0), row.integer(1), row.string(2), row.integer(3)});
  return out;
}

}  // namespace

std::string subtree_path_on(const ReadTx& tx, const std::string& path, const Date& on) {
  const auto ids = ids_in_path(path);
  if (ids.empty()) return path;
  Statement row = tx.prepare(kPathOn);
  row.bind(ids.back()).bind(on).bind(on);
  return row.step() ? row.string(0) : path;
}

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
  if (index_) return index_->view(tx_).subtree_bodies(path, on);
  std::vector<SubtreeBody> out;
  const std::string root = subtree_path_on(tx_, path, on);
  Statement row = tx_.prepare(kSelectBodies);
  row.bind(root).bind(root + "~").bind(on).bind(on).bind(on).bind(on);
  while (row.step()) {
    const auto parent = row.integer(1);
    out.push_back({row.integer(0), parent ? std::optional<domain::OrganisationId>(parent) : std::nullopt,
                   type_of(row.string(2)), row.string(3), row.string(4), static_cast<int>(row.integer(5))});
  }
  return out;
}

std::vector<HeldRow> ComplianceQueries::held_in_subtree(const std::string& path, const Date& on) const {
  if (index_) return index_->view(tx_).held_in_subtree(path, on);
  const std::string root = subtree_path_on(tx_, path, on);
  return fetch_positions(tx_, kHeldInSubtree, {root, root + "~", on.iso(), on.iso(), on.iso(), on.iso()}, Keep::kYes);
}

std::vector<HeldRow> ComplianceQueries::held_in(const std::vector<domain::OrganisationId>& bodies,
                                                const Date& on) const {
  if (bodies.empty()) return {};
  return fetch_positions(tx_, kHeldIn + id_list(bodies), {on.iso(), on.iso()});
}

std::vector<HeldRow> ComplianceQueries::ended_in(const std::vector<domain::OrganisationId>& bodies,
                                                 const Date& on, const std::vector<std::string>& roles) const {
  if (bodies.empty()) return {};
  if (index_) return index_->view(tx_).ended_in(bodies, on, roles);
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

std::vector<Date> ComplianceQueries::start_days(domain::OrganisationId body) const {
  std::vector<Date> out;
  Statement row = tx_.prepare(kStartDays);
  row.bind(body);
  while (row.step()) out.push_back(row.date(0));
  return out;
}

}  // namespace jinguo::storage
