// A nomination entered and worked (domain/selection/nomination): every field's rule naming the
// field, what each event records, and the duplicate's refusal.
#include <gtest/gtest.h>

#include "../support/refusal.h"
#include "domain/id_number.h"
#include "domain/selection/nomination.h"

using namespace jinguo::domain;
using namespace jinguo::domain::selection;

namespace {

using jinguo::test_support::day;

const Date kToday = day("2016-07-01");
const std::string kIdNumber = "23010219800101002" + std::string(1, id_number_check_char("23010219800101002"));

NominationInput valid() {
  NominationInput in;
  in.role = "executive";
  in.channel = "residents";
  in.nominated_by = " 李桂兰 ";
  in.name = " 王秀英 ";
  in.id_number = kIdNumber;
  in.mobile = "138 0451 2345";
  in.statement = "  热心社区事务  ";
  return in;
}

TEST(Nomination, AValidOneIsNormalisedAndStartsNominated) {
  Nomination n = nominate(812, valid(), kToday);
  EXPECT_EQ(n.organisation_id, 812);
  EXPECT_EQ(n.role, "executive");
  EXPECT_EQ(n.channel, Channel::kResidents);
  EXPECT_EQ(n.nominated_by, "李桂兰");
  EXPECT_EQ(n.name, "王秀英");
  EXPECT_EQ(n.id_number, kIdNumber);
  EXPECT_EQ(n.mobile, "13804512345");
  EXPECT_EQ(n.statement, "热心社区事务");
  EXPECT_EQ(n.step, Step::kNominated);
  EXPECT_FALSE(n.manner);
  EXPECT_FALSE(n.person_id);
}

TEST(Nomination, BlankOptionalsAreNoneAndSelfKeepsNoNominator) {
  NominationInput in = valid();
  in.channel = "self";
  in.nominated_by = "她自己";
  in.mobile = "  ";
  in.statement = "";
  Nomination n = nominate(1, in, kToday);
  EXPECT_FALSE(n.nominated_by);
  EXPECT_FALSE(n.mobile);
  EXPECT_FALSE(n.statement);
  // full-width digits are the same number
  in.id_number = "２３０１０２１９８００１０１００２" + kIdNumber.substr(17);
  EXPECT_EQ(nominate(1, in, kToday).id_number, kIdNumber);
}

struct FieldCase {
  const char* name;
  std::optional<std::string> NominationInput::*member;
  std::optional<std::string> value;
  const char* code;
  const char* field;
};

class Fields : public ::testing::TestWithParam<FieldCase> {};

TEST_P(Fields, AreRefusedNamingTheField) {
  const auto& c = GetParam();
  NominationInput in = valid();
  in.*c.member = c.value;
  try {
    nominate(1, in, kToday);
    ADD_FAILURE() << "not refused";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.code(), c.code);
    EXPECT_EQ(e.field(), c.field);
    EXPECT_EQ(e.kind(), ErrorKind::kInvalid);
    EXPECT_FALSE(e.message_zh().empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, Fields,
    ::testing::Values(
        FieldCase{"role_missing", &NominationInput::role, std::nullopt, "required", "role"},
        FieldCase{"role_blank", &NominationInput::role, " ", "required", "role"},
        FieldCase{"channel_missing", &NominationInput::channel, std::nullopt, "required", "channel"},
        FieldCase{"channel_unknown", &NominationInput::channel, "friends", "unknown_channel", "channel"},
        FieldCase{"residents_without_nominator", &NominationInput::nominated_by, "  ", "required", "nominated_by"},
        FieldCase{"nominator_too_long", &NominationInput::nominated_by, std::string(101, 'a'), "too_long",
                  "nominated_by"},
        FieldCase{"name_missing", &NominationInput::name, std::nullopt, "required", "name"},
        FieldCase{"name_with_digits", &NominationInput::name, "王秀英2", "name_characters", "name"},
        FieldCase{"id_number_missing", &NominationInput::id_number, std::nullopt, "required", "id_number"},
        FieldCase{"id_number_short", &NominationInput::id_number, "2301021980", "id_number_length", "id_number"},
        FieldCase{"id_number_checksum", &NominationInput::id_number,
                  "23010219800101002" + std::string(1, kIdNumber[17] == '0' ? '1' : '0'), "id_number_checksum",
                  "id_number"},
        FieldCase{"mobile_landline", &NominationInput::mobile, "0451-86661234", "mobile_format", "mobile"},
        FieldCase{"statement_too_long", &NominationInput::statement, std::string(1001, 'a'), "too_long",
                  "statement"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Nomination, AnUnitNeedsItsNameToo) {
  NominationInput in = valid();
  in.channel = "unit";
  in.nominated_by.reset();
  EXPECT_EQ(jinguo::test_support::refusal([&] { nominate(1, in, kToday); }), "required");
  in.nominated_by = "道里区第一中学";
  EXPECT_EQ(nominate(1, in, kToday).nominated_by, "道里区第一中学");
}

TEST(Nomination, EachEventRecordsWhatItCarried) {
  Nomination n = nominate(1, valid(), kToday);
  EventInput passed;
  passed.passed = true;
  passed.note = "  群众基础好 ";
  Transition assessed = apply(n, Event::kAssess, passed);
  EXPECT_EQ(assessed.after.step, Step::kAssessed);
  EXPECT_EQ(assessed.record.event, Event::kAssess);
  EXPECT_EQ(assessed.record.from, Step::kNominated);
  EXPECT_EQ(assessed.record.to, Step::kAssessed);
  EXPECT_EQ(assessed.record.passed, true);
  EXPECT_EQ(assessed.record.note, "群众基础好");
  EXPECT_FALSE(assessed.record.manner);

  EventInput manner;
  manner.manner = "part_time";
  manner.passed = false;  // not read by decide_manner
  Transition decided = apply(assessed.after, Event::kDecideManner, manner);
  EXPECT_EQ(decided.after.step, Step::kMannerDecided);
  EXPECT_EQ(decided.after.manner, "part_time");
  EXPECT_EQ(decided.record.manner, "part_time");
  EXPECT_FALSE(decided.record.passed);
  EXPECT_FALSE(decided.record.note);

  EventInput why;
  why.note = "本人工作调动";
  Transition withdrawn = apply(decided.after, Event::kWithdraw, why);
  EXPECT_EQ(withdrawn.after.step, Step::kWithdrawn);
  EXPECT_EQ(withdrawn.after.manner, "part_time");  // what was decided stays on record
  EXPECT_EQ(withdrawn.record.from, Step::kMannerDecided);
  EXPECT_EQ(withdrawn.record.note, "本人工作调动");
}

TEST(Nomination, FailingTheAssessmentEndsIt) {
  EventInput failed;
  failed.passed = false;
  Transition t = apply(nominate(1, valid(), kToday), Event::kAssess, failed);
  EXPECT_EQ(t.after.step, Step::kFailed);
  EXPECT_EQ(t.record.passed, false);
}

TEST(Nomination, AnEventRefusesWhatItLacksAndWhatIsOutOfOrder) {
  using jinguo::test_support::refusal;
  Nomination n = nominate(1, valid(), kToday);
  EXPECT_EQ(refusal([&] { apply(n, Event::kAssess, {}); }), "required");
  EventInput no_manner;
  no_manner.manner = " ";
  n.step = Step::kAssessed;
  EXPECT_EQ(refusal([&] { apply(n, Event::kDecideManner, no_manner); }), "required");
  EventInput honorary;
  honorary.manner = "honorary";
  EXPECT_EQ(refusal([&] { apply(n, Event::kDecideManner, honorary); }), "unknown_manner");
  EventInput yes;
  yes.passed = true;
  EXPECT_EQ(refusal([&] { apply(n, Event::kAssess, yes); }), "out_of_order");
  n.step = Step::kWithdrawn;
  EXPECT_EQ(refusal([&] { apply(n, Event::kWithdraw, {}); }), "out_of_order");
  EventInput long_note;
  long_note.passed = true;
  long_note.note = std::string(501, 'x');
  n.step = Step::kNominated;
  EXPECT_EQ(refusal([&] { apply(n, Event::kAssess, long_note); }), "too_long");
}

TEST(Nomination, ASecondOpenNominationIsAConflictNamingTheFirst) {
  DomainError e = already_nominated(7);
  EXPECT_EQ(e.code(), "already_nominated");
  EXPECT_EQ(e.kind(), ErrorKind::kConflict);
  EXPECT_EQ(e.field(), "id_number");
  EXPECT_EQ(e.existing_id(), 7);
  EXPECT_NE(e.message_zh().find("编号7"), std::string::npos);
  EXPECT_FALSE(already_nominated().existing_id());
}

}  // namespace
