// The demo generators against their promises: counts, order, valid codes and IDs,
// determinism, and the realistic spread of roster sizes that later checks must find.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "demo/form_records.h"
#include "demo/harbin.h"
#include "demo/scaled.h"
#include "demo/tree.h"
#include "domain/error.h"
#include "domain/id_number.h"

namespace jinguo::demo {
namespace {

using domain::BodyType;
using domain::Date;

// Keeps everything (Harbin is small) and hashes the stream (FNV-1a).
class RecordingSink : public Sink {
 public:
  void add(const domain::Organisation& o) override {
    mix(o.id, o.parent_id.value_or(0), static_cast<int>(o.type), o.name, o.division_code.value_or(""), o.pilot,
        o.established_on ? o.established_on->iso() : "");
    organisations.push_back(o);
  }
  void add(const domain::Person& p) override {
    mix(p.id, p.name, p.id_number, p.birth_date.iso(), p.ethnicity.value_or(""), p.political_status.value_or(""),
        p.education.value_or(""), p.work_unit.value_or(""), p.job_title.value_or(""), p.mobile.value_or(""),
        p.office_phone.value_or(""));
    people.push_back(p);
  }
  void add(const domain::Position& p) override {
    mix(p.id, p.person_id, p.organisation_id, p.role, p.manner, p.source.value_or("-"), p.start_on.iso(),
        p.end_on ? p.end_on->iso() : "", p.end_reason.value_or(""));
    positions.push_back(p);
  }
  void finish() override { ++finished; }

  std::uint64_t hash = 14695981039346656037ULL;
  std::vector<domain::Organisation> organisations;
  std::vector<domain::Person> people;
  std::vector<domain::Position> positions;
  int finished = 0;

 private:
  void mix_text(std::string_view s) {
    for (unsigned char c : s) hash = (hash ^ c) * 1099511628211ULL;
    hash = (hash ^ 0xFF) * 1099511628211ULL;
  }
  template <class... Fields>
  void mix(const Fields&... fields) {
    (mix_one(fields), ...);
  }
  void mix_one(std::string_view s) { mix_text(s); }
  void mix_one(const std::string& s) { mix_text(s); }
  void mix_one(const char* s) { mix_text(s); }
  void mix_one(std::int64_t n) { mix_text(std::to_string(n)); }
  void mix_one(int n) { mix_text(std::to_string(n)); }
  void mix_one(bool b) { mix_text(b ? "1" : "0"); }
};

// Only counts and hashes: for the larger scaled runs.
class CountingSink : public Sink {
 public:
  void add(const domain::Organisation& o) override {
    ASSERT_EQ(o.id, static_cast<std::int64_t>(types.size()) + 1);
    if (o.parent_id) {
      ASSERT_LT(*o.parent_id, o.id);
      ASSERT_TRUE(domain::may_stand_under(o.type, types[static_cast<std::size_t>(*o.parent_id - 1)]));
    } else {
      ASSERT_EQ(o.type, BodyType::kCity);
    }
    ASSERT_TRUE(codes.insert(*o.division_code).second) << *o.division_code;
    types.push_back(o.type);
  }
  void add(const domain::Person& p) override {
    ASSERT_EQ(p.id, static_cast<std::int64_t>(people) + 1);
    ++people;
    ASSERT_TRUE(id_numbers.insert(p.id_number).second) << p.id_number;
    ASSERT_NO_THROW(domain::parse_id_number(p.id_number, Date(2016, 9, 20)));
  }
  void add(const domain::Position& p) override {
    ++positions;
    ASSERT_LE(p.person_id, static_cast<std::int64_t>(people));
    ASSERT_TRUE(role_fits(p.role, types[static_cast<std::size_t>(p.organisation_id - 1)])) << p.role;
  }
  void finish() override {}

