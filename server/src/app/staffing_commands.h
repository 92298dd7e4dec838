#pragma once
// The staffing commands of the CLI: `jinguo check` (compliance of a subtree on a date; exit
// 0 when every body meets the rules, 3 when any falls short or exceeds them) and
// `jinguo rule-set load|schedule`.
#include <cstdint>
#include <optional>
#include <string>

#include "app/config.h"
#include "domain/date.h"

namespace jinguo::app {

inline constexpr int kExitFindings = 3;

struct CheckOptions {
  std::optional<std::int64_t> within;
  std::optional<domain::Date> on;
  bool json = false;
  bool timing = false;  // milliseconds of the check on stderr
};

int check(const Config& config, const CheckOptions& options);
int rule_set_load(const Config& config, const std::string& file);
int rule_set_schedule(const Config& config, const std::string& code, int version, const domain::Date& from);

}  // namespace jinguo::app
