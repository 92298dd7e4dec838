#include "domain/campaign/spot_check.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::campaign {

namespace {

// splitmix64: a fixed, portable sequence (std::uniform_int_distribution differs by library).
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

}  // namespace

std::string_view stratum_code(Stratum s) { return s == Stratum::kTownship ? "township" : "grassroots"; }

std::optional<Stratum> stratum_of(BodyType type) {
  switch (body_type_level(type)) {
    case 2: return Stratum::kTownship;
    case 3: return Stratum::kGrassroots;
    default: return std::nullopt;
  }
}

std::vector<Drawn> draw_sample(std::vector<Candidate> candidates, int size, std::uint64_t seed) {
  std::vector<OrganisationId> strata[2];
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.id < b.id; });
  for (const auto& c : candidates)
    if (auto s = stratum_of(c.type)) strata[*s == Stratum::kTownship ? 0 : 1].push_back(c.id);
  const std::size_t total = strata[0].size() + strata[1].size();
  const std::size_t want = std::min(total, static_cast<std::size_t>(std::max(size, 0)));
  // Proportional shares, rounded down, at least one per non-empty stratum when there is room;
  // what rounding leaves goes to the larger stratum.
  std::size_t share[2] = {0, 0};
  for (int s = 0; s < 2; ++s)
    if (total) share[s] = strata[s].size() * want / total;
  const int larger = strata[0].size() >= strata[1].size() ? 0 : 1;
  for (int s : {larger, 1 - larger})  // with room for one only, the larger stratum has it
    if (!strata[s].empty() && share[s] == 0 && share[0] + share[1] < want) share[s] = 1;
  while (share[0] + share[1] < want) {
    int s = strata[0].size() - share[0] >= strata[1].size() - share[1] ? 0 : 1;
    ++share[s];
  }
  std::vector<Drawn> out;
  for (int s = 0; s < 2; ++s) {
    SplitMix64 random{seed ^ (s == 0 ? 0x7477ULL : 0x6772ULL)};
    auto& ids = strata[s];
    for (std::size_t i = 0; i < share[s]; ++i) {
      std::size_t j = i + random.below(ids.size() - i);
      std::swap(ids[i], ids[j]);
      out.push_back({ids[i], s == 0 ? Stratum::kTownship : Stratum::kGrassroots});
    }
  }
  return out;
}

void validate_sample_size(std::int64_t size) {
  if (size < 1 || size > 500)
    throw invalid("out_of_range", "sample_size", "抽查数量应在1到500之间", "sample_size is 1..500");
}

std::string_view finding_code(Finding f) { return f == Finding::kConfirmed ? "confirmed" : "differences"; }

std::optional<Finding> finding_from_code(std::string_view code) {
  if (code == "confirmed") return Finding::kConfirmed;
  if (code == "differences") return Finding::kDifferences;
  return std::nullopt;
}

void validate_finding(Finding f, const std::optional<std::string>& differences, const std::optional<std::string>& notes) {
  if (f == Finding::kDifferences && (!differences || trim(*differences).empty()))
    throw invalid("required", "differences", "请写明发现的差异（哪些人员或职务与名册不符）", "say what differs");
  if (differences && utf8_length(*differences).value_or(9999) > 1000)
    throw invalid("too_long", "differences", "差异说明不能超过1000字", "differences are longer than 1000 characters");
  if (notes && utf8_length(*notes).value_or(9999) > 1000)
    throw invalid("too_long", "notes", "备注不能超过1000字", "notes are longer than 1000 characters");
}

}  // namespace jinguo::domain::campaign
