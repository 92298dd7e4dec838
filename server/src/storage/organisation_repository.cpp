#include <algorithm>
#include <random>

#include "domain/restructuring.h"
#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;
using domain::OrganisationId;

// A body with its open children and its members on a day ({day}): the counts are computed
// for the rows of the inner query only (a page), not for every row it filters.
constexpr const char* kSelectOrganisation =
    "SELECT o.id, o.parent_id, o.type, o.name, o.division_code, o.pilot, o.established_on, "
    "o.closed_on, o.path, o.depth, "
    "(SELECT COUNT(*) FROM organisations c WHERE c.parent_id = o.id AND c.closed_on IS NULL), "
    "(SELECT COUNT(*) FROM positions m WHERE m.organisation_id = o.id AND m.start_on <= {day} "
    "AND (m.end_on IS NULL OR m.end_on > {day})) "
    "FROM (SELECT * FROM organisations o";
constexpr const char* kCountOrganisations = "SELECT COUNT(*) FROM organisations o";
constexpr const char* kSelectPath = "SELECT o.path FROM organisations o WHERE o.id = $1";
constexpr const char* kSelectEntries = "SELECT id, name, type FROM organisations WHERE id IN ";
constexpr const char* kCountOpenChildren =
    "SELECT COUNT(*) FROM organisations WHERE parent_id = $1 AND closed_on IS NULL";
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
// The versions (migration 0011): the current one (valid_to NULL) always equals the row.
constexpr const char* kInsertFirstVersion =
    "INSERT INTO organisation_versions (organisation_id, valid_from, valid_to, parent_id, type, name, path, depth) "
    "VALUES (:id, '1900-01-01', NULL, :parent_id, :type, :name, :path, :depth)";
constexpr const char* kRenameCurrentVersion =
    "UPDATE organisation_versions SET name = :name WHERE organisation_id = :id AND valid_to IS NULL";
constexpr const char* kMoveCurrentVersions =
    "UPDATE organisation_versions SET path = :new_prefix || substr(path, :cut), depth = depth + :delta "
    "WHERE valid_to IS NULL AND path >= :low AND path < :high";
constexpr const char* kSetCurrentParent =
    "UPDATE organisation_versions SET parent_id = :parent_id WHERE organisation_id = :id AND valid_to IS NULL";

// A subtree is [path, path + "~"); the body alone is [path, path + "/"), which holds its own
// path and no descendant's ("/1/2/3/" > "/1/2//").
constexpr const char* kLatestChange =
    "SELECT MAX(valid_from) FROM organisation_versions WHERE valid_to IS NULL AND path >= $1 AND path < $2";
// Two steps so that the new version's first day comes from a date column (a bound parameter in
// a SELECT list has no type on PostgreSQL): end the current versions on D, then copy each one
// just ended into a version from D, unless one from D exists already.
constexpr const char* kEndCurrentVersions =
    "UPDATE organisation_versions SET valid_to = :on WHERE valid_to IS NULL AND valid_from < :on2 "
    "AND path >= :low AND path < :high";
constexpr const char* kCopyEndedVersions =
    "INSERT INTO organisation_versions (organisation_id, valid_from, valid_to, parent_id, type, name, path, depth) "
    "SELECT v.organisation_id, v.valid_to, NULL, v.parent_id, v.type, v.name, v.path, v.depth "
    "FROM organisation_versions v WHERE v.valid_to = :on AND v.path >= :low AND v.path < :high "
    "AND NOT EXISTS (SELECT 1 FROM organisation_versions n WHERE n.organisation_id = v.organisation_id "
    "AND n.valid_from = :on2)";
constexpr const char* kSetType = "UPDATE organisations SET type = :type, updated_at = :updated_at WHERE id = :id";
constexpr const char* kSetCurrentType =
    "UPDATE organisation_versions SET type = :type WHERE organisation_id = :id AND valid_to IS NULL";
constexpr const char* kVersions =
    "SELECT v.valid_from, v.valid_to, v.parent_id, "
    "(SELECT pv.name FROM organisation_versions pv WHERE pv.organisation_id = v.parent_id "
    "AND pv.valid_from <= v.valid_from AND (pv.valid_to IS NULL OR pv.valid_to > v.valid_from)), v.type, v.name "
    "FROM organisation_versions v WHERE v.organisation_id = $1 ORDER BY v.valid_from";
constexpr const char* kOpenChildIds =
    "SELECT id FROM organisations WHERE parent_id = $1 AND closed_on IS NULL ORDER BY path";

