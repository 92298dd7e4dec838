// Kept statements (storage/connection.h) and the upkeep of the login tables, on both
// databases (JINGUO_TEST_DATABASE=sqlite|postgresql).
#include <gtest/gtest.h>

#include <memory>

#include "../support/test_database.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/accounts.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/repositories.h"

using namespace jinguo;

namespace {

const services::Actor kSystem{"test"};

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 1});
    db_->migrate();
    registry_ = std::make_unique<services::Registry>(*db_, [] { return domain::Date(2016, 9, 20); });
    root_ = registry_->CreateOrganisation(kSystem, {std::nullopt, "city", "哈尔滨市妇联", std::nullopt, false, std::nullopt})
                .row.organisation.id;
    for (const char* name : {"道里区妇联", "南岗区妇联", "香坊区妇联"})
      registry_->CreateOrganisation(kSystem, {root_, "district", name, std::nullopt, false, std::nullopt});
  }
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<services::Registry> registry_;
  domain::OrganisationId root_ = 0;
};

constexpr const char* kChildNames = "SELECT name FROM organisations WHERE parent_id = $1 ORDER BY name";
constexpr const char* kCountChildren = "SELECT COUNT(*) FROM organisations WHERE parent_id = $1";

TEST_F(ConnectionTest, AKeptStatementRunsAgainWithNewValues) {
  // One pooled connection: the second read gets the statement the first one prepared.
  for (int round = 0; round < 3; ++round) {
    auto counts = db_->read([&](storage::ReadTx& tx) {
      std::vector<std::int64_t> out;
      for (std::int64_t parent : {root_, std::int64_t{999}}) {
        storage::Statement row = tx.prepare(kCountChildren);
        row.bind(parent);
        EXPECT_TRUE(row.step());
        out.push_back(row.integer(0));
      }
      return out;
    });
    EXPECT_EQ(counts, (std::vector<std::int64_t>{3, 0}));
  }
}

TEST_F(ConnectionTest, TheSameTextNestedGetsASecondStatement) {
  auto pairs = db_->read([&](storage::ReadTx& tx) {
    int n = 0;
    storage::Statement outer = tx.prepare(kChildNames);
    outer.bind(root_);
    while (outer.step()) {
      storage::Statement inner = tx.prepare(kChildNames);  // the kept one is busy
      inner.bind(root_);
      while (inner.step()) ++n;
    }
    return n;
  });
  EXPECT_EQ(pairs, 9);
}

TEST_F(ConnectionTest, StatementsNotKeptAndNullsReadBack) {
  auto got = db_->read([&](storage::ReadTx& tx) {
    storage::Statement row =
        tx.prepare("SELECT division_code, parent_id, name FROM organisations WHERE id IN (" + std::to_string(root_) + ")",
                   storage::Keep::kNo);
    EXPECT_TRUE(row.step());
    auto out = std::make_tuple(row.nullable_text(0), row.nullable_integer(1), row.string(2));
    EXPECT_FALSE(row.step());
    return out;
  });
  EXPECT_EQ(std::get<0>(got), std::nullopt);
  EXPECT_EQ(std::get<1>(got), std::nullopt);
  EXPECT_EQ(std::get<2>(got), "哈尔滨市妇联");
}

TEST_F(ConnectionTest, AViolatedConstraintThroughAStatementIsMappedAndRolledBack) {
  auto insert = [&](storage::WriteTx& tx, const char* name) {
    tx.prepare("INSERT INTO organisations (parent_id, type, name, pilot, path, depth, created_at, updated_at) "
               "VALUES ($1, 'district', $2, 0, $3, 1, 'now', 'now')")
        .bind(root_)
        .bind(std::string_view(name))
        .bind(std::string("/") + std::to_string(root_) + "/x" + name + "/")
        .run();
  };
  try {
    db_->write([&](storage::WriteTx& tx) {
      insert(tx, "呼兰区妇联");  // new: fine
      insert(tx, "道里区妇联");  // a sibling of that name exists
    });
    FAIL() << "the duplicate sibling name was stored";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "organisation_name_taken");
  }
  auto children = db_->read([&](storage::ReadTx& tx) {
    storage::Statement row = tx.prepare(kCountChildren);
    row.bind(root_);
    row.step();
    return row.integer(0);
  });
  EXPECT_EQ(children, 3) << "the first insert of the failed transaction was rolled back";
}

TEST_F(ConnectionTest, LoginForgetsAttemptsOlderThanADay) {
  std::int64_t now = 1'700'000'000;
  services::PasswordHasher hasher({});
  services::Accounts accounts(*db_, hasher);
  accounts.Create(kSystem, {"clerk", "Songhua-Ice-Lantern-7", root_, "operator"});
  services::Auth auth(*db_, hasher, services::SessionPolicy{}, [&] { return now; });
  const services::Client client{"192.0.2.7", std::nullopt};
  EXPECT_THROW(auth.Login("clerk", "wrong-password-1", client), domain::DomainError);
  EXPECT_THROW(auth.Login("nobody", "wrong-password-1", client), domain::DomainError);
  auto attempts = [&] {
    return db_->read([](storage::ReadTx& tx) {
      storage::Statement row = tx.prepare("SELECT COUNT(*) FROM login_attempts");
      row.step();
      return row.integer(0);
    });
  };
  EXPECT_EQ(attempts(), 2);
  now += 24 * 60 * 60 + 1;
  auth.Login("clerk", "Songhua-Ice-Lantern-7", client);
  EXPECT_EQ(attempts(), 1) << "only today's successful login is left";
}

// sqlite_cache_kib (app/config.h) reaches every connection of the pool; PostgreSQL has no such cache.
TEST(SqliteCache, EachConnectionOfThePoolGetsTheCacheSizeConfigured) {
  const std::string url = test_support::fresh_database_url();
  if (storage::backend_of(url) != storage::Backend::kSqlite) GTEST_SKIP() << "a SQLite setting";
  storage::Database db(storage::DatabaseConfig{url, 2, 300});
  for (int i = 0; i < 2; ++i)  // two leases at once: both connections
    db.read([&](storage::ReadTx& outer) {
      db.read([&](storage::ReadTx& inner) {
        for (auto* tx : {&outer, &inner}) {
          storage::Statement size = tx->prepare("PRAGMA cache_size");
          ASSERT_TRUE(size.step());
          EXPECT_EQ(size.integer(0), -300);
        }
      });
    });
}

}  // namespace