  std::vector<BodyType> types;
  std::unordered_set<std::string> codes, id_numbers;
  std::size_t people = 0, positions = 0;
};

const RecordingSink& harbin() {
  static const RecordingSink sink = [] {
    RecordingSink s;
    generate_harbin(Options{}, s);
    return s;
  }();
  return sink;
}

std::unordered_map<std::int64_t, const domain::Organisation*> by_id(const RecordingSink& s) {
  std::unordered_map<std::int64_t, const domain::Organisation*> out;
  for (const auto& o : s.organisations) out[o.id] = &o;
  return out;
}

TEST(HarbinDemo, HasTheRealNumberOfBodiesPerType) {
  std::map<BodyType, int> counts;
  for (const auto& o : harbin().organisations) ++counts[o.type];
  EXPECT_EQ(counts[BodyType::kCity], 1);
  EXPECT_EQ(counts[BodyType::kDistrict] + counts[BodyType::kCounty] + counts[BodyType::kCountyCity], 18);
  EXPECT_EQ(counts[BodyType::kDistrict], 9);
  EXPECT_EQ(counts[BodyType::kCounty], 7);
  EXPECT_EQ(counts[BodyType::kCountyCity], 2);
  EXPECT_EQ(counts[BodyType::kStreet], 127);
  EXPECT_EQ(counts[BodyType::kTownship], 172);
  EXPECT_EQ(counts[BodyType::kCommunity], 845);
  EXPECT_EQ(counts[BodyType::kVillageCongress], 1887);
  EXPECT_EQ(counts[BodyType::kVillage], 0);
}

TEST(HarbinDemo, SummaryMatchesTheStreamAndIsOfTheAgreedSize) {
  RecordingSink sink;
  const Summary summary = generate_harbin(Options{}, sink);
  EXPECT_EQ(sink.finished, 1);
  EXPECT_EQ(summary.organisations, sink.organisations.size());
  EXPECT_EQ(summary.people, sink.people.size());
  EXPECT_EQ(summary.positions, sink.positions.size());
  EXPECT_EQ(summary.organisations, 3050u);
  EXPECT_GE(summary.people, 45'000u);
  EXPECT_LE(summary.people, 60'000u);
  EXPECT_GE(summary.positions, 50'000u);
  EXPECT_LE(summary.positions, 70'000u);
}

TEST(HarbinDemo, IsDeterministicForASeed) {
  RecordingSink again, other;
  generate_harbin(Options{}, again);
  generate_harbin(Options{.seed = 7}, other);
  EXPECT_EQ(again.hash, harbin().hash);
  EXPECT_NE(other.hash, harbin().hash);
  EXPECT_EQ(other.organisations.size(), harbin().organisations.size());
}

TEST(HarbinDemo, RunsWellUnderTwoSeconds) {
  RecordingSink sink;
  const auto start = std::chrono::steady_clock::now();
  generate_harbin(Options{.seed = 11}, sink);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 2000);
}

TEST(HarbinDemo, TreeIsParentFirstWithValidTypesCodesAndNames) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  std::set<std::string> codes;
  std::set<std::pair<std::int64_t, std::string>> sibling_names;
  for (std::size_t i = 0; i < s.organisations.size(); ++i) {
    const auto& o = s.organisations[i];
    EXPECT_EQ(o.id, static_cast<std::int64_t>(i) + 1);
    std::optional<BodyType> parent_type;
    if (o.parent_id) {
      ASSERT_LT(*o.parent_id, o.id);
      parent_type = orgs.at(*o.parent_id)->type;
    }
    EXPECT_TRUE(domain::may_stand_under(o.type, parent_type)) << o.name;
    ASSERT_TRUE(o.division_code);
    EXPECT_EQ(domain::normalise_division_code(*o.division_code), *o.division_code);
    EXPECT_TRUE(codes.insert(*o.division_code).second) << *o.division_code;
    if (o.parent_id) {
      EXPECT_EQ(o.division_code->substr(0, 4), "2301");
    }
    EXPECT_TRUE(sibling_names.insert({o.parent_id.value_or(0), o.name}).second) << o.name;
    EXPECT_NO_THROW(domain::validate_organisation_name(o.name));
    ASSERT_TRUE(o.established_on);
  }
  EXPECT_EQ(s.organisations[0].name, "哈尔滨市妇联");
  EXPECT_EQ(*s.organisations[0].division_code, "230100000000");
  EXPECT_TRUE(sibling_names.count({1, "道里区妇联"}));
  EXPECT_TRUE(sibling_names.count({1, "五常市妇联"}));
  bool zhaolin = false, lalin = false;
  for (const auto& o : s.organisations) {
    zhaolin |= o.name == "兆麟街道妇联";
    lalin |= o.name == "拉林满族镇妇联";
  }
  EXPECT_TRUE(zhaolin);
  EXPECT_TRUE(lalin);
}

TEST(HarbinDemo, OnePilotInEachDistrictAndCounty) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  std::map<std::int64_t, int> pilots;
  for (const auto& o : s.organisations) {
    if (!o.pilot) continue;
    const auto* county = orgs.at(*o.parent_id);
    pilots[county->id]++;
    const BodyType expected = county->type == BodyType::kDistrict ? BodyType::kStreet : BodyType::kTownship;
    EXPECT_EQ(o.type, expected) << o.name;
  }
  EXPECT_EQ(pilots.size(), 18u);
  for (const auto& [id, n] : pilots) EXPECT_EQ(n, 1) << orgs.at(id)->name;
}

TEST(HarbinDemo, PeopleHaveValidUniqueFemaleIdNumbersFromTheirDistrict) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  std::unordered_set<std::string> seen;
  std::unordered_map<std::int64_t, std::string> region_of;
  for (std::size_t i = 0; i < s.people.size(); ++i) {
    const auto& p = s.people[i];
    ASSERT_EQ(p.id, static_cast<std::int64_t>(i) + 1);
    const auto parsed = domain::parse_id_number(p.id_number, Date(2016, 9, 20));
    ASSERT_EQ(parsed.value, p.id_number);
    EXPECT_EQ(parsed.sex, domain::Sex::kFemale);
    EXPECT_EQ(parsed.birth_date, p.birth_date);
    EXPECT_GE(p.birth_date.year(), 1950);
    EXPECT_LE(p.birth_date.year(), 1996);
    EXPECT_TRUE(seen.insert(p.id_number).second) << p.id_number;
    EXPECT_NO_THROW(domain::validate_person_name(p.name));
    ASSERT_TRUE(p.mobile);
    EXPECT_EQ(domain::normalise_mobile(*p.mobile), *p.mobile);
    if (p.office_phone) {
      EXPECT_EQ(domain::normalise_office_phone(*p.office_phone), *p.office_phone);
    }
    region_of[p.id] = p.id_number.substr(0, 6);
  }
  // Her first position is in the district her ID number comes from.
  std::unordered_set<std::int64_t> placed;
  for (const auto& p : s.positions) {
    if (!placed.insert(p.person_id).second) continue;
    EXPECT_EQ(orgs.at(p.organisation_id)->division_code->substr(0, 6), region_of[p.person_id]);
  }
}

TEST(HarbinDemo, NamesAndAttributesLookLikeHarbin) {
  const auto& s = harbin();
  std::map<std::string, int> ethnicity, politics, education;
  int dotted = 0, beyond_bmp = 0;
  for (const auto& p : s.people) {
    ++ethnicity[*p.ethnicity];
    ++politics[*p.political_status];
    ++education[*p.education];
    if (p.name.find("·") != std::string::npos) ++dotted;
    for (unsigned char c : p.name)
      if (c >= 0xF0) {
        ++beyond_bmp;
        break;
      }
  }
  const double n = static_cast<double>(s.people.size());
  EXPECT_GT(ethnicity["01"] / n, 0.85);
  EXPECT_GT(ethnicity["11"], 0);
  EXPECT_GT(ethnicity["10"], 0);
  EXPECT_GT(ethnicity["03"], 0);
  EXPECT_GT(ethnicity["02"], 0);
  EXPECT_GT(dotted, 0);
  EXPECT_GT(beyond_bmp, 0);
  EXPECT_GT(politics["01"], 0);
  EXPECT_GT(politics["13"], 0);
  for (const auto& [code, count] : education)
    EXPECT_TRUE(std::set<std::string>({"10", "20", "30", "40", "60", "70", "80", "90"}).count(code)) << code;
}

TEST(HarbinDemo, PositionsAreValidAndFollowTheirPeople) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  const std::set<std::string> manners = {"full_time", "part_time", "seconded", "volunteer"};
  const std::set<std::string> sources = {"building_head", "unit_group_head", "business_leader", "model_post_leader",
                                         "red_banner", "new_sector_leader", "self_org_leader", "expertise",
                                         "cadre_worker", "social_worker", "social_org_head", "grassroots_cadre"};
  std::set<std::pair<std::int64_t, std::int64_t>> open;
  std::int64_t last_person = 0;
  for (std::size_t i = 0; i < s.positions.size(); ++i) {
    const auto& p = s.positions[i];
    ASSERT_EQ(p.id, static_cast<std::int64_t>(i) + 1);
    ASSERT_GE(p.person_id, 1);
    ASSERT_LE(p.person_id, static_cast<std::int64_t>(s.people.size()));
    const auto* org = orgs.at(p.organisation_id);
    EXPECT_TRUE(role_fits(p.role, org->type)) << p.role << " in " << org->name;
    EXPECT_TRUE(manners.count(p.manner)) << p.manner;
    if (p.source) {
      EXPECT_TRUE(sources.count(*p.source)) << *p.source;
    }
    if (p.end_on) {
      EXPECT_LT(p.start_on, *p.end_on);
      EXPECT_TRUE(p.end_reason && !p.end_reason->empty());
    } else {
      EXPECT_TRUE(open.insert({p.person_id, p.organisation_id}).second)
          << "person " << p.person_id << " twice in " << org->name;
    }
    EXPECT_GE(p.start_on, Date(2000, 1, 1));
    EXPECT_LT(p.start_on, Date(2016, 9, 20));
    EXPECT_GE(p.start_on, *org->established_on);
    const auto& person = s.people[static_cast<std::size_t>(p.person_id - 1)];
    EXPECT_GE(domain::age_on(person.birth_date, p.start_on), 18);
    last_person = std::max(last_person, p.person_id);
  }
  // Every person holds at least one position.
  std::set<std::int64_t> holders;
  for (const auto& p : s.positions) holders.insert(p.person_id);
  EXPECT_EQ(holders.size(), s.people.size());
}

TEST(HarbinDemo, PersonIsEmittedBeforeHerPositions) {
  // Replay the order with a sink that sees the interleaving.
  class OrderSink : public Sink {
   public:
    void add(const domain::Organisation& o) override { last_org = o.id; }
    void add(const domain::Person& p) override { last_person = p.id; }
    void add(const domain::Position& p) override {
      EXPECT_LE(p.person_id, last_person);
      EXPECT_LE(p.organisation_id, last_org);
    }
    void finish() override {}
    std::int64_t last_org = 0, last_person = 0;
  } sink;
  generate_harbin(Options{}, sink);
}

struct Sizes {
  int total = 0, heads = 0, deputies = 0;
};

std::unordered_map<std::int64_t, Sizes> sizes_on(const RecordingSink& s, const Date& on) {
  std::unordered_map<std::int64_t, Sizes> out;
  for (const auto& p : s.positions) {
    if (!p.held_on(on)) continue;
    auto& size = out[p.organisation_id];
    ++size.total;
    if (p.role == "chair" || p.role == "director") ++size.heads;
    if (p.role == "vice_chair" || p.role == "deputy_director") ++size.deputies;
  }
  return out;
}

struct Shares {
  int bodies = 0, within = 0, short_of = 0, over = 0, no_head = 0, two_heads = 0;
};

Shares shares(const RecordingSink& s, const std::unordered_map<std::int64_t, Sizes>& sizes,
              std::initializer_list<BodyType> types, int min, int max) {
  Shares out;
  for (const auto& o : s.organisations) {
    if (std::find(types.begin(), types.end(), o.type) == types.end()) continue;
    ++out.bodies;
    const auto it = sizes.find(o.id);
    const Sizes size = it == sizes.end() ? Sizes{} : it->second;
    if (size.total < min) ++out.short_of;
    else if (size.total > max) ++out.over;
    else ++out.within;
    if (size.heads == 0) ++out.no_head;
    if (size.heads >= 2) ++out.two_heads;
  }
  return out;
}

TEST(HarbinDemo, MostBodiesExpandedToTheStandardSomeDidNot) {
  const auto& s = harbin();
  const auto after = sizes_on(s, Date(2016, 9, 20));
  const auto before = sizes_on(s, Date(2016, 6, 1));

  const Shares towns = shares(s, after, {BodyType::kStreet, BodyType::kTownship}, 25, 35);
  EXPECT_GE(towns.within, towns.bodies * 80 / 100);
  EXPECT_GT(towns.short_of, 0);
  EXPECT_GT(towns.over, 0);
  const Shares communities = shares(s, after, {BodyType::kCommunity}, 15, 25);
  EXPECT_GE(communities.within, communities.bodies * 80 / 100);
  EXPECT_GT(communities.short_of, communities.bodies * 4 / 100);
  EXPECT_GT(communities.over, 0);
  const Shares congresses = shares(s, after, {BodyType::kVillageCongress}, 7, 13);
  EXPECT_GE(congresses.within, congresses.bodies * 80 / 100);
  EXPECT_GT(congresses.short_of, 0);
  EXPECT_GT(congresses.over, 0);
  EXPECT_GT(congresses.no_head + communities.no_head, 0);
  EXPECT_GT(congresses.two_heads + communities.two_heads, 0);

  // Before the campaign they were small: 7–15, 5–9, 4–7 (plus a head or seat here and there).
  const Shares towns_before = shares(s, before, {BodyType::kStreet, BodyType::kTownship}, 6, 17);
  EXPECT_GE(towns_before.within, towns_before.bodies * 90 / 100);
  const Shares congresses_before = shares(s, before, {BodyType::kVillageCongress}, 3, 8);
  EXPECT_GE(congresses_before.within, congresses_before.bodies * 95 / 100);
}

TEST(HarbinDemo, MostVillageAndCommunityHeadsSitInTheTownshipAbove) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  const Date on(2016, 9, 20);
  std::set<std::pair<std::int64_t, std::int64_t>> executives;  // (person, body)
  for (const auto& p : s.positions)
    if (p.held_on(on) && p.role == "executive") executives.insert({p.person_id, p.organisation_id});
  int heads = 0, seated = 0;
  for (const auto& p : s.positions) {
    if (!p.held_on(on) || (p.role != "director" && !(p.role == "chair" && orgs.at(p.organisation_id)->type ==
                                                                               BodyType::kCommunity)))
      continue;
    ++heads;
    if (executives.count({p.person_id, *orgs.at(p.organisation_id)->parent_id})) ++seated;
  }
  ASSERT_GT(heads, 2500);
  EXPECT_GT(seated, heads * 75 / 100);
  EXPECT_LT(seated, heads * 92 / 100);
}

