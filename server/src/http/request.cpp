#include "http/request.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "domain/error.h"

namespace jinguo::http {

namespace {

domain::DomainError wrong_type(const std::string& field, const char* expected_zh, const char* expected_en) {
  return domain::malformed("wrong_type", field, "字段" + field + "应为" + expected_zh,
                           "field " + field + " must be " + expected_en);
}

domain::DomainError required(const std::string& field) {
  return domain::invalid("required", field, "请填写" + field, field + " is required");
}

domain::DomainError bad_date(const std::string& field) {
  return domain::malformed("invalid_date", field, "日期格式应为YYYY-MM-DD的有效日期",
                           "a date is a real day written YYYY-MM-DD");
}

domain::DomainError bad_param(const std::string& name, const std::string& zh, const std::string& en) {
  return domain::malformed("invalid_parameter", name, zh, en);
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

JsonBody::JsonBody(const std::string& body, std::span<const std::string_view> allowed) {
  object_ = nlohmann::json::parse(body, nullptr, false);
  if (object_.is_discarded())
    throw domain::malformed("malformed_json", "", "请求内容不是有效的JSON", "the body is not valid JSON");
  if (!object_.is_object())
    throw domain::malformed("wrong_type", "", "请求内容应为JSON对象", "the body must be a JSON object");
  check_fields(allowed);
}

JsonBody::JsonBody(nlohmann::json object, std::string prefix, std::span<const std::string_view> allowed)
    : object_(std::move(object)), prefix_(std::move(prefix)) {
  check_fields(allowed);
}

void JsonBody::check_fields(std::span<const std::string_view> allowed) const {
  for (const auto& [key, v] : object_.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      throw domain::malformed("unknown_field", prefix_ + key, "未知字段：" + prefix_ + key, "unknown field: " + prefix_ + key);
}

std::vector<JsonBody> JsonBody::object_list(const std::string& field,
                                            std::initializer_list<std::string_view> allowed) const {
  const auto* v = value(field);
  if (!v) return {};
  if (!v->is_array()) throw wrong_type(prefix_ + field, "对象数组", "an array of objects");
  std::vector<JsonBody> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string at = prefix_ + field + "[" + std::to_string(i) + "]";
    if (!(*v)[i].is_object()) throw wrong_type(at, "对象", "an object");
    out.push_back(JsonBody((*v)[i], at + ".", std::span<const std::string_view>(allowed.begin(), allowed.size())));
  }
  return out;
}

const nlohmann::json* JsonBody::value(const std::string& field) const {
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> JsonBody::text(const std::string& field) const {
  const auto* v = value(field);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw wrong_type(prefix_ + field, "字符串", "a string");
  return v->get<std::string>();
}

Patch<std::string> JsonBody::nullable_text(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  return std::optional<std::optional<std::string>>(text(field));
}

std::optional<std::int64_t> JsonBody::integer(const std::string& field) const {
  const auto* v = value(field);
  if (!v) return std::nullopt;
  if (v->is_number_integer() && !(v->is_number_unsigned() &&
                                   v->get<std::uint64_t>() > static_cast<std::uint64_t>(
                                                                 std::numeric_limits<std::int64_t>::max())))
    return v->get<std::int64_t>();
  throw wrong_type(prefix_ + field, "整数", "an integer");
}

std::optional<bool> JsonBody::boolean(const std::string& field) const {
  const auto* v = value(field);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) throw wrong_type(prefix_ + field, "true或false", "true or false");
  return v->get<bool>();
}

std::optional<domain::Date> JsonBody::date(const std::string& field) const {
  const auto* v = value(field);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw wrong_type(prefix_ + field, "日期字符串", "a date string");
  auto d = domain::Date::parse(v->get<std::string>());
  if (!d) throw bad_date(prefix_ + field);
  return d;
}

Patch<domain::Date> JsonBody::nullable_date(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  return std::optional<std::optional<domain::Date>>(date(field));
}

Patch<std::vector<std::string>> JsonBody::nullable_text_list(const std::string& field) const {
  if (!has(field)) return std::nullopt;
  const auto* v = value(field);
  if (!v) return std::optional<std::optional<std::vector<std::string>>>(std::nullopt);
  if (!v->is_array()) throw wrong_type(prefix_ + field, "字符串数组", "an array of strings");
  std::vector<std::string> out;
  for (const auto& x : *v) {
    if (!x.is_string()) throw wrong_type(prefix_ + field, "字符串数组", "an array of strings");
    out.push_back(x.get<std::string>());
  }
  return std::optional<std::optional<std::vector<std::string>>>(std::move(out));
}

std::vector<std::int64_t> JsonBody::integer_list(const std::string& field) const {
  const auto* v = value(field);
  if (!v) return {};
  if (!v->is_array()) throw wrong_type(prefix_ + field, "整数数组", "an array of whole numbers");
  std::vector<std::int64_t> out;
  for (const auto& x : *v) {
    if (!x.is_number_integer()) throw wrong_type(prefix_ + field, "整数数组", "an array of whole numbers");
    out.push_back(x.get<std::int64_t>());
  }
  return out;
}

std::string JsonBody::required_text(const std::string& field) const {
  auto v = text(field);
  if (!v) throw required(prefix_ + field);
  return *v;
}

std::int64_t JsonBody::required_integer(const std::string& field) const {
  auto v = integer(field);
  if (!v) throw required(prefix_ + field);
  return *v;
}

domain::Date JsonBody::required_date(const std::string& field) const {
  auto v = date(field);
  if (!v) throw required(prefix_ + field);
  return *v;
}

std::optional<std::string> QueryParams::text(const std::string& name) const {
  if (!req_.has_param(name)) return std::nullopt;
  return req_.get_param_value(name);
}

std::optional<std::int64_t> QueryParams::id(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto v = parse_int(*t);
  if (!v || *v < 1) throw bad_param(name, "参数" + name + "应为正整数", name + " must be a positive integer");
  return v;
}

std::optional<domain::Date> QueryParams::date(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto d = domain::Date::parse(*t);
  if (!d) throw bad_date(name);
  return d;
}

std::optional<bool> QueryParams::boolean(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  if (*t == "true" || *t == "1") return true;
  if (*t == "false" || *t == "0") return false;
  throw bad_param(name, "参数" + name + "应为true或false", name + " must be true or false");
}

std::optional<domain::BodyType> QueryParams::body_type(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto type = domain::body_type_from_code(*t);
  if (!type) throw bad_param(name, "未知的组织类型：" + *t, "unknown body type: " + *t);
  return type;
}

storage::PageSpec QueryParams::page(std::initializer_list<std::string_view> sortable) const {
  storage::PageSpec spec;
  if (auto t = text("page")) {
    auto v = parse_int(*t);
    if (!v || *v < 1 || *v > 1000000) throw bad_param("page", "页码应为正整数", "page must be a positive integer");
    spec.page = static_cast<int>(*v);
  }
  if (auto t = text("page_size")) {
    auto v = parse_int(*t);
    if (!v || *v < 1 || *v > 200) throw bad_param("page_size", "每页条数应在1到200之间", "page_size is 1-200");
    spec.page_size = static_cast<int>(*v);
  }
  spec.sort = std::string(*sortable.begin());
  if (auto t = text("sort")) {
    if (std::find(sortable.begin(), sortable.end(), *t) == sortable.end())
      throw bad_param("sort", "不能按该字段排序：" + *t, "cannot sort on " + *t);
    spec.sort = *t;
  }
  if (auto t = text("order")) {
    if (*t != "asc" && *t != "desc") throw bad_param("order", "排序方向应为asc或desc", "order is asc or desc");
    spec.descending = *t == "desc";
  }
  return spec;
}

std::int64_t path_id(const httplib::Request& req, std::size_t group) {
  auto v = parse_int(req.matches[static_cast<int>(group)].str());
  if (!v) throw domain::not_found("id", "记录不存在", "no such record");
  return *v;
}

bool is_ip_address(std::string_view text) {
  if (text.empty() || text.size() > 45) return false;
  const std::string z(text);
  unsigned char bytes[16];
  return inet_pton(AF_INET, z.c_str(), bytes) == 1 || inet_pton(AF_INET6, z.c_str(), bytes) == 1;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, std::string_view real_ip,
                           const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  if (!trusted(peer)) return std::string(peer);
  std::string_view client = peer, rest = trim(forwarded_for);
  if (rest.empty()) {
    const auto named = trim(real_ip);
    return std::string(is_ip_address(named) ? named : peer);
  }
  while (trusted(client) && !rest.empty()) {
    const auto comma = rest.rfind(',');
    const auto hop = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    if (!is_ip_address(hop)) break;
    client = hop;
    rest = comma == std::string_view::npos ? std::string_view() : trim(rest.substr(0, comma));
  }
  return std::string(client);
}

services::Client client_of(const httplib::Request& req, const std::vector<std::string>& trusted_proxies) {
  services::Client client{req.remote_addr, std::nullopt};
  if (!trusted_proxies.empty())
    client.address = client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"),
                                    req.get_header_value("X-Real-IP"), trusted_proxies);
  if (req.has_header("User-Agent")) client.user_agent = req.get_header_value("User-Agent");
  return client;
}

}  // namespace jinguo::http
