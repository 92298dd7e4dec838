#include "documents/spreadsheet.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <utility>

#include "documents/sheet_builder.h"

namespace jinguo::documents {

namespace detail {

domain::DomainError file_error(std::string code, std::string zh, std::string en) {
  return domain::invalid(std::move(code), "file", std::move(zh), std::move(en));
}

domain::DomainError corrupt(std::string_view what_en) {
  return file_error("file_corrupt", "文件已损坏，无法读取：请在Excel或WPS中打开后另存为.xlsx再上传",
                    "the file is damaged: " + std::string(what_en));
}

domain::DomainError encrypted() {
  return file_error("file_encrypted", "文件已加密，请在Excel中取消密码后另存为.xlsx再上传",
                    "the workbook is password-protected");
}

domain::DomainError not_spreadsheet(std::string zh, std::string en) {
  return file_error("file_not_spreadsheet", std::move(zh), std::move(en));
}

void check_input_size(std::string_view bytes, const ReadLimits& limits, const std::string& shown) {
  if (bytes.size() > limits.max_input_bytes)
    throw file_error("file_too_large",
                     shown + "超过" + std::to_string(limits.max_input_bytes >> 20) +
                         "MB，请删去无关的工作表或拆分成几个文件后再上传",
                     "the file is larger than " + std::to_string(limits.max_input_bytes) + " bytes");
}

namespace {
constexpr std::size_t kMaxMergedRanges = 10'000;
}

std::size_t SheetBuilder::row_for(std::uint32_t number) {
  auto& rows = sheet_.rows;
  if (!rows.empty() && rows.back().number == number) return rows.size() - 1;
  if (auto it = index_.find(number); it != index_.end()) return it->second;
  if (rows.size() >= limits_.max_rows)
    throw file_error("too_many_rows",
                     "工作表“" + sheet_.name + "”超过" + std::to_string(limits_.max_rows) +
                         "行，请拆分成几个文件后再上传",
                     "sheet '" + sheet_.name + "' has more than " +
                         std::to_string(limits_.max_rows) + " rows");
  if (!rows.empty() && rows.back().number > number) sorted_ = false;
  index_.emplace(number, rows.size());
  rows.push_back(Row{number, {}});
  return rows.size() - 1;
}

void SheetBuilder::flush_pending() {
  if (pending_.empty()) return;
  auto& cells = sheet_.rows[pending_at_].cells;
  cells.reserve(cells.size() + pending_.size());
  cells.insert(cells.end(), pending_.begin(), pending_.end());
  pending_.clear();
}

void SheetBuilder::add(std::uint32_t row, Cell cell, Text text) {
  if (cell.kind == CellKind::kEmpty) return;
  if (cell.kind == CellKind::kText && cell.text.empty()) return;
  if (cell.column == 0 || row == 0) return;
  if (cell.column > limits_.max_columns) {
    ++sheet_.ignored_cells;
    return;
  }
  if (++workbook_cells_ > limits_.max_cells)
    throw file_error("too_many_cells",
                     "文件内容过多（超过" + std::to_string(limits_.max_cells) +
                         "个单元格），请拆分成几个文件后再上传",
                     "more than " + std::to_string(limits_.max_cells) + " cells");
  if (pending_row_ != row || pending_.empty()) {
    flush_pending();
    pending_at_ = row_for(row);
    pending_row_ = row;
  }
  if (text == Text::kCopy && !cell.text.empty()) cell.text = sheet_.text_store.intern(cell.text);
  pending_.push_back(cell);
}

void SheetBuilder::add_merged(const MergedRange& m) {
  if (m.first_row == 0 || m.first_column == 0 || m.last_row < m.first_row ||
      m.last_column < m.first_column)
    return;
  if (sheet_.merged.size() >= kMaxMergedRanges) return;
  sheet_.merged.push_back(m);
}

void SheetBuilder::finish() {
  flush_pending();
  sheet_.index_merged(limits_.max_columns);
  auto& rows = sheet_.rows;
  rows.shrink_to_fit();
  if (!sorted_)
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.number < b.number; });
  for (auto& r : rows) {
    auto by_column = [](const Cell& a, const Cell& b) { return a.column < b.column; };
    if (!std::is_sorted(r.cells.begin(), r.cells.end(), by_column))
      std::stable_sort(r.cells.begin(), r.cells.end(), by_column);
    // A cell given twice: the later one wins.
    std::vector<Cell> unique;
    bool duplicated = false;
    for (std::size_t i = 1; i < r.cells.size(); ++i)
      if (r.cells[i].column == r.cells[i - 1].column) duplicated = true;
    if (!duplicated) continue;
    for (auto& c : r.cells) {
      if (!unique.empty() && unique.back().column == c.column)
        unique.back() = c;
      else
        unique.push_back(c);
    }
    unique.shrink_to_fit();
    r.cells = std::move(unique);
  }
}

}  // namespace detail

