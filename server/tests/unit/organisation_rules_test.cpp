#include <gtest/gtest.h>

#include "domain/dictionary.h"
#include "domain/error.h"
#include "domain/organisation.h"

using namespace jinguo::domain;

TEST(TreeRules, MayStandUnderMatrix) {
  using B = BodyType;
  EXPECT_TRUE(may_stand_under(B::kCity, std::nullopt));
  EXPECT_FALSE(may_stand_under(B::kDistrict, std::nullopt));
  for (B t : {B::kDistrict, B::kCounty, B::kCountyCity}) {
    EXPECT_TRUE(may_stand_under(t, B::kCity));
    EXPECT_FALSE(may_stand_under(t, B::kDistrict));
  }
  for (B t : {B::kStreet, B::kTownship}) {
    EXPECT_TRUE(may_stand_under(t, B::kDistrict));
    EXPECT_TRUE(may_stand_under(t, B::kCounty));
    EXPECT_TRUE(may_stand_under(t, B::kCountyCity));
    EXPECT_FALSE(may_stand_under(t, B::kCity));
  }
  EXPECT_TRUE(may_stand_under(B::kCommunity, B::kStreet));
  EXPECT_TRUE(may_stand_under(B::kCommunity, B::kTownship));
  EXPECT_TRUE(may_stand_under(B::kVillage, B::kTownship));
  EXPECT_FALSE(may_stand_under(B::kVillage, B::kDistrict));
  EXPECT_FALSE(may_stand_under(B::kVillage, B::kStreet));
  EXPECT_TRUE(may_stand_under(B::kVillageCongress, B::kTownship));
  EXPECT_FALSE(may_stand_under(B::kCity, B::kCity));
  EXPECT_EQ(child_types_of(B::kVillage).size(), 0u);
}

TEST(TreeRules, DivisionCodeAndName) {
  EXPECT_EQ(normalise_division_code("230102"), "230102000000");
  EXPECT_EQ(normalise_division_code("230102100000"), "230102100000");
  EXPECT_THROW(normalise_division_code("23010"), DomainError);
  EXPECT_THROW(normalise_division_code("23010a100000"), DomainError);
  EXPECT_THROW(validate_organisation_name("  "), DomainError);
  EXPECT_NO_THROW(validate_organisation_name("新农镇妇联"));
  EXPECT_THROW(validate_organisation_name("新农\a镇妇联"), DomainError);
  EXPECT_THROW(validate_organisation_name("新农镇妇联\n"), DomainError);  // a name is one line
}

TEST(DictionaryRules, CodesAndRoles) {
  EXPECT_NO_THROW(validate_dictionary_code("red_banner"));
  EXPECT_NO_THROW(validate_dictionary_code("01"));
  EXPECT_THROW(validate_dictionary_code("Red"), DomainError);
  EXPECT_THROW(validate_dictionary_code(""), DomainError);
  EXPECT_THROW(validate_dictionary_code(std::string(41, 'a')), DomainError);
  DictionaryEntry standing{DictionaryKind::kRole, "standing", "常委", {}, {}, 30, true,
                           std::vector<std::string>{"city", "district"}};
  EXPECT_TRUE(role_allowed_in(standing, BodyType::kDistrict));
  EXPECT_FALSE(role_allowed_in(standing, BodyType::kTownship));
  standing.active = false;
  EXPECT_FALSE(role_allowed_in(standing, BodyType::kDistrict));
  EXPECT_EQ(split_codes("a, b,,c"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(join_codes({"a", "b"}), "a,b");
}