TEST(HarbinDemo, DistrictAndCityRostersIncludeStandingMembersAndLowerChairs) {
  const auto& s = harbin();
  const auto orgs = by_id(s);
  std::map<std::int64_t, Sizes> upper;
  std::map<std::int64_t, int> standing;
  for (const auto& p : s.positions) {
    const auto* org = orgs.at(p.organisation_id);
    if (domain::body_type_level(org->type) > 1 || !p.held_on(Date(2016, 9, 20))) continue;
    ++upper[org->id].total;
    if (p.role == "chair") ++upper[org->id].heads;
    if (p.role == "standing") ++standing[org->id];
  }
  ASSERT_EQ(upper.size(), 19u);
  for (const auto& [id, size] : upper) {
    EXPECT_GE(size.total, 30) << orgs.at(id)->name;
    EXPECT_LE(size.total, 48) << orgs.at(id)->name;
    EXPECT_EQ(size.heads, 1);
    EXPECT_GE(standing[id], 8);
  }
}

TEST(HarbinDemo, EachDistrictAndCountyHasAContactAndAReelectionForFormsOneAndTwo) {
  const auto records = harbin_form_records(harbin().organisations, Options{}.seed);
  ASSERT_EQ(records.size(), 18u);
  const auto bodies = by_id(harbin());
  const Date report(2016, 6, 20);
  for (auto r : records) {
    const auto* body = bodies.at(r.contact.organisation_id);
    EXPECT_TRUE(body->type != BodyType::kCity) << body->name;
    EXPECT_TRUE(domain::holds_reelections(body->type)) << body->name;
    EXPECT_EQ(r.reelection.organisation_id, body->id);
    EXPECT_NO_THROW(domain::normalise_and_validate(r.contact, report)) << body->name;
    EXPECT_NO_THROW(domain::normalise_and_validate(r.reelection, report)) << body->name;
    EXPECT_TRUE(r.contact.open_on(report));
    EXPECT_TRUE(r.reelection.held_on.year() == 2013 || r.reelection.held_on.year() == 2014);
    EXPECT_EQ(r.reelection.term_years, 5);
    EXPECT_GE(r.reelection.delegates, 150);
    EXPECT_GT(r.reelection.delegates_party, r.reelection.delegates_minority);
  }
  // the same seed, the same records
  const auto again = harbin_form_records(harbin().organisations, Options{}.seed);
  EXPECT_EQ(again.front().contact.name, records.front().contact.name);
  EXPECT_EQ(again.back().reelection.held_on, records.back().reelection.held_on);
}

