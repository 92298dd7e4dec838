// The limit on password hashes at once (services/crypto_limit.h): slots, waiting, giving up,
// and the configuration knob that sizes it; the password hasher (services/crypto.h): its cost,
// which hashes it makes again, and the settings of that cost.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
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

// Every slot held past a sign-in's patience: she is told the server is busy (503, not 429, which
// is for a client that asked too often), with a time to try again.
TEST(PasswordHasher, ASignInThatFindsNoTurnIsRefusedAsBusy) {
  jinguo::services::PasswordHasher hasher({}, 1, 0ms);
  HashLimit::Slot held(hasher.limit());
  try {
    hasher.verify_dummy("secret");
    ADD_FAILURE() << "a sign-in with no turn was let through";
  } catch (const jinguo::domain::DomainError& e) {
    EXPECT_EQ(e.kind(), jinguo::domain::ErrorKind::kBusy);
    EXPECT_EQ(e.code(), "busy");
    EXPECT_EQ(e.message_zh(), "登录繁忙，请稍后再试");
    ASSERT_EQ(e.details().size(), 1u);
    EXPECT_EQ(e.details()[0].first, "retry_after");
  }
  EXPECT_FALSE(hasher.rehash("secret").has_value()) << "a rehash with no turn waits for the next sign-in";
}

// One of OWASP's argon2id settings by default: m = 9 MiB, t = 4, p = 1, written into the hash.
TEST(PasswordHasher, HashesWithItsCostAndVerifies) {
  jinguo::services::PasswordHasher hasher({});
  const std::string hash = hasher.hash("Quiet-River-Stone-42");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=9216,t=4,p=1$")) << hash;
  EXPECT_TRUE(hasher.verify(hash, "Quiet-River-Stone-42"));
  EXPECT_FALSE(hasher.verify(hash, "Quiet-River-Stone-43"));
  EXPECT_FALSE(hasher.needs_rehash(hash));
}

// A hash made with other parameters (libsodium's interactive 64 MiB, Jinguo's 19 MiB with t = 2
// before, or stronger ones) still verifies, and is due for a new hash; so is a string that is
// no argon2id hash at all.
TEST(PasswordHasher, AHashOfOtherParametersVerifiesAndNeedsRehash) {
  jinguo::services::PasswordHasher old_cost({65536, 2}), hasher({});
  const std::string old_hash = old_cost.hash("Quiet-River-Stone-42");
  EXPECT_TRUE(old_hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << old_hash;
  EXPECT_TRUE(hasher.verify(old_hash, "Quiet-River-Stone-42"));
  EXPECT_TRUE(hasher.needs_rehash(old_hash));
  EXPECT_FALSE(old_cost.needs_rehash(old_hash));
  jinguo::services::PasswordHasher before({19456, 2}), more_passes({9216, 5});
  const std::string hash_before = before.hash("Quiet-River-Stone-42");
  EXPECT_TRUE(hasher.verify(hash_before, "Quiet-River-Stone-42"));
  EXPECT_TRUE(hasher.needs_rehash(hash_before));
  EXPECT_TRUE(more_passes.needs_rehash(hasher.hash("Quiet-River-Stone-42")));
  EXPECT_TRUE(hasher.needs_rehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
  EXPECT_TRUE(hasher.needs_rehash("not a hash"));
  const auto fresh = hasher.rehash("Quiet-River-Stone-42");
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(hasher.needs_rehash(*fresh));
  EXPECT_TRUE(hasher.verify(*fresh, "Quiet-River-Stone-42"));
}

TEST(PasswordCostSetting, OwaspByDefaultFileThenEnvironmentThenFlag) {
  const auto defaults = jinguo::app::load_config({}, {});
  EXPECT_EQ(defaults.password_memory_kib, 9216);
  EXPECT_EQ(defaults.password_passes, 4);
  const std::string path = testing::TempDir() + "password_cost_test.json";
  std::ofstream(path) << R"({"password_memory_kib": 65536, "password_passes": 3})";
  jinguo::app::ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(jinguo::app::load_config(flags, {}).password_memory_kib, 65536);
  EXPECT_EQ(jinguo::app::load_config(flags, {}).password_passes, 3);
  const jinguo::app::Environment env = {{"JINGUO_PASSWORD_MEMORY_KIB", "32768"}, {"JINGUO_PASSWORD_PASSES", "4"}};
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_memory_kib, 32768);
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_passes, 4);
  flags.password_memory_kib = 47104;
  flags.password_passes = 1;
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_memory_kib, 47104);
  EXPECT_EQ(jinguo::app::load_config(flags, env).password_passes, 1);
  std::remove(path.c_str());
}

// OWASP's five settings are equally strong: memory traded for passes. A cost is allowed when its
// memory and its passes are both at least one setting's, and only then.
TEST(PasswordCost, AtLeastOneOfOwaspsSettings) {
  using jinguo::services::as_strong_as_owasp;
  for (const auto& s : jinguo::services::kOwaspSettings) {
    EXPECT_TRUE(as_strong_as_owasp(s)) << s.memory_kib << " x " << s.passes;
    EXPECT_TRUE(as_strong_as_owasp({s.memory_kib + 1, s.passes + 1})) << s.memory_kib << " x " << s.passes;
    EXPECT_FALSE(as_strong_as_owasp({s.memory_kib - 1, s.passes})) << s.memory_kib - 1 << " x " << s.passes;
  }
  EXPECT_TRUE(as_strong_as_owasp(jinguo::services::PasswordCost{}));
  EXPECT_FALSE(as_strong_as_owasp({19456, 1}));  // OWASP's 19 MiB needs 2 passes; 1 pass needs 46 MiB
  EXPECT_FALSE(as_strong_as_owasp({47103, 1}));
  EXPECT_FALSE(as_strong_as_owasp({8192, 4}));
  EXPECT_TRUE(as_strong_as_owasp({8192, 5}));
  EXPECT_FALSE(as_strong_as_owasp({7167, 10}));  // below the least memory, whatever the passes
  EXPECT_FALSE(as_strong_as_owasp({0, 10}));
}

// Weaker than every OWASP setting is refused, saying so; so is more than 1 GiB, and passes outside 1–10.
TEST(PasswordCostSetting, WeakerThanOwaspIsRefused) {
  try {
    jinguo::app::load_config({}, {{"JINGUO_PASSWORD_MEMORY_KIB", "8192"}});
    ADD_FAILURE() << "8 MiB with 4 passes was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("password_memory_kib 8192 with password_passes 4 is weaker than every "
                                         "argon2id setting OWASP recommends (47104 KiB with 1 pass, 19456 KiB with 2 passes"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_MEMORY_KIB", "19456"}, {"JINGUO_PASSWORD_PASSES", "1"}}),
               std::invalid_argument);
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_MEMORY_KIB", "8192"}, {"JINGUO_PASSWORD_PASSES", "5"}})
                .password_memory_kib,
            8192);
  jinguo::app::ConfigFlags flags;
  flags.password_memory_kib = (1 << 20) + 1;
  EXPECT_THROW(jinguo::app::load_config(flags, {}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_PASSES", "0"}}), std::invalid_argument);
  EXPECT_THROW(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_PASSES", "11"}}), std::invalid_argument);
  EXPECT_EQ(jinguo::app::load_config({}, {{"JINGUO_PASSWORD_MEMORY_KIB", "1048576"}}).password_memory_kib, 1 << 20);
}

}  // namespace
