// Checks of one body on one date under a rule set, the seat rule, what an appointment
// would break, and the compliance roll-up.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "domain/error.h"
#include "domain/staffing/check.h"
#include "domain/staffing/compliance.h"

using namespace jinguo::domain;
using namespace jinguo::domain::staffing;

namespace {

const Date kStart(2016, 6, 1);
const Date kCheckDay(2016, 9, 1);

Organisation body(OrganisationId id, BodyType type, std::optional<OrganisationId> parent) {
  Organisation o;
  o.id = id;
  o.type = type;
  o.parent_id = parent;
  o.name = std::string(body_type_label(type));
  return o;
}

const Organisation kDistrict = body(1, BodyType::kDistrict, 1000);
const Organisation kTownship = body(10, BodyType::kTownship, 1);
const Organisation kStreet = body(20, BodyType::kStreet, 1);
const Organisation kCongress = body(100, BodyType::kVillageCongress, 10);
const Organisation kCommunity = body(200, BodyType::kCommunity, 20);

// Position histories of several bodies; each call appoints a new person unless one is given.
class Histories {
 public:
  PersonId appoint(const Organisation& org, const std::string& role, Date start = kStart,
                   std::optional<Date> end = std::nullopt, PersonId person = 0) {
    Position p;
    p.id = next_position_++;
    p.person_id = person ? person : next_person_++;
    p.organisation_id = org.id;
    p.role = role;
    p.manner = "part_time";
    p.start_on = start;
    p.end_on = end;
    all_.push_back(p);
    return p.person_id;
  }
  void appoint_many(const Organisation& org, const std::string& role, int n) {
    for (int i = 0; i < n; ++i)
      appoint(org, role);
  }
  // A federation with a chair, two vice-chairs and `executives` executives.
  void federation(const Organisation& org, int executives, int chairs = 1, int vice_chairs = 2) {
    appoint_many(org, "chair", chairs);
    appoint_many(org, "vice_chair", vice_chairs);
    appoint_many(org, "executive", executives);
  }
  BodySnapshot snapshot(const Organisation& org, Date on = kCheckDay,
                        std::optional<Organisation> parent = std::nullopt) const {
    return snapshot_on(on, org, parent, all_);
  }

 private:
  std::vector<Position> all_;
  PositionId next_position_ = 1;
  PersonId next_person_ = 1;
};

const RuleSet kHarbin = harbin_2016_rule_set();

std::vector<Finding> check(const BodySnapshot& s) { return check_body(kHarbin, s); }

const Finding* find(const std::vector<Finding>& fs, const std::string& rule) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule == rule; });
  return it == fs.end() ? nullptr : &*it;
}

std::vector<std::string> rules_of(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const Finding& f : fs)
    out.push_back(f.rule);
  return out;
}

using Rules = std::vector<std::string>;

}  // namespace

TEST(StaffingCheck, TotalAtItsBoundaries) {
  struct Case {
    int members;
    std::optional<Severity> total;
  };
  for (Case c : {Case{24, Severity::kWarning}, Case{25, std::nullopt}, Case{35, std::nullopt},
                 Case{36, Severity::kError}}) {
    Histories h;
    h.federation(kTownship, c.members - 3);
    auto fs = check(h.snapshot(kTownship));
    const Finding* total = find(fs, "rules.township.total");
    SCOPED_TRACE(c.members);
    ASSERT_EQ(total != nullptr, c.total.has_value());
    if (!total) {
      EXPECT_TRUE(fs.empty());
      continue;
    }
    EXPECT_EQ(total->kind, FindingKind::kTotal);
    EXPECT_EQ(total->severity, *c.total);
    EXPECT_EQ(total->actual, c.members);
    EXPECT_EQ(total->expected_min, 25);
    EXPECT_EQ(total->expected_max, 35);
    EXPECT_EQ(total->rule_set, (RuleSetRef{"harbin_2016", 1}));
    EXPECT_EQ(total->organisation_id, kTownship.id);
    EXPECT_EQ(total->message_zh, "总人数 " + std::to_string(c.members) + " 人，应为 25–35 人");
    // the executives are out of range with the total: 21 or 33
    EXPECT_EQ(rules_of(fs), (Rules{"rules.township.total", "rules.township.role_counts.executive"}));
  }
}

