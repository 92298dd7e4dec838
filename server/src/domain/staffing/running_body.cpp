#include "domain/staffing/running_body.h"

#include <algorithm>

namespace jinguo::domain::staffing {

RunningBody::RunningBody(BodySnapshot snapshot) : snapshot_(std::move(snapshot)) {
  for (const HeldPosition& p : snapshot_.positions) count(p.person_id, p.role);
}

void RunningBody::count(PersonId person_id, const std::string& role) {
  ++positions_of_[person_id];
  ++holders_[role][person_id];
}

void RunningBody::add(PersonId person_id, std::string role) {
  count(person_id, role);
  snapshot_.positions.push_back({person_id, std::move(role), 0});
}

bool RunningBody::may_refuse(const RuleSet& set, std::string_view role, PersonId person_id) const {
  const BodyTypeRules* rules = set.rules_for(snapshot_.type);
  if (!rules) return false;  // only seats, which never refuse
  const bool new_in_body = !positions_of_.contains(person_id);
  if (new_in_body && rules->total_max && static_cast<int>(positions_of_.size()) + 1 > *rules->total_max) return true;
  const auto holders = holders_.find(role);
  const int in_role = holders == holders_.end() ? 0 : static_cast<int>(holders->second.size());
  if (holders != holders_.end() && holders->second.contains(person_id)) return false;  // no count grows
  for (const RoleCount& rc : rules->role_counts)
    if (rc.role == role && rc.max && in_role + 1 > *rc.max) return true;
  return std::find(rules->forbidden_roles.begin(), rules->forbidden_roles.end(), role) !=
         rules->forbidden_roles.end();
}

std::vector<Finding> RunningBody::refusals(const RuleSet& set, std::string_view role, PersonId person_id,
                                           const std::vector<DictionaryEntry>& roles) const {
  if (!may_refuse(set, role, person_id)) return {};
  return findings_if_appointed(set, snapshot_, role, person_id, roles);
}

}  // namespace jinguo::domain::staffing
