#pragma once
// A synthetic country for benchmarks: cities → districts/counties → streets/townships →
// communities, village federations and village congresses, of any size up to the
// national one (about 40,000 townships, 620,000 bodies, 13 million positions). The
// rosters are written like Harbin's; the data streams into the sink with memory bound
// by one county at a time.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "demo/harbin.h"
#include "demo/sink.h"
#include "domain/date.h"

namespace jinguo::demo {

struct ScaleOptions {
  std::uint64_t seed = 2016;
  std::size_t townships = 40'000;           // streets and townships in all
  std::size_t townships_per_county = 14;    // on average (±30%)
  std::size_t counties_per_city = 9;        // districts, counties and county-level cities
  std::size_t villages_per_township = 16;   // on average (±6); streets get 4–12 communities
  domain::Date today = domain::Date(2016, 9, 20);
};

// Presets by name: "national" (40,000 townships: ~610,000 bodies, ~12.5 million people,
// ~13 million positions), "province" (1,500), "county" (15), or a number of townships
// ("4000"); nullopt for anything else.
std::optional<ScaleOptions> scale_preset(std::string_view name);

Summary generate_scaled(const ScaleOptions& options, Sink& sink);

}  // namespace jinguo::demo
