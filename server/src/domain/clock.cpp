#include "domain/clock.h"

#include <ctime>

namespace jinguo::domain {

std::string utc_timestamp_now() {
  std::time_t now = std::time(nullptr);
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
