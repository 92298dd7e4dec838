// The re-elections of form 2 (domain/reelection.h): field rules as a table, the body-type
// rule, the next re-election and the one in force on a date.
#include <gtest/gtest.h>

#include <functional>

#include "domain/error.h"
#include "domain/reelection.h"

using namespace jinguo::domain;

namespace {

const Date kToday(2016, 6, 20);

Reelection plain() {
  Reelection r;
  r.id = 3;
  r.organisation_id = 2;
  r.held_on = Date(2013, 11, 28);
  r.delegates = 260;
  r.delegates_minority = 12;
  r.delegates_party = 180;
  r.delegates_grassroots = 150;
  r.delegates_under_35 = 40;
  return r;
}

std::string outcome(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code() + "@" + e.field();
  }
  return "ok";
}

struct ReelectionCase {
  const char* name;
  std::function<void(Reelection&)> edit;
  std::string expected;  // "ok" or code@field
};

class ReelectionRules : public ::testing::TestWithParam<ReelectionCase> {};

TEST_P(ReelectionRules, RefusesWithTheField) {
  const auto& c = GetParam();
  Reelection r = plain();
  c.edit(r);
  EXPECT_EQ(outcome([&] { normalise_and_validate(r, kToday); }), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ReelectionRules,
    ::testing::Values(
        ReelectionCase{"a plain re-election", [](Reelection&) {}, "ok"},
        ReelectionCase{"held today", [](Reelection& r) { r.held_on = kToday; }, "ok"},
        ReelectionCase{"held tomorrow", [](Reelection& r) { r.held_on = kToday.plus_days(1); }, "date_in_future@held_on"},
        ReelectionCase{"held before 1949", [](Reelection& r) { r.held_on = Date(1948, 3, 8); }, "held_too_early@held_on"},
        ReelectionCase{"a term of 0 years", [](Reelection& r) { r.term_years = 0; }, "term_years_range@term_years"},
        ReelectionCase{"a term of 1 year", [](Reelection& r) { r.term_years = 1; }, "ok"},
        ReelectionCase{"a term of 10 years", [](Reelection& r) { r.term_years = 10; }, "ok"},
        ReelectionCase{"a term of 11 years", [](Reelection& r) { r.term_years = 11; }, "term_years_range@term_years"},
        ReelectionCase{"negative delegates", [](Reelection& r) { r.delegates = -1; }, "delegates_range@delegates"},
        ReelectionCase{"no delegates and no breakdowns",
                       [](Reelection& r) {
                         r.delegates = r.delegates_minority = r.delegates_party = 0;
                         r.delegates_grassroots = r.delegates_under_35 = 0;
                       },
                       "ok"},
        ReelectionCase{"too many delegates", [](Reelection& r) { r.delegates = 100001; }, "delegates_range@delegates"},
        ReelectionCase{"minority over the total", [](Reelection& r) { r.delegates_minority = 261; },
                       "breakdown_range@delegates_minority"},
        ReelectionCase{"party equal to the total", [](Reelection& r) { r.delegates_party = 260; }, "ok"},
        ReelectionCase{"party negative", [](Reelection& r) { r.delegates_party = -2; }, "breakdown_range@delegates_party"},
        ReelectionCase{"grassroots over the total", [](Reelection& r) { r.delegates_grassroots = 300; },
                       "breakdown_range@delegates_grassroots"},
        ReelectionCase{"under 35 over the total", [](Reelection& r) { r.delegates_under_35 = 261; },
                       "breakdown_range@delegates_under_35"},
        ReelectionCase{"notes of 500", [](Reelection& r) { r.notes = std::string(500, 'a'); }, "ok"},
        ReelectionCase{"notes of 501", [](Reelection& r) { r.notes = std::string(501, 'a'); }, "too_long@notes"},
        ReelectionCase{"notes not UTF-8", [](Reelection& r) { r.notes = std::string("\xff"); }, "invalid_text@notes"}));

struct BodyCase {
  BodyType type;
  bool holds;
};

class ReelectionBodies : public ::testing::TestWithParam<BodyCase> {};

TEST_P(ReelectionBodies, OnlyTheCityAndTheDistrictLevel) {
  const auto& c = GetParam();
  EXPECT_EQ(holds_reelections(c.type), c.holds) << body_type_code(c.type);
  EXPECT_EQ(outcome([&] { require_reelection_body(c.type); }),
            c.holds ? "ok" : "reelection_body_type@organisation_id")
      << body_type_code(c.type);
}

INSTANTIATE_TEST_SUITE_P(Table, ReelectionBodies,
                         ::testing::Values(BodyCase{BodyType::kCity, true}, BodyCase{BodyType::kDistrict, true},
                                           BodyCase{BodyType::kCounty, true}, BodyCase{BodyType::kCountyCity, true},
                                           BodyCase{BodyType::kStreet, false}, BodyCase{BodyType::kTownship, false},
                                           BodyCase{BodyType::kCommunity, false}, BodyCase{BodyType::kVillage, false},
                                           BodyCase{BodyType::kVillageCongress, false}));

struct NextCase {
  Date held_on;
  int term_years;
  Date next_on;
};

class ReelectionNext : public ::testing::TestWithParam<NextCase> {};

TEST_P(ReelectionNext, IsTheTermAfterTheHeldDay) {
  Reelection r = plain();
  r.held_on = GetParam().held_on;
  r.term_years = GetParam().term_years;
  EXPECT_EQ(next_reelection_on(r), GetParam().next_on) << r.held_on.iso();
}

INSTANTIATE_TEST_SUITE_P(Table, ReelectionNext,
                         ::testing::Values(NextCase{Date(2013, 11, 28), 5, Date(2018, 11, 28)},
                                           NextCase{Date(2014, 3, 8), 3, Date(2017, 3, 8)},
                                           NextCase{Date(2012, 2, 29), 5, Date(2017, 2, 28)},
                                           NextCase{Date(2012, 2, 29), 4, Date(2016, 2, 29)},
                                           NextCase{Date(2016, 12, 31), 1, Date(2017, 12, 31)}));

Reelection held(ReelectionId id, Date on) {
  Reelection r = plain();
  r.id = id;
  r.held_on = on;
  return r;
}

struct InForceCase {
  const char* name;
  Date on;
  std::optional<ReelectionId> expected;
};

class ReelectionInForce : public ::testing::TestWithParam<InForceCase> {};

TEST_P(ReelectionInForce, IsTheLatestHeldOnOrBeforeTheDate) {
  // out of order, as a caller may give them
  const std::vector<Reelection> all = {held(2, Date(2013, 11, 28)), held(1, Date(2008, 11, 20)),
                                       held(3, Date(2018, 12, 1))};
  auto r = reelection_in_force(all, GetParam().on);
  EXPECT_EQ(r ? std::optional<ReelectionId>(r->id) : std::nullopt, GetParam().expected) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ReelectionInForce,
    ::testing::Values(InForceCase{"before any", Date(2008, 11, 19), std::nullopt},
                      InForceCase{"on the first day", Date(2008, 11, 20), 1},
                      InForceCase{"the day before the second", Date(2013, 11, 27), 1},
                      InForceCase{"on the second day", Date(2013, 11, 28), 2},
                      InForceCase{"in the campaign", Date(2016, 6, 20), 2},
                      InForceCase{"past its next day, none newer yet", Date(2018, 11, 30), 2},
                      InForceCase{"after the third", Date(2026, 11, 30), 3}));

TEST(ReelectionCorrecting, ACorrectionIsCheckedAgainAndBlankNotesAreNone) {
  ReelectionChanges c;
  c.delegates = 100;  // below the party count of 180
  EXPECT_EQ(outcome([&] { corrected(plain(), c, kToday); }), "breakdown_range@delegates_party");
  ReelectionChanges ok;
  ok.term_years = 3;
  ok.notes = std::optional<std::string>("  　");
  Reelection after = corrected(plain(), ok, kToday);
  EXPECT_EQ(after.term_years, 3);
  EXPECT_FALSE(after.notes);
  EXPECT_EQ(next_reelection_on(after), Date(2016, 11, 28));
  EXPECT_TRUE(reelection_in_force({}, kToday) == std::nullopt);
}

TEST(ReelectionNew, TheHeldDayAndTheDelegatesAreRequiredTheRestDefaults) {
  ReelectionChanges fields;
  EXPECT_EQ(outcome([&] { new_reelection(7, fields, kToday); }), "required@held_on");
  fields.held_on = Date(2014, 1, 15);
  EXPECT_EQ(outcome([&] { new_reelection(7, fields, kToday); }), "required@delegates");
  fields.delegates = 240;
  Reelection r = new_reelection(7, fields, kToday);
  EXPECT_EQ(r.organisation_id, 7);
  EXPECT_EQ(r.term_years, kDefaultTermYears);
  EXPECT_EQ(r.delegates_party, 0);
  EXPECT_EQ(next_reelection_on(r), Date(2019, 1, 15));
}

}  // namespace
