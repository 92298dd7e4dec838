#pragma once
// A private folder for libxlsxwriter's temporary files and the workbook it writes, removed
// on every path (the workbook may hold personal data).
#include <filesystem>
#include <string>

namespace jinguo::documents {

class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The bytes of a file (the workbook written into a TempFolder).
std::string file_bytes(const std::filesystem::path& path);

}  // namespace jinguo::documents
