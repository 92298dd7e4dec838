// The bulk importer and `jinguo demo` on both databases (JINGUO_TEST_DATABASE): on
// PostgreSQL they load through COPY into tables whose indexes and keys are rebuilt.
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "../support/test_database.h"
#include "app/commands.h"
#include "app/config.h"
#include "demo/harbin.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/registry.h"
#include "storage/bulk_importer.h"
#include "storage/database.h"

using namespace jinguo;
using domain::Date;

namespace {

const services::Actor kActor{"test", std::nullopt};

std::string id_number(std::string first17) { return first17 + domain::id_number_check_char(first17); }

class NullSink : public demo::Sink {
 public:
  void add(const domain::Organisation&) override {}
  void add(const domain::Person&) override {}
  void add(const domain::Position&) override {}
  void finish() override {}
};

struct Counts {
  long long organisations = 0, people = 0, positions = 0, open_positions = 0, depth_sum = 0;
  bool operator==(const Counts&) const = default;
};

Counts counts(storage::Database& db) {
  return db.read([](storage::ReadTx& tx) {
    Counts c;
    tx.sql() << "SELECT COUNT(*) FROM organisations", soci::into(c.organisations);
    tx.sql() << "SELECT COUNT(*) FROM people", soci::into(c.people);
    tx.sql() << "SELECT COUNT(*) FROM positions", soci::into(c.positions);
    tx.sql() << "SELECT COUNT(*) FROM positions WHERE end_on IS NULL", soci::into(c.open_positions);
    tx.sql() << "SELECT CAST(COALESCE(SUM(depth), 0) AS BIGINT) FROM organisations", soci::into(c.depth_sum);
    return c;
  });
}

domain::Person person(domain::PersonId id, const std::string& first17) {
  domain::Person p;
  p.id = id;
  p.name = "王秀英";
  p.id_number = id_number(first17);
  p.birth_date = Date(1980, 1, 1);
  return p;
}

domain::Position chair(domain::PositionId id, domain::PersonId person_id, domain::OrganisationId organisation_id) {
  domain::Position p;
  p.id = id;
  p.person_id = person_id;
  p.organisation_id = organisation_id;
  p.role = "chair";
  p.manner = "full_time";
  p.start_on = Date(2016, 1, 1);
  return p;
}

class BulkImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = test_support::fresh_database_url();
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{url_, 2});
    db_->migrate();
    registry_ = std::make_unique<services::Registry>(*db_, [] { return Date(2016, 9, 20); });
  }

  std::string url_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<services::Registry> registry_;
};

}  // namespace

TEST_F(BulkImportTest, HarbinArrivesWholeAndLaterRowsGetFreshIds) {
  demo::Summary summary;
  {
    storage::BulkImporter importer(*db_);
    summary = demo::generate_harbin(demo::Options{}, importer);
  }
  Counts c = counts(*db_);
  EXPECT_EQ(c.organisations, static_cast<long long>(summary.organisations));
  EXPECT_EQ(c.people, static_cast<long long>(summary.people));
  EXPECT_EQ(c.positions, static_cast<long long>(summary.positions));
  // the same depths as the tree the generator walked (city 0, districts 1, ...)
  long long expected_depths = 0;
  {
    struct DepthSink : NullSink {
      std::unordered_map<std::int64_t, int> depth;
      long long sum = 0;
      void add(const domain::Organisation& o) override {
        int d = o.parent_id ? depth[*o.parent_id] + 1 : 0;
        depth[o.id] = d;
        sum += d;
      }
    } sink;
    demo::generate_harbin(demo::Options{}, sink);
    expected_depths = sink.sum;
  }
  EXPECT_EQ(c.depth_sum, expected_depths);

  // the identity sequences start after the imported ids: the API's inserts do not collide
  auto street = registry_->CreateOrganisation(kActor, {2, "street", "新建街道妇联", std::nullopt, false, std::nullopt})
                    .row.organisation.id;
  EXPECT_GT(street, static_cast<long long>(summary.organisations));
  services::PersonChanges p;
  p.name = "李桂兰";
  p.id_number = id_number("23010219800101042");
  auto person_id = registry_->RegisterPerson(kActor, p).person.id;
  EXPECT_GT(person_id, static_cast<long long>(summary.people));
  auto position = registry_->Appoint(kActor, {person_id, street, "chair", "full_time", std::nullopt, Date(2016, 9, 1)});
  EXPECT_GT(position.position.id, static_cast<long long>(summary.positions));
}

