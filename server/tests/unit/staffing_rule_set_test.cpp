// Rule sets as data: the Harbin 2016 default, validation of sets that contradict
// themselves (each naming the rule at fault), and the schedule of sets in force.
#include <gtest/gtest.h>

#include "domain/error.h"
#include "domain/staffing/rule_set.h"

using namespace jinguo::domain;
using namespace jinguo::domain::staffing;

namespace {

BodyTypeRules& rules_of(RuleSet& set, const std::string& type) {
  for (BodyTypeRules& r : set.rules_by_type)
    if (r.body_type == type)
      return r;
  throw std::logic_error("no rules for " + type);
}

RoleCount& count_of(RuleSet& set, const std::string& type, const std::string& role) {
  for (RoleCount& rc : rules_of(set, type).role_counts)
    if (rc.role == role)
      return rc;
  throw std::logic_error("no count for " + role);
}

// The refusal validate_rule_set gives, as "code @ field"; "" when the set is valid.
std::string refusal(const RuleSet& set,
                    const std::vector<DictionaryEntry>& roles = default_role_dictionary()) {
  try {
    validate_rule_set(set, roles);
    return "";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInvalid);
    EXPECT_FALSE(e.message_zh().empty());
    if (e.field().find("rules") != std::string::npos)  // a rule, not the set's own code or name
      EXPECT_NE(e.message_zh().find(e.field()), std::string::npos)
          << "the message says where: " << e.message_zh();
    return e.code() + " @ " + e.field();
  }
}

// A 2017 county's set: 1 + 2 + 15 for villages, at least 3 vice-chairs and 25 executives for townships.
RuleSet county_2017() {
  RuleSet set = harbin_2016_rule_set();
  set.code = "county_2017";
  set.name = "某县2017年配备标准";
  count_of(set, "village", "executive") = {"executive", 15, 15};
  rules_of(set, "village").total_min = 18;
  rules_of(set, "village").total_max = 18;
  count_of(set, "township", "vice_chair") = {"vice_chair", 3, std::nullopt};
  count_of(set, "township", "executive") = {"executive", 25, std::nullopt};
  rules_of(set, "township").total_min = 29;
  rules_of(set, "township").total_max = std::nullopt;
  return set;
}

// A federation of the Harbin table: exactly one chair and two vice-chairs.
void expect_federation(const RuleSet& set, BodyType type, int total_min, int total_max, int executive_min,
                       int executive_max) {
  SCOPED_TRACE(body_type_code(type));
  const BodyTypeRules* r = set.rules_for(type);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->total_min, total_min);
  EXPECT_EQ(r->total_max, total_max);
  auto range = [&](const char* role) {
    const RoleCount* rc = r->role_count(role);
    return rc ? std::pair(rc->min, rc->max) : std::pair(-1, std::optional<int>());
  };
  EXPECT_EQ(range("chair"), std::pair(1, std::optional(1)));
  EXPECT_EQ(range("vice_chair"), std::pair(2, std::optional(2)));
  EXPECT_EQ(range("executive"), std::pair(executive_min, std::optional(executive_max)));
}

}  // namespace

TEST(StaffingRuleSet, Harbin2016IsTheTableOfThePlan) {
  RuleSet set = harbin_2016_rule_set();
  EXPECT_EQ(set.code, "harbin_2016");
  EXPECT_EQ(set.version, 1);
  EXPECT_EQ(refusal(set), "");

  expect_federation(set, BodyType::kTownship, 25, 35, 22, 32);
  expect_federation(set, BodyType::kStreet, 25, 35, 22, 32);
  expect_federation(set, BodyType::kCommunity, 15, 25, 12, 22);
  expect_federation(set, BodyType::kVillage, 15, 25, 12, 22);
  const BodyTypeRules* congress = set.rules_for(BodyType::kVillageCongress);
  ASSERT_NE(congress, nullptr);
  EXPECT_EQ(congress->total_min, 7);
  EXPECT_EQ(congress->total_max, 13);
  EXPECT_EQ(congress->role_count("member")->min, 4);
  EXPECT_EQ(congress->role_count("member")->max, 10);
  EXPECT_TRUE(congress->forbids("executive"));
  EXPECT_TRUE(congress->forbids("chair"));
  EXPECT_FALSE(congress->forbids("director"));
  for (BodyType t : {BodyType::kCity, BodyType::kDistrict, BodyType::kCounty, BodyType::kCountyCity})
    EXPECT_EQ(set.rules_for(t), nullptr) << "no numbers in the 2016 plan for " << body_type_code(t);
  ASSERT_EQ(set.seat_rules.size(), 2u);
  EXPECT_EQ(set.seat_rules[0].holder_body_type, "village_congress");
  EXPECT_EQ(set.seat_rules[0].holder_role, "director");
  EXPECT_EQ(set.seat_rules[1].holder_body_type, "community");
  EXPECT_EQ(set.seat_rules[1].seat_role, "executive");
}

