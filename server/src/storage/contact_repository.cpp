#include "storage/contact_repository.h"

#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.organisation_id, c.name, c.post, c.office_phone, c.mobile, c.email, c.start_on, c.end_on, "
    "o.name, o.path, o.type";
constexpr const char* kFrom = " FROM contacts c JOIN organisations o ON o.id = c.organisation_id";
constexpr const char* kWhereInScope = " WHERE c.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kWhereOpenInBody =
    " WHERE c.organisation_id = $1 AND c.start_on <= $2 AND (c.end_on IS NULL OR c.end_on > $3) "
    "ORDER BY c.start_on, c.id";
// Form 1: the district level of a subtree, bodies and contacts as they stood on the day.
constexpr const char* kWhereOpenInDistrictLevel =
    " WHERE o.path >= $1 AND o.path < $2 AND o.type IN ('district', 'county', 'county_city') "
    "AND (o.established_on IS NULL OR o.established_on <= $3) AND (o.closed_on IS NULL OR o.closed_on > $4) "
    "AND c.start_on <= $5 AND (c.end_on IS NULL OR c.end_on > $6) ORDER BY o.path, c.start_on, c.id";
constexpr const char* kInsert =
    "INSERT INTO contacts (organisation_id, name, post, office_phone, mobile, email, start_on, end_on, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE contacts SET name = $1, post = $2, office_phone = $3, mobile = $4, email = $5, start_on = $6, "
    "updated_at = $7 WHERE id = $8";
constexpr const char* kEnd = "UPDATE contacts SET end_on = $1, updated_at = $2 WHERE id = $3";

std::string select_sql(const ReadTx& tx, const char* where) {
  return std::string(kSelect) + ", " + iso_timestamp_sql(tx, "c.created_at") + ", " +
         iso_timestamp_sql(tx, "c.updated_at") + kFrom + where;
}

ContactRow read_row(const Statement& row) {
  ContactRow r;
  r.contact.id = row.integer(0);
  r.contact.organisation_id = row.integer(1);
  r.contact.name = row.string(2);
  r.contact.post = row.nullable_text(3);
  r.contact.office_phone = row.nullable_text(4);
  r.contact.mobile = row.nullable_text(5);
  r.contact.email = row.nullable_text(6);
  r.contact.start_on = row.date(7);
  r.contact.end_on = row.nullable_date(8);
  r.organisation_name = row.string(9);
  r.organisation_path = row.string(10);
  r.organisation_type = domain::body_type_from_code(row.string(11)).value_or(domain::BodyType::kCity);
  r.created_at = row.string(12);
  r.updated_at = row.string(13);
  return r;
}

std::vector<ContactRow> all_rows(Statement& st) {
  std::vector<ContactRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

}  // namespace

std::optional<ContactRow> ContactQueries::find(const domain::Scope& scope, domain::ContactId id) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereInScope));
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<ContactRow> ContactQueries::open_in(domain::OrganisationId body, const domain::Date& on) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereOpenInBody));
  st.bind(body).bind(on).bind(on);
  return all_rows(st);
}

std::vector<ContactRow> ContactQueries::open_in_district_level(const std::string& path, const domain::Date& on) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereOpenInDistrictLevel));
  st.bind(path).bind(path + "~").bind(on).bind(on).bind(on).bind(on);
  return all_rows(st);
}

domain::ContactId ContactRepository::insert(const domain::Contact& c, const std::string& now) const {
  Statement st = tx_.prepare(kInsert);
  st.bind(c.organisation_id).bind(c.name).bind(c.post).bind(c.office_phone).bind(c.mobile).bind(c.email)
      .bind(c.start_on).bind(c.end_on).bind(now).bind(now);
  st.step();
  return st.integer(0);
}

void ContactRepository::update(const domain::Contact& c, const std::string& now) const {
  Statement st = tx_.prepare(kUpdate);
  st.bind(c.name).bind(c.post).bind(c.office_phone).bind(c.mobile).bind(c.email).bind(c.start_on).bind(now)
      .bind(c.id);
  st.run();
}

void ContactRepository::end(domain::ContactId id, const domain::Date& end_on, const std::string& now) const {
  Statement st = tx_.prepare(kEnd);
  st.bind(end_on).bind(now).bind(id);
  st.run();
}

}  // namespace jinguo::storage
