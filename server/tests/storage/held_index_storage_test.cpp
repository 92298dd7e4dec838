// The forms index (storage/held_index.h) against the SQL reference, on SQLite and PostgreSQL
// (JINGUO_TEST_DATABASE), on the Harbin demo with a township moved (and one of its villages
// made a village federation) from a date, as a restructuring writes organisation_versions:
// (a) forms 2, 4 and 5 and the compliance page read from the index equal those read in SQL,
//     for the city, a district and a township, on several dates;
// (b) after writes through the services (appoint, end, a person's education and birth date,
//     a body created, moved, closed) and by a second Database on the same database (another
//     server), the next form equals the SQL reference, with no full reload;
// (c) the change feed: one generation per write transaction that touched the registry, in
//     commit order, deduplicated, ('all', 0) past the limit, nothing for a rollback.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../support/test_database.h"
#include "demo/harbin.h"
#include "domain/id_number.h"
#include "http/form_dto.h"
#include "http/json_writer.h"
#include "http/staffing_dto.h"
#include "services/forms.h"
#include "services/pdf_renderer.h"
#include "services/registry.h"
#include "services/staffing.h"
#include "storage/bulk_importer.h"
#include "storage/database.h"
#include "storage/held_index.h"
#include "storage/registry_changes.h"

using namespace jinguo;
using domain::Date;

namespace {

const Date kReport(2016, 9, 20);
const Date kBaseline(2016, 6, 1);
const Date kMoved(2016, 7, 1);
const services::Actor kActor{"test", std::nullopt};
const std::vector<Date> kDates{Date(2015, 1, 1), kBaseline, Date(2016, 6, 30), kMoved, kReport};

std::string form_json(services::Forms& forms, int n, domain::OrganisationId within, const Date& on) {
  services::FormQuery q{n, within, on, kBaseline, false};
  return std::move(http::json_of(http::dto::form_report, forms.Report(kActor, q))).take();
}

std::string compliance_json(services::Staffing& staffing, domain::OrganisationId within, const Date& on) {
  return http::dto::compliance(*staffing.ComplianceOf(domain::Scope::whole_tree(), within, on, kBaseline), std::nullopt)
      .dump();
}

std::int64_t one_integer(storage::Database& db, const std::string& sql) {
  return db.read([&](storage::ReadTx& tx) {
    storage::Statement row = tx.prepare(sql, storage::Keep::kNo);
    return row.step() ? row.integer(0) : std::int64_t{0};
  });
}

// A dated move as a restructuring stores it: from `on`, `body` and its subtree stand under
// `parent` (new versions with the new paths), and its first village 妇代会 a 村妇联.
void move_on(storage::Database& db, domain::OrganisationId body, domain::OrganisationId parent, const Date& on) {
  db.write([&](storage::WriteTx& tx) {
    auto path_of = [&](domain::OrganisationId id) {
      storage::Statement row = tx.prepare("SELECT path, depth FROM organisations WHERE id = $1", storage::Keep::kNo);
      row.bind(id);
      EXPECT_TRUE(row.step());
      return std::pair{row.string(0), row.integer(1)};
    };
    const auto [old_path, old_depth] = path_of(body);
    const auto [parent_path, parent_depth] = path_of(parent);
    const std::string old_parent_path = old_path.substr(0, old_path.rfind('/', old_path.size() - 2) + 1);
    const std::string new_path = parent_path + old_path.substr(old_parent_path.size());
    struct Row {
      std::int64_t id, parent;
      std::string type, name, path;
      std::int64_t depth;
    };
    std::vector<Row> rows;
    {
      storage::Statement row = tx.prepare(
          "SELECT organisation_id, COALESCE(parent_id, 0), type, name, path, depth FROM organisation_versions "
          "WHERE path >= $1 AND path < $2 AND valid_to IS NULL ORDER BY path",
          storage::Keep::kNo);
      row.bind(old_path).bind(old_path + "~");
      while (row.step())
        rows.push_back({row.integer(0), row.integer(1), row.string(2), row.string(3), row.string(4), row.integer(5)});
    }
    bool converted = false;
    for (auto& r : rows) {
      tx.prepare("UPDATE organisation_versions SET valid_to = $1 WHERE organisation_id = $2 AND valid_to IS NULL",
                 storage::Keep::kNo)
          .bind(on)
          .bind(r.id)
          .run();
      const std::string path = new_path + r.path.substr(old_path.size());
      const std::int64_t depth = r.depth + (parent_depth + 1 - old_depth);
      std::string type = r.type, name = r.name;
      if (r.id == body) r.parent = parent;
      if (!converted && type == "village_congress") {
        type = "village";
        name += "（改建）";
        converted = true;
      }
      tx.prepare("INSERT INTO organisation_versions (organisation_id, valid_from, valid_to, parent_id, type, name, "
                 "path, depth) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7)",
                 storage::Keep::kNo)
          .bind(r.id)
          .bind(on)
          .bind(r.parent)
          .bind(type)
          .bind(name)
          .bind(path)
          .bind(depth)
          .run();
      tx.prepare("UPDATE organisations SET parent_id = $1, path = $2, depth = $3, type = $4, name = $5 WHERE id = $6",
                 storage::Keep::kNo)
          .bind(r.parent)
          .bind(path)
          .bind(depth)
          .bind(type)
          .bind(name)
          .bind(r.id)
          .run();
      tx.touched(storage::RegistryEntity::kOrganisation, r.id);
    }
  });
}

class HeldIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = test_support::fresh_database_url();
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{url_, 2});
    db_->migrate();
    storage::BulkImporter importer(*db_);
    demo::generate_harbin(demo::Options{}, importer);
    city_ = one_integer(*db_, "SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY id");
    township_ = one_integer(*db_, "SELECT o.id FROM organisations o WHERE o.type = 'township' AND EXISTS (SELECT 1 "
                                  "FROM organisations v WHERE v.parent_id = o.id AND v.type = 'village_congress') ORDER BY o.id");
    district_ = one_integer(*db_, "SELECT parent_id FROM organisations WHERE id = " + std::to_string(township_));
    other_district_ = one_integer(*db_, "SELECT id FROM organisations WHERE parent_id = " + std::to_string(city_) +
                                            " AND id <> " + std::to_string(district_) + " ORDER BY id");
    ASSERT_GT(township_, 0);
    move_on(*db_, township_, other_district_, kMoved);
  }

  // Every counting form and the compliance page, index against SQL.
  void expect_same(const std::vector<domain::OrganisationId>& within, const std::vector<Date>& dates,
                   const std::string& when) {
    auto today = [] { return kReport; };
    services::PdfRenderer pdf;
    services::Forms sql(*db_, pdf, today), indexed(*db_, pdf, today, &index_);
    services::Staffing sql_staffing(*db_, today), indexed_staffing(*db_, today, &index_);
    for (const auto w : within)
      for (const Date& on : dates) {
        const std::string where = when + ": within " + std::to_string(w) + " on " + on.iso();
        for (int n : {2, 4, 5}) EXPECT_EQ(form_json(indexed, n, w, on), form_json(sql, n, w, on)) << where << " form " << n;
        EXPECT_EQ(compliance_json(indexed_staffing, w, on), compliance_json(sql_staffing, w, on)) << where;
      }
  }

  std::string url_;
  std::unique_ptr<storage::Database> db_;
  storage::HeldIndex index_;
  domain::OrganisationId city_ = 0, district_ = 0, other_district_ = 0, township_ = 0;
};

