#pragma once
// A zip whose entries are stored, not deflated: the xlsx fuzzer mutates the XML parts as
// plain text and wraps them, so that mutations reach the XML reading instead of failing
// the deflate checksum.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jinguo::fuzz {

inline void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    auto offset = static_cast<std::uint32_t>(out.size());
    auto size = static_cast<std::uint32_t>(data.size());
    auto name_size = static_cast<std::uint32_t>(name.size());
    put32(out, 0x04034b50);
    put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0x21);
    put32(out, crc); put32(out, size); put32(out, size);
    put16(out, name_size); put16(out, 0);
    out += name;
    out += data;
    put32(directory, 0x02014b50);
    put16(directory, 20); put16(directory, 20); put16(directory, 0); put16(directory, 0);
    put16(directory, 0); put16(directory, 0x21);
    put32(directory, crc); put32(directory, size); put32(directory, size);
    put16(directory, name_size); put16(directory, 0); put16(directory, 0);
    put16(directory, 0); put16(directory, 0); put32(directory, 0); put32(directory, offset);
    directory += name;
  }
  auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0); put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size())); put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size())); put32(out, directory_offset);
  put16(out, 0);
  return out;
}

// The fuzzer's text input: worksheet, shared strings and styles separated by this line.
inline constexpr std::string_view kPartSeparator = "\n--part--\n";

}  // namespace jinguo::fuzz
