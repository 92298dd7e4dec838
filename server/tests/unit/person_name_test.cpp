// The characters of a person's name: what is kept, what is normalised, what is refused.
#include <gtest/gtest.h>

#include "domain/error.h"
#include "domain/person.h"

using namespace jinguo::domain;

namespace {

struct NameCase {
  const char* input;
  const char* expected;  // the stored name, or "error:<code>"
};

std::string outcome(const char* input) {
  try {
    return normalise_person_name(input);
  } catch (const DomainError& e) {
    EXPECT_EQ(e.field(), "name");
    return "error:" + e.code();
  }
}

class PersonNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(PersonNames, AreKeptNormalisedOrRefused) {
  EXPECT_EQ(outcome(GetParam().input), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, PersonNames,
    ::testing::Values(
        NameCase{"王秀英", "王秀英"},
        NameCase{"  王秀英\u3000", "王秀英"},                        // trimmed, ideographic space too
        NameCase{"𠮷野", "𠮷野"},                                     // outside the BMP
        NameCase{"阿依古丽·买买提", "阿依古丽·买买提"},
        NameCase{"阿依古丽•买买提", "阿依古丽·买买提"},               // bullet
        NameCase{"阿依古丽‧买买提", "阿依古丽·买买提"},               // hyphenation point
        NameCase{"阿依古丽∙买买提", "阿依古丽·买买提"},               // bullet operator
        NameCase{"阿依古丽．买买提", "阿依古丽·买买提"},              // full-width full stop
        NameCase{"阿依古丽・买买提", "阿依古丽·买买提"},              // katakana middle dot
        NameCase{"阿依古丽 · 买买提", "阿依古丽·买买提"},             // spaces around the dot dropped
        NameCase{"王 秀英", "王秀英"},                                // a space between Han dropped
        NameCase{"Anna  Maria Schmidt", "Anna Maria Schmidt"},       // one space between Latin words
        NameCase{"José Müller", "José Müller"},
        NameCase{"Ｍａｒｙ", "Mary"},                                // full-width Latin
        NameCase{"Nguyễn Thị", "Nguyễn Thị"},
        NameCase{"", "error:required"},
        NameCase{"   ", "error:required"},
        NameCase{"王秀英😀", "error:name_characters"},                // emoji
        NameCase{"王秀英2", "error:name_characters"},                 // digit
        NameCase{"王\t秀英", "error:name_characters"},                // control character
        NameCase{"王秀英!", "error:name_characters"},
        NameCase{"王-秀英", "error:name_characters"},
        NameCase{"王秀英.", "error:name_characters"},
        NameCase{"·买买提", "error:name_characters"},                 // a dot at the start
        NameCase{"阿依古丽··买买提", "error:name_characters"},        // two dots
        NameCase{"\xff\xfe", "error:invalid_text"}),
    [](const auto& info) { return "case" + std::to_string(info.index); });

}  // namespace

TEST(PersonName, AtMostFiftyCharacters) {
  std::string fifty, fifty_one;
  for (int i = 0; i < 50; ++i) fifty += "王";
  fifty_one = fifty + "王";
  EXPECT_EQ(normalise_person_name(fifty), fifty);
  EXPECT_EQ(outcome(fifty_one.c_str()), "error:too_long");
  try {
    normalise_person_name("王1", "rows.3.name");
    FAIL();
  } catch (const DomainError& e) {
    EXPECT_EQ(e.field(), "rows.3.name");  // the importer names the cell
    EXPECT_EQ(e.message_zh(), "姓名只能包含汉字、字母和间隔号“·”");
  }
}

#include "domain/person_query.h"

TEST(PersonQuery, AFullNumberOrAName) {
  const Date today(2026, 11, 30);
  std::string full = "11010519491231002";
  full += id_number_check_char(full);
  auto by_number = person_query(" " + full + " ", today);
  EXPECT_EQ(by_number.id_number, full);
  auto lower_x = person_query("11010519491231002x", today);  // whatever the check character, a number
  ASSERT_TRUE(lower_x.id_number);
  auto partial = person_query("230102", today);  // a partial number names nobody
  ASSERT_TRUE(partial.id_number);
  EXPECT_EQ(*partial.id_number, "230102");
  auto one = person_query("王", today);
  EXPECT_FALSE(one.id_number);
  EXPECT_EQ(one.name, "王");
  EXPECT_FALSE(one.prefix);  // one character: the exact name only
  auto two = person_query(" 王秀 ", today);
  EXPECT_EQ(two.name, "王秀");
  EXPECT_TRUE(two.prefix);
}