TEST(StaffingCheck, TotalCountsPeopleNotPositions) {
  Histories h;
  h.federation(kStreet, 22);
  PersonId chair = h.appoint(kStreet, "chair");
  h.appoint(kStreet, "executive", kStart, std::nullopt, chair);  // the same woman twice
  auto fs = check(h.snapshot(kStreet));
  // 26 people; 2 chairs is the only finding (23 executive positions, 23 people)
  EXPECT_EQ(rules_of(fs), (Rules{"rules.street.role_counts.chair"}));
}

TEST(StaffingCheck, ChairsZeroOneTwo) {
  for (int chairs : {0, 1, 2}) {
    Histories h;
    h.federation(kTownship, 25, chairs);
    auto fs = check(h.snapshot(kTownship));
    const Finding* f = find(fs, "rules.township.role_counts.chair");
    SCOPED_TRACE(chairs);
    if (chairs == 1) {
      EXPECT_TRUE(fs.empty());
      continue;
    }
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->kind, FindingKind::kRoleCount);
    EXPECT_EQ(f->role, "chair");
    EXPECT_EQ(f->expected_min, 1);
    EXPECT_EQ(f->expected_max, 1);
    EXPECT_EQ(f->actual, chairs);
    EXPECT_EQ(f->severity, chairs == 0 ? Severity::kWarning : Severity::kError);
    EXPECT_EQ(f->message_zh, "主席 " + std::to_string(chairs) + " 人，应为 1 人");
    EXPECT_EQ(f->message_en, std::to_string(chairs) + (chairs == 1 ? " chair" : " chairs") + ", expected 1");
  }
}

TEST(StaffingCheck, ExecutivesShortIsAWarningWithTheRange) {
  Histories h;
  h.federation(kTownship, 18);
  h.appoint_many(kTownship, "standing", 4);  // an unconstrained role still counts to the total
  auto fs = check(h.snapshot(kTownship));
  ASSERT_EQ(rules_of(fs), (Rules{"rules.township.role_counts.executive"}));
  EXPECT_EQ(fs[0].severity, Severity::kWarning);
  EXPECT_EQ(fs[0].message_zh, "执委 18 人，应为 22–32 人");
}

TEST(StaffingCheck, CongressWithAnExecutive) {
  Histories h;
  h.appoint(kCongress, "director");
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 4);
  h.appoint(kCongress, "executive");
  auto fs = check(h.snapshot(kCongress, kCheckDay, kTownship));
  ASSERT_EQ(rules_of(fs), (Rules{"rules.village_congress.forbidden_roles.executive", "seat_rules.0"}));
  const Finding& f = fs[0];
  EXPECT_EQ(f.kind, FindingKind::kForbiddenRole);
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.role, "executive");
  EXPECT_EQ(f.expected_min, 0);
  EXPECT_EQ(f.expected_max, 0);
  EXPECT_EQ(f.actual, 1);
  EXPECT_EQ(f.message_zh, "村妇代会不设执委，现有 1 人");
}

TEST(StaffingCheck, CongressWithThreeMembers) {
  Histories h;
  PersonId director = h.appoint(kCongress, "director");
  h.appoint(kTownship, "executive", kStart, std::nullopt, director);  // her seat above
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 3);
  auto fs = check(h.snapshot(kCongress, kCheckDay, kTownship));
  ASSERT_EQ(rules_of(fs),
            (Rules{"rules.village_congress.total", "rules.village_congress.role_counts.member"}));
  EXPECT_EQ(fs[0].actual, 6);
  EXPECT_EQ(fs[0].message_zh, "总人数 6 人，应为 7–13 人");
  EXPECT_EQ(fs[1].actual, 3);
  EXPECT_EQ(fs[1].severity, Severity::kWarning);
  EXPECT_EQ(fs[1].message_zh, "委员 3 人，应为 4–10 人");

  h.appoint(kCongress, "member");
  EXPECT_TRUE(check(h.snapshot(kCongress, kCheckDay, kTownship)).empty());
}

