// The OLE2 and BIFF scanning done before FreeXL sees an .xls (FreeXL itself is not fuzzed
// here): taking the Workbook stream out of the container and summing the declared grid.
#include <cstdint>
#include <string_view>

#include "documents/ole.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jinguo::documents;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto stream = detail::ole_stream(input, "Workbook")) detail::biff_declared_cells(*stream);
  detail::biff_declared_cells(input);
  return 0;
}