namespace {

const Cell kEmptyCell{};

constexpr std::size_t kFirstTextBlock = 4u << 10;
constexpr std::size_t kLargestTextBlock = 256u << 10;

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// An OLE2 (Compound File) directory entry is 128 bytes, aligned to 128 in every sector
// after the 512-byte header. An encrypted .xlsx is such a container with a stream named
// EncryptedPackage (and EncryptionInfo) in its directory. Scanning the aligned slots
// finds it without following the FAT chains.
bool ole_holds_encrypted_package(std::string_view bytes) {
  auto entry_named = [&](std::size_t at, std::string_view name) {
    if (at + 128 > bytes.size()) return false;
    std::size_t name_bytes = static_cast<unsigned char>(bytes[at + 0x40]) |
                             (static_cast<unsigned char>(bytes[at + 0x41]) << 8);
    if (name_bytes != (name.size() + 1) * 2) return false;
    if (bytes[at + 0x42] != 2) return false;  // a stream
    for (std::size_t i = 0; i < name.size(); ++i)
      if (bytes[at + 2 * i] != name[i] || bytes[at + 2 * i + 1] != 0) return false;
    return true;
  };
  for (std::size_t at = 512; at + 128 <= bytes.size(); at += 128)
    if (entry_named(at, "EncryptedPackage") || entry_named(at, "EncryptionInfo")) return true;
  return false;
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
    s.remove_prefix(1);
  return s;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

TextStore::TextStore(TextStore&& other) noexcept
    : blocks_(std::move(other.blocks_)),
      free_(std::exchange(other.free_, nullptr)),
      left_(std::exchange(other.left_, 0)),
      next_block_(std::exchange(other.next_block_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {
  other.blocks_.clear();
}

TextStore& TextStore::operator=(TextStore&& other) noexcept {
  if (this != &other) {
    blocks_ = std::move(other.blocks_);
    other.blocks_.clear();
    free_ = std::exchange(other.free_, nullptr);
    left_ = std::exchange(other.left_, 0);
    next_block_ = std::exchange(other.next_block_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

std::string_view TextStore::intern(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > left_) {
    std::size_t block = std::max(next_block_, kFirstTextBlock);
    if (text.size() > block / 4) {
      // A large text: a block of its own, leaving the current block in use.
      auto own = std::make_unique_for_overwrite<char[]>(text.size());
      std::memcpy(own.get(), text.data(), text.size());
      std::string_view stored(own.get(), text.size());
      blocks_.push_back(std::move(own));
      capacity_ += text.size();
      return stored;
    }
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
    free_ = blocks_.back().get();
    left_ = block;
    capacity_ += block;
    next_block_ = std::min(block * 2, kLargestTextBlock);
  }
  std::memcpy(free_, text.data(), text.size());
  std::string_view stored(free_, text.size());
  free_ += text.size();
  left_ -= text.size();
  return stored;
}

const Cell& Row::at(std::uint32_t column) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), column,
                             [](const Cell& c, std::uint32_t col) { return c.column < col; });
  return (it != cells.end() && it->column == column) ? *it : kEmptyCell;
}

void Sheet::index_merged(std::uint32_t max_columns) {
  merge_index.assign(1, {});
  for (std::size_t i = 0; i < merged.size(); ++i) {
    const auto& m = merged[i];
    if (m.first_column > max_columns) continue;
    std::uint32_t last = std::min(m.last_column, max_columns);
    if (merge_index.size() <= last) merge_index.resize(last + 1);
    for (std::uint32_t c = m.first_column; c <= last; ++c)
      merge_index[c].push_back(MergeSpan{m.first_row, m.last_row, static_cast<std::uint32_t>(i)});
  }
  for (auto& spans : merge_index)
    std::sort(spans.begin(), spans.end(),
              [](const MergeSpan& a, const MergeSpan& b) { return a.first_row < b.first_row; });
}

const Cell& Sheet::value_at(std::uint32_t row, std::uint32_t column) const {
  if (column < merge_index.size()) {
    // Ranges in one column do not overlap in a real file: the last one starting at or
    // above the row is the only candidate.
    const auto& spans = merge_index[column];
    auto it = std::upper_bound(spans.begin(), spans.end(), row,
                               [](std::uint32_t r, const MergeSpan& s) { return r < s.first_row; });
    if (it != spans.begin() && std::prev(it)->last_row >= row) {
      const auto& m = merged[std::prev(it)->range];
      row = m.first_row;
      column = m.first_column;
    }
  }
  auto it = std::lower_bound(rows.begin(), rows.end(), row,
                             [](const Row& r, std::uint32_t n) { return r.number < n; });
  return (it != rows.end() && it->number == row) ? it->at(column) : kEmptyCell;
}

std::uint32_t column_from_letters(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return 0;
  std::uint32_t n = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return 0;
    n = n * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  return n <= 16384 ? n : 0;
}

Workbook read_spreadsheet(std::string_view bytes, std::string_view file_name,
                          const ReadLimits& limits) {
  using detail::not_spreadsheet;
  std::string shown = file_name.empty() ? std::string("文件") : "文件“" + std::string(file_name) + "”";
  detail::check_input_size(bytes, limits, shown);
  if (bytes.empty()) throw not_spreadsheet(shown + "是空的，请选择填好的名册", "the file is empty");

  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, std::string_view("PK\x05\x06", 4)))
    return read_xlsx(bytes, limits);
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (ole_holds_encrypted_package(bytes)) throw detail::encrypted();
    return read_xls(bytes, limits);
  }

  static constexpr std::array<std::string_view, 7> kOtherBinary = {
      "%PDF", "\x89PNG", "\xFF\xD8\xFF", "GIF8", "Rar!", "7z\xBC\xAF", "\x1F\x8B"};
  for (auto sig : kOtherBinary)
    if (starts_with(bytes, sig))
      throw not_spreadsheet(shown + "不是Excel表格或CSV文件，请上传.xlsx、.xls或.csv文件",
                            "the file is not a spreadsheet (signature " +
                                std::to_string(static_cast<unsigned char>(sig[0])) + ")");
  auto text = skip_bom_and_space(bytes);
  if (starts_with_ignoring_case(text, "<html") || starts_with_ignoring_case(text, "<!doctype") ||
      starts_with_ignoring_case(text, "<table") || starts_with_ignoring_case(text, "<?xml") ||
      starts_with_ignoring_case(text, "<meta"))
    throw not_spreadsheet(
        shown + "是网页或XML格式的表格（常见于系统导出的.xls），请在Excel或WPS中打开后另存为.xlsx再上传",
        "the file is an HTML or XML table, not a workbook");
  return read_csv(bytes, limits);
}

}  // namespace jinguo::documents
