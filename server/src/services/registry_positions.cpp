#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/dictionary_checks.h"
#include "services/registry.h"
#include "services/staffing.h"
#include "storage/compliance_queries.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::DictionaryKind;

storage::PositionRow load(const storage::ReadTx& tx, const domain::Scope& scope, domain::PositionId id) {
  auto row = storage::PositionRepository(tx).find(scope, id);
  if (!row) throw domain::not_found("id", "职务不存在", "no such position");
  return *row;
}

ChangeSet diff(const domain::Position& a, const domain::Position& b) {
  ChangeSet c;
  c.add("role", a.role, b.role).add("manner", a.manner, b.manner).add("source", a.source, b.source)
      .add("start_on", a.start_on, b.start_on).add("end_on", a.end_on, b.end_on)
      .add("end_reason", a.end_reason, b.end_reason).add("notes", a.notes, b.notes);
  return c;
}

}  // namespace

Appointment Registry::Appoint(const Actor& actor, const NewPosition& input) {
  Date today = today_();
  domain::validate_start(input.start_on, today);
  if (input.notes) domain::validate_free_text("notes", *input.notes, 1000);
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::PersonRepository people(tx);
    domain::PersonId person_id = input.person_id;
    if (input.id_number) {  // knowing the full ID number names a person registered anywhere
      auto id = people.find_by_id_number(domain::parse_id_number(*input.id_number, today).value);
      if (!id) throw domain::not_found("id_number", "没有该身份证号的人员", "no person has this ID number");
      person_id = *id;
    } else if (!people.find(actor.scope, person_id)) {
      throw domain::not_found("person_id", "人员不存在", "no such person");
    }
    auto organisation = storage::OrganisationRepository(tx).find(actor.scope, input.organisation_id, today);
    if (!organisation) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    if (!organisation->organisation.is_open())
      throw domain::invalid("organisation_closed", "organisation_id", "该组织已撤销，不能任命",
                            "the organisation is closed");
    require_role_in(tx, input.role, organisation->organisation);
    require_entry(tx, DictionaryKind::kManner, input.manner, "manner");
    if (input.source) require_entry(tx, DictionaryKind::kSource, *input.source, "source");
    const auto& body = organisation->organisation;
    AppointmentCheck staffing = check_appointment(
        tx, {body.id, body.type, body.parent_id, input.role, person_id, input.start_on, input.override_reason,
             input.may_override && is_administrator(actor)});
    domain::Position p;
    p.person_id = person_id;
    p.organisation_id = input.organisation_id;
    p.role = input.role;
    p.manner = input.manner;
    p.source = input.source;
    p.start_on = input.start_on;
    if (input.notes && !domain::trim(*input.notes).empty()) p.notes = std::string(domain::trim(*input.notes));
    auto id = storage::PositionRepository(tx).insert(p, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.created("person_id", p.person_id).created("organisation_id", p.organisation_id).created("role", p.role)
        .created("manner", p.manner).created("source", p.source).created("start_on", p.start_on)
        .created("notes", p.notes);
    record_override(changes, staffing.overridden, input.override_reason);
    record_audit(tx, actor, {"create", "position", std::to_string(id), p.organisation_id, p.person_id}, changes);
    Appointment out{load(tx, actor.scope, id), std::move(staffing.warnings), std::move(staffing.overridden)};
    return out;
  });
}

EndedPosition Registry::EndPosition(const Actor& actor, domain::PositionId id, Date end_on,
                                    const std::string& reason) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id);
    domain::validate_ending(row.position, end_on, reason);
    std::string why(domain::trim(reason));
    storage::PositionRepository(tx).end(id, end_on, why, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.add("end_on", row.position.end_on, std::optional(end_on))
        .add("end_reason", row.position.end_reason, std::optional(why));
    record_audit(tx, actor, {"end", "position", std::to_string(id), row.position.organisation_id,
                             row.position.person_id},
                 changes);
    EndedPosition out{load(tx, actor.scope, id), std::nullopt, false};
    if (auto body = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(), out.position.organisation_id,
                                                             end_on)) {
      if (auto seat = seat_left_behind(tx, actor.scope, out.position, body->organisation.type,
                                       body->organisation.parent_id)) {
        out.seat_above = std::move(seat->position);
        out.seat_may_end = seat->may_end;
      }
    }
    return out;
  });
}

Appointment Registry::CorrectPosition(const Actor& actor, domain::PositionId id, const PositionCorrectionInput& input) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id);  // outside the subtree: not found, whatever the body says
    std::string reason = domain::validate_correction_reason(input.reason);
    const domain::Position& before = row.position;
    domain::Position after = domain::corrected(before, input.changes, today);
    ChangeSet changes = diff(before, after);
    if (changes.empty()) return Appointment{std::move(row), {}, {}};
    auto organisation = storage::OrganisationRepository(tx).find(actor.scope, before.organisation_id, today);
    if (!organisation) throw domain::not_found("id", "职务不存在", "no such position");
    const auto& body = organisation->organisation;
    if (after.role != before.role) require_role_in(tx, after.role, body);
    if (after.manner != before.manner) require_entry(tx, DictionaryKind::kManner, after.manner, "manner");
    if (after.source && after.source != before.source) require_entry(tx, DictionaryKind::kSource, *after.source, "source");
    // Judged as an appointment on every day it newly covers, itself not counted as it was.
    std::vector<Date> moments = storage::ComplianceQueries(tx).start_days(body.id);
    for (const Date& d : rule_set_changes(tx)) moments.push_back(d);
    AppointmentTry attempt{body.id, body.type, body.parent_id, after.role, after.person_id, after.start_on,
                           input.override_reason, input.may_override && is_administrator(actor)};
    attempt.replacing = id;
    attempt.days = domain::dates_to_judge(domain::newly_covered(before, after), moments);
    AppointmentCheck staffing = check_appointment(tx, attempt);
    storage::PositionRepository(tx).update(after, domain::utc_timestamp_now());
    changes.created("reason", reason);
    record_override(changes, staffing.overridden, input.override_reason);
    record_audit(tx, actor, {"correct", "position", std::to_string(id), before.organisation_id, before.person_id},
                 changes);
    return Appointment{load(tx, actor.scope, id), std::move(staffing.warnings), std::move(staffing.overridden)};
  });
}

