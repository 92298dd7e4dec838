#include "http/staffing_dto.h"

#include "http/dto.h"
#include "services/rule_set_json.h"

namespace jinguo::http::dto {

namespace {

using domain::staffing::ComplianceCounts;

std::optional<std::string> person_name(const std::optional<domain::PersonId>& id,
                                       const services::FindingContext& context) {
  if (!id) return std::nullopt;
  auto it = context.people.find(*id);
  return it == context.people.end() ? std::nullopt : std::optional<std::string>(it->second);
}

void counts(JsonWriter& w, const ComplianceCounts& c) {
  w.begin_object()
      .field("bodies", c.bodies)
      .field("meets", c.meets)
      .field("short", c.short_staffed)
      .field("over", c.over_staffed)
      .field("seats_missing", c.seats_missing)
      .end_object();
}

void side(JsonWriter& w, const services::ComplianceSide& s,
          const std::map<domain::OrganisationId, std::string>& district_names) {
  w.begin_object().field("on", s.on.iso());
  rule_set_ref(w.key("rule_set"), s.rule_set, s.rule_set_name);
  counts(w.key("overall"), s.rollup.overall);
  w.key("by_body_type").array(s.rollup.by_body_type, [&](const auto& entry) {
    const auto& [type, c] = entry;
    w.begin_object().field("type", domain::body_type_code(type)).field("type_label", domain::body_type_label(type));
    counts(w.key("counts"), c);
    w.end_object();
  });
  w.key("by_district").array(s.rollup.by_district, [&](const auto& entry) {
    const auto& [id, c] = entry;
    auto name = district_names.find(id);
    w.begin_object()
        .field("organisation_id", id)
        .field("name", name == district_names.end() ? std::nullopt : std::optional<std::string>(name->second));
    counts(w.key("counts"), c);
    w.end_object();
  });
  w.end_object();
}

void role_entry(JsonWriter& w, const std::string& role, const services::FindingContext& context, int actual,
                const std::optional<int>& min, const std::optional<int>& max) {
  w.begin_object()
      .field("role", role)
      .field("role_label", domain::staffing::role_label(role, context.roles))
      .field("actual", actual)
      .field("min", min)
      .field("max", max)
      .end_object();
}

}  // namespace

void finding(JsonWriter& w, const domain::staffing::Finding& f, const services::FindingContext& context) {
  w.begin_object()
      .field("organisation_id", f.organisation_id)
      .field("kind", domain::staffing::finding_kind_code(f.kind))
      .field("severity", domain::staffing::severity_code(f.severity));
  w.key("rule_set").begin_object().field("code", f.rule_set.code).field("version", f.rule_set.version).end_object();
  w.field("rule", f.rule)
      .field("role", f.role)
      .field("role_label", f.role ? std::optional<std::string>(domain::staffing::role_label(*f.role, context.roles))
                                  : std::nullopt)
      .field("expected_min", f.expected_min)
      .field("expected_max", f.expected_max)
      .field("actual", f.actual)
      .field("person_id", f.person_id)
      .field("person_name", person_name(f.person_id, context))
      .field("occupant_id", f.occupant_id)
      .field("occupant_name", person_name(f.occupant_id, context))
      .field("message", f.message_zh)
      .field("message_en", f.message_en)
      .field("advice", f.advice_zh)
      .field("advice_en", f.advice_en)
      .end_object();
}

void findings(JsonWriter& w, const std::vector<domain::staffing::Finding>& fs,
              const services::FindingContext& context) {
  w.array(fs, [&](const domain::staffing::Finding& f) { finding(w, f, context); });
}

void appointment(JsonWriter& w, const services::Appointment& a, const services::FindingContext& context,
                 const Viewer& viewer) {
  w.object([&] {
    position_fields(w, a, viewer);
    findings(w.key("warnings"), a.warnings, context);
    findings(w.key("overridden"), a.overridden, context);
  });
}

void rule_set_ref(JsonWriter& w, const domain::staffing::RuleSetRef& ref, const std::string& name) {
  w.begin_object().field("code", ref.code).field("version", ref.version).field("name", name).end_object();
}

void composition(JsonWriter& w, const services::Composition& c) {
  const auto* rules = c.rule_set.rules_for(c.type);
  auto held = [&](const std::string& role) {
    for (const auto& h : c.held)
      if (h.role == role) return h.actual;
    return 0;
  };
  w.begin_object()
      .field("organisation_id", c.organisation_id)
      .field("on", c.on.iso())
      .field("status", domain::staffing::compliance_status_code(c.status));
  rule_set_ref(w.key("rule_set"), ref_of(c.rule_set), c.rule_set.name);
  w.key("total").begin_object().field("actual", c.total);
  if (rules)
    w.field("min", rules->total_min).field("max", rules->total_max);
  else
    w.field("min", nullptr).field("max", nullptr);
  w.end_object();
  w.key("roles").begin_array();
  std::vector<std::string> listed;
  if (rules)
    for (const auto& rc : rules->role_counts) {
      role_entry(w, rc.role, c.context, held(rc.role), rc.min, rc.max);
      listed.push_back(rc.role);
    }
  for (const auto& h : c.held)
    if (std::find(listed.begin(), listed.end(), h.role) == listed.end() && !(rules && rules->forbids(h.role)))
      role_entry(w, h.role, c.context, h.actual, 0, std::nullopt);
  w.end_array();
  w.key("forbidden_roles").begin_array();
  if (rules)
    for (const auto& role : rules->forbidden_roles)
      w.begin_object()
          .field("role", role)
          .field("role_label", domain::staffing::role_label(role, c.context.roles))
          .field("actual", held(role))
          .end_object();
  w.end_array();
  findings(w.key("findings"), c.findings, c.context);
  w.end_object();
}

void compliance(JsonWriter& w, const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page) {
  std::size_t from = 0, to = r.failing.size();
  if (page) {
    from = std::min(to, static_cast<std::size_t>(page->offset()));
    to = std::min(to, from + static_cast<std::size_t>(page->page_size));
  }
  w.begin_object().field("within", r.within).field("on", r.current.on.iso());
  side(w.key("current"), r.current, r.district_names);
  side(w.key("baseline"), r.baseline, r.district_names);
  w.key("failing").begin_object().key("items").begin_array();
  for (std::size_t i = from; i < to; ++i) {
    const auto& b = r.failing[i];
    w.begin_object()
        .field("organisation_id", b.body.id)
        .field("name", b.body.name)
        .field("type", domain::body_type_code(b.body.type))
        .field("type_label", domain::body_type_label(b.body.type))
        .field("district_id", b.district_id)
        .field("status", domain::staffing::compliance_status_code(b.status));
    findings(w.key("findings"), b.findings, r.context);
    w.end_object();
  }
  w.end_array()
      .field("total", r.failing.size())
      .field("page", page ? page->page : 1)
      .field("page_size", page ? page->page_size : static_cast<int>(r.failing.size()))
      .end_object();
  w.end_object();
}

nlohmann::json compliance(const services::ComplianceReport& r, const std::optional<storage::PageSpec>& page) {
  return nlohmann::json::parse(json_of(compliance, r, page).text());
}

void rule_set(JsonWriter& w, const services::StoredRuleSet& s) {
  // Keys sorted, as they always were: the web app's editor lists body types and roles in key order.
  auto out = nlohmann::json::parse(services::rule_set_to_json(s.set).dump());
  out["created_at"] = s.created_at;
  out["created_by"] = s.created_by;
  w.dom(out);
}

void rule_set_versions(JsonWriter& w, const std::string& code, const std::vector<services::StoredRuleSet>& versions) {
  w.begin_object().field("code", code);
  w.key("versions").array(versions, [&](const services::StoredRuleSet& v) {
    w.begin_object()
        .field("version", v.set.version)
        .field("name", v.set.name)
        .field("created_at", v.created_at)
        .field("created_by", v.created_by)
        .end_object();
  });
  w.end_object();
}

void rule_set_summaries(JsonWriter& w, const std::vector<services::RuleSetSummary>& sets,
                        const services::StoredRuleSet& in_force) {
  w.begin_object().key("items").array(sets, [&](const services::RuleSetSummary& s) {
    w.begin_object()
        .field("code", s.code)
        .field("name", s.name)
        .field("latest_version", s.latest_version)
        .field("versions", s.versions)
        .end_object();
  });
  rule_set_ref(w.key("in_force"), ref_of(in_force.set), in_force.set.name);
  w.end_object();
}

void schedule(JsonWriter& w, const std::vector<services::ScheduledRuleSet>& entries,
              const services::StoredRuleSet& in_force) {
  w.begin_object().key("items").array(entries, [&](const services::ScheduledRuleSet& e) {
    w.begin_object()
        .field("effective_from", e.effective_from.iso())
        .field("code", e.rule_set.code)
        .field("version", e.rule_set.version)
        .field("name", e.name)
        .end_object();
  });
  rule_set_ref(w.key("in_force"), ref_of(in_force.set), in_force.set.name);
  w.end_object();
}

}  // namespace jinguo::http::dto
