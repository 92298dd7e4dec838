// The whole-number settings of app/config.h, each from its default, then the configuration
// file, then the environment, then the command line (each layer over the one before), and
// refused outside its range: one row a setting.
#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "app/config.h"

namespace {

using jinguo::app::Config;
using jinguo::app::ConfigFlags;

struct Setting {
  const char* key;  // in the file
  const char* variable;  // in the environment
  int Config::*field;
  std::optional<int> ConfigFlags::*flag;
  int by_default, in_file, in_environment, on_command_line;
  const char* refused;  // a value of the environment variable that is refused
};

class ConfigLayersTest : public ::testing::TestWithParam<Setting> {};

TEST_P(ConfigLayersTest, FileThenEnvironmentThenFlag) {
  const Setting& s = GetParam();
  EXPECT_EQ(jinguo::app::load_config({}, {}).*s.field, s.by_default);
  const std::string path = testing::TempDir() + s.key + "_layers_test.json";
  std::ofstream(path) << "{\"" << s.key << "\": " << s.in_file << "}";
  ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(jinguo::app::load_config(flags, {}).*s.field, s.in_file);
  const jinguo::app::Environment env = {{s.variable, std::to_string(s.in_environment)}};
  EXPECT_EQ(jinguo::app::load_config(flags, env).*s.field, s.in_environment);
  flags.*s.flag = s.on_command_line;
  EXPECT_EQ(jinguo::app::load_config(flags, env).*s.field, s.on_command_line);
  EXPECT_THROW(jinguo::app::load_config({}, {{s.variable, s.refused}}), std::invalid_argument);
  std::remove(path.c_str());
}

INSTANTIATE_TEST_SUITE_P(
    Settings, ConfigLayersTest,
    ::testing::Values(
        Setting{"sqlite_cache_kib", "JINGUO_SQLITE_CACHE_KIB", &Config::sqlite_cache_kib, &ConfigFlags::sqlite_cache_kib,
                512, 1024, 256, 4096, "63"},
        Setting{"password_hashes", "JINGUO_PASSWORD_HASHES", &Config::password_hashes, &ConfigFlags::password_hashes, 2,
                3, 4, 1, "0"},
        Setting{"session_idle_seconds", "JINGUO_SESSION_IDLE_SECONDS", &Config::session_idle_seconds,
                &ConfigFlags::session_idle_seconds, 1800, 600, 900, 300, "0"},
        Setting{"session_absolute_seconds", "JINGUO_SESSION_ABSOLUTE_SECONDS", &Config::session_absolute_seconds,
                &ConfigFlags::session_absolute_seconds, 43200, 7200, 3600, 1200, "0"}),
    [](const ::testing::TestParamInfo<Setting>& info) { return std::string(info.param.key); });

// The session's lifetime: at most 30 days.
TEST(SessionLifetimeSetting, AtMostThirtyDays) {
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_SESSION_ABSOLUTE_SECONDS", "2592001"}}), std::invalid_argument);
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_SESSION_ABSOLUTE_SECONDS", "2592000"}}).session_absolute_seconds,
            30 * 24 * 3600);
}

}  // namespace
