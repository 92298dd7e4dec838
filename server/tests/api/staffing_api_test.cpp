// The staffing routes and `jinguo check` against the real binary (JINGUO_TEST_DATABASE=
// sqlite|postgresql): composition, compliance, rule sets refused with the rule at fault,
// appointments refused with the finding and accepted with an audited override.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../support/test_database.h"
#include "api_client.h"
#include "domain/id_number.h"
#include "storage/database.h"

using nlohmann::json;

namespace {

// Runs the binary with `args`; stdout goes to `out_file` when given. Returns the exit code.
int run_binary(std::vector<std::string> args, const std::string& out_file = "") {
  return jinguo::api_test::run_to_file(std::move(args), out_file.empty() ? "/dev/null" : out_file);
}

using jinguo::api_test::id_number;

class StaffingApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = jinguo::test_support::fresh_database_url();
    ASSERT_EQ(run_binary({"migrate", "--database", url_}), 0);
    jinguo::api_test::create_first_admin(url_, "admin", jinguo::api_test::kAdminPassword, "管理员市妇联");
    server_ = std::make_unique<jinguo::api_test::Server>(url_);
    client_ = std::make_unique<jinguo::api_test::Client>(server_->port());  // the system administrator
    ASSERT_EQ(client_->login("admin", jinguo::api_test::kAdminPassword).status, 200);
  }
  static void TearDownTestSuite() {
    client_.reset();
    server_.reset();
  }

  using Answer = jinguo::api_test::Answer;
  Answer call(const std::string& method, const std::string& path, const std::string& body = "") {
    return client_->call(method, path, body);
  }
  Answer get(const std::string& path) { return call("GET", path); }
  Answer post(const std::string& path, const json& body) { return call("POST", path, body.dump()); }
  void expect_error(const Answer& a, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(a.status, status) << a.body.dump();
    ASSERT_TRUE(a.body.contains("error")) << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
    if (!field.empty()) EXPECT_EQ(a.body["error"]["field"], field) << a.body.dump();
  }

  long long org(std::optional<long long> parent, const std::string& type, const std::string& name) {
    json body = {{"type", type}, {"name", name}};
    if (parent) body["parent_id"] = *parent;
    auto a = post("/api/organisations", body);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  long long person(int n) {
    auto a = post("/api/people", {{"name", "测试" + jinguo::api_test::han_digits(n)},
                                  {"id_number", id_number("230102" + std::to_string(19700101 + n) + "002")}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  Answer appoint(long long person_id, long long body, const std::string& role,
                 const std::optional<std::string>& override_reason = std::nullopt) {
    json b = {{"person_id", person_id}, {"organisation_id", body}, {"role", role}, {"manner", "volunteer"},
              {"start_on", "2016-07-01"}};
    if (override_reason) b["override_reason"] = *override_reason;
    return post("/api/positions", b);
  }

  // city → district → township → (village, village congress), and an empty county.
  struct Tree {
    long long city, district, county, township, village, congress;
  };
  Tree tree(const std::string& tag) {
    Tree t{};
    t.city = org(std::nullopt, "city", tag + "市妇联");
    t.district = org(t.city, "district", tag + "区妇联");
    t.county = org(t.city, "county", tag + "县妇联");
    t.township = org(t.district, "township", tag + "镇妇联");
    t.village = org(t.township, "village", tag + "村妇联");
    t.congress = org(t.township, "village_congress", tag + "村妇代会");
    return t;
  }

  static inline std::unique_ptr<jinguo::api_test::Server> server_;
  static inline std::unique_ptr<jinguo::api_test::Client> client_;
  static inline std::string url_;
};

json harbin_like(const std::string& code) {
  return {{"code", code},
          {"name", "测试标准"},
          {"rules",
           {{"village_congress",
             {{"total", {{"min", 7}, {"max", 13}}},
              {"role_counts",
               {{"director", {{"min", 1}, {"max", 1}}},
                {"deputy_director", {{"min", 2}, {"max", 2}}},
                {"member", {{"min", 4}, {"max", 10}}}}},
              {"forbidden_roles", {"chair"}}}}}},
          {"seat_rules", json::array()}};
}

}  // namespace

TEST_F(StaffingApiTest, CompositionAndComplianceOfASmallTree) {
  auto t = tree("甲");
  ASSERT_EQ(appoint(person(1), t.congress, "director").status, 201);
  ASSERT_EQ(appoint(person(2), t.congress, "member").status, 201);

  auto c = get("/api/organisations/" + std::to_string(t.congress) + "/composition?on=2016-09-20");
  ASSERT_EQ(c.status, 200) << c.body.dump();
  EXPECT_EQ(c.body["rule_set"]["code"], "harbin_2016");
  EXPECT_EQ(c.body["status"], "short");
  EXPECT_EQ(c.body["total"]["actual"], 2);
  EXPECT_EQ(c.body["total"]["min"], 7);
  EXPECT_EQ(c.body["roles"][0]["role"], "director");
  EXPECT_EQ(c.body["roles"][0]["actual"], 1);
  EXPECT_EQ(c.body["forbidden_roles"].size(), 3u);
  bool seat = false;  // the director holds no 执委 seat in the township above
  for (const auto& f : c.body["findings"]) seat = seat || (f["kind"] == "seat" && f["person_name"] == "测试一");
  EXPECT_TRUE(seat) << c.body.dump();
  auto before = get("/api/organisations/" + std::to_string(t.congress) + "/composition?on=2016-06-01");
  EXPECT_EQ(before.body["total"]["actual"], 0);
  expect_error(get("/api/organisations/99999999/composition"), 404, "not_found");
  expect_error(get("/api/organisations/" + std::to_string(t.congress) + "/composition?on=2016-02-30"), 400,
               "invalid_date");

  auto r = get("/api/compliance?within=" + std::to_string(t.city) + "&on=2016-09-20&page_size=1");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["within"], t.city);
  EXPECT_EQ(r.body["baseline"]["on"], "2016-06-01");
  EXPECT_EQ(r.body["current"]["overall"]["bodies"], 3);  // township, village, congress
  EXPECT_EQ(r.body["current"]["overall"]["short"], 3);
  EXPECT_EQ(r.body["current"]["by_district"][0]["organisation_id"], t.district);
  EXPECT_EQ(r.body["failing"]["total"], 3);
  EXPECT_EQ(r.body["failing"]["items"].size(), 1u);
  expect_error(get("/api/compliance?within=99999999"), 404, "not_found", "within");
}

TEST_F(StaffingApiTest, RuleSetsAreVersionedAndRefusedWithTheRuleAtFault) {
  auto list = get("/api/rule-sets");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["in_force"]["code"], "harbin_2016");
  auto harbin = get("/api/rule-sets/harbin_2016/1");
  ASSERT_EQ(harbin.status, 200);
  EXPECT_EQ(harbin.body["rules"]["township"]["role_counts"]["executive"]["max"], 32);

  auto min_above_max = harbin_like("bad_one");
  min_above_max["rules"]["village_congress"]["role_counts"]["member"] = {{"min", 9}, {"max", 5}};
  expect_error(post("/api/rule-sets", min_above_max), 422, "rule_min_above_max",
               "rules.village_congress.role_counts.member");
  auto unknown_role = harbin_like("bad_two");
  unknown_role["rules"]["village_congress"]["role_counts"]["bishop"] = {{"min", 1}, {"max", 1}};
  expect_error(post("/api/rule-sets", unknown_role), 422, "rule_unknown_role",
               "rules.village_congress.role_counts.bishop");
  auto past_total = harbin_like("bad_three");
  past_total["rules"]["village_congress"]["total"] = {{"min", 1}, {"max", 5}};
  expect_error(post("/api/rule-sets", past_total), 422, "rule_roles_exceed_total", "rules.village_congress.role_counts");
  auto typo = harbin_like("bad_four");
  typo["rules"]["village_congress"]["total"]["maxx"] = 3;
  expect_error(post("/api/rule-sets", typo), 400, "unknown_field", "rules.village_congress.total.maxx");
  expect_error(post("/api/rule-sets", harbin_like("schedule")), 422, "rule_set_code", "code");
  EXPECT_EQ(get("/api/rule-sets/bad_one").status, 404);

  auto v1 = post("/api/rule-sets", harbin_like("county_2017"));
  ASSERT_EQ(v1.status, 201) << v1.body.dump();
  EXPECT_EQ(v1.body["version"], 1);
  EXPECT_EQ(v1.body["created_by"], "admin");
  auto v2 = post("/api/rule-sets", harbin_like("county_2017"));
  EXPECT_EQ(v2.body["version"], 2);
  auto versions = get("/api/rule-sets/county_2017");
  ASSERT_EQ(versions.body["versions"].size(), 2u);
  EXPECT_EQ(get("/api/rule-sets/county_2017/2").body["rules"]["village_congress"]["total"]["min"], 7);
  EXPECT_EQ(get("/api/rule-sets/county_2017/3").status, 404);

  auto s = post("/api/rule-sets/schedule", {{"effective_from", "2030-01-01"}, {"code", "county_2017"}, {"version", 2}});
  ASSERT_EQ(s.status, 201) << s.body.dump();
  EXPECT_EQ(s.body["items"].size(), 2u);
  EXPECT_EQ(s.body["in_force"]["code"], "harbin_2016");  // today is before 2030
  expect_error(post("/api/rule-sets/schedule", {{"effective_from", "2030-01-01"}, {"code", "harbin_2016"}, {"version", 1}}),
               422, "schedule_duplicate_date", "effective_from");
  expect_error(post("/api/rule-sets/schedule", {{"effective_from", "2031-01-01"}, {"code", "county_2017"}, {"version", 9}}),
               404, "not_found", "version");
  EXPECT_EQ(get("/api/rule-sets/schedule").body["items"].size(), 2u);
}

