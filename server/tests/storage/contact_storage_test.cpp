// The reads forms 1 and 2 are drawn from, on both databases (JINGUO_TEST_DATABASE): the
// contacts open on a day in the district level of a subtree, and the re-election in force on a
// day for a list of bodies.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "../support/test_database.h"
#include "services/contacts.h"
#include "services/reelections.h"
#include "services/registry.h"
#include "storage/contact_repository.h"
#include "storage/database.h"
#include "storage/reelection_repository.h"
#include "storage/repositories.h"

using namespace jinguo;
using domain::Date;

namespace {

const Date kToday(2016, 9, 20);
const services::Actor kActor{"test", std::nullopt};

class FormReadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
    db_->migrate();
    registry_ = std::make_unique<services::Registry>(*db_, [] { return kToday; });
    contacts_ = std::make_unique<services::Contacts>(*db_, [] { return kToday; });
    reelections_ = std::make_unique<services::Reelections>(*db_, [] { return kToday; });
    city_ = create(std::nullopt, "city", "哈尔滨市妇联");
    district_ = create(city_, "district", "道里区妇联");
    county_ = create(city_, "county", "依兰县妇联");
    town_ = create(district_, "township", "新农镇妇联");
  }

  domain::OrganisationId create(std::optional<domain::OrganisationId> parent, const std::string& type,
                                const std::string& name) {
    return registry_->CreateOrganisation(kActor, {parent, type, name, std::nullopt, false, std::nullopt})
        .row.organisation.id;
  }
  domain::ContactId contact(domain::OrganisationId body, const std::string& name, Date start) {
    services::NewContact c{name, std::nullopt, std::nullopt, "13804512345", std::nullopt, start};
    return contacts_->AddContact(kActor, body, c).contact.id;
  }
  domain::ReelectionId reelection(domain::OrganisationId body, Date held_on) {
    domain::ReelectionChanges r;
    r.held_on = held_on;
    r.delegates = 200;
    return reelections_->RecordReelection(kActor, body, r).reelection.id;
  }
  std::string path_of(domain::OrganisationId id) {
    return *db_->read([&](storage::ReadTx& tx) {
      return storage::OrganisationRepository(tx).path_in(domain::Scope::whole_tree(), id);
    });
  }
  std::vector<std::string> form_one(domain::OrganisationId within, Date on) {
    auto rows = db_->read([&](storage::ReadTx& tx) {
      return storage::ContactQueries(tx).open_in_district_level(path_of(within), on);
    });
    std::vector<std::string> names;
    for (const auto& r : rows) names.push_back(r.organisation_name + ":" + r.contact.name);
    return names;
  }
  std::map<domain::OrganisationId, storage::ReelectionRow> form_two(std::vector<domain::OrganisationId> bodies,
                                                                    Date on) {
    return db_->read([&](storage::ReadTx& tx) { return storage::ReelectionQueries(tx).in_force(bodies, on); });
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<services::Registry> registry_;
  std::unique_ptr<services::Contacts> contacts_;
  std::unique_ptr<services::Reelections> reelections_;
  domain::OrganisationId city_ = 0, district_ = 0, county_ = 0, town_ = 0;
};

}  // namespace

TEST_F(FormReadsTest, ContactsOpenOnADayInTheDistrictLevel) {
  contact(district_, "王秀英", Date(2016, 6, 2));
  auto ended = contact(district_, "李红", Date(2016, 5, 1));
  contacts_->EndContact(kActor, ended, Date(2016, 6, 10));
  contact(county_, "张丽", Date(2016, 7, 1));
  contact(town_, "赵敏", Date(2016, 6, 1));  // a township: not on form 1
  contact(city_, "孙梅", Date(2016, 6, 1));  // the city itself: not on form 1

  EXPECT_EQ(form_one(city_, Date(2016, 6, 20)), (std::vector<std::string>{"道里区妇联:王秀英"}));
  auto july = form_one(city_, Date(2016, 7, 1));
  EXPECT_EQ(july.size(), 2u);
  EXPECT_NE(std::find(july.begin(), july.end(), "依兰县妇联:张丽"), july.end());
  EXPECT_EQ(form_one(district_, Date(2016, 6, 5)), (std::vector<std::string>{"道里区妇联:李红", "道里区妇联:王秀英"}));
  EXPECT_EQ(form_one(district_, Date(2016, 6, 10)), (std::vector<std::string>{"道里区妇联:王秀英"}));  // her end day
  EXPECT_TRUE(form_one(town_, Date(2016, 7, 1)).empty());
  EXPECT_TRUE(form_one(city_, Date(2016, 4, 30)).empty());
}

TEST_F(FormReadsTest, TheReelectionInForceOnADayForEachBody) {
  auto d2008 = reelection(district_, Date(2008, 11, 20));
  auto d2013 = reelection(district_, Date(2013, 11, 28));
  auto c2014 = reelection(county_, Date(2014, 1, 15));

  auto in_2013 = form_two({district_, county_, town_}, Date(2013, 12, 1));
  ASSERT_EQ(in_2013.size(), 1u);
  EXPECT_EQ(in_2013.at(district_).reelection.id, d2013);
  auto on_the_eve = form_two({district_}, Date(2013, 11, 27));
  EXPECT_EQ(on_the_eve.at(district_).reelection.id, d2008);
  auto in_2016 = form_two({district_, county_}, Date(2016, 6, 20));
  ASSERT_EQ(in_2016.size(), 2u);
  EXPECT_EQ(in_2016.at(district_).reelection.id, d2013);
  EXPECT_EQ(in_2016.at(county_).reelection.id, c2014);
  EXPECT_EQ(in_2016.at(county_).organisation_name, "依兰县妇联");
  EXPECT_EQ(domain::next_reelection_on(in_2016.at(county_).reelection), Date(2019, 1, 15));
  EXPECT_TRUE(form_two({}, Date(2016, 6, 20)).empty());
  EXPECT_TRUE(form_two({district_}, Date(2008, 11, 19)).empty());
}
