#pragma once
// The JSON API's plumbing: a route is a function from a request to a Reply; every
// exception is turned into the error body in one place (error_mapping.cpp).
#include <functional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::http {

struct Reply {
  int status = 200;
  nlohmann::json body;
};

using Handler = std::function<Reply(const httplib::Request&, const services::Actor&)>;

// The error body and status for an exception (DomainError or anything else).
Reply error_reply(const std::exception_ptr& error, const httplib::Request& req);
Reply error_reply(const domain::DomainError& e);
int status_of(domain::ErrorKind kind);

class Api {
 public:
  explicit Api(httplib::Server& server) : server_(server) {}
  void get(const std::string& pattern, Handler h);
  void post(const std::string& pattern, Handler h);
  void patch(const std::string& pattern, Handler h);

 private:
  httplib::Server::Handler wrap(Handler h);
  httplib::Server& server_;
};

void add_organisation_routes(Api& api, services::Registry& registry);
void add_people_routes(Api& api, services::Registry& registry);
void add_position_routes(Api& api, services::Registry& registry);
void add_dictionary_routes(Api& api, services::Registry& registry);
void add_meta_routes(Api& api, services::Registry& registry, storage::Database& db);

}  // namespace jinguo::http
