#include "services/rule_set_json.h"

#include <algorithm>
#include <initializer_list>

#include "domain/error.h"

namespace jinguo::services {

namespace {

using domain::staffing::BodyTypeRules;
using domain::staffing::RoleCount;
using domain::staffing::RuleSet;
using domain::staffing::SeatRule;
using Json = nlohmann::ordered_json;

domain::DomainError wrong_type(const std::string& path, const char* zh, const char* en) {
  return domain::malformed("wrong_type", path, "字段" + path + "应为" + zh, "field " + path + " must be " + en);
}

std::string join(const std::string& base, const std::string& key) { return base.empty() ? key : base + "." + key; }

void require_object(const Json& j, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!j.is_object()) throw wrong_type(path.empty() ? "" : path, "对象", "an object");
  for (const auto& [key, v] : j.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      throw domain::malformed("unknown_field", join(path, key), "未知字段：" + join(path, key),
                              "unknown field: " + join(path, key));
}

const Json* member(const Json& j, const std::string& key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const Json& j, const std::string& key, const std::string& path, bool required) {
  const Json* v = member(j, key);
  if (!v) {
    if (required)
      throw domain::invalid("required", join(path, key), "请填写" + join(path, key), join(path, key) + " is required");
    return "";
  }
  if (!v->is_string()) throw wrong_type(join(path, key), "字符串", "a string");
  return v->get<std::string>();
}

// A count: an integer of a sane size (a negative one is left to validate_rule_set to name).
int count(const Json& v, const std::string& path) {
  constexpr std::int64_t kLimit = 1000000;
  bool ok = v.is_number_integer() &&
            (v.is_number_unsigned() ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(kLimit)
                                    : v.get<std::int64_t>() >= -kLimit && v.get<std::int64_t>() <= kLimit);
  if (!ok) throw wrong_type(path, "整数", "an integer");
  return static_cast<int>(v.get<std::int64_t>());
}

// {"min": 1, "max": 2}: min defaults to 0, max to none.
std::pair<int, std::optional<int>> range(const Json& j, const std::string& path) {
  require_object(j, path, {"min", "max"});
  int min = 0;
  std::optional<int> max;
  if (const Json* v = member(j, "min")) min = count(*v, path + ".min");
  if (const Json* v = member(j, "max")) max = count(*v, path + ".max");
  return {min, max};
}

Json range_json(int min, const std::optional<int>& max) {
  return Json{{"min", min}, {"max", max ? Json(*max) : Json(nullptr)}};
}

BodyTypeRules body_type_rules(const std::string& type, const Json& j, const std::string& path) {
  require_object(j, path, {"total", "role_counts", "forbidden_roles"});
  BodyTypeRules rules;
  rules.body_type = type;
  if (const Json* total = member(j, "total")) {
    auto [min, max] = range(*total, path + ".total");
    rules.total_min = min;
    rules.total_max = max;
  }
  if (const Json* counts = member(j, "role_counts")) {
    if (!counts->is_object()) throw wrong_type(path + ".role_counts", "对象", "an object");
    for (const auto& [role, v] : counts->items()) {
      auto [min, max] = range(v, path + ".role_counts." + role);
      rules.role_counts.push_back(RoleCount{role, min, max});
    }
  }
  if (const Json* forbidden = member(j, "forbidden_roles")) {
    if (!forbidden->is_array()) throw wrong_type(path + ".forbidden_roles", "数组", "an array");
    for (std::size_t i = 0; i < forbidden->size(); ++i) {
      const Json& role = (*forbidden)[i];
      if (!role.is_string())
        throw wrong_type(path + ".forbidden_roles." + std::to_string(i), "字符串", "a string");
      rules.forbidden_roles.push_back(role.get<std::string>());
    }
  }
  return rules;
}

}  // namespace

RuleSet rule_set_from_text(std::string_view text_of_set) {
  Json j = Json::parse(text_of_set, nullptr, false);
  if (j.is_discarded())
    throw domain::malformed("malformed_json", "", "规则集不是有效的JSON", "the rule set is not valid JSON");
  return rule_set_from_json(j);
}

RuleSet rule_set_from_json(const Json& j) {
  // created_at / created_by: what a GET answers, accepted back and ignored.
  require_object(j, "", {"code", "name", "version", "rules", "seat_rules", "created_at", "created_by"});
  RuleSet set;
  set.code = text(j, "code", "", true);
  set.name = text(j, "name", "", true);
  if (const Json* v = member(j, "version")) set.version = count(*v, "version");
  if (const Json* rules = member(j, "rules")) {
    if (!rules->is_object()) throw wrong_type("rules", "对象", "an object");
    for (const auto& [type, v] : rules->items()) set.rules_by_type.push_back(body_type_rules(type, v, "rules." + type));
  }
  if (const Json* seats = member(j, "seat_rules")) {
    if (!seats->is_array()) throw wrong_type("seat_rules", "数组", "an array");
    for (std::size_t i = 0; i < seats->size(); ++i) {
      const std::string path = "seat_rules." + std::to_string(i);
      const Json& s = (*seats)[i];
      require_object(s, path, {"holder_body_type", "holder_role", "seat_role"});
      set.seat_rules.push_back(SeatRule{text(s, "holder_body_type", path, true), text(s, "holder_role", path, true),
                                        text(s, "seat_role", path, true)});
    }
  }
  return set;
}

Json rule_set_to_json(const RuleSet& set) {
  Json rules = Json::object();
  for (const BodyTypeRules& r : set.rules_by_type) {
    Json counts = Json::object();
    for (const RoleCount& rc : r.role_counts) counts[rc.role] = range_json(rc.min, rc.max);
    rules[r.body_type] = Json{{"total", range_json(r.total_min, r.total_max)},
                              {"role_counts", std::move(counts)},
                              {"forbidden_roles", r.forbidden_roles}};
  }
  Json seats = Json::array();
  for (const SeatRule& s : set.seat_rules)
    seats.push_back(Json{{"holder_body_type", s.holder_body_type}, {"holder_role", s.holder_role},
                         {"seat_role", s.seat_role}});
  return Json{{"code", set.code}, {"name", set.name}, {"version", set.version}, {"rules", std::move(rules)},
              {"seat_rules", std::move(seats)}};
}

}  // namespace jinguo::services
