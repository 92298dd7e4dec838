#pragma once
// Invented names: women (by ethnicity and birth year) and places without a real name.
#include <string>
#include <string_view>

#include "demo/random.h"

namespace jinguo::demo {

// A woman's full name as it is written on her ID card: 王秀英, 金顺姬, 阿依古丽·买买提.
std::string woman_name(Rng& rng, std::string_view ethnicity, int birth_year);

// Two-character stems for a street or township without a real name (新华, 永丰 ...).
std::string town_stem(Rng& rng);
// Two-character stems for invented cities and counties (the national benchmark).
std::string city_stem(Rng& rng);
// A community's name without the suffix 社区 (阳光, 锦江花园 ...).
std::string community_stem(Rng& rng);
// A village's name without the suffix 村 (东兴, 王家窝堡 ...).
std::string village_stem(Rng& rng);

}  // namespace jinguo::demo
