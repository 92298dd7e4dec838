#include <gtest/gtest.h>

#include "domain/error.h"
#include "domain/id_number.h"

using namespace jinguo::domain;

namespace {

const Date kToday(2026, 11, 28);

std::string error_code(std::string_view raw) {
  try {
    parse_id_number(raw, kToday);
  } catch (const DomainError& e) {
    EXPECT_EQ(e.field(), "id_number");
    return e.code();
  }
  return "";
}

}  // namespace

TEST(IdNumber, AcceptsValid18WithCheckDigit) {
  std::string first17 = "23010219800101123";
  std::string id = first17 + id_number_check_char(first17);
  auto parsed = parse_id_number(id, kToday);
  EXPECT_EQ(parsed.value, id);
  EXPECT_EQ(parsed.birth_date, Date(1980, 1, 1));
  EXPECT_EQ(parsed.sex, Sex::kMale);  // 17th digit 3 is odd
}

TEST(IdNumber, KnownRealFormatWithX) {
  // 11010519491231002X is the standard's worked example: check character X, female.
  auto parsed = parse_id_number("11010519491231002X", kToday);
  EXPECT_EQ(parsed.sex, Sex::kFemale);
  EXPECT_EQ(parsed.birth_date, Date(1949, 12, 31));
}

TEST(IdNumber, LowerCaseXAndFullWidthAndSpacesAreNormalised) {
  EXPECT_EQ(parse_id_number("11010519491231002x", kToday).value, "11010519491231002X");
  EXPECT_EQ(parse_id_number(" 110105 19491231 002X ", kToday).value, "11010519491231002X");
  EXPECT_EQ(parse_id_number("１１０１０５１９４９１２３１００２Ｘ", kToday).value, "11010519491231002X");
}

TEST(IdNumber, Converts15DigitLegacyNumber) {
  auto parsed = parse_id_number("110105491231002", kToday);
  EXPECT_EQ(parsed.value.size(), 18u);
  EXPECT_EQ(parsed.value.substr(0, 17), "11010519491231002");
  EXPECT_EQ(parsed.birth_date, Date(1949, 12, 31));
}

TEST(IdNumber, RejectsWhatIsWrong) {
  EXPECT_EQ(error_code("110105194912310021"), "id_number_checksum");
  EXPECT_EQ(error_code("1101051949123100"), "id_number_length");
  EXPECT_EQ(error_code(""), "required");
  EXPECT_EQ(error_code("11010519491231002Y"), "id_number_format");
  EXPECT_EQ(error_code("11010A491231002"), "id_number_format");
  EXPECT_EQ(error_code("991051194912310021"), "id_number_region");
  std::string bad_day = "23010219800230123";  // 30 February
  EXPECT_EQ(error_code(bad_day + id_number_check_char(bad_day)), "id_number_birth_date");
  std::string future = "23010220300101123";
  EXPECT_EQ(error_code(future + id_number_check_char(future)), "id_number_birth_date");
}

TEST(IdNumber, Masks) { EXPECT_EQ(mask_id_number("11010519491231002X"), "110105********002X"); }
