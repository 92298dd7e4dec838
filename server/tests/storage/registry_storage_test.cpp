// One suite for both databases (JINGUO_TEST_DATABASE=sqlite|postgresql): the schema,
// the repositories and the use cases' transactions.
#include <gtest/gtest.h>

#include <memory>

#include "../support/test_database.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/registry.h"
#include "storage/bulk_importer.h"
#include "storage/database.h"
#include "storage/migration_sources.h"
#include "storage/repositories.h"

using namespace jinguo;
using domain::Date;

namespace {

const Date kToday(2016, 9, 20);
const services::Actor kActor{"test", std::nullopt};

std::string id_number(std::string first17) { return first17 + domain::id_number_check_char(first17); }

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
    db_->migrate();
    registry_ = std::make_unique<services::Registry>(*db_, [] { return kToday; });
  }

  domain::OrganisationId create(std::optional<domain::OrganisationId> parent, const std::string& type,
                                const std::string& name) {
    return registry_->CreateOrganisation(kActor, {parent, type, name, std::nullopt, false, std::nullopt})
        .row.organisation.id;
  }
  domain::PersonId person(const std::string& first17, const std::string& name = "王秀英") {
    services::PersonChanges c;
    c.name = name;
    c.id_number = id_number(first17);
    return registry_->RegisterPerson(kActor, c).person.id;
  }
  long long audit_count() {
    return db_->read([](storage::ReadTx& tx) { return storage::AuditRepository(tx).count(); });
  }
  std::string code_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const domain::DomainError& e) {
      return e.code();
    }
    return "";
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<services::Registry> registry_;
};

}  // namespace

TEST_F(StorageTest, MigrationsAreRecordedAndSeedTheDictionaries) {
  auto applied = db_->applied_migrations();
  ASSERT_EQ(applied.size(), jinguo::storage::migration_sources().size());  // every numbered migration, once
  EXPECT_EQ(applied[0], "0001");
  EXPECT_EQ(applied[1], "0002");
  EXPECT_EQ(applied[2], "0003");
  EXPECT_TRUE(db_->migrate().empty());
  auto roles = registry_->Dictionary(domain::DictionaryKind::kRole);
  ASSERT_EQ(roles.size(), 7u);
  EXPECT_EQ(roles.front().code, "chair");
  EXPECT_EQ(registry_->Dictionary(domain::DictionaryKind::kEthnicity).size(), 56u);
  EXPECT_EQ(registry_->Dictionary(domain::DictionaryKind::kSource).size(), 12u);
}

TEST_F(StorageTest, SubtreeRangesFollowAMove) {
  auto city = create(std::nullopt, "city", "哈尔滨市妇联");
  auto d1 = create(city, "district", "道里区妇联");
  auto d2 = create(city, "district", "南岗区妇联");
  auto town = create(d1, "township", "新农镇妇联");
  auto village = create(town, "village", "新农村妇联");
  auto before = audit_count();
  auto moved = registry_->MoveOrganisation(kActor, town, d2);
  EXPECT_EQ(audit_count(), before + 1);
  EXPECT_EQ(moved.row.organisation.parent_id, d2);
  auto search = [&](domain::OrganisationId within) {
    return registry_->SearchOrganisations(kActor, "新农", within, std::nullopt, storage::PageSpec{}).total;
  };
  EXPECT_EQ(search(d1), 0);
  EXPECT_EQ(search(d2), 2);
  auto v = registry_->Organisation(kActor, village);
  EXPECT_EQ(v.row.depth, 3);
  ASSERT_EQ(v.path.size(), 4u);
  EXPECT_EQ(v.path[1].id, d2);
  EXPECT_EQ(registry_->Organisation(kActor, d2).row.child_count, 1);
  EXPECT_EQ(registry_->Organisation(kActor, d1).row.child_count, 0);
}

TEST_F(StorageTest, MoveRefusalsChangeNothing) {
  auto city = create(std::nullopt, "city", "市妇联");
  auto d1 = create(city, "district", "区妇联");
  auto town = create(d1, "township", "镇妇联");
  auto village = create(town, "village", "村妇联");
  auto d2 = create(city, "district", "区妇联二");
  auto before = audit_count();
  EXPECT_EQ(code_of([&] { registry_->MoveOrganisation(kActor, d1, town); }), "move_into_own_subtree");
  EXPECT_EQ(code_of([&] { registry_->MoveOrganisation(kActor, d1, d1); }), "move_into_own_subtree");
  EXPECT_EQ(code_of([&] { registry_->MoveOrganisation(kActor, village, d2); }), "parent_type_not_allowed");
  EXPECT_EQ(code_of([&] { registry_->MoveOrganisation(kActor, village, 9999); }), "not_found");
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(registry_->Organisation(kActor, village).path[1].id, d1);
}

TEST_F(StorageTest, RosterAsOfDates) {
  auto city = create(std::nullopt, "city", "市妇联");
  auto d = create(city, "district", "区妇联");
  auto town = create(d, "township", "镇妇联");
  auto a = person("23010219800101002");
  auto b = person("23010219810101002", "李桂兰");
  auto p1 = registry_->Appoint(kActor, {a, town, "executive", "part_time", "red_banner", Date(2016, 6, 1), {}});
  registry_->Appoint(kActor, {b, town, "chair", "full_time", std::nullopt, Date(2016, 6, 10), {}});
  registry_->EndPosition(kActor, p1.position.id, Date(2016, 8, 31), "换届");
  auto names = [&](Date on) {
    std::vector<domain::PersonId> out;
    for (const auto& r : registry_->RosterOn(kActor, town, on)->items) out.push_back(r.person.id);
    return out;
  };
  EXPECT_EQ(names(Date(2016, 5, 31)), (std::vector<domain::PersonId>{}));
  EXPECT_EQ(names(Date(2016, 6, 1)), (std::vector<domain::PersonId>{a}));
  EXPECT_EQ(names(Date(2016, 6, 10)), (std::vector<domain::PersonId>{b, a}));  // chair first
  EXPECT_EQ(names(Date(2016, 8, 30)), (std::vector<domain::PersonId>{b, a}));
  EXPECT_EQ(names(Date(2016, 8, 31)), (std::vector<domain::PersonId>{b}));
  EXPECT_EQ(registry_->Organisation(kActor, town).row.member_count, 1);
}

