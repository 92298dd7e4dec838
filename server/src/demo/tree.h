#pragma once
// Writes one organisation tree with its rosters, for the Harbin demo and the national
// benchmark alike. The callers describe the places (names, codes, dates); the writer
// invents the people and the history of their positions around the 2016 campaign:
// the roster at the baseline (2016-06-01), the expansion in June–August, the changes
// up to the report date, the cross-level seats of village and community heads.
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "demo/emitter.h"
#include "demo/people.h"
#include "demo/random.h"
#include "domain/organisation.h"

namespace jinguo::demo {

struct Calendar {
  domain::Date baseline = domain::Date(2016, 6, 1);       // "before" the expansion
  domain::Date expansion_done = domain::Date(2016, 8, 31);
  domain::Date report = domain::Date(2016, 9, 20);        // "after": options.today
};

// One body to be written. Its name is `place` + 妇联 (妇代会 for a village congress).
struct BodyPlan {
  domain::BodyType type = domain::BodyType::kCity;
  std::string place;          // 兆麟街道, 红星村, 哈尔滨市
  std::string division_code;  // 12 digits
  bool pilot = false;
  domain::Date established_on;
};

struct TownshipPlan {
  BodyPlan body;
  std::vector<BodyPlan> children;  // communities, villages, village congresses
};

struct CountyPlan {  // a district, county or county-level city
  BodyPlan body;
  std::vector<TownshipPlan> townships;
};

// The head of a body (chair or director) on the report date, and since when.
struct Head {
  domain::PersonId person = 0;
  domain::Date since;
};

// Keeps sibling names unique: offers a generated name until one is free.
class NameBook {
 public:
  // `stem` is called until its result plus `suffix` is unused (at most 60 tries, then a
  // number is added).
  template <class Stem>
  std::string take(Stem&& stem, std::string_view suffix) {
    for (int attempt = 0; attempt < 60; ++attempt) {
      std::string name = stem() + std::string(suffix);
      if (used_.insert(name).second) return name;
    }
    for (int n = 2;; ++n) {
      std::string name = stem() + std::to_string(n) + std::string(suffix);
      if (used_.insert(name).second) return name;
    }
  }
  bool reserve(const std::string& name) { return used_.insert(name).second; }

 private:
  std::set<std::string> used_;
};

class TreeWriter {
 public:
  TreeWriter(Rng& rng, Emitter& emitter, PersonFactory& people, Calendar calendar)
      : rng_(rng), emitter_(emitter), people_(people), calendar_(calendar) {}

  // The root body alone; its roster comes last, when the county heads are known.
  domain::OrganisationId city(const BodyPlan& plan);
  void city_roster(domain::OrganisationId city_id, const BodyPlan& plan, std::span<const Head> county_heads);

  // A district/county with everything under it and its own roster; returns its chair.
  std::optional<Head> county(domain::OrganisationId city_id, const CountyPlan& plan);

 private:
  struct Where;  // a body being staffed, and what its people share
  struct Post;   // one position to write

  std::optional<Head> township(domain::OrganisationId county_id, const Where& county, const TownshipPlan& plan);
  std::optional<Head> grassroots_roster(const Where& where, const domain::Date& elected_on, int reserved);
  Head leadership_roster(const Where& where, const domain::Date& elected_on, std::span<const Head> lower_heads);
  void seat(const Where& upper, const domain::Date& upper_elected_on, const Head& head);

  domain::PersonId person(const Where& where, std::optional<std::string_view> source, bool leader,
                          int born_from, int born_to);
  void post(const Where& where, domain::PersonId person, const Post& post);
  domain::Date expansion_day(const Where& where);
  std::string_view expansion_source(const Where& where);
  std::string_view expansion_manner();

  Rng& rng_;
  Emitter& emitter_;
  PersonFactory& people_;
  Calendar calendar_;
};

// What one generator run shares: its random stream, the numbering, the people made so
// far and the writer over them.
struct Generation {
  Generation(std::uint64_t seed, const domain::Date& report, Sink& sink)
      : rng(seed), emitter(sink), people(rng), writer(rng, emitter, people, Calendar{.report = report}) {}
  Rng rng;
  Emitter emitter;
  PersonFactory people;
  TreeWriter writer;
};

// Codes of the dictionaries the server seeds (see the migration): roles per body type.
bool role_fits(std::string_view role, domain::BodyType type);

}  // namespace jinguo::demo
