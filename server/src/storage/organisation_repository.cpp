#include <algorithm>
#include <random>

#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;
using domain::OrganisationId;

constexpr const char* kSelectOrganisation =
    "SELECT o.id, o.parent_id, o.type, o.name, o.division_code, o.pilot, o.established_on, "
    "o.closed_on, o.path, o.depth FROM organisations o";
constexpr const char* kCountOrganisations = "SELECT COUNT(*) FROM organisations o";
constexpr const char* kWhereId = " WHERE o.id = :id";
constexpr const char* kAndInScope = " AND o.path >= :low AND o.path < :high";
constexpr const char* kSelectPath = "SELECT o.path FROM organisations o WHERE o.id = :id";
constexpr const char* kOpenChildCounts =
    "SELECT parent_id, COUNT(*) FROM organisations WHERE closed_on IS NULL AND parent_id IN ";
constexpr const char* kGroupByParent = " GROUP BY parent_id";
constexpr const char* kMemberCounts =
    "SELECT organisation_id, COUNT(*) FROM positions WHERE start_on <= :on1 "
    "AND (end_on IS NULL OR end_on > :on2) AND organisation_id IN ";
constexpr const char* kGroupByOrganisation = " GROUP BY organisation_id";
constexpr const char* kSelectEntries = "SELECT id, name, type FROM organisations WHERE id IN ";
constexpr const char* kCountOpenChildren =
    "SELECT COUNT(*) FROM organisations WHERE parent_id = :id AND closed_on IS NULL";
constexpr const char* kInsertOrganisation =
    "INSERT INTO organisations (parent_id, type, name, division_code, pilot, established_on, "
    "closed_on, path, depth, created_at, updated_at) VALUES (:parent_id, :type, :name, "
    ":division_code, :pilot, :established_on, :closed_on, :path, :depth, :created_at, :updated_at) "
    "RETURNING id";
constexpr const char* kSetPath = "UPDATE organisations SET path = :path WHERE id = :id";
constexpr const char* kUpdateOrganisation =
    "UPDATE organisations SET name = :name, division_code = :division_code, pilot = :pilot, "
    "established_on = :established_on, closed_on = :closed_on, updated_at = :updated_at WHERE id = :id";
constexpr const char* kMoveSubtree =
    "UPDATE organisations SET path = :new_prefix || substr(path, :cut), depth = depth + :delta, "
    "updated_at = :updated_at WHERE path >= :low AND path < :high";
constexpr const char* kSetParent = "UPDATE organisations SET parent_id = :parent_id WHERE id = :id";

struct Columns {
  long long id = 0;
  NullableId parent_id;
  std::string type, name, path;
  Nullable division_code, established_on, closed_on;
  int pilot = 0, depth = 0;

  void bind(Query& q) {
    q.into(id).into(parent_id).into(type).into(name).into(division_code).into(pilot)
        .into(established_on).into(closed_on).into(path).into(depth);
  }
  OrganisationRow row() const {
    OrganisationRow r;
    r.organisation.id = id;
    r.organisation.parent_id = parent_id.get();
    r.organisation.type = domain::body_type_from_code(type).value_or(domain::BodyType::kCity);
    r.organisation.name = name;
    r.organisation.division_code = division_code.text();
    r.organisation.pilot = pilot != 0;
    r.organisation.established_on = established_on.date();
    r.organisation.closed_on = closed_on.date();
    r.path = path;
    r.depth = depth;
    return r;
  }
};

std::string order_by(const PageSpec& page) {
  static const std::pair<std::string_view, std::string_view> kSortable[] = {
      {"name", "o.name"}, {"type", "o.type"}, {"established_on", "o.established_on"},
      {"depth", "o.depth"}, {"path", "o.path"}};
  std::string column = "o.name";
  for (const auto& [key, col] : kSortable)
    if (key == page.sort) column = col;
  std::string dir = page.descending ? " DESC" : " ASC";
  return " ORDER BY " + column + dir + ", o.id" + dir + " LIMIT " + std::to_string(page.page_size) +
         " OFFSET " + std::to_string(page.offset());
}

