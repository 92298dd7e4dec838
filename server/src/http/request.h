#pragma once
// Strict reading of a request: the JSON body (malformed → 400 malformed_json, a wrong
// type → 400 wrong_type, an unknown field → 400 unknown_field) and the query string
// (a bad value → 400 naming the parameter). Everything else is the use case's job.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "domain/date.h"
#include "domain/organisation.h"
#include "services/accounts.h"
#include "services/registry.h"
#include "storage/repositories.h"

namespace jinguo::http {

using services::Patch;

class JsonBody {
 public:
  // Parses the body as one JSON object whose fields are all in `allowed`.
  JsonBody(const std::string& body, std::span<const std::string_view> allowed);
  JsonBody(const std::string& body, std::initializer_list<std::string_view> allowed)
      : JsonBody(body, std::span<const std::string_view>(allowed.begin(), allowed.size())) {}

  bool has(const std::string& field) const { return object_.contains(field); }

  std::optional<std::string> text(const std::string& field) const;  // null → nullopt
  Patch<std::string> nullable_text(const std::string& field) const;
  std::optional<std::int64_t> integer(const std::string& field) const;
  std::optional<bool> boolean(const std::string& field) const;
  std::optional<domain::Date> date(const std::string& field) const;
  Patch<domain::Date> nullable_date(const std::string& field) const;
  Patch<std::vector<std::string>> nullable_text_list(const std::string& field) const;
  // An array of whole numbers (absent or null: empty).
  std::vector<std::int64_t> integer_list(const std::string& field) const;

  std::string required_text(const std::string& field) const;
  std::int64_t required_integer(const std::string& field) const;
  domain::Date required_date(const std::string& field) const;

  // An array of objects (absent or null: empty), each read as a JsonBody whose fields are all in
  // `allowed`; every error names the field where it is, as `places[1].role`.
  std::vector<JsonBody> object_list(const std::string& field, std::initializer_list<std::string_view> allowed) const;

 private:
  JsonBody(nlohmann::json object, std::string prefix, std::span<const std::string_view> allowed);
  void check_fields(std::span<const std::string_view> allowed) const;
  const nlohmann::json* value(const std::string& field) const;  // nullptr if absent or null
  nlohmann::json object_;
  std::string prefix_;  // where this object sits in the body ("places[1]."), for error fields
};

// The query string of a request.
class QueryParams {
 public:
  explicit QueryParams(const httplib::Request& req) : req_(req) {}
  std::optional<std::string> text(const std::string& name) const;
  std::optional<std::int64_t> id(const std::string& name) const;
  std::optional<domain::Date> date(const std::string& name) const;
  std::optional<bool> boolean(const std::string& name) const;
  std::optional<domain::BodyType> body_type(const std::string& name) const;
  // page, page_size (1–200), sort (one of `sortable`, first is the default), order.
  storage::PageSpec page(std::initializer_list<std::string_view> sortable) const;

 private:
  const httplib::Request& req_;
};

// The id in the path (the n-th regex group); an id too large to exist is not found.
std::int64_t path_id(const httplib::Request& req, std::size_t group = 1);

// An IPv4 or IPv6 address written as a server sees its peers.
bool is_ip_address(std::string_view text);

// The client's address: the peer's, unless the peer is one of the trusted proxies; then the
// address its X-Forwarded-For names, read from the right past the trusted proxies (what lies
// left of them is whatever the client wrote, so it is not believed), or else its X-Real-IP.
// A malformed entry stops the reading at the last proxy that is trusted.
std::string client_address(std::string_view peer, std::string_view forwarded_for, std::string_view real_ip,
                           const std::vector<std::string>& trusted_proxies);
// The address and user agent of a request: the one place the server takes them from.
services::Client client_of(const httplib::Request& req, const std::vector<std::string>& trusted_proxies);

}  // namespace jinguo::http
