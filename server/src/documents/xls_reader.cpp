// Legacy .xls (BIFF, Excel 97-2003 and WPS) through FreeXL, which reads only from a path:
// the bytes go to a private temporary file that is removed whatever happens.
#include <freexl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "documents/ole.h"
#include "documents/sheet_builder.h"
#include "documents/spreadsheet.h"

namespace jinguo::documents {

namespace {

using detail::corrupt;

class TemporaryFile {
 public:
  explicit TemporaryFile(std::string_view bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "jinguo-xls-XXXXXX").string();
    int fd = mkstemp(pattern.data());  // mode 0600
    if (fd < 0) throw corrupt("temporary file");
    path_ = pattern;
    std::size_t written = 0;
    while (written < bytes.size()) {
      auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) {
        ::close(fd);
        throw corrupt("temporary file write");
      }
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Whether the workbook stream carries a FILEPASS record, read without loading any cell:
// an encrypted .xls may fail to open fully, and should then say so rather than "damaged".
bool password_protected(const std::string& path) {
  const void* handle = nullptr;
  bool locked = false;
  if (freexl_open_info(path.c_str(), &handle) == FREEXL_OK) {
    unsigned int value = 0;
    locked = freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK &&
             value == FREEXL_BIFF_OBFUSCATED;
  }
  if (handle != nullptr) freexl_close(handle);
  return locked;
}

class FreeXlHandle {
 public:
  explicit FreeXlHandle(const std::string& path) {
    int rc = freexl_open(path.c_str(), &handle_);
    if (rc != FREEXL_OK) {
      if (handle_ != nullptr) freexl_close(handle_);
      handle_ = nullptr;
      if (password_protected(path)) throw detail::encrypted();
      if (rc == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
        throw detail::not_spreadsheet(
            "文件不是Excel工作簿（可能是Word文档），请上传.xlsx、.xls或.csv文件",
            "an OLE file without a workbook stream");
      throw corrupt("FreeXL could not open the workbook (" + std::to_string(rc) + ")");
    }
  }
  ~FreeXlHandle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  FreeXlHandle(const FreeXlHandle&) = delete;
  FreeXlHandle& operator=(const FreeXlHandle&) = delete;
  const void* get() const { return handle_; }

  unsigned int info(unsigned short what) const {
    unsigned int value = 0;
    if (freexl_get_info(handle_, what, &value) != FREEXL_OK) throw corrupt("FreeXL info");
    return value;
  }

 private:
  const void* handle_ = nullptr;
};

Cell to_cell(const FreeXL_CellValue& value, std::uint32_t column) {
  Cell cell;
  cell.column = column;
  switch (value.type) {
    case FREEXL_CELL_INT:
      cell.kind = CellKind::kNumber;
      cell.number = value.value.int_value;
      break;
    case FREEXL_CELL_DOUBLE:
      cell.kind = CellKind::kNumber;
      cell.number = value.value.double_value;
      break;
    // FreeXL gives date cells as ISO text ("1980-01-02", "1980-01-02 08:30:00"),
    // already counted from the workbook's own epoch.
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      if (value.value.text_value != nullptr) {
        cell.kind = CellKind::kText;
        cell.text = value.value.text_value;
      }
      break;
    default:
      break;
  }
  return cell;
}

}  // namespace

Workbook read_xls(std::string_view bytes, const ReadLimits& limits) {
  detail::check_input_size(bytes, limits, "文件");
  // FreeXL allocates every sheet's whole grid (last row x last column) when it opens a
  // file: a 6 KB .xls with one value in IV65536 costs it 256 MB. The grid is checked first.
  auto stream = detail::ole_stream(bytes, "Workbook");
  if (!stream) stream = detail::ole_stream(bytes, "Book");
  if (!stream) throw corrupt("no workbook stream in the OLE container");
  if (detail::biff_declared_cells(*stream) > limits.max_cells)
    throw detail::file_error(
        "too_many_cells",
        "工作表的使用范围过大（可能在很远的行或列里有内容或格式），请删除多余的行和列，或在Excel中另存为.xlsx后再上传",
        "the .xls declares a grid of more than " + std::to_string(limits.max_cells) + " cells");
  TemporaryFile file(bytes);
  FreeXlHandle xls(file.path());
  if (xls.info(FREEXL_BIFF_PASSWORD) == FREEXL_BIFF_OBFUSCATED) throw detail::encrypted();

  Workbook book;
  book.format = SourceFormat::kXls;
  book.date1904 = xls.info(FREEXL_BIFF_DATEMODE) == FREEXL_BIFF_DATEMODE_1904;
  unsigned int sheet_count = xls.info(FREEXL_BIFF_SHEET_COUNT);
  std::size_t cells = 0;
  for (unsigned int index = 0; index < sheet_count && index < limits.max_sheets; ++index) {
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls.get(), static_cast<unsigned short>(index), &name) == FREEXL_OK &&
        name != nullptr)
      sheet.name = name;
    if (freexl_select_active_worksheet(xls.get(), static_cast<unsigned short>(index)) != FREEXL_OK)
      throw corrupt("FreeXL sheet");
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_worksheet_dimensions(xls.get(), &rows, &columns) != FREEXL_OK)
      throw corrupt("FreeXL dimensions");
    detail::SheetBuilder builder(sheet, limits, cells);
    for (unsigned int r = 0; r < rows; ++r) {
      for (std::uint32_t c = 0; c < columns; ++c) {
        FreeXL_CellValue value;
        if (freexl_get_cell_value(xls.get(), r, static_cast<unsigned short>(c), &value) != FREEXL_OK)
          continue;
        builder.add(r + 1, to_cell(value, c + 1));
      }
    }
    builder.finish();
    book.sheets.push_back(std::move(sheet));
  }
  if (book.sheets.empty())
    throw detail::not_spreadsheet("工作簿中没有工作表，请检查文件后重新上传", "no worksheet");
  return book;
}

}  // namespace jinguo::documents
