#pragma once
// The demo generators' own random numbers: xoshiro256** seeded by splitmix64. The
// standard library's distributions differ between library versions; these do not, so
// a seed gives the same data on every machine.
#include <cstdint>
#include <span>
#include <vector>

#include "domain/date.h"

namespace jinguo::demo {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : state_) s = splitmix(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // 0 <= r < n (n > 0); the modulo bias is far below anything a demo can show.
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }
  // lo <= r <= hi
  int between(int lo, int hi) {
    return hi <= lo ? lo : lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

  // A day from `from` to `to`, both included.
  domain::Date day(const domain::Date& from, const domain::Date& to) {
    return from.plus_days(between(0, to.days_since_epoch() - from.days_since_epoch()));
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4];
};

template <class T>
struct Weighted {
  T value;
  int weight;
};

// A weighted choice by a linear scan: for the short code tables, no allocation.
template <class T>
const T& pick_weighted(Rng& rng, std::span<const Weighted<T>> rows) {
  int total = 0;
  for (const auto& row : rows) total += row.weight;
  int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
  for (const auto& row : rows) {
    if (r < row.weight) return row.value;
    r -= row.weight;
  }
  return rows.back().value;
}

// A weighted table, cumulative sums precomputed (picking is a binary search).
template <class T>
class WeightedTable {
 public:
  explicit WeightedTable(std::span<const Weighted<T>> rows) : rows_(rows) {
    int sum = 0;
    cumulative_.reserve(rows.size());
    for (const auto& r : rows) cumulative_.push_back(sum += r.weight);
  }
  const T& pick(Rng& rng) const {
    const int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(cumulative_.back())));
    std::size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }
    return rows_[lo].value;
  }

 private:
  std::span<const Weighted<T>> rows_;
  std::vector<int> cumulative_;
};

}  // namespace jinguo::demo
