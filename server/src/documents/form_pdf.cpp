// The PDF printout of a form table (form_table.h): laid out first (column widths, the height
// of every row, which rows go on which page), then drawn, so that each page can say how many
// pages there are. One canvas for the whole document; nothing is kept per page.
#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "documents/form_table.h"
#include "documents/pdf_canvas.h"

namespace jinguo::documents {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kA4ShortSide = 595.28;
constexpr double kA4LongSide = 841.89;
constexpr double kMargin = 15 * kPointsPerMm;

constexpr const char* kSans = "Noto Sans CJK SC";
constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr double kTitleSize = 16;       // 三号
constexpr double kSubtitleSize = 10.5;  // 五号
constexpr double kFooterSize = 10.5;
constexpr double kPageNumberSize = 9;
// The grid's text is as large as the columns' widths allow on the page, within these.
constexpr double kLargestCellSize = 10.5;
constexpr double kSmallestCellSize = 7;

constexpr double kCellPaddingX = 3;
constexpr double kCellPaddingY = 2.5;
constexpr double kBorderWidth = 0.5;
constexpr double kTitleGap = 8;     // below the title
constexpr double kSubtitleGap = 6;  // below the subtitle
constexpr double kFooterGap = 12;   // between the last row and the footer
constexpr double kFooterLineGap = 8;
// In characters of the footer's font: a blank's length and the space between two entries.
constexpr double kShortestBlank = 6;
constexpr double kLongestBlank = 12;
constexpr double kFooterEntryGap = 2;

[[noreturn]] void reject(const std::string& what) { throw std::invalid_argument("form pdf: " + what); }

// The form's shape must hold together; anything else is the caller's bug.
void check_shape(const FormTable& form) {
  if (form.columns <= 0) reject("a form needs at least one column");
  if (form.header_rows < 0) reject("header_rows is negative");
  const auto columns = static_cast<std::size_t>(form.columns);
  if (form.widths.size() != columns) reject("widths must give every column");
  if (form.numeric.size() != columns) reject("numeric must give every column");
  for (double width : form.widths)
    if (!(width > 0)) reject("a column's width must be positive");
  for (std::size_t i = 0; i < form.rows.size(); ++i)
    if (form.rows[i].size() != columns)
      reject("row " + std::to_string(i + 1) + " has " + std::to_string(form.rows[i].size()) + " texts for " +
             std::to_string(columns) + " columns");
  if (!form.totals.empty() && form.totals.size() != columns) reject("the totals row must give every column");

  std::vector<bool> covered(static_cast<std::size_t>(form.header_rows) * columns, false);
  for (const auto& h : form.headings) {
    if (h.row < 0 || h.column < 0 || h.row_span < 1 || h.column_span < 1 || h.row + h.row_span > form.header_rows ||
        h.column + h.column_span > form.columns)
      reject("heading \"" + h.text + "\" lies outside the header grid");
    for (int r = h.row; r < h.row + h.row_span; ++r)
      for (int c = h.column; c < h.column + h.column_span; ++c) {
        const auto cell = static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(c);
        if (covered[cell]) reject("heading \"" + h.text + "\" overlaps another heading");
        covered[cell] = true;
      }
  }
  if (std::find(covered.begin(), covered.end(), false) != covered.end())
    reject("the headings leave a cell of the header grid uncovered");
}

bool ends_with_colon(const std::string& text) { return text.ends_with("：") || text.ends_with(":"); }

// What goes on one page: the title block on the first, a run of the grid's rows (the body
// rows, then the totals row), the footer on the last.
struct Page {
  std::size_t first_row = 0;
  std::size_t end_row = 0;
  bool title = false;
  bool footer = false;

  bool has_rows() const { return end_row > first_row; }
};

// One labelled blank of the footer, placed on one of its lines.
struct FooterEntry {
  const std::string* label = nullptr;
  double x = 0;  // from the left margin
  double label_width = 0;
  double blank = 0;  // the blank line's length after the label; 0 when the entry is no blank
  int line = 0;
};

class FormPrintout {
 public:
  explicit FormPrintout(const FormTable& form)
      : form_(form),
        page_width_(form.landscape ? kA4LongSide : kA4ShortSide),
        page_height_(form.landscape ? kA4ShortSide : kA4LongSide),
        content_width_(page_width_ - 2 * kMargin),
        canvas_(page_width_, page_height_) {}

