// Nominations as stored (migration 0019), on both databases (JINGUO_TEST_DATABASE): the
// database itself keeps one open nomination of a woman for one body and role (what two clerks
// writing at once would otherwise break), and a nomination moves on only from the step it was
// read at.
#include <gtest/gtest.h>

#include <memory>

#include "../support/test_database.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/nomination_repository.h"

using namespace jinguo;
using domain::selection::Nomination;
using domain::selection::Step;

namespace {

const domain::Date kToday(2016, 9, 20);
const services::Actor kActor{"test", std::nullopt};

class NominationStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
    db_->migrate();
    services::Registry registry(*db_, [] { return kToday; });
    auto create = [&](std::optional<domain::OrganisationId> parent, const std::string& type, const std::string& name) {
      return registry.CreateOrganisation(kActor, {parent, type, name, std::nullopt, false, std::nullopt}).row.organisation.id;
    };
    town_ = create(create(create(std::nullopt, "city", "哈尔滨市妇联"), "district", "道里区妇联"), "township", "新农镇妇联");
  }

  Nomination nomination() const {
    Nomination n;
    n.organisation_id = town_;
    n.role = "executive";
    n.name = "王秀英";
    n.id_number = "23010219800101002" + std::string(1, domain::id_number_check_char("23010219800101002"));
    return n;
  }
  domain::selection::NominationId insert(const Nomination& n) {
    return db_->write([&](storage::WriteTx& tx) {
      return storage::NominationRepository(tx).insert(n, "test", "2016-09-20T01:00:00Z");
    });
  }

  std::unique_ptr<storage::Database> db_;
  domain::OrganisationId town_ = 0;
};

TEST_F(NominationStorageTest, OneOpenNominationOfAWomanForABodyAndRole) {
  Nomination first = nomination();
  first.id = insert(first);
  try {
    insert(nomination());
    ADD_FAILURE() << "a second open nomination was stored";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "already_nominated");
    EXPECT_EQ(e.field(), "id_number");
  }
  Nomination other_role = nomination();
  other_role.role = "vice_chair";
  EXPECT_GT(insert(other_role), first.id);

  // once hers has ended, she may be nominated again
  Nomination withdrawn = first;
  withdrawn.step = Step::kWithdrawn;
  db_->write([&](storage::WriteTx& tx) {
    EXPECT_TRUE(storage::NominationRepository(tx).advance(withdrawn, Step::kNominated, "2016-09-20T02:00:00Z"));
  });
  EXPECT_GT(insert(nomination()), first.id);
}

TEST_F(NominationStorageTest, ANominationMovesOnOnlyFromTheStepItWasReadAt) {
  Nomination n = nomination();
  n.channel = domain::selection::Channel::kUnit;
  n.nominated_by = "新农镇中学";
  n.id = insert(n);
  Nomination assessed = n;
  assessed.step = Step::kAssessed;
  db_->write([&](storage::WriteTx& tx) {
    storage::NominationRepository repo(tx);
    EXPECT_TRUE(repo.advance(assessed, Step::kNominated, "2016-09-20T02:00:00Z"));
    EXPECT_FALSE(repo.advance(assessed, Step::kNominated, "2016-09-20T02:00:01Z"));  // a second clerk, too late
    repo.record_step(n.id, {domain::selection::Event::kAssess, Step::kNominated, Step::kAssessed, true, std::nullopt,
                            std::string("群众基础好")},
                     "test", "2016-09-20T02:00:00Z");
  });
  db_->read([&](storage::ReadTx& tx) {
    storage::NominationQueries q(tx);
    auto row = q.find(domain::Scope::whole_tree(), n.id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->nomination.step, Step::kAssessed);
    EXPECT_EQ(row->nomination.channel, domain::selection::Channel::kUnit);
    EXPECT_EQ(row->nomination.nominated_by, "新农镇中学");
    EXPECT_EQ(row->role_label, "执委");
    EXPECT_EQ(row->organisation_name, "新农镇妇联");
    EXPECT_EQ(row->created_at, "2016-09-20T01:00:00Z");
    EXPECT_EQ(row->updated_at, "2016-09-20T02:00:00Z");
    auto steps = q.steps(n.id);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].record.passed, true);
    EXPECT_EQ(steps[0].record.note, "群众基础好");
    EXPECT_EQ(steps[0].done_at, "2016-09-20T02:00:00Z");
    EXPECT_EQ(q.open_nomination(town_, "executive", n.id_number), n.id);
    EXPECT_FALSE(q.open_nomination(town_, "chair", n.id_number));
  });
}

}  // namespace
