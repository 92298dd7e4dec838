#pragma once
// Wire shapes of the staffing rules (docs/api-contract.md, "Staffing rules and compliance"),
// shared by the HTTP routes and `jinguo check --json`.
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/dto.h"
#include "http/json_writer.h"
#include "services/registry.h"
#include "services/staffing.h"
#include "storage/repositories.h"

namespace jinguo::http::dto {

void finding(JsonWriter& w, const domain::staffing::Finding& f, const services::FindingContext& context);
void findings(JsonWriter& w, const std::vector<domain::staffing::Finding>& fs, const services::FindingContext& context);
// A new position (dto::position) with what the staffing rules said of it.
void appointment(JsonWriter& w, const services::Appointment& a, const services::FindingContext& context,
                 const Viewer& viewer);
void composition(JsonWriter& w, const services::Composition& c);
// `page` nullopt: every failing body (the CLI).
void compliance(JsonWriter& w, const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page);
// The same as a DOM, for `jinguo check --json` (which pretty-prints it).
nlohmann::json compliance(const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page);
void rule_set(JsonWriter& w, const services::StoredRuleSet& s);
void rule_set_ref(JsonWriter& w, const domain::staffing::RuleSetRef& ref, const std::string& name);
void rule_set_versions(JsonWriter& w, const std::string& code, const std::vector<services::StoredRuleSet>& versions);
void rule_set_summaries(JsonWriter& w, const std::vector<services::RuleSetSummary>& sets,
                        const services::StoredRuleSet& in_force);
void schedule(JsonWriter& w, const std::vector<services::ScheduledRuleSet>& entries,
              const services::StoredRuleSet& in_force);

}  // namespace jinguo::http::dto