TEST_F(StaffingApiTest, AnAppointmentPastAMaximumIsRefusedUnlessOverriddenWithAReason) {
  auto t = tree("乙");
  auto first = appoint(person(11), t.congress, "director");
  ASSERT_EQ(first.status, 201) << first.body.dump();
  ASSERT_TRUE(first.body["warnings"].is_array());
  EXPECT_FALSE(first.body["warnings"].empty());  // short of members: a warning, not a refusal
  EXPECT_TRUE(first.body["overridden"].empty());

  auto second = person(12);
  auto refused = appoint(second, t.congress, "director");
  expect_error(refused, 409, "staffing_rule_broken", "rules.village_congress.role_counts.director");
  ASSERT_EQ(refused.body["error"]["findings"].size(), 1u);
  EXPECT_EQ(refused.body["error"]["findings"][0]["actual"], 2);
  EXPECT_EQ(refused.body["error"]["findings"][0]["expected_max"], 1);
  EXPECT_EQ(get("/api/organisations/" + std::to_string(t.congress) + "/composition?on=2016-09-20")
                .body["roles"][0]["actual"],
            1);  // nothing stored
  expect_error(appoint(second, t.congress, "director", "  "), 422, "override_reason", "override_reason");

  auto overridden = appoint(second, t.congress, "director", "换届过渡期两位主任并存");
  ASSERT_EQ(overridden.status, 201) << overridden.body.dump();
  ASSERT_EQ(overridden.body["overridden"].size(), 1u);
  EXPECT_EQ(overridden.body["overridden"][0]["rule"], "rules.village_congress.role_counts.director");

  // The audit event of the appointment carries the reason and the overridden finding.
  jinguo::storage::Database db({url_, 1});
  std::string changes;
  std::string id = std::to_string(overridden.body["id"].get<long long>());
  db.read([&](jinguo::storage::ReadTx& tx) {
    tx.sql() << "SELECT changes FROM audit_events WHERE entity = 'position' AND entity_id = :id", soci::use(id),
        soci::into(changes);
  });
  auto audit = json::parse(changes);
  EXPECT_EQ(audit["override_reason"]["after"], "换届过渡期两位主任并存");
  ASSERT_EQ(audit["overridden_findings"]["after"].size(), 1u);
  EXPECT_NE(audit["overridden_findings"]["after"][0].get<std::string>().find("role_counts.director"),
            std::string::npos);
}

TEST_F(StaffingApiTest, CheckCommandExitsNonZeroOnFindingsAndWritesJson) {
  auto t = tree("丙");
  ASSERT_EQ(appoint(person(21), t.congress, "director").status, 201);
  std::string out = ::testing::TempDir() + "check.json";
  EXPECT_EQ(run_binary({"check", "--database", url_, "--within", std::to_string(t.township), "--on", "2016-09-20",
                        "--json"},
                       out),
            3);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  auto report = json::parse(text.str(), nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << text.str();
  EXPECT_EQ(report["failing"]["total"], 3);
  EXPECT_EQ(report["failing"]["items"].size(), 3u);
  EXPECT_EQ(report["current"]["rule_set"]["code"], "harbin_2016");
  // A subtree with nothing the rules judge meets them; bad arguments are 2.
  EXPECT_EQ(run_binary({"check", "--database", url_, "--within", std::to_string(t.county), "--on", "2016-09-20"}, out),
            0);
  EXPECT_EQ(run_binary({"check", "--database", url_, "--on", "2016-13-01"}, out), 2);
  EXPECT_EQ(run_binary({"check", "--database", url_, "--within", "99999999"}, out), 1);
}
