#include "documents/certificate_pdf.h"

#include <memory>
#include <stdexcept>

#include "documents/pdf_canvas.h"
#include "documents/qr_code.h"

namespace jinguo::documents {

namespace {

constexpr double kWidth = 841.89;  // A4 landscape, in points
constexpr double kHeight = 595.28;
constexpr double kOuterFrame = 28;
constexpr double kInnerFrame = 36;
constexpr double kTextLeft = 110;
constexpr double kTextWidth = kWidth - 2 * kTextLeft;
constexpr double kQrSide = 92;

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

void frame(PdfCanvas& pdf, double inset) {
  pdf.add_line(inset, inset, kWidth - inset, inset);
  pdf.add_line(kWidth - inset, inset, kWidth - inset, kHeight - inset);
  pdf.add_line(kWidth - inset, kHeight - inset, inset, kHeight - inset);
  pdf.add_line(inset, kHeight - inset, inset, inset);
}

}  // namespace

std::string certificates_pdf(const std::vector<CertificateSheet>& sheets) {
  if (sheets.empty()) throw std::invalid_argument("certificate pdf: no certificate to print");
  PdfCanvas pdf(kWidth, kHeight);
  const auto title = pdf.add_font(kSerif, 40, true);
  const auto number = pdf.add_font(kSans, 11, false);
  const auto body = pdf.add_font(kSerif, 20, false);
  const auto issuer = pdf.add_font(kSerif, 16, false);
  const auto small = pdf.add_font(kSans, 8, false);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const auto& s = sheets[i];
    if (i > 0) pdf.next_page();
    frame(pdf, kOuterFrame);
    pdf.stroke(2.5);
    frame(pdf, kInnerFrame);
    pdf.stroke(0.6);
    pdf.draw_text(s.title, title, TextAlign::kCentre, {kTextLeft, 70, kTextWidth, 60});
    pdf.draw_text("编号：" + s.number_text, number, TextAlign::kRight, {kTextLeft, 138, kTextWidth, 18});
    pdf.draw_text(s.wording, body, TextAlign::kLeft, {kTextLeft, 190, kTextWidth, pdf.text_height(s.wording, body, kTextWidth)});
    // The issuer and the date, where the seal is pressed over them.
    const double right = kWidth - kTextLeft - 240;
    pdf.draw_text("（盖章）", small, TextAlign::kCentre, {right, 400, 240, 14}, 0.55, 0.55, 0.55);
    pdf.draw_text(s.issuer_name, issuer, TextAlign::kCentre, {right, 420, 240, 24});
    pdf.draw_text(s.issued_on, issuer, TextAlign::kCentre, {right, 448, 240, 24});
    // The QR code and what to do with it.
    const double qr_x = kInnerFrame + 22, qr_y = kHeight - kInnerFrame - 22 - kQrSide;
    pdf.fill(qr_modules(s.verify_url, qr_x, qr_y, kQrSide));
    const double note_x = qr_x + kQrSide + 6;
    pdf.draw_text("扫码或访问下面的网址核验本证书", small, TextAlign::kLeft, {note_x, qr_y + 44, 260, 12});
    pdf.draw_text(s.verify_url, small, TextAlign::kLeft, {note_x, qr_y + 58, 320, 12}, 0.3, 0.3, 0.3);
    pdf.draw_text("验证码：" + s.code, small, TextAlign::kLeft, {note_x, qr_y + 72, 260, 12}, 0.3, 0.3, 0.3);
  }
  return pdf.finish();
}

}  // namespace jinguo::documents