// The row of kSelectOrganisation.
OrganisationRow read_organisation(const Statement& row) {
  OrganisationRow r;
  r.organisation.id = row.integer(0);
  r.organisation.parent_id = row.nullable_integer(1);
  r.organisation.type = domain::body_type_from_code(row.text(2)).value_or(domain::BodyType::kCity);
  r.organisation.name = row.string(3);
  r.organisation.division_code = row.nullable_text(4);
  r.organisation.pilot = row.boolean(5);
  r.organisation.established_on = row.nullable_date(6);
  r.organisation.closed_on = row.nullable_date(7);
  r.path = row.string(8);
  r.depth = static_cast<int>(row.integer(9));
  r.child_count = static_cast<int>(row.integer(10));
  r.member_count = static_cast<int>(row.integer(11));
  return r;
}

// kSelectOrganisation over the bodies `where` chooses (and `tail` orders and limits),
// counting members on `on`.
std::string select_organisations(Binds& b, const std::string& where, const std::string& tail, const Date& on) {
  std::string sql = kSelectOrganisation + where + tail + ") o" + tail.substr(0, tail.find(" LIMIT"));
  std::string day = b.add(on.iso());
  for (auto pos = sql.find("{day}"); pos != std::string::npos; pos = sql.find("{day}"))
    sql.replace(pos, 5, day);
  return sql;
}

std::string order_by(Binds& b, const PageSpec& page) {
  static const std::pair<std::string_view, std::string_view> kSortable[] = {
      {"name", "o.name"}, {"type", "o.type"}, {"established_on", "o.established_on"},
      {"depth", "o.depth"}, {"path", "o.path"}};
  std::string column = "o.name";
  for (const auto& [key, col] : kSortable)
    if (key == page.sort) column = col;
  std::string dir = page.descending ? " DESC" : " ASC";
  return " ORDER BY " + column + dir + ", o.id" + dir + " LIMIT " + b.add(std::int64_t{page.page_size}) +
         " OFFSET " + b.add(std::int64_t{page.offset()});
}

