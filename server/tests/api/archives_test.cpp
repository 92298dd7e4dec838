// The survey archives (issue 10, part 6) against the real binary on SQLite and PostgreSQL:
// outstanding women and women's social organisations archived, found, corrected and
// removed within the caller's subtree, each change with its audit record; bad input refused
// with the field named; another district's entries out of sight.
#include <gtest/gtest.h>

#include <memory>

#include "../support/test_database.h"
#include "api_client.h"
#include "domain/id_number.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

using jinguo::api_test::id_number;

class ArchivesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("档案市妇联");
    url_ = world.url;
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
    long long city = world.city;
    one_ = created(admin_->post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "档案一区妇联"}}));
    two_ = created(admin_->post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "档案二区妇联"}}));
    town_ = created(admin_->post("/api/organisations", {{"parent_id", one_}, {"type", "township"}, {"name", "档案镇妇联"}}));
    for (const auto& [name, org, role] : {std::tuple{"arch_one", one_, "federation_admin"},
                                          std::tuple{"arch_two", two_, "federation_admin"},
                                          std::tuple{"arch_viewer", one_, "viewer"}})
      created(admin_->post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", org},
                                             {"role", role}}));
    woman_id_number_ = id_number("23010219800101002");
    woman_ = created(admin_->post("/api/people", {{"name", "王秀英"}, {"id_number", woman_id_number_}}));
    man_ = created(admin_->post("/api/people", {{"name", "李强"}, {"id_number", id_number("23010219800101001")}}));
  }
  static void TearDownTestSuite() {
    admin_.reset();
    server_.reset();
  }
  static long long created(const Answer& a) {
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static Client signed_in(const std::string& username) {
    Client c(server_->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200) << username;
    return c;
  }
  static void expect_refused(const Answer& a, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(a.status, status) << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
    if (!field.empty()) EXPECT_EQ(a.body["error"]["field"], field) << a.body.dump();
  }
  // The audit records of an archive entry, newest first.
  static json records_of(const std::string& entity, long long id) {
    json out = json::array();
    const json page = admin_->get("/api/audit?entity=" + entity + "&page_size=200").body;
    for (const auto& e : page["items"])
      if (e["entity_id"] == std::to_string(id)) out.push_back(e);
    return out;
  }

  static inline std::string url_, woman_id_number_;
  static inline std::unique_ptr<Server> server_;
  static inline std::unique_ptr<Client> admin_;
  static inline long long one_ = 0, two_ = 0, town_ = 0, woman_ = 0, man_ = 0;
};

