#include "storage/archive_repository.h"

#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelectWoman =
    "SELECT w.id, w.person_id, w.organisation_id, w.honour, w.field, w.year, w.notes, p.name, p.id_number, o.name";
constexpr const char* kFromWoman =
    " FROM outstanding_women w JOIN people p ON p.id = w.person_id JOIN organisations o ON o.id = w.organisation_id";
constexpr const char* kCountWomen =
    "SELECT COUNT(*) FROM outstanding_women w JOIN people p ON p.id = w.person_id "
    "JOIN organisations o ON o.id = w.organisation_id";
constexpr const char* kInsertWoman =
    "INSERT INTO outstanding_women (person_id, organisation_id, honour, field, year, notes, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr const char* kUpdateWoman =
    "UPDATE outstanding_women SET organisation_id = $1, honour = $2, field = $3, year = $4, notes = $5, "
    "updated_at = $6 WHERE id = $7";
constexpr const char* kDeleteWoman = "DELETE FROM outstanding_women WHERE id = $1";

constexpr const char* kSelectSocial =
    "SELECT s.id, s.organisation_id, s.name, s.kind, s.field, s.head_name, s.member_count, s.contact, s.founded_on, "
    "s.notes, o.name";
constexpr const char* kFromSocial = " FROM social_organisations s JOIN organisations o ON o.id = s.organisation_id";
constexpr const char* kCountSocial =
    "SELECT COUNT(*) FROM social_organisations s JOIN organisations o ON o.id = s.organisation_id";
constexpr const char* kInsertSocial =
    "INSERT INTO social_organisations (organisation_id, name, kind, field, head_name, member_count, contact, "
    "founded_on, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kUpdateSocial =
    "UPDATE social_organisations SET organisation_id = $1, name = $2, kind = $3, field = $4, head_name = $5, "
    "member_count = $6, contact = $7, founded_on = $8, notes = $9, updated_at = $10 WHERE id = $11";
constexpr const char* kDeleteSocial = "DELETE FROM social_organisations WHERE id = $1";
constexpr const char* kWhereWomanKey = " WHERE w.person_id = $1 AND w.organisation_id = $2 AND w.honour = $3";
constexpr const char* kWhereSocialKey = " WHERE s.organisation_id = $1 AND s.name = $2";

// The select of a kind of entry, its timestamps as ISO text on either database.
std::string select_of(const ReadTx& tx, const char* columns, const char* table_alias, const char* from) {
  const std::string a(table_alias);
  return columns + (", " + iso_timestamp_sql(tx, a + ".created_at")) + ", " + iso_timestamp_sql(tx, a + ".updated_at") +
         from;
}