Page<OrganisationRow> fetch_page(const ReadTx& tx, Binds& b, const std::string& where, const PageSpec& page,
                                 const Date& on) {
  Page<OrganisationRow> out;
  {
    Statement count = tx.prepare(kCountOrganisations + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  std::string tail = order_by(b, page);
  Statement row = tx.prepare(select_organisations(b, where, tail, on));
  b.bind(row);
  while (row.step()) out.items.push_back(read_organisation(row));
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
  Binds b;
  std::string where = " WHERE o.id = " + b.add(id) + " AND o.path >= " + b.add(scope.low()) + " AND o.path < " +
                      b.add(scope.high());
  Statement row = tx_.prepare(select_organisations(b, where, "", on));
  b.bind(row);
  if (!row.step()) return std::nullopt;
  return read_organisation(row);
}

Page<OrganisationRow> OrganisationRepository::children(const domain::Scope& scope, const ChildrenFilter& filter,
                                                       const PageSpec& page, const Date& on) const {
  Binds b;
  std::string where;
  if (filter.parent_id)
    where = " WHERE o.parent_id = " + b.add(*filter.parent_id);
  else if (!scope.is_whole_tree())
    where = " WHERE o.id = " + b.add(scope.organisation_id);
  else
    where = " WHERE o.parent_id IS NULL";
  if (!filter.include_closed) where += " AND o.closed_on IS NULL";
  if (filter.type) where += " AND o.type = " + b.add(std::string(domain::body_type_code(*filter.type)));
  return fetch_page(tx_, b, where, page, on);
}

Page<OrganisationRow> OrganisationRepository::search(const SearchFilter& filter, const PageSpec& page,
                                                     const Date& on) const {
  Binds b;
  std::string where = " WHERE o.name LIKE " + b.add(like_pattern(filter.text)) + " ESCAPE '\\'";
  if (filter.within_path)
    where += " AND o.path >= " + b.add(*filter.within_path) + " AND o.path < " + b.add(*filter.within_path + "~");
  if (!filter.include_closed) where += " AND o.closed_on IS NULL";
  if (filter.type) where += " AND o.type = " + b.add(std::string(domain::body_type_code(*filter.type)));
  if (filter.division_code) where += " AND o.division_code = " + b.add(*filter.division_code);
  return fetch_page(tx_, b, where, page, on);
}

std::map<OrganisationId, PathEntry> OrganisationRepository::entries(std::vector<OrganisationId> ids) const {
  // In groups of kGroup ids, so that one kept statement serves every path (a path is
  // rarely deeper than five); the unused places are filled with 0, which is no id.
  constexpr std::size_t kGroup = 8;
  static const std::string sql = [] {
    std::string text = std::string(kSelectEntries) + "(";
    for (std::size_t i = 1; i <= kGroup; ++i) text += (i > 1 ? ", $" : "$") + std::to_string(i);
    return text + ")";
  }();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<OrganisationId, PathEntry> out;
  for (std::size_t first = 0; first < ids.size(); first += kGroup) {
    Statement row = tx_.prepare(sql);
    for (std::size_t i = first; i < first + kGroup; ++i) row.bind(i < ids.size() ? ids[i] : OrganisationId{0});
    while (row.step()) {
      OrganisationId id = row.integer(0);
      out[id] = PathEntry{id, row.string(1), domain::body_type_from_code(row.text(2)).value_or(domain::BodyType::kCity)};
    }
  }
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
  Statement row = tx_.prepare(kSelectPath);
  row.bind(id);
  if (!row.step()) return std::nullopt;
  std::string path = row.string(0);
  if (!scope.contains(path)) return std::nullopt;
  return path;
}

int OrganisationRepository::open_children(OrganisationId id) const {
  Statement row = tx_.prepare(kCountOpenChildren);
  row.bind(id);
  row.step();
  return static_cast<int>(row.integer(0));
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
  {
    Query q(tx_.sql());
    q.use(path).use(id);
    q.run(kSetPath);
  }
  Query q(tx_.sql());
  q.use(id).use(parent).use(type).use(name).use(path).use(depth);
  q.run(kInsertFirstVersion);
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
  Query v(tx_.sql());
  v.use(name).use(id);
  v.run(kRenameCurrentVersion);
}

void OrganisationRepository::move(OrganisationId id, OrganisationId new_parent, const std::string& old_path,
                                  const std::string& new_path, int depth_delta, const std::string& now) const {
  {
    long long parent = new_parent, key = id;
    Query q(tx_.sql());
    q.use(parent).use(key);
    q.run(kSetParent);
    Query v(tx_.sql());
    v.use(parent).use(key);
    v.run(kSetCurrentParent);
  }
  std::string prefix = new_path, updated = now, low = old_path, high = old_path + "~";
  int cut = static_cast<int>(old_path.size()) + 1;
  Query q(tx_.sql());
  q.use(prefix).use(cut).use(depth_delta).use(updated).use(low).use(high);
  q.run(kMoveSubtree);
  Query v(tx_.sql());
  v.use(prefix).use(cut).use(depth_delta).use(low).use(high);
  v.run(kMoveCurrentVersions);
}

Date OrganisationRepository::latest_change(const std::string& path, bool subtree) const {
  Statement row = tx_.prepare(kLatestChange);
  row.bind(path).bind(path + (subtree ? "~" : "/"));
  if (!row.step() || row.is_null(0)) return domain::first_version_start();
  return row.date(0);
}

void OrganisationRepository::start_versions(const std::string& path, bool subtree, const Date& on) const {
  std::string low = path, high = subtree ? path + "~" : path + "/", day = on.iso(), day2 = on.iso();
  {
    Query q(tx_.sql());
    q.use(day).use(day2).use(low).use(high);
    q.run(kEndCurrentVersions);
  }
  Query q(tx_.sql());
  q.use(day).use(low).use(high).use(day2);
  q.run(kCopyEndedVersions);
}

void OrganisationRepository::set_type(OrganisationId id, domain::BodyType type, const std::string& now) const {
  std::string code(domain::body_type_code(type)), updated = now;
  long long key = id;
  {
    Query q(tx_.sql());
    q.use(code).use(updated).use(key);
    q.run(kSetType);
  }
  Query q(tx_.sql());
  q.use(code).use(key);
  q.run(kSetCurrentType);
}

std::vector<VersionRow> OrganisationRepository::versions(OrganisationId id) const {
  std::vector<VersionRow> out;
  Statement row = tx_.prepare(kVersions);
  row.bind(id);
  while (row.step()) {
    VersionRow v;
    v.valid_from = row.date(0);
    v.valid_to = row.nullable_date(1);
    v.parent_id = row.nullable_integer(2);
    v.parent_name = row.nullable_text(3);
    v.type = domain::body_type_from_code(row.text(4)).value_or(domain::BodyType::kCity);
    v.name = row.string(5);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<OrganisationId> OrganisationRepository::open_child_ids(OrganisationId id) const {
  std::vector<OrganisationId> out;
  Statement row = tx_.prepare(kOpenChildIds);
  row.bind(id);
  while (row.step()) out.push_back(row.integer(0));
  return out;
}

}  // namespace jinguo::storage
