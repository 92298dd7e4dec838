// The contacts and re-elections behind forms 1 and 2 (issue 11) against the real binary on
// SQLite and PostgreSQL: a contact named, changed and ended (never deleted); re-elections
// recorded, corrected and removed; bad input refused naming the field; a township's clerk
// kept out of the district's records; a viewer refused every change; each change audited.
#include <gtest/gtest.h>

#include <memory>

#include "../support/test_database.h"
#include "api_client.h"

using jinguo::api_test::Client;
using jinguo::api_test::created;
using jinguo::api_test::expect_refused;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

class ContactsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("联系人市妇联");
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
    city_ = world.city;
    district_ = created(admin_->post("/api/organisations", {{"parent_id", city_}, {"type", "district"}, {"name", "联系一区妇联"}}));
    county_ = created(admin_->post("/api/organisations", {{"parent_id", city_}, {"type", "county"}, {"name", "联系县妇联"}}));
    town_ = created(admin_->post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "联系镇妇联"}}));
    for (const auto& [name, org, role] : {std::tuple{"contact_district", district_, "federation_admin"},
                                          std::tuple{"contact_town", town_, "operator"},
                                          std::tuple{"contact_viewer", district_, "viewer"}})
      created(admin_->post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", org},
                                             {"role", role}}));
  }
  static void TearDownTestSuite() {
    admin_.reset();
    server_.reset();
  }
  static Client signed_in(const std::string& username) {
    return jinguo::api_test::signed_in(*server_, username, kPassword);
  }
  static json records_of(const std::string& entity, long long id) {
    return jinguo::api_test::audit_records_of(*admin_, entity, id);
  }
  static std::string contacts_of(long long body) { return "/api/organisations/" + std::to_string(body) + "/contacts"; }
  static std::string reelections_of(long long body) {
    return "/api/organisations/" + std::to_string(body) + "/reelections";
  }

  static inline std::unique_ptr<Server> server_;
  static inline std::unique_ptr<Client> admin_;
  static inline long long city_ = 0, district_ = 0, county_ = 0, town_ = 0;
};

