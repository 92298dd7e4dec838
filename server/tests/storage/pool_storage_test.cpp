// The pool's use as /metrics and /api/health see it (storage/activity.h), on both databases.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "../support/test_database.h"
#include "storage/activity.h"
#include "storage/database.h"

using namespace jinguo;

TEST(PoolUse, HealthPingGivesUpWhenNoConnectionComesFree) {
  const auto before = storage::pool_use();
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
  db.migrate();
  EXPECT_EQ(storage::pool_use().connections, before.connections + 1);
  EXPECT_TRUE(storage::ping_within(db, std::chrono::milliseconds(10)));
  db.read([&](storage::ReadTx&) {
    // The one connection is leased by this read: the ping cannot get one.
    EXPECT_EQ(storage::pool_use().in_use, before.in_use + 1);
    EXPECT_FALSE(storage::ping_within(db, std::chrono::milliseconds(10)));
  });
  EXPECT_EQ(storage::pool_use().in_use, before.in_use);
  EXPECT_TRUE(storage::ping_within(db, std::chrono::milliseconds(10)));
  db.ping();  // and an ordinary lease waits as before
}

TEST(PoolUse, ALeaseThatWaitsIsCounted) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
  db.migrate();
  const auto before = storage::pool_use().waits;
  std::thread other;
  db.read([&](storage::ReadTx&) {
    other = std::thread([&] { db.read([](storage::ReadTx&) {}); });
    // The other read can only go on after this one gives its connection back: it waits.
    while (storage::pool_use().waits == before) std::this_thread::yield();
  });
  other.join();
  EXPECT_EQ(storage::pool_use().waits, before + 1);
  EXPECT_GE(storage::pool_use().wait_seconds, 0);
}

TEST(PoolUse, StoredActivityOfAnEmptyDatabase) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
  db.migrate();
  const auto counted = db.read([](storage::ReadTx& tx) { return storage::stored_activity(tx, 1'000'000); });
  EXPECT_EQ(counted.sessions_active, 0);
  EXPECT_EQ(counted.imports_in_progress, 0);
}
