#include <gtest/gtest.h>

#include "domain/date.h"

using jinguo::domain::Date;

TEST(Date, ParsesStrictIso) {
  EXPECT_EQ(Date::parse("2016-06-01"), Date(2016, 6, 1));
  EXPECT_FALSE(Date::parse("2016-02-30"));
  EXPECT_FALSE(Date::parse("2016-6-1"));
  EXPECT_FALSE(Date::parse("2016-06-01T00:00"));
  EXPECT_FALSE(Date::parse(""));
  EXPECT_TRUE(Date::parse("2016-02-29"));
  EXPECT_FALSE(Date::parse("2015-02-29"));
}

TEST(Date, IsoRoundTripAndArithmetic) {
  Date d(2016, 8, 31);
  EXPECT_EQ(d.iso(), "2016-08-31");
  EXPECT_EQ(d.plus_days(1), Date(2016, 9, 1));
  EXPECT_LT(Date(2016, 6, 20), Date(2016, 6, 25));
}

TEST(Date, AgeOn) {
  EXPECT_EQ(age_on(Date(1980, 6, 2), Date(2016, 6, 1)), 35);
  EXPECT_EQ(age_on(Date(1980, 6, 2), Date(2016, 6, 2)), 36);
}