TEST_F(ContactsTest, AContactIsNamedChangedAndEndedNeverDeleted) {
  Client district = signed_in("contact_district");
  auto a = district.post(contacts_of(district_), {{"name", " 王秀英 "}, {"post", "组织联络部部长"},
                                                  {"office_phone", "0451 8666 1234"}, {"mobile", "+86 138-0451-2345"},
                                                  {"email", "WangXY@Example.CN"}, {"start_on", "2016-06-02"}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  long long id = a.body["id"];
  EXPECT_EQ(a.body["organisation_id"], district_);
  EXPECT_EQ(a.body["organisation_name"], "联系一区妇联");
  EXPECT_EQ(a.body["name"], "王秀英");
  EXPECT_EQ(a.body["office_phone"], "0451-86661234");  // as the importer writes it
  EXPECT_EQ(a.body["mobile"], "13804512345");
  EXPECT_EQ(a.body["email"], "WangXY@example.cn");
  EXPECT_EQ(a.body["start_on"], "2016-06-02");
  EXPECT_TRUE(a.body["end_on"].is_null());

  auto open = district.get(contacts_of(district_) + "?on=2016-06-20").body;
  ASSERT_EQ(open["items"].size(), 1u) << open.dump();
  EXPECT_EQ(open["items"][0]["id"], id);
  EXPECT_EQ(district.get(contacts_of(district_) + "?on=2016-06-01").body["items"].size(), 0u);  // before she started

  auto changed = district.patch("/api/contacts/" + std::to_string(id), {{"post", nullptr}, {"mobile", "13904512345"}});
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_TRUE(changed.body["post"].is_null());
  EXPECT_EQ(changed.body["mobile"], "13904512345");
  // nothing changed: no record
  EXPECT_EQ(district.patch("/api/contacts/" + std::to_string(id), {{"mobile", "139 0451 2345"}}).status, 200);

  auto ended = district.post("/api/contacts/" + std::to_string(id) + "/end", {{"end_on", "2016-09-01"}});
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(ended.body["end_on"], "2016-09-01");
  EXPECT_EQ(district.get(contacts_of(district_) + "?on=2016-08-31").body["items"].size(), 1u);  // kept for the past
  EXPECT_EQ(district.get(contacts_of(district_) + "?on=2016-09-01").body["items"].size(), 0u);
  expect_refused(district.post("/api/contacts/" + std::to_string(id) + "/end", {{"end_on", "2016-10-01"}}), 422,
                 "contact_ended", "end_on");

  auto records = records_of("contact", id);
  ASSERT_EQ(records.size(), 3u) << records.dump();
  EXPECT_EQ(records[0]["action"], "end");
  EXPECT_EQ(records[0]["changes"]["end_on"]["after"], "2016-09-01");
  EXPECT_EQ(records[1]["action"], "update");
  EXPECT_EQ(records[1]["changes"]["post"]["before"], "组织联络部部长");
  EXPECT_EQ(records[1]["changes"]["mobile"]["after"], "13904512345");
  EXPECT_EQ(records[2]["action"], "create");
  EXPECT_EQ(records[2]["changes"]["name"]["after"], "王秀英");
  EXPECT_EQ(records[2]["organisation_id"], district_);
}

TEST_F(ContactsTest, BadContactsAreRefusedNamingTheField) {
  const std::string base = contacts_of(county_);
  const json ok = {{"name", "李红"}, {"mobile", "13804512345"}, {"start_on", "2016-06-02"}};
  auto with = [&](const char* field, json value) {
    json body = ok;
    body[field] = std::move(value);
    return admin_->post(base, body);
  };
  expect_refused(with("name", "李红2"), 422, "name_characters", "name");
  expect_refused(with("name", "  "), 422, "required", "name");
  expect_refused(with("mobile", "0451-86661234"), 422, "mobile_format", "mobile");
  expect_refused(with("office_phone", "请找办公室"), 422, "office_phone_format", "office_phone");
  expect_refused(with("email", "lihong@"), 422, "email_format", "email");
  expect_refused(with("post", std::string(51 * 3, 'a')), 422, "too_long", "post");
  expect_refused(with("mobile", nullptr), 422, "contact_unreachable", "mobile");
  expect_refused(with("start_on", "2016-02-30"), 422, "invalid_date", "start_on");
  auto bad_date = with("start_on", "2016/06/02");
  expect_refused(bad_date, 422, "invalid_date", "start_on");
  EXPECT_NE(bad_date.body["error"]["message"].get<std::string>().find("开始日期"), std::string::npos);
  expect_refused(with("start_on", 20160602), 400, "wrong_type", "start_on");
  expect_refused(with("rank", 1), 400, "unknown_field", "rank");
  expect_refused(admin_->get(base + "?on=2016-13-01"), 422, "invalid_date", "on");
  // an end on or before the start
  long long id = created(admin_->post(base, ok));
  expect_refused(admin_->post("/api/contacts/" + std::to_string(id) + "/end", {{"end_on", "2016-06-02"}}), 422,
                 "end_before_start", "end_on");
  expect_refused(admin_->post("/api/contacts/" + std::to_string(id) + "/end", json::object()), 422, "required",
                 "end_on");
  expect_refused(admin_->patch("/api/contacts/" + std::to_string(id), {{"email", "x@y.cn"}, {"mobile", "12"}}), 422,
                 "mobile_format", "mobile");
  expect_refused(admin_->post(contacts_of(999999), ok), 404, "not_found");
}

TEST_F(ContactsTest, ATownshipClerkCannotTouchTheDistrictsRecords) {
  long long contact = created(admin_->post(contacts_of(district_), {{"name", "张丽"}, {"email", "zhangli@example.cn"}}));
  long long reelection =
      created(admin_->post(reelections_of(district_), {{"held_on", "2013-11-28"}, {"delegates", 200}}));
  Client town = signed_in("contact_town");
  expect_refused(town.get(contacts_of(district_)), 404, "not_found");
  expect_refused(town.post(contacts_of(district_), {{"name", "越界"}, {"mobile", "13804512345"}}), 404, "not_found");
  expect_refused(town.patch("/api/contacts/" + std::to_string(contact), {{"post", "主席"}}), 404, "not_found");
  expect_refused(town.post("/api/contacts/" + std::to_string(contact) + "/end", {{"end_on", "2026-01-01"}}), 404,
                 "not_found");
  expect_refused(town.get(reelections_of(district_)), 404, "not_found");
  expect_refused(town.post(reelections_of(district_), {{"held_on", "2014-01-01"}, {"delegates", 10}}), 404,
                 "not_found");
  expect_refused(town.patch("/api/reelections/" + std::to_string(reelection), {{"delegates", 10}}), 404, "not_found");
  expect_refused(town.call("DELETE", "/api/reelections/" + std::to_string(reelection)), 404, "not_found");
  // her own township's contacts she keeps
  EXPECT_EQ(town.post(contacts_of(town_), {{"name", "赵敏"}, {"mobile", "13804512346"}}).status, 201);
  EXPECT_EQ(town.get(contacts_of(town_)).body["items"].size(), 1u);
}

TEST_F(ContactsTest, AViewerReadsButChangesNothing) {
  long long contact = created(admin_->post(contacts_of(district_), {{"name", "孙梅"}, {"mobile", "13804512347"}}));
  long long reelection =
      created(admin_->post(reelections_of(district_), {{"held_on", "2008-11-20"}, {"delegates", 180}}));
  Client viewer = signed_in("contact_viewer");
  EXPECT_EQ(viewer.get(contacts_of(district_)).status, 200);
  EXPECT_EQ(viewer.get(reelections_of(district_)).status, 200);
  expect_refused(viewer.post(contacts_of(district_), {{"name", "周芳"}, {"mobile", "13804512348"}}), 403, "forbidden");
  expect_refused(viewer.patch("/api/contacts/" + std::to_string(contact), {{"post", "主席"}}), 403, "forbidden");
  expect_refused(viewer.post("/api/contacts/" + std::to_string(contact) + "/end", {{"end_on", "2026-01-01"}}), 403,
                 "forbidden");
  expect_refused(viewer.post(reelections_of(district_), {{"held_on", "2014-01-01"}, {"delegates", 10}}), 403,
                 "forbidden");
  expect_refused(viewer.patch("/api/reelections/" + std::to_string(reelection), {{"delegates", 10}}), 403, "forbidden");
  expect_refused(viewer.call("DELETE", "/api/reelections/" + std::to_string(reelection)), 403, "forbidden");
}

TEST_F(ContactsTest, ReelectionsAreRecordedCorrectedAndRemoved) {
  Client district = signed_in("contact_district");
  const std::string base = reelections_of(county_);
  auto older = admin_->post(base, {{"held_on", "2009-03-05"}, {"term_years", 3}, {"delegates", 150}});
  ASSERT_EQ(older.status, 201) << older.body.dump();
  EXPECT_EQ(older.body["next_on"], "2012-03-05");
  auto a = admin_->post(base, {{"held_on", "2013-12-10"}, {"delegates", 240}, {"delegates_minority", 9},
                               {"delegates_party", 170}, {"delegates_grassroots", 130}, {"delegates_under_35", 36},
                               {"notes", " 第十四次妇女代表大会 "}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  long long id = a.body["id"];
  EXPECT_EQ(a.body["organisation_id"], county_);
  EXPECT_EQ(a.body["term_years"], 5);  // the default
  EXPECT_EQ(a.body["next_on"], "2018-12-10");
  EXPECT_EQ(a.body["delegates_party"], 170);
  EXPECT_EQ(a.body["notes"], "第十四次妇女代表大会");

  auto list = admin_->get(base).body["items"];
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["id"], id);  // the latest held first
  EXPECT_EQ(list[1]["held_on"], "2009-03-05");

  auto fixed = admin_->patch("/api/reelections/" + std::to_string(id), {{"term_years", 4}, {"notes", nullptr}});
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  EXPECT_EQ(fixed.body["next_on"], "2017-12-10");
  EXPECT_TRUE(fixed.body["notes"].is_null());

  expect_refused(admin_->post(base, {{"held_on", "2013-12-10"}, {"delegates", 1}}), 409, "reelection_exists", "held_on");
  expect_refused(admin_->patch("/api/reelections/" + std::to_string(older.body["id"].get<long long>()),
                               {{"held_on", "2013-12-10"}}),
                 409, "reelection_exists", "held_on");

  long long older_id = older.body["id"];
  EXPECT_EQ(admin_->call("DELETE", "/api/reelections/" + std::to_string(older_id)).status, 204);
  EXPECT_EQ(admin_->get(base).body["items"].size(), 1u);
  EXPECT_EQ(admin_->call("DELETE", "/api/reelections/" + std::to_string(older_id)).status, 404);

  auto records = records_of("reelection", id);
  ASSERT_EQ(records.size(), 2u) << records.dump();
  EXPECT_EQ(records[0]["action"], "update");
  EXPECT_EQ(records[0]["changes"]["term_years"]["before"], 5);
  EXPECT_EQ(records[0]["changes"]["term_years"]["after"], 4);
  EXPECT_EQ(records[1]["action"], "create");
  EXPECT_EQ(records[1]["changes"]["delegates"]["after"], 240);
  auto removed = records_of("reelection", older_id);
  ASSERT_EQ(removed.size(), 2u) << removed.dump();
  EXPECT_EQ(removed[0]["action"], "delete");
  EXPECT_EQ(removed[0]["changes"]["held_on"]["before"], "2009-03-05");
  EXPECT_TRUE(removed[0]["changes"]["held_on"]["after"].is_null());
  // the district administrator does not see the county
  expect_refused(district.get(base), 404, "not_found");
}

TEST_F(ContactsTest, ReelectionsOnlyForTheCityAndTheDistrictLevel) {
  expect_refused(admin_->post(reelections_of(town_), {{"held_on", "2014-01-01"}, {"delegates", 80}}), 422,
                 "reelection_body_type", "organisation_id");
  EXPECT_EQ(admin_->post(reelections_of(city_), {{"held_on", "2012-10-20"}, {"delegates", 500}}).status, 201);
}

TEST_F(ContactsTest, BadReelectionsAreRefusedNamingTheField) {
  const std::string base = reelections_of(district_);
  const json ok = {{"held_on", "2014-05-06"}, {"delegates", 100}};
  auto with = [&](const char* field, json value) {
    json body = ok;
    body[field] = std::move(value);
    return admin_->post(base, body);
  };
  expect_refused(with("term_years", 0), 422, "term_years_range", "term_years");
  expect_refused(with("term_years", 11), 422, "term_years_range", "term_years");
  expect_refused(with("delegates", -1), 422, "delegates_range", "delegates");
  expect_refused(with("delegates_minority", 101), 422, "breakdown_range", "delegates_minority");
  expect_refused(with("delegates_party", -1), 422, "breakdown_range", "delegates_party");
  expect_refused(with("delegates_grassroots", 101), 422, "breakdown_range", "delegates_grassroots");
  expect_refused(with("delegates_under_35", 101), 422, "breakdown_range", "delegates_under_35");
  expect_refused(with("notes", std::string(501, 'a')), 422, "too_long", "notes");
  expect_refused(with("held_on", "2099-01-01"), 422, "date_in_future", "held_on");
  expect_refused(with("held_on", "14-05-06"), 422, "invalid_date", "held_on");
  expect_refused(with("delegates", 99999999999LL), 422, "out_of_range", "delegates");
  expect_refused(with("delegates", "100"), 400, "wrong_type", "delegates");
  expect_refused(admin_->post(base, {{"delegates", 100}}), 422, "required", "held_on");
  expect_refused(admin_->post(base, {{"held_on", "2014-05-06"}}), 422, "required", "delegates");
  // a correction that leaves a breakdown over the total
  long long id = created(admin_->post(base, {{"held_on", "2014-05-07"}, {"delegates", 100}, {"delegates_party", 80}}));
  expect_refused(admin_->patch("/api/reelections/" + std::to_string(id), {{"delegates", 50}}), 422, "breakdown_range",
                 "delegates_party");
}

}  // namespace
