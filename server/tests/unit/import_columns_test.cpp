// Finding a roster's heading row and its columns, and telling data rows from notes.
#include <gtest/gtest.h>

#include "domain/import/columns.h"

using namespace jinguo::domain::import;

namespace {

TextRow row(std::uint32_t number, std::vector<std::string> texts, std::uint32_t first_column = 1) {
  TextRow r;
  r.number = number;
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (!texts[i].empty()) r.cells.emplace_back(first_column + static_cast<std::uint32_t>(i), texts[i]);
  return r;
}

struct HeadingCase {
  const char* name;
  std::string heading;
  std::optional<ColumnKey> expected;
};

class HeadingTest : public testing::TestWithParam<HeadingCase> {};

TEST_P(HeadingTest, Recognises) { EXPECT_EQ(recognise_heading(GetParam().heading), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Columns, HeadingTest,
    testing::Values(
        HeadingCase{"name", "姓名", ColumnKey::kName},
        HeadingCase{"name_spaced", "姓  名", ColumnKey::kName},
        HeadingCase{"name_ideographic_space", "姓\u3000名", ColumnKey::kName},
        HeadingCase{"name_required_mark", "*姓名", ColumnKey::kName},
        HeadingCase{"id_short", "身份证号", ColumnKey::kIdNumber},
        HeadingCase{"id_long", "身份证号码", ColumnKey::kIdNumber},
        HeadingCase{"id_official", "公民身份号码", ColumnKey::kIdNumber},
        HeadingCase{"id_with_remark", "身份证号（18位）", ColumnKey::kIdNumber},
        HeadingCase{"id_with_newline", "身份证\n号码", ColumnKey::kIdNumber},
        HeadingCase{"education_culture", "文化程度", ColumnKey::kEducation},
        HeadingCase{"education_degree", "学历", ColumnKey::kEducation},
        HeadingCase{"birth_month", "出生年月", ColumnKey::kBirthDate},
        HeadingCase{"birth_remark", "出生年月(1980.01)", ColumnKey::kBirthDate},
        HeadingCase{"unit_and_title", "工作单位及职务", ColumnKey::kWorkUnitAndTitle},
        HeadingCase{"unit_and_title_remark", "工作单位及职务（职称）", ColumnKey::kWorkUnitAndTitle},
        HeadingCase{"unit", "工作单位", ColumnKey::kWorkUnit},
        HeadingCase{"title", "职务", ColumnKey::kJobTitle},
        HeadingCase{"role", "妇联职务", ColumnKey::kRole},
        HeadingCase{"manner", "任职方式", ColumnKey::kManner},
        HeadingCase{"source", "界别", ColumnKey::kSource},
        HeadingCase{"mobile", "联系电话", ColumnKey::kMobile},
        HeadingCase{"office", "办公电话", ColumnKey::kOfficePhone},
        HeadingCase{"politics", "政治面貌", ColumnKey::kPoliticalStatus},
        HeadingCase{"organisation", "所在妇联", ColumnKey::kOrganisation},
        HeadingCase{"division", "行政区划代码", ColumnKey::kDivisionCode},
        HeadingCase{"start", "任职时间", ColumnKey::kStartOn},
        HeadingCase{"honour", "荣誉称号", ColumnKey::kHonour},
        HeadingCase{"org_name", "社会组织名称", ColumnKey::kOrgName},
        HeadingCase{"head", "负责人", ColumnKey::kHead},
        HeadingCase{"member_count", "成员人数", ColumnKey::kMemberCount},
        HeadingCase{"founded", "成立时间", ColumnKey::kFoundedOn},
        HeadingCase{"sequence", "序号", ColumnKey::kSequence},
        HeadingCase{"full_width_brackets_only", "（备用）", std::nullopt},
        HeadingCase{"unknown", "爱好", std::nullopt},
        HeadingCase{"empty", "", std::nullopt}),
    [](const auto& info) { return info.param.name; });

TEST(Columns, EveryKeyHasACode) {
  EXPECT_EQ(column_key_code(ColumnKey::kIdNumber), "id_number");
  EXPECT_EQ(column_key_code(ColumnKey::kWorkUnitAndTitle), "work_unit_and_title");
  EXPECT_EQ(column_key_code(ColumnKey::kFoundedOn), "founded_on");
}

// The headings the contract names for the archive imports (docs/api-contract.md, "Archive
// imports") are each read as their column.
TEST(Columns, TheArchiveImportsHeadingsAreRecognised) {
  const std::pair<const char*, ColumnKey> women[] = {
      {"姓名", ColumnKey::kName},   {"身份证号", ColumnKey::kIdNumber}, {"荣誉称号", ColumnKey::kHonour},
      {"领域", ColumnKey::kField},  {"年份", ColumnKey::kYear},         {"推荐单位", ColumnKey::kProposedBy},
      {"备注", ColumnKey::kNotes}};
  const std::pair<const char*, ColumnKey> social[] = {
      {"组织名称", ColumnKey::kOrgName}, {"类型", ColumnKey::kKind},          {"领域", ColumnKey::kField},
      {"负责人", ColumnKey::kHead},      {"成员数", ColumnKey::kMemberCount}, {"联系电话", ColumnKey::kMobile},
      {"所在组织", ColumnKey::kOrganisation}, {"成立日期", ColumnKey::kFoundedOn}, {"备注", ColumnKey::kNotes}};
  for (const auto& [heading, key] : women) EXPECT_EQ(recognise_heading(heading), key) << heading;
  for (const auto& [heading, key] : social) EXPECT_EQ(recognise_heading(heading), key) << heading;
  std::vector<std::string> texts;
  for (const auto& [heading, key] : social) texts.push_back(heading);
  auto header = find_header({row(1, {"妇女社会组织"}), row(2, texts)});
  ASSERT_TRUE(header);
  EXPECT_EQ(header->row_number, 2u);
  EXPECT_TRUE(header->unknown.empty());
}

TEST(FindHeader, BelowTitleRows) {
  std::vector<TextRow> rows = {
      row(1, {"道里区妇联兼职副主席和执常委人员登记表"}),
      row(2, {"填报单位（盖章）：道里区妇联", "", "", "", "填报日期：2016年6月20日"}),
      row(4, {"序号", "姓名", "性别", "出生年月", "民族", "政治面貌", "文化程度", "工作单位及职务", "爱好"}),
      row(5, {"1", "张丽", "女", "1980.01", "汉族", "中共党员", "大学本科", "道里区教育局 科长", "读书"}),
  };
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->row_number, 4u);
  EXPECT_EQ(header->last_row_number, 4u);
  EXPECT_EQ(header->column_of(ColumnKey::kName), 2u);
  EXPECT_EQ(header->column_of(ColumnKey::kWorkUnitAndTitle), 8u);
  EXPECT_FALSE(header->column_of(ColumnKey::kIdNumber));
  ASSERT_EQ(header->unknown.size(), 1u);
  EXPECT_EQ(header->unknown[0].first, 9u);
  EXPECT_EQ(header->unknown[0].second, "爱好");
}

TEST(FindHeader, AnyOrderAndDuplicates) {
  std::vector<TextRow> rows = {row(1, {"手机", "身份证号码", "姓名", "联系电话"})};
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->column_of(ColumnKey::kMobile), 1u);
  EXPECT_EQ(header->column_of(ColumnKey::kIdNumber), 2u);
  ASSERT_EQ(header->duplicated.size(), 1u);
  EXPECT_EQ(header->duplicated[0].column, 4u);
  EXPECT_EQ(header->duplicated[0].key, ColumnKey::kMobile);
}