TEST(ScaledDemo, SmallCountryIsConsistent) {
  CountingSink sink;
  ScaleOptions options;
  options.townships = 120;
  const Summary summary = generate_scaled(options, sink);
  EXPECT_EQ(summary.organisations, sink.types.size());
  EXPECT_EQ(summary.people, sink.people);
  EXPECT_EQ(summary.positions, sink.positions);
  std::map<BodyType, std::size_t> counts;
  for (BodyType t : sink.types) ++counts[t];
  EXPECT_EQ(counts[BodyType::kStreet] + counts[BodyType::kTownship], 120u);
  EXPECT_GT(counts[BodyType::kVillage], counts[BodyType::kVillageCongress]);
  EXPECT_GT(counts[BodyType::kCommunity], 0u);
  EXPECT_GE(counts[BodyType::kCity], 1u);
  // about 20 positions per grassroots body
  EXPECT_GT(summary.positions, 15 * (counts[BodyType::kVillage] + counts[BodyType::kCommunity]));
}

TEST(ScaledDemo, PresetsAndDeterminism) {
  ASSERT_TRUE(scale_preset("national"));
  EXPECT_EQ(scale_preset("national")->townships, 40'000u);
  ASSERT_TRUE(scale_preset("county"));
  EXPECT_FALSE(scale_preset("galaxy"));
  EXPECT_EQ(scale_preset("4000")->townships, 4000u);
  EXPECT_FALSE(scale_preset("0"));
  EXPECT_FALSE(scale_preset("12x"));
  RecordingSink a, b;
  generate_scaled(*scale_preset("county"), a);
  generate_scaled(*scale_preset("county"), b);
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(a.finished, 1);
}

}  // namespace
}  // namespace jinguo::demo
