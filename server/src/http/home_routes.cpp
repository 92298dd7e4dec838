#include "http/api.h"
#include "http/dto.h"

namespace jinguo::http {

void add_home_routes(Api& api, services::Home& home) {
  api.get("/api/home", [&](const httplib::Request&, const services::Actor& actor) {
    return Reply{200, json_of(dto::start_page, home.For(actor))};
  });
}

}  // namespace jinguo::http
