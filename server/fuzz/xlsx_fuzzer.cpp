// read_xlsx on zips as given (input starting with PK) and on stored zips built around
// mutated XML parts (worksheet, shared strings, styles separated by kPartSeparator).
#include <cstdint>
#include <string_view>

#include "documents/spreadsheet.h"
#include "domain/error.h"
#include "stored_zip.h"
#include "support/spreadsheet_fixtures.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jinguo;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  documents::ReadLimits limits;
  limits.max_uncompressed_bytes = 32u << 20;
  limits.max_rows = 10'000;
  limits.max_cells = 200'000;
  limits.xml_slice_bytes = 64;  // the slicing of large parts, on small inputs
  auto read = [&](std::string_view bytes) {
    try {
      documents::read_xlsx(bytes, limits);
    } catch (const domain::DomainError&) {
    }
  };
  if (input.substr(0, 2) == "PK") {
    read(input);
    return 0;
  }
  std::string parts[3];
  std::size_t part = 0;
  for (std::size_t at = 0; part < 3;) {
    auto next = input.find(fuzz::kPartSeparator, at);
    parts[part++] = std::string(input.substr(at, next == std::string_view::npos ? input.size() - at : next - at));
    if (next == std::string_view::npos) break;
    at = next + fuzz::kPartSeparator.size();
  }
  read(fuzz::stored_zip(test::xlsx_parts(parts[0], parts[1], parts[2])));
  return 0;
}