  std::string write() {
    place_columns();
    measure_title();
    measure_header();
    measure_rows();
    place_footer();
    paginate();
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      if (i > 0) canvas_.next_page();
      draw_page(pages_[i], i + 1);
    }
    return canvas_.finish();
  }

 private:
  std::size_t row_count() const { return form_.rows.size() + (form_.totals.empty() ? 0 : 1); }
  const std::vector<std::string>& row_texts(std::size_t row) const {
    return row < form_.rows.size() ? form_.rows[row] : form_.totals;
  }
  bool is_totals(std::size_t row) const { return row >= form_.rows.size(); }
  double header_height() const { return header_row_y_.back(); }
  double title_block_height() const {
    return title_height_ + (title_height_ > 0 ? kTitleGap : 0) + subtitle_height_ +
           (subtitle_height_ > 0 ? kSubtitleGap : 0);
  }
  // The width text may take in the columns [first, first + span).
  double inner_width(int first, int span) const {
    return std::max(1.0, column_x_[static_cast<std::size_t>(first + span)] -
                             column_x_[static_cast<std::size_t>(first)] - 2 * kCellPaddingX);
  }
  double cell_height(const std::string& text, PdfCanvas::Font font, int column, int span) {
    if (text.empty()) return line_height_ + 2 * kCellPaddingY;
    return canvas_.text_height(text, font, inner_width(column, span)) + 2 * kCellPaddingY;
  }

  // Widths are relative, in characters: the text gets the largest size at which every column
  // holds its characters, then the columns share what is left of the page's width.
  void place_columns() {
    const double characters = std::accumulate(form_.widths.begin(), form_.widths.end(), 0.0);
    const double paddings = 2 * kCellPaddingX * form_.columns;
    const double size = std::clamp((content_width_ - paddings) / characters, kSmallestCellSize, kLargestCellSize);
    const double spare = content_width_ - paddings - characters * size;  // < 0 when even the smallest is too large
    column_x_.assign(1, kMargin);
    for (double width : form_.widths)
      column_x_.push_back(column_x_.back() + width * size + 2 * kCellPaddingX + spare * width / characters);
    cell_font_ = canvas_.add_font(kSans, size, false);
    bold_cell_font_ = canvas_.add_font(kSans, size, true);
    line_height_ = canvas_.line_height(cell_font_);
  }

  void measure_title() {
    title_font_ = canvas_.add_font(kSerif, kTitleSize, true);
    subtitle_font_ = canvas_.add_font(kSans, kSubtitleSize, false);
    if (!form_.title.empty()) title_height_ = canvas_.text_height(form_.title, title_font_, content_width_);
    if (!form_.subtitle.empty()) subtitle_height_ = canvas_.text_height(form_.subtitle, subtitle_font_, content_width_);
  }

  // Each header row is as tall as its tallest one-row heading; a heading spanning rows that
  // needs more height than they give spreads the difference over them.
  void measure_header() {
    std::vector<double> heights(static_cast<std::size_t>(form_.header_rows), line_height_ + 2 * kCellPaddingY);
    std::vector<const FormHeading*> by_span;
    for (const auto& h : form_.headings) by_span.push_back(&h);
    std::stable_sort(by_span.begin(), by_span.end(),
                     [](const FormHeading* a, const FormHeading* b) { return a->row_span < b->row_span; });
    for (const FormHeading* h : by_span) {
      const auto first = heights.begin() + h->row;
      const auto last = first + h->row_span;
      const double missing =
          cell_height(h->text, cell_font_, h->column, h->column_span) - std::accumulate(first, last, 0.0);
      if (missing > 0)
        for (auto it = first; it != last; ++it) *it += missing / h->row_span;
    }
    header_row_y_.assign(1, 0.0);
    for (double height : heights) header_row_y_.push_back(header_row_y_.back() + height);
  }

  void measure_rows() {
    row_heights_.reserve(row_count());
    for (std::size_t row = 0; row < row_count(); ++row) {
      const auto font = is_totals(row) ? bold_cell_font_ : cell_font_;
      const auto& texts = row_texts(row);
      double height = 0;
      for (int column = 0; column < form_.columns; ++column)
        height = std::max(height, cell_height(texts[static_cast<std::size_t>(column)], font, column, 1));
      row_heights_.push_back(height);
    }
  }

