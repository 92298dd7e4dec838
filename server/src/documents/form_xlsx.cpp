// An official form as an .xlsx workbook of one sheet (documents/form_table.h): the title and
// subtitle across the grid, the merged header grid, the rows, 合计 in bold, the footer line;
// thin borders, A4 (landscape when asked), the header rows repeated on every printed page,
// fit to one page wide.
#include <charconv>
#include <memory>
#include <optional>
#include <stdexcept>

#include <xlsxwriter.h>

#include "documents/form_table.h"
#include "documents/temp_folder.h"

namespace jinguo::documents {

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx form: ") + what + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format *title, *subtitle, *heading, *text, *number, *total_text, *total_number, *footer;
};

lxw_format* bordered(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 16);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.subtitle = workbook_add_format(wb);
  format_set_align(f.subtitle, LXW_ALIGN_LEFT);
  f.heading = bordered(wb);
  format_set_bold(f.heading);
  format_set_align(f.heading, LXW_ALIGN_CENTER);
  f.text = bordered(wb);
  f.number = bordered(wb);
  format_set_align(f.number, LXW_ALIGN_RIGHT);
  f.total_text = bordered(wb);
  format_set_bold(f.total_text);
  format_set_align(f.total_text, LXW_ALIGN_CENTER);
  f.total_number = bordered(wb);
  format_set_bold(f.total_number);
  format_set_align(f.total_number, LXW_ALIGN_RIGHT);
  f.footer = workbook_add_format(wb);
  format_set_align(f.footer, LXW_ALIGN_LEFT);
  return f;
}

// A whole number written as a number; anything else (a formula-like text included) as text.
std::optional<double> number_of(const std::string& text) {
  long long n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return static_cast<double>(n);
}

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, bool numeric,
                lxw_format* as_text, lxw_format* as_number) {
  if (text.empty()) {
    check(worksheet_write_blank(ws, row, col, numeric ? as_number : as_text), "blank");
  } else if (auto n = numeric ? number_of(text) : std::nullopt) {
    check(worksheet_write_number(ws, row, col, *n, as_number), "number");
  } else {
    check(worksheet_write_string(ws, row, col, text.c_str(), numeric ? as_number : as_text), "text");
  }
}

void write_line(lxw_worksheet* ws, lxw_row_t row, lxw_col_t last, const std::string& text, lxw_format* f) {
  if (last > 0) check(worksheet_merge_range(ws, row, 0, row, last, text.c_str(), f), "merged line");
  else check(worksheet_write_string(ws, row, 0, text.c_str(), f), "line");
}

}  // namespace

std::string write_form_xlsx(const FormTable& form) {
  if (form.columns < 1) throw std::invalid_argument("xlsx form: no columns");
  TempFolder folder;
  const std::string file = (folder.path() / "form.xlsx").string();
  std::string tmpdir = folder.path().string();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> wb(workbook_new_opt(file.c_str(), &options),
                                                             [](lxw_workbook* w) {
                                                               if (w) workbook_close(w);
                                                             });
  if (!wb) throw std::runtime_error("xlsx form: cannot create the workbook");
  const Formats f = make_formats(wb.get());
  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "报表");
  const auto last = static_cast<lxw_col_t>(form.columns - 1);
  const auto width = [&](int c) {
    return c < static_cast<int>(form.widths.size()) ? form.widths[static_cast<std::size_t>(c)] : 8.0;
  };
  const auto numeric = [&](std::size_t c) { return c < form.numeric.size() && form.numeric[c]; };
  for (int c = 0; c < form.columns; ++c)
    check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width(c) * 2 + 1, nullptr),
          "column");

  check(worksheet_set_row(ws, 0, 30, nullptr), "title row");
  write_line(ws, 0, last, form.title, f.title);
  write_line(ws, 1, last, form.subtitle, f.subtitle);
  const lxw_row_t head = 2;
  for (const auto& h : form.headings) {
    const auto r0 = static_cast<lxw_row_t>(head + h.row), r1 = static_cast<lxw_row_t>(head + h.row + h.row_span - 1);
    const auto c0 = static_cast<lxw_col_t>(h.column), c1 = static_cast<lxw_col_t>(h.column + h.column_span - 1);
    if (r0 == r1 && c0 == c1) check(worksheet_write_string(ws, r0, c0, h.text.c_str(), f.heading), "heading");
    else check(worksheet_merge_range(ws, r0, c0, r1, c1, h.text.c_str(), f.heading), "merged heading");
  }
  lxw_row_t row = head + static_cast<lxw_row_t>(form.header_rows);
  for (const auto& texts : form.rows) {
    for (std::size_t c = 0; c < texts.size() && c < static_cast<std::size_t>(form.columns); ++c)
      write_cell(ws, row, static_cast<lxw_col_t>(c), texts[c], numeric(c), f.text, f.number);
    ++row;
  }
  if (!form.totals.empty()) {
    for (std::size_t c = 0; c < form.totals.size() && c < static_cast<std::size_t>(form.columns); ++c)
      write_cell(ws, row, static_cast<lxw_col_t>(c), form.totals[c], numeric(c), f.total_text, f.total_number);
    ++row;
  }
  if (!form.footer.empty()) {
    std::string line;
    for (const auto& part : form.footer) line += (line.empty() ? "" : "          ") + part;
    write_line(ws, row + 1, last, line, f.footer);
  }

  worksheet_set_paper(ws, 9);  // A4
  if (form.landscape) worksheet_set_landscape(ws);
  else worksheet_set_portrait(ws);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally(ws);
  check(worksheet_repeat_rows(ws, head, head + static_cast<lxw_row_t>(form.header_rows) - 1), "repeat rows");
  worksheet_fit_to_pages(ws, 1, 0);
  check(workbook_close(wb.release()), "close");
  return file_bytes(file);
}

}  // namespace jinguo::documents
