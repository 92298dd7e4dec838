#pragma once
// The error workbook (docs/import-design.md): a sheet as it was uploaded (title rows,
// heading, data rows; values as typed) with two columns added after the last one used,
// 导入结果 and 错误说明, each faulty cell filled light red with its message as a cell
// comment, and the heading frozen. A format only: the outcomes and messages are the caller's.
#include <cstdint>
#include <string>
#include <vector>

#include "documents/spreadsheet.h"
#include "domain/import/columns.h"

namespace jinguo::documents {

struct FaultyCell {
  std::uint32_t column = 0;  // 1-based
  std::string message;
};

struct RowAnnotation {
  std::uint32_t row = 0;              // as the sheet numbers it
  std::string outcome;                // 新增 / 更新 / 未变 / 错误
  std::vector<std::string> messages;  // one a line in 错误说明
  std::vector<FaultyCell> faulty;
};

using domain::import::kMessagesHeading;  // the importer passes over both when they come back
using domain::import::kOutcomeHeading;

// The .xlsx file's bytes. `header_row` is the heading's row number (1-based). Throws
// std::runtime_error when libxlsxwriter fails (a bug, not a user error).
std::string write_error_workbook(const Sheet& sheet, std::uint32_t header_row,
                                 const std::vector<RowAnnotation>& annotations);

}  // namespace jinguo::documents
