#include "documents/notice_poster.h"

#include "documents/pdf_canvas.h"
#include "documents/qr_code.h"

namespace jinguo::documents {

namespace {

constexpr double kWidth = 595.28;  // A4 portrait, in points
constexpr double kHeight = 841.89;
constexpr double kMargin = 56;
constexpr double kTextWidth = kWidth - 2 * kMargin;
constexpr double kBottom = kHeight - kMargin;
constexpr double kQrSide = 140;
constexpr double kQrBlock = kQrSide + 24;

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

// Lays text out from the top down, going on to a new page when the next piece does not fit.
class Flow {
 public:
  explicit Flow(PdfCanvas& pdf) : pdf_(pdf) {}
  double y() const { return y_; }
  // Room for `height` more points on this page, or a new page.
  void need(double height) {
    if (y_ + height > kBottom && y_ > kMargin) {
      pdf_.next_page();
      y_ = kMargin;
    }
  }
  void text(const std::string& t, PdfCanvas::Font font, TextAlign align, double gap_after) {
    const double h = pdf_.text_height(t, font, kTextWidth);
    need(h);
    pdf_.draw_text(t, font, align, {kMargin, y_, kTextWidth, h});
    y_ += h + gap_after;
  }
  // A heading and its paragraphs (a heading is kept with the first lines that follow it).
  void section(const std::string& heading, const std::string& body, PdfCanvas::Font head, PdfCanvas::Font font) {
    need(pdf_.line_height(head) + 3 * pdf_.line_height(font));
    text(heading, head, TextAlign::kLeft, 4);
    std::size_t start = 0;
    while (start <= body.size()) {
      auto end = body.find('\n', start);
      if (end == std::string::npos) end = body.size();
      std::string paragraph = body.substr(start, end - start);
      if (!paragraph.empty()) text(paragraph, font, TextAlign::kLeft, 4);
      start = end + 1;
    }
    y_ += 10;
  }
  void skip(double points) { y_ += points; }

 private:
  PdfCanvas& pdf_;
  double y_ = kMargin;
};

}  // namespace

std::string notice_poster_pdf(const NoticePoster& p) {
  PdfCanvas pdf(kWidth, kHeight);
  const auto issuer = pdf.add_font(kSans, 13, false);
  const auto title = pdf.add_font(kSerif, 26, true);
  const auto heading = pdf.add_font(kSans, 13, true);
  const auto body = pdf.add_font(kSerif, 11.5, false);
  const auto strong = pdf.add_font(kSans, 12, true);
  const auto call = pdf.add_font(kSans, 20, true);
  const auto small = pdf.add_font(kSans, 8.5, false);

  Flow flow(pdf);
  flow.text(p.organisation_name, issuer, TextAlign::kCentre, 6);
  flow.text(p.title, title, TextAlign::kCentre, 18);
  std::string places;
  for (const auto& place : p.places)
    places += (places.empty() ? "" : "、") + place.role_label + std::to_string(place.places) + "名";
  flow.section("招募岗位", places, heading, body);
  flow.section("岗位职责", p.duties, heading, body);
  flow.section("聘任条件", p.conditions, heading, body);
  flow.section("报名方式", p.how_to_apply, heading, body);
  flow.text("报名截止：" + p.deadline, strong, TextAlign::kLeft, 4);
  if (p.contact) flow.text("联系方式：" + *p.contact, strong, TextAlign::kLeft, 4);

  // The QR code at the foot of the last page, with what to do with it beside it.
  flow.need(kQrBlock + 12);
  const double top = kBottom - kQrSide;
  pdf.add_line(kMargin, top - 12, kWidth - kMargin, top - 12);
  pdf.stroke(0.5);
  pdf.fill(qr_modules(p.url, kMargin, top, kQrSide));
  const double note_x = kMargin + kQrSide + 16, note_width = kTextWidth - kQrSide - 16;
  pdf.draw_text("扫码自荐", call, TextAlign::kLeft, {note_x, top + 24, note_width, 30});
  const std::string how = "用手机扫描左侧二维码，阅读公告并在线提交自荐；提交后请保存回执码，凭它查询进度。";
  pdf.draw_text(how, body, TextAlign::kLeft, {note_x, top + 60, note_width, pdf.text_height(how, body, note_width)});
  pdf.draw_text(p.url, small, TextAlign::kLeft, {note_x, top + 112, note_width, 12}, 0.3, 0.3, 0.3);
  return pdf.finish();
}

}  // namespace jinguo::documents
