#pragma once
// Spreadsheet files made at run time for the reader tests and the fuzzers' seed corpus:
// zips assembled entry by entry with libzip (for what libxlsxwriter never writes), a
// minimal OLE2 container, and libxlsxwriter workbooks.
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jinguo::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A private temporary folder, removed at the end of the scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "jinguo-fixture-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // name, content

// A zip of the given entries, deflated.
inline std::string make_zip(const ZipEntries& entries) {
  TempDir dir;
  auto path = (dir.path() / "out.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error("zip_file_add");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  return read_file(path);
}

inline constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The parts of a one-sheet .xlsx around the given worksheet XML (and, if given, shared
// strings and styles). `workbook_extra` goes inside <workbook> before <sheets>.
inline ZipEntries xlsx_parts(const std::string& sheet_xml, const std::string& shared_strings = "",
                             const std::string& styles = "", const std::string& workbook_extra = "") {
  std::string rels =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  "<Relationship Id=\"rId1\" Type=\"") + kRelNs +
      "/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  if (!shared_strings.empty())
    rels += std::string("<Relationship Id=\"rId2\" Type=\"") + kRelNs +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  if (!styles.empty())
    rels += std::string("<Relationship Id=\"rId3\" Type=\"") + kRelNs + "/styles\" Target=\"/xl/styles.xml\"/>";
  rels += "</Relationships>";
  ZipEntries parts = {
      {"_rels/.rels",
       std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"") + kRelNs +
           "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"") + kMainNs +
                              "\" xmlns:r=\"" + kRelNs + "\">" + workbook_extra +
                              "<sheets><sheet name=\"名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
  return parts;
}

inline std::string worksheet(const std::string& sheet_data, const std::string& after = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + kMainNs +
         "\"><sheetData>" + sheet_data + "</sheetData>" + after + "</worksheet>";
}

// A minimal OLE2 compound file whose directory holds a root entry and the named streams:
// enough for a reader that looks at the directory, not a file Office would open.
inline std::string make_ole(const std::vector<std::string>& stream_names) {
  std::string file(512 * 2, '\0');
  const unsigned char signature[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  file.replace(0, 8, reinterpret_cast<const char*>(signature), 8);
  file[0x1A] = 0x3E;  // minor version
  file[0x1C] = 0x03;  // major version 3
  file[0x1C + 1] = 0;
  file[0x1C + 2] = static_cast<char>(0xFE);  // little-endian byte order mark
  file[0x1C + 3] = static_cast<char>(0xFF);
  file[0x1E] = 9;  // sector size 2^9
  file[0x20] = 6;  // mini sector size 2^6
  auto entry = [&](std::size_t slot, const std::string& name, char type) {
    std::size_t at = 512 + slot * 128;
    for (std::size_t i = 0; i < name.size(); ++i) file[at + 2 * i] = name[i];
    std::size_t length = (name.size() + 1) * 2;
    file[at + 0x40] = static_cast<char>(length & 0xFF);
    file[at + 0x41] = static_cast<char>(length >> 8);
    file[at + 0x42] = type;
  };
  entry(0, "Root Entry", 5);
  for (std::size_t i = 0; i < stream_names.size() && i < 3; ++i) entry(i + 1, stream_names[i], 2);
  return file;
}

// A workbook written by libxlsxwriter; `fill` writes into it before it is closed.
inline std::string make_xlsx(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  TempDir dir;
  auto path = (dir.path() / "book.xlsx").string();
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = nullptr;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) throw std::runtime_error("workbook_new");
  fill(book);
  if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  return read_file(path);
}

}  // namespace jinguo::test
