// GET /api/people with its filters (issue 9) on SQLite and PostgreSQL: a subtree, role,
// manner, source, current/former/all on a date, a name prefix or a full ID number, sort,
// and former positions.
#include <memory>
#include <set>

#include "api_client.h"
#include "domain/id_number.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

using jinguo::api_test::id_number;

std::string encode(const std::string& text) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : text) {
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

class PeopleFiltersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("筛选市妇联");
    url_ = world.url;
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
  }
  static void TearDownTestSuite() {
    admin_.reset();
    server_.reset();
  }
  static long long org(long long parent, const std::string& type, const std::string& name) {
    auto a = admin_->post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static long long person(const std::string& name, const std::string& number) {
    auto a = admin_->post("/api/people", {{"name", name}, {"id_number", number}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static long long appoint(long long who, long long body, const std::string& role, const std::string& manner,
                           const json& source, const std::string& start_on) {
    auto a = admin_->post("/api/positions", {{"person_id", who}, {"organisation_id", body}, {"role", role},
                                             {"manner", manner}, {"source", source}, {"start_on", start_on}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static std::set<long long> ids(const Answer& a) {
    EXPECT_EQ(a.status, 200) << a.body.dump();
    std::set<long long> out;
    for (const auto& p : a.body["items"]) out.insert(p["id"].get<long long>());
    EXPECT_EQ(a.body["total"], out.size()) << a.body.dump();
    return out;
  }

  static inline std::string url_;
  static inline std::unique_ptr<Server> server_;
  static inline std::unique_ptr<Client> admin_;
};

}  // namespace

TEST_F(PeopleFiltersTest, BySubtreeRoleMannerSourceStatusDateAndText) {
  long long city = admin_->get("/api/auth/me").body["organisation"]["id"];
  long long district = org(city, "district", "筛选区妇联");
  long long town = org(district, "township", "筛选镇妇联");
  long long a = org(town, "village_congress", "甲村妇代会");
  long long b = org(town, "village_congress", "乙村妇代会");
  std::string third_number = id_number("23010219860101006");
  long long first = person("筛选甲", id_number("23010219860101002"));
  long long second = person("筛选乙", id_number("23010219860101004"));
  long long third = person("筛选丙", third_number);
  long long unplaced = person("筛选丁", id_number("23010219860101008"));
  appoint(first, a, "member", "volunteer", nullptr, "2016-06-01");
  long long ended = appoint(second, a, "deputy_director", "volunteer", nullptr, "2016-06-01");
  ASSERT_EQ(admin_->post("/api/positions/" + std::to_string(ended) + "/end",
                         {{"end_on", "2016-09-01"}, {"end_reason", "调离"}})
                .status,
            200);
  appoint(third, b, "member", "part_time", "social_worker", "2016-07-01");

  std::string in_district = "/api/people?organisation_id=" + std::to_string(district);
  std::string in_a = "/api/people?organisation_id=" + std::to_string(a);
  EXPECT_EQ(ids(admin_->get(in_district)), (std::set<long long>{first, third}));  // current today by default
  EXPECT_EQ(ids(admin_->get(in_a)), (std::set<long long>{first}));
  auto former = admin_->get(in_a + "&status=former");
  EXPECT_EQ(ids(former), (std::set<long long>{second}));
  ASSERT_EQ(former.body["items"][0]["former_positions"].size(), 1u) << former.body.dump();
  EXPECT_EQ(former.body["items"][0]["former_positions"][0]["end_on"], "2016-09-01");
  EXPECT_EQ(former.body["items"][0]["former_positions"][0]["role_label"], "副主任");
  EXPECT_EQ(former.body["items"][0]["former_positions"][0]["organisation_name"], "甲村妇代会");
  EXPECT_TRUE(former.body["items"][0]["current_positions"].empty());
  EXPECT_EQ(ids(admin_->get(in_a + "&status=all")), (std::set<long long>{first, second}));
  EXPECT_EQ(ids(admin_->get(in_a + "&on=2016-08-01")), (std::set<long long>{first, second}));  // before the end
  EXPECT_TRUE(ids(admin_->get(in_a + "&on=2016-05-31&status=all")).empty());                    // before any start

  EXPECT_EQ(ids(admin_->get(in_district + "&role=member")), (std::set<long long>{first, third}));
  EXPECT_EQ(ids(admin_->get(in_district + "&manner=part_time")), (std::set<long long>{third}));
  EXPECT_EQ(ids(admin_->get(in_district + "&source=social_worker")), (std::set<long long>{third}));
  EXPECT_EQ(ids(admin_->get(in_district + "&role=deputy_director&status=former")), (std::set<long long>{second}));
  EXPECT_TRUE(ids(admin_->get(in_district + "&role=deputy_director")).empty());

  // q: a name prefix, or a full ID number; a partial number matches nobody.
  EXPECT_EQ(ids(admin_->get(in_district + "&q=" + encode("筛选甲"))), (std::set<long long>{first}));
  EXPECT_EQ(ids(admin_->get(in_district + "&status=all&q=" + encode("筛选"))),
            (std::set<long long>{first, second, third}));
  EXPECT_EQ(ids(admin_->get(in_district + "&q=" + third_number)), (std::set<long long>{third}));
  EXPECT_TRUE(ids(admin_->get(in_district + "&q=" + third_number.substr(0, 12))).empty());
  // All, in the whole scope, also lists a registered person who holds no position yet.
  EXPECT_TRUE(ids(admin_->get("/api/people?status=all&q=" + encode("筛选"))).count(unplaced));
  EXPECT_FALSE(ids(admin_->get("/api/people?q=" + encode("筛选"))).count(unplaced));

  auto sorted = admin_->get(in_district + "&sort=start_on&order=desc");
  ASSERT_EQ(sorted.body["items"].size(), 2u);
  EXPECT_EQ(sorted.body["items"][0]["id"], third);  // started 2016-07-01
  auto by_name = admin_->get(in_district + "&status=all&sort=name");
  ASSERT_EQ(by_name.body["items"].size(), 3u);

  EXPECT_EQ(admin_->get(in_district + "&status=sometimes").status, 400);
  EXPECT_EQ(admin_->get("/api/people?organisation_id=99999999").status, 404);
  EXPECT_EQ(admin_->get(in_district + "&on=2016-02-30").status, 400);
}

TEST_F(PeopleFiltersTest, TheStartPageShowsFailingBodiesAndRecentChanges) {
  long long city = admin_->get("/api/auth/me").body["organisation"]["id"];
  long long district = org(city, "district", "首页区妇联");
  long long town = org(district, "township", "首页镇妇联");
  long long congress = org(town, "village_congress", "首页村妇代会");
  long long who = person("首页甲", id_number("23010219870101002"));
  appoint(who, congress, "director", "volunteer", nullptr, "2016-06-01");
  ASSERT_EQ(admin_->post("/api/accounts", {{"username", "home_viewer"}, {"password", "Quiet-Home-Stone-42"},
                                           {"organisation_id", district}, {"role", "viewer"}})
                .status,
            201);
  Client viewer(server_->port());
  ASSERT_EQ(viewer.login("home_viewer", "Quiet-Home-Stone-42").status, 200);
  auto home = viewer.get("/api/home");
  ASSERT_EQ(home.status, 200) << home.body.dump();
  EXPECT_EQ(home.body["organisation"]["id"], district);
  EXPECT_EQ(home.body["organisation"]["type"], "district");
  EXPECT_EQ(home.body["today"], admin_->get("/api/meta").body["today"]);
  EXPECT_EQ(home.body["attention"]["short"], 2);  // the township and the congress are short
  EXPECT_EQ(home.body["attention"]["over"], 0);
  ASSERT_EQ(home.body["attention"]["items"].size(), 2u);
  for (const auto& item : home.body["attention"]["items"]) {
    EXPECT_EQ(item["status"], "short");
    EXPECT_FALSE(item["summary"].get<std::string>().empty());
    EXPECT_FALSE(item["summary_en"].get<std::string>().empty());
  }
  ASSERT_FALSE(home.body["recent"].empty());
  json newest = home.body["recent"][0];
  EXPECT_EQ(newest["entity"], "position");
  EXPECT_EQ(newest["action"], "create");
  EXPECT_EQ(newest["entity_label"], "首页甲 · 主任 · 首页村妇代会");
  EXPECT_EQ(newest["person_name"], "首页甲");
  EXPECT_FALSE(newest.contains("changes"));
  for (const auto& r : home.body["recent"]) EXPECT_NE(r["entity"], "account") << r.dump();
  EXPECT_LE(home.body["recent"].size(), 10u);
}
