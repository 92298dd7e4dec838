#include "http/staffing_dto.h"

#include "services/rule_set_json.h"

namespace jinguo::http::dto {

namespace {

using domain::staffing::ComplianceCounts;

json nullable_int(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json person_name(const std::optional<domain::PersonId>& id, const services::FindingContext& context) {
  if (!id) return nullptr;
  auto it = context.people.find(*id);
  return it == context.people.end() ? json(nullptr) : json(it->second);
}

json counts(const ComplianceCounts& c) {
  return {{"bodies", c.bodies}, {"meets", c.meets}, {"short", c.short_staffed}, {"over", c.over_staffed},
          {"seats_missing", c.seats_missing}};
}

json side(const services::ComplianceSide& s, const std::map<domain::OrganisationId, std::string>& district_names) {
  json by_type = json::array();
  for (const auto& [type, c] : s.rollup.by_body_type)
    by_type.push_back({{"type", domain::body_type_code(type)}, {"type_label", domain::body_type_label(type)},
                       {"counts", counts(c)}});
  json by_district = json::array();
  for (const auto& [id, c] : s.rollup.by_district) {
    auto name = district_names.find(id);
    by_district.push_back({{"organisation_id", id},
                           {"name", name == district_names.end() ? json(nullptr) : json(name->second)},
                           {"counts", counts(c)}});
  }
  return {{"on", s.on.iso()},
          {"rule_set", rule_set_ref(s.rule_set, s.rule_set_name)},
          {"overall", counts(s.rollup.overall)},
          {"by_body_type", std::move(by_type)},
          {"by_district", std::move(by_district)}};
}

json role_entry(const std::string& role, const services::FindingContext& context, int actual,
                const std::optional<int>& min, const std::optional<int>& max) {
  return {{"role", role}, {"role_label", domain::staffing::role_label(role, context.roles)}, {"actual", actual},
          {"min", nullable_int(min)}, {"max", nullable_int(max)}};
}

}  // namespace

json finding(const domain::staffing::Finding& f, const services::FindingContext& context) {
  return {{"organisation_id", f.organisation_id},
          {"kind", domain::staffing::finding_kind_code(f.kind)},
          {"severity", domain::staffing::severity_code(f.severity)},
          {"rule_set", {{"code", f.rule_set.code}, {"version", f.rule_set.version}}},
          {"rule", f.rule},
          {"role", f.role ? json(*f.role) : json(nullptr)},
          {"role_label", f.role ? json(domain::staffing::role_label(*f.role, context.roles)) : json(nullptr)},
          {"expected_min", f.expected_min},
          {"expected_max", nullable_int(f.expected_max)},
          {"actual", f.actual},
          {"person_id", f.person_id ? json(*f.person_id) : json(nullptr)},
          {"person_name", person_name(f.person_id, context)},
          {"occupant_id", f.occupant_id ? json(*f.occupant_id) : json(nullptr)},
          {"occupant_name", person_name(f.occupant_id, context)},
          {"message", f.message_zh},
          {"message_en", f.message_en}};
}

json findings(const std::vector<domain::staffing::Finding>& fs, const services::FindingContext& context) {
  json out = json::array();
  for (const auto& f : fs) out.push_back(finding(f, context));
  return out;
}

json rule_set_ref(const domain::staffing::RuleSetRef& ref, const std::string& name) {
  return {{"code", ref.code}, {"version", ref.version}, {"name", name}};
}

json composition(const services::Composition& c) {
  const auto* rules = c.rule_set.rules_for(c.type);
  json roles = json::array();
  auto held = [&](const std::string& role) {
    for (const auto& h : c.held)
      if (h.role == role) return h.actual;
    return 0;
  };
  std::vector<std::string> listed;
  if (rules)
    for (const auto& rc : rules->role_counts) {
      roles.push_back(role_entry(rc.role, c.context, held(rc.role), rc.min, rc.max));
      listed.push_back(rc.role);
    }
  for (const auto& h : c.held)
    if (std::find(listed.begin(), listed.end(), h.role) == listed.end() && !(rules && rules->forbids(h.role)))
      roles.push_back(role_entry(h.role, c.context, h.actual, 0, std::nullopt));
  json forbidden = json::array();
  if (rules)
    for (const auto& role : rules->forbidden_roles)
      forbidden.push_back({{"role", role}, {"role_label", domain::staffing::role_label(role, c.context.roles)},
                           {"actual", held(role)}});
  return {{"organisation_id", c.organisation_id},
          {"on", c.on.iso()},
          {"status", domain::staffing::compliance_status_code(c.status)},
          {"rule_set", rule_set_ref(ref_of(c.rule_set), c.rule_set.name)},
          {"total",
           {{"actual", c.total},
            {"min", rules ? json(rules->total_min) : json(nullptr)},
            {"max", rules ? nullable_int(rules->total_max) : json(nullptr)}}},
          {"roles", std::move(roles)},
          {"forbidden_roles", std::move(forbidden)},
          {"findings", findings(c.findings, c.context)}};
}

json compliance(const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page) {
  std::size_t from = 0, to = r.failing.size();
  if (page) {
    from = std::min(to, static_cast<std::size_t>(page->offset()));
    to = std::min(to, from + static_cast<std::size_t>(page->page_size));
  }
  json items = json::array();
  for (std::size_t i = from; i < to; ++i) {
    const auto& b = r.failing[i];
    items.push_back({{"organisation_id", b.body.id},
                     {"name", b.body.name},
                     {"type", domain::body_type_code(b.body.type)},
                     {"type_label", domain::body_type_label(b.body.type)},
                     {"district_id", b.district_id ? json(*b.district_id) : json(nullptr)},
                     {"status", domain::staffing::compliance_status_code(b.status)},
                     {"findings", findings(b.findings, r.context)}});
  }
  json failing = {{"items", std::move(items)}, {"total", r.failing.size()}};
  failing["page"] = page ? page->page : 1;
  failing["page_size"] = page ? page->page_size : static_cast<int>(r.failing.size());
  return {{"within", r.within ? json(*r.within) : json(nullptr)},
          {"on", r.current.on.iso()},
          {"current", side(r.current, r.district_names)},
          {"baseline", side(r.baseline, r.district_names)},
          {"failing", std::move(failing)}};
}

json rule_set(const services::StoredRuleSet& s) {
  json out = json::parse(services::rule_set_to_json(s.set).dump());
  out["created_at"] = s.created_at;
  out["created_by"] = s.created_by;
  return out;
}

json rule_set_versions(const std::string& code, const std::vector<services::StoredRuleSet>& versions) {
  json items = json::array();
  for (const auto& v : versions)
    items.push_back({{"version", v.set.version}, {"name", v.set.name}, {"created_at", v.created_at},
                     {"created_by", v.created_by}});
  return {{"code", code}, {"versions", std::move(items)}};
}

json rule_set_summaries(const std::vector<services::RuleSetSummary>& sets, const services::StoredRuleSet& in_force) {
  json items = json::array();
  for (const auto& s : sets)
    items.push_back({{"code", s.code}, {"name", s.name}, {"latest_version", s.latest_version},
                     {"versions", s.versions}});
  return {{"items", std::move(items)}, {"in_force", rule_set_ref(ref_of(in_force.set), in_force.set.name)}};
}

json schedule(const std::vector<services::ScheduledRuleSet>& entries, const services::StoredRuleSet& in_force) {
  json items = json::array();
  for (const auto& e : entries)
    items.push_back({{"effective_from", e.effective_from.iso()}, {"code", e.rule_set.code},
                     {"version", e.rule_set.version}, {"name", e.name}});
  return {{"items", std::move(items)}, {"in_force", rule_set_ref(ref_of(in_force.set), in_force.set.name)}};
}

}  // namespace jinguo::http::dto
