#pragma once
// Internal to the readers: just enough of the OLE2 compound file format (the container of
// .xls) to take one stream out of it, and of BIFF to see how large a grid FreeXL would
// allocate before it is asked to open the file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jinguo::documents::detail {

// The bytes of the stream with this (ASCII, case-insensitive) name, following the FAT,
// the DIFAT and the mini stream with every chain bounded; nullopt when the file is
// malformed or has no such stream.
std::optional<std::string> ole_stream(std::string_view file, std::string_view name);

// The cells the DIMENSIONS records of a BIFF workbook stream declare, summed over its
// sheets (last row x last column, as FreeXL allocates them).
std::uint64_t biff_declared_cells(std::string_view workbook_stream);

}  // namespace jinguo::documents::detail
