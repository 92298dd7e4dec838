#include "http/api.h"
#include "http/dto.h"
#include "http/request.h"
#include "http/staffing_dto.h"

namespace jinguo::http {

void add_position_routes(Api& api, services::Registry& registry) {
  api.get(R"(/api/positions/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(dto::position, registry.Position(actor, path_id(req)), registry.today())};
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
    return Reply{201, json_of(dto::appointment, appointment, context, registry.today())};
  });

  api.post(R"(/api/positions/(\d+)/end)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"end_on", "end_reason"});
    auto end_on = body.required_date("end_on");
    auto reason = body.required_text("end_reason");
    return Reply{200,
                 json_of(dto::position, registry.EndPosition(actor, path_id(req), end_on, reason), registry.today())};
  });
}

}  // namespace jinguo::http
