#include "documents/error_workbook.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include <xlsxwriter.h>

#include "documents/temp_folder.h"

namespace jinguo::documents {

namespace {

constexpr lxw_color_t kFaultyFill = 0xFFC7CE;  // Excel's "light red fill"

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("error workbook: ") + what + ": " + lxw_strerror(e));
}

// The formats of a cell by what it holds, plain and faulty.
struct CellFormats {
  lxw_format* text;
  lxw_format* number;
  lxw_format* date;
};

CellFormats cell_formats(lxw_workbook* wb, bool faulty) {
  CellFormats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_num_format(f.text, "@");  // typed text stays text when the clerk edits it
  format_set_num_format(f.date, "yyyy-mm-dd");
  if (faulty)
    for (lxw_format* x : {f.text, f.number, f.date}) {
      format_set_pattern(x, LXW_PATTERN_SOLID);
      format_set_bg_color(x, kFaultyFill);
    }
  return f;
}

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell, const CellFormats& f) {
  switch (cell.kind) {
    case CellKind::kText:
    case CellKind::kError:  // the error literal (#N/A) as text
      check(worksheet_write_string(ws, row, col, std::string(cell.text).c_str(), f.text), "text cell");
      break;
    case CellKind::kNumber:
      check(worksheet_write_number(ws, row, col, cell.number, cell.date_formatted ? f.date : f.number), "number cell");
      break;
    case CellKind::kBool:
      check(worksheet_write_boolean(ws, row, col, cell.number != 0.0, f.number), "boolean cell");
      break;
    case CellKind::kEmpty:
      check(worksheet_write_blank(ws, row, col, f.text), "blank cell");
      break;
  }
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::uint32_t last_column(const Sheet& sheet) {
  std::uint32_t last = 0;
  for (const auto& row : sheet.rows)
    if (!row.cells.empty()) last = std::max(last, row.cells.back().column);
  for (const auto& m : sheet.merged) last = std::max(last, m.last_column);
  return last;
}

// The 0-based columns of 导入结果 and 错误说明 when the sheet already has them (she fixed her cells
// in an error workbook and uploaded it again): written afresh in place, not added a second time.
std::optional<std::pair<lxw_col_t, lxw_col_t>> result_columns(const Sheet& sheet, std::uint32_t header_row) {
  std::optional<lxw_col_t> outcome, messages;
  for (const auto& row : sheet.rows) {
    if (row.number != header_row) continue;
    for (const auto& cell : row.cells) {
      if (cell.kind != CellKind::kText) continue;
      if (cell.text == kOutcomeHeading) outcome = static_cast<lxw_col_t>(cell.column - 1);
      if (cell.text == kMessagesHeading) messages = static_cast<lxw_col_t>(cell.column - 1);
    }
  }
  if (outcome && messages && outcome != messages) return std::pair{*outcome, *messages};
  return std::nullopt;
}

}  // namespace

std::string write_error_workbook(const Sheet& sheet, std::uint32_t header_row,
                                 const std::vector<RowAnnotation>& annotations) {
  TempFolder folder;
  const auto file = (folder.path() / "errors.xlsx").string();
  std::string tmpdir = folder.path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;  // cell comments need the whole sheet in memory
  options.tmpdir = tmpdir.data();
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> wb(workbook_new_opt(file.c_str(), &options),
                                                             [](lxw_workbook* w) {
                                                               if (w) workbook_close(w);  // frees on error paths
                                                             });
  if (!wb) throw std::runtime_error("error workbook: cannot create the workbook");
  const CellFormats plain = cell_formats(wb.get(), false), faulty = cell_formats(wb.get(), true);
  lxw_format* heading = workbook_add_format(wb.get());
  format_set_bold(heading);
  lxw_format* wrap = workbook_add_format(wb.get());
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheet.name.c_str());
  if (!ws) ws = workbook_add_worksheet(wb.get(), nullptr);  // a name Excel would not take (a CSV's)
  if (!ws) throw std::runtime_error("error workbook: cannot add the sheet");

  std::unordered_map<std::uint32_t, const RowAnnotation*> by_row;
  for (const auto& a : annotations) by_row.emplace(a.row, &a);
  const auto again = result_columns(sheet, header_row);
  // the column after the last (0-based), or where they were
  const lxw_col_t outcome_col = again ? again->first : static_cast<lxw_col_t>(last_column(sheet));
  const lxw_col_t messages_col = again ? again->second : outcome_col + 1;
  auto ours = [&](std::uint32_t column) {
    const auto c = static_cast<lxw_col_t>(column - 1);
    return c == outcome_col || c == messages_col;
  };
  check(worksheet_set_column(ws, outcome_col, outcome_col, 10, nullptr), "column");
  check(worksheet_set_column(ws, messages_col, messages_col, 50, wrap), "column");

  for (const auto& m : sheet.merged)
    check(worksheet_merge_range(ws, m.first_row - 1, static_cast<lxw_col_t>(m.first_column - 1), m.last_row - 1,
                                static_cast<lxw_col_t>(m.last_column - 1), "", plain.text),
          "merged range");
  for (const auto& row : sheet.rows) {
    const auto r = static_cast<lxw_row_t>(row.number - 1);
    const auto found = by_row.find(row.number);
    const RowAnnotation* note = found == by_row.end() ? nullptr : found->second;
    std::map<std::uint32_t, std::vector<std::string>> faults;  // column → its messages
    if (note)
      for (const auto& f : note->faulty)
        if (f.column > 0) faults[f.column].push_back(f.message);
    for (const auto& cell : row.cells)
      if (!ours(cell.column))
        write_cell(ws, r, static_cast<lxw_col_t>(cell.column - 1), cell, faults.contains(cell.column) ? faulty : plain);
    for (const auto& [column, messages] : faults) {
      const auto c = static_cast<lxw_col_t>(column - 1);
      if (row.at(column).kind == CellKind::kEmpty) write_cell(ws, r, c, Cell{}, faulty);  // a required cell left blank
      check(worksheet_write_comment(ws, r, c, joined(messages).c_str()), "comment");
    }
    if (row.number == header_row) {
      check(worksheet_write_string(ws, r, outcome_col, kOutcomeHeading.data(), heading), "heading");
      check(worksheet_write_string(ws, r, messages_col, kMessagesHeading.data(), heading), "heading");
    } else if (note) {
      check(worksheet_write_string(ws, r, outcome_col, note->outcome.c_str(), plain.text), "outcome");
      if (!note->messages.empty())
        check(worksheet_write_string(ws, r, messages_col, joined(note->messages).c_str(), wrap), "messages");
    }
  }
  if (header_row > 0) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header_row), 0);
  check(workbook_close(wb.release()), "close");
  return file_bytes(file);
}

}  // namespace jinguo::documents
