// The error workbook read back: the sheet as uploaded (title, heading, data; text as
// text, numbers as numbers), the two added columns after the last one used, and in the
// file's parts the faulty cells' comments, their light red fill and the frozen heading.
#include <gtest/gtest.h>
#include <zip.h>

#include "documents/error_workbook.h"
#include "documents/spreadsheet.h"

using namespace jinguo;
using documents::Cell;
using documents::CellKind;

namespace {

// Literals only: a cell's text is a view (a sheet read from a file keeps its texts in its store).
Cell text(std::uint32_t column, std::string_view value) {
  Cell c;
  c.column = column;
  c.kind = CellKind::kText;
  c.text = value;
  return c;
}
Cell number(std::uint32_t column, double value, bool date = false) {
  Cell c;
  c.column = column;
  c.kind = CellKind::kNumber;
  c.number = value;
  c.date_formatted = date;
  return c;
}

// A sheet as a clerk keeps it: a merged title, a blank row, the heading on row 3.
documents::Sheet uploaded() {
  documents::Sheet s;
  s.name = "执委名单";
  s.rows = {{1, {text(1, "二八镇妇联执委名单")}},
            {3, {text(1, "姓名"), text(2, "身份证号"), text(3, "年龄"), text(4, "任职时间")}},
            {4, {text(1, "王秀英"), text(2, "230102198001011234"), number(3, 46), number(4, 42597, true)}},
            {5, {text(1, "李芳"), text(2, "23010219800101"), number(3, 46)}},
            {6, {text(2, "230102198001011234")}}};
  s.merged = {{1, 1, 1, 4}};
  return s;
}

std::vector<documents::RowAnnotation> annotations() {
  return {{4, "新增", {}, {}},
          {5, "错误", {"身份证号位数不对", "任职时间不能为空"}, {{2, "身份证号位数不对"}, {4, "任职时间不能为空"}}},
          {6, "错误", {"姓名不能为空"}, {{1, "姓名不能为空"}}}};
}

// One part of the .xlsx (a zip), as text.
std::string part(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) return "";
  std::string out;
  if (zip_file_t* f = zip_fopen(archive, name, 0)) {
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(f, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_discard(archive);
  return out;
}

TEST(ErrorWorkbook, TheSheetComesBackAsTypedWithTwoColumnsAdded) {
  const std::string bytes = documents::write_error_workbook(uploaded(), 3, annotations());
  auto book = documents::read_spreadsheet(bytes, "errors.xlsx");
  ASSERT_EQ(book.sheets.size(), 1u);
  const auto& sheet = book.sheets[0];
  EXPECT_EQ(sheet.name, "执委名单");
  EXPECT_EQ(sheet.value_at(1, 1).text, "二八镇妇联执委名单");
  EXPECT_EQ(sheet.value_at(1, 3).text, "二八镇妇联执委名单");  // still merged
  EXPECT_EQ(sheet.value_at(3, 5).text, "导入结果");
  EXPECT_EQ(sheet.value_at(3, 6).text, "错误说明");
  EXPECT_EQ(sheet.value_at(4, 2).kind, CellKind::kText);
  EXPECT_EQ(sheet.value_at(4, 2).text, "230102198001011234");
  EXPECT_EQ(sheet.value_at(4, 3).kind, CellKind::kNumber);
  EXPECT_EQ(sheet.value_at(4, 3).number, 46);
  EXPECT_TRUE(sheet.value_at(4, 4).date_formatted);
  EXPECT_EQ(sheet.value_at(4, 4).number, 42597);
  EXPECT_EQ(sheet.value_at(4, 5).text, "新增");
  EXPECT_EQ(sheet.value_at(4, 6).kind, CellKind::kEmpty);
  EXPECT_EQ(sheet.value_at(5, 5).text, "错误");
  EXPECT_EQ(sheet.value_at(5, 6).text, "身份证号位数不对\n任职时间不能为空");
  EXPECT_EQ(sheet.value_at(6, 1).kind, CellKind::kEmpty);  // the blank name stays blank (but red)
  EXPECT_EQ(sheet.value_at(6, 6).text, "姓名不能为空");
}

TEST(ErrorWorkbook, AnErrorWorkbookUploadedAgainKeepsItsTwoColumnsInPlace) {
  // she fixed two cells in the error workbook and uploaded it: row 5 still wrong, row 6 right now
  documents::Sheet again = uploaded();
  again.rows[1].cells.push_back(text(5, "导入结果"));
  again.rows[1].cells.push_back(text(6, "错误说明"));
  again.rows[3].cells.push_back(text(5, "错误"));
  again.rows[3].cells.push_back(text(6, "身份证号位数不对"));
  again.rows[4].cells.push_back(text(5, "错误"));
  again.rows[4].cells.push_back(text(6, "姓名不能为空"));
  const std::string bytes =
      documents::write_error_workbook(again, 3, {{5, "错误", {"任职时间不能为空"}, {{4, "任职时间不能为空"}}},
                                                 {6, "新增", {}, {}}});
  const auto book = documents::read_spreadsheet(bytes, "errors.xlsx");
  const auto& sheet = book.sheets.at(0);
  EXPECT_EQ(sheet.value_at(3, 5).text, "导入结果");
  EXPECT_EQ(sheet.value_at(3, 6).text, "错误说明");
  EXPECT_EQ(sheet.value_at(3, 7).kind, CellKind::kEmpty);  // not a second pair
  EXPECT_EQ(sheet.value_at(5, 6).text, "任职时间不能为空");  // this upload's message, not the last one's
  EXPECT_EQ(sheet.value_at(6, 5).text, "新增");
  EXPECT_EQ(sheet.value_at(6, 6).kind, CellKind::kEmpty);
}

TEST(ErrorWorkbook, FaultyCellsAreRedWithTheirMessageAsCommentAndTheHeadingIsFrozen) {
  const std::string bytes = documents::write_error_workbook(uploaded(), 3, annotations());
  const std::string comments = part(bytes, "xl/comments1.xml");
  for (const char* cell : {"\"B5\"", "\"D5\"", "\"A6\""}) EXPECT_NE(comments.find(cell), std::string::npos) << cell;
  EXPECT_NE(comments.find("身份证号位数不对"), std::string::npos);
  EXPECT_NE(comments.find("姓名不能为空"), std::string::npos);
  EXPECT_EQ(comments.find("\"A4\""), std::string::npos);  // a valid row has none
  EXPECT_NE(part(bytes, "xl/styles.xml").find("FFC7CE"), std::string::npos);
  const std::string sheet = part(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("ySplit=\"3\""), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
}

TEST(ErrorWorkbook, ASheetNameExcelWouldRefuseBecomesSheet1) {
  auto sheet = uploaded();
  sheet.name = "a/b";
  auto book = documents::read_spreadsheet(documents::write_error_workbook(sheet, 3, {}), "errors.xlsx");
  ASSERT_EQ(book.sheets.size(), 1u);
  EXPECT_EQ(book.sheets[0].name, "Sheet1");
  EXPECT_EQ(book.sheets[0].value_at(3, 5).text, "导入结果");
}

}  // namespace
