#include "domain/staffing/rule_set.h"

#include <algorithm>
#include <set>

#include "domain/error.h"

namespace jinguo::domain::staffing {

namespace {

struct BuiltinRole {
  std::string_view code;
  std::string_view label;
  std::string_view body_types;
  std::string_view label_en;
};

// The role rows of migration 0002, in roster order.
constexpr BuiltinRole kBuiltinRoles[] = {
    {"chair", "主席", "city,district,county,county_city,street,township,community,village", "Chair"},
    {"vice_chair", "副主席", "city,district,county,county_city,street,township,community,village", "Vice-chair"},
    {"standing", "常委", "city,district,county,county_city", "Standing committee member"},
    {"executive", "执委", "city,district,county,county_city,street,township,community,village", "Executive committee member"},
    {"director", "主任", "village_congress", "Director"},
    {"deputy_director", "副主任", "village_congress", "Deputy director"},
    {"member", "委员", "village_congress", "Member"},
};

const DictionaryEntry* find_role(const std::vector<DictionaryEntry>& roles, std::string_view code) {
  for (const DictionaryEntry& e : roles)
    if (e.kind == DictionaryKind::kRole && e.code == code)
      return &e;
  return nullptr;
}

std::string body_label(std::string_view code) {
  auto type = body_type_from_code(code);
  return type ? std::string(body_type_label(*type)) : std::string(code);
}

// One rule set being validated: builds the field path and message of each refusal.
class Validator {
 public:
  Validator(const RuleSet& set, const std::vector<DictionaryEntry>& roles) : set_(set), roles_(roles) {}

  void run() {
    validate_own_fields();
    std::set<std::string> seen;
    for (const BodyTypeRules& rules : set_.rules_by_type) {
      if (!body_type_from_code(rules.body_type))
        fail("rule_unknown_body_type", "rules." + rules.body_type + ".body_type",
             "未知的组织类型“" + rules.body_type + "”", "unknown body type '" + rules.body_type + "'");
      if (!seen.insert(rules.body_type).second)
        fail("rule_duplicate_body_type", "rules." + rules.body_type,
             body_label(rules.body_type) + "的规则重复出现",
             "body type '" + rules.body_type + "' has two rules");
      validate_body_type(rules);
    }
    for (std::size_t i = 0; i < set_.seat_rules.size(); ++i)
      validate_seat(set_.seat_rules[i], i);
  }

 private:
  [[noreturn]] void fail(std::string code, std::string field, const std::string& zh,
                         const std::string& en) const {
    throw invalid(std::move(code), field, "规则集“" + set_.name + "”：" + zh + "（" + field + "）",
                  "rule set '" + set_.code + "': " + en + " (" + field + ")");
  }

  void validate_own_fields() const {
    try {
      validate_dictionary_code(set_.code);
    } catch (const DomainError& e) {
      throw invalid("rule_set_code", "code", "规则集代码：" + e.message_zh(),
                    "rule set code: " + e.message_en());
    }
    try {
      validate_dictionary_label("name", set_.name, true);
    } catch (const DomainError& e) {
      throw invalid("rule_set_name", "name", "规则集名称：" + e.message_zh(),
                    "rule set name: " + e.message_en());
    }
    if (set_.version < 1)
      throw invalid("rule_set_version", "version", "规则集版本号必须是正整数",
                    "the version must be a positive number");
  }

  void check_range(const std::string& field, const std::string& what_zh, int min,
                   const std::optional<int>& max) const {
    if (min < 0 || (max && *max < 0))
      fail("rule_negative", field, what_zh + "人数不能为负数", "a count is negative");
    if (max && min > *max)
      fail("rule_min_above_max", field,
           what_zh + "最少 " + std::to_string(min) + " 人，却最多 " + std::to_string(*max) + " 人",
           "minimum " + std::to_string(min) + " is above maximum " + std::to_string(*max));
  }

  void check_known_role(const std::string& field, const std::string& role) const {
    if (!find_role(roles_, role))
      fail("rule_unknown_role", field, "未知的职务“" + role + "”", "unknown role '" + role + "'");
  }

