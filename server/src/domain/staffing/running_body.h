#pragma once
// One body on one day while many appointments are judged in a row (an import): its positions
// with running counts (people in the body, people per role), so that an appointment that
// cannot break a maximum is passed without judging the whole body again. Whenever one could,
// the verdict is findings_if_appointed's own, so the two always agree (unit-tested on
// generated sequences).
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/staffing/check.h"

namespace jinguo::domain::staffing {

class RunningBody {
 public:
  explicit RunningBody(BodySnapshot snapshot);

  // The refusals findings_if_appointed(set, snapshot(), role, person_id, roles) gives.
  std::vector<Finding> refusals(const RuleSet& set, std::string_view role, PersonId person_id,
                                const std::vector<DictionaryEntry>& roles = {}) const;
  // Counts an appointment from now on.
  void add(PersonId person_id, std::string role);

  const BodySnapshot& snapshot() const { return snapshot_; }

 private:
  // Whether findings_if_appointed could refuse it: a maximum the appointment would newly pass
  // (or pass further), or a forbidden role newly held. False means no refusal for certain.
  bool may_refuse(const RuleSet& set, std::string_view role, PersonId person_id) const;
  void count(PersonId person_id, const std::string& role);

  BodySnapshot snapshot_;
  std::unordered_map<PersonId, int> positions_of_;  // people in the body: positions each
  std::map<std::string, std::unordered_map<PersonId, int>, std::less<>> holders_;  // by role: people, positions each
};

}  // namespace jinguo::domain::staffing
