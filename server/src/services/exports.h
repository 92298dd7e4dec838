#pragma once
// Exports of the lists (docs/api-contract.md, "Exports of lists"): every row a list's filters
// match, no paging, up to kMaxExportRows (beyond: 422 export_too_large), as .xlsx. Lists of
// people and the archives go out in the templates' layouts, so that they import again
// unchanged. Each export is one audit record (action `export`: kind, the filters, rows,
// full_personal_data), written in its own transaction once the file is made.
#include <optional>
#include <string>

#include "services/archives.h"
#include "services/audit_trail.h"
#include "services/registry.h"
#include "services/spreadsheets.h"
#include "services/staffing.h"
#include "storage/database.h"

namespace jinguo::services {

inline constexpr long long kMaxExportRows = 100'000;

class Exports {
 public:
  Exports(storage::Database& db, Registry& registry, Staffing& staffing, Archives& archives, AuditTrail& audit)
      : db_(db), registry_(registry), staffing_(staffing), archives_(archives), audit_(audit) {}

  // GET /api/people's rows in the members layout: one row a matching position, people with
  // none (status all) with the position columns blank. `full` needs reveal.
  Download People(const Actor& actor, const PeopleQuery& query, bool full);
  // The open children of a body: 名称, 类型, 区划代码, 示范点, 成立日期, 成员数 (today).
  Download Children(const Actor& actor, domain::OrganisationId id);
  // The bodies short or over on a date, one row a finding: 组织 (path), 类型, 状态, 问题, 建议.
  Download Failing(const Actor& actor, std::optional<domain::OrganisationId> within, std::optional<domain::Date> on);
  // The audit list (permission view_audit): 时间, 账号, 操作, 对象, 人员, 组织, 变更.
  Download Audit(const Actor& actor, const AuditQuery& query);
  // The archives in their templates' layouts; ID numbers masked unless `full` (reveal).
  Download OutstandingWomen(const Actor& actor, const ArchiveQuery& query, bool full);
  Download SocialOrganisations(const Actor& actor, const ArchiveQuery& query, bool full);

 private:
  storage::Database& db_;
  Registry& registry_;
  Staffing& staffing_;
  Archives& archives_;
  AuditTrail& audit_;
};

}  // namespace jinguo::services
