#include "domain/forms/counting.h"

#include <algorithm>

namespace jinguo::domain::forms {

namespace {

std::optional<CodeSet> code_set(const std::vector<std::string>& codes, Codes& table) {
  if (codes.empty()) return std::nullopt;
  CodeSet set;
  for (const auto& c : codes) set.set(table.id(c));
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

bool passes(const std::optional<CodeSet>& set, std::uint8_t id) { return !set || (id != 0 && set->test(id)); }

}  // namespace

std::uint8_t Codes::id(std::string_view code) {
  if (code.empty()) return 0;
  Recent& r = recent_[(reinterpret_cast<std::uintptr_t>(code.data()) >> 3) % recent_.size()];
  if (r.data == code.data() && r.code == code) return r.id;  // the text checked: a reused buffer is no hit
  std::uint8_t found = 0;
  if (auto it = ids_.find(code); it != ids_.end()) {
    found = it->second;
  } else {
    found = static_cast<std::uint8_t>(std::min<std::size_t>(ids_.size() + 1, kMaxCodes - 1));
    ids_.emplace(std::string(code), found);
  }
  r.data = code.data();
  r.code.assign(code);
  r.id = found;
  return found;
}

Facts CodeBook::facts(const Held& h, const Date& report_date) {
  Facts f;
  f.role = role.id(h.role);
  f.manner = manner.id(h.manner);
  f.source = source.id(h.source);
  f.education = education.id(h.education);
  f.political_status = political_status.id(h.political_status);
  f.minority = !h.ethnicity.empty() && h.ethnicity != "01";
  f.age = age_on(h.birth_date, report_date);
  return f;
}

Filter::Filter(const Count& count, const Bands& bands, CodeBook& codes)
    : role_(code_set(count.role, codes.role)),
      manner_(code_set(count.manner, codes.manner)),
      source_(code_set(count.source, codes.source)),
      education_(code_set(band_codes(count.education, bands.education), codes.education)),
      political_status_(code_set(band_codes(count.political_status, bands.political_status), codes.political_status)),
      minority_(count.minority) {
  for (const auto& key : count.age)
    for (const auto& b : bands.age)
      if (b.key == key) ages_.emplace_back(b.min.value_or(0), b.max.value_or(1000));
}

bool Filter::operator()(const Facts& f) const {
  if (!passes(role_, f.role) || !passes(manner_, f.manner) || !passes(source_, f.source) ||
      !passes(education_, f.education) || !passes(political_status_, f.political_status))
    return false;
  if (minority_ && !f.minority) return false;
  if (ages_.empty()) return true;
  return std::any_of(ages_.begin(), ages_.end(), [&](const auto& r) { return f.age >= r.first && f.age <= r.second; });
}

bool counts_on(const Count& c, Side side) {
  if (c.what == CountWhat::kBodies) return false;
  if (c.what == CountWhat::kAdded) return true;  // the report date less the baseline
  return (c.on == CountOn::kReport) == (side == Side::kReport);
}

Tally::Tally(const Layout& layout, Side side, std::size_t rows, CodeBook& codes)
    : codes_(codes),
      counts_(rows, std::vector<long long>(layout.columns.size(), 0)),
      matched_(layout.columns.size(), false) {
  for (const auto& c : layout.columns) {
    if (c.count && counts_on(*c.count, side)) filters_.emplace_back(Filter(*c.count, layout.bands, codes));
    else filters_.emplace_back(std::nullopt);
  }
}

void Tally::add(std::size_t row, const Held& held, const Date& report_date) {
  const std::pair<std::size_t, std::int64_t> who{row, held.person_id};
  if (current_ != who) {
    close_person();
    current_ = who;
  }
  const Facts facts = codes_.facts(held, report_date);
  for (std::size_t c = 0; c < filters_.size(); ++c)
    if (!matched_[c] && filters_[c] && (*filters_[c])(facts)) matched_[c] = true;
}

void Tally::close_person() {
  if (!current_) return;
  auto& row = counts_[current_->first];
  for (std::size_t c = 0; c < matched_.size(); ++c)
    if (matched_[c]) ++row[c];
  std::fill(matched_.begin(), matched_.end(), false);
  current_.reset();
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