  // The footer's entries fill lines from the left; each line's spare width lengthens its
  // blanks, up to a limit.
  void place_footer() {
    footer_font_ = canvas_.add_font(kSans, kFooterSize, false);
    page_number_font_ = canvas_.add_font(kSans, kPageNumberSize, false);
    footer_line_height_ = canvas_.line_height(footer_font_);
    if (form_.footer.empty()) return;
    const double gap = kFooterEntryGap * kFooterSize;
    int line = 0;
    double used = 0;
    for (const auto& label : form_.footer) {
      FooterEntry entry{&label, 0, canvas_.text_width(label, footer_font_),
                        ends_with_colon(label) ? kShortestBlank * kFooterSize : 0, line};
      const double width = entry.label_width + entry.blank;
      if (used > 0 && used + gap + width > content_width_) {
        ++line;
        used = 0;
      }
      entry.line = line;
      entry.x = used > 0 ? used + gap : 0;
      used = entry.x + width;
      footer_entries_.push_back(entry);
    }
    for (int l = 0; l <= line; ++l) lengthen_blanks(l);
    footer_height_ = (line + 1) * footer_line_height_ + line * kFooterLineGap;
  }

  void lengthen_blanks(int line) {
    std::vector<FooterEntry*> entries;
    for (auto& entry : footer_entries_)
      if (entry.line == line) entries.push_back(&entry);
    const auto blanks = std::count_if(entries.begin(), entries.end(), [](auto* e) { return e->blank > 0; });
    if (blanks == 0) return;
    const double used = entries.back()->x + entries.back()->label_width + entries.back()->blank;
    const double longer =
        std::min((content_width_ - used) / static_cast<double>(blanks), (kLongestBlank - kShortestBlank) * kFooterSize);
    double shift = 0;
    for (auto* entry : entries) {
      entry->x += shift;
      if (entry->blank > 0) {
        entry->blank += longer;
        shift += longer;
      }
    }
  }

  // Rows fill a page down to its bottom margin and are never split; the footer follows the
  // last row, and when it does not fit it takes that row along to a new page.
  void paginate() {
    const double bottom = page_height_ - kMargin;
    pages_.push_back({0, 0, true, false});
    double y = kMargin + title_block_height() + header_height();
    for (std::size_t row = 0; row < row_count(); ++row) {
      if (y + row_heights_[row] > bottom && pages_.back().has_rows()) {
        pages_.push_back({row, row, false, false});
        y = kMargin + header_height();
      }
      y += row_heights_[row];
      pages_.back().end_row = row + 1;
    }
    if (form_.footer.empty()) return;
    Page& last = pages_.back();
    if (y + kFooterGap + footer_height_ <= bottom) {
      last.footer = true;
    } else if (last.end_row - last.first_row > 1) {
      --last.end_row;
      pages_.push_back({last.end_row, last.end_row + 1, false, true});
    } else {
      pages_.push_back({row_count(), row_count(), false, true});
    }
  }

  void draw_page(const Page& page, std::size_t number) {
    double y = kMargin;
    if (page.title) y = draw_title(y);
    if (page.title || page.has_rows()) {
      const double grid_top = y;
      y = draw_rows(page, draw_header(y));
      canvas_.add_line(column_x_.front(), grid_top, column_x_.back(), grid_top);
      canvas_.add_line(column_x_.front(), grid_top, column_x_.front(), y);
      canvas_.stroke(kBorderWidth);
    }
    if (page.footer) draw_footer(y > kMargin ? y + kFooterGap : y);
    const std::string folio = "第 " + std::to_string(number) + " 页 共 " + std::to_string(pages_.size()) + " 页";
    canvas_.draw_text(folio, page_number_font_, TextAlign::kCentre,
                      {kMargin, page_height_ - kMargin, content_width_, kMargin});
  }

  double draw_title(double y) {
    if (title_height_ > 0) {
      canvas_.draw_text(form_.title, title_font_, TextAlign::kCentre, {kMargin, y, content_width_, title_height_});
      y += title_height_ + kTitleGap;
    }
    if (subtitle_height_ > 0) {
      canvas_.draw_text(form_.subtitle, subtitle_font_, TextAlign::kLeft,
                        {kMargin, y, content_width_, subtitle_height_});
      y += subtitle_height_ + kSubtitleGap;
    }
    return y;
  }

