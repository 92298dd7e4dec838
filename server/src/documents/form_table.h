#pragma once
// An official form laid out for output: what the .xlsx and the PDF writers draw, with no
// business rule left in it (the counting happened in services/forms; the layout's merged
// headings were resolved by domain/forms). Both writers draw the same grid:
//
//   title                      (centred, bold, across every column)
//   subtitle                   (填报单位 …, 统计日期 …: left, one line)
//   header grid                header_rows × columns, cells given by `headings` (merged spans)
//   body rows                  one `rows` entry each; `columns` texts
//   totals row (optional)      drawn like a body row, bold
//   footer                     one line of labelled blanks (填报单位（盖章）： … 填表人： …)
#include <string>
#include <vector>

namespace jinguo::documents {

// One heading cell of the header grid, at (row, column), 0-based, spanning rows × columns.
struct FormHeading {
  std::string text;
  int row = 0;
  int column = 0;
  int row_span = 1;
  int column_span = 1;
};

struct FormTable {
  std::string title;     // 附表4  扩大基层妇联组织成员情况统计表
  std::string subtitle;  // 填报单位：道里区妇联    统计日期：2016年9月20日（基线：2016年6月1日）
  int header_rows = 1;
  int columns = 0;                    // leaf columns, the row-label column(s) included
  std::vector<FormHeading> headings;  // cover the header grid exactly once
  std::vector<std::vector<std::string>> rows;  // body rows, each `columns` texts (numbers already formatted)
  std::vector<std::string> totals;             // the 合计 row (`columns` texts), empty when the form has none
  std::vector<bool> numeric;                   // per column: a number (right-aligned) or text
  std::vector<double> widths;                  // per column, in characters of a CJK font (≥ 2)
  std::vector<std::string> footer;             // e.g. {"填报单位（盖章）：", "填表人：", "审核人：", "联系电话：", "填报日期："}
  bool landscape = false;                      // A4 landscape when wide
};

// An .xlsx workbook of one sheet: merged heads, thin borders, A4 (landscape when asked),
// header rows repeated on every printed page, fit to one page wide, the footer below the rows.
// Text that starts with = + - @ is written as text, never as a formula.
std::string write_form_xlsx(const FormTable& form);

// A PDF (pango + cairo, Noto CJK embedded): A4, the same grid, the header rows repeated on
// every page, "第 N 页 共 M 页" at the foot of each page, the footer after the last row.
std::string write_form_pdf(const FormTable& form);

}  // namespace jinguo::documents
