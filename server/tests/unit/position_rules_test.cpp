#include <gtest/gtest.h>

#include "domain/error.h"
#include "domain/position.h"

using namespace jinguo::domain;

namespace {

Position make(PositionId id, std::string role, Date start, std::optional<Date> end = std::nullopt) {
  Position p;
  p.id = id;
  p.role = std::move(role);
  p.start_on = start;
  p.end_on = end;
  return p;
}

int rank(const std::string& role) { return role == "chair" ? 0 : role == "vice_chair" ? 1 : 2; }

std::vector<PositionId> ids(const std::vector<Position>& ps) {
  std::vector<PositionId> out;
  for (const auto& p : ps) out.push_back(p.id);
  return out;
}

}  // namespace

TEST(Roster, AsOfADateAroundStartAndEnd) {
  std::vector<Position> all = {make(1, "executive", Date(2016, 6, 1)),
                               make(2, "chair", Date(2016, 6, 10), Date(2016, 8, 31)),
                               make(3, "vice_chair", Date(2016, 5, 1))};
  EXPECT_EQ(ids(roster_on(all, Date(2016, 5, 31), rank)), (std::vector<PositionId>{3}));
  EXPECT_EQ(ids(roster_on(all, Date(2016, 6, 1), rank)), (std::vector<PositionId>{3, 1}));
  EXPECT_EQ(ids(roster_on(all, Date(2016, 6, 9), rank)), (std::vector<PositionId>{3, 1}));
  EXPECT_EQ(ids(roster_on(all, Date(2016, 6, 10), rank)), (std::vector<PositionId>{2, 3, 1}));
  EXPECT_EQ(ids(roster_on(all, Date(2016, 8, 30), rank)), (std::vector<PositionId>{2, 3, 1}));
  // end_on is the first day she no longer holds it
  EXPECT_EQ(ids(roster_on(all, Date(2016, 8, 31), rank)), (std::vector<PositionId>{3, 1}));
}

TEST(Roster, WithoutRankOrdersByStart) {
  std::vector<Position> all = {make(1, "a", Date(2016, 6, 2)), make(2, "b", Date(2016, 6, 1))};
  EXPECT_EQ(ids(roster_on(all, Date(2016, 7, 1))), (std::vector<PositionId>{2, 1}));
}

TEST(PositionRules, EndingAndStart) {
  Position p = make(1, "chair", Date(2016, 6, 1));
  try {
    validate_ending(p, Date(2016, 6, 1), "换届");
    FAIL();
  } catch (const DomainError& e) {
    EXPECT_EQ(e.code(), "end_before_start");
    EXPECT_EQ(e.field(), "end_on");
  }
  EXPECT_THROW(validate_ending(p, Date(2016, 5, 1), "换届"), DomainError);
  EXPECT_THROW(validate_ending(p, Date(2016, 7, 1), " "), DomainError);
  EXPECT_NO_THROW(validate_ending(p, Date(2016, 6, 2), "换届"));
  EXPECT_THROW(validate_start(Date(1948, 12, 31), Date(2026, 11, 28)), DomainError);
  EXPECT_THROW(validate_start(Date(2028, 1, 1), Date(2026, 11, 28)), DomainError);
  EXPECT_NO_THROW(validate_start(Date(2016, 6, 1), Date(2026, 11, 28)));
}

TEST(PersonRules, Fields) {
  EXPECT_NO_THROW(validate_person_name("阿依古丽·买买提"));
  EXPECT_NO_THROW(validate_person_name("𠮷野"));  // outside the BMP
  EXPECT_THROW(validate_person_name(""), DomainError);
  EXPECT_THROW(validate_person_name(std::string(51, 'a')), DomainError);
  EXPECT_THROW(validate_person_name("\xff\xfe"), DomainError);
  EXPECT_EQ(normalise_mobile("138 0451 2345"), "13804512345");
  EXPECT_EQ(normalise_mobile("+86 138-0451-2345"), "13804512345");
  EXPECT_THROW(normalise_mobile("12804512345"), DomainError);
  EXPECT_THROW(normalise_mobile("1380451234"), DomainError);
  EXPECT_EQ(normalise_office_phone("0451-84694842"), "0451-84694842");
  EXPECT_EQ(normalise_office_phone("0451-84694842-123"), "0451-84694842-123");
  EXPECT_THROW(normalise_office_phone("0451-8469a842"), DomainError);
  EXPECT_THROW(normalise_office_phone("123"), DomainError);
  EXPECT_THROW(validate_free_text("notes", std::string(11, 'a'), 10), DomainError);
  // control characters: a bell, an escape, DEL and a C1 control refused; tab and line breaks kept
  for (const char* bad : {"单位\a", "\x1b[31m单位", "单位\x7f", "单位\xc2\x85"})
    EXPECT_THROW(validate_free_text("work_unit", bad, 100), DomainError) << bad;
  EXPECT_NO_THROW(validate_free_text("notes", "第一行\n第二行\r\n\t缩进", 100));
}
