// Kept rosters and people pages (services/registry.h, "Kept answers") on SQLite and
// PostgreSQL (JINGUO_TEST_DATABASE): every kind of write that changes what a roster or a
// people page shows raises the registry's generation, so that the next read computes afresh;
// a read changes nothing (the same answer is handed out again); a second Registry on a second
// Database (another server) sees each change too.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "../support/test_database.h"
#include "domain/clock.h"
#include "domain/id_number.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/registry_changes.h"

using namespace jinguo;
using domain::Date;

namespace {

const Date kOn(2016, 9, 20);
const services::Actor kActor{"test", std::nullopt};

std::string id_number(std::string first17) { return first17 + domain::id_number_check_char(first17); }

class KeptAnswersStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = test_support::fresh_database_url();
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{url_, 2});
    db_->migrate();
    other_db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{url_, 2});
    // the real clock: a position may be deleted only on the day it was entered
    registry_ = std::make_unique<services::Registry>(*db_, domain::today_in_china);
    other_ = std::make_unique<services::Registry>(*other_db_, domain::today_in_china);
    city_ = create(std::nullopt, "city", "常存市妇联");
    district_ = create(city_, "district", "常存区妇联");
    other_district_ = create(city_, "district", "常存东区妇联");
    town_ = create(district_, "township", "常存镇妇联");
    village_ = create(town_, "village_congress", "常存村妇代会");
    first_ = person("23010219860301002", "常存甲");
    first_position_ = appoint(first_, "member");
  }

  domain::OrganisationId create(std::optional<domain::OrganisationId> parent, const std::string& type,
                                const std::string& name) {
    return registry_->CreateOrganisation(kActor, {parent, type, name, std::nullopt, false, std::nullopt})
        .row.organisation.id;
  }
  domain::PersonId person(const std::string& first17, const std::string& name) {
    services::PersonChanges c;
    c.name = name;
    c.id_number = id_number(first17);
    return registry_->RegisterPerson(kActor, c).person.id;
  }
  domain::PositionId appoint(domain::PersonId who, const std::string& role) {
    services::NewPosition p;
    p.person_id = who;
    p.organisation_id = village_;
    p.role = role;
    p.manner = "volunteer";
    p.start_on = Date(2016, 6, 1);
    p.override_reason = "测试";
    return registry_->Appoint(kActor, p).position.id;
  }
  std::int64_t generation() {
    return db_->read([](storage::ReadTx& tx) { return storage::registry_generation(tx); });
  }
  // What a roster and a people page show, as text, read through `registry`.
  static std::string shown(services::Registry& registry, domain::OrganisationId village,
                           domain::OrganisationId district) {
    std::string out;
    for (const auto& m : registry.RosterOn(kActor, village, kOn)->items)
      out += m.person.name + "/" + m.row.role_label + "/" + m.row.manner_label + "/" + m.row.organisation_name + ";";
    services::PeopleQuery q;
    q.organisation_id = district;
    q.on = kOn;
    const auto page = registry.People(kActor, q, storage::PageSpec{});
    out += "|" + std::to_string(page->total) + ":";
    for (const auto& s : page->items) {
      out += s.person.name;
      for (const auto& c : s.current_positions) out += "/" + c.organisation_name + "/" + c.role_label;
      out += ";";
    }
    return out;
  }
  // Runs `write`, then expects a raised generation and both servers to show `expected`
  // (which should contain `shows` and not `gone`).
  void expect_seen(const std::string& what, const std::function<void()>& write, const std::string& shows,
                   const std::string& gone = "") {
    const std::string before = shown(*registry_, village_, district_);
    EXPECT_EQ(shown(*other_, village_, district_), before) << what;
    const auto g = generation();
    write();
    EXPECT_GT(generation(), g) << what;
    const std::string after = shown(*registry_, village_, district_);
    EXPECT_EQ(shown(*other_, village_, district_), after) << what;
    EXPECT_NE(after.find(shows), std::string::npos) << what << ": " << after;
    if (!gone.empty()) EXPECT_EQ(after.find(gone), std::string::npos) << what << ": " << after;
  }

  std::string url_;
  std::unique_ptr<storage::Database> db_, other_db_;
  std::unique_ptr<services::Registry> registry_, other_;
  domain::OrganisationId city_ = 0, district_ = 0, other_district_ = 0, town_ = 0, village_ = 0;
  domain::PersonId first_ = 0;
  domain::PositionId first_position_ = 0;
};

}  // namespace

