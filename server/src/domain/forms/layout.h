#pragma once
// An official form as data (docs/api-contract.md, "Issue 11 (first step): the five forms"):
// its leaf columns with the merged headings above them, what each cell counts, the bands
// (age, education, political status) that counts refer to, and the footer. Read from the
// JSON definition stored in form_layouts; a definition that breaks a rule is refused with
// a DomainError naming the column and the rule (code invalid_form_layout).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/form_table.h"

namespace jinguo::domain::forms {

inline constexpr int kFormCount = 5;

// How the body rows are made.
enum class RowGroup {
  kLevel,     // one row per lower body type present (乡镇, 街道, 村, 社区, 村妇代会)
  kDistrict,  // one row per district/county/county_city federation
  kPerson,    // one row a person (form 3)
  kContact,   // one row a contact (form 1)
};
std::string_view row_group_code(RowGroup g);

enum class CountWhat { kBodies, kMembers, kAdded };
enum class CountOn { kReport, kBaseline };

// What a count cell counts; an empty filter lets everything through.
struct Count {
  CountWhat what = CountWhat::kMembers;
  CountOn on = CountOn::kReport;
  std::vector<std::string> role, manner, source;
  std::vector<std::string> education, political_status, age;  // band keys
  bool minority = false;
  bool operator==(const Count&) const = default;
};

// A column that is not a count holds a label (the row's), a text or a number the service
// fills from elsewhere (a date, a re-election's figures).
enum class ColumnKind { kLabel, kText, kNumber, kCount };

struct Column {
  std::string key;
  std::string label;
  std::vector<std::string> group;  // merged headings above the leaf, outermost first
  ColumnKind kind = ColumnKind::kCount;
  std::optional<Count> count;  // kCount only
  double width = 0;            // in CJK characters; 0: the writer's default for the kind
  bool summed = true;          // numeric columns add up in the 合计 row unless "total": false (a term in years)
  bool numeric() const { return kind == ColumnKind::kNumber || kind == ColumnKind::kCount; }
  bool operator==(const Column&) const = default;
};

// One band: an age range (min and max, whole years, either may be open) or a set of codes.
struct Band {
  std::string key;
  std::string label;
  std::optional<int> min, max;
  std::vector<std::string> codes;
  bool operator==(const Band&) const = default;
};

struct Bands {
  std::vector<Band> age, education, political_status;
  bool operator==(const Bands&) const = default;
};

struct Layout {
  int form = 0;
  int version = 1;
  std::string title;
  RowGroup rows = RowGroup::kLevel;
  bool landscape = false;
  std::vector<Column> columns;
  Bands bands;
  std::vector<std::string> footer;

  const Column* column(std::string_view key) const;
  bool operator==(const Layout&) const = default;
};

// Parses and validates a definition (422 invalid_form_layout with the reason). `version`
// is the stored version's (the JSON does not carry it).
Layout parse_layout(std::string_view json, int version = 1);

// The header grid: one heading per leaf (under its group path, spanning the rows below it)
// and one per run of adjacent leaves sharing a group prefix. Covers header_rows × columns once.
struct HeaderGrid {
  int rows = 1;
  std::vector<documents::FormHeading> headings;
};
HeaderGrid header_grid(const std::vector<Column>& columns);

}  // namespace jinguo::domain::forms

namespace jinguo::domain::forms {

// The rows of a `level` form, in the order they are printed, with their labels.
struct LevelRow {
  std::string_view code;  // the body type's code: the row's key
  std::string_view label;
};
inline constexpr LevelRow kLevelRows[] = {
    {"township", "乡镇"}, {"street", "街道"}, {"village", "村"}, {"community", "社区"}, {"village_congress", "村妇代会"}};
// The index of a body type's row in kLevelRows, or -1 when the type has none.
int level_row_of(std::string_view body_type);

}  // namespace jinguo::domain::forms
