// The import's value normalisers, one table per normaliser: each row names its case.
#include <gtest/gtest.h>

#include "domain/id_number.h"
#include "domain/import/values.h"

using namespace jinguo::domain;
using namespace jinguo::domain::import;

namespace {

const Date kToday(2026, 11, 28);

CellValue text(std::string s) { return CellValue::of_text(std::move(s)); }
CellValue number(double n, bool date = false) { return CellValue::of_number(n, date); }

template <class T>
std::string error_code(const Normalised<T>& r) {
  return std::holds_alternative<ValueError>(r) ? std::get<ValueError>(r).code : "";
}

// ---- text -------------------------------------------------------------------------

struct TextCase {
  const char* name;
  std::string in;
  std::string half_width;
  std::string cleaned;
};

class TextTest : public testing::TestWithParam<TextCase> {};

TEST_P(TextTest, FoldsAndTrims) {
  EXPECT_EQ(to_half_width(GetParam().in), GetParam().half_width);
  EXPECT_EQ(clean_text(GetParam().in), GetParam().cleaned);
}

INSTANTIATE_TEST_SUITE_P(
    Normalise, TextTest,
    testing::Values(
        TextCase{"plain", "道里区", "道里区", "道里区"},
        TextCase{"full_width_digits", "１９８０", "1980", "１９８０"},
        TextCase{"full_width_letters", "ＡＢｃ", "ABc", "ＡＢｃ"},
        TextCase{"ideographic_space_trimmed", "\u3000张三\u3000", " 张三 ", "张三"},
        TextCase{"nbsp_and_tabs", "\u00A0 a\t\tb \u00A0", "\u00A0 a\t\tb \u00A0", "a b"},
        TextCase{"zero_width_and_bom", "\uFEFF哈尔滨\u200B", "\uFEFF哈尔滨\u200B", "哈尔滨"},
        TextCase{"chinese_punctuation_kept_by_clean", "（兼）", "(兼)", "（兼）"},
        TextCase{"invalid_utf8_kept", "a\xFF" "b", "a\xFF" "b", "a\xFF" "b"}),
    [](const auto& info) { return info.param.name; });

TEST(CellText, NumbersAsExcelShowsThem) {
  EXPECT_EQ(cell_text(number(13912345678)), "13912345678");
  EXPECT_EQ(cell_text(number(2.5)), "2.5");
  EXPECT_EQ(cell_text(number(2.30102198001011e17)), "2.30102198001011E+17");
  EXPECT_EQ(cell_text(text("  a  ")), "a");
  EXPECT_TRUE(is_blank(text(" \u3000 ")));
  EXPECT_FALSE(is_blank(number(0)));
}

// ---- dates ------------------------------------------------------------------------

struct DateCase {
  const char* name;
  CellValue in;
  std::string expected;  // ISO date, or the error code
  DatePrecision precision = DatePrecision::kDay;
  bool date1904 = false;
};

class DateTest : public testing::TestWithParam<DateCase> {};

TEST_P(DateTest, Normalises) {
  const auto& c = GetParam();
  auto r = normalise_date(c.in, c.date1904);
  if (auto* d = std::get_if<DateValue>(&r)) {
    EXPECT_EQ(d->date.iso(), c.expected);
    EXPECT_EQ(d->precision, c.precision);
  } else {
    EXPECT_EQ(std::get<ValueError>(r).code, c.expected);
    EXPECT_FALSE(std::get<ValueError>(r).message_zh.empty());
  }
}

constexpr auto kDay = DatePrecision::kDay;
constexpr auto kMonth = DatePrecision::kMonth;
constexpr auto kYear = DatePrecision::kYear;

INSTANTIATE_TEST_SUITE_P(
    Normalise, DateTest,
    testing::Values(
        DateCase{"iso", text("1980-01-02"), "1980-01-02", kDay},
        DateCase{"dashes_unpadded", text("1980-1-2"), "1980-01-02", kDay},
        DateCase{"slashes", text("1980/1/2"), "1980-01-02", kDay},
        DateCase{"dots", text("1980.1.2"), "1980-01-02", kDay},
        DateCase{"chinese_day", text("1980年1月2日"), "1980-01-02", kDay},
        DateCase{"chinese_hao", text("1980年1月2号"), "1980-01-02", kDay},
        DateCase{"chinese_month", text("1980年1月"), "1980-01-01", kMonth},
        DateCase{"chinese_year", text("1980年"), "1980-01-01", kYear},
        DateCase{"compact_day", text("19800102"), "1980-01-02", kDay},
        DateCase{"compact_month", text("198001"), "1980-01-01", kMonth},
        DateCase{"dot_month", text("1980.01"), "1980-01-01", kMonth},
        DateCase{"dot_month_text_one_digit", text("1980.1"), "1980-01-01", kMonth},
        DateCase{"dot_october_text", text("1980.10"), "1980-10-01", kMonth},
        DateCase{"dash_month", text("1980-01"), "1980-01-01", kMonth},
        DateCase{"year_only", text("1980"), "1980-01-01", kYear},
        DateCase{"with_time", text("1980-01-02 00:00:00"), "1980-01-02", kDay},
        DateCase{"full_width", text("１９８０．０１．０２"), "1980-01-02", kDay},
        DateCase{"spaces_inside", text(" 1980 年 1 月 "), "1980-01-01", kMonth},
        DateCase{"serial", number(29222, true), "1980-01-02", kDay},
        DateCase{"serial_with_time", number(29222.75, true), "1980-01-02", kDay},
        DateCase{"serial_1", number(1, true), "1900-01-01", kDay},
        DateCase{"serial_59", number(59, true), "1900-02-28", kDay},
        DateCase{"serial_60_never_was", number(60, true), "date_invalid"},
        DateCase{"serial_61", number(61, true), "1900-03-01", kDay},
        DateCase{"serial_0", number(0, true), "date_invalid"},
        DateCase{"serial_1904", number(27760, true), "1980-01-02", kDay, true},
        DateCase{"serial_lost_format", number(29222), "1980-01-02", kDay},
        DateCase{"number_compact_day", number(19800102), "1980-01-02", kDay},
        DateCase{"number_compact_month", number(198001), "1980-01-01", kMonth},
        DateCase{"number_year", number(1980), "1980-01-01", kYear},
        DateCase{"number_dot_month", number(1980.01), "1980-01-01", kMonth},
        DateCase{"number_dot_february", number(1980.2), "1980-02-01", kMonth},
        DateCase{"number_dot_december", number(1980.12), "1980-12-01", kMonth},
        DateCase{"number_dot_1_is_ambiguous", number(1980.1), "date_ambiguous"},
        DateCase{"number_dot_bad_month", number(1980.13), "date_invalid"},
        DateCase{"number_bad_compact", number(19801332), "date_invalid"},
        DateCase{"text_30_february", text("1980-02-30"), "date_invalid"},
        DateCase{"text_month_13", text("1980.13"), "date_invalid"},
        DateCase{"two_digit_year", text("80.01"), "date_invalid"},
        DateCase{"words", text("不详"), "date_invalid"},
        DateCase{"empty", text(""), "date_invalid"},
        DateCase{"too_old", text("1850-01-01"), "date_invalid"},
        DateCase{"error_cell", CellValue{CellValue::Kind::kError, "#N/A", 0, false}, "cell_error"}),
    [](const auto& info) { return info.param.name; });

TEST(DateFromSerial, Epochs) {
  EXPECT_EQ(date_from_serial(25569, false)->iso(), "1970-01-01");
  EXPECT_EQ(date_from_serial(0, true)->iso(), "1904-01-01");
  EXPECT_FALSE(date_from_serial(60, false));
  EXPECT_FALSE(date_from_serial(-1, false));
  EXPECT_FALSE(date_from_serial(1e300, false));
}

TEST(DateAgrees, ToThePrecisionTyped) {
  const Date day = *Date::parse("1980-01-17");
  EXPECT_TRUE(agrees({*Date::parse("1980-01-17"), DatePrecision::kDay}, day));
  EXPECT_FALSE(agrees({*Date::parse("1980-01-16"), DatePrecision::kDay}, day));
  EXPECT_TRUE(agrees({*Date::parse("1980-01-01"), DatePrecision::kMonth}, day));
  EXPECT_FALSE(agrees({*Date::parse("1980-02-01"), DatePrecision::kMonth}, day));
  EXPECT_FALSE(agrees({*Date::parse("1981-01-01"), DatePrecision::kMonth}, day));
  EXPECT_TRUE(agrees({*Date::parse("1980-01-01"), DatePrecision::kYear}, day));
  EXPECT_FALSE(agrees({*Date::parse("1979-01-01"), DatePrecision::kYear}, day));
}

// ---- sex --------------------------------------------------------------------------

struct SexCase {
  const char* name;
  CellValue in;
  std::optional<Sex> expected;
};

class SexTest : public testing::TestWithParam<SexCase> {};

TEST_P(SexTest, Normalises) {
  auto r = normalise_sex(GetParam().in);
  if (GetParam().expected)
    EXPECT_EQ(std::get<Sex>(r), *GetParam().expected);
  else
    EXPECT_EQ(error_code(r), "sex_invalid");
}

INSTANTIATE_TEST_SUITE_P(Normalise, SexTest,
                         testing::Values(SexCase{"nv", text("女"), Sex::kFemale},
                                         SexCase{"nvxing", text(" 女性 "), Sex::kFemale},
                                         SexCase{"f", text("F"), Sex::kFemale},
                                         SexCase{"female", text("Female"), Sex::kFemale},
                                         SexCase{"full_width_f", text("Ｆ"), Sex::kFemale},
                                         SexCase{"code_2", number(2), Sex::kFemale},
                                         SexCase{"nan", text("男"), Sex::kMale},
                                         SexCase{"nanxing", text("男性"), Sex::kMale},
                                         SexCase{"m", text("m"), Sex::kMale},
                                         SexCase{"unknown", text("未知"), std::nullopt},
                                         SexCase{"empty", text(""), std::nullopt}),
                         [](const auto& info) { return info.param.name; });

// ---- ID numbers -------------------------------------------------------------------

struct IdCase {
  const char* name;
  CellValue in;
  std::string expected;  // the 18-character number, or the error code
};

class IdNumberTest : public testing::TestWithParam<IdCase> {};

TEST_P(IdNumberTest, Normalises) {
  auto r = normalise_id_number(GetParam().in, kToday);
  if (auto* id = std::get_if<IdNumber>(&r))
    EXPECT_EQ(id->value, GetParam().expected);
  else
    EXPECT_EQ(std::get<ValueError>(r).code, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Normalise, IdNumberTest,
    testing::Values(
        IdCase{"valid", text("11010519491231002X"), "11010519491231002X"},
        IdCase{"lower_x", text("11010519491231002x"), "11010519491231002X"},
        IdCase{"full_width", text("１１０１０５１９４９１２３１００２ｘ"), "11010519491231002X"},
        IdCase{"spaces", text(" 110105 19491231 002X\u3000"), "11010519491231002X"},
        IdCase{"fifteen_digits", text("110105491231002"), "11010519491231002X"},
        IdCase{"fifteen_digits_number_cell", number(110105491231002.0), "11010519491231002X"},
        IdCase{"number_cell_lost_digits", number(2.30102198001011e17), "id_number_as_number"},
        IdCase{"scientific_text", text("2.30102198001011E+17"), "id_number_as_number"},
        IdCase{"scientific_text_lower", text("2.30102198001011e+17"), "id_number_as_number"},
        IdCase{"checksum", text("110105194912310021"), "id_number_checksum"},
        IdCase{"length", text("1101051949123100"), "id_number_length"},
        IdCase{"empty", text(""), "required"}),
    [](const auto& info) { return info.param.name; });

// ---- phones -----------------------------------------------------------------------

struct PhoneCase {
  const char* name;
  CellValue in;
  std::string expected;  // the number, or the error code
  bool mobile = false;
};

class PhoneTest : public testing::TestWithParam<PhoneCase> {};

TEST_P(PhoneTest, Normalises) {
  auto r = normalise_phone(GetParam().in);
  if (auto* p = std::get_if<PhoneNumber>(&r)) {
    EXPECT_EQ(p->text, GetParam().expected);
    EXPECT_EQ(p->mobile, GetParam().mobile);
  } else {
    EXPECT_EQ(std::get<ValueError>(r).code, GetParam().expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Normalise, PhoneTest,
    testing::Values(PhoneCase{"mobile", text("13912345678"), "13912345678", true},
                    PhoneCase{"mobile_number_cell", number(13912345678), "13912345678", true},
                    PhoneCase{"mobile_spaces_dashes", text("139 1234-5678"), "13912345678", true},
                    PhoneCase{"mobile_plus86", text("+86 139 1234 5678"), "13912345678", true},
                    PhoneCase{"mobile_0086", text("0086-13912345678"), "13912345678", true},
                    PhoneCase{"mobile_86", text("8613912345678"), "13912345678", true},
                    PhoneCase{"mobile_full_width", text("１３９１２３４５６７８"), "13912345678", true},
                    PhoneCase{"landline", text("0451-86661234"), "0451-86661234"},
                    PhoneCase{"landline_brackets", text("（0451）86661234"), "0451-86661234"},
                    PhoneCase{"landline_beijing", text("010 12345678"), "010-12345678"},
                    PhoneCase{"landline_compact", text("045186661234"), "0451-86661234"},
                    PhoneCase{"landline_extension", text("0451-86661234转801"), "0451-86661234-801"},
                    PhoneCase{"local_only", text("8666123"), "8666123"},
                    PhoneCase{"two_numbers", text("13912345678/0451-86661234"), "phone_invalid"},
                    PhoneCase{"too_short", text("12345"), "phone_invalid"},
                    PhoneCase{"words", text("无"), "phone_invalid"},
                    PhoneCase{"empty", text(""), "phone_invalid"}),
    [](const auto& info) { return info.param.name; });

// ---- dictionaries -----------------------------------------------------------------

DictionaryEntry entry(DictionaryKind kind, std::string code, std::string label,
                      std::optional<std::string> short_label = std::nullopt, bool active = true) {
  DictionaryEntry e;
  e.kind = kind;
  e.code = std::move(code);
  e.label = std::move(label);
  e.short_label = std::move(short_label);
  e.active = active;
  return e;
}

// As 0002_dictionaries.sql seeds them (a part).
std::vector<DictionaryEntry> live_dictionary() {
  using K = DictionaryKind;
  return {
      entry(K::kEthnicity, "01", "汉族"),
      entry(K::kEthnicity, "03", "回族"),
      entry(K::kEthnicity, "11", "满族"),
      entry(K::kEthnicity, "10", "朝鲜族"),
      entry(K::kPoliticalStatus, "01", "中国共产党党员", "中共党员"),
      entry(K::kPoliticalStatus, "02", "中国共产党预备党员", "中共预备党员"),
      entry(K::kPoliticalStatus, "03", "中国共产主义青年团团员", "共青团员"),
      entry(K::kPoliticalStatus, "12", "无党派民主人士", "无党派人士"),
      entry(K::kPoliticalStatus, "13", "群众", "群众"),
      entry(K::kEducation, "10", "研究生教育", "研究生"),
      entry(K::kEducation, "20", "大学本科教育", "大学本科"),
      entry(K::kEducation, "30", "大学专科教育", "大专"),
      entry(K::kEducation, "40", "中等职业教育", "中专"),
      entry(K::kEducation, "60", "普通高级中学教育", "高中"),
      entry(K::kEducation, "70", "初级中学教育", "初中"),
      entry(K::kRole, "chair", "主席"),
      entry(K::kRole, "vice_chair", "副主席"),
      entry(K::kRole, "executive", "执委"),
      entry(K::kManner, "part_time", "兼职"),
      entry(K::kManner, "volunteer", "志愿者"),
      entry(K::kManner, "retired", "退休返聘", std::nullopt, false),
      entry(K::kSource, "social_worker", "社工"),
      entry(K::kSource, "village_committee", "村（社区）“两委”干部"),
      entry(K::kSource, "twin_a", "楼长"),
      entry(K::kSource, "twin_b", "楼 长"),
  };
}

struct DictionaryCase {
  const char* name;
  DictionaryKind kind;
  CellValue in;
  std::string expected;  // the code, or the error code
};

class DictionaryTest : public testing::TestWithParam<DictionaryCase> {};

TEST_P(DictionaryTest, Matches) {
  auto r = match_dictionary(GetParam().in, GetParam().kind, live_dictionary());
  if (auto* code = std::get_if<std::string>(&r))
    EXPECT_EQ(*code, GetParam().expected);
  else
    EXPECT_EQ(std::get<ValueError>(r).code, GetParam().expected) << std::get<ValueError>(r).message_zh;
}

using K = DictionaryKind;
INSTANTIATE_TEST_SUITE_P(
    Normalise, DictionaryTest,
    testing::Values(
        DictionaryCase{"label", K::kEthnicity, text("汉族"), "01"},
        DictionaryCase{"without_zu", K::kEthnicity, text("汉"), "01"},
        DictionaryCase{"without_zu_three_chars", K::kEthnicity, text("朝鲜"), "10"},
        DictionaryCase{"code", K::kEthnicity, text("03"), "03"},
        DictionaryCase{"code_as_number", K::kEthnicity, number(3), "03"},
        DictionaryCase{"spaces", K::kEthnicity, text(" 满 族 "), "11"},
        DictionaryCase{"unknown_ethnicity", K::kEthnicity, text("火星族"), "dictionary_unknown"},
        DictionaryCase{"full_label", K::kPoliticalStatus, text("中国共产党党员"), "01"},
        DictionaryCase{"short_label", K::kPoliticalStatus, text("中共党员"), "01"},
        DictionaryCase{"synonym_dangyuan", K::kPoliticalStatus, text("党员"), "01"},
        DictionaryCase{"synonym_yubei", K::kPoliticalStatus, text("预备党员"), "02"},
        DictionaryCase{"synonym_tuanyuan", K::kPoliticalStatus, text("团员"), "03"},
        DictionaryCase{"synonym_wudangpai", K::kPoliticalStatus, text("无党派"), "12"},
        DictionaryCase{"qunzhong", K::kPoliticalStatus, text("群众"), "13"},
        DictionaryCase{"synonym_target_missing", K::kPoliticalStatus, text("民革"), "dictionary_unknown"},
        DictionaryCase{"synonym_benke", K::kEducation, text("本科"), "20"},
        DictionaryCase{"benke_xueli", K::kEducation, text("本科学历"), "20"},
        DictionaryCase{"dazhuan_short", K::kEducation, text("大专"), "30"},
        DictionaryCase{"full_label_education", K::kEducation, text("大学专科教育"), "30"},
        DictionaryCase{"shuoshi", K::kEducation, text("硕士研究生"), "10"},
        DictionaryCase{"gaozhong_biye", K::kEducation, text("高中毕业"), "60"},
        DictionaryCase{"zhigao", K::kEducation, text("职高"), "40"},
        DictionaryCase{"banded_heading_unknown", K::kEducation, text("中专/高中"), "dictionary_unknown"},
        DictionaryCase{"role_label", K::kRole, text("副主席"), "vice_chair"},
        DictionaryCase{"label_with_full_width_brackets", K::kSource, text("村（社区）“两委”干部"), "village_committee"},
        DictionaryCase{"label_typed_with_ascii_brackets", K::kSource, text("村(社区)“两委”干部"), "village_committee"},
        DictionaryCase{"role_code", K::kRole, text("executive"), "executive"},
        DictionaryCase{"role_synonym", K::kRole, text("执行委员"), "executive"},
        DictionaryCase{"other_kind_not_matched", K::kRole, text("兼职"), "dictionary_unknown"},
        DictionaryCase{"inactive_not_matched", K::kManner, text("退休返聘"), "dictionary_unknown"},
        DictionaryCase{"manner_synonym", K::kManner, text("志愿"), "volunteer"},
        DictionaryCase{"ambiguous", K::kSource, text("楼长"), "dictionary_ambiguous"},
        DictionaryCase{"empty", K::kSource, text(""), "dictionary_unknown"}),
    [](const auto& info) { return info.param.name; });

TEST(Dictionary, UnknownListsWhatIsAccepted) {
  auto r = match_dictionary(text("博士后"), K::kPoliticalStatus, live_dictionary());
  const auto& e = std::get<ValueError>(r);
  EXPECT_NE(e.message_zh.find("政治面貌“博士后”不在字典中"), std::string::npos) << e.message_zh;
  EXPECT_NE(e.message_zh.find("中共党员"), std::string::npos);
}

}  // namespace

struct PathCase {
  const char* typed;
  std::vector<std::string> parts;
};
class OrganisationPathTest : public ::testing::TestWithParam<PathCase> {};

TEST_P(OrganisationPathTest, SplitsAsTyped) {
  EXPECT_EQ(jinguo::domain::import::organisation_path_parts(GetParam().typed), GetParam().parts);
}

INSTANTIATE_TEST_SUITE_P(
    Typed, OrganisationPathTest,
    ::testing::Values(PathCase{"呼兰区妇联/二八镇妇联", {"呼兰区妇联", "二八镇妇联"}},
                      PathCase{"呼兰区妇联 ／ 二八镇妇联", {"呼兰区妇联", "二八镇妇联"}},
                      PathCase{" 二八镇妇联 ", {"二八镇妇联"}}, PathCase{"/呼兰区妇联//", {"呼兰区妇联"}},
                      PathCase{"２３０１０２００１００１", {"230102001001"}}, PathCase{"  ", {}}));

TEST(OrganisationNameStem, DropsTheKindOfFederation) {
  using jinguo::domain::import::organisation_name_stem;
  EXPECT_EQ(organisation_name_stem("后岗村妇代会"), "后岗村");
  EXPECT_EQ(organisation_name_stem("后岗村妇联"), "后岗村");
  EXPECT_EQ(organisation_name_stem("二八镇妇女联合会"), "二八镇");
  EXPECT_EQ(organisation_name_stem("新农村妇女代表大会"), "新农村");
  EXPECT_EQ(organisation_name_stem("后岗村"), "后岗村");
  EXPECT_EQ(organisation_name_stem("妇联"), "妇联");  // nothing would be left
}

TEST(DivisionCode, IsTwelveDigits) {
  using jinguo::domain::import::is_division_code;
  EXPECT_TRUE(is_division_code("230102001001"));
  EXPECT_FALSE(is_division_code("23010200100"));
  EXPECT_FALSE(is_division_code("23010200100X"));
  EXPECT_FALSE(is_division_code("二八镇妇联"));
}