TEST(StaffingCheck, SeatMissing) {
  Histories h;
  PersonId director = h.appoint(kCongress, "director");
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 4);
  h.federation(kTownship, 22);
  auto fs = check(h.snapshot(kCongress, kCheckDay, kTownship));
  ASSERT_EQ(rules_of(fs), (Rules{"seat_rules.0"}));
  const Finding& f = fs[0];
  EXPECT_EQ(f.kind, FindingKind::kSeat);
  EXPECT_EQ(f.severity, Severity::kWarning);
  EXPECT_EQ(f.role, "director");
  EXPECT_EQ(f.person_id, director);
  EXPECT_EQ(f.occupant_id, std::nullopt);
  EXPECT_EQ(f.actual, 0);
  EXPECT_EQ(f.message_zh, "村妇代会主任（人员 " + std::to_string(director) + "）未担任上级组织执委");
  Finding named = f;
  jinguo::domain::staffing::name_people(named, {{director, "阿依古丽·买买提"}});
  EXPECT_EQ(named.message_zh, "村妇代会主任（阿依古丽·买买提）未担任上级组织执委");
  EXPECT_EQ(named.message_en,
            "the director (阿依古丽·买买提) holds no executive committee member seat in the parent body");
  EXPECT_EQ(named.advice_zh, "请在上级组织任命阿依古丽·买买提为执委");
  Finding unnamed = f;
  jinguo::domain::staffing::name_people(unnamed, {{director + 1, "someone else"}});
  EXPECT_EQ(unnamed.message_zh, f.message_zh) << "a person without a name keeps her id";

  // a vice-chair of the township is not the seat: only an executive position is
  h.appoint(kTownship, "vice_chair", kStart, std::nullopt, director);
  EXPECT_EQ(rules_of(check(h.snapshot(kCongress, kCheckDay, kTownship))), (Rules{"seat_rules.0"}));
  h.appoint(kTownship, "executive", kStart, std::nullopt, director);
  EXPECT_TRUE(check(h.snapshot(kCongress, kCheckDay, kTownship)).empty());
}

TEST(StaffingCheck, CommunityChairSeatInTheStreet) {
  Histories h;
  h.federation(kCommunity, 12);
  h.appoint(kCommunity, "chair");
  Histories ok;
  PersonId her = ok.appoint(kCommunity, "chair");
  ok.appoint_many(kCommunity, "vice_chair", 2);
  ok.appoint_many(kCommunity, "executive", 12);
  ok.appoint(kStreet, "executive", kStart, std::nullopt, her);
  EXPECT_TRUE(check(ok.snapshot(kCommunity, kCheckDay, kStreet)).empty());
  // two chairs, neither holding a seat: one seat finding each, and the excess
  auto fs = check(h.snapshot(kCommunity, kCheckDay, kStreet));
  EXPECT_EQ(rules_of(fs), (Rules{"rules.community.role_counts.chair", "seat_rules.1", "seat_rules.1"}));
}

TEST(StaffingCheck, SeatHeldByTheFormerDirector) {
  Histories h;
  const Date handover(2017, 1, 1);
  PersonId former = h.appoint(kCongress, "director", kStart, handover);
  h.appoint(kTownship, "executive", kStart, std::nullopt, former);  // kept her seat above
  PersonId current = h.appoint(kCongress, "director", handover);
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 4);

  EXPECT_TRUE(check(h.snapshot(kCongress, handover.plus_days(-1), kTownship)).empty());
  auto fs = check(h.snapshot(kCongress, handover, kTownship));
  ASSERT_EQ(rules_of(fs), (Rules{"seat_rules.0"}));
  EXPECT_EQ(fs[0].person_id, current);
  EXPECT_EQ(fs[0].occupant_id, former);
  EXPECT_EQ(fs[0].message_zh, "村妇代会主任（人员 " + std::to_string(current) +
                                  "）未担任上级组织执委，该席位仍由前任主任（人员 " + std::to_string(former) +
                                  "）占用");
  jinguo::domain::staffing::name_people(fs[0], {{current, "李岩"}, {former, "王秀英"}});
  EXPECT_EQ(fs[0].message_zh, "村妇代会主任（李岩）未担任上级组织执委，该席位仍由前任主任（王秀英）占用");
}

