// The pool's use as /metrics and /api/health see it, on both databases.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

#include "../support/test_database.h"
#include "services/accounts.h"
#include "storage/database.h"

using namespace jinguo;

TEST(PoolUse, HealthPingGivesUpWhenNoConnectionComesFree) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
  db.migrate();
  EXPECT_TRUE(db.ping(std::chrono::milliseconds(10)));
  EXPECT_EQ(db.pool_use().in_use, 0);
  db.read([&](storage::ReadTx&) {
    // The one connection is leased by this read: the ping cannot get one.
    EXPECT_EQ(db.pool_use().in_use, 1);
    EXPECT_FALSE(db.ping(std::chrono::milliseconds(10)));
  });
  EXPECT_EQ(db.pool_use().in_use, 0);
  EXPECT_EQ(db.pool_use().size, 1u);
  EXPECT_TRUE(db.ping(std::chrono::milliseconds(10)));
}

TEST(PoolUse, ALeaseThatWaitsIsCounted) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
  db.migrate();
  const auto before = db.pool_use().waits;
  std::thread other;
  db.read([&](storage::ReadTx&) {
    other = std::thread([&] { db.read([](storage::ReadTx&) {}); });
    // The other read can only finish after this one gives its connection back: it waits.
    while (db.pool_use().waits == before) std::this_thread::yield();
  });
  other.join();
  EXPECT_EQ(db.pool_use().waits, before + 1);
  EXPECT_EQ(db.pool_use().in_use, 0);
}

TEST(PoolUse, ActiveSessionsCountsOnlyLiveOnes) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
  db.migrate();
  services::Auth auth(db, services::SessionPolicy{}, [] { return std::int64_t{1'000'000}; });
  EXPECT_EQ(auth.ActiveSessions(), 0);
}
