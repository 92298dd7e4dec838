#pragma once
// Internal to the readers: the errors they raise and the one place that applies the
// row, column and cell limits while a sheet is filled.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "documents/spreadsheet.h"
#include "domain/error.h"

namespace jinguo::documents::detail {

domain::DomainError file_error(std::string code, std::string zh, std::string en);
domain::DomainError corrupt(std::string_view what_en);
domain::DomainError encrypted();
domain::DomainError not_spreadsheet(std::string zh, std::string en);
// file_too_large past ReadLimits::max_input_bytes; `shown` names the file in the message.
void check_input_size(std::string_view bytes, const ReadLimits& limits, const std::string& shown);

// Counts cells across a workbook; raises too_many_rows / too_many_cells.
class SheetBuilder {
 public:
  SheetBuilder(Sheet& sheet, const ReadLimits& limits, std::size_t& workbook_cells)
      : sheet_(sheet), limits_(limits), workbook_cells_(workbook_cells) {}

  // Where a cell's text lives when it is added: anywhere (copied into the sheet's store
  // if the cell is kept), or already in storage the sheet owns or keeps alive.
  enum class Text { kCopy, kStored };

  // Adds a cell to the row with this number (rows may come in any order; finish() sorts).
  // Blank cells are dropped; cells right of max_columns are counted as ignored. A row's
  // cells are gathered while they come and stored in a vector of exactly their number.
  void add(std::uint32_t row, Cell cell, Text text = Text::kCopy);
  void add_merged(const MergedRange& range);
  // Sorts rows and cells, keeps the last of duplicated cells.
  void finish();

 private:
  std::size_t row_for(std::uint32_t number);  // its position in rows
  void flush_pending();

  Sheet& sheet_;
  const ReadLimits& limits_;
  std::size_t& workbook_cells_;
  bool sorted_ = true;
  std::unordered_map<std::uint32_t, std::size_t> index_;  // row number -> position in rows
  std::vector<Cell> pending_;  // cells of the row being added, not yet in it
  std::size_t pending_at_ = 0;  // that row's position in rows
  std::uint32_t pending_row_ = 0;  // its number (0: none)
};

}  // namespace jinguo::documents::detail