TEST(FindHeader, TheErrorWorkbooksOwnColumnsAreNotUnknown) {
  auto header = find_header({row(1, {"姓名", "身份证号", "手机", "民族", "爱好", "导入结果", "错误说明"})});
  ASSERT_TRUE(header);
  ASSERT_EQ(header->unknown.size(), 1u);
  EXPECT_EQ(header->unknown[0].second, "爱好");
}

TEST(FindHeader, TwoKnownHeadingsAreEnoughWhenNothingElseIsThere) {
  EXPECT_TRUE(find_header({row(1, {"姓名", "身份证号"})}));
  EXPECT_FALSE(find_header({row(1, {"姓名", "身份证号", "爱好"})}));
}

TEST(FindHeader, OnlyTheFirstTwentyRowsAreSearched) {
  std::vector<TextRow> rows;
  for (std::uint32_t i = 1; i <= 20; ++i) rows.push_back(row(i, {"说明文字"}));
  rows.push_back(row(21, {"姓名", "性别", "民族"}));
  EXPECT_FALSE(find_header(rows));
  rows.erase(rows.begin());
  EXPECT_TRUE(find_header(rows));
}

TEST(FindHeader, TwoRowHeading) {
  std::vector<TextRow> rows = {
      row(3, {"姓名", "性别", "联系电话", "", "民族"}),
      row(4, {"", "", "手机", "办公电话", ""}),
      row(5, {"李梅", "女", "13912345678", "0451-86661234", "汉"}),
  };
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->row_number, 3u);
  EXPECT_EQ(header->last_row_number, 4u);
  EXPECT_EQ(header->column_of(ColumnKey::kMobile), 3u);
  EXPECT_EQ(header->column_of(ColumnKey::kOfficePhone), 4u);
  EXPECT_TRUE(header->duplicated.empty());
}