void Registry::DeletePosition(const Actor& actor, domain::PositionId id, const std::string& reason) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id);
    std::string why = domain::validate_correction_reason(reason);
    domain::validate_deletion(row.created_at, today);
    const domain::Position& p = row.position;
    storage::PositionRepository(tx).remove(id);
    ChangeSet changes;
    changes.removed("person_id", p.person_id).removed("organisation_id", p.organisation_id).removed("role", p.role)
        .removed("manner", p.manner).removed("source", p.source).removed("start_on", p.start_on)
        .removed("end_on", p.end_on).removed("end_reason", p.end_reason).removed("notes", p.notes)
        .removed("created_at", row.created_at)
        .created("reason", why);
    record_audit(tx, actor, {"delete", "position", std::to_string(id), p.organisation_id, p.person_id}, changes);
  });
}

storage::PositionRow Registry::Position(const Actor& actor, domain::PositionId id) {
  return db_.read([&](storage::ReadTx& tx) { return load(tx, actor.scope, id); });
}

std::vector<domain::DictionaryEntry> Registry::Dictionary(std::optional<DictionaryKind> kind) {
  return db_.read([&](storage::ReadTx& tx) { return storage::DictionaryRepository(tx).list(kind); });
}

namespace {

void validate_entry(const domain::DictionaryEntry& e) {
  domain::validate_dictionary_label("label", e.label, true);
  if (e.label_en) domain::validate_dictionary_label("label_en", *e.label_en, false);
  if (e.short_label) domain::validate_dictionary_label("short_label", *e.short_label, false);
  if (e.body_types) {
    if (e.kind != DictionaryKind::kRole)
      throw domain::invalid("body_types_not_allowed", "body_types", "只有职务可以限定组织类型",
                            "only roles have body types");
    domain::validate_body_types(*e.body_types);
  }
}

ChangeSet diff(const domain::DictionaryEntry& a, const domain::DictionaryEntry& b) {
  ChangeSet c;
  c.add("label", a.label, b.label).add("label_en", a.label_en, b.label_en).add("short_label", a.short_label, b.short_label)
      .add("sort_order", a.sort_order, b.sort_order).add("active", a.active, b.active)
      .add("body_types", a.body_types, b.body_types);
  return c;
}

std::string entry_key(const domain::DictionaryEntry& e) {
  return std::string(domain::dictionary_kind_code(e.kind)) + "/" + e.code;
}

}  // namespace

domain::DictionaryEntry Registry::AddDictionaryEntry(const Actor& actor, const domain::DictionaryEntry& entry) {
  domain::require(actor.role, domain::Permission::kManageDictionaries);
  domain::validate_dictionary_code(entry.code);
  validate_entry(entry);
  return db_.write([&](storage::WriteTx& tx) {
    storage::DictionaryRepository repo(tx);
    if (repo.find(entry.kind, entry.code))
      throw domain::conflict("code_taken", "code", "该代码已存在", "the code exists");
    repo.insert(entry);
    record_audit(tx, actor, {"create", "dictionary_entry", entry_key(entry), std::nullopt},
                 diff(domain::DictionaryEntry{entry.kind, entry.code, "", {}, {}, 0, false, {}}, entry));
    return *repo.find(entry.kind, entry.code);
  });
}

domain::DictionaryEntry Registry::UpdateDictionaryEntry(const Actor& actor, DictionaryKind kind, const std::string& code,
                                                        const DictionaryChanges& changes) {
  domain::require(actor.role, domain::Permission::kManageDictionaries);
  return db_.write([&](storage::WriteTx& tx) {
    storage::DictionaryRepository repo(tx);
    auto before = repo.find(kind, code);
    if (!before) throw domain::not_found("code", "字典条目不存在", "no such dictionary entry");
    domain::DictionaryEntry after = *before;
    if (changes.label) after.label = std::string(domain::trim(*changes.label));
    if (changes.label_en) after.label_en = *changes.label_en;
    if (changes.short_label) after.short_label = *changes.short_label;
    if (changes.sort_order) after.sort_order = *changes.sort_order;
    if (changes.active) after.active = *changes.active;
    if (changes.body_types) after.body_types = *changes.body_types;
    validate_entry(after);
    auto change_set = diff(*before, after);
    if (!change_set.empty()) {
      repo.update(after);
      record_audit(tx, actor, {"update", "dictionary_entry", entry_key(after), std::nullopt}, change_set);
    }
    return after;
  });
}

}  // namespace jinguo::services
