// The pieces together, as the import service will use them: a real roster workbook read by
// documents/, its heading and rows found and its values normalised by domain/import.
#include <gtest/gtest.h>

#include "../support/spreadsheet_fixtures.h"
#include "documents/spreadsheet.h"
#include "domain/import/columns.h"
#include "domain/import/values.h"
#include "services/importing.h"

using namespace jinguo;
using namespace jinguo::domain::import;

namespace {

// The service's adapter between the two layers (services/importing.h).
using services::text_rows;
CellValue to_value(const documents::Cell& cell) { return services::import_value_of(cell); }

TEST(ImportPipeline, RosterWorkbookToNormalisedValues) {
  std::string bytes = test::make_xlsx([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "执委");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy/m/d");
    worksheet_merge_range(sheet, 0, 0, 0, 6, "二八镇妇联执委名单", nullptr);
    worksheet_write_string(sheet, 1, 0, "填报单位：二八镇妇联", nullptr);
    const char* headings[] = {"序号", "姓  名", "公民身份号码", "性别", "出生年月", "文化程度", "联系电话"};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(sheet, 3, c, headings[c], nullptr);
    worksheet_write_number(sheet, 4, 0, 1, nullptr);
    worksheet_write_string(sheet, 4, 1, "\u3000张丽 ", nullptr);
    worksheet_write_string(sheet, 4, 2, "11010519491231002x", nullptr);
    worksheet_write_string(sheet, 4, 3, "女", nullptr);
    worksheet_write_number(sheet, 4, 4, 29222, date);
    worksheet_write_string(sheet, 4, 5, "本科", nullptr);
    worksheet_write_number(sheet, 4, 6, 13912345678, nullptr);
    worksheet_write_number(sheet, 5, 0, 2, nullptr);
    worksheet_write_string(sheet, 5, 1, "王芳", nullptr);
    worksheet_write_number(sheet, 5, 2, 2.30102198001011e17, nullptr);
    worksheet_write_string(sheet, 5, 3, "女性", nullptr);
    worksheet_write_number(sheet, 5, 4, 1980.1, nullptr);
    worksheet_write_string(sheet, 5, 5, "大专", nullptr);
    worksheet_write_string(sheet, 5, 6, "0451-86661234", nullptr);
    worksheet_write_string(sheet, 7, 0, "填表人：刘洋", nullptr);
  });
  documents::Workbook book = documents::read_spreadsheet(bytes, "执委.xlsx");
  const documents::Sheet& sheet = book.sheets.at(0);
  auto rows = text_rows(sheet);
  auto header = find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->row_number, 4u);
  auto kinds = classify_rows(rows, *header);
  std::vector<RowKind> expected = {RowKind::kTitle, RowKind::kTitle, RowKind::kHeader, RowKind::kData,
                                   RowKind::kData, RowKind::kNote};
  ASSERT_EQ(kinds, expected);

  std::vector<domain::DictionaryEntry> education(2);
  education[0] = {domain::DictionaryKind::kEducation, "20", "大学本科教育", std::nullopt, "大学本科", 20, true, {}};
  education[1] = {domain::DictionaryKind::kEducation, "30", "大学专科教育", std::nullopt, "大专", 30, true, {}};
  const domain::Date today(2026, 11, 30);
  auto value = [&](const documents::Row& row, ColumnKey key) {
    return to_value(row.at(*header->column_of(key)));
  };

  const documents::Row& first = sheet.rows[3];  // rows 1, 2, 4 (heading), 5
  EXPECT_EQ(clean_text(cell_text(value(first, ColumnKey::kName))), "张丽");  // then the name rule
  EXPECT_EQ(std::get<domain::IdNumber>(normalise_id_number(value(first, ColumnKey::kIdNumber), today)).value,
            "11010519491231002X");
  EXPECT_EQ(std::get<domain::Sex>(normalise_sex(value(first, ColumnKey::kSex))), domain::Sex::kFemale);
  EXPECT_EQ(std::get<DateValue>(normalise_date(value(first, ColumnKey::kBirthDate), book.date1904)).date.iso(),
            "1980-01-02");
  EXPECT_EQ(std::get<std::string>(match_dictionary(value(first, ColumnKey::kEducation),
                                                   domain::DictionaryKind::kEducation, education)),
            "20");
  EXPECT_TRUE(std::get<PhoneNumber>(normalise_phone(value(first, ColumnKey::kMobile))).mobile);

  const documents::Row& second = sheet.rows[4];
  EXPECT_EQ(std::get<ValueError>(normalise_id_number(value(second, ColumnKey::kIdNumber), today)).code,
            "id_number_as_number");
  EXPECT_EQ(std::get<ValueError>(normalise_date(value(second, ColumnKey::kBirthDate))).code, "date_ambiguous");
  EXPECT_EQ(std::get<PhoneNumber>(normalise_phone(value(second, ColumnKey::kMobile))).text, "0451-86661234");
}

}  // namespace