  void validate_body_type(const BodyTypeRules& rules) const {
    const std::string base = "rules." + rules.body_type;
    const std::string body = body_label(rules.body_type);
    const BodyType type = *body_type_from_code(rules.body_type);
    check_range(base + ".total", body + "总", rules.total_min, rules.total_max);

    std::set<std::string> counted;
    int sum_of_minimums = 0;
    for (const RoleCount& rc : rules.role_counts) {
      const std::string field = base + ".role_counts." + rc.role;
      check_known_role(field, rc.role);
      if (!counted.insert(rc.role).second)
        fail("rule_duplicate_role", field, body + "的" + role_label(rc.role, roles_) + "人数规定重复",
             "role '" + rc.role + "' is counted twice");
      check_range(field, body + role_label(rc.role, roles_), rc.min, rc.max);
      if (rc.min > 0 && !role_allowed_in(*find_role(roles_, rc.role), type))
        fail("rule_role_not_in_body_type", field,
             body + "不设" + role_label(rc.role, roles_) + "，却要求至少 " + std::to_string(rc.min) + " 人",
             "role '" + rc.role + "' is required but not allowed in a " + rules.body_type);
      sum_of_minimums += rc.min;
    }
    for (const std::string& role : rules.forbidden_roles) {
      const std::string field = base + ".forbidden_roles." + role;
      check_known_role(field, role);
      if (counted.count(role))
        fail("rule_role_forbidden_and_required", field,
             body + "的" + role_label(role, roles_) + "既被禁止又规定了人数",
             "role '" + role + "' is both forbidden and counted");
    }
    if (rules.total_max && sum_of_minimums > *rules.total_max)
      fail("rule_roles_exceed_total", base + ".role_counts",
           body + "各职务最少人数合计 " + std::to_string(sum_of_minimums) + " 人，超过总人数上限 " +
               std::to_string(*rules.total_max) + " 人",
           "per-role minimums add up to " + std::to_string(sum_of_minimums) + ", past the total maximum " +
               std::to_string(*rules.total_max));
  }

  void validate_seat(const SeatRule& seat, std::size_t i) const {
    const std::string base = "seat_rules." + std::to_string(i);
    auto holder_type = body_type_from_code(seat.holder_body_type);
    if (!holder_type)
      fail("rule_seat_unknown_body_type", base + ".holder_body_type",
           "未知的组织类型“" + seat.holder_body_type + "”",
           "unknown body type '" + seat.holder_body_type + "'");
    if (*holder_type == BodyType::kCity)
      fail("rule_seat_no_parent", base + ".holder_body_type", "市妇联没有上级组织，无法设置上级席位",
           "a city federation has no parent to hold a seat in");
    check_known_role(base + ".holder_role", seat.holder_role);
    check_known_role(base + ".seat_role", seat.seat_role);
    const BodyTypeRules* own = set_.rules_for(*holder_type);
    if (own && own->forbids(seat.holder_role))
      fail("rule_seat_forbidden_role", base + ".holder_role",
           body_label(seat.holder_body_type) + "不设" + role_label(seat.holder_role, roles_) +
               "，无法据此设置席位",
           "the holder role '" + seat.holder_role + "' is forbidden in a " + seat.holder_body_type);
  }

