// sqlite_cache_kib: the page cache of each SQLite connection of the pool (app/config.h).
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "app/config.h"

namespace {

TEST(SqliteCacheSetting, FileThenEnvironmentThenFlag) {
  EXPECT_EQ(jinguo::app::load_config({}, {}).sqlite_cache_kib, 512);
  const std::string path = testing::TempDir() + "sqlite_cache_test.json";
  std::ofstream(path) << R"({"sqlite_cache_kib": 1024})";
  jinguo::app::ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(jinguo::app::load_config(flags, {}).sqlite_cache_kib, 1024);
  const jinguo::app::Environment env = {{"JINGUO_SQLITE_CACHE_KIB", "256"}};
  EXPECT_EQ(jinguo::app::load_config(flags, env).sqlite_cache_kib, 256);
  flags.sqlite_cache_kib = 4096;
  EXPECT_EQ(jinguo::app::load_config(flags, env).sqlite_cache_kib, 4096);
  std::remove(path.c_str());
}

TEST(SqliteCacheSetting, FromSixtyFourKibibytesToOneGibibyte) {
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "64"}}).sqlite_cache_kib, 64);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "63"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "1048577"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SQLITE_CACHE_KIB", "lots"}}), std::invalid_argument);
}

}  // namespace