TEST_F(HeldIndexTest, AnswersAsTheSqlReferenceOnTheTreeAsItStood) {
  expect_same({city_, district_, other_district_, township_}, kDates, "demo");
  // the moved township counts under its old district before the day, under the new one after
  auto today = [] { return kReport; };
  services::PdfRenderer pdf;
  services::Forms indexed(*db_, pdf, today, &index_);
  const auto before = nlohmann::json::parse(form_json(indexed, 4, township_, Date(2016, 6, 30)));
  const auto after = nlohmann::json::parse(form_json(indexed, 4, township_, kReport));
  EXPECT_FALSE(before["rows"].empty());
  EXPECT_NE(before["rows"].dump(), after["rows"].dump());  // a 妇代会 counts as a village after
  EXPECT_EQ(index_.size().full_loads, 1);
}

TEST_F(HeldIndexTest, FollowsWritesThroughTheServicesAndFromAnotherServer) {
  auto today = [] { return kReport; };
  services::Registry registry(*db_, today);
  const std::vector<domain::OrganisationId> within{city_, district_, other_district_};
  const std::vector<Date> dates{kBaseline, kReport};
  expect_same(within, dates, "before");
  const auto village = one_integer(*db_, "SELECT id FROM organisations WHERE parent_id = " + std::to_string(township_) +
                                             " AND type = 'village_congress' ORDER BY id DESC");
  const auto outsider = one_integer(*db_, "SELECT p.id FROM people p JOIN positions ps ON ps.person_id = p.id "
                                          "JOIN organisations o ON o.id = ps.organisation_id WHERE o.path NOT LIKE '%/" +
                                              std::to_string(district_) + "/%' ORDER BY p.id");

  services::NewPosition appoint;
  appoint.person_id = outsider;
  appoint.organisation_id = village;
  appoint.role = "member";
  appoint.manner = "volunteer";
  appoint.source = "expertise";
  appoint.start_on = Date(2016, 7, 15);
  appoint.override_reason = "测试";
  const auto position = registry.Appoint(kActor, appoint);
  expect_same(within, dates, "appointed");

  // A body created with no position yet (only the bodies are read again): the district's forms
  // then list it among the district's bodies, past the end of the positions listed by body.
  services::NewOrganisation township;
  township.parent_id = district_;
  township.type = "township";
  township.name = "新设镇妇联";
  township.established_on = Date(2016, 1, 1);
  registry.CreateOrganisation(kActor, township);
  expect_same(within, dates, "a new township");

  registry.EndPosition(kActor, position.position.id, Date(2016, 9, 1), "测试");
  expect_same(within, dates, "ended");

  const auto holder = one_integer(*db_, "SELECT ps.person_id FROM positions ps JOIN organisations o ON "
                                        "o.id = ps.organisation_id WHERE o.parent_id = " +
                                            std::to_string(district_) + " AND ps.end_on IS NULL ORDER BY ps.id");
  services::PersonChanges education;
  education.education = std::optional<std::string>("10");
  education.ethnicity = std::optional<std::string>("03");
  registry.UpdatePerson(kActor, holder, education);
  expect_same(within, dates, "education");

  const auto person = registry.Person(kActor, holder).person;
  std::string id_number = person.id_number;
  id_number.replace(6, 8, "19990101");  // 17 on the report date: another age band
  id_number[17] = domain::id_number_check_char(id_number.substr(0, 17));
  services::PersonChanges birth;
  birth.id_number = id_number;
  birth.birth_date = Date(1999, 1, 1);
  registry.UpdatePerson(kActor, holder, birth);
  expect_same(within, dates, "birth date");

  const auto created =
      registry.CreateOrganisation(kActor, {district_, "street", "测试街道妇联", std::nullopt, false, Date(2016, 1, 1)});
  appoint.person_id = holder;
  appoint.organisation_id = created.row.organisation.id;
  appoint.role = "chair";
  appoint.manner = "full_time";
  appoint.start_on = Date(2016, 5, 1);
  registry.Appoint(kActor, appoint);
  expect_same(within, dates, "created");

  registry.MoveOrganisation(kActor, created.row.organisation.id, other_district_);
  expect_same(within, dates, "moved");

  registry.CloseOrganisation(kActor, created.row.organisation.id, Date(2016, 8, 1));
  expect_same(within, dates, "closed");

  // another server on the same database: its writes reach this one's index through the feed
  {
    storage::Database other(storage::DatabaseConfig{url_, 1});
    services::Registry elsewhere(other, today);
    appoint.person_id = outsider;
    appoint.organisation_id = district_;
    appoint.role = "executive";
    appoint.manner = "part_time";
    appoint.start_on = Date(2016, 3, 1);
    elsewhere.Appoint(kActor, appoint);
  }
  expect_same(within, dates, "another server");
  EXPECT_EQ(index_.size().full_loads, 1);
  EXPECT_GE(index_.size().updates, 8);
}