TEST_F(BulkImportTest, TextArrivesExactlyAndNullStaysNull) {
  const std::string awkward = "tab\there\nnew line\\N back\\slash\rreturn 𠀀 \\. end";
  {
    storage::BulkImporter importer(*db_);
    domain::Organisation city;
    city.id = 1;
    city.name = "市\\妇联\t";
    importer.add(city);
    domain::Person p = person(5, "23010219800101002");
    p.notes = awkward;
    p.work_unit = "";  // empty, not NULL
    importer.add(p);
    domain::Position pos = chair(9, 5, 1);
    pos.end_on = Date(2016, 6, 1);
    pos.end_reason = "换届\n";
    importer.add(pos);
    importer.finish();
  }
  db_->read([&](storage::ReadTx& tx) {
    std::string notes, work_unit, mobile, name, end_reason;
    soci::indicator notes_ind, work_unit_ind, mobile_ind;
    tx.sql() << "SELECT notes, work_unit, mobile FROM people WHERE id = 5", soci::into(notes, notes_ind),
        soci::into(work_unit, work_unit_ind), soci::into(mobile, mobile_ind);
    EXPECT_EQ(notes_ind, soci::i_ok);
    EXPECT_EQ(notes, awkward);
    EXPECT_EQ(work_unit_ind, soci::i_ok);
    EXPECT_EQ(work_unit, "");
    EXPECT_EQ(mobile_ind, soci::i_null);
    tx.sql() << "SELECT name FROM organisations WHERE id = 1", soci::into(name);
    EXPECT_EQ(name, "市\\妇联\t");
    tx.sql() << "SELECT end_reason FROM positions WHERE id = 9", soci::into(end_reason);
    EXPECT_EQ(end_reason, "换届\n");
  });
  EXPECT_EQ(registry_->Organisation(kActor, 1).row.organisation.name, "市\\妇联\t");
}

// A second import into tables that hold rows adds to them (PostgreSQL: plain COPY, the
// indexes and keys stay).
TEST_F(BulkImportTest, ASecondImportAddsToTheRowsThere) {
  domain::Organisation city;
  city.id = 1;
  city.name = "市妇联";
  {
    storage::BulkImporter importer(*db_);
    importer.add(city);
    importer.add(person(1, "23010219800101002"));
    importer.finish();
  }
  {
    storage::BulkImporter importer(*db_);
    importer.add(person(2, "23010219800101024"));
    importer.add(chair(1, 2, 1));
    importer.finish();
  }
  Counts c = counts(*db_);
  EXPECT_EQ(c.organisations, 1);
  EXPECT_EQ(c.people, 2);
  EXPECT_EQ(c.positions, 1);
  EXPECT_EQ(registry_->Organisation(kActor, 1).row.member_count, 1);
  std::string code;
  try {
    storage::BulkImporter importer(*db_);
    importer.add(person(3, "23010219800101002"));  // the first person's ID number
    importer.finish();
  } catch (const domain::DomainError& e) {
    code = e.code();
  }
  EXPECT_EQ(code, "person_exists");
  EXPECT_EQ(counts(*db_).people, 2);
}

TEST_F(BulkImportTest, AFailedImportLeavesNothingAndKeepsTheIndexesAndKeys) {
  auto failure = [&](const std::function<void(storage::BulkImporter&)>& rows) {
    try {
      storage::BulkImporter importer(*db_);
      rows(importer);
      importer.finish();
    } catch (const domain::DomainError& e) {
      return e.code();
    }
    return std::string("no error");
  };
  EXPECT_EQ(failure([](storage::BulkImporter& importer) {
              importer.add(person(1, "23010219800101002"));
              importer.add(person(2, "23010219800101002"));  // the same ID number
            }),
            "person_exists");
  EXPECT_EQ(failure([](storage::BulkImporter& importer) {
              importer.add(person(1, "23010219800101002"));
              importer.add(chair(1, 1, 99));  // no such body
            }),
            "reference_missing");
  EXPECT_EQ(counts(*db_).people, 0);

  // the unique index and the foreign keys are back
  services::PersonChanges p;
  p.name = "王秀英";
  p.id_number = id_number("23010219800101002");
  auto id = registry_->RegisterPerson(kActor, p).person.id;
  try {
    registry_->RegisterPerson(kActor, p);
    ADD_FAILURE() << "a second person with the same ID number was accepted";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "person_exists");
  }
  try {
    db_->write([&](storage::WriteTx& tx) {
      tx.sql() << "INSERT INTO positions (person_id, organisation_id, role, manner, start_on, created_at, updated_at) "
                  "VALUES (:p, 99, 'chair', 'full_time', '2016-01-01', '2016-01-01T00:00:00Z', "
                  "'2016-01-01T00:00:00Z')",
          soci::use(id);
    });
    ADD_FAILURE() << "a position in a body that does not exist was accepted";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "reference_missing");
  }
}

// `jinguo demo` refuses a database with data, and with --force loads it again from nothing.
TEST(DemoCommand, RefusesADatabaseWithDataAndReplacesItWithForce) {
  app::Config config;
  config.database = test_support::fresh_database_url();
  ASSERT_EQ(app::demo(config, 2016, false), 0);
  Counts first;
  {
    storage::Database db({config.database, 1});
    first = counts(db);
  }
  demo::Summary summary;
  {
    NullSink sink;
    summary = demo::generate_harbin(demo::Options{}, sink);
  }
  EXPECT_EQ(first.organisations, static_cast<long long>(summary.organisations));
  EXPECT_EQ(first.people, static_cast<long long>(summary.people));
  EXPECT_EQ(first.positions, static_cast<long long>(summary.positions));

  EXPECT_EQ(app::demo(config, 2016, false), 2);
  ASSERT_EQ(app::demo(config, 2016, true), 0);
  storage::Database db({config.database, 1});
  EXPECT_EQ(counts(db), first);
  auto applied = db.applied_migrations();
  EXPECT_FALSE(applied.empty());
  long long accounts = 0;
  db.read([&](storage::ReadTx& tx) { tx.sql() << "SELECT COUNT(*) FROM accounts", soci::into(accounts); });
  EXPECT_EQ(accounts, 5);  // the demo's accounts, once: the old ones went with their tables
}
