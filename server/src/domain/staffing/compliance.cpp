#include "domain/staffing/compliance.h"

#include <algorithm>

namespace jinguo::domain::staffing {

std::string_view compliance_status_code(ComplianceStatus status) {
  switch (status) {
    case ComplianceStatus::kMeets: return "meets";
    case ComplianceStatus::kShort: return "short";
    case ComplianceStatus::kOver: return "over";
  }
  return "";
}

ComplianceStatus status_of(const std::vector<Finding>& findings) {
  auto has = [&](Severity s) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; });
  };
  if (has(Severity::kError))
    return ComplianceStatus::kOver;
  if (has(Severity::kWarning))
    return ComplianceStatus::kShort;
  return ComplianceStatus::kMeets;
}

void ComplianceCounts::add(ComplianceStatus status, int seats) {
  ++bodies;
  switch (status) {
    case ComplianceStatus::kMeets: ++meets; break;
    case ComplianceStatus::kShort: ++short_staffed; break;
    case ComplianceStatus::kOver: ++over_staffed; break;
  }
  seats_missing += seats;
}

ComplianceRollup roll_up(const std::vector<BodyCompliance>& bodies) {
  ComplianceRollup out;
  for (const BodyCompliance& body : bodies) {
    ComplianceStatus status = status_of(body.findings);
    int seats =
        static_cast<int>(std::count_if(body.findings.begin(), body.findings.end(),
                                       [](const Finding& f) { return f.kind == FindingKind::kSeat; }));
    out.overall.add(status, seats);
    out.by_body_type[body.type].add(status, seats);
    if (body.district_id)
      out.by_district[*body.district_id].add(status, seats);
  }
  return out;
}

}  // namespace jinguo::domain::staffing
