// The rules of the reporting chain (domain/campaign), table by table.
#include <gtest/gtest.h>


#include "domain/campaign/campaign.h"
#include "domain/error.h"
#include "../support/refusal.h"

using namespace jinguo::domain;
using namespace jinguo::domain::campaign;

namespace {

using jinguo::test_support::day;
using jinguo::test_support::refusal;

struct Step {
  const char* name;
  std::optional<SubmissionState> latest;
  const char* submit;  // the refusal of a submission, "" when allowed
  const char* decide;  // the refusal of accepting or returning the latest, "" when allowed
};

class Steps : public ::testing::TestWithParam<Step> {};

TEST_P(Steps, SubmitAfterNothingOrAReturnDecideOnlyASubmission) {
  const auto& s = GetParam();
  EXPECT_EQ(refusal([&] { require_may_submit(s.latest); }), s.submit);
  if (s.latest) EXPECT_EQ(refusal([&] { require_may_decide(*s.latest); }), s.decide);
}

INSTANTIATE_TEST_SUITE_P(Table, Steps,
                         ::testing::Values(Step{"nothing yet", std::nullopt, "", ""},
                                           Step{"submitted", SubmissionState::kSubmitted, "already_submitted", ""},
                                           Step{"returned", SubmissionState::kReturned, "", "not_awaiting_decision"},
                                           Step{"accepted", SubmissionState::kAccepted, "already_accepted",
                                                "not_awaiting_decision"}),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& ch : n)
                             if (ch == ' ') ch = '_';
                           return n;
                         });

struct StatusCase {
  std::optional<SubmissionState> latest;
  const char* due;
  const char* today;
  Standing standing;
  int overdue;
  bool drafted = false;
};

class Statuses : public ::testing::TestWithParam<StatusCase> {};

TEST_P(Statuses, OverdueOnlyWhileNothingIsWithTheLevelAbove) {
  const auto& c = GetParam();
  auto s = status_of(c.latest, day(c.due), day(c.today), c.drafted);
  EXPECT_EQ(s.standing, c.standing);
  EXPECT_EQ(s.overdue_days, c.overdue);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Statuses,
    ::testing::Values(StatusCase{std::nullopt, "2016-09-20", "2016-09-20", Standing::kNotStarted, 0},
                      StatusCase{std::nullopt, "2016-09-20", "2016-09-25", Standing::kNotStarted, 5},
                      StatusCase{SubmissionState::kReturned, "2016-09-20", "2016-09-22", Standing::kReturned, 2},
                      StatusCase{SubmissionState::kSubmitted, "2016-09-20", "2016-10-01", Standing::kSubmitted, 0},
                      StatusCase{SubmissionState::kAccepted, "2016-06-20", "2016-10-01", Standing::kAccepted, 0},
                      StatusCase{std::nullopt, "2016-09-20", "2016-09-19", Standing::kDraft, 0, true},
                      StatusCase{std::nullopt, "2016-09-20", "2016-09-23", Standing::kDraft, 3, true},
                      // a draft after a return: the level above still reads "returned"
                      StatusCase{SubmissionState::kReturned, "2016-09-20", "2016-09-22", Standing::kReturned, 2, true}));

TEST(Lateness, DaysAfterTheDueDate) {
  EXPECT_EQ(days_late(day("2016-09-20"), day("2016-09-20")), 0);
  EXPECT_EQ(days_late(day("2016-09-19"), day("2016-09-20")), 0);
  EXPECT_EQ(days_late(day("2016-10-01"), day("2016-09-20")), 11);
}

struct OwedCase {
  Level level;
  BodyType type;
  bool pilot, owed;
};

class Owed : public ::testing::TestWithParam<OwedCase> {};

TEST_P(Owed, EachLevelByItsBodies) {
  const auto& c = GetParam();
  EXPECT_EQ(owes(c.level, c.type, c.pilot), c.owed) << level_code(c.level) << " " << body_type_code(c.type);
}

INSTANTIATE_TEST_SUITE_P(Table, Owed,
                         ::testing::Values(OwedCase{Level::kDistrict, BodyType::kDistrict, false, true},
                                           OwedCase{Level::kDistrict, BodyType::kCountyCity, false, true},
                                           OwedCase{Level::kDistrict, BodyType::kTownship, false, false},
                                           OwedCase{Level::kTownship, BodyType::kStreet, false, true},
                                           OwedCase{Level::kTownship, BodyType::kVillage, false, false},
                                           OwedCase{Level::kPilot, BodyType::kCommunity, true, true},
                                           OwedCase{Level::kPilot, BodyType::kStreet, false, false}));

TEST(Milestones, AFormMilestoneNamesItsFormAndOnlyThen) {
  Milestone m;
  m.title = "附表4";
  m.kind = MilestoneKind::kForm;
  m.due_on = day("2016-09-20");
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "form_required");
  m.form = 6;
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "invalid_form");
  m.form = 4;
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "");
  m.report_on = day("2016-09-21");
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "report_after_due");
  m.report_on.reset();
  m.kind = MilestoneKind::kAccount;
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "form_required");
  m.form.reset();
  m.title = "  ";
  EXPECT_EQ(refusal([&] { validate_milestone(m); }), "required");
}

TEST(Returns, AReturnSaysWhy) {
  EXPECT_EQ(refusal([] { return_reason("  "); }), "required");
  EXPECT_EQ(refusal([] { return_reason(std::string(501 * 3, 'x')); }), "too_long");
  EXPECT_EQ(return_reason(" 代表人数不符 "), "代表人数不符");
}

TEST(Explanations, NeededOnlyWhereBodiesBreakTheRules) {
  EXPECT_EQ(refusal([] { require_explanation(0, "", std::nullopt); }), "");
  EXPECT_EQ(refusal([] { require_explanation(2, "东镇妇联", std::nullopt); }), "explanation_required");
  EXPECT_EQ(refusal([] { require_explanation(2, "东镇妇联", std::string("  ")); }), "explanation_required");
  EXPECT_EQ(refusal([] { require_explanation(2, "东镇妇联", std::string("换届中")); }), "");
}

TEST(Codes, RoundTrip) {
  for (auto k : {MilestoneKind::kForm, MilestoneKind::kAccount, MilestoneKind::kDeadline})
    EXPECT_EQ(kind_from_code(kind_code(k)), k);
  for (auto l : {Level::kDistrict, Level::kTownship, Level::kPilot}) EXPECT_EQ(level_from_code(level_code(l)), l);
  for (auto s : {SubmissionState::kSubmitted, SubmissionState::kReturned, SubmissionState::kAccepted})
    EXPECT_EQ(state_from_code(state_code(s)), s);
  EXPECT_FALSE(kind_from_code("memo"));
}

}  // namespace
