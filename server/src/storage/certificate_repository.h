#pragma once
// Certificates as stored (migration 0020): the rows, their numbering counters per issuer and
// year, the issuers' prefixes. Reads take any transaction (CertificateQueries); writes need a
// WriteTx (CertificateRepository).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/position.h"
#include "domain/selection/certificate.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

using CertificateId = std::int64_t;

struct CertificateRow {
  CertificateId id = 0;
  std::optional<domain::PositionId> position_id;  // none: the position was removed as a mistake
  domain::selection::CertificateKind kind = domain::selection::CertificateKind::kAppointment;
  domain::OrganisationId issuer_id = 0;
  std::string issuer_name;
  int year = 0;
  int number = 0;
  std::string number_text;  // 哈道妇证〔2016〕第0001号
  std::string code;         // the verification code
  domain::PersonId person_id = 0;
  std::string holder_name;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  std::string role, role_label;
  domain::Date start_on;
  domain::Date issued_on;
  std::string issued_at, issued_by;  // ISO 8601 UTC; the account
  std::optional<domain::Date> revoked_on;
  std::optional<std::string> revoke_reason;
  int prints = 0;
  // Read with it, not stored in it:
  std::string organisation_path;
  std::optional<domain::Date> position_end_on;
};

class CertificateQueries {
 public:
  explicit CertificateQueries(const ReadTx& tx) : tx_(tx) {}
  // A certificate of a body in the scope; outside it, it does not exist.
  std::optional<CertificateRow> find(const domain::Scope& scope, CertificateId id) const;
  std::optional<CertificateRow> by_code(const std::string& code) const;
  // The certificates of bodies under `path`, of one position when given, the newest first.
  Page<CertificateRow> list(const std::string& path, std::optional<domain::PositionId> position,
                            const PageSpec& page) const;
  // The certificate of a position its issuer has not revoked, if any.
  std::optional<CertificateRow> unrevoked_of(domain::PositionId position) const;
  std::optional<std::string> prefix(domain::OrganisationId issuer) const;
  // Whether an issuer other than `other_than` numbers with `prefix`: set as its own, or on a
  // certificate it issued (an old prefix still stands on the paper it printed).
  bool prefix_taken(const std::string& prefix, domain::OrganisationId other_than) const;

 protected:
  const ReadTx& tx_;
};

class CertificateRepository : public CertificateQueries {
 public:
  explicit CertificateRepository(const WriteTx& tx) : CertificateQueries(tx) {}
  // The issuer's next number in the year: its counter row raised (and so held until commit).
  int next_number(domain::OrganisationId issuer, int year) const;
  CertificateId insert(const CertificateRow& c) const;
  void revoke(CertificateId id, const domain::Date& on, const std::string& reason) const;
  void printed(CertificateId id) const;
  void set_prefix(domain::OrganisationId issuer, const std::string& prefix, const std::string& now) const;
};

}  // namespace jinguo::storage
