#pragma once
// Recruitment notices and self-nomination (招募公告, issue 13 step 2; docs/api-contract.md,
// "Issue 13 (step 2)"): a clerk writes a notice for her body (or a township for its villages),
// publishes it with an unguessable public address and a poster to print, and closes it. On the
// public page a woman reads it and nominates herself; she gets a receipt code, shown once and
// stored only as a hash, with which she can read her nomination's step and nothing else. Each
// change is one transaction with one audit record.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/selection/nomination.h"
#include "domain/selection/notice.h"
#include "services/actor.h"
#include "services/registry.h"
#include "services/spreadsheets.h"
#include "storage/database.h"
#include "storage/notice_repository.h"

namespace jinguo::services {

// At most this many self-nominations of one ID number a day (in the database: it holds behind
// a load balancer).
inline constexpr long long kSelfNominationsPerDay = 3;

// A notice as the staff read it.
struct NoticeView {
  storage::NoticeRow row;
  bool open = false;                             // women may nominate themselves today
  std::optional<std::string_view> closed_reason;  // closed, deadline_passed
  std::optional<std::string> public_url;         // once published
};

struct PublicBody {
  domain::OrganisationId id = 0;
  std::string name;
  std::vector<std::string> roles;  // the notice's roles that exist in this body, in the notice's order
};

// What the public page shows: the notice's text and the bodies one may choose.
struct PublicNotice {
  NoticeView notice;
  std::vector<PublicBody> bodies;
};

// What she sends from the public page (absent and null alike: not given).
struct SelfNomination {
  std::optional<domain::OrganisationId> organisation_id;
  std::optional<std::string> role, name, id_number, mobile, statement;
};

// Her receipt: the code (shown once, with dashes) and the step she stands at.
struct Receipt {
  std::string code;
  domain::selection::Step step = domain::selection::Step::kNominated;
};

// What the receipt code shows: the step and what she typed about where she applied.
struct ReceiptStatus {
  domain::selection::Step step = domain::selection::Step::kNominated;
  std::string organisation_name, role_label;
  std::optional<std::string> role_label_en, notice_title;
  std::string submitted_on, updated_on;  // YYYY-MM-DD (UTC)
};

class PdfRenderer;  // services/pdf_renderer.h

class Notices {
 public:
  // `pdf` draws the posters; `public_url`: where the web application is reached from outside
  // (the public page, the poster).
  Notices(storage::Database& db, PdfRenderer& pdf, Clock today, std::string public_url)
      : db_(db), pdf_(pdf), today_(std::move(today)), public_url_(std::move(public_url)) {}

  NoticeView Create(const Actor& actor, std::optional<domain::OrganisationId> body,
                    const domain::selection::NoticeInput& input);
  NoticeView Update(const Actor& actor, domain::selection::NoticeId id, const domain::selection::NoticeInput& input);
  void Delete(const Actor& actor, domain::selection::NoticeId id);
  NoticeView Publish(const Actor& actor, domain::selection::NoticeId id);
  NoticeView Close(const Actor& actor, domain::selection::NoticeId id);
  storage::Page<NoticeView> List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                 std::optional<domain::selection::NoticeState> state, const storage::PageSpec& page);
  NoticeView Get(const Actor& actor, domain::selection::NoticeId id);
  // The A4 poster with the QR code to the public page (published or closed notices).
  Download Poster(const Actor& actor, domain::selection::NoticeId id);

  // Public: 404 for a slug of the wrong shape, an unknown one or a draft's.
  PublicNotice Public(const std::string& slug);
  // `address`: where it came from (the audit keeps it, under the name `public`).
  Receipt Nominate(const std::string& slug, const SelfNomination& input, const std::string& address);
  // 404 for a code of the wrong shape or one no nomination has.
  ReceiptStatus Status(const std::string& receipt);

 private:
  NoticeView view_of(storage::NoticeRow row) const;
  storage::Database& db_;
  PdfRenderer& pdf_;
  Clock today_;
  std::string public_url_;
};

}  // namespace jinguo::services
