// Kept rosters and people pages (services/registry.h, "Kept answers") on SQLite and
// PostgreSQL: read a roster and a people page, write (appoint, end a position, rename a
// person, change a dictionary label, rename and move a body), read again: each change shows
// at once, on this server and on a second server on the same database; and a page is never
// handed to a caller whose scope would list other positions.
#include <memory>
#include <set>
#include <string>

#include "api_client.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::created;
using jinguo::api_test::id_number;
using jinguo::api_test::json;
using jinguo::api_test::kAdminPassword;
using jinguo::api_test::Server;

namespace {

class KeptAnswersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("常读市妇联");
    url_ = world.url;
    city_ = world.city;
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
    second_ = std::make_unique<Server>(url_);  // another server on the same database
    other_ = std::make_unique<Client>(second_->port());
    EXPECT_EQ(other_->login("admin", kAdminPassword).status, 200);
  }
  static void TearDownTestSuite() {
    other_.reset();
    second_.reset();
    admin_.reset();
    server_.reset();
  }
  static long long org(long long parent, const std::string& type, const std::string& name) {
    return created(admin_->post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}}));
  }
  static long long person(const std::string& name, const std::string& number) {
    return created(admin_->post("/api/people", {{"name", name}, {"id_number", number}}));
  }
  static long long appoint(Client& c, long long who, long long body, const std::string& role) {
    return created(c.post("/api/positions", {{"person_id", who}, {"organisation_id", body}, {"role", role},
                                             {"manner", "volunteer"}, {"start_on", "2016-06-01"}}));
  }
  static json read(Client& c, const std::string& path) {
    Answer a = c.get(path);
    EXPECT_EQ(a.status, 200) << path << " " << a.body.dump();
    return a.body;
  }
  // "name role_label" of each member of a roster.
  static std::set<std::string> members(Client& c, const std::string& roster) {
    std::set<std::string> out;
    // the page held here: `read(...)["items"]` as the range would be a reference into a
    // temporary destroyed before the loop runs (the loop then saw an empty roster)
    const json page = read(c, roster);
    for (const auto& m : page["items"])
      out.insert(m["name"].get<std::string>() + " " + m["role_label"].get<std::string>());
    return out;
  }
  // "name organisation_name role_label" of each current position on a people page, and its total.
  static std::set<std::string> listed(Client& c, const std::string& people, long long* total = nullptr) {
    std::set<std::string> out;
    json page = read(c, people);
    if (total) *total = page["total"].get<long long>();
    for (const auto& p : page["items"])
      for (const auto& held : p["current_positions"])
        out.insert(p["name"].get<std::string>() + " " + held["organisation_name"].get<std::string>() + " " +
                   held["role_label"].get<std::string>());
    return out;
  }

  static inline std::string url_;
  static inline long long city_ = 0;
  static inline std::unique_ptr<Server> server_, second_;
  static inline std::unique_ptr<Client> admin_, other_;
};

}  // namespace

TEST_F(KeptAnswersTest, KeptRostersAndPagesShowEveryWriteAtOnce) {
  long long district = org(city_, "district", "常读区妇联");
  long long other_district = org(city_, "district", "常读东区妇联");
  long long town = org(district, "township", "常读镇妇联");
  long long other_town = org(other_district, "township", "常读东镇妇联");
  long long village = org(town, "village_congress", "常读村妇代会");
  long long first = person("常读甲", id_number("23010219860201002"));
  long long second = person("常读乙", id_number("23010219860201004"));
  long long third = person("常读丙", id_number("23010219860201006"));
  long long ended = appoint(*admin_, first, village, "member");
  appoint(*admin_, second, village, "deputy_director");

  const std::string roster = "/api/organisations/" + std::to_string(village) + "/roster?on=2016-09-20";
  const std::string people = "/api/people?on=2016-09-20&organisation_id=" + std::to_string(district);
  const std::string people_east = "/api/people?on=2016-09-20&organisation_id=" + std::to_string(other_district);
  // Both servers keep what they read (each read twice: the second is the kept answer).
  auto both = [&](const std::string& path, auto expected, auto of) {
    for (Client* c : {admin_.get(), other_.get(), admin_.get(), other_.get()})
      EXPECT_EQ(of(*c, path), expected) << path << (c == other_.get() ? " (second server)" : "");
  };
  auto roster_of = [](Client& c, const std::string& path) { return members(c, path); };
  auto people_of = [](Client& c, const std::string& path) { return listed(c, path); };
  using Names = std::set<std::string>;
  both(roster, Names{"常读甲 委员", "常读乙 副主任"}, roster_of);
  both(people, Names{"常读甲 常读村妇代会 委员", "常读乙 常读村妇代会 副主任"}, people_of);

  // An appointment on the second server shows on both.
  appoint(*other_, third, village, "member");
  both(roster, Names{"常读甲 委员", "常读乙 副主任", "常读丙 委员"}, roster_of);
  both(people, Names{"常读甲 常读村妇代会 委员", "常读乙 常读村妇代会 副主任", "常读丙 常读村妇代会 委员"},
       people_of);

  // An ended position.
  ASSERT_EQ(admin_->post("/api/positions/" + std::to_string(ended) + "/end",
                         {{"end_on", "2016-09-01"}, {"end_reason", "调离"}})
                .status,
            200);
  both(roster, Names{"常读乙 副主任", "常读丙 委员"}, roster_of);
  both(people, Names{"常读乙 常读村妇代会 副主任", "常读丙 常读村妇代会 委员"}, people_of);

  // A person renamed (on the second server).
  ASSERT_EQ(other_->patch("/api/people/" + std::to_string(second), {{"name", "常读改"}}).status, 200);
  both(roster, Names{"常读改 副主任", "常读丙 委员"}, roster_of);
  both(people, Names{"常读改 常读村妇代会 副主任", "常读丙 常读村妇代会 委员"}, people_of);

  // A dictionary's label: in the roster and in the people page.
  ASSERT_EQ(admin_->patch("/api/dictionaries/role/member", {{"label", "执委委员"}}).status, 200);
  both(roster, Names{"常读改 副主任", "常读丙 执委委员"}, roster_of);
  both(people, Names{"常读改 常读村妇代会 副主任", "常读丙 常读村妇代会 执委委员"}, people_of);
  ASSERT_EQ(admin_->patch("/api/dictionaries/role/member", {{"label", "委员"}}).status, 200);
  both(roster, Names{"常读改 副主任", "常读丙 委员"}, roster_of);

  // The body renamed, then moved to the other district.
  ASSERT_EQ(other_->patch("/api/organisations/" + std::to_string(village), {{"name", "常读新村妇代会"}}).status, 200);
  both(people, Names{"常读改 常读新村妇代会 副主任", "常读丙 常读新村妇代会 委员"}, people_of);
  both(people_east, Names{}, people_of);
  ASSERT_EQ(admin_->post("/api/organisations/" + std::to_string(village) + "/move", {{"parent_id", other_town}}).status,
            200);
  both(people, Names{}, people_of);
  both(people_east, Names{"常读改 常读新村妇代会 副主任", "常读丙 常读新村妇代会 委员"}, people_of);
  both(roster, Names{"常读改 副主任", "常读丙 委员"}, roster_of);
}

