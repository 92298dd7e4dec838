#include "http/dto.h"

#include "domain/restructuring.h"

#include <nlohmann/json.hpp>

#include "domain/access/masking.h"

namespace jinguo::http::dto {

namespace {

std::optional<std::string> iso(const std::optional<domain::Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

std::optional<std::string> masked_phone(const std::optional<std::string>& phone) {
  return domain::mask_optional_phone(phone);
}

}  // namespace

void organisation_fields(JsonWriter& w, const storage::OrganisationRow& row) {
  const auto& o = row.organisation;
  w.field("id", o.id)
      .field("parent_id", o.parent_id)
      .field("type", domain::body_type_code(o.type))
      .field("type_label", domain::body_type_label(o.type))
      .field("name", o.name)
      .field("division_code", o.division_code)
      .field("pilot", o.pilot)
      .field("established_on", iso(o.established_on))
      .field("closed_on", iso(o.closed_on))
      .field("open", o.is_open())
      .field("depth", row.depth)
      .field("child_count", row.child_count)
      .field("member_count", row.member_count);
}

void organisation(JsonWriter& w, const storage::OrganisationRow& row) {
  w.object([&] { organisation_fields(w, row); });
}

void path(JsonWriter& w, const std::vector<storage::PathEntry>& path) {
  w.array(path, [&](const storage::PathEntry& e) {
    w.begin_object().field("id", e.id).field("name", e.name).field("type", domain::body_type_code(e.type)).end_object();
  });
}

void organisation_with_path(JsonWriter& w, const services::OrganisationDetail& d) {
  w.object([&] {
    organisation_fields(w, d.row);
    path(w.key("path"), d.path);
  });
}

void organisation_detail(JsonWriter& w, const services::OrganisationDetail& d) {
  w.object([&] {
    organisation_fields(w, d.row);
    path(w.key("path"), d.path);
    w.key("allowed_child_types").array(domain::child_types_of(d.row.organisation.type),
                                       [&](domain::BodyType t) { w.value(domain::body_type_code(t)); });
  });
}

void organisation_history(JsonWriter& w, const std::vector<storage::VersionRow>& versions) {
  w.object([&] {
    w.key("items").array(versions, [&](const storage::VersionRow& v) {
      // The first version's start is "since the beginning", not a day anyone chose.
      std::optional<domain::Date> from;
      if (v.valid_from != domain::first_version_start()) from = v.valid_from;
      w.begin_object()
          .field("valid_from", iso(from))
          .field("valid_to", iso(v.valid_to))
          .field("parent_id", v.parent_id)
          .field("parent_name", v.parent_name)
          .field("name", v.name)
          .field("type", domain::body_type_code(v.type))
          .field("type_label", domain::body_type_label(v.type))
          .end_object();
    });
  });
}

void merge_result(JsonWriter& w, const services::MergeResult& r) {
  w.object([&] {
    organisation_detail(w.key("organisation"), r.into);
    w.field("moved_children", r.moved_children)
        .field("moved_members", r.moved_members)
        .field("ended_positions", r.ended_positions);
  });
}

namespace {

// Personal data is masked in every answer; the full value only through reveal.
void person_fields(JsonWriter& w, const domain::Person& p) {
  std::string masked_id = domain::mask_id_number(p.id_number);
  auto mobile = masked_phone(p.mobile), office_phone = masked_phone(p.office_phone);
  w.field("id", p.id)
      .field("name", p.name)
      .field("id_number_masked", masked_id)
      .field("id_number", masked_id)
      .field("mobile_masked", mobile)
      .field("office_phone_masked", office_phone)
      .field("birth_date", p.birth_date.iso())
      .field("sex", domain::sex_code(p.sex))
      .field("ethnicity", p.ethnicity)
      .field("political_status", p.political_status)
      .field("education", p.education)
      .field("work_unit", p.work_unit)
      .field("job_title", p.job_title)
      .field("mobile", mobile)
      .field("office_phone", office_phone)
      .field("notes", p.notes);
}

}  // namespace

void person(JsonWriter& w, const domain::Person& p) {
  w.object([&] { person_fields(w, p); });
}

void current_positions(JsonWriter& w, const std::vector<storage::CurrentPosition>& items) {
  w.array(items, [&](const storage::CurrentPosition& c) {
    w.begin_object()
        .field("organisation_id", c.organisation_id)
        .field("organisation_name", c.organisation_name)
        .field("role_label", c.role_label)
        .end_object();
  });
}

void person_summary(JsonWriter& w, const services::PersonSummary& s) {
  w.object([&] {
    person_fields(w, s.person);
    current_positions(w.key("current_positions"), s.current_positions);
    w.key("former_positions").array(s.former_positions, [&](const storage::FormerPosition& f) {
      w.begin_object()
          .field("organisation_id", f.organisation_id)
          .field("organisation_name", f.organisation_name)
          .field("role_label", f.role_label)
          .field("end_on", f.end_on.iso())
          .end_object();
    });
  });
}

void position_fields(JsonWriter& w, const storage::PositionRow& row, const Viewer& viewer) {
  const auto& p = row.position;
  w.field("id", p.id)
      .field("person_id", p.person_id)
      .field("person_name", row.person_name)
      .field("organisation_id", p.organisation_id)
      .field("organisation_name", row.organisation_name)
      .field("role", p.role)
      .field("role_label", row.role_label)
      .field("manner", p.manner)
      .field("manner_label", row.manner_label)
      .field("source", p.source)
      .field("source_label", row.source_label)
      .field("start_on", p.start_on.iso())
      .field("end_on", iso(p.end_on))
      .field("end_reason", p.end_reason)
      .field("notes", p.notes)
      .field("current", p.held_on(viewer.today))
      .field("created_at", row.created_at)
      .field("deletable", viewer.may_write && domain::deletable_on(row.created_at, viewer.today));
}

void position(JsonWriter& w, const storage::PositionRow& row, const Viewer& viewer) {
  w.object([&] { position_fields(w, row, viewer); });
}

void person_detail(JsonWriter& w, const services::PersonDetail& d, const Viewer& viewer) {
  w.object([&] {
    person_fields(w, d.person);
    w.key("positions").array(d.positions, [&](const services::PositionDetail& p) {
      w.object([&] {
        position_fields(w, p.row, viewer);
        w.field("organisation_path", p.organisation_path);
      });
    });
  });
}

void roster(JsonWriter& w, const services::Roster& r) {
  w.begin_object().field("organisation_id", r.organisation_id).field("on", r.on.iso());
  w.key("items").array(r.items, [&](const storage::RosterRow& e) {
    const auto& p = e.row.position;
    const auto& who = e.person;
    w.begin_object()
        .field("position_id", p.id)
        .field("person_id", p.person_id)
        .field("name", who.name)
        .field("sex", domain::sex_code(who.sex))
        .field("birth_date", who.birth_date.iso())
        .field("age", domain::age_on(who.birth_date, r.on))
        .field("ethnicity", who.ethnicity)
        .field("political_status", who.political_status)
        .field("education", who.education)
        .field("work_unit", who.work_unit)
        .field("job_title", who.job_title)
        .field("mobile_masked", masked_phone(who.mobile))
        .field("role", p.role)
        .field("role_label", e.row.role_label)
        .field("manner", p.manner)
        .field("manner_label", e.row.manner_label)
        .field("source", p.source)
        .field("source_label", e.row.source_label)
        .field("start_on", p.start_on.iso())
        .field("end_on", iso(p.end_on))
        .end_object();
  });
  w.end_object();
}

void dictionary_entry(JsonWriter& w, const domain::DictionaryEntry& e) {
  w.begin_object()
      .field("code", e.code)
      .field("label", e.label)
      .field("label_en", e.label_en)
      .field("short_label", e.short_label)
      .field("sort_order", e.sort_order)
      .field("active", e.active)
      .key("body_types");
  if (e.body_types)
    w.array(*e.body_types, [&](const std::string& type) { w.value(type); });
  else
    w.value(nullptr);
  w.end_object();
}

void dictionary_entries(JsonWriter& w, const std::vector<domain::DictionaryEntry>& entries) {
  w.array(entries, [&](const domain::DictionaryEntry& e) { dictionary_entry(w, e); });
}

void dictionaries(JsonWriter& w, const std::vector<domain::DictionaryEntry>& entries) {
  w.object([&] {
    for (auto kind : domain::kAllDictionaryKinds) {
      w.key(domain::dictionary_kind_code(kind)).begin_array();
      for (const auto& e : entries)
        if (e.kind == kind) dictionary_entry(w, e);
      w.end_array();
    }
  });
}

void meta(JsonWriter& w, const domain::Date& today) {
  w.begin_object().field("version", JINGUO_VERSION).field("today", today.iso());
  w.key("body_types").array(domain::kAllBodyTypes, [&](domain::BodyType t) {
    w.begin_object()
        .field("code", domain::body_type_code(t))
        .field("label", domain::body_type_label(t))
        .field("level", domain::body_type_level(t))
        .key("child_types")
        .array(domain::child_types_of(t), [&](domain::BodyType c) { w.value(domain::body_type_code(c)); })
        .end_object();
  });
  w.end_object();
}

void account(JsonWriter& w, const storage::AccountRow& a) {
  w.begin_object()
      .field("id", a.id)
      .field("username", a.username)
      .field("organisation_id", a.organisation_id)
      .field("organisation_name", a.organisation_name)
      .field("role", domain::role_code(a.role))
      .field("role_label", domain::role_label(a.role))
      .field("active", a.active)
      .field("created_at", a.created_at)
      .field("password_changed_at", a.password_changed_at)
      .end_object();
}

void session(JsonWriter& w, const storage::SessionRow& s, const std::string& current_token_hash) {
  w.begin_object()
      .field("id", s.public_id)
      .field("created_at", services::iso_of_unix(s.created_at))
      .field("last_seen_at", services::iso_of_unix(s.last_seen_at))
      .field("expires_at", services::iso_of_unix(s.expires_at))
      .field("absolute_expires_at", services::iso_of_unix(s.absolute_expires_at))
      .field("address", s.address)
      .field("user_agent", s.user_agent)
      .field("current", s.token_hash == current_token_hash)
      .end_object();
}

void audit_record(JsonWriter& w, const services::AuditRecord& r) {
  const auto& e = r.stored;
  auto changes = nlohmann::json::parse(e.event.changes, nullptr, false);
  if (changes.is_discarded()) changes = nlohmann::json::object();
  w.begin_object()
      .field("id", e.id)
      .field("at", e.event.at)
      .field("actor", e.event.actor)
      .field("account_id", e.event.account_id)
      .field("address", e.event.address)
      .field("action", e.event.action)
      .field("entity", e.event.entity)
      .field("entity_id", e.event.entity_id)
      .field("entity_label", r.entity_label)
      .field("organisation_id", e.event.organisation_id)
      .field("organisation_name", e.organisation_name)
      .field("person_id", e.event.person_id)
      .field("person_name", r.person_name)
      .key("changes")
      .dom(changes);
  w.key("names").begin_object();
  for (const char* kind : {"organisation_id", "person_id", "account_id"}) {
    w.key(kind).begin_object();
    if (auto it = r.names.find(kind); it != r.names.end())
      for (const auto& [id, name] : it->second) w.field(std::to_string(id), name);
    w.end_object();
  }
  w.end_object().end_object();
}

void start_page(JsonWriter& w, const services::StartPage& p) {
  w.begin_object().key("organisation");
  if (p.organisation)
    w.begin_object()
        .field("id", p.organisation->id)
        .field("name", p.organisation->name)
        .field("type", domain::body_type_code(p.organisation->type))
        .end_object();
  else
    w.value(nullptr);
  w.field("today", p.today.iso());
  w.key("attention").begin_object().field("short", p.short_count).field("over", p.over_count);
  w.key("items").array(p.attention, [&](const services::Attention& a) {
    w.begin_object()
        .field("organisation_id", a.body.id)
        .field("name", a.body.name)
        .field("type_label", domain::body_type_label(a.body.type))
        .field("status", domain::staffing::compliance_status_code(a.status))
        .field("summary", a.summary_zh)
        .field("summary_en", a.summary_en)
        .end_object();
  });
  w.end_object();
  w.key("recent").array(p.recent, [&](const services::AuditRecord& r) {
    const auto& e = r.stored.event;
    w.begin_object()
        .field("at", e.at)
        .field("actor", e.actor)
        .field("action", e.action)
        .field("entity", e.entity)
        .field("entity_label", r.entity_label)
        .field("organisation_id", e.organisation_id)
        .field("organisation_name", r.stored.organisation_name)
        .field("person_id", e.person_id)
        .field("person_name", r.person_name)
        .end_object();
  });
  w.end_object();
}

void import_job(JsonWriter& w, const services::ImportJob& job) {
  w.begin_object()
      .field("id", job.id)
      .field("kind", job.kind)
      .field("state", job.state)
      .field("file_name", job.file_name)
      .field("size", job.size)
      .field("sha256", job.sha256)
      .field("organisation_id", job.organisation_id)
      .field("organisation_name", job.organisation_name);
  w.key("progress").object([&] { w.field("done", job.progress_done).field("total", job.progress_total); });
  w.key("report");
  if (job.report) w.dom(*job.report);
  else w.value(nullptr);
  w.key("error");
  if (job.error)
    w.object([&] {
      w.field("code", job.error->code).field("message", job.error->message).field("message_en", job.error->message_en);
    });
  else
    w.value(nullptr);
  w.field("created_at", job.created_at).field("updated_at", job.updated_at).end_object();
}

void import_row(JsonWriter& w, const services::ImportJobRow& row) {
  const auto& d = row.detail;
  auto dom_or = [&](const char* key, const nlohmann::json& fallback) { w.key(key).dom(d.contains(key) ? d[key] : fallback); };
  w.begin_object().field("row", row.row).field("outcome", row.outcome);
  dom_or("name", "");
  dom_or("creates_person", false);
  dom_or("person_changes", nlohmann::json::array());
  dom_or("creates_position", false);
  dom_or("organisation", nullptr);
  dom_or("role", nullptr);
  dom_or("errors", nlohmann::json::array());
  w.end_object();
}

}  // namespace jinguo::http::dto
