#pragma once
// The arithmetic of the count cells (docs/api-contract.md, "Forms as data"): positions held
// on a date come in one at a time, grouped by row and then by person; each person counts
// once in a cell when any of her positions in the row passes the cell's filters. Memory is
// one tally per cell, whatever the number of positions. Codes are mapped to small numbers
// once per position, so that a filter is a bit test.
#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/forms/layout.h"

namespace jinguo::domain::forms {

// One position held on a date, as the forms see it (views into the row being read).
struct Held {
  std::int64_t organisation_id = 0;
  std::int64_t person_id = 0;
  std::string_view body_type, role, manner, source;
  Date birth_date;
  std::string_view education, political_status, ethnicity;
};

inline constexpr std::size_t kMaxCodes = 256;  // per kind; 0 is "none"
using CodeSet = std::bitset<kMaxCodes>;

// Small numbers for the codes of one kind, given in the order they are first met.
class Codes {
 public:
  std::uint8_t id(std::string_view code);  // 0 for an empty code; the last number once full
 private:
  // Codes handed in from one stable place (the forms index interns each code once) come
  // back with the same address: a small cache by address, checked against the text, saves
  // the map's lookup for each position (40% of a city's form 4 in perf).
  struct Recent {
    const char* data = nullptr;
    std::string code;
    std::uint8_t id = 0;
  };
  std::array<Recent, 16> recent_;
  std::map<std::string, std::uint8_t, std::less<>> ids_;
};

// The facts of a position that a filter reads.
struct Facts {
  std::uint8_t role = 0, manner = 0, source = 0, education = 0, political_status = 0;
  bool minority = false;  // an ethnicity other than 汉族 (01)
  int age = 0;            // whole years on the report date
};

// The code tables of every kind a filter reads.
struct CodeBook {
  Codes role, manner, source, education, political_status;
  Facts facts(const Held& h, const Date& report_date);
};

// A count's filters, compiled against a code book.
class Filter {
 public:
  Filter(const Count& count, const Bands& bands, CodeBook& codes);
  bool operator()(const Facts& f) const;

 private:
  std::optional<CodeSet> role_, manner_, source_, education_, political_status_;
  std::vector<std::pair<int, int>> ages_;  // inclusive ranges
  bool minority_ = false;
};

// Which side of the comparison a tally is made for: the count columns read on the report
// date, or those read on the baseline (and the baseline half of `added`).
enum class Side { kReport, kBaseline };
bool counts_on(const Count& c, Side side);

// Distinct people per row and count column, fed positions ordered by row, then person.
class Tally {
 public:
  Tally(const Layout& layout, Side side, std::size_t rows, CodeBook& codes);
  void add(std::size_t row, const Held& held, const Date& report_date);
  // Closes the last person; call once after the last add().
  void finish();
  long long at(std::size_t row, std::size_t column) const { return counts_[row][column]; }

 private:
  void close_person();
  CodeBook& codes_;
  std::vector<std::optional<Filter>> filters_;  // per column: nullopt when not counted here
  std::vector<std::vector<long long>> counts_;  // [row][column]
  std::vector<bool> matched_;                   // per column, for the person being read
  std::optional<std::pair<std::size_t, std::int64_t>> current_;  // (row, person)
};

// One cell: a count, a text, or nothing.
struct Cell {
  std::optional<long long> number;
  std::optional<std::string> text;
  bool operator==(const Cell&) const = default;
};

// The count cells of each row from the two tallies and each row's open bodies; the other
// columns stay empty for the caller. The totals (合计) are the sums of the rows' numbers.
std::vector<std::vector<Cell>> count_cells(const Layout& layout, const Tally& report, const Tally& baseline,
                                           const std::vector<long long>& bodies);
std::vector<Cell> totals_of(const Layout& layout, const std::vector<std::vector<Cell>>& rows);

}  // namespace jinguo::domain::forms
