#pragma once
// A QR code (libqrencode, error correction M) as the boxes PdfCanvas::fill draws. Private to documents/.
#include <string>
#include <vector>

#include "documents/pdf_canvas.h"

namespace jinguo::documents {

// The dark modules of `text`'s QR code in a square of `side` points at (x, y), two modules of
// quiet zone inside the square. Throws std::runtime_error when the code cannot be made.
std::vector<Box> qr_modules(const std::string& text, double x, double y, double side);

}  // namespace jinguo::documents
