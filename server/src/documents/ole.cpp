#include "documents/ole.h"

#include <vector>

namespace jinguo::documents::detail {

namespace {

constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;

std::uint32_t u32(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return 0xFFFFFFFF;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24);
}

std::uint16_t u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return 0xFFFF;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    (static_cast<unsigned char>(s[at + 1]) << 8));
}

class Compound {
 public:
  explicit Compound(std::string_view file) : file_(file) {}

  bool load() {
    if (file_.size() < 512 || file_.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
      return false;
    auto shift = u16(file_, 0x1E);
    auto mini_shift = u16(file_, 0x20);
    if ((shift != 9 && shift != 12) || mini_shift != 6) return false;
    sector_size_ = std::size_t{1} << shift;
    mini_cutoff_ = u32(file_, 0x38);
    std::size_t sectors = file_.size() / sector_size_;  // an upper bound on any chain

    // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
    std::vector<std::uint32_t> fat_sectors;
    for (std::size_t i = 0; i < 109; ++i) fat_sectors.push_back(u32(file_, 0x4C + 4 * i));
    std::uint32_t difat = u32(file_, 0x44);
    for (std::size_t steps = 0; difat < kMaxRegularSector; ++steps) {
      if (steps > sectors) return false;
      std::size_t at = offset(difat);
      if (at + sector_size_ > file_.size()) return false;
      for (std::size_t i = 0; i + 1 < sector_size_ / 4; ++i) fat_sectors.push_back(u32(file_, at + 4 * i));
      difat = u32(file_, at + sector_size_ - 4);
    }
    for (auto s : fat_sectors) {
      if (s >= kMaxRegularSector) continue;
      std::size_t at = offset(s);
      if (at + sector_size_ > file_.size()) return false;
      for (std::size_t i = 0; i < sector_size_ / 4; ++i) fat_.push_back(u32(file_, at + 4 * i));
      if (fat_.size() > sectors + sector_size_) break;  // more FAT than the file could use
    }
    auto directory = chain(u32(file_, 0x30), fat_, sector_size_, file_, true);
    if (!directory) return false;
    directory_ = std::move(*directory);
    if (directory_.size() < 128) return false;
    // The mini stream lives in the root entry's chain; its FAT in the mini FAT chain.
    auto mini_fat_bytes = chain(u32(file_, 0x3C), fat_, sector_size_, file_, true);
    if (!mini_fat_bytes) return false;
    for (std::size_t i = 0; i + 4 <= mini_fat_bytes->size(); i += 4) mini_fat_.push_back(u32(*mini_fat_bytes, i));
    auto mini_stream = chain(u32(directory_, 0x74), fat_, sector_size_, file_, true);
    if (!mini_stream) return false;
    mini_stream_ = std::move(*mini_stream);
    return true;
  }

  std::optional<std::string> stream(std::string_view name) const {
    for (std::size_t at = 0; at + 128 <= directory_.size(); at += 128) {
      if (directory_[at + 0x42] != 2) continue;  // streams only
      std::size_t length = u16(directory_, at + 0x40);
      if (length != (name.size() + 1) * 2) continue;
      bool same = true;
      for (std::size_t i = 0; i < name.size() && same; ++i) {
        char c = directory_[at + 2 * i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        char n = name[i];
        if (n >= 'a' && n <= 'z') n = static_cast<char>(n - 'a' + 'A');
        same = c == n && directory_[at + 2 * i + 1] == 0;
      }
      if (!same) continue;
      std::uint32_t start = u32(directory_, at + 0x74);
      std::uint32_t size = u32(directory_, at + 0x78);
      if (size > file_.size()) return std::nullopt;
      auto data = size < mini_cutoff_ ? chain(start, mini_fat_, 64, mini_stream_, false)
                                      : chain(start, fat_, sector_size_, file_, true);
      if (!data || data->size() < size) return std::nullopt;
      data->resize(size);
      return data;
    }
    return std::nullopt;
  }

 private:
  std::size_t offset(std::uint32_t sector) const { return (static_cast<std::size_t>(sector) + 1) * sector_size_; }

  // The sectors of a chain joined; nullopt if it leaves the file, loops or breaks off.
  static std::optional<std::string> chain(std::uint32_t start, const std::vector<std::uint32_t>& table,
                                          std::size_t size, std::string_view from, bool after_header) {
    std::string out;
    std::size_t steps = 0;
    for (std::uint32_t s = start; s < kMaxRegularSector; s = table[s]) {
      if (s >= table.size() || ++steps > table.size()) return std::nullopt;
      std::size_t at = (static_cast<std::size_t>(s) + (after_header ? 1 : 0)) * size;
      if (at + size > from.size()) return std::nullopt;
      out.append(from.substr(at, size));
    }
    return out;
  }

  std::string_view file_;
  std::size_t sector_size_ = 512;
  std::uint32_t mini_cutoff_ = 4096;
  std::vector<std::uint32_t> fat_;
  std::vector<std::uint32_t> mini_fat_;
  std::string directory_;
  std::string mini_stream_;
};

}  // namespace

std::optional<std::string> ole_stream(std::string_view file, std::string_view name) {
  Compound compound(file);
  if (!compound.load()) return std::nullopt;
  return compound.stream(name);
}

std::uint64_t biff_declared_cells(std::string_view stream) {
  std::uint64_t cells = 0;
  for (std::size_t at = 0; at + 4 <= stream.size();) {
    std::uint16_t type = u16(stream, at);
    std::uint16_t length = u16(stream, at + 2);
    if (type == 0x0200 && at + 4 + length <= stream.size()) {
      if (length >= 14)  // BIFF8: rows as 32-bit numbers
        cells += static_cast<std::uint64_t>(u32(stream, at + 8)) * u16(stream, at + 14);
      else if (length >= 10)  // BIFF5 and earlier
        cells += static_cast<std::uint64_t>(u16(stream, at + 6)) * u16(stream, at + 10);
    }
    at += 4 + static_cast<std::size_t>(length);
  }
  return cells;
}

}  // namespace jinguo::documents::detail
