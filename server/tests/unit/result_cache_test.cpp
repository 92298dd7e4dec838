// The result cache of expensive reads (services/result_cache.h): an answer is kept under its
// key, concurrent requests for one key compute it once, a failed computation is not kept, and
// the least recently used answer goes first; a newer generation lets the older answers go.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "services/result_cache.h"

using jinguo::services::ResultCache;

namespace {

TEST(ResultCache, KeepsAnAnswerUnderItsKey) {
  ResultCache<int> cache(4);
  int computed = 0;
  auto answer = [&] { return ++computed * 10; };
  EXPECT_EQ(cache.get("a", answer), 10);
  EXPECT_EQ(cache.get("a", answer), 10);
  EXPECT_EQ(cache.get("b", answer), 20);
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(cache.counts().hits, 1);
  EXPECT_EQ(cache.counts().misses, 2);
}

TEST(ResultCache, ConcurrentRequestsForOneKeyComputeOnce) {
  ResultCache<int> cache(4);
  std::atomic<int> computed = 0;
  std::vector<std::thread> threads;
  std::vector<int> answers(16);
  for (std::size_t i = 0; i < answers.size(); ++i)
    threads.emplace_back([&, i] {
      answers[i] = cache.get("city", [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return ++computed;
      });
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(computed, 1);
  for (int a : answers) EXPECT_EQ(a, 1);
}

TEST(ResultCache, AFailedComputationIsNotKept) {
  ResultCache<int> cache(4);
  EXPECT_THROW(cache.get("a", []() -> int { throw std::runtime_error("database gone"); }), std::runtime_error);
  EXPECT_EQ(cache.get("a", [] { return 7; }), 7);
}

TEST(ResultCache, TheLeastRecentlyUsedGoesFirst) {
  ResultCache<int> cache(2);
  int computed = 0;
  auto answer = [&] { return ++computed; };
  cache.get("a", answer);      // 1
  cache.get("b", answer);      // 2
  cache.get("a", answer);      // kept: a is now the most recent
  cache.get("c", answer);      // 3: b goes
  EXPECT_EQ(cache.get("a", answer), 1);
  EXPECT_EQ(cache.get("b", answer), 4);  // computed again
  EXPECT_EQ(computed, 4);
}

// Keys made under a generation: the first request under a newer one lets the older ones go
// (nobody asks for them again), and one made under an older generation than the newest seen
// (read before a write another request has already seen) is answered but not kept.
TEST(ResultCache, ANewerGenerationLetsTheOlderAnswersGo) {
  ResultCache<int> cache(16);
  int computed = 0;
  auto answer = [&] { return ++computed; };
  cache.get("a|1", 1, answer);
  cache.get("b|1", 1, answer);
  cache.get("plain", answer);  // no generation: never let go by one
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.get("a|2", 2, answer), 4);
  EXPECT_EQ(cache.size(), 2u);  // a|1 and b|1 gone
  EXPECT_FALSE(cache.find("a|1"));
  EXPECT_TRUE(cache.find("plain"));
  EXPECT_EQ(cache.get("b|1", 1, answer), 5);  // late: answered, not kept
  EXPECT_FALSE(cache.find("b|1"));
  EXPECT_EQ(cache.get("a|2", 2, answer), 4);
  EXPECT_EQ(computed, 5);
}

}  // namespace
