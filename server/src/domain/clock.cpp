#include "domain/clock.h"

#include <ctime>

namespace jinguo::domain {

std::string utc_timestamp_now() { return utc_timestamp_seconds_ago(0); }

std::string utc_timestamp_seconds_ago(long long seconds) {
  std::time_t now = std::time(nullptr) - static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date today_in_china() {
  constexpr std::time_t kOffset = 8 * 3600;
  return Date::from_days(static_cast<std::int32_t>((std::time(nullptr) + kOffset) / 86400));
}

}  // namespace jinguo::domain
