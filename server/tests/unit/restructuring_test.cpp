// The rules of restructuring the tree (domain/restructuring.h), table by table.
#include <gtest/gtest.h>


#include "domain/error.h"
#include "../support/refusal.h"
#include "domain/restructuring.h"

using namespace jinguo::domain;
using B = BodyType;

namespace {

using jinguo::test_support::day;
using jinguo::test_support::refusal;

struct Conversion {
  B from, to;
  bool allowed;
};

class Conversions : public ::testing::TestWithParam<Conversion> {};

TEST_P(Conversions, OnlyCongressToVillageAndVillageToCommunity) {
  const auto& c = GetParam();
  EXPECT_EQ(refusal([&] { require_conversion(c.from, c.to); }), c.allowed ? "" : "conversion_not_allowed")
      << body_type_code(c.from) << " → " << body_type_code(c.to);
}

INSTANTIATE_TEST_SUITE_P(Table, Conversions,
                         ::testing::Values(Conversion{B::kVillageCongress, B::kVillage, true},
                                           Conversion{B::kVillage, B::kCommunity, true},
                                           Conversion{B::kVillageCongress, B::kCommunity, false},
                                           Conversion{B::kCommunity, B::kVillage, false},
                                           Conversion{B::kVillage, B::kVillageCongress, false},
                                           Conversion{B::kTownship, B::kStreet, false},
                                           Conversion{B::kVillage, B::kVillage, false},
                                           Conversion{B::kDistrict, B::kCounty, false}));

struct RoleCase {
  const char* role;
  B to;
  const char* expected;
};

class Roles : public ::testing::TestWithParam<RoleCase> {};

TEST_P(Roles, CongressRolesMapOntoFederationRoles) {
  const auto& r = GetParam();
  EXPECT_EQ(role_in(r.role, r.to), r.expected) << r.role;
}

INSTANTIATE_TEST_SUITE_P(Table, Roles,
                         ::testing::Values(RoleCase{"director", B::kVillage, "chair"},
                                           RoleCase{"deputy_director", B::kVillage, "vice_chair"},
                                           RoleCase{"member", B::kVillage, "executive"},
                                           RoleCase{"chair", B::kCommunity, "chair"},
                                           RoleCase{"executive", B::kTownship, "executive"},
                                           RoleCase{"chair", B::kVillageCongress, "director"},
                                           RoleCase{"vice_chair", B::kVillageCongress, "deputy_director"},
                                           RoleCase{"executive", B::kVillageCongress, "member"},
                                           RoleCase{"member", B::kVillageCongress, "member"},
                                           RoleCase{"standing", B::kDistrict, "standing"}));

struct MergeCase {
  B from, into;
  bool allowed;
};

class Merges : public ::testing::TestWithParam<MergeCase> {};

TEST_P(Merges, OnlyAtTheSameLevelBelowTheCity) {
  const auto& m = GetParam();
  EXPECT_EQ(refusal([&] { require_merge(m.from, m.into); }), m.allowed ? "" : "merge_not_allowed")
      << body_type_code(m.from) << " → " << body_type_code(m.into);
}

INSTANTIATE_TEST_SUITE_P(Table, Merges,
                         ::testing::Values(MergeCase{B::kTownship, B::kTownship, true},
                                           MergeCase{B::kTownship, B::kStreet, true},
                                           MergeCase{B::kVillage, B::kCommunity, true},
                                           MergeCase{B::kVillageCongress, B::kVillage, true},
                                           MergeCase{B::kCounty, B::kDistrict, true},
                                           MergeCase{B::kVillage, B::kTownship, false},
                                           MergeCase{B::kTownship, B::kDistrict, false},
                                           MergeCase{B::kCity, B::kCity, false}));

struct DayCase {
  const char* name;
  const char* on;
  const char* latest_change;
  std::optional<const char*> established, closed;
  const char* expected;
};

class ChangeDays : public ::testing::TestWithParam<DayCase> {};

TEST_P(ChangeDays, NotAfterTodayNorBeforeTheLastChange) {
  const auto& c = GetParam();
  std::optional<Date> established, closed;
  if (c.established) established = day(*c.established);
  if (c.closed) closed = day(*c.closed);
  EXPECT_EQ(refusal([&] { require_change_day(day(c.on), day("2016-09-20"), day(c.latest_change), established, closed); }),
            c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ChangeDays,
    ::testing::Values(DayCase{"plain", "2016-08-01", "1900-01-01", {}, {}, ""},
                      DayCase{"today", "2016-09-20", "1900-01-01", {}, {}, ""},
                      DayCase{"tomorrow", "2016-09-21", "1900-01-01", {}, {}, "restructure_in_future"},
                      DayCase{"same day as the last change", "2016-08-01", "2016-08-01", {}, {}, ""},
                      DayCase{"before the last change", "2016-07-31", "2016-08-01", {}, {}, "restructure_before_change"},
                      DayCase{"before established", "2016-01-01", "1900-01-01", "2016-02-01", {}, "restructure_before_established"},
                      DayCase{"on the day closed", "2016-08-01", "1900-01-01", {}, "2016-08-01", "organisation_closed"}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (char& ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(ChangeDays, TheFirstVersionStartsBeforeAnyRegisteredDay) {
  EXPECT_EQ(first_version_start().iso(), "1900-01-01");
}

}  // namespace