TEST(StaffingCheck, DatesAroundAnAppointmentAndAnEnding) {
  Histories h;
  const Date appointed(2016, 6, 10);
  const Date ended(2016, 8, 31);
  h.appoint(kTownship, "chair", appointed, ended);
  h.federation(kTownship, 22, 0);
  const std::string chair = "rules.township.role_counts.chair";
  EXPECT_EQ(rules_of(check(h.snapshot(kTownship, appointed.plus_days(-1)))),
            (Rules{"rules.township.total", chair}));
  EXPECT_TRUE(check(h.snapshot(kTownship, appointed)).empty());
  EXPECT_TRUE(check(h.snapshot(kTownship, ended.plus_days(-1))).empty());
  EXPECT_EQ(rules_of(check(h.snapshot(kTownship, ended))), (Rules{"rules.township.total", chair}));
}

TEST(StaffingCheck, SeatAroundItsStartAndItsEnding) {
  Histories h;
  PersonId director = h.appoint(kCongress, "director");
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 4);
  const Date seat_from(2016, 7, 1);
  const Date seat_until(2019, 7, 1);
  h.appoint(kTownship, "executive", seat_from, seat_until, director);
  EXPECT_EQ(rules_of(check(h.snapshot(kCongress, seat_from.plus_days(-1), kTownship))),
            (Rules{"seat_rules.0"}));
  EXPECT_TRUE(check(h.snapshot(kCongress, seat_from, kTownship)).empty());
  EXPECT_TRUE(check(h.snapshot(kCongress, seat_until.plus_days(-1), kTownship)).empty());
  EXPECT_EQ(rules_of(check(h.snapshot(kCongress, seat_until, kTownship))), (Rules{"seat_rules.0"}));
}

TEST(StaffingCheck, UnconstrainedLevelsAndNoParent) {
  Histories h;
  h.appoint_many(kDistrict, "chair", 3);
  EXPECT_TRUE(check(h.snapshot(kDistrict)).empty());
  // a congress checked without its parent: the seat cannot be judged, counts still are
  h.appoint(kCongress, "director");
  EXPECT_EQ(rules_of(check(h.snapshot(kCongress))),
            (Rules{"rules.village_congress.total", "rules.village_congress.role_counts.deputy_director",
                   "rules.village_congress.role_counts.member"}));
}

TEST(StaffingCheck, PastDatesAreCheckedUnderTheSetInForceThen) {
  RuleSet county = kHarbin;
  county.code = "county_2017";
  for (BodyTypeRules& r : county.rules_by_type)
    if (r.body_type == "township") {
      r.total_max = std::nullopt;
      r.role_counts = {{"chair", 1, 1}, {"vice_chair", 3, std::nullopt}, {"executive", 25, std::nullopt}};
    }
  std::vector<RuleSet> library = {kHarbin, county};
  RuleSetSchedule schedule({{Date(2016, 6, 1), {"harbin_2016", 1}}, {Date(2017, 3, 1), {"county_2017", 1}}});
  Histories h;
  h.federation(kTownship, 24);  // 27 people: fine in 2016, short of vice-chairs in 2017
  auto on = [&](Date d) {
    return check_body(rule_set_in_force_on(d, schedule, library), h.snapshot(kTownship, d));
  };
  EXPECT_TRUE(on(Date(2017, 2, 28)).empty());
  auto fs = on(Date(2017, 3, 1));
  EXPECT_EQ(rules_of(fs),
            (Rules{"rules.township.role_counts.vice_chair", "rules.township.role_counts.executive"}));
  EXPECT_EQ(fs[0].rule_set, (RuleSetRef{"county_2017", 1}));
  EXPECT_EQ(fs[0].message_zh, "副主席 2 人，应至少 3 人");
}

