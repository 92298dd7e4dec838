// session_idle_seconds and session_absolute_seconds: how long a session lives (app/config.h),
// each from the file, then the environment, then the command line.
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "app/config.h"

namespace {

TEST(SessionLifetimeSetting, FileThenEnvironmentThenFlag) {
  const auto defaults = jinguo::app::load_config({}, {});
  EXPECT_EQ(defaults.session_idle_seconds, 1800);
  EXPECT_EQ(defaults.session_absolute_seconds, 43200);
  const std::string path = testing::TempDir() + "session_lifetime_test.json";
  std::ofstream(path) << R"({"session_idle_seconds": 600, "session_absolute_seconds": 7200})";
  jinguo::app::ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(jinguo::app::load_config(flags, {}).session_idle_seconds, 600);
  EXPECT_EQ(jinguo::app::load_config(flags, {}).session_absolute_seconds, 7200);
  const jinguo::app::Environment env = {{"JINGUO_SESSION_IDLE_SECONDS", "900"},
                                        {"JINGUO_SESSION_ABSOLUTE_SECONDS", "3600"}};
  EXPECT_EQ(jinguo::app::load_config(flags, env).session_idle_seconds, 900);
  EXPECT_EQ(jinguo::app::load_config(flags, env).session_absolute_seconds, 3600);
  flags.session_idle_seconds = 300;
  flags.session_absolute_seconds = 1200;
  EXPECT_EQ(jinguo::app::load_config(flags, env).session_idle_seconds, 300);
  EXPECT_EQ(jinguo::app::load_config(flags, env).session_absolute_seconds, 1200);
  std::remove(path.c_str());
}

TEST(SessionLifetimeSetting, OutsideItsRangeIsRefused) {
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SESSION_ABSOLUTE_SECONDS", "0"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SESSION_ABSOLUTE_SECONDS", "2592001"}}), std::invalid_argument);
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_SESSION_ABSOLUTE_SECONDS", "2592000"}}).session_absolute_seconds,
            30 * 24 * 3600);
}

}  // namespace
