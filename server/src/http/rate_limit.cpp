#include "http/rate_limit.h"

#include <algorithm>
#include <iterator>

namespace jinguo::http {

bool RateLimit::allow(const std::string& key, int& retry_after, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxKeys)
    std::erase_if(windows_, [&](const auto& entry) { return now - entry.second.started >= window_; });
  auto& w = windows_[key];
  if (w.count == 0 || now - w.started >= window_) w = {now, 0};
  if (w.count >= per_window_) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(w.started + window_ - now).count();
    retry_after = static_cast<int>(std::max<long long>(1, left));
    return false;
  }
  ++w.count;
  return true;
}

}  // namespace jinguo::http