TEST_F(StorageTest, DuplicateIdNumberPointsToTheExistingPerson) {
  auto first = person("23010219800101002");
  auto before = audit_count();
  try {
    person("23010219800101002", "另一人");
    FAIL() << "a duplicate was stored";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "person_exists");
    EXPECT_EQ(e.kind(), domain::ErrorKind::kConflict);
    ASSERT_TRUE(e.existing_id());
    EXPECT_EQ(*e.existing_id(), first);
  }
  EXPECT_EQ(audit_count(), before);
}

TEST_F(StorageTest, ConstraintViolationsAreMappedByName) {
  auto first = person("23010219800101002");
  auto stored = registry_->Person(kActor, first).person;
  // Straight to the repository, past the use case's own check: the unique index answers.
  EXPECT_EQ(code_of([&] {
              db_->write([&](storage::WriteTx& tx) { storage::PersonRepository(tx).insert(stored, std::nullopt, "2016-09-20T00:00:00Z"); });
            }),
            "person_exists");
  auto city = create(std::nullopt, "city", "市妇联");
  auto district = create(city, "district", "区妇联");
  EXPECT_EQ(code_of([&] { create(city, "district", "区妇联"); }), "organisation_name_taken");
  registry_->Appoint(kActor, {first, district, "standing", "part_time", std::nullopt, Date(2016, 6, 1), {}});
  EXPECT_EQ(code_of([&] {
              registry_->Appoint(kActor, {first, district, "executive", "part_time", std::nullopt, Date(2016, 7, 1), {}});
            }),
            "position_exists");
  EXPECT_EQ(code_of([&] {
              db_->write([&](storage::WriteTx& tx) {
                domain::Position p;
                p.person_id = first;
                p.organisation_id = city;
                p.role = "chair";
                p.manner = "full_time";
                p.start_on = Date(2016, 6, 1);
                p.end_on = Date(2016, 5, 1);
                storage::PositionRepository(tx).insert(p, "2016-09-20T00:00:00Z");
              });
            }),
            "end_before_start");
}

TEST_F(StorageTest, AFailingUseCaseLeavesNothingHalfWritten) {
  auto city = create(std::nullopt, "city", "市妇联");
  auto before = audit_count();
  // a write that stores a body and then fails: rolled back entirely
  EXPECT_THROW(db_->write([&](storage::WriteTx& tx) {
                 domain::Organisation o;
                 o.parent_id = city;
                 o.type = domain::BodyType::kDistrict;
                 o.name = "半途区妇联";
                 storage::OrganisationRepository(tx).insert(o, "/" + std::to_string(city) + "/", 1, "now");
                 throw std::runtime_error("boom");
               }),
               std::runtime_error);
  EXPECT_EQ(registry_->Organisation(kActor, city).row.child_count, 0);
  EXPECT_EQ(registry_->SearchOrganisations(kActor, "半途", std::nullopt, std::nullopt, {}).total, 0);
  auto a = person("23010219800101002");
  EXPECT_EQ(audit_count(), before + 1);  // one event per change
  EXPECT_EQ(code_of([&] {
              registry_->Appoint(kActor, {a, city, "director", "part_time", std::nullopt, Date(2016, 6, 1), {}});
            }),
            "role_not_allowed");
  EXPECT_EQ(registry_->RosterOn(kActor, city, kToday)->items.size(), 0u);
  EXPECT_EQ(audit_count(), before + 1);
  auto events = db_->read([](storage::ReadTx& tx) { return storage::AuditRepository(tx).latest(1); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.entity, "person");
  EXPECT_NE(events[0].event.changes.find("\"after\""), std::string::npos);
}

TEST_F(StorageTest, BulkImporterKeepsIdsAndPaths) {
  {
    storage::BulkImporter importer(*db_, 2);
    domain::Organisation city;
    city.id = 1;
    city.type = domain::BodyType::kCity;
    city.name = "市妇联";
    importer.add(city);
    domain::Organisation district = city;
    district.id = 2;
    district.parent_id = 1;
    district.type = domain::BodyType::kDistrict;
    district.name = "区妇联";
    importer.add(district);
    domain::Person p;
    p.id = 7;
    p.name = "王秀英";
    p.id_number = id_number("23010219800101002");
    p.birth_date = Date(1980, 1, 1);
    importer.add(p);
    domain::Position pos;
    pos.id = 3;
    pos.person_id = 7;
    pos.organisation_id = 2;
    pos.role = "chair";
    pos.manner = "full_time";
    pos.start_on = Date(2016, 1, 1);
    importer.add(pos);
    importer.finish();
  }
  auto d = registry_->Organisation(kActor, 2);
  EXPECT_EQ(d.row.depth, 1);
  EXPECT_EQ(d.row.member_count, 1);
  EXPECT_EQ(registry_->Person(kActor, 7).positions.size(), 1u);
  // new rows get ids after the imported ones
  EXPECT_GT(create(2, "street", "街道妇联"), 2);
}
