#pragma once
// Certificates (证书, issue 13 §5; docs/api-contract.md, "Issue 13: certificates"): the
// federation one level up certifies members' positions, one at a time or a meeting's worth at
// once; prints them as PDF with a QR code to the public verification page; revokes one with a
// reason. A certificate stops holding when its position ends. Each change is one transaction
// with one audit record a certificate; the verification answers anyone who holds the code
// and nothing to anyone who does not.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "services/actor.h"
#include "services/registry.h"
#include "services/spreadsheets.h"
#include "storage/certificate_repository.h"
#include "storage/database.h"

namespace jinguo::services {

// At most this many positions in one issue (a meeting's worth); at most this many in one PDF.
inline constexpr std::size_t kMaxCertificatesAtOnce = 100;

// What the public verification page shows.
struct Verification {
  domain::selection::CertificateStatus status;
  std::string number_text;
  domain::selection::CertificateKind kind = domain::selection::CertificateKind::kAppointment;
  std::string holder;  // partly starred
  std::string organisation_name, role_label, issuer_name;
  domain::Date start_on, issued_on;
};

// A certificate as the staff see it: the row and whether it holds today.
struct CertificateView {
  storage::CertificateRow row;
  domain::selection::CertificateStatus status;
  std::string verify_url;
};

class PdfRenderer;  // services/pdf_renderer.h

class Certificates {
 public:
  // `pdf` draws the PDFs; `public_url`: where the web application is reached from outside (the
  // QR codes point there).
  Certificates(storage::Database& db, PdfRenderer& pdf, Clock today, std::string public_url)
      : db_(db), pdf_(pdf), today_(std::move(today)), public_url_(std::move(public_url)) {}

  // Issues a certificate for each position (all or none): the caller's scope holds the level
  // above each position's body; a position ended, already certified or of a body with no level
  // above is refused naming position_ids[i].
  std::vector<CertificateView> Issue(const Actor& actor, const std::vector<domain::PositionId>& positions);
  storage::Page<CertificateView> List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                      std::optional<domain::PositionId> position, const storage::PageSpec& page);
  CertificateView Get(const Actor& actor, storage::CertificateId id);
  // The certificates as one PDF, one page each, in the order asked; each print recorded (prints
  // + 1 and an audit "print") once the PDF has been drawn, never for a PDF that failed or was
  // refused (busy).
  Download Print(const Actor& actor, const std::vector<storage::CertificateId>& ids);
  CertificateView Revoke(const Actor& actor, storage::CertificateId id, const std::string& reason);
  // The issuer's number prefix (its default when never set) and changing it.
  std::string PrefixOf(const Actor& actor, domain::OrganisationId issuer);
  std::string SetPrefix(const Actor& actor, domain::OrganisationId issuer, const std::string& prefix);

  // The public check of a code: 404 for a code of the wrong shape or one no certificate has.
  Verification Verify(const std::string& code);

 private:
  CertificateView view_of(storage::CertificateRow row) const;
  storage::Database& db_;
  PdfRenderer& pdf_;
  Clock today_;
  std::string public_url_;
};

}  // namespace jinguo::services
