// The limit on password hashes at once (services/crypto_limit.h): slots, waiting, giving up,
// and the configuration knob that sizes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/config.h"
#include "domain/error.h"
#include "services/crypto.h"
#include "services/crypto_limit.h"

namespace {

using jinguo::services::HashLimit;
using namespace std::chrono_literals;

TEST(HashLimit, GivesAsManySlotsAsItHasThenRefusesAfterItsPatience) {
  HashLimit limit(2, 0ms);
  HashLimit::Slot first(limit), second(limit);
  EXPECT_TRUE(first.held());
  EXPECT_TRUE(second.held());
  EXPECT_EQ(limit.busy(), 2);
  HashLimit::Slot third(limit);
  EXPECT_FALSE(third.held());
  EXPECT_EQ(limit.busy(), 2);
  EXPECT_EQ(limit.waiting(), 0);
}

TEST(HashLimit, ASlotLeftIsFreeAgain) {
  HashLimit limit(1, 0ms);
  {
    HashLimit::Slot held(limit);
    EXPECT_TRUE(held.held());
    EXPECT_FALSE(HashLimit::Slot(limit).held());
  }
  EXPECT_EQ(limit.busy(), 0);
  HashLimit::Slot again(limit);
  EXPECT_TRUE(again.held());
}

TEST(HashLimit, AtLeastOneSlot) {
  HashLimit limit(0, 0ms);
  EXPECT_EQ(limit.slots(), 1);
  HashLimit::Slot slot(limit);
  EXPECT_TRUE(slot.held());
}

TEST(HashLimit, AWaiterGetsTheSlotWhenItIsLeft) {
  HashLimit limit(1, 60s);
  auto held = std::make_unique<HashLimit::Slot>(limit);
  std::atomic<bool> entered{false};
  std::thread waiter([&] {
    HashLimit::Slot slot(limit);
    entered = slot.held();
  });
  while (limit.waiting() == 0) std::this_thread::yield();
  EXPECT_FALSE(entered);
  held.reset();
  waiter.join();
  EXPECT_TRUE(entered);
  EXPECT_EQ(limit.busy(), 0);
}

TEST(HashLimit, SixteenAtOnceAllGetATurnNeverMoreThanTheSlotsTogether) {
  HashLimit limit(2, 60s);
  std::atomic<int> inside{0}, most{0}, served{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&] {
      HashLimit::Slot slot(limit);
      if (!slot.held()) return;
      const int now = ++inside;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(1ms);  // the work: long enough for others to pile up
      --inside;
      ++served;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(served, 16);
  EXPECT_LE(most, 2);
  EXPECT_GE(most, 1);
  EXPECT_EQ(limit.busy(), 0);
  EXPECT_EQ(limit.waiting(), 0);
}

TEST(HashLimit, ResizedMoreSlotsWakeTheWaiting) {
  HashLimit limit(1, 60s);
  HashLimit::Slot held(limit);
  std::atomic<bool> entered{false};
  std::thread waiter([&] { entered = HashLimit::Slot(limit).held(); });
  while (limit.waiting() == 0) std::this_thread::yield();
  limit.resize(2, 60s);
  waiter.join();
  EXPECT_TRUE(entered);
  EXPECT_EQ(limit.slots(), 2);
}

// Every slot held past a sign-in's patience: she is told the server is busy (503, not 429, which
// is for a client that asked too often), with a time to try again.
TEST(PasswordHashLimit, ASignInThatFindsNoTurnIsRefusedAsBusy) {
  auto& limit = jinguo::services::password_hash_limit();
  const int slots = limit.slots();
  limit.resize(1, 0ms);
  {
    HashLimit::Slot held(limit);
    try {
      jinguo::services::verify_dummy_password("secret");
      ADD_FAILURE() << "a sign-in with no turn was let through";
    } catch (const jinguo::domain::DomainError& e) {
      EXPECT_EQ(e.kind(), jinguo::domain::ErrorKind::kBusy);
      EXPECT_EQ(e.code(), "busy");
      EXPECT_EQ(e.message_zh(), "登录繁忙，请稍后再试");
      ASSERT_EQ(e.details().size(), 1u);
      EXPECT_EQ(e.details()[0].first, "retry_after");
    }
  }
  limit.resize(slots, jinguo::services::kHashPatience);
}

TEST(PasswordHashesSetting, FileThenEnvironmentThenFlag) {
  EXPECT_EQ(jinguo::app::load_config({}, {}).password_hashes, 2);
  const std::string path = testing::TempDir() + "password_hashes_test.json";
  std::ofstream(path) << R"({"password_hashes": 3})";
  jinguo::app::ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(jinguo::app::load_config(flags, {}).password_hashes, 3);
  const jinguo::app::Environment env = {{"JINGUO_PASSWORD_HASHES", "4"}};
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_hashes, 4);
  flags.password_hashes = 1;
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_hashes, 1);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_HASHES", "0"}}), std::invalid_argument);
  std::remove(path.c_str());
}

}  // namespace
