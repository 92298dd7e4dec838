#include "domain/forms/counting.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <stdexcept>
#include <string>

namespace jinguo::domain::forms {

namespace {

std::optional<CodeSet> code_set(const std::vector<std::string>& codes, Codes& table) {
  if (codes.empty()) return std::nullopt;
  CodeSet set;
  for (const auto& c : codes) set.push_back(table.id(c));
  std::sort(set.begin(), set.end());
  return set;
}

// The codes of the bands named (band keys were checked when the layout was read).
std::vector<std::string> band_codes(const std::vector<std::string>& keys, const std::vector<Band>& bands) {
  std::vector<std::string> out;
  for (const auto& key : keys)
    for (const auto& b : bands)
      if (b.key == key) out.insert(out.end(), b.codes.begin(), b.codes.end());
  return out;
}

bool passes(const std::optional<CodeSet>& set, std::size_t id) {
  return !set || (id != 0 && std::binary_search(set->begin(), set->end(), id));
}

}  // namespace

CodeId Codes::id(std::string_view code) {
  if (code.empty()) return 0;
  Recent& r = recent_[(reinterpret_cast<std::uintptr_t>(code.data()) >> 3) % recent_.size()];
  if (r.data == code.data() && r.code == code) return r.id;  // the text checked: a reused buffer is no hit
  CodeId found = 0;
  if (auto it = ids_.find(code); it != ids_.end()) {
    found = it->second;
  } else {
    if (ids_.size() >= kMaxCodes)
      throw std::length_error("forms: more than " + std::to_string(kMaxCodes) + " codes of one kind to count");
    found = static_cast<CodeId>(ids_.size() + 1);
    ids_.emplace(std::string(code), found);
  }
  r.data = code.data();
  r.code.assign(code);
  r.id = found;
  return found;
}

Facts CodeBook::facts(const Held& h) {
  Facts f;
  f.role = role.id(h.role);
  f.manner = manner.id(h.manner);
  f.source = source.id(h.source);
  f.education = education.id(h.education);
  f.political_status = political_status.id(h.political_status);
  f.minority = !h.ethnicity.empty() && h.ethnicity != "01";
  f.birth = h.birth_date.days_since_epoch();
  return f;
}

std::int32_t last_birth_of_age(const Date& on, int age) {
  using namespace std::chrono;
  const int y = on.year() - age;
  // her birthday that year, or the month's last day when it has none (29 February)
  const unsigned last = static_cast<unsigned>(
      year_month_day_last(year(y), month_day_last(month(on.month()))).day());
  // by the calendar itself: an open band reaches past the years a Date accepts
  const year_month_day birthday{year(y), month(on.month()), day(std::min(on.day(), last))};
  return static_cast<std::int32_t>(sys_days(birthday).time_since_epoch().count());
}

Filter::Filter(const Count& count, const Bands& bands, CodeBook& codes, const Date& report_date)
    : role_(code_set(count.role, codes.role)),
      manner_(code_set(count.manner, codes.manner)),
      source_(code_set(count.source, codes.source)),
      education_(code_set(band_codes(count.education, bands.education), codes.education)),
      political_status_(code_set(band_codes(count.political_status, bands.political_status), codes.political_status)),
      minority_(count.minority) {
  // age in [min, max] on the report date ⇔ born after the last birth of age max + 1 and on
  // or before the last birth of age min
  for (const auto& key : count.age)
    for (const auto& b : bands.age)
      if (b.key == key)
        births_.emplace_back(last_birth_of_age(report_date, b.max.value_or(1000) + 1),
                             last_birth_of_age(report_date, b.min.value_or(0)));
}

bool Filter::born_in_band(std::int32_t birth) const {
  return births_.empty() ||
         std::any_of(births_.begin(), births_.end(), [&](const auto& r) { return birth > r.first && birth <= r.second; });
}

bool Filter::operator()(const Facts& f) const {
  if (!passes(role_, f.role) || !passes(manner_, f.manner) || !passes(source_, f.source) ||
      !passes(education_, f.education) || !passes(political_status_, f.political_status))
    return false;
  if (minority_ && !f.minority) return false;
  return born_in_band(f.birth);
}

bool counts_on(const Count& c, Side side) {
  if (c.what == CountWhat::kBodies) return false;
  if (c.what == CountWhat::kAdded) return true;  // the report date less the baseline
  return (c.on == CountOn::kReport) == (side == Side::kReport);
}

Tally::Tally(const Layout& layout, Side side, std::size_t rows, CodeBook& codes, const Date& report_date)
    : codes_(codes),
      columns_(layout.columns.size()),
      words_((layout.columns.size() + 63) / 64),
      counts_(rows * layout.columns.size(), 0),
      matched_(words_, 0) {
  std::vector<std::pair<std::size_t, Filter>> filters;  // the columns counted on this side
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    const auto& count = layout.columns[c].count;
    if (count && counts_on(*count, side)) filters.emplace_back(c, Filter(*count, layout.bands, codes, report_date));
  }
  for (const auto& [c, f] : filters)
    for (const auto& [after, through] : f.births_) {
      birth_limits_.push_back(after);
      birth_limits_.push_back(through);
    }
  std::sort(birth_limits_.begin(), birth_limits_.end());
  birth_limits_.erase(std::unique(birth_limits_.begin(), birth_limits_.end()), birth_limits_.end());
  const std::size_t spans = birth_limits_.size() + 1;
  // the filters numbered every code they name: the codes numbered later share the last row
  const std::pair<CodeBits*, const Codes*> kinds[] = {{&role_, &codes.role},
                                                      {&manner_, &codes.manner},
                                                      {&source_, &codes.source},
                                                      {&education_, &codes.education},
                                                      {&political_status_, &codes.political_status}};
  for (const auto& [table, numbered] : kinds) {
    table->later = static_cast<CodeId>(numbered->size());  // ≤ kMaxCodes: a CodeId
    table->bits.assign((numbered->size() + 1) * words_, 0);
  }
  minority_.assign(2 * words_, 0);
  born_.assign(spans * words_, 0);
  for (const auto& [c, f] : filters) {
    const std::uint64_t bit = std::uint64_t{1} << (c % 64);
    const std::size_t word = c / 64;
    const std::pair<CodeBits*, const std::optional<CodeSet>*> sets[] = {{&role_, &f.role_},
                                                                        {&manner_, &f.manner_},
                                                                        {&source_, &f.source_},
                                                                        {&education_, &f.education_},
                                                                        {&political_status_, &f.political_status_}};
    for (const auto& [table, set] : sets)
      for (std::size_t id = 0; id <= table->later; ++id)  // `later` is no code a filter names
        if (passes(*set, id)) table->bits[id * words_ + word] |= bit;
    for (std::size_t m = 0; m < 2; ++m)
      if (!f.minority_ || m == 1) minority_[m * words_ + word] |= bit;
    // a band's limits are among the spans' limits, so one birth date stands for its span
    for (std::size_t span = 0; span < spans; ++span) {
      const std::int32_t birth = span == 0 ? (birth_limits_.empty() ? 0 : birth_limits_.front())
                                           : birth_limits_[span - 1] + 1;
      if (f.born_in_band(birth)) born_[span * words_ + word] |= bit;
    }
  }
}

