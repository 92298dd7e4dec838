// Drives the real binary over HTTP: `jinguo migrate`, then `jinguo serve` on a free
// port against a fresh database (JINGUO_TEST_DATABASE=sqlite|postgresql).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../support/test_database.h"
#include "api_client.h"
#include "domain/id_number.h"

using nlohmann::json;
using jinguo::api_test::Answer;

namespace {

std::string encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

using jinguo::api_test::id_number;

class ApiTest : public ::testing::Test {
 protected:
  // One server for the suite, signed in as a system administrator (created by the CLI).
  static void SetUpTestSuite() {
    std::string url = jinguo::test_support::fresh_database_url();
    ASSERT_EQ(jinguo::api_test::run({JINGUO_BINARY, "migrate", "--database", url}), 0);
    jinguo::api_test::create_first_admin(url, "admin", jinguo::api_test::kAdminPassword, "管理员市妇联");
    server_ = new jinguo::api_test::Server(url);
    client_ = new jinguo::api_test::Client(server_->port());
    ASSERT_EQ(client_->login("admin", jinguo::api_test::kAdminPassword).status, 200);
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
  }

  Answer call(const std::string& method, const std::string& path, const std::string& body = "") {
    return client_->call(method, path, body);
  }
  Answer get(const std::string& path) { return call("GET", path); }
  Answer post(const std::string& path, const json& body) { return call("POST", path, body.dump()); }
  Answer patch(const std::string& path, const json& body) { return call("PATCH", path, body.dump()); }

  void expect_error(const Answer& a, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(a.status, status) << a.body.dump();
    ASSERT_TRUE(a.body.contains("error")) << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
    if (!field.empty()) EXPECT_EQ(a.body["error"]["field"], field) << a.body.dump();
    EXPECT_TRUE(a.body["error"]["message"].is_string());
  }

  long long org(const std::optional<long long>& parent, const std::string& type, const std::string& name) {
    json body = {{"type", type}, {"name", name}};
    if (parent) body["parent_id"] = *parent;
    auto a = post("/api/organisations", body);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  long long children_total(long long parent) {
    return get("/api/organisations?parent_id=" + std::to_string(parent) + "&include_closed=true").body["total"];
  }

  // A small tree shared by the tests: city → district → township → village.
  struct Tree {
    long long city, district, district2, township, village;
  };
  Tree tree(const std::string& tag) {
    Tree t{};
    t.city = org(std::nullopt, "city", tag + "市妇联");
    t.district = org(t.city, "district", tag + "区妇联");
    t.district2 = org(t.city, "county", tag + "县妇联");
    t.township = org(t.district, "township", tag + "镇妇联");
    t.village = org(t.township, "village", tag + "村妇联");
    return t;
  }

  static inline jinguo::api_test::Server* server_ = nullptr;
  static inline jinguo::api_test::Client* client_ = nullptr;
};

}  // namespace

TEST_F(ApiTest, HealthMetaOpenapiAndUnknownRoutes) {
  auto h = get("/api/health");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.body["status"], "ok");
  EXPECT_EQ(h.body["database"], jinguo::test_support::test_backend());
  auto m = get("/api/meta");
  EXPECT_EQ(m.body["body_types"].size(), 9u);
  auto o = get("/api/openapi.json");
  EXPECT_EQ(o.status, 200);
  EXPECT_TRUE(o.body.contains("paths"));
  expect_error(get("/api/no-such-thing"), 404, "not_found");
  expect_error(call("DELETE", "/api/organisations/1"), 404, "not_found");
}

TEST_F(ApiTest, OrganisationsHappyPath) {
  auto t = tree("甲");
  auto d = get("/api/organisations/" + std::to_string(t.village));
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.body["path"].size(), 4u);
  EXPECT_EQ(d.body["type_label"], "村妇联");
  EXPECT_TRUE(d.body["division_code"].is_null());
  auto kids = get("/api/organisations?parent_id=" + std::to_string(t.city) + "&sort=type&order=desc");
  EXPECT_EQ(kids.body["total"], 2);
  EXPECT_EQ(kids.body["items"][0]["type"], "district");
  auto roots = get("/api/organisations");
  EXPECT_GE(roots.body["total"].get<int>(), 1);
  auto s = get("/api/organisations/search?q=" + encode("甲镇") + "&within=" + std::to_string(t.city));
  EXPECT_EQ(s.body["total"], 1);
  EXPECT_EQ(s.body["items"][0]["path"].size(), 3u);
  auto p = patch("/api/organisations/" + std::to_string(t.township), {{"name", "甲新镇妇联"}, {"division_code", "230102100"
                                                                                                    "000"}, {"pilot", true}});
  EXPECT_EQ(p.status, 200) << p.body.dump();
  EXPECT_EQ(p.body["pilot"], true);
  auto mv = post("/api/organisations/" + std::to_string(t.township) + "/move", {{"parent_id", t.district2}});
  EXPECT_EQ(mv.status, 200) << mv.body.dump();
  EXPECT_EQ(get("/api/organisations/" + std::to_string(t.village)).body["path"][1]["id"], t.district2);
  auto c = post("/api/organisations/" + std::to_string(t.village) + "/close", {{"closed_on", "2016-08-31"}});
  EXPECT_EQ(c.status, 200) << c.body.dump();
  EXPECT_EQ(c.body["open"], false);
}