TEST(StaffingRuleSet, OtherPlacesSetsAreValid) { EXPECT_EQ(refusal(county_2017()), ""); }

TEST(StaffingRuleSet, MinimumAboveMaximum) {
  RuleSet set = harbin_2016_rule_set();
  rules_of(set, "township").total_min = 36;
  EXPECT_EQ(refusal(set), "rule_min_above_max @ rules.township.total");

  set = harbin_2016_rule_set();
  count_of(set, "street", "executive") = {"executive", 33, 32};
  EXPECT_EQ(refusal(set), "rule_min_above_max @ rules.street.role_counts.executive");

  set = harbin_2016_rule_set();
  count_of(set, "village_congress", "member") = {"member", 4, 4};  // equal bounds are fine
  EXPECT_EQ(refusal(set), "");
}

TEST(StaffingRuleSet, NegativeCount) {
  RuleSet set = harbin_2016_rule_set();
  count_of(set, "village", "chair").min = -1;
  EXPECT_EQ(refusal(set), "rule_negative @ rules.village.role_counts.chair");
}

TEST(StaffingRuleSet, RoleMinimumsPastTheTotalMaximum) {
  RuleSet set = harbin_2016_rule_set();
  count_of(set, "township", "vice_chair") = {"vice_chair", 3, std::nullopt};
  count_of(set, "township", "executive") = {"executive", 25, std::nullopt};
  // 1 + 3 + 25 = 29 people at least, more than a total maximum of 28
  rules_of(set, "township").total_max = 28;
  rules_of(set, "township").total_min = 25;
  EXPECT_EQ(refusal(set), "rule_roles_exceed_total @ rules.township.role_counts");
  rules_of(set, "township").total_max = 29;  // exactly the sum: fine
  EXPECT_EQ(refusal(set), "");
}

TEST(StaffingRuleSet, UnknownRoleOrBodyType) {
  RuleSet set = harbin_2016_rule_set();
  rules_of(set, "community").role_counts.push_back({"secretary", 1, 1});
  EXPECT_EQ(refusal(set), "rule_unknown_role @ rules.community.role_counts.secretary");

  // an edited dictionary that knows the role makes the same set valid
  std::vector<DictionaryEntry> roles = default_role_dictionary();
  DictionaryEntry secretary;
  secretary.kind = DictionaryKind::kRole;
  secretary.code = "secretary";
  secretary.label = "秘书长";
  roles.push_back(secretary);
  EXPECT_EQ(refusal(set, roles), "");

  set = harbin_2016_rule_set();
  rules_of(set, "village_congress").forbidden_roles.push_back("treasurer");
  EXPECT_EQ(refusal(set), "rule_unknown_role @ rules.village_congress.forbidden_roles.treasurer");

  set = harbin_2016_rule_set();
  set.rules_by_type.push_back({"hamlet", 1, 3, {}, {}});
  EXPECT_EQ(refusal(set), "rule_unknown_body_type @ rules.hamlet.body_type");

  set = harbin_2016_rule_set();
  set.rules_by_type.push_back(set.rules_by_type.front());
  EXPECT_EQ(refusal(set), "rule_duplicate_body_type @ rules.township");

  set = harbin_2016_rule_set();
  rules_of(set, "village").role_counts.push_back({"chair", 0, 1});
  EXPECT_EQ(refusal(set), "rule_duplicate_role @ rules.village.role_counts.chair");

  set = harbin_2016_rule_set();
  rules_of(set, "township").role_counts.push_back({"director", 1, 1});  // a 主任 belongs to a 妇代会
  EXPECT_EQ(refusal(set), "rule_role_not_in_body_type @ rules.township.role_counts.director");
}

TEST(StaffingRuleSet, ForbiddenAndRequired) {
  RuleSet set = harbin_2016_rule_set();
  rules_of(set, "village_congress").role_counts.push_back({"executive", 1, std::nullopt});
  // executive is also not allowed in a 妇代会 by the dictionary: that is reported first
  EXPECT_EQ(refusal(set), "rule_role_not_in_body_type @ rules.village_congress.role_counts.executive");

  set = harbin_2016_rule_set();
  rules_of(set, "township").forbidden_roles.push_back("vice_chair");
  EXPECT_EQ(refusal(set), "rule_role_forbidden_and_required @ rules.township.forbidden_roles.vice_chair");
}

TEST(StaffingRuleSet, SeatRules) {
  RuleSet set = harbin_2016_rule_set();
  set.seat_rules.push_back({"village", "chair", "councillor"});
  EXPECT_EQ(refusal(set), "rule_unknown_role @ seat_rules.2.seat_role");

  set = harbin_2016_rule_set();
  set.seat_rules.push_back({"hamlet", "chair", "executive"});
  EXPECT_EQ(refusal(set), "rule_seat_unknown_body_type @ seat_rules.2.holder_body_type");

  set = harbin_2016_rule_set();
  set.seat_rules.push_back({"city", "chair", "executive"});
  EXPECT_EQ(refusal(set), "rule_seat_no_parent @ seat_rules.2.holder_body_type");

  set = harbin_2016_rule_set();
  set.seat_rules.push_back({"village_congress", "chair", "executive"});
  EXPECT_EQ(refusal(set), "rule_seat_forbidden_role @ seat_rules.2.holder_role");
}

