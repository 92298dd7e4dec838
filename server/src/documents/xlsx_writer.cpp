#include "documents/xlsx_writer.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include <xlsxwriter.h>

#include "documents/temp_folder.h"

namespace jinguo::documents {

namespace {

constexpr const char* kListsSheet = "_lists";  // hidden: the choices of long dropdowns
constexpr std::size_t kInlineListLimit = 255;  // Excel's limit for a list written into the validation

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* required_header;
  lxw_format* text;
  lxw_format* date;
  lxw_format* number;
  lxw_format* heading;
  lxw_format* wrap;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.required_header = workbook_add_format(wb);
  format_set_bold(f.required_header);
  format_set_font_color(f.required_header, 0xC00000);
  format_set_bg_color(f.required_header, 0xDDEBF7);
  format_set_border(f.required_header, LXW_BORDER_THIN);
  format_set_text_wrap(f.required_header);
  format_set_align(f.required_header, LXW_ALIGN_CENTER);
  format_set_align(f.required_header, LXW_ALIGN_VERTICAL_CENTER);
  f.text = workbook_add_format(wb);
  format_set_num_format(f.text, "@");  // typed input stays text: no formula, no 2.3E+17 for an ID number
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.number = workbook_add_format(wb);
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_text_wrap(f.heading);
  format_set_align(f.heading, LXW_ALIGN_VERTICAL_TOP);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_format* column_format(const Formats& f, ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kDate: return f.date;
    case ColumnKind::kNumber: return f.number;
    case ColumnKind::kText: break;
  }
  return f.text;
}

std::size_t joined_length(const std::vector<std::string>& v) {
  std::size_t n = 0;
  for (const auto& s : v) n += s.size() + 1;
  return n;
}

// Long dropdowns point at a column of the hidden lists sheet; short ones are written inline.
// The sheet is written last, row by row, as constant-memory mode requires.
class Lists {
 public:
  explicit Lists(const WorkbookSpec& spec) {
    for (const auto& t : spec.tables)
      for (const auto& c : t.columns)
        if (joined_length(c.choices) > kInlineListLimit && !column_of(c.choices)) columns_.push_back(&c.choices);
  }
  // The formula of the range holding `choices`, one of the long lists found at construction.
  std::string range_of(const std::vector<std::string>& choices) const {
    const auto col = column_of(choices).value();
    char first[16], last[16];
    lxw_rowcol_to_cell_abs(first, 0, col, 1, 1);
    lxw_rowcol_to_cell_abs(last, static_cast<lxw_row_t>(choices.size() - 1), col, 1, 1);
    return std::string("=") + kListsSheet + "!" + first + ":" + last;
  }
  void write(lxw_workbook* wb) const {
    if (columns_.empty()) return;
    lxw_worksheet* ws = workbook_add_worksheet(wb, kListsSheet);
    std::size_t rows = 0;
    for (const auto* c : columns_) rows = std::max(rows, c->size());
    for (std::size_t r = 0; r < rows; ++r)
      for (lxw_col_t col = 0; col < columns_.size(); ++col)
        if (r < columns_[col]->size())
          check(worksheet_write_string(ws, static_cast<lxw_row_t>(r), col, (*columns_[col])[r].c_str(), nullptr),
                "list");
    worksheet_hide(ws);
  }

 private:
  std::optional<lxw_col_t> column_of(const std::vector<std::string>& choices) const {
    for (lxw_col_t col = 0; col < columns_.size(); ++col)
      if (*columns_[col] == choices) return col;
    return std::nullopt;
  }
  std::vector<const std::vector<std::string>*> columns_;
};

void add_dropdown(lxw_worksheet* ws, const Lists& lists, const SheetColumn& c, lxw_row_t first, lxw_row_t last,
                  lxw_col_t col) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // a value outside the list is flagged, not blocked
  std::vector<const char*> inline_list;
  std::string formula;
  if (joined_length(c.choices) <= kInlineListLimit) {
    for (const auto& s : c.choices) inline_list.push_back(s.c_str());
    inline_list.push_back(nullptr);
    v.value_list = const_cast<char**>(inline_list.data());
  } else {
    formula = lists.range_of(c.choices);
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = formula.data();
  }
  std::string message = c.input_message.substr(0, 250);
  if (!message.empty()) v.input_message = message.data();
  check(worksheet_data_validation_range(ws, first, col, last, col, &v), "data validation");
}

