#pragma once
// Spreadsheets as federations really keep them (.xlsx, legacy .xls, .csv), read into one
// in-memory model. Formats only: no business rule lives here. Every refusal is a
// domain::DomainError of kind kInvalid (field "file") with a Chinese message telling the
// clerk what to do:
//   file_too_large        input larger than ReadLimits::max_input_bytes, or a zip that would
//                         inflate past max_uncompressed_bytes or max_compression_ratio (a bomb)
//   file_not_spreadsheet  not a workbook or a text table (PDF, image, .docx, .xlsb, HTML, ...)
//   file_corrupt          a damaged zip / OLE file, malformed XML, a DOCTYPE in a part, a CSV
//                         quote never closed
//   file_encrypted        a password-protected workbook (OLE EncryptedPackage, BIFF FILEPASS,
//                         an encrypted zip entry)
//   file_encoding         a text file in neither UTF-8, UTF-16 (with BOM) nor GB18030
//   too_many_rows         more than ReadLimits::max_rows non-blank rows in one sheet
//   too_many_cells        more than ReadLimits::max_cells non-blank cells in the workbook, or an
//                         .xls whose sheets declare a larger grid (FreeXL would allocate it)
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jinguo::documents {

enum class CellKind : std::uint8_t { kEmpty, kText, kNumber, kBool, kError };

// 32 bytes. The text is not owned: it lives in the Sheet the cell belongs to (its
// TextStore, or a table the sheet keeps alive), and is valid as long as that Sheet.
struct Cell {
  std::string_view text;  // kText: the text (UTF-8); kError: the error literal (#N/A)
  double number = 0.0;    // kNumber: the value; kBool: 0 or 1
  std::uint32_t column = 0;  // 1-based (A = 1)
  CellKind kind = CellKind::kEmpty;
  bool date_formatted = false;  // kNumber shown with a date format (an Excel date serial)
};

// Append-only storage for the texts of a sheet's cells: blocks that never move, so a
// view returned by intern() stays valid until the store is destroyed (moving the store
// keeps it valid too). Blocks grow from 4 KiB to 256 KiB; a text larger than a quarter
// of a block gets a block of its own.
class TextStore {
 public:
  TextStore() = default;
  TextStore(TextStore&& other) noexcept;
  TextStore& operator=(TextStore&& other) noexcept;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;
  ~TextStore() = default;

  // A copy of the text in the store.
  std::string_view intern(std::string_view text);
  // Bytes held in blocks (for measurement).
  std::size_t capacity() const { return capacity_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused end of the last ordinary block
  std::size_t left_ = 0;
  std::size_t next_block_ = 0;  // size of the next ordinary block
  std::size_t capacity_ = 0;
};

// A non-blank row; cells are stored sparsely, in column order, blank cells left out.
struct Row {
  std::uint32_t number = 0;  // 1-based, as the spreadsheet program shows it
  std::vector<Cell> cells;

  // The cell at a column, or an empty cell when there is none.
  const Cell& at(std::uint32_t column) const;
};

struct MergedRange {
  std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
  bool contains(std::uint32_t row, std::uint32_t column) const {
    return row >= first_row && row <= last_row && column >= first_column && column <= last_column;
  }
};

// Move-only: its cells' texts point into `text_store` (and `shared_text`), which a copy would
// not own.
struct Sheet {
  Sheet() = default;
  Sheet(Sheet&&) noexcept = default;
  Sheet& operator=(Sheet&&) noexcept = default;
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;
  ~Sheet() = default;

  std::string name;
  bool hidden = false;  // hidden in the workbook (often a sheet of drop-down lists)
  std::vector<Row> rows;  // non-blank rows only, ascending by number
  std::vector<MergedRange> merged;  // at most 10,000 (more are ignored)
  // Non-blank cells beyond ReadLimits::max_columns, left out of `rows` (a stray value in
  // column XFD does not make every row 16,384 cells wide). The caller may warn about them.
  std::size_t ignored_cells = 0;

  // The value shown at (row, column): inside a merged range, the range's top-left cell.
  // Logarithmic in the merged ranges of that column, through merge_index.
  const Cell& value_at(std::uint32_t row, std::uint32_t column) const;

  // Built by the readers from `merged`: for each column up to max_columns, the rows of
  // the ranges that cover it, by first row (rebuild with index_merged() after editing).
  struct MergeSpan {
    std::uint32_t first_row = 0, last_row = 0, range = 0;
  };
  std::vector<std::vector<MergeSpan>> merge_index;
  void index_merged(std::uint32_t max_columns);

  // Where the cells' texts live: the sheet's own store, and a table shared by the
  // workbook's sheets (an .xlsx's shared strings) when there is one.
  TextStore text_store;
  std::shared_ptr<const void> shared_text;
};

enum class SourceFormat { kXlsx, kXls, kCsv };

struct Workbook {
  SourceFormat format = SourceFormat::kXlsx;
  bool date1904 = false;  // date serials count from 1904-01-01 (old Mac Excel)
  std::vector<Sheet> sheets;  // in the workbook's own order
};

struct ReadLimits {
  std::size_t max_input_bytes = 20u << 20;            // the upload itself
  std::size_t max_uncompressed_bytes = 200u << 20;    // all zip entries read, together
  std::size_t max_compression_ratio = 500;            // per zip entry above ratio_floor_bytes
  std::size_t ratio_floor_bytes = 1u << 20;           // smaller entries are not ratio-checked
  std::size_t max_rows = 200'000;                     // non-blank rows per sheet
  std::uint32_t max_columns = 256;                    // cells further right are ignored
  std::size_t max_cells = 5'000'000;                  // non-blank cells in the workbook
  std::size_t max_sheets = 256;                       // further sheets are ignored
  // Not a refusal: large XML parts are parsed this many bytes at a time, which bounds
  // the parser's memory (a 200,000-row sheet reads in about 300 MB, not 1 GB). A slice
  // costs about 8 times its size while it is read (the part's window, the slice's copy,
  // pugixml's tree): 1 MiB slices were the heap's peak of a 10,000-row import (9.6 of
  // 15.6 MB, heaptrack); 128 KiB reads as fast (bench/README.md, Memory).
  std::size_t xml_slice_bytes = 128u << 10;
};

// Detects the format by content, never by the file name: PK\3\4 -> .xlsx; an OLE2
// container -> .xls, or a password-protected .xlsx when it holds an EncryptedPackage
// stream; anything else that is text -> CSV. The name only picks the wording of messages.
Workbook read_spreadsheet(std::string_view bytes, std::string_view file_name,
                          const ReadLimits& limits = {});

Workbook read_xlsx(std::string_view bytes, const ReadLimits& limits = {});
Workbook read_xls(std::string_view bytes, const ReadLimits& limits = {});
// One sheet named "Sheet1"; every cell is text. Comma- or tab-separated (whichever the
// first lines use more), RFC 4180 quoting.
Workbook read_csv(std::string_view bytes, const ReadLimits& limits = {});

// "A" -> 1, "XFD" -> 16384; 0 if not a column name.
std::uint32_t column_from_letters(std::string_view letters);

}  // namespace jinguo::documents