TEST(StaffingRuleSet, OwnFields) {
  RuleSet set = harbin_2016_rule_set();
  set.code = "Harbin 2016";
  EXPECT_EQ(refusal(set), "rule_set_code @ code");
  set = harbin_2016_rule_set();
  set.name = " ";
  EXPECT_EQ(refusal(set), "rule_set_name @ name");
  set = harbin_2016_rule_set();
  set.version = 0;
  EXPECT_EQ(refusal(set), "rule_set_version @ version");
}

TEST(StaffingRuleSet, FormatRangeAndLabels) {
  EXPECT_EQ(format_range(22, 32), "22–32");
  EXPECT_EQ(format_range(1, 1), "1");
  EXPECT_EQ(format_range(3, std::nullopt), "≥3");
  EXPECT_EQ(format_range(0, 5), "≤5");
  EXPECT_EQ(role_label("executive"), "执委");
  EXPECT_EQ(role_label("deputy_director"), "副主任");
  EXPECT_EQ(role_label("secretary"), "secretary");
}

TEST(StaffingSchedule, SetInForceBeforeAndAfterASwitch) {
  RuleSetSchedule schedule({{Date(2017, 3, 1), {"county_2017", 1}}, {Date(2016, 6, 1), {"harbin_2016", 1}}});
  EXPECT_EQ(schedule.rule_set_in_force_on(Date(2016, 5, 31)), std::nullopt);
  EXPECT_EQ(schedule.rule_set_in_force_on(Date(2016, 6, 1)), (RuleSetRef{"harbin_2016", 1}));
  EXPECT_EQ(schedule.rule_set_in_force_on(Date(2017, 2, 28)), (RuleSetRef{"harbin_2016", 1}));
  EXPECT_EQ(schedule.rule_set_in_force_on(Date(2017, 3, 1)), (RuleSetRef{"county_2017", 1}));
  EXPECT_EQ(schedule.rule_set_in_force_on(Date(2026, 11, 28)), (RuleSetRef{"county_2017", 1}));
  EXPECT_EQ(schedule.entries().front().effective_from, Date(2016, 6, 1));
}

TEST(StaffingSchedule, AnEditedSetIsANewVersionAndTheOldOneStaysInForceForThePast) {
  RuleSet v1 = harbin_2016_rule_set();
  RuleSet v2 = v1;
  v2.version = 2;
  rules_of(v2, "township").total_max = 40;
  count_of(v2, "township", "executive").max = 37;
  std::vector<RuleSet> library = {v1, v2, county_2017()};
  std::vector<ScheduleEntry> entries = {{Date(2016, 6, 1), {"harbin_2016", 1}},
                                        {Date(2020, 1, 1), {"harbin_2016", 2}}};
  EXPECT_NO_THROW(validate_schedule(entries, library));
  RuleSetSchedule schedule(entries);
  EXPECT_EQ(
      rule_set_in_force_on(Date(2019, 12, 31), schedule, library).rules_for(BodyType::kTownship)->total_max,
      35);
  EXPECT_EQ(
      rule_set_in_force_on(Date(2020, 1, 1), schedule, library).rules_for(BodyType::kTownship)->total_max,
      40);
  // nothing scheduled yet: the default
  EXPECT_EQ(rule_set_in_force_on(Date(2010, 1, 1), schedule, library).code, "harbin_2016");

  RuleSetSchedule missing({{Date(2016, 6, 1), {"harbin_2016", 3}}});
  EXPECT_THROW(rule_set_in_force_on(Date(2017, 1, 1), missing, library), DomainError);
}

TEST(StaffingSchedule, Validation) {
  std::vector<RuleSet> library = {harbin_2016_rule_set()};
  auto refusal_of = [&](const std::vector<ScheduleEntry>& entries) -> std::string {
    try {
      validate_schedule(entries, library);
      return "";
    } catch (const DomainError& e) {
      return e.code() + " @ " + e.field();
    }
  };
  const ScheduleEntry harbin{Date(2016, 6, 1), {"harbin_2016", 1}};
  EXPECT_EQ(refusal_of({harbin}), "");
  EXPECT_EQ(refusal_of({harbin, harbin}), "schedule_duplicate_date @ schedule.1.effective_from");
  EXPECT_EQ(refusal_of({harbin, {Date(2017, 3, 1), {"county_2017", 1}}}),
            "schedule_unknown_rule_set @ schedule.1.rule_set");
  EXPECT_EQ(refusal_of({{Date(2017, 3, 1), {"harbin_2016", 2}}}), "schedule_unknown_rule_set @ schedule.0.rule_set");
}