TEST_F(ArchivesTest, OutstandingWomenAreArchivedFoundCorrectedAndRemoved) {
  Client one = signed_in("arch_one");
  const std::string base = "/api/archives/outstanding-women";
  // by the full ID number (she was registered by the city, outside the district's sight)
  auto a = one.post(base, {{"id_number", woman_id_number_}, {"organisation_id", town_}, {"honour", " 三八红旗手 "},
                           {"field", "农业"}, {"year", 2015}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  long long id = a.body["id"];
  EXPECT_EQ(a.body["honour"], "三八红旗手");  // trimmed
  EXPECT_EQ(a.body["person_name"], "王秀英");
  EXPECT_EQ(a.body["id_number_masked"].get<std::string>().find("1980"), std::string::npos);  // masked
  EXPECT_EQ(a.body["organisation_name"], "档案镇妇联");

  auto list = one.get(base + "?q=" + "%E7%8E%8B" /* 王 */).body;
  ASSERT_EQ(list["total"], 1) << list.dump();
  EXPECT_EQ(list["items"][0]["id"], id);
  EXPECT_EQ(one.get(base + "?year=2014").body["total"], 0);
  EXPECT_EQ(one.get(base + "?year=2015").body["total"], 1);

  auto fixed = one.patch(base + "/" + std::to_string(id), {{"field", nullptr}, {"year", 2016}});
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  EXPECT_TRUE(fixed.body["field"].is_null());
  EXPECT_EQ(fixed.body["year"], 2016);
  auto records = records_of("outstanding_woman", id);
  ASSERT_EQ(records.size(), 2u) << records.dump();
  EXPECT_EQ(records[0]["action"], "update");
  EXPECT_EQ(records[0]["changes"]["year"]["before"], 2015);
  EXPECT_EQ(records[0]["changes"]["field"]["after"], nullptr);
  EXPECT_EQ(records[1]["action"], "create");
  EXPECT_EQ(records[1]["changes"]["honour"]["after"], "三八红旗手");
  // nothing changed: no record
  EXPECT_EQ(one.patch(base + "/" + std::to_string(id), {{"year", 2016}}).status, 200);
  EXPECT_EQ(records_of("outstanding_woman", id).size(), 2u);

  expect_refused(one.post(base, {{"id_number", woman_id_number_}, {"organisation_id", town_}, {"honour", "三八红旗手"}}),
                 409, "archive_entry_exists", "honour");
  // her person record stays out of the district's sight (she holds no position in it): person_id is not enough
  expect_refused(one.post(base, {{"person_id", woman_}, {"organisation_id", town_}, {"honour", "致富带头人"}}), 404,
                 "not_found", "person_id");
  EXPECT_EQ(one.call("DELETE", base + "/" + std::to_string(id)).status, 200);
  EXPECT_EQ(one.get(base + "/" + std::to_string(id)).status, 404);
  records = records_of("outstanding_woman", id);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["action"], "delete");
  EXPECT_EQ(records[0]["changes"]["honour"]["before"], "三八红旗手");
}

TEST_F(ArchivesTest, BadOutstandingWomenAreRefusedWithTheField) {
  const std::string base = "/api/archives/outstanding-women";
  expect_refused(admin_->post(base, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "  "}}), 422,
                 "required", "honour");
  expect_refused(admin_->post(base, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "标兵"}, {"year", 1800}}),
                 422, "year_range", "year");
  expect_refused(admin_->post(base, {{"person_id", man_}, {"organisation_id", one_}, {"honour", "标兵"}}), 422,
                 "person_not_female");
  expect_refused(admin_->post(base, {{"organisation_id", one_}, {"honour", "标兵"}}), 422, "required", "person_id");
  expect_refused(admin_->post(base, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "标兵"}, {"year", "2015"}}),
                 400, "wrong_type", "year");
  expect_refused(admin_->post(base, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "标兵"}, {"rank", 1}}),
                 400, "unknown_field", "rank");
  expect_refused(admin_->post(base, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "标兵"},
                                     {"year", 99999999999LL}}),
                 422, "out_of_range", "year");
  expect_refused(admin_->post(base, {{"id_number", "230102198001010000"}, {"organisation_id", one_}, {"honour", "标兵"}}),
                 422, "id_number_checksum", "id_number");
  EXPECT_EQ(admin_->get(base).body["total"], 0);  // nothing stored
}