TEST(StaffingEnforcement, AppointmentsBreakingAMaximumOrAnExactCount) {
  Histories h;
  h.federation(kTownship, 31);  // 34 people
  BodySnapshot now = h.snapshot(kTownship);
  EXPECT_TRUE(findings_if_appointed(kHarbin, now, "executive", 999).empty());  // 32nd executive, 35th person

  auto chair = findings_if_appointed(kHarbin, now, "chair", 999);
  ASSERT_EQ(rules_of(chair), (Rules{"rules.township.role_counts.chair"}));
  EXPECT_EQ(chair[0].actual, 2);
  EXPECT_EQ(chair[0].message_zh, "主席 2 人，应为 1 人");
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "vice_chair", 999)),
            (Rules{"rules.township.role_counts.vice_chair"}));

  h.appoint(kTownship, "executive");  // 32 executives, 35 people
  now = h.snapshot(kTownship);
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "executive", 999)),
            (Rules{"rules.township.total", "rules.township.role_counts.executive"}));
  // an unconstrained role still counts to the total
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "standing", 999)), (Rules{"rules.township.total"}));
}

TEST(StaffingEnforcement, ShortfallsAndSeatsNeverRefuse) {
  Histories h;
  h.federation(kTownship, 10, 0, 0);
  BodySnapshot now = h.snapshot(kTownship);
  EXPECT_TRUE(findings_if_appointed(kHarbin, now, "executive", 999).empty());
  EXPECT_TRUE(findings_if_appointed(kHarbin, now, "chair", 999).empty());

  Histories congress;
  now = congress.snapshot(kCongress, kCheckDay, kTownship);
  EXPECT_TRUE(
      findings_if_appointed(kHarbin, now, "director", 999).empty());  // her seat is missing: a warning
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "executive", 999)),
            (Rules{"rules.village_congress.forbidden_roles.executive"}));
}

TEST(StaffingEnforcement, AnExistingExcessRefusesOnlyWhatMakesItWorse) {
  Histories h;
  h.federation(kTownship, 22, 2);  // already two chairs
  BodySnapshot now = h.snapshot(kTownship);
  EXPECT_TRUE(findings_if_appointed(kHarbin, now, "executive", 999).empty());
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "chair", 999)),
            (Rules{"rules.township.role_counts.chair"}));
}

TEST(StaffingEnforcement, AMemberTakingASecondRoleDoesNotGrowTheTotal) {
  Histories h;
  h.federation(kTownship, 32);  // 35 people
  const PersonId vice_chair = 3;
  BodySnapshot now = h.snapshot(kTownship);
  EXPECT_TRUE(findings_if_appointed(kHarbin, now, "standing", vice_chair).empty());
  EXPECT_EQ(rules_of(findings_if_appointed(kHarbin, now, "standing", 999)), (Rules{"rules.township.total"}));
}

TEST(StaffingEnforcement, RefusedUnlessOverriddenWithAReason) {
  Histories h;
  h.federation(kTownship, 22);
  BodySnapshot now = h.snapshot(kTownship);
  try {
    enforce_appointment(kHarbin, now, "chair", 999, std::nullopt);
    FAIL();
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_EQ(e.code(), "staffing_rule_broken");
    EXPECT_EQ(e.field(), "rules.township.role_counts.chair");
    EXPECT_NE(e.message_zh().find("主席 2 人，应为 1 人"), std::string::npos) << e.message_zh();
  }
  try {
    enforce_appointment(kHarbin, now, "chair", 999, std::string(" "));
    FAIL();
  } catch (const DomainError& e) {
    EXPECT_EQ(e.field(), "override_reason");
  }
  auto overridden =
      enforce_appointment(kHarbin, now, "chair", 999, std::string("原主席将于下周离任，先行任命"));
  EXPECT_EQ(rules_of(overridden), (Rules{"rules.township.role_counts.chair"}));
  EXPECT_TRUE(enforce_appointment(kHarbin, now, "executive", 999, std::nullopt).empty());
}