TEST_F(ApiTest, OrganisationBadInputStoresNothing) {
  auto t = tree("乙");
  auto before = children_total(t.district);
  expect_error(call("POST", "/api/organisations", "{\"type\": \"township\", "), 400, "malformed_json");
  expect_error(post("/api/organisations", {{"parent_id", t.district}, {"type", "township"}, {"name", 5}}), 400,
               "wrong_type", "name");
  expect_error(post("/api/organisations", {{"parent_id", "x"}, {"type", "township"}, {"name", "n"}}), 400,
               "wrong_type", "parent_id");
  expect_error(post("/api/organisations", {{"parent_id", t.district}, {"type", "township"}, {"name", "n"}, {"extra", 1}}),
               400, "unknown_field", "extra");
  expect_error(post("/api/organisations", {{"parent_id", t.district}, {"type", "village"}, {"name", "错村"}}), 422,
               "parent_type_not_allowed", "parent_id");
  expect_error(post("/api/organisations", {{"parent_id", 99999999}, {"type", "township"}, {"name", "n"}}), 404,
               "not_found", "parent_id");
  std::string huge = "{\"name\": \"" + std::string(1100000, 'a') + "\"}";
  auto big = call("POST", "/api/organisations", huge);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.body["error"]["code"], "body_too_large");
  EXPECT_EQ(children_total(t.district), before);
  expect_error(get("/api/organisations/99999999"), 404, "not_found");
  expect_error(get("/api/organisations/99999999999999999999999"), 404, "not_found");
  expect_error(post("/api/organisations/" + std::to_string(t.district) + "/move", {{"parent_id", t.township}}), 422,
               "move_into_own_subtree", "parent_id");
  expect_error(post("/api/organisations/" + std::to_string(t.village) + "/move", {{"parent_id", t.district}}), 422,
               "parent_type_not_allowed", "parent_id");
  expect_error(post("/api/organisations/99999999/move", {{"parent_id", t.district}}), 404, "not_found");
  EXPECT_EQ(get("/api/organisations/" + std::to_string(t.village)).body["parent_id"], t.township);
  expect_error(get("/api/organisations?page_size=0"), 400, "invalid_parameter", "page_size");
  expect_error(get("/api/organisations?sort=secret"), 400, "invalid_parameter", "sort");
  expect_error(get("/api/organisations?type=planet"), 400, "invalid_parameter", "type");
  expect_error(get("/api/organisations/" + std::to_string(t.township) + "/roster?on=2016-02-30"), 400,
               "invalid_date", "on");
  expect_error(post("/api/organisations/" + std::to_string(t.township) + "/close", {{"closed_on", "2016-08-31"}}), 422,
               "has_open_children");
  expect_error(patch("/api/organisations/" + std::to_string(t.township), {{"division_code", "12ab"}}), 422,
               "division_code_format", "division_code");
}