  // The text of the cell in the columns [column, column + span), `height` points tall from `top`.
  void draw_cell_text(const std::string& text, PdfCanvas::Font font, TextAlign align, int column, int span, double top,
                      double height) {
    if (text.empty()) return;
    canvas_.draw_text(text, font, align,
                      {column_x_[static_cast<std::size_t>(column)] + kCellPaddingX, top + kCellPaddingY,
                       inner_width(column, span), height - 2 * kCellPaddingY});
  }

  // Every border is drawn once, as long as it runs (a line drawn twice looks heavier on
  // screen, and thousands of short ones are slow): a heading draws its right and bottom
  // edges, the rows their bottom edges and the columns' right edges, draw_page() the grid's
  // top and left edges.
  double draw_header(double top) {
    for (const auto& h : form_.headings) {
      const double left = column_x_[static_cast<std::size_t>(h.column)];
      const double right = column_x_[static_cast<std::size_t>(h.column + h.column_span)];
      const double y = top + header_row_y_[static_cast<std::size_t>(h.row)];
      const double bottom = top + header_row_y_[static_cast<std::size_t>(h.row + h.row_span)];
      draw_cell_text(h.text, cell_font_, TextAlign::kCentre, h.column, h.column_span, y, bottom - y);
      canvas_.add_line(right, y, right, bottom);
      canvas_.add_line(left, bottom, right, bottom);
    }
    return top + header_height();
  }

  double draw_rows(const Page& page, double top) {
    double y = top;
    for (std::size_t row = page.first_row; row < page.end_row; ++row) {
      const auto font = is_totals(row) ? bold_cell_font_ : cell_font_;
      const auto& texts = row_texts(row);
      for (std::size_t column = 0; column < texts.size(); ++column)
        draw_cell_text(texts[column], font, form_.numeric[column] ? TextAlign::kRight : TextAlign::kLeft,
                       static_cast<int>(column), 1, y, row_heights_[row]);
      y += row_heights_[row];
      canvas_.add_line(column_x_.front(), y, column_x_.back(), y);
    }
    if (y > top)
      for (std::size_t edge = 1; edge < column_x_.size(); ++edge)
        canvas_.add_line(column_x_[edge], top, column_x_[edge], y);
    return y;
  }

  void draw_footer(double top) {
    const double underline = canvas_.baseline(footer_font_) + 0.15 * kFooterSize;
    for (const auto& entry : footer_entries_) {
      const double x = kMargin + entry.x;
      const double y = top + entry.line * (footer_line_height_ + kFooterLineGap);
      canvas_.draw_text(*entry.label, footer_font_, TextAlign::kLeft,
                        {x, y, entry.label_width + 1, footer_line_height_});
      if (entry.blank > 0)
        canvas_.add_line(x + entry.label_width, y + underline, x + entry.label_width + entry.blank, y + underline);
    }
    canvas_.stroke(kBorderWidth);
  }

  const FormTable& form_;
  double page_width_;
  double page_height_;
  double content_width_;
  PdfCanvas canvas_;

  PdfCanvas::Font cell_font_ = 0;
  PdfCanvas::Font bold_cell_font_ = 0;
  PdfCanvas::Font title_font_ = 0;
  PdfCanvas::Font subtitle_font_ = 0;
  PdfCanvas::Font footer_font_ = 0;
  PdfCanvas::Font page_number_font_ = 0;

  double line_height_ = 0;  // one line of the grid's text
  double title_height_ = 0;
  double subtitle_height_ = 0;
  std::vector<double> column_x_;      // each column's left edge, then the last one's right edge
  std::vector<double> header_row_y_;  // each header row's top below the grid's top, then its bottom
  std::vector<double> row_heights_;   // the body rows, then the totals row
  std::vector<FooterEntry> footer_entries_;
  double footer_line_height_ = 0;
  double footer_height_ = 0;
  std::vector<Page> pages_;
};

}  // namespace

std::string write_form_pdf(const FormTable& form) {
  check_shape(form);
  return FormPrintout(form).write();
}

}  // namespace jinguo::documents
