#pragma once
// Compliance across the tree: each body's findings reduced to a status, and the
// statuses counted per body type (the levels of form 4) and per district/county.
// Gathering the rosters (SQL) is the storage layer's work; this is the arithmetic.
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/organisation.h"
#include "domain/staffing/check.h"

namespace jinguo::domain::staffing {

// over: any error (an excess or a forbidden role); short: any warning (a shortfall or a
// missing seat) and no error; meets: no finding.
enum class ComplianceStatus { kMeets, kShort, kOver };
std::string_view compliance_status_code(ComplianceStatus status);  // "meets", "short", "over"
ComplianceStatus status_of(const std::vector<Finding>& findings);

struct BodyCompliance {
  OrganisationId organisation_id = 0;
  BodyType type = BodyType::kCity;
  std::optional<OrganisationId> district_id;  // the district/county/county-level city above it
  std::vector<Finding> findings;
};

struct ComplianceCounts {
  int bodies = 0;
  int meets = 0;
  int short_staffed = 0;
  int over_staffed = 0;
  int seats_missing = 0;  // seat findings (one per holder without her seat)
  void add(ComplianceStatus status, int seats);
  auto operator<=>(const ComplianceCounts&) const = default;
};

struct ComplianceRollup {
  ComplianceCounts overall;
  std::map<BodyType, ComplianceCounts> by_body_type;
  std::map<OrganisationId, ComplianceCounts> by_district;  // bodies without a district are only in the others
};

ComplianceRollup roll_up(const std::vector<BodyCompliance>& bodies);

}  // namespace jinguo::domain::staffing