  const RuleSet& set_;
  const std::vector<DictionaryEntry>& roles_;
};

}  // namespace

const RoleCount* BodyTypeRules::role_count(std::string_view role) const {
  for (const RoleCount& rc : role_counts)
    if (rc.role == role)
      return &rc;
  return nullptr;
}

bool BodyTypeRules::forbids(std::string_view role) const {
  return std::find(forbidden_roles.begin(), forbidden_roles.end(), role) != forbidden_roles.end();
}

const BodyTypeRules* RuleSet::rules_for(BodyType type) const {
  for (const BodyTypeRules& rules : rules_by_type)
    if (rules.body_type == body_type_code(type))
      return &rules;
  return nullptr;
}

RuleSet harbin_2016_rule_set() {
  RuleSet set;
  set.code = std::string(kHarbin2016Code);
  set.name = "哈尔滨市2016年配备标准（哈妇发〔2016〕8号）";
  set.version = 1;
  auto federation = [](std::string type, int total_min, int total_max, int executive_min, int executive_max) {
    return BodyTypeRules{std::move(type),
                         total_min,
                         total_max,
                         {{"chair", 1, 1}, {"vice_chair", 2, 2}, {"executive", executive_min, executive_max}},
                         {}};
  };
  set.rules_by_type = {
      federation("township", 25, 35, 22, 32),
      federation("street", 25, 35, 22, 32),
      federation("community", 15, 25, 12, 22),
      federation("village", 15, 25, 12, 22),
      BodyTypeRules{"village_congress",
                    7,
                    13,
                    {{"director", 1, 1}, {"deputy_director", 2, 2}, {"member", 4, 10}},
                    {"chair", "vice_chair", "executive"}},
  };
  set.seat_rules = {{"village_congress", "director", "executive"}, {"community", "chair", "executive"}};
  return set;
}

std::vector<DictionaryEntry> default_role_dictionary() {
  std::vector<DictionaryEntry> out;
  int order = 0;
  for (const BuiltinRole& r : kBuiltinRoles) {
    DictionaryEntry e;
    e.kind = DictionaryKind::kRole;
    e.code = std::string(r.code);
    e.label = std::string(r.label);
    e.sort_order = (order += 10);
    e.body_types = split_codes(r.body_types);
    out.push_back(std::move(e));
  }
  return out;
}

void validate_rule_set(const RuleSet& set, const std::vector<DictionaryEntry>& roles) {
  Validator(set, roles).run();
}

std::string format_range(int min, const std::optional<int>& max) {
  if (!max)
    return "≥" + std::to_string(min);
  if (min == *max)
    return std::to_string(min);
  if (min == 0)
    return "≤" + std::to_string(*max);
  return std::to_string(min) + "–" + std::to_string(*max);
}

std::string role_label(std::string_view role, const std::vector<DictionaryEntry>& roles) {
  if (const DictionaryEntry* e = find_role(roles, role))
    return e->label;
  for (const BuiltinRole& r : kBuiltinRoles)
    if (r.code == role)
      return std::string(r.label);
  return std::string(role);
}

std::string role_noun_en(std::string_view role, int count, const std::vector<DictionaryEntry>& roles) {
  std::string label(role);
  if (const DictionaryEntry* e = find_role(roles, role); e && e->label_en && !e->label_en->empty()) {
    label = *e->label_en;
  } else {
    for (const BuiltinRole& r : kBuiltinRoles)
      if (r.code == role) label = std::string(r.label_en);
  }
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
  if (count != 1 && !label.empty() && label.back() != 's') label += 's';
  return label;
}

RuleSetSchedule::RuleSetSchedule(std::vector<ScheduleEntry> entries) : entries_(std::move(entries)) {
  std::stable_sort(entries_.begin(), entries_.end(), [](const ScheduleEntry& a, const ScheduleEntry& b) {
    return a.effective_from < b.effective_from;
  });
}

std::optional<RuleSetRef> RuleSetSchedule::rule_set_in_force_on(const Date& on) const {
  std::optional<RuleSetRef> in_force;
  for (const ScheduleEntry& e : entries_) {
    if (on < e.effective_from)
      break;
    in_force = e.rule_set;
  }
  return in_force;
}

void validate_schedule(const std::vector<ScheduleEntry>& entries, const std::vector<RuleSet>& library) {
  std::set<Date> dates;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ScheduleEntry& e = entries[i];
    const std::string base = "schedule." + std::to_string(i);
    if (!dates.insert(e.effective_from).second)
      throw invalid("schedule_duplicate_date", base + ".effective_from",
                    e.effective_from.iso() + "起已有生效的规则集",
                    "another rule set takes effect on " + e.effective_from.iso());
    bool known = std::any_of(library.begin(), library.end(),
                             [&](const RuleSet& s) { return ref_of(s) == e.rule_set; });
    if (!known)
      throw invalid("schedule_unknown_rule_set", base + ".rule_set",
                    "没有规则集“" + e.rule_set.code + "”第 " + std::to_string(e.rule_set.version) + " 版",
                    "no rule set '" + e.rule_set.code + "' version " + std::to_string(e.rule_set.version));
  }
}

RuleSet rule_set_in_force_on(const Date& on, const RuleSetSchedule& schedule,
                             const std::vector<RuleSet>& library) {
  auto ref = schedule.rule_set_in_force_on(on);
  if (!ref)
    return harbin_2016_rule_set();
  for (const RuleSet& s : library)
    if (ref_of(s) == *ref)
      return s;
  throw not_found("rule_set", "没有规则集“" + ref->code + "”第 " + std::to_string(ref->version) + " 版",
                  "no rule set '" + ref->code + "' version " + std::to_string(ref->version));
}

}  // namespace jinguo::domain::staffing