void write_table(lxw_workbook* wb, const Formats& f, const Lists& lists, const TableSheet& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
  if (!ws) throw std::runtime_error("xlsx: bad sheet name " + t.name);
  lxw_row_t row = 0;
  if (t.title) {
    check(worksheet_set_row(ws, row, 24, nullptr), "title row");
    check(worksheet_write_string(ws, row++, 0, t.title->c_str(), f.title), "title");
  }
  const lxw_row_t header = row;
  for (lxw_col_t c = 0; c < t.columns.size(); ++c) {
    const auto& col = t.columns[c];
    check(worksheet_set_column(ws, c, c, col.width, column_format(f, col.kind)), "column");
    check(worksheet_write_string(ws, header, c, col.header.c_str(), col.required ? f.required_header : f.header),
          "header");
  }
  check(worksheet_set_row(ws, header, 30, nullptr), "header row");
  worksheet_freeze_panes(ws, header + 1, 0);
  worksheet_set_paper(ws, 9);  // A4
  if (t.landscape) worksheet_set_landscape(ws);
  check(worksheet_repeat_rows(ws, header, header), "repeat rows");
  worksheet_fit_to_pages(ws, 1, 0);
  row = header + 1;
  for (const auto& values : t.rows) {
    for (lxw_col_t c = 0; c < values.size() && c < t.columns.size(); ++c) {
      lxw_format* format = column_format(f, t.columns[c].kind);
      const CellValue& cell = values[c];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        if (!s->empty()) check(worksheet_write_string(ws, row, c, s->c_str(), f.text), "text cell");
      } else if (const auto* n = std::get_if<double>(&cell)) {
        check(worksheet_write_number(ws, row, c, *n, format), "number cell");
      } else if (const auto* d = std::get_if<domain::Date>(&cell)) {
        lxw_datetime dt{d->year(), static_cast<int>(d->month()), static_cast<int>(d->day()), 0, 0, 0};
        check(worksheet_write_datetime(ws, row, c, &dt, f.date), "date cell");
      }
    }
    ++row;
  }
  const lxw_row_t last = std::max<lxw_row_t>(row, header + static_cast<lxw_row_t>(t.dropdown_rows));
  for (lxw_col_t c = 0; c < t.columns.size(); ++c)
    if (!t.columns[c].choices.empty() || !t.columns[c].input_message.empty()) {
      if (t.columns[c].choices.empty()) {
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_ANY;
        std::string message = t.columns[c].input_message.substr(0, 250);
        v.input_message = message.data();
        check(worksheet_data_validation_range(ws, header + 1, c, last, c, &v), "input message");
      } else {
        add_dropdown(ws, lists, t.columns[c], header + 1, last, c);
      }
    }
}

void write_text(lxw_workbook* wb, const Formats& f, const TextSheet& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
  if (!ws) throw std::runtime_error("xlsx: bad sheet name " + t.name);
  for (lxw_col_t c = 0; c < t.widths.size(); ++c) check(worksheet_set_column(ws, c, c, t.widths[c], f.wrap), "column");
  for (lxw_row_t r = 0; r < t.rows.size(); ++r)
    for (lxw_col_t c = 0; c < t.rows[r].size(); ++c)
      check(worksheet_write_string(ws, r, c, t.rows[r][c].c_str(), r == 0 ? f.heading : f.wrap), "text");
}

}  // namespace

std::string write_workbook(const WorkbookSpec& spec) {
  TempFolder folder;
  const std::string file = (folder.path() / "book.xlsx").string();
  std::string tmpdir = folder.path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: exports of any size
  options.tmpdir = tmpdir.data();
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> wb(workbook_new_opt(file.c_str(), &options),
                                                             [](lxw_workbook* w) {
                                                               if (w) workbook_close(w);  // frees on error paths
                                                             });
  if (!wb) throw std::runtime_error("xlsx: cannot create the workbook");
  Formats f = make_formats(wb.get());
  const Lists lists(spec);
  for (const auto& t : spec.tables) write_table(wb.get(), f, lists, t);
  for (const auto& t : spec.texts) write_text(wb.get(), f, t);
  lists.write(wb.get());
  lxw_error closed = workbook_close(wb.release());
  check(closed, "close");
  return file_bytes(file);
}

}  // namespace jinguo::documents
