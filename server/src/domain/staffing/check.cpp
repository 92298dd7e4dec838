#include "domain/staffing/check.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/person.h"
#include "domain/text.h"

namespace jinguo::domain::staffing {

namespace {

int distinct_people(const std::vector<HeldPosition>& positions, std::optional<std::string_view> role,
                    std::vector<PersonId>& people) {
  // A body holds tens of positions: a sorted small vector (one for the whole check), not a
  // node per person.
  people.clear();
  for (const HeldPosition& p : positions)
    if (!role || p.role == *role)
      people.push_back(p.person_id);
  std::sort(people.begin(), people.end());
  return static_cast<int>(std::unique(people.begin(), people.end()) - people.begin());
}

bool in_range(int actual, int min, const std::optional<int>& max) { return actual >= min && (!max || actual <= *max); }

bool holds(const std::vector<HeldPosition>& positions, PersonId person, std::string_view role) {
  return std::any_of(positions.begin(), positions.end(),
                     [&](const HeldPosition& p) { return p.person_id == person && p.role == role; });
}

// "应为 22–32 人", "应为 1 人", "应至少 3 人", "应至多 5 人"
std::string expected_zh(int min, const std::optional<int>& max) {
  if (!max)
    return "应至少 " + std::to_string(min) + " 人";
  if (min == 0 && *max > 0)
    return "应至多 " + std::to_string(*max) + " 人";
  return "应为 " + format_range(min, max) + " 人";
}

std::string person_ref(PersonId id) { return "人员 " + std::to_string(id); }
std::string person_ref_en(PersonId id) { return "person " + std::to_string(id); }

void replace_first(std::string& text, const std::string& from, const std::string& to) {
  if (auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// What a count speaks of: in Chinese for the message ("执委", "总人数") and the advice ("执委",
// "成员"), in English as a noun for n holders ("executive committee members").
struct Counted {
  std::string message_zh;
  std::string advice_zh;
  std::string (*en)(std::string_view role, int n, const std::vector<DictionaryEntry>& roles);
  std::string role;
};

std::string members_en(std::string_view, int n, const std::vector<DictionaryEntry>&) {
  return n == 1 ? "member" : "members";
}

constexpr const char* kOverrideZh = "；确需超出时，请管理员填写理由后越权任命";
constexpr const char* kOverrideEn = "; if more are truly needed, an administrator may override with a reason";

// A finding on a count: below the minimum is a warning, above the maximum an error.
std::optional<Finding> count_finding(FindingKind kind, const std::string& rule, std::optional<std::string> role,
                                     int min, const std::optional<int>& max, int actual, const Counted& what,
                                     const std::vector<DictionaryEntry>& roles, Detail detail) {
  bool short_of = actual < min;
  bool over = max && actual > *max;
  if (!short_of && !over)
    return std::nullopt;
  Finding f;
  f.kind = kind;
  f.severity = over ? Severity::kError : Severity::kWarning;
  if (detail == Detail::kFull) f.rule = rule;
  f.role = std::move(role);
  f.expected_min = min;
  f.expected_max = max;
  f.actual = actual;
  if (detail == Detail::kCounts) return f;
  f.message_zh = what.message_zh + " " + std::to_string(actual) + " 人，" + expected_zh(min, max);
  f.message_en = std::to_string(actual) + " " + what.en(what.role, actual, roles) +
                 (kind == FindingKind::kTotal ? " in total" : "") + ", expected " + format_range(min, max);
  if (over) {
    f.advice_zh = "请先结束一名" + what.advice_zh + "的任职，再任命新的" + what.advice_zh + kOverrideZh;
    f.advice_en = "End the position of one " + what.en(what.role, 1, roles) + " before appointing another" + kOverrideEn;
  } else {
    int missing = min - actual;
    f.advice_zh = "还需任命 " + std::to_string(missing) + " 名" + what.advice_zh;
    f.advice_en = "Appoint " + std::to_string(missing) + " more " + what.en(what.role, missing, roles);
  }
  return f;
}

// A former holder (the latest first) who kept the seat after leaving the office.
const HeldPosition* former_holder(const BodySnapshot& body, const SeatRule& seat) {
  for (const HeldPosition& former : body.ended_positions)
    if (former.role == seat.holder_role && !holds(body.positions, former.person_id, seat.holder_role) &&
        holds(body.parent_positions, former.person_id, seat.seat_role))
      return &former;
  return nullptr;
}

void check_seats(const RuleSet& set, const BodySnapshot& body, const std::vector<DictionaryEntry>& roles,
                 Detail detail, std::vector<Finding>& out) {
  if (!body.parent_id)
    return;  // the root, or a body whose parent is unknown: nothing to check
  for (std::size_t i = 0; i < set.seat_rules.size(); ++i) {
    const SeatRule& seat = set.seat_rules[i];
    if (seat.holder_body_type != body_type_code(body.type))
      continue;
    std::string holder_zh, seat_zh;  // built for the first finding only: most holders have their seat
    std::vector<PersonId> reported;
    for (const HeldPosition& holder : body.positions) {
      if (holder.role != seat.holder_role || holds(body.parent_positions, holder.person_id, seat.seat_role))
        continue;
      if (std::find(reported.begin(), reported.end(), holder.person_id) != reported.end())
        continue;
      reported.push_back(holder.person_id);
      if (seat_zh.empty() && detail == Detail::kFull) {
        holder_zh = std::string(body_type_label(body.type)) + role_label(seat.holder_role, roles);
        seat_zh = role_label(seat.seat_role, roles);
      }
      Finding f;
      f.kind = FindingKind::kSeat;
      f.severity = Severity::kWarning;
      f.role = seat.holder_role;
      f.expected_min = 1;
      f.expected_max = 1;
      f.actual = 0;
      f.person_id = holder.person_id;
      const HeldPosition* former = former_holder(body, seat);
      if (former) f.occupant_id = former->person_id;
      if (detail == Detail::kCounts) {
        out.push_back(std::move(f));
        continue;
      }
      f.rule = "seat_rules." + std::to_string(i);
      const std::string holder_en = role_noun_en(seat.holder_role, 1, roles);
      const std::string seat_en = role_noun_en(seat.seat_role, 1, roles);
      f.message_zh = holder_zh + "（" + person_ref(holder.person_id) + "）未担任上级组织" + seat_zh;
      f.message_en = "the " + holder_en + " (" + person_ref_en(holder.person_id) + ") holds no " + seat_en +
                     " seat in the parent body";
      f.advice_zh = "请在上级组织任命" + person_ref(holder.person_id) + "为" + seat_zh;
      f.advice_en = "Appoint " + person_ref_en(holder.person_id) + " " + seat_en + " of the parent body";
      if (former) {
        f.message_zh += "，该席位仍由前任" + role_label(seat.holder_role, roles) + "（" +
                        person_ref(former->person_id) + "）占用";
        f.message_en += "; the seat is still held by the former " + holder_en + " (" +
                        person_ref_en(former->person_id) + ")";
        f.advice_zh = "请先结束前任" + role_label(seat.holder_role, roles) + "（" + person_ref(former->person_id) +
                      "）在上级组织的" + seat_zh + "任职，再任命" + person_ref(holder.person_id);
        f.advice_en = "End the " + seat_en + " seat of the former " + holder_en + " (" +
                      person_ref_en(former->person_id) + ") in the parent body, then appoint " +
                      person_ref_en(holder.person_id);
      }
      out.push_back(std::move(f));
    }
  }
}

}  // namespace

std::string_view finding_kind_code(FindingKind kind) {
  switch (kind) {
    case FindingKind::kTotal: return "total";
    case FindingKind::kRoleCount: return "role_count";
    case FindingKind::kForbiddenRole: return "forbidden_role";
    case FindingKind::kSeat: return "seat";
  }
  return "";
}

std::string_view severity_code(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

BodySnapshot snapshot_on(const Date& on, const Organisation& body, const std::optional<Organisation>& parent,
                         const std::vector<Position>& positions) {
  BodySnapshot snap;
  snap.id = body.id;
  snap.type = body.type;
  snap.parent_id = parent ? std::optional(parent->id) : std::nullopt;
  snap.parent_type = parent ? std::optional(parent->type) : std::nullopt;
  snap.on = on;
  std::vector<const Position*> ended;
  for (const Position& p : positions) {
    HeldPosition held{p.person_id, p.role, p.id};
    if (p.organisation_id == body.id) {
      if (p.held_on(on))
        snap.positions.push_back(held);
      else if (p.end_on && *p.end_on <= on)
        ended.push_back(&p);
    } else if (parent && p.organisation_id == parent->id && p.held_on(on)) {
      snap.parent_positions.push_back(held);
    }
  }
  std::stable_sort(ended.begin(), ended.end(),
                   [](const Position* a, const Position* b) { return *a->end_on > *b->end_on; });
  for (const Position* p : ended)
    snap.ended_positions.push_back({p->person_id, p->role, p->id});
  return snap;
}

std::vector<Finding> check_body(const RuleSet& set, const BodySnapshot& body,
                                const std::vector<DictionaryEntry>& roles, Detail detail) {
  std::vector<Finding> out;
  std::vector<PersonId> people;
  people.reserve(body.positions.size());
  const bool full = detail == Detail::kFull;
  if (const BodyTypeRules* rules = set.rules_for(body.type)) {
    // The texts are built only for a count out of range (most bodies pass), and only when asked.
    const std::string base = full ? "rules." + rules->body_type : std::string();
    if (int total = distinct_people(body.positions, std::nullopt, people);
        !in_range(total, rules->total_min, rules->total_max))
      if (auto f = count_finding(FindingKind::kTotal, full ? base + ".total" : base, std::nullopt, rules->total_min,
                                 rules->total_max, total, {"总人数", "成员", members_en, ""}, roles, detail))
        out.push_back(std::move(*f));
    for (const RoleCount& rc : rules->role_counts) {
      const int actual = distinct_people(body.positions, rc.role, people);
      if (in_range(actual, rc.min, rc.max)) continue;
      const std::string label = full ? role_label(rc.role, roles) : std::string();
      if (auto f = count_finding(FindingKind::kRoleCount, full ? base + ".role_counts." + rc.role : base, rc.role,
                                 rc.min, rc.max, actual, {label, label, role_noun_en, rc.role}, roles, detail))
        out.push_back(std::move(*f));
    }
    for (const std::string& role : rules->forbidden_roles) {
      int actual = distinct_people(body.positions, role, people);
      if (actual == 0)
        continue;
      Finding f;
      f.kind = FindingKind::kForbiddenRole;
      f.severity = Severity::kError;
      f.role = role;
      f.expected_max = 0;
      f.actual = actual;
      if (!full) {
        out.push_back(std::move(f));
        continue;
      }
      f.rule = base + ".forbidden_roles." + role;
      f.message_zh = std::string(body_type_label(body.type)) + "不设" + role_label(role, roles) + "，现有 " +
                     std::to_string(actual) + " 人";
      f.message_en = "a " + std::string(body_type_label_en(body.type)) + " has no " + role_noun_en(role, 2, roles) +
                     "; " + std::to_string(actual) + " held";
      f.advice_zh = std::string(body_type_label(body.type)) + "不设" + role_label(role, roles) + "，请改选其他职务";
      f.advice_en = "A " + std::string(body_type_label_en(body.type)) + " has no " + role_noun_en(role, 2, roles) +
                    ": choose another role";
      out.push_back(std::move(f));
    }
  }
  check_seats(set, body, roles, detail, out);
  for (Finding& f : out) {
    if (full) f.rule_set = ref_of(set);
    f.organisation_id = body.id;
  }
  return out;
}

void name_people(Finding& finding, const std::map<PersonId, std::string>& names) {
  for (const auto& id : {finding.person_id, finding.occupant_id}) {
    if (!id) continue;
    auto name = names.find(*id);
    if (name == names.end()) continue;
    replace_first(finding.message_zh, person_ref(*id), name->second);
    replace_first(finding.message_en, person_ref_en(*id), name->second);
    replace_all(finding.advice_zh, person_ref(*id), name->second);
    replace_all(finding.advice_en, person_ref_en(*id), name->second);
  }
}

std::optional<std::string> seat_role_of(const RuleSet& set, BodyType body_type, std::string_view role) {
  for (const SeatRule& seat : set.seat_rules)
    if (seat.holder_body_type == body_type_code(body_type) && seat.holder_role == role) return seat.seat_role;
  return std::nullopt;
}

std::vector<Finding> findings_if_appointed(const RuleSet& set, const BodySnapshot& body,
                                           std::string_view role, PersonId person_id,
                                           const std::vector<DictionaryEntry>& roles) {
  std::vector<Finding> before = check_body(set, body, roles);
  BodySnapshot after_body = body;
  after_body.positions.push_back({person_id, std::string(role), 0});
  std::vector<Finding> refusals;
  for (Finding& f : check_body(set, after_body, roles)) {
    if (f.severity != Severity::kError || f.kind == FindingKind::kSeat)
      continue;
    bool already = std::any_of(before.begin(), before.end(), [&](const Finding& b) {
      return b.severity == Severity::kError && b.rule == f.rule && b.actual >= f.actual;
    });
    if (!already)
      refusals.push_back(std::move(f));
  }
  return refusals;
}

std::vector<Finding> enforce_appointment(const RuleSet& set, const BodySnapshot& body, std::string_view role,
                                         PersonId person_id,
                                         const std::optional<std::string>& override_reason,
                                         const std::vector<DictionaryEntry>& roles) {
  return enforce_refusals(set, findings_if_appointed(set, body, role, person_id, roles), override_reason);
}

std::vector<Finding> enforce_refusals(const RuleSet& set, std::vector<Finding> refusals,
                                      const std::optional<std::string>& override_reason) {
  if (refusals.empty())
    return refusals;
  if (!override_reason) {
    std::string zh = "不能任命：";
    std::string en =
        "appointment refused under rule set " + set.code + " v" + std::to_string(set.version) + ": ";
    for (std::size_t i = 0; i < refusals.size(); ++i) {
      zh += (i ? "；" : "") + refusals[i].message_zh;
      en += (i ? "; " : "") + refusals[i].message_en;
    }
    zh += "（规则集“" + set.name + "”）";
    throw conflict("staffing_rule_broken", refusals.front().rule, zh, en);
  }
  if (trim(*override_reason).empty())
    throw invalid("override_reason", "override_reason", "越过配备标准任命时必须说明理由",
                  "an override needs a stated reason");
  validate_free_text("override_reason", *override_reason, 200);
  return refusals;
}

}  // namespace jinguo::domain::staffing
