#include "domain/access/throttle.h"

#include <algorithm>

namespace jinguo::domain {

namespace {

std::optional<std::int64_t> lock_of(const std::vector<std::int64_t>& failures, int limit, std::int64_t now,
                                    const ThrottlePolicy& policy) {
  int recent = 0;
  std::int64_t latest = 0;
  for (auto at : failures)
    if (at > now - policy.window_seconds && at <= now) {
      ++recent;
      latest = std::max(latest, at);
    }
  if (recent < limit) return std::nullopt;
  std::int64_t until = latest + policy.lockout_seconds;
  if (until <= now) return std::nullopt;
  return until;
}

}  // namespace

ThrottleDecision decide_login(const std::vector<std::int64_t>& account_failures,
                              const std::vector<std::int64_t>& address_failures, std::int64_t now,
                              const ThrottlePolicy& policy) {
  auto a = lock_of(account_failures, policy.account_failures, now, policy);
  auto b = lock_of(address_failures, policy.address_failures, now, policy);
  if (!a && !b) return {};
  return {false, std::max(a.value_or(0), b.value_or(0))};
}

}  // namespace jinguo::domain
