// The .xlsx writer read back by Jinguo's own reader: headings the importer recognises,
// text that looks like a formula kept as text, dates as date-formatted serials, the
// dropdown lists sheet hidden, and thousands of rows in constant memory.
#include <gtest/gtest.h>

#include "documents/spreadsheet.h"
#include "documents/xlsx_writer.h"
#include "domain/import/columns.h"

using namespace jinguo;
using documents::ColumnKind;

namespace {

documents::WorkbookSpec roster_spec(int rows) {
  documents::TableSheet t;
  t.name = "成员名册";
  t.title = "二八镇妇联 成员名册";
  std::vector<std::string> many;
  for (int i = 0; i < 60; ++i) many.push_back("民族" + std::to_string(i));
  t.columns = {{"姓名", 10, ColumnKind::kText, {}, true, "必填"},
               {"身份证号", 22},
               {"民族", 10, ColumnKind::kText, many},
               {"任职时间", 12, ColumnKind::kDate},
               {"成员数", 8, ColumnKind::kNumber},
               {"备注", 20}};
  for (int i = 0; i < rows; ++i)
    t.rows.push_back({std::string("王秀英") + std::to_string(i), std::string("230102198001011234"),
                      std::string("汉族"), domain::Date(2016, 8, 15), 36.0,
                      std::string(i == 0 ? "=HYPERLINK(\"http://x\")" : i == 1 ? "@SUM(A1)" : "")});
  return {{t}, {{"填写说明", {16, 40}, {{"列名", "说明"}, {"姓名", "必填"}}}}};
}

TEST(XlsxWriter, WhatItWritesReadsBack) {
  auto book = documents::read_xlsx(documents::write_workbook(roster_spec(3)));
  ASSERT_EQ(book.sheets.size(), 3u);
  const auto& sheet = book.sheets[0];
  EXPECT_EQ(sheet.name, "成员名册");
  EXPECT_EQ(book.sheets[1].name, "填写说明");
  EXPECT_TRUE(book.sheets[2].hidden);  // the long dropdown's list
  ASSERT_EQ(sheet.rows.size(), 5u);    // title, heading, three rows
  EXPECT_EQ(sheet.rows[0].at(1).text, "二八镇妇联 成员名册");
  const auto& first = sheet.rows[2];
  EXPECT_EQ(first.at(1).text, "王秀英0");
  EXPECT_EQ(first.at(2).kind, documents::CellKind::kText);  // an ID number is never a number
  EXPECT_EQ(first.at(4).kind, documents::CellKind::kNumber);
  EXPECT_TRUE(first.at(4).date_formatted);
  EXPECT_DOUBLE_EQ(first.at(4).number, 42597.0);  // 2016-08-15 as an Excel serial
  EXPECT_EQ(first.at(6).kind, documents::CellKind::kText);  // a formula stays text
  EXPECT_EQ(first.at(6).text, "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(sheet.rows[3].at(6).text, "@SUM(A1)");

  std::vector<domain::import::TextRow> rows;
  for (const auto& r : sheet.rows) {
    domain::import::TextRow t{r.number, {}};
    for (const auto& c : r.cells) t.cells.push_back({c.column, std::string(c.text)});
    rows.push_back(t);
  }
  auto header = domain::import::find_header(rows);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->row_number, 2u);
  EXPECT_TRUE(header->unknown.empty());
  EXPECT_EQ(header->column_of(domain::import::ColumnKey::kIdNumber), 2u);
  EXPECT_EQ(header->column_of(domain::import::ColumnKey::kStartOn), 4u);
}

TEST(XlsxWriter, ManyRowsInConstantMemory) {
  auto bytes = documents::write_workbook(roster_spec(20'000));
  auto book = documents::read_xlsx(bytes);
  EXPECT_EQ(book.sheets[0].rows.size(), 20'002u);
}

}  // namespace