TEST(StaffingCompliance, StatusesAndRollUp) {
  Histories h;
  h.federation(kTownship, 22);  // meets
  h.federation(kStreet, 18);    // short
  h.appoint(kCongress, "director");
  h.appoint_many(kCongress, "deputy_director", 2);
  h.appoint_many(kCongress, "member", 4);
  h.appoint(kCongress, "executive");  // over, and the director's seat is missing
  std::vector<BodyCompliance> bodies = {
      {kTownship.id, kTownship.type, 1, check(h.snapshot(kTownship))},
      {kStreet.id, kStreet.type, 1, check(h.snapshot(kStreet))},
      {kCongress.id, kCongress.type, 1, check(h.snapshot(kCongress, kCheckDay, kTownship))},
      {kCommunity.id, kCommunity.type, 2, check(h.snapshot(kCommunity, kCheckDay, kStreet))},
  };
  EXPECT_EQ(status_of(bodies[0].findings), ComplianceStatus::kMeets);
  EXPECT_EQ(status_of(bodies[1].findings), ComplianceStatus::kShort);
  EXPECT_EQ(status_of(bodies[2].findings), ComplianceStatus::kOver);
  EXPECT_EQ(compliance_status_code(status_of(bodies[2].findings)), "over");

  ComplianceRollup r = roll_up(bodies);
  EXPECT_EQ(r.overall, (ComplianceCounts{4, 1, 2, 1, 1}));
  EXPECT_EQ(r.by_body_type[BodyType::kVillageCongress], (ComplianceCounts{1, 0, 0, 1, 1}));
  EXPECT_EQ(r.by_body_type[BodyType::kCommunity], (ComplianceCounts{1, 0, 1, 0, 0}));
  EXPECT_EQ(r.by_district[1], (ComplianceCounts{3, 1, 1, 1, 1}));
  EXPECT_EQ(r.by_district[2], (ComplianceCounts{1, 0, 1, 0, 0}));
}

// Every kind of finding says the next step in plain words, and its English names roles by
// their English labels, never by codes.
TEST(StaffingAdvice, EachKindOfFindingSaysTheNextStep) {
  struct Case {
    const char* name;
    std::function<void(Histories&)> fill;
    std::string rule, message_en, advice_zh, advice_en;
  };
  const std::vector<Case> cases = {
      {"too many deputy directors",
       [](Histories& h) {
         h.appoint(kCongress, "director");
         h.appoint_many(kCongress, "deputy_director", 3);
         h.appoint_many(kCongress, "member", 4);
       },
       "rules.village_congress.role_counts.deputy_director", "3 deputy directors, expected 2",
       "请先结束一名副主任的任职，再任命新的副主任；确需超出时，请管理员填写理由后越权任命",
       "End the position of one deputy director before appointing another; if more are truly needed, an "
       "administrator may override with a reason"},
      {"members short",
       [](Histories& h) {
         h.appoint(kCongress, "director");
         h.appoint_many(kCongress, "deputy_director", 2);
         h.appoint_many(kCongress, "member", 2);
       },
       "rules.village_congress.role_counts.member", "2 members, expected 4–10", "还需任命 2 名委员",
       "Appoint 2 more members"},
      {"total short",
       [](Histories& h) {
         h.appoint(kCongress, "director");
         h.appoint_many(kCongress, "deputy_director", 2);
         h.appoint_many(kCongress, "member", 3);
       },
       "rules.village_congress.total", "6 members in total, expected 7–13", "还需任命 1 名成员", "Appoint 1 more member"},
      {"forbidden executive",
       [](Histories& h) {
         h.appoint(kCongress, "director");
         h.appoint_many(kCongress, "deputy_director", 2);
         h.appoint_many(kCongress, "member", 4);
         h.appoint(kCongress, "executive");
       },
       "rules.village_congress.forbidden_roles.executive",
       "a village women's congress has no executive committee members; 1 held", "村妇代会不设执委，请改选其他职务",
       "A village women's congress has no executive committee members: choose another role"},
      {"executives short in a township",
       [](Histories& h) { h.federation(kTownship, 18); },
       "rules.township.role_counts.executive", "18 executive committee members, expected 22–32",
       "还需任命 4 名执委", "Appoint 4 more executive committee members"},
  };
  for (const auto& c : cases) {
    Histories h;
    c.fill(h);
    const Organisation& org = c.rule.find("township") != std::string::npos ? kTownship : kCongress;
    auto fs = check(h.snapshot(org));
    auto f = std::find_if(fs.begin(), fs.end(), [&](const Finding& x) { return x.rule == c.rule; });
    ASSERT_NE(f, fs.end()) << c.name;
    EXPECT_EQ(f->message_en, c.message_en) << c.name;
    EXPECT_EQ(f->advice_zh, c.advice_zh) << c.name;
    EXPECT_EQ(f->advice_en, c.advice_en) << c.name;
  }
}