TEST_F(KeptAnswersTest, APageDependsOnTheCallersScopeAndCountsPastTheEnd) {
  long long north = org(city_, "district", "常看北区妇联");
  long long south = org(city_, "district", "常看南区妇联");
  long long north_town = org(north, "township", "常看北镇妇联");
  long long south_town = org(south, "township", "常看南镇妇联");
  long long both_places = person("常看甲", id_number("23010219870301002"));
  appoint(*admin_, both_places, org(north_town, "village_congress", "常看北村妇代会"), "member");
  appoint(*admin_, both_places, org(south_town, "village_congress", "常看南村妇代会"), "member");
  ASSERT_EQ(admin_->post("/api/accounts", {{"username", "kept_north"}, {"password", "Quiet-North-Stone-42"},
                                           {"organisation_id", north}, {"role", "viewer"}})
                .status,
            201);
  Client viewer(server_->port());
  ASSERT_EQ(viewer.login("kept_north", "Quiet-North-Stone-42").status, 200);

  // The same request: the city sees both positions, the district only its own, whoever asks first.
  const std::string page = "/api/people?on=2016-09-20&organisation_id=" + std::to_string(north);
  EXPECT_EQ(listed(*admin_, page), (std::set<std::string>{"常看甲 常看北村妇代会 委员", "常看甲 常看南村妇代会 委员"}));
  EXPECT_EQ(listed(viewer, page), (std::set<std::string>{"常看甲 常看北村妇代会 委员"}));
  EXPECT_EQ(listed(*admin_, page), (std::set<std::string>{"常看甲 常看北村妇代会 委员", "常看甲 常看南村妇代会 委员"}));
  EXPECT_EQ(viewer.get("/api/people?organisation_id=" + std::to_string(south)).status, 404);

  // A page or roster kept for the city is still no answer for a caller outside its body: the
  // kept answer is handed out only after her scope is checked against the body's path.
  const std::string south_page = "/api/people?on=2016-09-20&organisation_id=" + std::to_string(south);
  const std::string south_roster = "/api/organisations/" + std::to_string(south_town) + "/roster?on=2016-09-20";
  read(*admin_, south_page);
  read(*admin_, south_roster);
  EXPECT_EQ(viewer.get(south_page).status, 404);
  EXPECT_EQ(viewer.get(south_roster).status, 404);
  EXPECT_EQ(viewer.get("/api/organisations/" + std::to_string(north_town) + "/roster?on=2016-09-20").status, 200);

  // The total comes with the page, and past its end from a count of its own.
  long long total = 0;
  listed(*admin_, page, &total);
  EXPECT_EQ(total, 1);
  json past = read(*admin_, page + "&page=3&page_size=1");
  EXPECT_TRUE(past["items"].empty());
  EXPECT_EQ(past["total"], 1);
  json first_of_all = read(*admin_, "/api/people?on=2016-09-20&page_size=1&status=all");
  EXPECT_EQ(first_of_all["items"].size(), 1u);
  EXPECT_GE(first_of_all["total"].get<long long>(), 3);
}