TEST(RegistryChangeFeed, OneGenerationPerWriteInOrderDeduplicated) {
  storage::Database db(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
  db.migrate();
  auto generation = [&] { return db.read([](storage::ReadTx& tx) { return storage::registry_generation(tx); }); };
  auto changes = [&](std::int64_t after) {
    return db.read([&](storage::ReadTx& tx) { return storage::registry_changes(tx, after, 1000000); });
  };
  EXPECT_EQ(generation(), 0);
  db.write([](storage::WriteTx&) {});  // touched nothing: no generation
  EXPECT_EQ(generation(), 0);
  db.write([](storage::WriteTx& tx) {
    tx.touched(storage::RegistryEntity::kPosition, 7);
    tx.touched(storage::RegistryEntity::kPerson, 3);
    tx.touched(storage::RegistryEntity::kPosition, 7);
  });
  db.write([](storage::WriteTx& tx) { tx.touched(storage::RegistryEntity::kOrganisation, 5); });
  EXPECT_THROW(db.write([](storage::WriteTx& tx) {
    tx.touched(storage::RegistryEntity::kPosition, 9);
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  db.write([](storage::WriteTx& tx) {
    for (std::int64_t i = 0; i <= static_cast<std::int64_t>(storage::RegistryTouches::kMaxListed); ++i)
      tx.touched(storage::RegistryEntity::kPosition, i);
  });
  EXPECT_EQ(generation(), 3);
  const auto all = changes(0);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].generation, 1);
  EXPECT_EQ(all[1].generation, 1);
  EXPECT_EQ(all[0].entity, storage::RegistryEntity::kPerson);
  EXPECT_EQ(all[0].id, 3);
  EXPECT_EQ(all[1].entity, storage::RegistryEntity::kPosition);
  EXPECT_EQ(all[1].id, 7);
  EXPECT_EQ(all[2].generation, 2);
  EXPECT_EQ(all[2].entity, storage::RegistryEntity::kOrganisation);
  EXPECT_EQ(all[3].generation, 3);
  EXPECT_EQ(all[3].entity, storage::RegistryEntity::kAll);
  EXPECT_EQ(changes(2).size(), 1u);

  // writers on two connections at once: each commit takes the next generation, none is lost
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w)
    writers.emplace_back([&db, w] {
      for (int i = 0; i < 20; ++i)
        db.write([&](storage::WriteTx& tx) { tx.touched(storage::RegistryEntity::kPosition, 100 * (w + 1) + i); });
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(generation(), 43);
  const auto later = changes(3);
  ASSERT_EQ(later.size(), 40u);
  for (std::size_t i = 0; i < later.size(); ++i) EXPECT_EQ(later[i].generation, static_cast<std::int64_t>(4 + i));
}

}  // namespace
