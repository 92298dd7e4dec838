// Target scores, attachments and the leadership group (domain/campaign): table by table.
#include <gtest/gtest.h>

#include "../support/refusal.h"
#include "domain/campaign/attachment.h"
#include "domain/campaign/score.h"
#include "domain/error.h"

using namespace jinguo::domain;
using namespace jinguo::domain::campaign;

namespace {

using jinguo::test_support::day;
using jinguo::test_support::refusal;

Milestone milestone(MilestoneId id, MilestoneKind kind, Level level, const char* title) {
  Milestone m;
  m.id = id;
  m.kind = kind;
  m.form = kind == MilestoneKind::kForm ? std::optional<int>(4) : std::nullopt;
  m.level = level;
  m.title = title;
  m.due_on = day("2016-09-20");
  return m;
}

const SchemeContext kContext{{milestone(1, MilestoneKind::kForm, Level::kDistrict, "附表4"),
                              milestone(2, MilestoneKind::kAccount, Level::kDistrict, "书面总结"),
                              milestone(3, MilestoneKind::kDeadline, Level::kDistrict, "全面完成"),
                              milestone(4, MilestoneKind::kForm, Level::kPilot, "示范点报告")}};

ScoreItem item(Measure m, int weight, std::optional<MilestoneId> milestone = std::nullopt,
               std::optional<Date> on = std::nullopt, std::optional<int> penalty = std::nullopt) {
  ScoreItem i;
  i.measure = m;
  i.weight = weight;
  i.milestone_id = milestone;
  i.on = on;
  i.per_day_penalty = penalty;
  return i;
}

struct SchemeCase {
  const char* name;
  std::vector<ScoreItem> items;
  const char* refusal;  // "" when valid
  const char* field;    // the field named
};

class Schemes : public ::testing::TestWithParam<SchemeCase> {};

TEST_P(Schemes, AreCheckedItemByItemNamingTheField) {
  const auto& c = GetParam();
  std::string field;
  try {
    validated_scheme(c.items, kContext);
  } catch (const DomainError& e) {
    EXPECT_EQ(e.code(), c.refusal);
    field = e.field();
  }
  if (*c.refusal) EXPECT_EQ(field, c.field);
  else EXPECT_EQ(field, "");
}

INSTANTIATE_TEST_SUITE_P(
    Table, Schemes,
    ::testing::Values(
        SchemeCase{"whole", {item(Measure::kCompliance, 40, {}, day("2016-08-31")), item(Measure::kTimeliness, 20, 1),
                             item(Measure::kSpotCheck, 20), item(Measure::kAccepted, 20, 2)}, "", ""},
        SchemeCase{"empty", {}, "required", "items"},
        SchemeCase{"all_zero", {item(Measure::kSpotCheck, 0)}, "zero_total", "items"},
        SchemeCase{"weight_over", {item(Measure::kSpotCheck, 10), item(Measure::kSpotCheck, 101)}, "out_of_range",
                   "items[1].weight"},
        SchemeCase{"compliance_without_day", {item(Measure::kCompliance, 10)}, "required", "items[0].on"},
        SchemeCase{"timeliness_without_milestone", {item(Measure::kTimeliness, 10)}, "required",
                   "items[0].milestone_id"},
        SchemeCase{"milestone_of_another_campaign", {item(Measure::kAccepted, 10, 99)}, "unknown_milestone",
                   "items[0].milestone_id"},
        SchemeCase{"a_deadline_is_not_scored", {item(Measure::kTimeliness, 10, 3)}, "not_scorable",
                   "items[0].milestone_id"},
        SchemeCase{"a_pilots_report_is_not_a_districts", {item(Measure::kTimeliness, 10, 4)}, "not_scorable",
                   "items[0].milestone_id"},
        SchemeCase{"spot_check_takes_no_milestone", {item(Measure::kSpotCheck, 10, 1)}, "not_applicable",
                   "items[0].milestone_id"},
        SchemeCase{"penalty_over", {item(Measure::kTimeliness, 10, 1, {}, 101)}, "out_of_range",
                   "items[0].per_day_penalty"},
        SchemeCase{"penalty_on_accepted", {item(Measure::kAccepted, 10, 2, {}, 5)}, "not_applicable",
                   "items[0].per_day_penalty"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Schemes, FillTheLabelAndTheDefaultPenalty) {
  auto items = validated_scheme({item(Measure::kTimeliness, 10, 1), item(Measure::kSpotCheck, 10)}, kContext);
  EXPECT_EQ(items[0].label, "按时报送：附表4");
  EXPECT_EQ(items[0].per_day_penalty, kDefaultPerDayPenalty);
  EXPECT_EQ(items[1].label, "抽查核实");
}

struct ScoreCase {
  const char* name;
  ScoreItem item;
  DistrictFacts facts;
  double points;
  const char* detail;
};

class Scores : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(Scores, EachMeasureGivesItsPoints) {
  const auto& c = GetParam();
  auto s = score_of({c.item}, c.facts);
  ASSERT_EQ(s.parts.size(), 1u);
  EXPECT_DOUBLE_EQ(s.parts[0].points, c.points);
  EXPECT_EQ(s.parts[0].detail, c.detail);
  EXPECT_DOUBLE_EQ(s.total, c.points);
}

DistrictFacts compliance(int meeting, int bodies) {
  DistrictFacts f;
  f.compliance[7] = {meeting, bodies};
  return f;
}
DistrictFacts late(int days) {
  DistrictFacts f;
  f.first_days_late[1] = days;
  return f;
}
DistrictFacts checked(int checked, int confirmed) {
  DistrictFacts f;
  f.checked = checked;
  f.confirmed = confirmed;
  return f;
}
DistrictFacts latest(SubmissionState s) {
  DistrictFacts f;
  f.latest[2] = s;
  return f;
}
ScoreItem with_id(ScoreItem i, std::int64_t id) {
  i.id = id;
  return i;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Scores,
    ::testing::Values(
        ScoreCase{"compliance_share", with_id(item(Measure::kCompliance, 40, {}, day("2016-08-31")), 7),
                  compliance(45, 50), 36, "达标 45/50（90.0%）"},
        ScoreCase{"compliance_nothing_counted", with_id(item(Measure::kCompliance, 40, {}, day("2016-08-31")), 7),
                  DistrictFacts{}, 0, "达标 0/0（0.0%）"},
        ScoreCase{"on_time", item(Measure::kTimeliness, 10, 1, {}, 10), late(0), 10, "按时报送"},
        ScoreCase{"three_days_late", item(Measure::kTimeliness, 10, 1, {}, 10), late(3), 7, "逾期 3 天"},
        ScoreCase{"late_past_nothing", item(Measure::kTimeliness, 10, 1, {}, 10), late(30), 0, "逾期 30 天"},
        ScoreCase{"not_submitted", item(Measure::kTimeliness, 10, 1, {}, 10), DistrictFacts{}, 0, "未报送"},
        ScoreCase{"not_checked_full", item(Measure::kSpotCheck, 15), DistrictFacts{}, 15, "未抽查"},
        ScoreCase{"checked_share", item(Measure::kSpotCheck, 15), checked(8, 7), 13.1, "抽查 8 个，属实 7 个"},
        ScoreCase{"accepted", item(Measure::kAccepted, 15, 2), latest(SubmissionState::kAccepted), 15, "已采纳"},
        ScoreCase{"returned", item(Measure::kAccepted, 15, 2), latest(SubmissionState::kReturned), 0, "未采纳"},
        ScoreCase{"nothing", item(Measure::kAccepted, 15, 2), DistrictFacts{}, 0, "未报送"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Ranks, EqualTotalsShareARank) {
  EXPECT_EQ(ranks_of({90, 80, 80, 70}), (std::vector<int>{1, 2, 2, 4}));
  EXPECT_EQ(ranks_of({}), std::vector<int>{});
  EXPECT_EQ(ranks_of({5, 5, 5}), (std::vector<int>{1, 1, 1}));
}

struct FileCase {
  const char* name;
  std::string bytes;
  const char* refusal;
  const char* type;
};

class Files : public ::testing::TestWithParam<FileCase> {};

TEST_P(Files, AreJudgedByTheirContent) {
  const auto& c = GetParam();
  std::string type;
  EXPECT_EQ(refusal([&] { type = std::string(require_attachable(c.bytes)); }), c.refusal);
  EXPECT_EQ(type, c.type);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Files,
    ::testing::Values(FileCase{"pdf", "%PDF-1.4\n%\xe2\xe3\n", "", "application/pdf"},
                      FileCase{"png", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "", "image/png"},
                      FileCase{"jpeg", "\xff\xd8\xff\xe0JFIF", "", "image/jpeg"},
                      FileCase{"html_named_pdf", "<!DOCTYPE html><html>", "unsupported_file_type", ""},
                      FileCase{"pdf_word_later", " %PDF-1.4", "unsupported_file_type", ""},
                      FileCase{"empty", "", "empty_file", ""},
                      FileCase{"too_large", "%PDF-" + std::string(kMaxAttachmentBytes, 'x'), "file_too_large", ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Files, KeepTheLastSegmentOfTheName) {
  EXPECT_EQ(attachment_name("C:\\\\扫描\\\\附表4（盖章）.pdf"), "附表4（盖章）.pdf");
  EXPECT_EQ(attachment_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(refusal([] { attachment_name("dir/"); }), "required");
  EXPECT_EQ(refusal([] { attachment_name("a\nb.pdf"); }), "invalid_text");
  EXPECT_EQ(refusal([] { attachment_name(std::string(201, 'a')); }), "too_long");
}

TEST(Files, ChangeOnlyWhileTheVersionAwaitsADecision) {
  EXPECT_EQ(refusal([] { require_unlocked(SubmissionState::kSubmitted); }), "");
  EXPECT_EQ(refusal([] { require_unlocked(SubmissionState::kReturned); }), "locked");
  EXPECT_EQ(refusal([] { require_unlocked(SubmissionState::kAccepted); }), "locked");
}

TEST(Group, HasOneLeader) {
  GroupMember m;
  m.name = "王丽华";
  m.role = GroupRole::kLeader;
  EXPECT_EQ(refusal([&] { validate_group_member(m, false); }), "");
  EXPECT_EQ(refusal([&] { validate_group_member(m, true); }), "leader_exists");
  m.role = GroupRole::kDeputy;
  EXPECT_EQ(refusal([&] { validate_group_member(m, true); }), "");
  m.name = " ";
  EXPECT_EQ(refusal([&] { validate_group_member(m, false); }), "required");
  EXPECT_EQ(group_role_from_code("deputy"), GroupRole::kDeputy);
  EXPECT_EQ(group_role_from_code("chair"), std::nullopt);
}

}  // namespace
