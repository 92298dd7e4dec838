#pragma once
// The last answers of an expensive read (a city's compliance page), each under a key that
// names everything it was computed from: the query, the registry's generation and the rules in
// force. A write raises the generation, so the next request asks under a new key and computes
// afresh: nothing stale is ever served, and several servers agree because each reads the
// generation from the database. Concurrent requests for a key being computed wait for that one
// computation instead of starting their own (on a deadline day 64 clerks open the same page).
// A computation that throws is not kept.
//
// Keys that name the generation are asked for with it (get(key, generation, compute)): the
// first request under a newer generation lets every entry of an older one go, since no
// request asks for them again. Without that, a day of writes filled the cache to its capacity
// with answers nobody could reach (the soak: 512 rosters and 128 pages with their JSON, ~40 MB).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <future>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace jinguo::services {

template <class V>
class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  // The answer under `key`: kept, being computed by another thread, or computed now.
  template <class F>
  V get(const std::string& key, F&& compute) {
    return get(key, std::nullopt, std::forward<F>(compute));
  }

  // The same for a key made under the registry's `generation`; entries of older generations go.
  template <class F>
  V get(const std::string& key, std::optional<std::int64_t> generation, F&& compute) {
    std::promise<V> promise;
    std::shared_future<V> answer;
    bool mine = false;
    {
      std::unique_lock lock(mutex_);
      // Read before a write that another request has already seen: answered, not kept.
      if (generation && *generation < newest_) {
        ++misses_;
        lock.unlock();
        return compute();
      }
      if (generation && *generation > newest_) {
        newest_ = *generation;
        for (auto it = entries_.begin(); it != entries_.end();) {
          if (it->second.generation && *it->second.generation < newest_) {
            order_.erase(it->second.place);
            it = entries_.erase(it);
          } else {
            ++it;
          }
        }
      }
      if (auto it = entries_.find(key); it != entries_.end()) {
        order_.splice(order_.begin(), order_, it->second.place);
        answer = it->second.answer;
        ++hits_;
      } else {
        answer = promise.get_future().share();
        order_.push_front(key);
        entries_.emplace(key, Entry{answer, order_.begin(), generation});
        mine = true;
        ++misses_;
        while (entries_.size() > capacity_) {
          entries_.erase(order_.back());
          order_.pop_back();
        }
      }
    }
    if (mine) {
      try {
        promise.set_value(compute());
      } catch (...) {
        promise.set_exception(std::current_exception());
        forget(key);
      }
    }
    return answer.get();
  }

  // The answer under `key` if it is kept and ready; nothing is computed or waited for.
  std::optional<V> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
      return std::nullopt;
    try {
      V kept = it->second.answer.get();
      order_.splice(order_.begin(), order_, it->second.place);
      ++hits_;
      return kept;
    } catch (...) {
      return std::nullopt;  // failed, and about to be forgotten
    }
  }

  struct Counts {
    long long hits = 0, misses = 0;
  };
  Counts counts() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_};
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      order_.erase(it->second.place);
      entries_.erase(it);
    }
  }
  struct Entry {
    std::shared_future<V> answer;
    std::list<std::string>::iterator place;
    std::optional<std::int64_t> generation;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<std::string> order_;  // most recently used first
  std::unordered_map<std::string, Entry> entries_;
  long long hits_ = 0, misses_ = 0;
  std::int64_t newest_ = 0;  // the newest generation asked under
};

}  // namespace jinguo::services
