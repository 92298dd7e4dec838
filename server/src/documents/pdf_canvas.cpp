#include "documents/pdf_canvas.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

namespace jinguo::documents {

namespace {

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

using Layout = std::unique_ptr<PangoLayout, GObjectUnref>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// pango wants valid UTF-8 (it warns on the log otherwise): bad bytes become U+FFFD.
void set_text(PangoLayout* layout, std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    return;
  }
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  pango_layout_set_text(layout, valid, -1);
  g_free(valid);
}

PangoAlignment pango_alignment(TextAlign align) {
  switch (align) {
    case TextAlign::kLeft:
      return PANGO_ALIGN_LEFT;
    case TextAlign::kCentre:
      return PANGO_ALIGN_CENTER;
    case TextAlign::kRight:
      return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

int pango_units(double points) { return static_cast<int>(points * PANGO_SCALE); }

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Whether `text` surely fits on one line `width` points wide in a CJK font of `em` points,
// without laying it out: all its characters are ones such a font draws at most one em wide
// (printable ASCII; U+3000–U+9FFF: CJK punctuation, kana, ideographs; U+FF00–U+FFFF:
// full-width forms), and there are few enough of them. Anything else is for pango to measure.
bool surely_one_line(std::string_view text, double em, double width) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++characters) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0x20 && lead <= 0x7E) {
      ++i;
      continue;
    }
    if (i + 2 >= text.size()) return false;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    const bool cjk = lead >= 0xE3 && lead <= 0xE9;
    const bool full_width = lead == 0xEF && second >= 0xBC;
    if (!(cjk || full_width) || !continuation(second) || !continuation(static_cast<unsigned char>(text[i + 2])))
      return false;
    i += 3;
  }
  return static_cast<double>(characters) * em <= width;
}

}  // namespace

struct PdfCanvas::State {
  struct Line {
    double x1, y1, x2, y2;
  };

  // Declared first, destroyed last: the surface writes into it until it is destroyed.
  std::string bytes;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface;
  std::unique_ptr<cairo_t, CairoDestroy> cr;
  std::unique_ptr<PangoContext, GObjectUnref> context;
  std::vector<Layout> layouts;       // one a font, reused for every text drawn in it
  std::vector<double> sizes;         // each font's size
  std::vector<double> line_heights;  // each font's height of one line
  std::vector<Line> lines;

  // The layout of `font` holding `text`, `width` points wide (unbounded when negative).
  PangoLayout* laid_out(std::string_view text, Font font, double width) {
    PangoLayout* layout = layouts.at(font).get();
    pango_layout_set_width(layout, width < 0 ? -1 : pango_units(width));
    set_text(layout, text);
    return layout;
  }
};

PdfCanvas::PdfCanvas(double page_width, double page_height) : state_(std::make_unique<State>()) {
  state_->surface.reset(cairo_pdf_surface_create_for_stream(append_to_string, &state_->bytes, page_width, page_height));
  state_->cr.reset(cairo_create(state_->surface.get()));
  if (cairo_status(state_->cr.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("pdf: cannot create the surface: ") +
                             cairo_status_to_string(cairo_status(state_->cr.get())));
  state_->context.reset(pango_cairo_create_context(state_->cr.get()));
  pango_context_set_language(state_->context.get(), pango_language_from_string("zh-cn"));
}

PdfCanvas::~PdfCanvas() = default;

PdfCanvas::Font PdfCanvas::add_font(const std::string& family, double size, bool bold) {
  PangoFontDescription* description = pango_font_description_new();
  pango_font_description_set_family(description, family.c_str());
  pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(description, size * PANGO_SCALE);  // points: the PDF's unit
  Layout layout(pango_layout_new(state_->context.get()));
  pango_layout_set_font_description(layout.get(), description);
  pango_font_description_free(description);
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  state_->layouts.push_back(std::move(layout));
  state_->sizes.push_back(size);
  const Font font = state_->layouts.size() - 1;
  int height = 0;
  pango_layout_get_size(state_->laid_out("", font, -1), nullptr, &height);
  state_->line_heights.push_back(static_cast<double>(height) / PANGO_SCALE);
  return font;
}

double PdfCanvas::text_height(std::string_view text, Font font, double width) {
  const double room = width < 0 ? std::numeric_limits<double>::infinity() : width;
  if (surely_one_line(text, state_->sizes.at(font), room)) return line_height(font);
  int height = 0;
  pango_layout_get_size(state_->laid_out(text, font, width), nullptr, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double PdfCanvas::line_height(Font font) const { return state_->line_heights.at(font); }

double PdfCanvas::text_width(std::string_view text, Font font) {
  int width = 0;
  pango_layout_get_size(state_->laid_out(text, font, -1), &width, nullptr);
  return static_cast<double>(width) / PANGO_SCALE;
}

double PdfCanvas::baseline(Font font) {
  return static_cast<double>(pango_layout_get_baseline(state_->laid_out("", font, -1))) / PANGO_SCALE;
}

void PdfCanvas::draw_text(std::string_view text, Font font, TextAlign align, const Box& box) {
  PangoLayout* layout = state_->laid_out(text, font, box.width);
  pango_layout_set_alignment(layout, pango_alignment(align));
  int height = 0;
  pango_layout_get_size(layout, nullptr, &height);
  const double spare = box.height - static_cast<double>(height) / PANGO_SCALE;
  cairo_t* cr = state_->cr.get();
  cairo_new_path(cr);
  cairo_move_to(cr, box.x, box.y + std::max(0.0, spare / 2));
  pango_cairo_show_layout(cr, layout);
  cairo_new_path(cr);
}

void PdfCanvas::draw_text(std::string_view text, Font font, TextAlign align, const Box& box, double r, double g,
                          double b) {
  cairo_t* cr = state_->cr.get();
  cairo_set_source_rgb(cr, r, g, b);
  draw_text(text, font, align, box);
  cairo_set_source_rgb(cr, 0, 0, 0);
}

void PdfCanvas::fill(const std::vector<Box>& boxes) {
  cairo_t* cr = state_->cr.get();
  cairo_new_path(cr);
  for (const auto& b : boxes) cairo_rectangle(cr, b.x, b.y, b.width, b.height);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
}

void PdfCanvas::add_line(double x1, double y1, double x2, double y2) { state_->lines.push_back({x1, y1, x2, y2}); }

void PdfCanvas::stroke(double line_width) {
  cairo_t* cr = state_->cr.get();
  cairo_new_path(cr);
  for (const auto& l : state_->lines) {
    cairo_move_to(cr, l.x1, l.y1);
    cairo_line_to(cr, l.x2, l.y2);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, line_width);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke(cr);
  state_->lines.clear();
}

void PdfCanvas::next_page() { cairo_show_page(state_->cr.get()); }

std::string PdfCanvas::finish() {
  state_->layouts.clear();
  state_->context.reset();
  state_->cr.reset();
  cairo_surface_finish(state_->surface.get());
  const cairo_status_t status = cairo_surface_status(state_->surface.get());
  state_->surface.reset();
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("pdf: cannot write the document: ") + cairo_status_to_string(status));
  return std::move(state_->bytes);
}

}  // namespace jinguo::documents