// Child and member counts for a page of bodies: two set-based queries.
void fill_counts(const ReadTx& tx, std::vector<OrganisationRow>& rows, const Date& on) {
  if (rows.empty()) return;
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.organisation.id);
  auto apply = [&](const std::string& sql, bool members) {
    long long id = 0;
    int n = 0;
    std::string on1 = on.iso(), on2 = on.iso();
    Query q(tx.sql());
    q.into(id).into(n);
    if (members) q.use(on1).use(on2);
    q.open(sql);
    while (q.fetch())
      for (auto& r : rows)
        if (r.organisation.id == id) (members ? r.member_count : r.child_count) = n;
  };
  apply(std::string(kOpenChildCounts) + id_list(ids) + kGroupByParent, false);
  apply(std::string(kMemberCounts) + id_list(ids) + kGroupByOrganisation, true);
}

Page<OrganisationRow> fetch_page(const ReadTx& tx, const std::string& where, Params& params,
                                 Params& count_params, const PageSpec& page, const Date& on) {
  Page<OrganisationRow> out;
  {
    Query q(tx.sql());
    q.into(out.total);
    count_params.bind(q);
    q.run(kCountOrganisations + where);
  }
  Columns c;
  Query q(tx.sql());
  c.bind(q);
  params.bind(q);
  q.open(kSelectOrganisation + where + order_by(page));
  while (q.fetch()) out.items.push_back(c.row());
  fill_counts(tx, out.items, on);
  return out;
}

std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

std::vector<OrganisationId> ids_in_path(const std::string& path) {
  std::vector<OrganisationId> ids;
  std::size_t i = 0;
  while (i < path.size()) {
    auto next = path.find('/', i + 1);
    if (next == std::string::npos) break;
    if (next > i + 1) ids.push_back(std::stoll(path.substr(i + 1, next - i - 1)));
    i = next;
  }
  return ids;
}

std::optional<OrganisationRow> OrganisationRepository::find(const domain::Scope& scope, OrganisationId id,
                                                           const Date& on) const {
  Columns c;
  long long key = id;
  std::string low = scope.low(), high = scope.high();
  Query q(tx_.sql());
  c.bind(q);
  q.use(key).use(low).use(high);
  if (!q.run(std::string(kSelectOrganisation) + kWhereId + kAndInScope)) return std::nullopt;
  std::vector<OrganisationRow> rows{c.row()};
  fill_counts(tx_, rows, on);
  return rows.front();
}

Page<OrganisationRow> OrganisationRepository::children(const domain::Scope& scope, const ChildrenFilter& filter,
                                                       const PageSpec& page, const Date& on) const {
  Params params, count_params;
  std::string where;
  if (filter.parent_id) {
    where = " WHERE o.parent_id = :parent_id";
    params.integer(*filter.parent_id);
    count_params.integer(*filter.parent_id);
  } else if (!scope.is_whole_tree()) {
    where = " WHERE o.id = :root";
    params.integer(scope.organisation_id);
    count_params.integer(scope.organisation_id);
  } else {
    where = " WHERE o.parent_id IS NULL";
  }
  if (!filter.include_closed) where += " AND o.closed_on IS NULL";
  if (filter.type) {
    where += " AND o.type = :type";
    params.text(std::string(domain::body_type_code(*filter.type)));
    count_params.text(std::string(domain::body_type_code(*filter.type)));
  }
  return fetch_page(tx_, where, params, count_params, page, on);
}

