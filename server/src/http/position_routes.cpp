#include "http/api.h"
#include "http/dto.h"
#include "http/request.h"
#include "http/staffing_dto.h"

namespace jinguo::http {

namespace {

// A field that may be left out but not sent as null.
std::optional<std::string> not_null_text(const JsonBody& body, const std::string& field) {
  auto value = body.text(field);
  if (body.has(field) && !value)
    throw domain::invalid("required", field, "“" + field + "”不能为空", field + " cannot be null");
  return value;
}

}  // namespace

void add_position_routes(Api& api, services::Registry& registry) {
  api.get(R"(/api/positions/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::position, registry.Position(actor, path_id(req)),
                              dto::viewer_of(actor, registry.today()))};
  });

  api.post("/api/positions", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body,
                  {"person_id", "id_number", "organisation_id", "role", "manner", "source", "start_on", "notes",
                   "override_reason"});
    auto id_number = body.text("id_number");
    services::NewPosition input{id_number ? body.integer("person_id").value_or(0) : body.required_integer("person_id"),
                                body.required_integer("organisation_id"),
                                body.required_text("role"),
                                body.required_text("manner"),
                                body.text("source"),
                                body.required_date("start_on"),
                                body.text("notes"),
                                id_number};
    input.override_reason = body.text("override_reason");
    auto appointment = registry.Appoint(actor, input);
    services::FindingContext context{registry.Dictionary(domain::DictionaryKind::kRole), {}};
    return Reply{201, json_of(dto::appointment, appointment, context, dto::viewer_of(actor, registry.today()))};
  });

  api.patch(R"(/api/positions/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"reason", "start_on", "end_on", "end_reason", "role", "manner", "source", "notes",
                             "override_reason"});
    services::PositionCorrectionInput input;
    input.reason = body.text("reason").value_or("");  // required: the use case says so in words
    input.changes.start_on = body.date("start_on");
    if (body.has("start_on") && !input.changes.start_on)
      throw domain::invalid("required", "start_on", "开始日期不能为空", "start_on cannot be null");
    input.changes.end_on = body.nullable_date("end_on");
    input.changes.end_reason = body.nullable_text("end_reason");
    input.changes.role = not_null_text(body, "role");
    input.changes.manner = not_null_text(body, "manner");
    input.changes.source = body.nullable_text("source");
    input.changes.notes = body.nullable_text("notes");
    input.override_reason = body.text("override_reason");
    auto corrected = registry.CorrectPosition(actor, path_id(req), input);
    services::FindingContext context{registry.Dictionary(domain::DictionaryKind::kRole), {}};
    return Reply{200, json_of(dto::appointment, corrected, context, dto::viewer_of(actor, registry.today()))};
  });

  api.del(R"(/api/positions/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body.empty() ? "{}" : req.body, {"reason"});
    registry.DeletePosition(actor, path_id(req), body.text("reason").value_or(""));
    return Reply{200, {{"ok", true}}};
  });

  api.post(R"(/api/positions/(\d+)/end)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"end_on", "end_reason"});
    auto end_on = body.required_date("end_on");
    auto reason = body.required_text("end_reason");
    auto ended = registry.EndPosition(actor, path_id(req), end_on, reason);
    const auto viewer = dto::viewer_of(actor, registry.today());
    JsonWriter w;
    w.object([&] {
      dto::position_fields(w, ended, viewer);
      // the seat above her office carried, still held: proposed for ending too
      if (ended.seat_above) {
        w.key("seat_above").object([&] {
          dto::position_fields(w, *ended.seat_above, viewer);
          w.field("may_end", ended.seat_may_end);
        });
      } else {
        w.field("seat_above", nullptr);
      }
    });
    return Reply{200, std::move(w)};
  });
}

}  // namespace jinguo::http
