#pragma once
// A PDF drawn in memory with pango + cairo: pages of one size in points, text laid out by pango
// (language zh-cn, wrapped between words and, where a word is too long, between characters)
// and thin black lines. cairo embeds the fonts used as subsets. Private to documents/.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jinguo::documents {

enum class TextAlign { kLeft, kCentre, kRight };

// A rectangle on the page, in points from the top left corner.
struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

class PdfCanvas {
 public:
  using Font = std::size_t;

  PdfCanvas(double page_width, double page_height);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // A font by fontconfig family ("Noto Sans CJK SC"), its size in points, regular or bold.
  Font add_font(const std::string& family, double size, bool bold);

  // The height of `text` laid out `width` points wide (an empty text is one line high).
  double text_height(std::string_view text, Font font, double width);
  // The height of one line.
  double line_height(Font font) const;
  // The width of `text` on one line.
  double text_width(std::string_view text, Font font);
  // How far below a line's top its baseline lies.
  double baseline(Font font);
  // Draws `text` laid out in the box's width and centred in its height (from the box's top
  // when it is taller than the box).
  void draw_text(std::string_view text, Font font, TextAlign align, const Box& box);

  // Lines are collected and drawn by stroke(), all at once, with square ends (so that two
  // lines meeting at a corner close it).
  void add_line(double x1, double y1, double x2, double y2);
  void stroke(double line_width);

  // Fills boxes in black at once (a QR code's modules).
  void fill(const std::vector<Box>& boxes);
  // Draws `text` in a colour (r, g, b from 0 to 1): a grey note under a black text.
  void draw_text(std::string_view text, Font font, TextAlign align, const Box& box, double r, double g, double b);

  void next_page();
  // Ends the last page and returns the PDF's bytes; the canvas draws nothing after it.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace jinguo::documents
