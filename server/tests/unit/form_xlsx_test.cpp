// The .xlsx of a form, read back with the project's own reader: title and subtitle across
// the grid, the merged header grid, numbers as numbers, 合计, the footer, and a
// formula-like text kept as text.
#include <gtest/gtest.h>

#include <algorithm>

#include "documents/form_table.h"
#include "documents/spreadsheet.h"

using namespace jinguo::documents;

namespace {

FormTable sample() {
  FormTable t;
  t.title = "附表4  扩大基层妇联组织成员情况统计表";
  t.subtitle = "填报单位：道里区妇联    统计日期：2016年9月20日";
  t.header_rows = 2;
  t.columns = 4;
  t.headings = {{"组织层级", 0, 0, 2, 1}, {"组织数（个）", 0, 1, 2, 1}, {"成员数（人）", 0, 2, 1, 2},
                {"扩大前", 1, 2, 1, 1}, {"扩大后", 1, 3, 1, 1}};
  t.rows = {{"乡镇", "2", "50", "61"}, {"=SUM(A1)", "1", "-3", ""}};
  t.totals = {"合计", "3", "47", "61"};
  t.numeric = {false, true, true, true};
  t.widths = {10, 6, 6, 6};
  t.footer = {"填报单位（盖章）：", "填表人："};
  t.landscape = true;
  return t;
}

const Cell& at(const Sheet& s, std::uint32_t row, std::uint32_t column) { return s.value_at(row, column); }

bool merged(const Sheet& s, std::uint32_t r0, std::uint32_t c0, std::uint32_t r1, std::uint32_t c1) {
  return std::any_of(s.merged.begin(), s.merged.end(), [&](const MergedRange& m) {
    return m.first_row == r0 && m.first_column == c0 && m.last_row == r1 && m.last_column == c1;
  });
}

TEST(FormXlsx, MergedHeadsNumbersTotalsFooterAndInertText) {
  const auto book = read_xlsx(write_form_xlsx(sample()));
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& s = book.sheets.front();
  EXPECT_EQ(at(s, 1, 1).text, "附表4  扩大基层妇联组织成员情况统计表");
  EXPECT_TRUE(merged(s, 1, 1, 1, 4));  // the title across the columns
  EXPECT_TRUE(merged(s, 2, 1, 2, 4));  // the subtitle
  EXPECT_TRUE(merged(s, 3, 1, 4, 1));  // 组织层级 over both header rows
  EXPECT_TRUE(merged(s, 3, 3, 3, 4));  // 成员数（人） over two leaves
  EXPECT_EQ(at(s, 3, 3).text, "成员数（人）");
  EXPECT_EQ(at(s, 4, 3).text, "扩大前");
  EXPECT_EQ(at(s, 4, 4).text, "扩大后");
  EXPECT_EQ(at(s, 5, 1).text, "乡镇");
  EXPECT_EQ(at(s, 5, 3).kind, CellKind::kNumber);
  EXPECT_EQ(at(s, 5, 3).number, 50);
  EXPECT_EQ(at(s, 6, 1).kind, CellKind::kText);
  EXPECT_EQ(at(s, 6, 1).text, "=SUM(A1)");
  EXPECT_EQ(at(s, 6, 3).number, -3);
  EXPECT_EQ(at(s, 7, 1).text, "合计");
  EXPECT_EQ(at(s, 7, 2).number, 3);
  EXPECT_NE(at(s, 9, 1).text.find("填表人："), std::string_view::npos);
}

}  // namespace
