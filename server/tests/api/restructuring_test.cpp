// Restructuring the tree (issue 11, "The tree as it stood") against the real binary on SQLite and
// PostgreSQL: a township renamed and then merged into its neighbour (撤乡并镇), a village moved,
// a village 妇代会 converted into a village 妇联, a village becoming a community (村改居), a street
// moved to another district. Forms taken before the changes are taken again after them and must
// not have moved; forms after them must equal a recount from the rosters over the tree as the
// history says it stood. Also: what each operation did to positions, and its refusals.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

#include "api_client.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";
constexpr const char* kBaseline = "2016-06-01";
constexpr const char* kBefore = "2016-07-01";   // before every change
constexpr const char* kBetween = "2016-08-22";  // after the move, rename and conversion; before 村改居 and the merge
constexpr const char* kAfter = "2016-09-20";    // after every change

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : ""; }

class RestructuringTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("重组市妇联"));
    district_ = body(world_->city, "district", "重组区妇联");
    neighbour_ = body(world_->city, "district", "邻区妇联");
    t1_ = body(district_, "township", "甲镇妇联");
    t2_ = body(district_, "township", "乙镇妇联");
    s1_ = body(district_, "street", "丙街道妇联");
    v1_ = body(t1_, "village", "甲一村妇联");
    v2_ = body(t1_, "village", "甲二村妇联");
    vc_ = body(t1_, "village_congress", "甲三村妇代会");
    v3_ = body(t2_, "village", "乙一村妇联");
    c1_ = body(s1_, "community", "丙一社区妇联");
    s2_ = body(neighbour_, "street", "丁街道妇联");

    for (long long b : {t1_, t2_, s1_, v1_, v2_, vc_, v3_, c1_, s2_}) {
      const bool congress = b == vc_;
      const std::vector<std::string> roles =
          congress ? std::vector<std::string>{"director", "deputy_director", "member", "member"}
                   : std::vector<std::string>{"chair", "vice_chair", "executive", "executive"};
      for (const auto& role : roles) {
        const int i = next_++;
        appoint(person(i), b, role, i % 3 == 0 ? "2016-07-15" : "2016-03-01");
      }
    }
    both_ = person(next_++);  // an executive of both townships: the merge must not seat her twice
    appoint(both_, t1_, "executive", "2016-03-01");
    appoint(both_, t2_, "executive", "2016-03-01");

    auto account = [&](const std::string& name, long long organisation) {
      auto a = world_->admin->post("/api/accounts", {{"username", name}, {"password", kPassword},
                                                     {"organisation_id", organisation}, {"role", "operator"}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
    };
    account("restructure_township", t1_);

    for (int form : {4, 5})
      for (long long within : {world_->city, district_, neighbour_, t1_})
        before_[key(form, within, kBefore)] = form_json(form, within, kBefore);

    // The changes, in the order of their days.
    expect_ok(world_->admin->post(path(v1_, "move"), {{"parent_id", t2_}, {"on", "2016-08-10"}}));
    expect_ok(world_->admin->post(path(t1_, "rename"), {{"name", "甲乡妇联"}, {"on", "2016-08-15"}}));
    convert_ = world_->admin->post(path(vc_, "convert"), {{"type", "village"}, {"on", "2016-08-20"}});
    expect_ok(convert_);
    expect_ok(world_->admin->post(path(v3_, "convert"), {{"type", "community"}, {"on", "2016-08-25"}}));
    merge_ = world_->admin->post(path(t1_, "merge"), {{"into_id", t2_}, {"on", "2016-09-01"}});
    expect_ok(merge_);
    expect_ok(world_->admin->post(path(s1_, "move"), {{"parent_id", neighbour_}, {"on", "2016-09-05"}}));
  }
  static void TearDownTestSuite() { world_.reset(); }

  static void expect_ok(const jinguo::api_test::Answer& a) { EXPECT_EQ(a.status, 200) << a.body.dump(); }

  static std::string path(long long id, const std::string& what) {
    return "/api/organisations/" + std::to_string(id) + "/" + what;
  }

  static long long body(long long parent, const std::string& type, const std::string& name) {
    auto a = world_->admin->post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    const long long id = a.body.value("id", 0LL);
    if (type != "district") bodies_.push_back(id);
    return id;
  }

  static long long person(int i) {
    const std::string birth = std::to_string(1955 + (i * 7) % 40) + (i % 2 ? "0920" : "0315");
    json p{{"name", "赵" + jinguo::api_test::han_digits(i)},
           {"id_number", jinguo::api_test::id_number("230104" + birth + std::to_string(200 + i * 2))},
           {"ethnicity", i % 4 == 0 ? "03" : "01"}};
    auto a = world_->admin->post("/api/people", p);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static long long appoint(long long who, long long body, const std::string& role, const std::string& start) {
    json p{{"person_id", who}, {"organisation_id", body}, {"role", role}, {"manner", "part_time"},
           {"source", "grassroots_cadre"}, {"start_on", start}};
    auto a = world_->admin->post("/api/positions", p);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static std::string key(int form, long long within, const std::string& on) {
    return std::to_string(form) + "/" + std::to_string(within) + "/" + on;
  }

  static json form_json(int form, long long within, const std::string& on) {
    auto a = world_->admin->get("/api/forms/" + std::to_string(form) + "?within=" + std::to_string(within) +
                                "&on=" + on + "&baseline=" + kBaseline);
    EXPECT_EQ(a.status, 200) << a.body.dump();
    return json{{"rows", a.body["rows"]}, {"totals", a.body["totals"]}};
  }

  static json roster(long long id, const std::string& on) {
    auto a = world_->admin->get(path(id, "roster?on=" + on));
    EXPECT_EQ(a.status, 200) << a.body.dump();
    return a.body["items"];
  }

  // A body's version on a day (from its history), or null when it had none.
  static json version_on(long long id, const std::string& on) {
    auto a = world_->admin->get(path(id, "history"));
    EXPECT_EQ(a.status, 200) << a.body.dump();
    for (const auto& v : a.body["items"]) {
      const std::string from = v["valid_from"].is_null() ? "" : v["valid_from"].get<std::string>();
      const std::string to = v["valid_to"].is_null() ? "9999" : v["valid_to"].get<std::string>();
      if (from <= on && on < to) return v;
    }
    return nullptr;
  }

  // Whether the body lay under `within` on the day, by walking the parents of its versions.
  static bool under_on(long long id, long long within, const std::string& on) {
    for (long long at = id; at != 0;) {
      if (at == within) return true;
      json v = version_on(at, on);
      if (v.is_null() || v["parent_id"].is_null()) return false;
      at = v["parent_id"].get<long long>();
    }
    return false;
  }

  // Form 4's body and member columns recounted from the rosters over the tree as it stood.
  static std::map<std::string, std::map<std::string, long long>> recount(long long within, const std::string& on) {
    std::map<std::string, std::map<std::string, std::set<long long>>> people;
    std::map<std::string, std::map<std::string, long long>> counts;
    for (long long b : bodies_) {
      if (!under_on(b, within, on)) continue;
      auto detail = world_->admin->get("/api/organisations/" + std::to_string(b)).body;
      const std::string closed = text_of(detail["closed_on"]);
      if (!closed.empty() && closed <= on) continue;
      const std::string type = version_on(b, on)["type"];
      ++counts[type]["bodies"];
      for (const auto& item : roster(b, on)) {
        people[type]["members_after"].insert(item["person_id"].get<long long>());
        people[type][text_of(item["role"])].insert(item["person_id"].get<long long>());
      }
    }
    for (const auto& [row, columns] : people)
      for (const auto& [column, who] : columns) counts[row][column] = static_cast<long long>(who.size());
    return counts;
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline long long district_ = 0, neighbour_ = 0, t1_ = 0, t2_ = 0, s1_ = 0, s2_ = 0, v1_ = 0, v2_ = 0,
                          vc_ = 0, v3_ = 0, c1_ = 0, both_ = 0;
  static inline int next_ = 1;
  static inline std::vector<long long> bodies_;
  static inline std::map<std::string, json> before_;
  static inline jinguo::api_test::Answer convert_, merge_;
};

TEST_F(RestructuringTest, HistoryKeepsWhereABodyStoodAndWhatItWasCalled) {
  auto t1 = world_->admin->get(path(t1_, "history")).body["items"];
  ASSERT_EQ(t1.size(), 2u) << t1.dump();
  EXPECT_TRUE(t1[0]["valid_from"].is_null());
  EXPECT_EQ(t1[0]["valid_to"], "2016-08-15");
  EXPECT_EQ(t1[0]["name"], "甲镇妇联");
  EXPECT_EQ(t1[1]["valid_from"], "2016-08-15");
  EXPECT_EQ(t1[1]["name"], "甲乡妇联");
  EXPECT_EQ(t1[1]["parent_name"], "重组区妇联");

  auto v1 = world_->admin->get(path(v1_, "history")).body["items"];
  ASSERT_EQ(v1.size(), 2u) << v1.dump();
  EXPECT_EQ(v1[0]["parent_id"], t1_);
  EXPECT_EQ(v1[1]["parent_id"], t2_);
  EXPECT_EQ(v1[1]["parent_name"], "乙镇妇联");

  // The street moved with its community: both have a version from the day of the move.
  auto c1 = world_->admin->get(path(c1_, "history")).body["items"];
  ASSERT_EQ(c1.size(), 2u) << c1.dump();
  EXPECT_EQ(c1[1]["valid_from"], "2016-09-05");
  EXPECT_EQ(c1[1]["parent_id"], s1_);

  auto v3 = world_->admin->get(path(v3_, "history")).body["items"];
  ASSERT_EQ(v3.size(), 2u);
  EXPECT_EQ(v3[0]["type"], "village");
  EXPECT_EQ(v3[1]["type"], "community");
  EXPECT_EQ(v3[1]["type_label"], "社区妇联");
}

TEST_F(RestructuringTest, AConvertedCongressHoldsFederationRolesFromTheDay) {
  EXPECT_EQ(convert_.body["type"], "village");
  std::multiset<std::string> before, after;
  for (const auto& item : roster(vc_, "2016-08-19")) before.insert(text_of(item["role"]));
  for (const auto& item : roster(vc_, "2016-08-20")) after.insert(text_of(item["role"]));
  EXPECT_EQ(before, (std::multiset<std::string>{"director", "deputy_director", "member", "member"}));
  EXPECT_EQ(after, (std::multiset<std::string>{"chair", "vice_chair", "executive", "executive"}));
}

TEST_F(RestructuringTest, AMergeMovesChildrenAndMembersAndClosesTheBody) {
  ASSERT_EQ(merge_.status, 200) << merge_.body.dump();
  EXPECT_EQ(merge_.body["organisation"]["id"], t2_);
  EXPECT_EQ(merge_.body["moved_children"], 2);  // the second village and the converted congress
  auto t1 = world_->admin->get("/api/organisations/" + std::to_string(t1_)).body;
  EXPECT_EQ(t1["closed_on"], "2016-09-01");
  EXPECT_TRUE(roster(t1_, "2016-09-01").empty());
  const auto held_before = roster(t1_, "2016-08-31");
  EXPECT_EQ(merge_.body["ended_positions"], held_before.size());
  EXPECT_EQ(merge_.body["moved_members"], held_before.size() - 1);  // she of both townships stays once

  std::map<long long, int> seats;
  int chairs = 0;
  for (const auto& item : roster(t2_, "2016-09-01")) {
    ++seats[item["person_id"].get<long long>()];
    chairs += item["role"] == "chair";
  }
  EXPECT_EQ(chairs, 1);
  EXPECT_EQ(seats[both_], 1);
  for (const auto& item : held_before) EXPECT_EQ(seats[item["person_id"].get<long long>()], 1) << item.dump();

  for (long long child : {v2_, vc_}) {
    auto detail = world_->admin->get("/api/organisations/" + std::to_string(child)).body;
    EXPECT_EQ(detail["parent_id"], t2_);
  }
  auto audit = world_->admin->get("/api/audit?action=merge&page_size=5").body;
  ASSERT_GE(audit["items"].size(), 1u) << audit.dump();
}

TEST_F(RestructuringTest, RefusesWhatCannotBe) {
  auto& admin = *world_->admin;
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  // v1 moved on 08-10: a rename may not start before it.
  auto early = admin.post(path(v1_, "rename"), {{"name", "甲一新村妇联"}, {"on", "2016-08-05"}});
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(code(early), "restructure_before_change");
  EXPECT_NE(text_of(early.body["error"]["message"]).find("2016-08-10"), std::string::npos) << early.body.dump();
  EXPECT_EQ(code(admin.post(path(v1_, "rename"), {{"name", "甲一村妇联"}, {"on", "2016-09-10"}})), "same_name");
  EXPECT_EQ(code(admin.post(path(t2_, "convert"), {{"type", "street"}, {"on", "2016-09-10"}})),
            "conversion_not_allowed");
  EXPECT_EQ(code(admin.post(path(v1_, "merge"), {{"into_id", t2_}, {"on", "2016-09-10"}})), "merge_not_allowed");
  EXPECT_EQ(code(admin.post(path(t2_, "merge"), {{"into_id", v1_}, {"on", "2016-09-10"}})), "merge_not_allowed");
  // A merge that would put two bodies of one name under one parent names the clash.
  // (established after every day the forms here are read for, so that they count on none)
  auto later = [&](long long parent, const std::string& type, const std::string& name) {
    auto a = admin.post("/api/organisations",
                        {{"parent_id", parent}, {"type", type}, {"name", name}, {"established_on", "2016-10-01"}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  };
  const long long other = later(neighbour_, "street", "戊街道妇联");
  later(other, "community", "丙一社区妇联");
  auto clash = admin.post(path(s1_, "merge"), {{"into_id", other}, {"on", "2016-10-05"}});
  EXPECT_EQ(code(clash), "organisation_name_taken");
  EXPECT_NE(text_of(clash.body["error"]["message"]).find("丙一社区妇联"), std::string::npos) << clash.body.dump();
  EXPECT_EQ(code(admin.post(path(v1_, "rename"), {{"name", "甲一新村妇联"}, {"on", "2099-01-01"}})),
            "restructure_in_future");
  auto undated = admin.post(path(v1_, "rename"), {{"name", "甲一新村妇联"}});
  EXPECT_EQ(undated.status, 422);
  EXPECT_EQ(undated.body["error"]["field"], "on");
  // A township's clerk cannot merge her own (closed) township away, nor reach a body outside it.
  Client clerk(world_->server->port());
  ASSERT_EQ(clerk.login("restructure_township", kPassword).status, 200);
  EXPECT_EQ(clerk.post(path(t1_, "merge"), {{"into_id", t2_}, {"on", "2016-09-10"}}).status, 404);
  EXPECT_EQ(clerk.get(path(t2_, "history")).status, 404);
}

TEST_F(RestructuringTest, FormsOfDaysBeforeAChangeAreAsTheyWere) {
  for (const auto& [k, before] : before_) {
    SCOPED_TRACE(k);
    const auto first = k.find('/'), second = k.find('/', first + 1);
    const int form = std::stoi(k.substr(0, first));
    const long long within = std::stoll(k.substr(first + 1, second - first - 1));
    EXPECT_EQ(form_json(form, within, k.substr(second + 1)), before);
  }
}

TEST_F(RestructuringTest, FormsAfterTheChangesEqualTheirRecountOverTheTreeAsItStood) {
  for (long long within : {world_->city, district_, neighbour_, t2_})
    for (const char* on : {kBefore, kBetween, "2016-09-03", kAfter}) {
      SCOPED_TRACE(std::to_string(within) + " " + on);
      const auto counts = recount(within, on);
      const json form = form_json(4, within, on);
      std::set<std::string> rows;
      for (const auto& row : form["rows"]) {
        const std::string type = row["key"];
        rows.insert(type);
        for (const char* column : {"bodies", "members_after", "chair", "vice_chair", "executive", "director",
                                   "deputy_director", "member"}) {
          SCOPED_TRACE(type + " / " + column);
          auto it = counts.find(type);
          long long expected = 0;
          if (it != counts.end())
            if (auto c = it->second.find(column); c != it->second.end()) expected = c->second;
          EXPECT_EQ(row["cells"][column].get<long long>(), expected);
        }
      }
      for (const auto& [type, columns] : counts) EXPECT_TRUE(rows.contains(type)) << type;
    }
  // The changes show: before them 甲镇 had its villages and a 妇代会; after them the district
  // has one township, a community that was a village, and the street belongs to the neighbour.
  EXPECT_EQ(recount(district_, kBefore).at("township").at("bodies"), 2);
  EXPECT_EQ(recount(district_, kBefore).at("village_congress").at("bodies"), 1);
  const auto after = recount(district_, kAfter);
  EXPECT_EQ(after.at("township").at("bodies"), 1);
  EXPECT_EQ(after.at("community").at("bodies"), 1);
  EXPECT_FALSE(after.contains("street"));
  EXPECT_FALSE(after.contains("village_congress"));
  EXPECT_EQ(recount(neighbour_, kAfter).at("street").at("bodies"), 2);
}

}  // namespace
