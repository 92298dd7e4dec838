#pragma once
// Writing .xlsx workbooks (libxlsxwriter): sheets of a table each, with an optional title,
// a frozen header row, typed cells, column widths, dropdown lists, and plain text sheets
// (instructions). A format only: what the columns are is decided by the caller.
//
// Every text is written as a text cell in a text-formatted ("@") column, so a value that
// begins with = + - @ stays inert text, also after a clerk edits the cell in Excel or WPS.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.h"

namespace jinguo::documents {

enum class ColumnKind { kText, kDate, kNumber };

struct SheetColumn {
  std::string header;
  double width = 12;                  // in Excel's character widths
  ColumnKind kind = ColumnKind::kText;
  std::vector<std::string> choices;   // a dropdown of these values (data validation), when not empty
  bool required = false;              // the header is marked, e.g. bold red
  std::string input_message;          // shown when a cell of the column is selected (≤ 255 bytes)
};

// A plain column: a header, a width, a kind.
inline SheetColumn column(std::string header, double width, ColumnKind kind = ColumnKind::kText) {
  SheetColumn c;
  c.header = std::move(header);
  c.width = width;
  c.kind = kind;
  return c;
}

using CellValue = std::variant<std::monostate, std::string, double, domain::Date>;

struct TableSheet {
  std::string name;                       // ≤ 31 characters, none of []:*?/\ .
  std::optional<std::string> title;       // merged across the columns above the header
  std::vector<SheetColumn> columns;
  std::vector<std::vector<CellValue>> rows;
  int dropdown_rows = 1000;               // how many rows below the header carry the dropdowns
  bool landscape = false;                 // print setup: A4, header repeated, fit to page width
};

struct TextSheet {  // e.g. 填写说明: a few columns of plain text
  std::string name;
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;  // the first row is shown as a heading
};

struct WorkbookSpec {
  std::vector<TableSheet> tables;  // in order, first is active
  std::vector<TextSheet> texts;    // after the tables
};

// The .xlsx file's bytes. Throws std::runtime_error when libxlsxwriter fails (a bug, not a user error).
std::string write_workbook(const WorkbookSpec& spec);

}  // namespace jinguo::documents
