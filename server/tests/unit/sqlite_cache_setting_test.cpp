// sqlite_cache_kib: the page cache of each SQLite connection of the pool (app/config.h); its
// layers (file, environment, flag) are in config_layers_test.cpp.
#include <stdexcept>

#include <gtest/gtest.h>

#include "app/config.h"

namespace {

TEST(SqliteCacheSetting, FromSixtyFourKibibytesToOneGibibyte) {
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "64"}}).sqlite_cache_kib, 64);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "63"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "1048577"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "lots"}}), std::invalid_argument);
}

}  // namespace
