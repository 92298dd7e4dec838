#pragma once
// The Harbin demo: the city federation, its 18 districts and counties, 127 street and
// 172 township federations, 845 communities and 1,887 village women's congresses as
// they stood in 2016, with invented women on their rosters before and after the
// expansion campaign of 哈妇发〔2016〕8号. Deterministic: a seed gives the same data
// on every machine.
#include <cstddef>
#include <cstdint>

#include "demo/sink.h"
#include "domain/date.h"

namespace jinguo::demo {

struct Options {
  std::uint64_t seed = 2016;
  domain::Date today = domain::Date(2016, 9, 20);  // the report date of the campaign
};

struct Summary {
  std::size_t organisations = 0, people = 0, positions = 0;
};

// Streams everything into `sink` (organisations parent first, each person before her
// positions; ids 1, 2, 3 … per kind) and calls sink.finish() at the end.
Summary generate_harbin(const Options& options, Sink& sink);

}  // namespace jinguo::demo