TEST(FindHeader, WarningsNameUnknownAndRepeatedColumnsOnce) {
  // a repeated key: the leftmost column is read, the other named; five unknown columns one line each
  std::vector<TextRow> rows = {{1, {{1, "姓名"}, {2, "身份证号"}, {3, "公民身份号码"}, {4, "爱好"}, {5, "籍贯"}}}};
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header_warnings(*header),
            (std::vector<std::string>{"未识别的列“爱好”（第4列），将被忽略", "未识别的列“籍贯”（第5列），将被忽略",
                                      "“公民身份号码”（第3列）与“身份证号”（第2列）是同一项，只读取第2列"}));
  // 250 unknown columns (a sheet 16,384 wide): one line, not 250
  TextRow wide{1, {{1, "姓名"}, {2, "身份证号"}, {3, "性别"}}};
  for (std::uint32_t c = 4; c < 254; ++c) wide.cells.push_back({c, "列" + std::to_string(c)});
  header = find_header({wide});
  ASSERT_TRUE(header);
  EXPECT_EQ(header_warnings(*header),
            (std::vector<std::string>{"未识别的列共250列，将被忽略：“列4”（第4列）、“列5”（第5列）、“列6”（第6列）等"}));
}

TEST(ClassifyRows, TitleHeaderDataBlankNotes) {
  std::vector<TextRow> rows = {
      row(1, {"执委名单"}),
      row(2, {"姓名", "性别", "民族"}),
      row(3, {"张丽", "女", "汉族"}),
      row(4, {" ", "\u3000"}),
      row(5, {"王芳", "女", "回族"}),
      row(6, {"姓名", "性别", "民族"}),
      row(7, {"赵敏", "女", "满族"}),
      row(8, {"合计", "3"}),
      row(9, {"填表人：刘洋", "审核人：陈静", "联系电话：0451-86661234"}),
      row(10, {"注：1. 出生年月填写格式为1980.01"}),
      row(11, {"2. 政治面貌填写全称"}),
      row(12, {"注1、此表一式两份"}),
  };
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  auto kinds = classify_rows(rows, *header);
  std::vector<RowKind> expected = {RowKind::kTitle, RowKind::kHeader, RowKind::kData,
                                   RowKind::kBlank, RowKind::kData, RowKind::kRepeatedHeader,
                                   RowKind::kData,  RowKind::kNote, RowKind::kNote,
                                   RowKind::kNote,  RowKind::kNote, RowKind::kNote};
  EXPECT_EQ(kinds, expected);
}

struct NoteCase {
  const char* name;
  std::vector<std::string> cells;
  RowKind expected;
};

class NoteTest : public testing::TestWithParam<NoteCase> {};

TEST_P(NoteTest, Classifies) {
  std::vector<TextRow> rows = {row(1, {"姓名", "性别", "民族"}), row(2, GetParam().cells)};
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(classify_rows(rows, *header)[1], GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Columns, NoteTest,
    testing::Values(NoteCase{"filled_by", {"填表人：张三"}, RowKind::kNote},
                    NoteCase{"filled_by_ascii_colon", {"填表人: 张三"}, RowKind::kNote},
                    NoteCase{"checked_by", {"审核人：", "李四"}, RowKind::kNote},
                    NoteCase{"note", {"注：以上人员均已公示"}, RowKind::kNote},
                    NoteCase{"explanation", {"说明：本表由乡镇妇联填写"}, RowKind::kNote},
                    NoteCase{"phone", {"联系电话：0451-86661234"}, RowKind::kNote},
                    NoteCase{"spaced", {"填 表 人 ：张三"}, RowKind::kNote},
                    NoteCase{"total", {"合计", "", "25"}, RowKind::kNote},
                    NoteCase{"name_starting_like_a_note", {"注丽", "女", "汉族"}, RowKind::kData},
                    NoteCase{"data", {"张丽", "女", "汉族"}, RowKind::kData},
                    NoteCase{"single_cell_data", {"张丽"}, RowKind::kData}),
    [](const auto& info) { return info.param.name; });

}  // namespace
