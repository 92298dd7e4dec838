#include "http/dto.h"

#include "domain/access/masking.h"

namespace jinguo::http::dto {

namespace {

template <class T>
json nullable(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json nullable(const std::optional<domain::Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json masked_phone(const std::optional<std::string>& phone) { return nullable(domain::mask_optional_phone(phone)); }

}  // namespace

json organisation(const storage::OrganisationRow& row) {
  const auto& o = row.organisation;
  return {{"id", o.id},
          {"parent_id", nullable(o.parent_id)},
          {"type", domain::body_type_code(o.type)},
          {"type_label", domain::body_type_label(o.type)},
          {"name", o.name},
          {"division_code", nullable(o.division_code)},
          {"pilot", o.pilot},
          {"established_on", nullable(o.established_on)},
          {"closed_on", nullable(o.closed_on)},
          {"open", o.is_open()},
          {"depth", row.depth},
          {"child_count", row.child_count},
          {"member_count", row.member_count}};
}

json path(const std::vector<storage::PathEntry>& path) {
  json out = json::array();
  for (const auto& e : path) out.push_back({{"id", e.id}, {"name", e.name}, {"type", domain::body_type_code(e.type)}});
  return out;
}

json organisation_detail(const services::OrganisationDetail& d) {
  json out = organisation(d.row);
  out["path"] = path(d.path);
  json allowed = json::array();
  for (auto t : domain::child_types_of(d.row.organisation.type)) allowed.push_back(domain::body_type_code(t));
  out["allowed_child_types"] = std::move(allowed);
  return out;
}

// Personal data is masked in every answer; the full value only through reveal.
json person(const domain::Person& p) {
  std::string masked_id = domain::mask_id_number(p.id_number);
  return {{"id", p.id},
          {"name", p.name},
          {"id_number_masked", masked_id},
          {"id_number", masked_id},
          {"mobile_masked", masked_phone(p.mobile)},
          {"office_phone_masked", masked_phone(p.office_phone)},
          {"birth_date", p.birth_date.iso()},
          {"sex", domain::sex_code(p.sex)},
          {"ethnicity", nullable(p.ethnicity)},
          {"political_status", nullable(p.political_status)},
          {"education", nullable(p.education)},
          {"work_unit", nullable(p.work_unit)},
          {"job_title", nullable(p.job_title)},
          {"mobile", masked_phone(p.mobile)},
          {"office_phone", masked_phone(p.office_phone)},
          {"notes", nullable(p.notes)}};
}

json person_summary(const services::PersonSummary& s) {
  json out = person(s.person);
  json current = json::array();
  for (const auto& c : s.current_positions)
    current.push_back({{"organisation_id", c.organisation_id},
                       {"organisation_name", c.organisation_name},
                       {"role_label", c.role_label}});
  out["current_positions"] = std::move(current);
  return out;
}

json position(const storage::PositionRow& row, const domain::Date& today) {
  const auto& p = row.position;
  return {{"id", p.id},
          {"person_id", p.person_id},
          {"person_name", row.person_name},
          {"organisation_id", p.organisation_id},
          {"organisation_name", row.organisation_name},
          {"role", p.role},
          {"role_label", row.role_label},
          {"manner", p.manner},
          {"manner_label", row.manner_label},
          {"source", nullable(p.source)},
          {"source_label", nullable(row.source_label)},
          {"start_on", p.start_on.iso()},
          {"end_on", nullable(p.end_on)},
          {"end_reason", nullable(p.end_reason)},
          {"notes", nullable(p.notes)},
          {"current", p.held_on(today)}};
}

json person_detail(const services::PersonDetail& d, const domain::Date& today) {
  json out = person(d.person);
  json positions = json::array();
  for (const auto& p : d.positions) {
    json j = position(p.row, today);
    j["organisation_path"] = p.organisation_path;
    positions.push_back(std::move(j));
  }
  out["positions"] = std::move(positions);
  return out;
}

json roster(const services::Roster& r) {
  json items = json::array();
  for (const auto& e : r.items) {
    const auto& p = e.row.position;
    const auto& who = e.person;
    items.push_back({{"position_id", p.id},
                     {"person_id", p.person_id},
                     {"name", who.name},
                     {"sex", domain::sex_code(who.sex)},
                     {"birth_date", who.birth_date.iso()},
                     {"age", domain::age_on(who.birth_date, r.on)},
                     {"ethnicity", nullable(who.ethnicity)},
                     {"political_status", nullable(who.political_status)},
                     {"education", nullable(who.education)},
                     {"work_unit", nullable(who.work_unit)},
                     {"job_title", nullable(who.job_title)},
                     {"mobile_masked", masked_phone(who.mobile)},
                     {"role", p.role},
                     {"role_label", e.row.role_label},
                     {"manner", p.manner},
                     {"manner_label", e.row.manner_label},
                     {"source", nullable(p.source)},
                     {"source_label", nullable(e.row.source_label)},
                     {"start_on", p.start_on.iso()},
                     {"end_on", nullable(p.end_on)}});
  }
  return {{"organisation_id", r.organisation_id}, {"on", r.on.iso()}, {"items", std::move(items)}};
}

json dictionary_entry(const domain::DictionaryEntry& e) {
  return {{"code", e.code},
          {"label", e.label},
          {"label_en", nullable(e.label_en)},
          {"short_label", nullable(e.short_label)},
          {"sort_order", e.sort_order},
          {"active", e.active},
          {"body_types", nullable(e.body_types)}};
}

json dictionaries(const std::vector<domain::DictionaryEntry>& entries) {
  json out = json::object();
  for (auto kind : domain::kAllDictionaryKinds) out[std::string(domain::dictionary_kind_code(kind))] = json::array();
  for (const auto& e : entries) out[std::string(domain::dictionary_kind_code(e.kind))].push_back(dictionary_entry(e));
  return out;
}

json meta(const domain::Date& today) {
  json types = json::array();
  for (auto t : domain::kAllBodyTypes) {
    json children = json::array();
    for (auto c : domain::child_types_of(t)) children.push_back(domain::body_type_code(c));
    types.push_back({{"code", domain::body_type_code(t)},
                     {"label", domain::body_type_label(t)},
                     {"level", domain::body_type_level(t)},
                     {"child_types", std::move(children)}});
  }
  return {{"version", JINGUO_VERSION}, {"today", today.iso()}, {"body_types", std::move(types)}};
}

}  // namespace jinguo::http::dto

namespace jinguo::http::dto {

json account(const storage::AccountRow& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"organisation_id", a.organisation_id},
          {"organisation_name", a.organisation_name},
          {"role", domain::role_code(a.role)},
          {"role_label", domain::role_label(a.role)},
          {"active", a.active},
          {"created_at", a.created_at},
          {"password_changed_at", a.password_changed_at}};
}

json session(const storage::SessionRow& s, const std::string& current_token_hash) {
  return {{"id", s.public_id},
          {"created_at", services::iso_of_unix(s.created_at)},
          {"last_seen_at", services::iso_of_unix(s.last_seen_at)},
          {"expires_at", services::iso_of_unix(s.expires_at)},
          {"absolute_expires_at", services::iso_of_unix(s.absolute_expires_at)},
          {"address", nullable(s.address)},
          {"user_agent", nullable(s.user_agent)},
          {"current", s.token_hash == current_token_hash}};
}

json audit_record(const storage::StoredAuditEvent& e) {
  json changes = json::parse(e.event.changes, nullptr, false);
  if (changes.is_discarded()) changes = json::object();
  return {{"id", e.id},
          {"at", e.event.at},
          {"actor", e.event.actor},
          {"account_id", nullable(e.event.account_id)},
          {"address", nullable(e.event.address)},
          {"action", e.event.action},
          {"entity", e.event.entity},
          {"entity_id", e.event.entity_id},
          {"organisation_id", nullable(e.event.organisation_id)},
          {"organisation_name", nullable(e.organisation_name)},
          {"person_id", nullable(e.event.person_id)},
          {"changes", std::move(changes)}};
}

}  // namespace jinguo::http::dto
