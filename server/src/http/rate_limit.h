#pragma once
// A per-key request budget for the public pages (certificate verification, self-nomination): at
// most `per_window` requests a key (a client's address, a hashed ID number) in each window (a
// minute unless said). In memory, per server: behind a load
// balancer each server keeps its own count, which bounds guessing all the same (the codes
// have 128 bits; the limit is against scraping and load, not luck).
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace jinguo::http {

class RateLimit {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimit(int per_window, std::chrono::seconds window = std::chrono::minutes(1))
      : per_window_(per_window), window_(window) {}

  // Whether one more request of `key` fits this window (and counts it when it does). When not,
  // `retry_after` is the seconds until the next window starts.
  bool allow(const std::string& key, int& retry_after, Clock::time_point now = Clock::now());

 private:
  struct Window {
    Clock::time_point started;
    int count = 0;
  };
  static constexpr std::size_t kMaxKeys = 100000;  // past it, finished windows are dropped
  int per_window_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace jinguo::http
