#include "storage/certificate_repository.h"

#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.position_id, c.kind, c.issuer_id, c.issuer_name, c.year, c.number, c.number_text, c.code, "
    "c.person_id, c.holder_name, c.organisation_id, c.organisation_name, c.role, c.role_label, c.start_on, "
    "c.issued_on, c.issued_by, c.revoked_on, c.revoke_reason, c.prints, o.path, p.end_on";
constexpr const char* kFrom =
    " FROM certificates c JOIN organisations o ON o.id = c.organisation_id "
    "LEFT JOIN positions p ON p.id = c.position_id";

std::string select_sql(const ReadTx& tx, const std::string& where) {
  return std::string(kColumns) + ", " + iso_timestamp_sql(tx, "c.issued_at") + kFrom + where;
}

CertificateRow read_row(const Statement& st) {
  CertificateRow r;
  r.id = st.integer(0);
  r.position_id = st.nullable_integer(1);
  r.kind = domain::selection::certificate_kind_from_code(st.text(2))
               .value_or(domain::selection::CertificateKind::kAppointment);
  r.issuer_id = st.integer(3);
  r.issuer_name = st.string(4);
  r.year = static_cast<int>(st.integer(5));
  r.number = static_cast<int>(st.integer(6));
  r.number_text = st.string(7);
  r.code = st.string(8);
  r.person_id = st.integer(9);
  r.holder_name = st.string(10);
  r.organisation_id = st.integer(11);
  r.organisation_name = st.string(12);
  r.role = st.string(13);
  r.role_label = st.string(14);
  r.start_on = st.date(15);
  r.issued_on = st.date(16);
  r.issued_by = st.string(17);
  r.revoked_on = st.nullable_date(18);
  r.revoke_reason = st.nullable_text(19);
  r.prints = static_cast<int>(st.integer(20));
  r.organisation_path = st.string(21);
  r.position_end_on = st.nullable_date(22);
  r.issued_at = st.string(23);
  return r;
}

}  // namespace

std::optional<CertificateRow> CertificateQueries::find(const domain::Scope& scope, CertificateId id) const {
  Statement st = tx_.prepare(select_sql(tx_, " WHERE c.id = $1 AND o.path >= $2 AND o.path < $3"));
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::optional<CertificateRow> CertificateQueries::by_code(const std::string& code) const {
  Statement st = tx_.prepare(select_sql(tx_, " WHERE c.code = $1"));
  st.bind(code);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

Page<CertificateRow> CertificateQueries::list(const std::string& path, std::optional<domain::PositionId> position,
                                              const PageSpec& page) const {
  Binds b;
  std::string where = " WHERE o.path >= " + b.add(path) + " AND o.path < " + b.add(path + "~");
  if (position) where += " AND c.position_id = " + b.add(*position);
  Page<CertificateRow> out;
  {
    Statement count = tx_.prepare("SELECT count(*)" + std::string(kFrom) + where);
    b.bind(count);
    if (count.step()) out.total = count.integer(0);
  }
  Statement st = tx_.prepare(select_sql(tx_, where) + " ORDER BY c.issued_at DESC, c.id DESC LIMIT " +
                             std::to_string(page.page_size) + " OFFSET " + std::to_string(page.offset()));
  b.bind(st);
  while (st.step()) out.items.push_back(read_row(st));
  return out;
}

std::optional<CertificateRow> CertificateQueries::unrevoked_of(domain::PositionId position) const {
  Statement st = tx_.prepare(select_sql(tx_, " WHERE c.position_id = $1 AND c.revoked_on IS NULL ORDER BY c.id"));
  st.bind(position);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::optional<std::string> CertificateQueries::prefix(domain::OrganisationId issuer) const {
  Statement st = tx_.prepare("SELECT prefix FROM certificate_prefixes WHERE organisation_id = $1");
  st.bind(issuer);
  if (!st.step()) return std::nullopt;
  return st.string(0);
}

bool CertificateQueries::prefix_taken(const std::string& prefix, domain::OrganisationId other_than) const {
  Statement st = tx_.prepare(
      "SELECT 1 FROM certificate_prefixes WHERE prefix = $1 AND organisation_id <> $2 "
      "UNION ALL SELECT 1 FROM certificates WHERE number_text LIKE $3 ESCAPE '\\' AND issuer_id <> $4");
  st.bind(prefix).bind(other_than).bind(escape_like(prefix) + "〔%").bind(other_than);
  return st.step();
}

int CertificateRepository::next_number(domain::OrganisationId issuer, int year) const {
  {
    Statement start = tx_.prepare(
        "INSERT INTO certificate_counters (issuer_id, year, last_number) VALUES ($1, $2, 0) "
        "ON CONFLICT (issuer_id, year) DO NOTHING");
    start.bind(issuer).bind(year);
    start.run();
  }
  Statement raise = tx_.prepare(
      "UPDATE certificate_counters SET last_number = last_number + 1 WHERE issuer_id = $1 AND year = $2 "
      "RETURNING last_number");
  raise.bind(issuer).bind(year);
  raise.step();
  return static_cast<int>(raise.integer(0));
}

CertificateId CertificateRepository::insert(const CertificateRow& c) const {
  Statement st = tx_.prepare(
      "INSERT INTO certificates (position_id, kind, issuer_id, issuer_name, year, number, number_text, code, "
      "person_id, holder_name, organisation_id, organisation_name, role, role_label, start_on, issued_on, issued_at, "
      "issued_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
      "RETURNING id");
  st.bind(c.position_id).bind(domain::selection::certificate_kind_code(c.kind)).bind(c.issuer_id).bind(c.issuer_name)
      .bind(c.year).bind(c.number).bind(c.number_text).bind(c.code).bind(c.person_id).bind(c.holder_name)
      .bind(c.organisation_id).bind(c.organisation_name).bind(c.role).bind(c.role_label).bind(c.start_on)
      .bind(c.issued_on).bind(c.issued_at).bind(c.issued_by);
  st.step();
  return st.integer(0);
}

void CertificateRepository::revoke(CertificateId id, const domain::Date& on, const std::string& reason) const {
  Statement st = tx_.prepare("UPDATE certificates SET revoked_on = $1, revoke_reason = $2 WHERE id = $3");
  st.bind(on).bind(reason).bind(id);
  st.run();
}

void CertificateRepository::printed(CertificateId id) const {
  Statement st = tx_.prepare("UPDATE certificates SET prints = prints + 1 WHERE id = $1");
  st.bind(id);
  st.run();
}

void CertificateRepository::set_prefix(domain::OrganisationId issuer, const std::string& prefix,
                                       const std::string& now) const {
  Statement st = tx_.prepare(
      "INSERT INTO certificate_prefixes (organisation_id, prefix, updated_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (organisation_id) DO UPDATE SET prefix = excluded.prefix, updated_at = excluded.updated_at");
  st.bind(issuer).bind(prefix).bind(now);
  st.run();
}

}  // namespace jinguo::storage