// The contact is often the head's own mobile: personal data, masked in every answer and audit
// record, shown in full through reveal (audited); its masked form sent back changes nothing.
TEST_F(ArchivesTest, SocialOrganisationsAreArchivedWithTheirContact) {
  Client one = signed_in("arch_one");
  const std::string base = "/api/archives/social-organisations";
  auto a = one.post(base, {{"organisation_id", town_}, {"name", "巾帼志愿服务队"}, {"kind", "社区社会组织"},
                           {"field", "养老"}, {"head_name", "赵丽"}, {"member_count", 36},
                           {"contact", "138 0451 2345"}, {"founded_on", "2014-03-08"}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  long long id = a.body["id"];
  EXPECT_EQ(a.body["contact"], "138****2345");
  EXPECT_EQ(a.body["founded_on"], "2014-03-08");
  const std::string reveal = base + "/" + std::to_string(id) + "/reveal";
  auto full = one.post(reveal, {{"field", "contact"}});
  ASSERT_EQ(full.status, 200) << full.body.dump();
  EXPECT_EQ(full.body["value"], "13804512345");
  expect_refused(one.post(reveal, {{"field", "head_name"}}), 422, "unknown_field", "field");
  EXPECT_EQ(signed_in("arch_viewer").post(reveal, {{"field", "contact"}}).status, 403);
  auto echoed = one.patch(base + "/" + std::to_string(id), {{"contact", "138****2345"}, {"field", "养老服务"}});
  ASSERT_EQ(echoed.status, 200) << echoed.body.dump();
  EXPECT_EQ(one.post(reveal, {{"field", "contact"}}).body["value"], "13804512345");
  EXPECT_EQ(one.get(base + "?kind=" + "%E7%A4%BE%E5%8C%BA%E7%A4%BE%E4%BC%9A%E7%BB%84%E7%BB%87").body["total"], 1);
  EXPECT_EQ(one.get(base + "?kind=" + "%E7%A4%BE%E5%8C%BA").body["total"], 1);  // 社区: the kind contains it
  EXPECT_EQ(one.get(base + "?kind=" + "%E5%8D%8F%E4%BC%9A").body["total"], 0);  // 协会: it does not
  EXPECT_EQ(one.get(base + "?within=" + std::to_string(town_)).body["total"], 1);

  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "巾帼志愿服务队"}}), 409,
                 "social_organisation_exists", "name");
  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "x"}, {"contact", "call me"}}), 422,
                 "contact_format", "contact");
  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "x"}, {"member_count", -1}}), 422,
                 "member_count_range", "member_count");
  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "x"}, {"founded_on", "2999-01-01"}}), 422,
                 "date_in_future", "founded_on");
  // The head is a person: her name is refused with an emoji or a control character, on create and on edit.
  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "x"}, {"head_name", "张三😀"}}), 422,
                 "name_characters", "head_name");
  expect_refused(one.patch(base + "/" + std::to_string(id), {{"head_name", "张\a三"}}), 422, "control_characters",
                 "head_name");
  // Control characters are refused in any text (a bell copied from another system), line breaks kept in notes.
  expect_refused(one.post(base, {{"organisation_id", town_}, {"name", "巾帼\a志愿队"}}), 422, "control_characters", "name");
  expect_refused(admin_->post("/api/organisations", {{"parent_id", town_}, {"type", "village"}, {"name", "新农\a村妇联"}}), 422,
                 "control_characters", "name");

  auto fixed = one.patch(base + "/" + std::to_string(id), {{"member_count", nullptr}, {"contact", "0451-84694842"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  EXPECT_TRUE(fixed.body["member_count"].is_null());
  EXPECT_EQ(fixed.body["contact"], "0451*****4842");
  EXPECT_EQ(one.call("DELETE", base + "/" + std::to_string(id)).status, 200);
  auto records = records_of("social_organisation", id);
  ASSERT_EQ(records.size(), 6u) << records.dump();  // create, 2 reveals, the echo's update, the fix, delete
  EXPECT_EQ(records[0]["action"], "delete");
  EXPECT_EQ(records[1]["changes"]["member_count"]["before"], 36);
  EXPECT_EQ(records[1]["changes"]["contact"]["before"], "138****2345");
  EXPECT_EQ(records[1]["changes"]["contact"]["after"], "0451*****4842");
  EXPECT_EQ(records[2]["action"], "reveal");
  EXPECT_EQ(records[3]["action"], "update");
  EXPECT_FALSE(records[3]["changes"].contains("contact")) << records[3].dump();  // the echo: the field only
  EXPECT_EQ(records[4]["action"], "reveal");
  EXPECT_EQ(records.back()["changes"]["contact"]["after"], "138****2345");
}

TEST_F(ArchivesTest, AnotherDistrictSeesNothingAndAViewerWritesNothing) {
  const std::string women = "/api/archives/outstanding-women", social = "/api/archives/social-organisations";
  long long w = created(admin_->post(women, {{"person_id", woman_}, {"organisation_id", one_}, {"honour", "巾帼建功标兵"}}));
  long long s = created(admin_->post(social, {{"organisation_id", one_}, {"name", "一区妇女手工协会"}}));
  Client two = signed_in("arch_two");
  EXPECT_EQ(two.get(women).body["total"], 0);
  EXPECT_EQ(two.get(social).body["total"], 0);
  EXPECT_EQ(two.get(women + "/" + std::to_string(w)).status, 404);
  EXPECT_EQ(two.patch(social + "/" + std::to_string(s), {{"name", "改名"}}).status, 404);
  EXPECT_EQ(two.call("DELETE", women + "/" + std::to_string(w)).status, 404);
  EXPECT_EQ(two.get(women + "?within=" + std::to_string(one_)).status, 404);
  expect_refused(two.post(social, {{"organisation_id", one_}, {"name", "越界"}}), 404, "not_found", "organisation_id");
  Client viewer = signed_in("arch_viewer");
  EXPECT_EQ(viewer.get(women).body["total"], 1);  // reads her subtree
  EXPECT_EQ(viewer.post(social, {{"organisation_id", one_}, {"name", "查看者"}}).status, 403);
  EXPECT_EQ(viewer.call("DELETE", social + "/" + std::to_string(s)).status, 403);
}

}  // namespace
