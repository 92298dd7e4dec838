#include "demo/scaled.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "demo/emitter.h"
#include "demo/names.h"
#include "demo/people.h"
#include "demo/random.h"
#include "demo/tree.h"

namespace jinguo::demo {

namespace {

using domain::BodyType;
using domain::Date;

// The mainland province-level codes of GB/T 2260: the first two digits of every code.
constexpr std::string_view kProvinces[] = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
                                           "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50",
                                           "51", "52", "53", "54", "61", "62", "63", "64", "65"};

std::string digits(std::size_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

void add_children(Rng& rng, const ScaleOptions& options, TownshipPlan& township) {
  NameBook book;
  const std::string prefix = township.body.division_code.substr(0, 9);
  const bool street = township.body.type == BodyType::kStreet;
  const int communities = street ? rng.between(4, 12) : rng.chance(0.15) ? rng.between(2, 6) : 0;
  const int average = static_cast<int>(options.villages_per_township);
  const int villages = street ? 0 : std::clamp(rng.between(average - 6, average + 6), 1, 799);
  for (int i = 0; i < communities; ++i)
    township.children.push_back({BodyType::kCommunity, book.take([&] { return community_stem(rng); }, "社区"),
                                 prefix + digits(static_cast<std::size_t>(1 + i), 3), false,
                                 rng.day(Date(2000, 1, 1), Date(2012, 12, 31))});
  for (int i = 0; i < villages; ++i) {
    const bool congress = rng.chance(0.2);  // villages that have not converted yet
    township.children.push_back({congress ? BodyType::kVillageCongress : BodyType::kVillage,
                                 book.take([&] { return village_stem(rng); }, "村"),
                                 prefix + digits(static_cast<std::size_t>(200 + i), 3), false,
                                 congress ? rng.day(Date(1982, 1, 1), Date(1998, 12, 31))
                                          : rng.day(Date(2000, 1, 1), Date(2012, 12, 31))});
  }
}

CountyPlan plan_county(Rng& rng, const ScaleOptions& options, NameBook& names, BodyType type,
                       const std::string& code, std::size_t townships) {
  CountyPlan plan;
  const std::string_view suffix = type == BodyType::kDistrict ? "区" : type == BodyType::kCounty ? "县" : "市";
  plan.body = {type, names.take([&] { return city_stem(rng); }, suffix), code + "000000", false,
               rng.day(Date(1950, 1, 1), Date(1995, 12, 31))};
  std::size_t streets = 0;
  if (type == BodyType::kDistrict) streets = (townships * 7 + 5) / 10;
  if (type == BodyType::kCountyCity) streets = (townships + 2) / 4;
  if (type == BodyType::kCounty && rng.chance(0.3)) streets = 1;
  streets = std::min<std::size_t>(streets, 99);
  NameBook book;
  std::size_t zhen = 0, xiang = 0;
  for (std::size_t i = 0; i < townships; ++i) {
    TownshipPlan t;
    const bool street = i < streets;
    const bool is_xiang = !street && rng.chance(0.3);
    const std::size_t number = street ? 1 + i : is_xiang ? 200 + (xiang++ % 200) : 100 + (zhen++ % 100);
    t.body = {street ? BodyType::kStreet : BodyType::kTownship,
              book.take([&] { return town_stem(rng); }, street ? "街道" : is_xiang ? "乡" : "镇"),
              code + digits(number, 3) + "000", i == 0,
              street ? rng.day(Date(1956, 1, 1), Date(2008, 12, 31)) : rng.day(Date(1958, 1, 1), Date(1985, 12, 31))};
    add_children(rng, options, t);
    plan.townships.push_back(std::move(t));
  }
  return plan;
}

}  // namespace

std::optional<ScaleOptions> scale_preset(std::string_view name) {
  ScaleOptions options;
  if (name == "national") return options;
  if (name == "province") {
    options.townships = 1'500;
    return options;
  }
  if (name == "county") {
    options.townships = 15;
    options.townships_per_county = 15;
    return options;
  }
  // A plain number: that many townships (1 to 200,000).
  std::size_t townships = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), townships);
  if (error != std::errc() || end != name.data() + name.size() || townships < 1 || townships > 200'000)
    return std::nullopt;
  options.townships = townships;
  return options;
}

Summary generate_scaled(const ScaleOptions& options, Sink& sink) {
  Generation run(options.seed, options.today, sink);
  Rng& rng = run.rng;
  TreeWriter& writer = run.writer;

  const std::size_t per_county = std::clamp<std::size_t>(options.townships_per_county, 1, 60);
  const std::size_t per_city = std::clamp<std::size_t>(options.counties_per_city, 1, 50);
  NameBook city_names;
  std::size_t remaining = options.townships;
  for (std::size_t city_index = 0; remaining > 0; ++city_index) {
    // Province and city digits; 31 provinces × 99 cities are far more than needed.
    const std::string prefix =
        std::string(kProvinces[city_index % std::size(kProvinces)]) + digits(1 + city_index / std::size(kProvinces) % 99, 2);
    const BodyPlan city{BodyType::kCity, city_names.take([&] { return city_stem(rng); }, "市"), prefix + "00000000",
                        false, rng.day(Date(1949, 10, 1), Date(1990, 12, 31))};
    const domain::OrganisationId city_id = writer.city(city);
    NameBook county_names;
    std::vector<Head> heads;
    std::size_t districts = 0, counties = 0, county_cities = 0;
    for (std::size_t c = 0; c < per_city && remaining > 0; ++c) {
      const std::size_t low = std::max<std::size_t>(1, per_county * 7 / 10);
      const std::size_t n = std::min(remaining, low + rng.index(per_county * 6 / 10 + 1));
      remaining -= n;
      BodyType type = BodyType::kCounty;
      std::string code = prefix;
      if (c < per_city / 3) {
        type = BodyType::kDistrict;
        code += digits(1 + districts++, 2);
      } else if (rng.chance(0.2) && county_cities < 18) {
        type = BodyType::kCountyCity;
        code += digits(81 + county_cities++, 2);
      } else {
        code += digits(21 + counties++ % 59, 2);
      }
      if (auto head = writer.county(city_id, plan_county(rng, options, county_names, type, code, n)))
        heads.push_back(*head);
    }
    writer.city_roster(city_id, city, heads);
  }
  return run.emitter.finish();
}

}  // namespace jinguo::demo
