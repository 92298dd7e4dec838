// Corrections of a stored position (更正) and same-day deletion: the pure rules.
#include <gtest/gtest.h>

#include <functional>

#include "domain/error.h"
#include "domain/position.h"

using namespace jinguo::domain;

namespace {

const Date kToday(2026, 11, 30);

Position held(std::string role, Date start, std::optional<Date> end = std::nullopt,
              std::optional<std::string> end_reason = std::nullopt) {
  Position p;
  p.id = 7;
  p.person_id = 3;
  p.organisation_id = 5;
  p.role = std::move(role);
  p.manner = "volunteer";
  p.start_on = start;
  p.end_on = end;
  p.end_reason = std::move(end_reason);
  return p;
}

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code() + "@" + e.field();
  }
  return "ok";
}

struct CorrectionCase {
  const char* name;
  Position before;
  PositionCorrection change;
  std::string expected;  // "ok" or code@field
};

class CorrectionRules : public ::testing::TestWithParam<CorrectionCase> {};

TEST_P(CorrectionRules, RefusesWhatAnAppointmentOrAnEndWould) {
  const auto& c = GetParam();
  EXPECT_EQ(code_of([&] { corrected(c.before, c.change, kToday); }), c.expected) << c.name;
}

PositionCorrection start(Date d) {
  PositionCorrection c;
  c.start_on = d;
  return c;
}
PositionCorrection end(std::optional<Date> d, std::optional<std::optional<std::string>> reason = std::nullopt) {
  PositionCorrection c;
  c.end_on = d;
  c.end_reason = reason;
  return c;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CorrectionRules,
    ::testing::Values(
        CorrectionCase{"earlier start", held("member", Date(2016, 7, 1)), start(Date(2016, 6, 1)), "ok"},
        CorrectionCase{"start before 1949", held("member", Date(2016, 7, 1)), start(Date(1948, 12, 31)),
                       "start_too_early@start_on"},
        CorrectionCase{"start over a year ahead", held("member", Date(2016, 7, 1)), start(Date(2028, 1, 1)),
                       "start_too_late@start_on"},
        CorrectionCase{"start past the end", held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届"),
                       start(Date(2016, 9, 1)), "end_before_start@start_on"},
        CorrectionCase{"end before start", held("member", Date(2016, 7, 1)),
                       end(Date(2016, 6, 1), std::optional<std::string>("调离")), "end_before_start@end_on"},
        CorrectionCase{"end without a reason", held("member", Date(2016, 7, 1)), end(Date(2016, 9, 1)),
                       "required@end_reason"},
        CorrectionCase{"end with a blank reason", held("member", Date(2016, 7, 1)),
                       end(Date(2016, 9, 1), std::optional<std::string>("  ")), "required@end_reason"},
        CorrectionCase{"end moved, reason kept", held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届"),
                       end(Date(2016, 10, 1)), "ok"},
        CorrectionCase{"reason cleared while ended", held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届"),
                       end(Date(2016, 10, 1), std::optional<std::string>()), "required@end_reason"},
        CorrectionCase{"end undone", held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届"),
                       end(std::nullopt), "ok"}),
    [](const auto& info) { return "case" + std::to_string(info.index); });

}  // namespace

TEST(Correction, UndoingAnEndClearsItsReasonAndTrimsTexts) {
  PositionCorrection c;
  c.end_on = std::optional<Date>();
  c.notes = std::optional<std::string>("  录入有误  ");
  c.source = std::optional<std::string>();
  auto before = held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届");
  before.source = "social_worker";
  auto after = corrected(before, c, kToday);
  EXPECT_FALSE(after.end_on);
  EXPECT_FALSE(after.end_reason);
  EXPECT_FALSE(after.source);
  EXPECT_EQ(after.notes, "录入有误");
  c.notes = std::optional<std::string>("   ");
  EXPECT_FALSE(corrected(before, c, kToday).notes);
}

TEST(Correction, ReasonIsRequiredAndAtMost200Characters) {
  EXPECT_EQ(validate_correction_reason("  录入错误 "), "录入错误");
  EXPECT_EQ(code_of([] { validate_correction_reason(" \u3000"); }), "required@reason");
  std::string long_reason;
  for (int i = 0; i < 201; ++i) long_reason += "字";
  EXPECT_EQ(code_of([&] { validate_correction_reason(long_reason); }), "too_long@reason");
}

TEST(Correction, NewlyCoveredDays) {
  auto before = held("member", Date(2016, 7, 1), Date(2016, 9, 1), "换届");
  auto same = before;
  EXPECT_TRUE(newly_covered(before, same).empty());
  auto earlier = before;  // two months earlier: June is new
  earlier.start_on = Date(2016, 5, 1);
  auto spans = newly_covered(before, earlier);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].from, Date(2016, 5, 1));
  EXPECT_EQ(spans[0].until, Date(2016, 7, 1));
  auto reopened = before;  // the end undone: everything from the old end on is new
  reopened.end_on.reset();
  spans = newly_covered(before, reopened);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].from, Date(2016, 9, 1));
  EXPECT_FALSE(spans[0].until);
  auto shorter = before;  // ending earlier covers nothing new
  shorter.end_on = Date(2016, 8, 1);
  EXPECT_TRUE(newly_covered(before, shorter).empty());
  auto moved = before;  // moved wholly after the old end
  moved.start_on = Date(2016, 10, 1);
  moved.end_on = Date(2016, 12, 1);
  spans = newly_covered(before, moved);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].from, Date(2016, 10, 1));
  auto other_role = before;  // a new role is new on every day
  other_role.role = "deputy_director";
  spans = newly_covered(before, other_role);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].from, Date(2016, 7, 1));
  EXPECT_EQ(spans[0].until, Date(2016, 9, 1));
}

TEST(Correction, DatesToJudgeAreSpanStartsAndChangesInside) {
  std::vector<DaySpan> spans{{Date(2016, 5, 1), Date(2016, 7, 1)}, {Date(2016, 9, 1), std::nullopt}};
  std::vector<Date> changes{Date(2016, 4, 1), Date(2016, 6, 15), Date(2016, 7, 1), Date(2017, 1, 1),
                            Date(2016, 6, 15)};
  EXPECT_EQ(dates_to_judge(spans, changes),
            (std::vector<Date>{Date(2016, 5, 1), Date(2016, 6, 15), Date(2016, 9, 1), Date(2017, 1, 1)}));
  EXPECT_TRUE(dates_to_judge({}, changes).empty());
}

TEST(Deletion, OnlyOnTheDayItWasEnteredInChina) {
  struct Case {
    const char* created_at;
    bool deletable;
  } cases[] = {
      {"2026-11-30T02:00:00Z", true},   // 10:00 in China
      {"2026-11-29T16:00:00Z", true},   // midnight in China: already the 30th
      {"2026-11-29T15:59:59Z", false},  // 23:59 on the 29th in China
      {"2026-11-30T16:00:00Z", false},  // the 1st of December in China
      {"2016-07-01T08:00:00Z", false},
      {"not a time", false},
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(deletable_on(c.created_at, kToday), c.deletable) << c.created_at;
  EXPECT_EQ(code_of([] { validate_deletion("2016-07-01T08:00:00Z", kToday); }), "delete_too_late@id");
  EXPECT_EQ(code_of([] { validate_deletion("2026-11-30T01:00:00Z", kToday); }), "ok");
}
