#pragma once
// The arithmetic of the count cells (docs/api-contract.md, "Forms as data"): positions held
// on a date come in one at a time, grouped by row and then by person; each person counts
// once in a cell when any of her positions in the row passes the cell's filters. Memory is
// one tally per cell, whatever the number of positions. Codes are mapped to small numbers
// once per position (by the caller's index, or here from the texts), so that a filter is a
// few table reads.
#include <array>
#include <algorithm>
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

// The number of a code of one kind: 0 is "none" (the empty code).
using CodeId = std::uint16_t;
inline constexpr std::size_t kMaxCodes = 65534;  // codes of one kind a CodeBook numbers (1..)
using CodeSet = std::vector<CodeId>;             // ascending

// Small numbers for the codes of one kind, given in the order they are first met: each code
// its own number, whatever the number of codes (a dictionary is editable).
class Codes {
 public:
  // 0 for an empty code. Throws std::length_error at the code past kMaxCodes: never two
  // codes under one number, which would merge their counts.
  CodeId id(std::string_view code);
  // The numbers handed out so far, 0 included: every code numbered is below it.
  std::size_t size() const { return ids_.size() + 1; }

 private:
  // Codes handed in from one stable place (the forms index interns each code once) come
  // back with the same address: a small cache by address, checked against the text, saves
  // the map's lookup for each position (40% of a city's form 4 in perf).
  struct Recent {
    const char* data = nullptr;
    std::string code;
    CodeId id = 0;
  };
  std::array<Recent, 16> recent_;
  std::map<std::string, CodeId, std::less<>> ids_;
};

// The facts of a position that a filter reads: codes as a CodeBook numbers them.
struct Facts {
  CodeId role = 0, manner = 0, source = 0, education = 0, political_status = 0;
  bool minority = false;    // an ethnicity other than 汉族 (01)
  std::int32_t birth = 0;   // the holder's birth date, days since 1970-01-01
};

// The code tables of every kind a filter reads.
struct CodeBook {
  Codes role, manner, source, education, political_status;
  Facts facts(const Held& h);
};

// A position held on a date as numbers (what an index hands the counter, so that counting
// never reads a code's text): its row's body type (a view into a stable text), its body, its
// holder, and the facts in the numbering of the CodeBook it was made for.
struct HeldFacts {
  std::string_view body_type;
  std::int64_t organisation_id = 0;
  std::int64_t person_id = 0;
  Facts facts;
};

// The last birth date (days since 1970-01-01) of someone `age` or older on `on`, by
// age_on's rule: she is `age` or older exactly when born on or before it.
std::int32_t last_birth_of_age(const Date& on, int age);

// A count's filters, compiled against a code book for one report date (ages are whole
// years on that date, so an age band is a range of birth dates).
class Filter {
 public:
  Filter(const Count& count, const Bands& bands, CodeBook& codes, const Date& report_date);
  bool operator()(const Facts& f) const;

 private:
  friend class Tally;
  std::optional<CodeSet> role_, manner_, source_, education_, political_status_;
  std::vector<std::pair<std::int32_t, std::int32_t>> births_;  // (after, through]: one per age band
  bool minority_ = false;
  bool born_in_band(std::int32_t birth) const;
};

// Which side of the comparison a tally is made for: the count columns read on the report
// date, or those read on the baseline (and the baseline half of `added`).
enum class Side { kReport, kBaseline };
bool counts_on(const Count& c, Side side);

// Distinct people per row and count column, fed positions ordered by row, then person.
// Each column's filter is compiled into tables of column bits, one per code of each kind
// and one per span of birth dates between the bands' limits, so that a position is a few
// table reads and ANDs whatever the number of columns; a person's bits are ORed and added
// to the row's counts when the next person (or row) begins.
class Tally {
 public:
  // Ages are counted on `report_date` on either side (the baseline's members too).
  Tally(const Layout& layout, Side side, std::size_t rows, CodeBook& codes, const Date& report_date);
  void add(std::size_t row, const Held& held);
  // The same from numbers in `codes`' numbering (CodeBook::facts or an index's tables).
  void add(std::size_t row, std::int64_t person_id, const Facts& facts);
  // Closes the last person; call once after the last add().
  void finish();
  long long at(std::size_t row, std::size_t column) const { return counts_[row * columns_ + column]; }

 private:
  void close_person();
  const std::uint64_t* birth_bits(std::int32_t birth) const;
  // The column bits of each code of one kind: a row per code numbered when the tally was
  // made (every code its filters name among them), and a last row for any code numbered
  // later, which no filter names. [row * words + word]
  struct CodeBits {
    std::vector<std::uint64_t> bits;
    CodeId later = 0;  // the last row
    const std::uint64_t* of(CodeId id, std::size_t words) const { return &bits[std::min(id, later) * words]; }
  };
  CodeBook& codes_;
  std::size_t columns_ = 0, words_ = 0;  // words_: 64 columns a word
  CodeBits role_, manner_, source_, education_, political_status_;
  // minority_ [0 or 1]; born_ [span * words_]
  std::vector<std::uint64_t> minority_, born_;
  std::vector<std::int32_t> birth_limits_;  // ascending; span i: after limit i-1, through limit i
  std::vector<long long> counts_;           // [row * columns_ + column]
  std::vector<std::uint64_t> matched_;      // the columns the person being read counts in
  bool reading_ = false;
  std::size_t row_ = 0;
  std::int64_t person_ = 0;
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
