#include "storage/contact_repository.h"

#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.organisation_id, c.name, c.post, c.office_phone, c.mobile, c.email, c.start_on, c.end_on, "
    "o.name, o.path, o.type, c.campaign_id, k.name";
constexpr const char* kFrom =
    " FROM contacts c JOIN organisations o ON o.id = c.organisation_id LEFT JOIN campaigns k ON k.id = c.campaign_id";
constexpr const char* kWhereInScope = " WHERE c.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kOrder = " ORDER BY o.path, c.start_on, c.id";
constexpr const char* kDistrictTypes = " AND o.type IN ('district', 'county', 'county_city')";
constexpr const char* kInsert =
    "INSERT INTO contacts (organisation_id, name, post, office_phone, mobile, email, start_on, end_on, campaign_id, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kAdopt =
    "UPDATE contacts SET campaign_id = $1 WHERE campaign_id IS NULL AND organisation_id IN "
    "(SELECT id FROM organisations WHERE path >= $2 AND path < $3)";
constexpr const char* kNewestCampaignHolding =
    "SELECT max(c.id) FROM campaigns c JOIN organisations r ON r.id = c.organisation_id "
    "WHERE $1 >= r.path AND $2 < r.path || '~'";
constexpr const char* kUpdate =
    "UPDATE contacts SET name = $1, post = $2, office_phone = $3, mobile = $4, email = $5, start_on = $6, "
    "updated_at = $7 WHERE id = $8";
constexpr const char* kEnd = "UPDATE contacts SET end_on = $1, updated_at = $2 WHERE id = $3";

std::string select_sql(const ReadTx& tx, const std::string& where) {
  return std::string(kSelect) + ", " + iso_timestamp_sql(tx, "c.created_at") + ", " +
         iso_timestamp_sql(tx, "c.updated_at") + kFrom + where;
}

// Which contacts a list wants: of one body or of the bodies under a path; open on a day; of the
// district level as it stood that day (form 1); of one campaign.
struct OpenContacts {
  std::optional<domain::OrganisationId> body;
  std::optional<std::string> under;
  domain::Date on;
  bool district_level = false;
  std::optional<std::int64_t> campaign;
};

std::string where_of(const OpenContacts& q, Binds& b) {
  std::string w = q.body ? " WHERE c.organisation_id = " + b.add(*q.body)
                         : " WHERE o.path >= " + b.add(*q.under) + " AND o.path < " + b.add(*q.under + "~");
  const std::string on = q.on.iso();
  w += " AND c.start_on <= " + b.add(on) + " AND (c.end_on IS NULL OR c.end_on > " + b.add(on) + ")";
  if (q.district_level)
    w += std::string(kDistrictTypes) + " AND (o.established_on IS NULL OR o.established_on <= " + b.add(on) +
         ") AND (o.closed_on IS NULL OR o.closed_on > " + b.add(on) + ")";
  if (q.campaign) w += " AND c.campaign_id = " + b.add(*q.campaign);
  return w + kOrder;
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
  r.contact.campaign_id = row.nullable_integer(12);
  r.campaign_name = row.nullable_text(13);
  r.created_at = row.string(14);
  r.updated_at = row.string(15);
  return r;
}

std::vector<ContactRow> all_rows(Statement& st) {
  std::vector<ContactRow> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::vector<ContactRow> open_contacts(const ReadTx& tx, const OpenContacts& q) {
  Binds b;
  Statement st = tx.prepare(select_sql(tx, where_of(q, b)));
  b.bind(st);
  return all_rows(st);
}

}  // namespace

std::optional<ContactRow> ContactQueries::find(const domain::Scope& scope, domain::ContactId id) const {
  Statement st = tx_.prepare(select_sql(tx_, kWhereInScope));
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<ContactRow> ContactQueries::open_in(domain::OrganisationId body, const domain::Date& on,
                                                std::optional<std::int64_t> campaign) const {
  return open_contacts(tx_, {body, std::nullopt, on, false, campaign});
}

std::vector<ContactRow> ContactQueries::open_in_district_level(const std::string& path, const domain::Date& on,
                                                               std::optional<std::int64_t> campaign) const {
  return open_contacts(tx_, {std::nullopt, path, on, true, campaign});
}

std::vector<ContactRow> ContactQueries::open_in_campaign(std::int64_t campaign, const std::string& path,
                                                         const domain::Date& on) const {
  return open_contacts(tx_, {std::nullopt, path, on, false, campaign});
}

std::optional<std::int64_t> ContactQueries::newest_campaign_holding(const std::string& path) const {
  Statement st = tx_.prepare(kNewestCampaignHolding);
  st.bind(path).bind(path);
  if (!st.step()) return std::nullopt;
  return st.nullable_integer(0);
}

domain::ContactId ContactRepository::insert(const domain::Contact& c, const std::string& now) const {
  Statement st = tx_.prepare(kInsert);
  st.bind(c.organisation_id).bind(c.name).bind(c.post).bind(c.office_phone).bind(c.mobile).bind(c.email)
      .bind(c.start_on).bind(c.end_on).bind(c.campaign_id).bind(now).bind(now);
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

void ContactRepository::adopt_unattached(std::int64_t campaign, const std::string& runner_path) const {
  Statement st = tx_.prepare(kAdopt);
  st.bind(campaign).bind(runner_path).bind(runner_path + "~");
  st.run();
}

}  // namespace jinguo::storage