Page<OrganisationRow> OrganisationRepository::search(const SearchFilter& filter, const PageSpec& page,
                                                     const Date& on) const {
  Params params, count_params;
  auto both_text = [&](const std::string& v) {
    params.text(v);
    count_params.text(v);
  };
  std::string where = " WHERE o.name LIKE :pattern ESCAPE '\\'";
  both_text(like_pattern(filter.text));
  if (filter.within_path) {
    where += " AND o.path >= :low AND o.path < :high";
    both_text(*filter.within_path);
    both_text(*filter.within_path + "~");
  }
  if (!filter.include_closed) where += " AND o.closed_on IS NULL";
  if (filter.type) {
    where += " AND o.type = :type";
    both_text(std::string(domain::body_type_code(*filter.type)));
  }
  return fetch_page(tx_, where, params, count_params, page, on);
}

std::map<OrganisationId, PathEntry> OrganisationRepository::entries(
    const std::vector<OrganisationId>& ids) const {
  std::map<OrganisationId, PathEntry> out;
  if (ids.empty()) return out;
  long long id = 0;
  std::string name, type;
  Query q(tx_.sql());
  q.into(id).into(name).into(type);
  q.open(kSelectEntries + id_list(ids));
  while (q.fetch())
    out[id] = PathEntry{id, name, domain::body_type_from_code(type).value_or(domain::BodyType::kCity)};
  return out;
}

std::vector<PathEntry> OrganisationRepository::path_of(const std::string& path) const {
  auto ids = ids_in_path(path);
  auto found = entries(ids);
  std::vector<PathEntry> out;
  for (auto id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
  return out;
}

std::optional<std::string> OrganisationRepository::path_in(const domain::Scope& scope, OrganisationId id) const {
  std::string path;
  long long key = id;
  Query q(tx_.sql());
  q.into(path).use(key);
  if (!q.run(kSelectPath) || !scope.contains(path)) return std::nullopt;
  return path;
}

int OrganisationRepository::open_children(OrganisationId id) const {
  int n = 0;
  long long key = id;
  Query q(tx_.sql());
  q.into(n).use(key);
  q.run(kCountOpenChildren);
  return n;
}

OrganisationId OrganisationRepository::insert(const domain::Organisation& o, const std::string& parent_path,
                                              int depth, const std::string& now) const {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  NullableId parent(o.parent_id);
  std::string type(domain::body_type_code(o.type)), name = o.name;
  Nullable division(o.division_code), established(o.established_on), closed(o.closed_on);
  int pilot = o.pilot ? 1 : 0;
  std::string pending = "!" + std::to_string(random());
  std::string created = now, updated = now;
  long long id = 0;
  {
    Query q(tx_.sql());
    q.into(id).use(parent).use(type).use(name).use(division).use(pilot).use(established).use(closed)
        .use(pending).use(depth).use(created).use(updated);
    q.run(kInsertOrganisation);
  }
  std::string path = parent_path + std::to_string(id) + "/";
  Query q(tx_.sql());
  q.use(path).use(id);
  q.run(kSetPath);
  return id;
}

void OrganisationRepository::update(const domain::Organisation& o, const std::string& now) const {
  std::string name = o.name, updated = now;
  Nullable division(o.division_code), established(o.established_on), closed(o.closed_on);
  int pilot = o.pilot ? 1 : 0;
  long long id = o.id;
  Query q(tx_.sql());
  q.use(name).use(division).use(pilot).use(established).use(closed).use(updated).use(id);
  q.run(kUpdateOrganisation);
}

void OrganisationRepository::move(OrganisationId id, OrganisationId new_parent, const std::string& old_path,
                                  const std::string& new_path, int depth_delta, const std::string& now) const {
  {
    long long parent = new_parent, key = id;
    Query q(tx_.sql());
    q.use(parent).use(key);
    q.run(kSetParent);
  }
  std::string prefix = new_path, updated = now, low = old_path, high = old_path + "~";
  int cut = static_cast<int>(old_path.size()) + 1;
  Query q(tx_.sql());
  q.use(prefix).use(cut).use(depth_delta).use(updated).use(low).use(high);
  q.run(kMoveSubtree);
}

}  // namespace jinguo::storage
