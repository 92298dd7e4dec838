#pragma once
// Login throttling: too many failed logins of one username, or from one address, in a
// window lock further attempts for a while; the lock ends by itself. Times are Unix
// seconds; the failures are those the database holds for the window.
#include <cstdint>
#include <optional>
#include <vector>

namespace jinguo::domain {

struct ThrottlePolicy {
  int account_failures = 5;         // per username within the window
  int address_failures = 20;        // per client address within the window
  std::int64_t window_seconds = 15 * 60;
  std::int64_t lockout_seconds = 15 * 60;
};

struct ThrottleDecision {
  bool allowed = true;
  std::optional<std::int64_t> locked_until;  // when not allowed
};

// Allowed unless one list has at least its limit of failures within the window before
// `now`; then locked until the latest of those failures plus the lockout.
ThrottleDecision decide_login(const std::vector<std::int64_t>& account_failures,
                              const std::vector<std::int64_t>& address_failures, std::int64_t now,
                              const ThrottlePolicy& policy = {});

}  // namespace jinguo::domain
