#pragma once
// Wire shapes of the staffing rules (docs/api-contract.md, "Staffing rules and compliance"),
// shared by the HTTP routes and `jinguo check --json`.
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/staffing.h"
#include "storage/repositories.h"

namespace jinguo::http::dto {

using nlohmann::json;

json finding(const domain::staffing::Finding& f, const services::FindingContext& context);
json findings(const std::vector<domain::staffing::Finding>& fs, const services::FindingContext& context);
json composition(const services::Composition& c);
// `page` nullopt: every failing body (the CLI).
json compliance(const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page);
json rule_set(const services::StoredRuleSet& s);
json rule_set_ref(const domain::staffing::RuleSetRef& ref, const std::string& name);
json rule_set_versions(const std::string& code, const std::vector<services::StoredRuleSet>& versions);
json rule_set_summaries(const std::vector<services::RuleSetSummary>& sets, const services::StoredRuleSet& in_force);
json schedule(const std::vector<services::ScheduledRuleSet>& entries, const services::StoredRuleSet& in_force);

}  // namespace jinguo::http::dto
