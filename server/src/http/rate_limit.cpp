#include "http/rate_limit.h"

#include <algorithm>
#include <iterator>

namespace jinguo::http {

bool RateLimit::allow(const std::string& key, int& retry_after, Clock::time_point now) {
  constexpr auto kMinute = std::chrono::minutes(1);
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxKeys)
    std::erase_if(windows_, [&](const auto& entry) { return now - entry.second.started >= kMinute; });
  auto& w = windows_[key];
  if (w.count == 0 || now - w.started >= kMinute) w = {now, 0};
  if (w.count >= per_minute_) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(w.started + kMinute - now).count();
    retry_after = static_cast<int>(std::max<long long>(1, left));
    return false;
  }
  ++w.count;
  return true;
}

}  // namespace jinguo::http