const std::uint64_t* Tally::birth_bits(std::int32_t birth) const {
  // the span: how many limits lie before the birth date (a few: a linear search)
  std::size_t span = 0;
  while (span < birth_limits_.size() && birth_limits_[span] < birth) ++span;
  return &born_[span * words_];
}

void Tally::add(std::size_t row, const Held& held) { add(row, held.person_id, codes_.facts(held)); }

void Tally::add(std::size_t row, std::int64_t person_id, const Facts& f) {
  if (!reading_ || row != row_ || person_id != person_) {
    close_person();
    reading_ = true;
    row_ = row;
    person_ = person_id;
  }
  const std::uint64_t* role = role_.of(f.role, words_);
  const std::uint64_t* manner = manner_.of(f.manner, words_);
  const std::uint64_t* source = source_.of(f.source, words_);
  const std::uint64_t* education = education_.of(f.education, words_);
  const std::uint64_t* political = political_status_.of(f.political_status, words_);
  const std::uint64_t* minority = &minority_[(f.minority ? 1 : 0) * words_];
  const std::uint64_t* born = birth_bits(f.birth);
  for (std::size_t w = 0; w < words_; ++w)
    matched_[w] |= role[w] & manner[w] & source[w] & education[w] & political[w] & minority[w] & born[w];
}

void Tally::close_person() {
  if (!reading_) return;
  long long* row = &counts_[row_ * columns_];
  for (std::size_t w = 0; w < words_; ++w) {
    for (std::uint64_t bits = matched_[w]; bits; bits &= bits - 1)
      ++row[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
    matched_[w] = 0;
  }
  reading_ = false;
}

void Tally::finish() { close_person(); }

std::vector<std::vector<Cell>> count_cells(const Layout& layout, const Tally& report, const Tally& baseline,
                                           const std::vector<long long>& bodies) {
  std::vector<std::vector<Cell>> rows(bodies.size(), std::vector<Cell>(layout.columns.size()));
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const auto& count = layout.columns[c].count;
      if (!count) continue;
      switch (count->what) {
        case CountWhat::kBodies: rows[r][c].number = bodies[r]; break;
        case CountWhat::kMembers:
          rows[r][c].number = count->on == CountOn::kReport ? report.at(r, c) : baseline.at(r, c);
          break;
        case CountWhat::kAdded: rows[r][c].number = report.at(r, c) - baseline.at(r, c); break;
      }
    }
  return rows;
}

std::vector<Cell> totals_of(const Layout& layout, const std::vector<std::vector<Cell>>& rows) {
  std::vector<Cell> totals(layout.columns.size());
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (!layout.columns[c].numeric() || !layout.columns[c].summed) continue;
    long long sum = 0;
    bool any = false;
    for (const auto& row : rows)
      if (row[c].number) {
        sum += *row[c].number;
        any = true;
      }
    if (any || layout.columns[c].kind == ColumnKind::kCount) totals[c].number = sum;
  }
  return totals;
}

}  // namespace jinguo::domain::forms