TEST_F(KeptAnswersStorageTest, AReadKeepsItsAnswerAndChangesNothing) {
  const auto g = generation();
  const auto roster = registry_->RosterOn(kActor, village_, kOn);
  EXPECT_EQ(registry_->RosterOn(kActor, village_, kOn), roster);  // the same answer, shared
  EXPECT_NE(registry_->RosterOn(kActor, village_, Date(2016, 9, 21)), roster);
  services::PeopleQuery q;
  q.organisation_id = district_;
  q.on = kOn;
  const auto page = registry_->People(kActor, q, storage::PageSpec{});
  EXPECT_EQ(registry_->People(kActor, q, storage::PageSpec{}), page);
  storage::PageSpec large;
  large.page_size = services::Registry::kKeptPageSize + 1;  // an export's page: read, not kept
  EXPECT_NE(registry_->People(kActor, q, large), registry_->People(kActor, q, large));
  registry_->RevealPersonalData(kActor, first_, "id_number");  // audited, but changes nothing shown
  EXPECT_EQ(generation(), g);
  EXPECT_EQ(registry_->RosterOn(kActor, village_, kOn), roster);
}

TEST_F(KeptAnswersStorageTest, EveryWriteThatChangesARosterOrAPeoplePageIsSeenAtOnce) {
  expect_seen("appoint", [&] { appoint(person("23010219860301004", "常存乙"), "deputy_director"); }, "常存乙/副主任");
  const auto third = person("23010219860301006", "常存丙");
  const auto third_position = appoint(third, "member");
  expect_seen("end", [&] { registry_->EndPosition(kActor, first_position_, Date(2016, 9, 1), "调离"); }, "常存丙",
              "常存甲");
  expect_seen("correct", [&] {
    services::PositionCorrectionInput c;
    c.reason = "录入有误";
    c.changes.manner = "part_time";
    c.override_reason = "测试";
    registry_->CorrectPosition(kActor, third_position, c);
  }, "常存丙/委员/兼职");
  expect_seen("update a person", [&] {
    services::PersonChanges c;
    c.name = "常存改";
    registry_->UpdatePerson(kActor, third, c);
  }, "常存改/委员", "常存丙");
  expect_seen("update a dictionary entry", [&] {
    services::DictionaryChanges c;
    c.label = "执委委员";
    registry_->UpdateDictionaryEntry(kActor, domain::DictionaryKind::kRole, "member", c);
  }, "常存改/执委委员");
  expect_seen("add a dictionary entry", [&] {
    domain::DictionaryEntry e;
    e.kind = domain::DictionaryKind::kManner;
    e.code = "kept_test";
    e.label = "试用";
    e.sort_order = 99;
    registry_->AddDictionaryEntry(kActor, e);
  }, "常存改");
  expect_seen("update an organisation", [&] {
    services::OrganisationChanges c;
    c.name = "常存新村妇代会";
    registry_->UpdateOrganisation(kActor, village_, c);
  }, "常存改/执委委员/兼职/常存新村妇代会");
  expect_seen("rename an organisation on a date",
              [&] { registry_->RenameOrganisation(kActor, village_, "常存二村妇代会", Date(2016, 9, 10)); },
              "常存二村妇代会");
  expect_seen("delete a position entered today", [&] {
    services::NewPosition p;
    p.person_id = first_;
    p.organisation_id = village_;
    p.role = "member";
    p.manner = "volunteer";
    p.start_on = Date(2016, 9, 15);
    p.override_reason = "测试";
    const auto id = registry_->Appoint(kActor, p).position.id;
    EXPECT_NE(shown(*other_, village_, district_).find("常存甲"), std::string::npos);
    registry_->DeletePosition(kActor, id, "录入有误");
  }, "常存改", "常存甲");
  const auto other_town = create(other_district_, "township", "常存东镇妇联");
  expect_seen("move an organisation", [&] { registry_->MoveOrganisation(kActor, village_, other_town); },
              "常存二村妇代会;|0:");
  expect_seen("register a person (on the other server)", [&] {
    services::PersonChanges c;
    c.name = "常存丁";
    c.id_number = id_number("23010219860301008");
    other_->RegisterPerson(kActor, c);
  }, "|0:");
}