std::optional<int> nullable_int(const Statement& row, int column) {
  auto v = row.nullable_integer(column);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

OutstandingWomanRow read_woman(const Statement& row) {
  OutstandingWomanRow r;
  r.entry.id = row.integer(0);
  r.entry.person_id = row.integer(1);
  r.entry.organisation_id = row.integer(2);
  r.entry.honour = row.string(3);
  r.entry.field = row.nullable_text(4);
  r.entry.year = nullable_int(row, 5);
  r.entry.notes = row.nullable_text(6);
  r.person_name = row.string(7);
  r.id_number = row.string(8);
  r.organisation_name = row.string(9);
  r.created_at = row.string(10);
  r.updated_at = row.string(11);
  return r;
}

SocialOrganisationRow read_social(const Statement& row) {
  SocialOrganisationRow r;
  r.entry.id = row.integer(0);
  r.entry.organisation_id = row.integer(1);
  r.entry.name = row.string(2);
  r.entry.kind = row.nullable_text(3);
  r.entry.field = row.nullable_text(4);
  r.entry.head_name = row.nullable_text(5);
  r.entry.member_count = nullable_int(row, 6);
  r.entry.contact = row.nullable_text(7);
  r.entry.founded_on = row.nullable_date(8);
  r.entry.notes = row.nullable_text(9);
  r.organisation_name = row.string(10);
  r.created_at = row.string(11);
  r.updated_at = row.string(12);
  return r;
}

// The clauses every archive list shares: the subtree, then what the caller adds.
class Where {
 public:
  explicit Where(const std::string& within_path) {
    add("o.path >= " + binds.add(within_path) + " AND o.path < " + binds.add(within_path + "~"));
  }
  void add(const std::string& clause) { text += (text.empty() ? " WHERE " : " AND ") + clause; }
  // Any of `columns` contains `needle`.
  void contains(const std::string& needle, std::initializer_list<const char*> columns) {
    std::string pattern = binds.add("%" + escape_like(needle) + "%"), clause;
    for (const char* c : columns) clause += (clause.empty() ? "(" : " OR ") + std::string(c) + " LIKE " + pattern + " ESCAPE '\\'";
    add(clause + ")");
  }
  Binds binds;
  std::string text;
};

template <class Row>
Page<Row> page_of(const ReadTx& tx, const char* count_sql, const std::string& select_sql, Where& where,
                  const std::string& order, const PageSpec& page, Row (*read)(const Statement&)) {
  Page<Row> out;
  {
    Statement count = tx.prepare(count_sql + where.text);
    where.binds.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  std::string limit = where.binds.add(std::int64_t{page.page_size});
  std::string offset = where.binds.add(std::int64_t{page.offset()});
  Statement rows = tx.prepare(select_sql + where.text + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset);
  where.binds.bind(rows);
  while (rows.step()) out.items.push_back(read(rows));
  return out;
}

std::string direction(const PageSpec& page) { return page.descending ? " DESC" : " ASC"; }

}  // namespace

Page<OutstandingWomanRow> ArchiveRepository::outstanding_women(const ArchiveFilter& filter, const PageSpec& page) const {
  Where where(filter.within_path);
  if (!filter.text.empty()) where.contains(filter.text, {"p.name", "w.honour", "w.field"});
  if (filter.year) where.add("w.year = " + where.binds.add(std::int64_t{*filter.year}));
  std::string column = page.sort == "year" ? "w.year" : page.sort == "honour" ? "w.honour" : "p.name";
  return page_of(tx_, kCountWomen, select_of(tx_, kSelectWoman, "w", kFromWoman), where, column + direction(page) + ", w.id" + direction(page), page,
                 &read_woman);
}

std::optional<OutstandingWomanRow> ArchiveRepository::outstanding_woman(const domain::Scope& scope,
                                                                        std::int64_t id) const {
  Statement row = tx_.prepare(select_of(tx_, kSelectWoman, "w", kFromWoman) + " WHERE w.id = $1 AND o.path >= $2 AND o.path < $3");
  row.bind(id).bind(scope.low()).bind(scope.high());
  if (!row.step()) return std::nullopt;
  return read_woman(row);
}

std::optional<OutstandingWomanRow> ArchiveRepository::outstanding_woman_by_key(domain::PersonId person,
                                                                               domain::OrganisationId organisation,
                                                                               const std::string& honour) const {
  Statement row = tx_.prepare(select_of(tx_, kSelectWoman, "w", kFromWoman) + kWhereWomanKey);
  row.bind(person).bind(organisation).bind(honour);
  if (!row.step()) return std::nullopt;
  return read_woman(row);
}

std::int64_t ArchiveRepository::insert(const domain::OutstandingWoman& e, const std::string& now) const {
  Statement st = tx_.prepare(kInsertWoman);
  st.bind(e.person_id).bind(e.organisation_id).bind(e.honour).bind(e.field).bind(e.year).bind(e.notes).bind(now)
      .bind(now);
  st.step();
  return st.integer(0);
}

void ArchiveRepository::update(const domain::OutstandingWoman& e, const std::string& now) const {
  Statement st = tx_.prepare(kUpdateWoman);
  st.bind(e.organisation_id).bind(e.honour).bind(e.field).bind(e.year).bind(e.notes).bind(now).bind(e.id);
  st.run();
}

void ArchiveRepository::remove_outstanding_woman(std::int64_t id) const {
  Statement st = tx_.prepare(kDeleteWoman);
  st.bind(id);
  st.run();
}

Page<SocialOrganisationRow> ArchiveRepository::social_organisations(const ArchiveFilter& filter,
                                                                    const PageSpec& page) const {
  Where where(filter.within_path);
  if (!filter.text.empty()) where.contains(filter.text, {"s.name", "s.kind", "s.field", "s.head_name"});
  // The kind is typed freely (社区社会组织, 社区社会组织（备案）…): contained, like the text.
  if (filter.kind && !filter.kind->empty()) where.contains(*filter.kind, {"s.kind"});
  std::string column = page.sort == "founded_on" ? "s.founded_on" : page.sort == "member_count" ? "s.member_count"
                                                                                                : "s.name";
  return page_of(tx_, kCountSocial, select_of(tx_, kSelectSocial, "s", kFromSocial), where, column + direction(page) + ", s.id" + direction(page), page,
                 &read_social);
}

std::optional<SocialOrganisationRow> ArchiveRepository::social_organisation(const domain::Scope& scope,
                                                                            std::int64_t id) const {
  Statement row = tx_.prepare(select_of(tx_, kSelectSocial, "s", kFromSocial) + " WHERE s.id = $1 AND o.path >= $2 AND o.path < $3");
  row.bind(id).bind(scope.low()).bind(scope.high());
  if (!row.step()) return std::nullopt;
  return read_social(row);
}

std::optional<SocialOrganisationRow> ArchiveRepository::social_organisation_by_key(domain::OrganisationId organisation,
                                                                                   const std::string& name) const {
  Statement row = tx_.prepare(select_of(tx_, kSelectSocial, "s", kFromSocial) + kWhereSocialKey);
  row.bind(organisation).bind(name);
  if (!row.step()) return std::nullopt;
  return read_social(row);
}

std::int64_t ArchiveRepository::insert(const domain::SocialOrganisation& e, const std::string& now) const {
  Statement st = tx_.prepare(kInsertSocial);
  st.bind(e.organisation_id).bind(e.name).bind(e.kind).bind(e.field).bind(e.head_name).bind(e.member_count)
      .bind(e.contact).bind(e.founded_on).bind(e.notes).bind(now).bind(now);
  st.step();
  return st.integer(0);
}

void ArchiveRepository::update(const domain::SocialOrganisation& e, const std::string& now) const {
  Statement st = tx_.prepare(kUpdateSocial);
  st.bind(e.organisation_id).bind(e.name).bind(e.kind).bind(e.field).bind(e.head_name).bind(e.member_count)
      .bind(e.contact).bind(e.founded_on).bind(e.notes).bind(now).bind(e.id);
  st.run();
}

void ArchiveRepository::remove_social_organisation(std::int64_t id) const {
  Statement st = tx_.prepare(kDeleteSocial);
  st.bind(id);
  st.run();
}

}  // namespace jinguo::storage
