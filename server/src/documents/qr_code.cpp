#include "documents/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace jinguo::documents {

namespace {

constexpr int kQuietModules = 2;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::vector<Box> qr_modules(const std::string& text, double x, double y, double side) {
  std::unique_ptr<QRcode, QrFree> qr(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) throw std::runtime_error("pdf: the QR code could not be made");
  const int modules = qr->width + 2 * kQuietModules;
  const double m = side / modules;
  std::vector<Box> boxes;
  for (int row = 0; row < qr->width; ++row)
    for (int col = 0; col < qr->width; ++col)
      if (qr->data[row * qr->width + col] & 1)
        boxes.push_back({x + (col + kQuietModules) * m, y + (row + kQuietModules) * m, m, m});
  return boxes;
}

}  // namespace jinguo::documents
