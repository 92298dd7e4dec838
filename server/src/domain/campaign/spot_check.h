#pragma once
// Spot checks (抽查): a reproducible sample of a district's bodies, stratified by level, and
// the finding recorded for each. Pure rules, no storage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/organisation.h"

namespace jinguo::domain::campaign {

enum class Stratum { kTownship, kGrassroots };  // streets and townships; communities, villages, 妇代会
std::string_view stratum_code(Stratum s);       // "township", "grassroots"
std::optional<Stratum> stratum_of(BodyType type);  // nullopt: not sampled (district level and above)

struct Candidate {
  OrganisationId id = 0;
  BodyType type = BodyType::kCity;
};

struct Drawn {
  OrganisationId id = 0;
  Stratum stratum = Stratum::kTownship;
  bool operator==(const Drawn&) const = default;
};

// `size` bodies (at most all of them) drawn from the candidates with `seed`: each stratum gets
// its share of the sample in proportion to its size (at least one when it has bodies and the
// sample has room), the bodies of a stratum drawn by a Fisher–Yates shuffle driven by
// splitmix64 — the same seed over the same bodies (in any order) gives the same sample on every
// machine. Listed township stratum first, each stratum in the order drawn.
std::vector<Drawn> draw_sample(std::vector<Candidate> candidates, int size, std::uint64_t seed);

// 1..500 bodies (422 on `sample_size`).
void validate_sample_size(std::int64_t size);

enum class Finding { kConfirmed, kDifferences };
std::string_view finding_code(Finding f);  // "confirmed", "differences"
std::optional<Finding> finding_from_code(std::string_view code);
// A finding of differences says what differs (1–1000 characters); notes ≤ 1000. Throws 422.
void validate_finding(Finding f, const std::optional<std::string>& differences, const std::optional<std::string>& notes);

}  // namespace jinguo::domain::campaign
