#pragma once
// Finding the columns of a roster by their heading text: pure, no I/O. Rosters put a title
// (and a unit, a date) above the heading row, headings in any order and wording, blank
// rows anywhere and notes (填表人：…, 注：…) at the bottom.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jinguo::domain::import {

enum class ColumnKey {
  kSequence,  // 序号: recognised so that it is not reported as unknown; carries nothing
  kName,
  kIdNumber,
  kSex,
  kBirthDate,
  kEthnicity,
  kPoliticalStatus,
  kEducation,
  kWorkUnit,
  kJobTitle,
  kWorkUnitAndTitle,
  kMobile,
  kOfficePhone,
  kOrganisation,  // the body the position is held in: its name or path
  kDivisionCode,
  kRole,
  kManner,
  kSource,
  kStartOn,
  kNotes,
  // the archive of outstanding women (优秀女性代表人物)
  kHonour,
  kField,
  kYear,
  kProposedBy,
  // the archive of women's social organisations (妇女社会组织)
  kOrgName,
  kKind,
  kHead,
  kMemberCount,
  kContact,
  kFoundedOn,
};

std::string_view column_key_code(ColumnKey key);  // "id_number"
// The heading Jinguo writes for a key in its templates and exports (the first the importer
// recognises): 身份证号, 妇联职务 …
std::string_view canonical_heading(ColumnKey key);

// The key a heading names (身份证号 / 身份证号码 / 公民身份号码 …), after folding full-width
// characters, dropping spaces, asterisks, colons and any bracketed remark
// ("出生年月（1980.01）", "*姓 名"); nullopt when it names none.
std::optional<ColumnKey> recognise_heading(std::string_view text);

// The two columns the error workbook adds after her own (导入结果, 错误说明): when she fixes her
// cells in it and uploads it again, they are passed over without a warning.
inline constexpr std::string_view kOutcomeHeading = "导入结果";
inline constexpr std::string_view kMessagesHeading = "错误说明";
bool is_import_result_heading(std::string_view heading);

// A row as the import reads it: its number in the sheet and its non-blank cells' text by
// column (1-based), in column order.
struct TextRow {
  std::uint32_t number = 0;
  std::vector<std::pair<std::uint32_t, std::string>> cells;
};

struct HeaderColumn {
  std::uint32_t column = 0;
  ColumnKey key = ColumnKey::kName;
  std::string heading;
};

struct Header {
  std::uint32_t row_number = 0;       // the heading row
  std::uint32_t last_row_number = 0;  // the same, or the row below for a two-row heading
  std::vector<HeaderColumn> columns;  // one per key: the leftmost column that names it
  std::vector<std::pair<std::uint32_t, std::string>> unknown;  // headings not recognised
  std::vector<HeaderColumn> duplicated;  // further columns naming a key already taken

  std::optional<std::uint32_t> column_of(ColumnKey key) const;
};

struct HeaderSearch {
  std::size_t max_rows = 20;  // looked at: the first non-blank rows of the sheet
  std::size_t min_known = 3;  // recognised headings that make a row the heading row
};

// The heading row: the first of the first max_rows rows with at least min_known recognised
// headings, or with at least two where every heading is recognised. A row just below
// whose non-blank cells are all recognised headings is its second line (合并表头: 联系电话
// over 手机 | 办公电话); its headings win in their columns. nullopt when there is none.
std::optional<Header> find_header(const std::vector<TextRow>& rows, const HeaderSearch& search = {});

// What the clerk is told of the heading: each unknown column is ignored (more than five: one
// line naming the first three and the count, not a line a column), and a column that names a
// key another column already names is not read (the leftmost is).
std::vector<std::string> header_warnings(const Header& header);

enum class RowKind {
  kTitle,           // above the heading
  kHeader,          // the heading row(s)
  kData,
  kBlank,           // no text but spaces
  kNote,            // 填表人：…, 注：…, 合计, and single-cell lines following a note
  kRepeatedHeader,  // the heading again (sheets pasted one under another)
};

// What each row is, given the heading found among them.
std::vector<RowKind> classify_rows(const std::vector<TextRow>& rows, const Header& header);

// The same one row at a time, in sheet order (a large sheet need not be held as text).
class RowClassifier {
 public:
  explicit RowClassifier(const Header& header) : header_(header) {}
  RowKind next(const TextRow& row);

 private:
  const Header& header_;
  bool after_note_ = false;
};

}  // namespace jinguo::domain::import
