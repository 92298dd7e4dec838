// read_csv on any bytes: encoding detection, GB18030 and UTF-16 conversion, quoting,
// delimiters, the row and column limits.
#include <cstdint>
#include <string_view>

#include "documents/spreadsheet.h"
#include "domain/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jinguo;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  documents::ReadLimits limits;
  limits.max_rows = 10'000;
  try {
    documents::read_csv(input, limits);
  } catch (const domain::DomainError&) {
  }
  return 0;
}
