#pragma once
// The start page (GET /api/home): for any account, her organisation, the bodies of her
// subtree that fail the staffing rules today (from the compliance check), and the latest
// changes of data in it (from the audit).
#include <functional>
#include <optional>
#include <vector>

#include "domain/date.h"
#include "domain/staffing/compliance.h"
#include "services/actor.h"
#include "services/audit_names.h"
#include "services/staffing.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::services {

struct Attention {
  storage::SubtreeBody body;
  domain::staffing::ComplianceStatus status = domain::staffing::ComplianceStatus::kShort;
  std::string summary_zh, summary_en;  // the first finding's message
};

struct StartPage {
  std::optional<storage::PathEntry> organisation;  // the account's own
  domain::Date today;
  int short_count = 0, over_count = 0;  // failing bodies of the subtree today
  std::vector<Attention> attention;      // at most kAttentionItems, over first
  std::vector<AuditRecord> recent;       // the latest changes of organisations, people, positions
};

class Home {
 public:
  static constexpr std::size_t kAttentionItems = 10;
  static constexpr int kRecentItems = 10;

  Home(storage::Database& db, Staffing& staffing, std::function<domain::Date()> today)
      : db_(db), staffing_(staffing), today_(std::move(today)) {}

  StartPage For(const Actor& actor);

 private:
  storage::Database& db_;
  Staffing& staffing_;
  std::function<domain::Date()> today_;
};

}  // namespace jinguo::services