TEST(StaffingCheck, TheOfficesThatCarryASeatAbove) {
  const auto set = jinguo::domain::staffing::harbin_2016_rule_set();
  using jinguo::domain::BodyType;
  using jinguo::domain::staffing::seat_role_of;
  EXPECT_EQ(seat_role_of(set, BodyType::kVillageCongress, "director"), "executive");
  EXPECT_EQ(seat_role_of(set, BodyType::kCommunity, "chair"), "executive");
  EXPECT_FALSE(seat_role_of(set, BodyType::kVillageCongress, "member"));
  EXPECT_FALSE(seat_role_of(set, BodyType::kTownship, "chair"));
}

// Counting only (Detail::kCounts, what the compliance page does for every body before it
// writes the failing ones' texts) finds the same findings as the full check, on generated
// bodies of each judged type: the same kinds, severities, roles, ranges, counts and people.
TEST(StaffingCheck, CountingOnlyFindsWhatTheFullCheckFinds) {
  const std::vector<std::string> roles{"chair", "vice_chair", "executive", "standing", "director", "member"};
  const std::vector<BodyType> types{BodyType::kDistrict, BodyType::kTownship, BodyType::kStreet,
                                    BodyType::kVillageCongress, BodyType::kVillage, BodyType::kCommunity};
  std::uint32_t seed = 7;
  auto next = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  int failing = 0, seats = 0;
  for (int n = 0; n < 600; ++n) {
    BodySnapshot s;
    s.id = n + 1;
    s.type = types[next(types.size())];
    if (next(5)) s.parent_id = 10000;
    s.on = kCheckDay;
    auto some = [&](std::vector<HeldPosition>& into, std::size_t most) {
      for (std::size_t k = next(most); k > 0; --k)
        into.push_back({static_cast<PersonId>(1 + next(40)), roles[next(roles.size())], 0});
    };
    some(s.positions, 40);
    some(s.parent_positions, 40);
    some(s.ended_positions, 6);
    const auto full = check_body(kHarbin, s, {}, Detail::kFull);
    const auto counted = check_body(kHarbin, s, {}, Detail::kCounts);
    ASSERT_EQ(counted.size(), full.size()) << n;
    failing += full.empty() ? 0 : 1;
    for (std::size_t i = 0; i < full.size(); ++i) {
      EXPECT_EQ(counted[i].kind, full[i].kind);
      EXPECT_EQ(counted[i].severity, full[i].severity);
      EXPECT_EQ(counted[i].role, full[i].role);
      EXPECT_EQ(counted[i].expected_min, full[i].expected_min);
      EXPECT_EQ(counted[i].expected_max, full[i].expected_max);
      EXPECT_EQ(counted[i].actual, full[i].actual);
      EXPECT_EQ(counted[i].person_id, full[i].person_id);
      EXPECT_EQ(counted[i].occupant_id, full[i].occupant_id);
      EXPECT_EQ(counted[i].organisation_id, full[i].organisation_id);
      EXPECT_TRUE(counted[i].message_zh.empty() && counted[i].rule.empty());
      EXPECT_FALSE(full[i].message_zh.empty() || full[i].rule.empty());
      seats += full[i].kind == FindingKind::kSeat && full[i].occupant_id ? 1 : 0;
    }
    EXPECT_EQ(status_of(counted), status_of(full));
  }
  EXPECT_GT(failing, 100);
  EXPECT_GT(seats, 0);  // some seats still held by a former holder
}
