// The running counts an import judges appointments with (domain/staffing/running_body.h) give
// the same refusals, word for word, as judging the whole body again (findings_if_appointed),
// on generated sequences of appointments: new people and people already there, every role,
// bodies filled past their maxima, forbidden roles, sets with and without maxima.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/staffing/check.h"
#include "domain/staffing/rule_set.h"
#include "domain/staffing/running_body.h"

using namespace jinguo::domain;
using namespace jinguo::domain::staffing;

namespace {

const std::vector<std::string> kRoles = {"chair", "vice_chair", "standing", "executive",
                                         "director", "deputy_director", "member"};

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += f.rule + " " + std::string(finding_kind_code(f.kind)) + " " + std::string(severity_code(f.severity)) + " " +
           std::to_string(f.actual) + " " + f.message_zh + " / " + f.message_en + " / " + f.advice_zh + "\n";
  return out;
}

// A set with small maxima everywhere and a role both counted elsewhere and forbidden here, so
// that a short sequence passes them.
RuleSet tight_rule_set() {
  RuleSet set = harbin_2016_rule_set();
  set.code = "tight";
  for (auto& rules : set.rules_by_type) {
    rules.total_max = 4;
    for (auto& rc : rules.role_counts) rc.max = rc.min + 1;
  }
  set.rules_by_type.push_back(BodyTypeRules{"district", 0, std::nullopt, {{"standing", 0, 2}}, {"member"}});
  return set;
}

void run_sequences(const RuleSet& set, BodyType type, unsigned seed) {
  std::mt19937 random(seed);
  for (int sequence = 0; sequence < 40; ++sequence) {
    BodySnapshot start;
    start.id = 7;
    start.type = type;
    start.on = Date(2016, 7, 1);
    const int people = 3 + static_cast<int>(random() % 40);  // few: the same woman comes back
    for (int i = static_cast<int>(random() % 30); i > 0; --i)
      start.positions.push_back({static_cast<PersonId>(1 + random() % people), kRoles[random() % kRoles.size()],
                                 static_cast<PositionId>(100 + i)});
    BodySnapshot whole = start;  // judged whole each time, as before
    RunningBody running(start);
    for (int step = 0; step < 60; ++step) {
      const std::string role = kRoles[random() % kRoles.size()];
      // now and then a stand-in id of someone new to the registry (negative, as an import's)
      const PersonId person = random() % 5 == 0 ? -static_cast<PersonId>(1 + random() % 8)
                                                : static_cast<PersonId>(1 + random() % people);
      const auto expected = findings_if_appointed(set, whole, role, person);
      const auto got = running.refusals(set, role, person);
      ASSERT_EQ(describe(got), describe(expected))
          << body_type_code(type) << " sequence " << sequence << " step " << step << ": " << role << " for " << person;
      if (random() % 4 != 0) {  // most are accepted (some past a maximum, as an override does)
        whole.positions.push_back({person, role, 0});
        running.add(person, role);
      }
    }
    EXPECT_EQ(running.snapshot().positions.size(), whole.positions.size());
  }
}


TEST(RunningBodyTest, RefusesExactlyAsJudgingTheWholeBodyUnderTheHarbinRules) {
  const RuleSet set = harbin_2016_rule_set();
  unsigned seed = 2016;
  for (auto type : {BodyType::kTownship, BodyType::kStreet, BodyType::kCommunity, BodyType::kVillage,
                    BodyType::kVillageCongress, BodyType::kDistrict, BodyType::kCity})
    run_sequences(set, type, ++seed);
}

TEST(RunningBodyTest, RefusesExactlyAsJudgingTheWholeBodyUnderTightMaximaAndForbiddenRoles) {
  const RuleSet set = tight_rule_set();
  unsigned seed = 61;
  for (auto type : {BodyType::kTownship, BodyType::kCommunity, BodyType::kVillageCongress, BodyType::kDistrict})
    run_sequences(set, type, ++seed);
}

TEST(RunningBodyTest, ABodyFullToItsMaximumRefusesANewcomerButNotOneAlreadyThere) {
  const RuleSet set = harbin_2016_rule_set();
  BodySnapshot s;
  s.id = 1;
  s.type = BodyType::kVillageCongress;
  s.on = Date(2016, 7, 1);
  for (PersonId p = 1; p <= 10; ++p) s.positions.push_back({p, "member", p});
  RunningBody body(s);
  EXPECT_TRUE(body.refusals(set, "member", 3).empty());  // she is counted already
  const auto refused = body.refusals(set, "member", 11);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].rule, "rules.village_congress.role_counts.member");
  EXPECT_EQ(refused[0].actual, 11);
  EXPECT_FALSE(body.refusals(set, "chair", 3).empty());  // forbidden in a 妇代会
}

}  // namespace
