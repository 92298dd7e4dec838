#include "http/nomination_dto.h"

#include "domain/access/masking.h"
#include "domain/id_number.h"
#include "http/dto.h"

namespace jinguo::http::dto {

namespace {

using namespace domain::selection;

// Personal data masked in every answer, as people's; in full only when revealed.
void nomination_fields(JsonWriter& w, const storage::NominationRow& row, bool full) {
  const auto& n = row.nomination;
  const std::string id_masked = domain::mask_id_number(n.id_number);
  const auto mobile_masked = domain::mask_optional_phone(n.mobile);
  w.field("id", n.id)
      .field("organisation_id", n.organisation_id)
      .field("organisation_name", row.organisation_name)
      .field("organisation_type", domain::body_type_code(row.organisation_type))
      .field("role", n.role)
      .field("role_label", row.role_label)
      .field("channel", channel_code(n.channel))
      .field("channel_label", channel_label(n.channel))
      .field("nominated_by", n.nominated_by)
      .field("name", n.name)
      .field("id_number", full ? n.id_number : id_masked)
      .field("id_number_masked", id_masked)
      .field("mobile", full ? n.mobile : mobile_masked)
      .field("mobile_masked", mobile_masked)
      .field("statement", n.statement)
      .field("step", step_code(n.step))
      .field("step_label", step_label(n.step))
      .field("final", is_final(n.step))
      .field("manner", n.manner)
      .field("manner_label", row.manner_label)
      .field("registered", n.person_id.has_value())
      .field("created_at", row.created_at)
      .field("created_by", row.created_by)
      .field("notice_id", row.notice_id)
      .field("updated_at", row.updated_at);
}

}  // namespace

void nomination(JsonWriter& w, const storage::NominationRow& row) {
  w.object([&] { nomination_fields(w, row, false); });
}

void nomination_detail(JsonWriter& w, const services::NominationDetail& d) {
  w.object([&] {
    nomination_fields(w, d.row, d.full);
    w.field("person_id", d.person_id);
    current_positions(w.key("current_positions"), d.current_positions);
    w.key("steps").array(d.steps, [&](const storage::NominationStepRow& s) {
      const auto& r = s.record;
      w.begin_object()
          .field("id", s.id)
          .field("event", event_code(r.event))
          .field("from_step", step_code(r.from))
          .field("to_step", step_code(r.to))
          .field("to_step_label", step_label(r.to))
          .field("passed", r.passed)
          .field("manner", r.manner)
          .field("note", r.note)
          .field("done_by", s.done_by)
          .field("done_at", s.done_at)
          .end_object();
    });
    w.key("next_events").array(possible_events(d.row.nomination.step), [&](Event e) { w.value(event_code(e)); });
  });
}

}  // namespace jinguo::http::dto
