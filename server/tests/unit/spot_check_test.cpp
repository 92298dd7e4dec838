// Spot checks' sample (domain/campaign/spot_check): reproducible, stratified, bounded.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../support/refusal.h"
#include "domain/campaign/spot_check.h"

using namespace jinguo::domain;
using namespace jinguo::domain::campaign;
using jinguo::test_support::refusal;

namespace {

std::vector<Candidate> district(int townships, int villages) {
  std::vector<Candidate> out;
  for (int i = 0; i < townships; ++i) out.push_back({100 + i, i % 2 ? BodyType::kStreet : BodyType::kTownship});
  for (int i = 0; i < villages; ++i)
    out.push_back({1000 + i, i % 3 == 0 ? BodyType::kVillageCongress : i % 3 == 1 ? BodyType::kVillage : BodyType::kCommunity});
  out.push_back({7, BodyType::kDistrict});  // never sampled
  return out;
}

TEST(SpotSample, TheSameSeedDrawsTheSameSampleWhateverTheOrder) {
  auto bodies = district(10, 90);
  auto first = draw_sample(bodies, 12, 20160920);
  std::reverse(bodies.begin(), bodies.end());
  EXPECT_EQ(draw_sample(bodies, 12, 20160920), first);
  EXPECT_NE(draw_sample(bodies, 12, 20160921), first);
  // A fixed seed gives a fixed answer on every machine (splitmix64, no library distribution).
  EXPECT_EQ(first.front().stratum, Stratum::kTownship);
  std::set<OrganisationId> distinct;
  for (const auto& d : first) distinct.insert(d.id);
  EXPECT_EQ(distinct.size(), first.size());
  EXPECT_FALSE(distinct.contains(7));
}

struct Share {
  int townships, villages, size, from_townships, from_grassroots;
};

class Shares : public ::testing::TestWithParam<Share> {};

TEST_P(Shares, EachLevelInProportionAndAtLeastOne) {
  const auto& s = GetParam();
  auto sample = draw_sample(district(s.townships, s.villages), s.size, 42);
  int t = 0, g = 0;
  for (const auto& d : sample) (d.stratum == Stratum::kTownship ? t : g)++;
  EXPECT_EQ(t, s.from_townships);
  EXPECT_EQ(g, s.from_grassroots);
}

INSTANTIATE_TEST_SUITE_P(Table, Shares,
                         ::testing::Values(Share{10, 90, 10, 1, 9}, Share{10, 90, 20, 2, 18}, Share{2, 198, 5, 1, 4},
                                           Share{5, 5, 20, 5, 5}, Share{0, 30, 4, 0, 4}, Share{3, 0, 2, 2, 0},
                                           Share{10, 90, 1, 0, 1}));

TEST(SpotSample, SizeAndFindings) {
  EXPECT_EQ(refusal([] { validate_sample_size(0); }), "out_of_range");
  EXPECT_EQ(refusal([] { validate_sample_size(501); }), "out_of_range");
  EXPECT_EQ(refusal([] { validate_sample_size(20); }), "");
  EXPECT_EQ(refusal([] { validate_finding(Finding::kDifferences, std::nullopt, std::nullopt); }), "required");
  EXPECT_EQ(refusal([] { validate_finding(Finding::kDifferences, std::string("主任已调离"), std::nullopt); }), "");
  EXPECT_EQ(refusal([] { validate_finding(Finding::kConfirmed, std::nullopt, std::nullopt); }), "");
  EXPECT_EQ(finding_from_code("confirmed"), Finding::kConfirmed);
  EXPECT_FALSE(finding_from_code("ok"));
}

}  // namespace