TEST_F(ApiTest, PeopleAndPositions) {
  auto t = tree("丙");
  json person = {{"name", "阿依古丽·买买提"}, {"id_number", id_number("23010219800101002")}, {"ethnicity", "05"},
                 {"mobile", "138 0451 2345"}, {"sex", "female"}, {"birth_date", "1980-01-01"}};
  auto created = post("/api/people", person);
  ASSERT_EQ(created.status, 201) << created.body.dump();
  long long pid = created.body["id"];
  EXPECT_EQ(created.body["mobile"], "138****2345");  // masked in every answer
  auto revealed = post("/api/people/" + std::to_string(pid) + "/reveal", {{"field", "mobile"}});
  EXPECT_EQ(revealed.body["value"], "13804512345") << revealed.body.dump();
  EXPECT_EQ(created.body["id_number_masked"], "230102********" + id_number("23010219800101002").substr(14));
  auto dup = post("/api/people", {{"name", "别人"}, {"id_number", id_number("23010219800101002")}});
  expect_error(dup, 409, "person_exists", "id_number");
  EXPECT_EQ(dup.body["error"]["existing_id"], pid);
  std::string wrong = id_number("23010219800101003");
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  auto before = get("/api/people?q=" + encode("测试")).body["total"];
  expect_error(post("/api/people", {{"name", "测试"}, {"id_number", wrong}}), 422, "id_number_checksum", "id_number");
  expect_error(post("/api/people", {{"name", "测试"}, {"id_number", id_number("23010219800101004")}, {"sex", "male"}}),
               422, "id_number_sex_mismatch", "sex");
  expect_error(post("/api/people", {{"name", "测试"}, {"id_number", 230102}}), 400, "wrong_type", "id_number");
  expect_error(post("/api/people", {{"name", "测试"}, {"id_number", id_number("23010219800101004")}, {"age", 3}}), 400,
               "unknown_field", "age");
  expect_error(post("/api/people", {{"name", "测试"}, {"id_number", id_number("23010219800101004")}, {"ethnicity", "99"}}),
               422, "unknown_code", "ethnicity");
  EXPECT_EQ(get("/api/people?q=" + encode("测试")).body["total"], before);
  expect_error(get("/api/people/99999999"), 404, "not_found");
  auto patched = patch("/api/people/" + std::to_string(pid), {{"work_unit", "道里区妇联"}, {"notes", nullptr}});
  EXPECT_EQ(patched.status, 200) << patched.body.dump();
  EXPECT_EQ(patched.body["work_unit"], "道里区妇联");

  json appoint = {{"person_id", pid}, {"organisation_id", t.township}, {"role", "chair"}, {"manner", "part_time"},
                  {"source", "red_banner"}, {"start_on", "2016-06-01"}};
  auto pos = post("/api/positions", appoint);
  ASSERT_EQ(pos.status, 201) << pos.body.dump();
  EXPECT_EQ(pos.body["role_label"], "主席");
  EXPECT_EQ(pos.body["source_label"], "三八红旗手代表");
  long long pos_id = pos.body["id"];
  expect_error(post("/api/positions", appoint), 409, "position_exists");
  auto wrong_role = appoint;
  wrong_role["role"] = "director";
  expect_error(post("/api/positions", wrong_role), 422, "role_not_allowed", "role");
  auto no_person = appoint;
  no_person["person_id"] = 99999999;
  expect_error(post("/api/positions", no_person), 404, "not_found", "person_id");
  expect_error(post("/api/positions/" + std::to_string(pos_id) + "/end", {{"end_on", "2016-05-01"}, {"end_reason", "换届"}}),
               422, "end_before_start", "end_on");
  expect_error(post("/api/positions/99999999/end", {{"end_on", "2016-09-01"}, {"end_reason", "换届"}}), 404, "not_found");
  auto roster = get("/api/organisations/" + std::to_string(t.township) + "/roster?on=2016-06-01");
  ASSERT_EQ(roster.body["items"].size(), 1u);
  EXPECT_EQ(roster.body["items"][0]["mobile_masked"], "138****2345");
  EXPECT_EQ(roster.body["items"][0]["age"], 36);
  EXPECT_EQ(get("/api/organisations/" + std::to_string(t.township) + "/roster?on=2016-05-31").body["items"].size(), 0u);
  auto ended = post("/api/positions/" + std::to_string(pos_id) + "/end", {{"end_on", "2016-08-31"}, {"end_reason", "换届"}});
  EXPECT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(ended.body["end_on"], "2016-08-31");
  auto detail = get("/api/people/" + std::to_string(pid));
  ASSERT_EQ(detail.body["positions"].size(), 1u);
  EXPECT_EQ(detail.body["positions"][0]["organisation_path"], "丙市妇联 / 丙区妇联 / 丙镇妇联");
  auto list = get("/api/people?status=all&q=" + encode("阿依古丽"));
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_TRUE(list.body["items"][0]["current_positions"].is_array());
}

TEST_F(ApiTest, Dictionaries) {
  auto all = get("/api/dictionaries");
  EXPECT_EQ(all.body["role"][0]["code"], "chair");
  EXPECT_EQ(all.body["ethnicity"].size(), 56u);
  EXPECT_EQ(get("/api/dictionaries/manner").body.size(), 4u);
  expect_error(get("/api/dictionaries/planets"), 404, "not_found", "kind");
  auto added = post("/api/dictionaries/source", {{"code", "volunteer_lead"}, {"label", "志愿服务队长"}, {"sort_order", 130}});
  EXPECT_EQ(added.status, 201) << added.body.dump();
  expect_error(post("/api/dictionaries/source", {{"code", "volunteer_lead"}, {"label", "重复"}}), 409, "code_taken", "code");
  expect_error(post("/api/dictionaries/source", {{"code", "Bad Code"}, {"label", "x"}}), 422, "code_format", "code");
  expect_error(post("/api/dictionaries/source", {{"code", "x1"}, {"label", "x"}, {"body_types", {"township"}}}), 422,
               "body_types_not_allowed", "body_types");
  auto changed = patch("/api/dictionaries/source/volunteer_lead", {{"active", false}, {"label_en", "Volunteer team lead"}});
  EXPECT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["active"], false);
  expect_error(patch("/api/dictionaries/source/nothing_here", {{"active", false}}), 404, "not_found");
  expect_error(patch("/api/dictionaries/source/volunteer_lead", {{"code", "other"}}), 400, "unknown_field", "code");
}
