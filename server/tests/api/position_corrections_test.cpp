// Correcting and deleting a position (issue 9) against the real binary on SQLite and
// PostgreSQL: fields corrected with a reason, an end undone, the roster of a past date
// following the correction, staffing maxima on every newly covered day (overridden only by
// an administrator), a second open position refused, same-day deletion, each audited.
#include <memory>

#include "api_client.h"
#include "domain/id_number.h"
#include "storage/database.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

using jinguo::api_test::id_number;

class PositionCorrectionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("更正市妇联");
    url_ = world.url;
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
    city_ = world.city;
  }
  static void TearDownTestSuite() {
    admin_.reset();
    server_.reset();
  }

  static std::string position_path(long long id) { return "/api/positions/" + std::to_string(id); }

  long long org(long long parent, const std::string& type, const std::string& name) {
    auto a = admin_->post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  long long person(int n) {
    auto a = admin_->post("/api/people", {{"name", "更正" + jinguo::api_test::han_digits(n)},
                                          {"id_number", id_number("23010219750101" + std::to_string(100 + 2 * n))}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  long long appoint(long long person_id, long long body, const std::string& role, const std::string& start_on) {
    auto a = admin_->post("/api/positions", {{"person_id", person_id}, {"organisation_id", body}, {"role", role},
                                             {"manner", "volunteer"}, {"start_on", start_on}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  // district → township → village congress
  struct Tree {
    long long district, township, congress;
  };
  Tree tree(const std::string& tag) {
    Tree t{};
    t.district = org(city_, "district", tag + "区妇联");
    t.township = org(t.district, "township", tag + "镇妇联");
    t.congress = org(t.township, "village_congress", tag + "村妇代会");
    return t;
  }
  std::vector<long long> roster(long long body, const std::string& on) {
    auto a = admin_->get("/api/organisations/" + std::to_string(body) + "/roster?on=" + on);
    EXPECT_EQ(a.status, 200) << a.body.dump();
    std::vector<long long> ids;
    for (const auto& e : a.body["items"]) ids.push_back(e["position_id"]);
    return ids;
  }
  // The newest audit record of a person.
  json newest_of(long long person_id) {
    auto a = admin_->get("/api/audit?page_size=1&person_id=" + std::to_string(person_id));
    EXPECT_EQ(a.status, 200) << a.body.dump();
    return a.body["items"][0];
  }
  long long audit_total() { return admin_->get("/api/audit?page_size=1").body["total"]; }
  static void expect_error(const Answer& a, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(a.status, status) << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
    if (!field.empty()) EXPECT_EQ(a.body["error"]["field"], field) << a.body.dump();
  }
  static void expect_change(const json& e, const std::string& field, const json& before, const json& after) {
    ASSERT_TRUE(e["changes"].contains(field)) << e.dump();
    EXPECT_EQ(e["changes"][field]["before"], before) << field << " " << e.dump();
    EXPECT_EQ(e["changes"][field]["after"], after) << field << " " << e.dump();
  }

  static inline std::string url_;
  static inline std::unique_ptr<Server> server_;
  static inline std::unique_ptr<Client> admin_;
  static inline long long city_ = 0;
};

}  // namespace

TEST_F(PositionCorrectionsTest, CorrectsFieldsWithAReasonAndThePastRosterFollows) {
  auto t = tree("甲");
  auto who = person(1);
  auto id = appoint(who, t.congress, "member", "2016-07-01");
  EXPECT_TRUE(roster(t.congress, "2016-06-15").empty());

  auto a = admin_->patch(position_path(id), {{"reason", "任职日期录入有误"}, {"start_on", "2016-06-01"},
                                             {"manner", "part_time"}, {"source", "social_worker"},
                                             {"notes", "据会议记录更正"}, {"role", "deputy_director"}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["start_on"], "2016-06-01");
  EXPECT_EQ(a.body["manner"], "part_time");
  EXPECT_EQ(a.body["source"], "social_worker");
  EXPECT_EQ(a.body["role"], "deputy_director");
  EXPECT_EQ(a.body["notes"], "据会议记录更正");
  EXPECT_TRUE(a.body["warnings"].is_array());
  EXPECT_TRUE(a.body["overridden"].empty());
  EXPECT_TRUE(a.body["created_at"].is_string());
  EXPECT_EQ(a.body["deletable"], true);  // entered today
  EXPECT_EQ(roster(t.congress, "2016-06-15"), std::vector<long long>{id});

  auto e = newest_of(who);
  EXPECT_EQ(e["action"], "correct");
  EXPECT_EQ(e["entity"], "position");
  EXPECT_EQ(e["entity_id"], std::to_string(id));
  EXPECT_EQ(e["organisation_id"], t.congress);
  expect_change(e, "start_on", "2016-07-01", "2016-06-01");
  expect_change(e, "manner", "volunteer", "part_time");
  expect_change(e, "role", "member", "deputy_director");
  expect_change(e, "source", nullptr, "social_worker");
  expect_change(e, "reason", nullptr, "任职日期录入有误");
  EXPECT_FALSE(e["changes"].contains("end_on")) << e.dump();

  // Nothing that differs: 200, no record.
  long long records = audit_total();
  auto same = admin_->patch(position_path(id), {{"reason", "再次确认"}, {"start_on", "2016-06-01"}});
  EXPECT_EQ(same.status, 200) << same.body.dump();
  EXPECT_EQ(audit_total(), records);

  // Refusals name the field; nothing is stored.
  expect_error(admin_->patch(position_path(id), {{"start_on", "2016-05-01"}}), 422, "required", "reason");
  expect_error(admin_->patch(position_path(id), {{"reason", "  "}, {"start_on", "2016-05-01"}}), 422, "required",
               "reason");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"end_on", "2016-05-01"}, {"end_reason", "调离"}}),
               422, "end_before_start", "end_on");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"end_on", "2016-09-01"}}), 422, "required",
               "end_reason");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"role", "chair"}}), 422, "role_not_allowed", "role");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"manner", "nonsense"}}), 422, "unknown_code",
               "manner");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"start_on", "2099-01-01"}}), 422,
               "start_too_late", "start_on");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"role", nullptr}}), 422, "required", "role");
  expect_error(admin_->patch(position_path(id), {{"reason", "x"}, {"colour", "red"}}), 400, "unknown_field", "colour");
  expect_error(admin_->patch(position_path(99999999), {{"reason", "x"}, {"notes", "y"}}), 404, "not_found");
  EXPECT_EQ(audit_total(), records);
  EXPECT_EQ(admin_->get(position_path(id)).body["start_on"], "2016-06-01");
}

TEST_F(PositionCorrectionsTest, AnEndIsUndoneButNeverIntoASecondOpenPosition) {
  auto t = tree("乙");
  auto who = person(11);
  auto id = appoint(who, t.congress, "member", "2016-07-01");
  ASSERT_EQ(admin_->post(position_path(id) + "/end", {{"end_on", "2016-09-01"}, {"end_reason", "调离"}}).status, 200);
  EXPECT_TRUE(roster(t.congress, "2016-10-01").empty());

  auto a = admin_->patch(position_path(id), {{"reason", "误结束"}, {"end_on", nullptr}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_TRUE(a.body["end_on"].is_null());
  EXPECT_TRUE(a.body["end_reason"].is_null());
  EXPECT_EQ(roster(t.congress, "2016-10-01"), std::vector<long long>{id});
  auto e = newest_of(who);
  EXPECT_EQ(e["action"], "correct");
  expect_change(e, "end_on", "2016-09-01", nullptr);
  expect_change(e, "end_reason", "调离", nullptr);

  // Ended again, then appointed anew in the same body: the old one cannot be reopened.
  ASSERT_EQ(admin_->post(position_path(id) + "/end", {{"end_on", "2016-09-01"}, {"end_reason", "调离"}}).status, 200);
  appoint(who, t.congress, "member", "2017-01-01");
  expect_error(admin_->patch(position_path(id), {{"reason", "误结束"}, {"end_on", nullptr}}), 409, "position_exists");
  EXPECT_EQ(admin_->get(position_path(id)).body["end_on"], "2016-09-01");
}

TEST_F(PositionCorrectionsTest, AStaffingMaximumRefusesUnlessAnAdministratorOverrides) {
  auto t = tree("丙");
  appoint(person(21), t.congress, "director", "2016-07-01");
  auto second = person(22);
  auto member = appoint(second, t.congress, "member", "2016-07-01");

  // A second director: refused, with the finding.
  auto refused = admin_->patch(position_path(member), {{"reason", "职务录入有误"}, {"role", "director"}});
  expect_error(refused, 409, "staffing_rule_broken", "rules.village_congress.role_counts.director");
  ASSERT_EQ(refused.body["error"]["findings"].size(), 1u) << refused.body.dump();
  EXPECT_EQ(refused.body["error"]["findings"][0]["actual"], 2);
  EXPECT_EQ(admin_->get(position_path(member)).body["role"], "member");

  // A former director whose end is moved past the new director's start: refused on that day.
  auto former = appoint(person(23), t.congress, "director", "2015-01-01");
  ASSERT_EQ(admin_->post(position_path(former) + "/end", {{"end_on", "2016-07-01"}, {"end_reason", "换届"}}).status,
            200);
  expect_error(admin_->patch(position_path(former), {{"reason", "交接日期有误"}, {"end_on", "2016-08-01"}}), 409,
               "staffing_rule_broken");
  // Moving it earlier covers no new day: accepted.
  ASSERT_EQ(admin_->patch(position_path(former), {{"reason", "交接日期有误"}, {"end_on", "2016-06-01"}}).status, 200);

  // An operator may not override.
  ASSERT_EQ(admin_->post("/api/accounts", {{"username", "bing_operator"}, {"password", "Operator-Secret-2016"},
                                           {"organisation_id", t.district}, {"role", "operator"}})
                .status,
            201);
  Client operator_client(server_->port());
  ASSERT_EQ(operator_client.login("bing_operator", "Operator-Secret-2016").status, 200);
  expect_error(operator_client.patch(position_path(member),
                                     {{"reason", "职务录入有误"}, {"role", "director"}, {"override_reason", "过渡期"}}),
               403, "override_not_allowed", "override_reason");
  // The operator may correct what breaks nothing.
  EXPECT_EQ(operator_client.patch(position_path(member), {{"reason", "备注"}, {"notes", "村民小组长"}}).status, 200);

  // The administrator overrides with a reason: stored, and audited with the finding.
  auto overridden = admin_->patch(position_path(member),
                                  {{"reason", "职务录入有误"}, {"role", "director"}, {"override_reason", "换届过渡期"}});
  ASSERT_EQ(overridden.status, 200) << overridden.body.dump();
  ASSERT_EQ(overridden.body["overridden"].size(), 1u);
  EXPECT_EQ(overridden.body["role"], "director");
  auto e = newest_of(second);
  EXPECT_EQ(e["action"], "correct");
  expect_change(e, "role", "member", "director");
  expect_change(e, "override_reason", nullptr, "换届过渡期");
  ASSERT_EQ(e["changes"]["overridden_findings"]["after"].size(), 1u);
}

TEST_F(PositionCorrectionsTest, DeletedOnlyOnTheDayItWasEntered) {
  auto t = tree("丁");
  auto who = person(31);
  auto id = appoint(who, t.congress, "member", "2016-07-01");
  expect_error(admin_->call("DELETE", position_path(id), json::object().dump()), 422, "required", "reason");
  expect_error(admin_->call("DELETE", position_path(id), ""), 422, "required", "reason");
  auto a = admin_->call("DELETE", position_path(id), json{{"reason", "重复录入"}}.dump());
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["ok"], true);
  EXPECT_EQ(admin_->get(position_path(id)).status, 404);
  EXPECT_TRUE(roster(t.congress, "2016-09-01").empty());
  auto e = newest_of(who);
  EXPECT_EQ(e["action"], "delete");
  EXPECT_EQ(e["entity_id"], std::to_string(id));
  expect_change(e, "role", "member", nullptr);
  expect_change(e, "start_on", "2016-07-01", nullptr);
  expect_change(e, "organisation_id", t.congress, nullptr);
  expect_change(e, "source", nullptr, nullptr);
  expect_change(e, "reason", nullptr, "重复录入");

  // Entered on an earlier day: too late, correct or end it instead.
  auto old = appoint(who, t.congress, "member", "2016-07-01");
  {
    jinguo::storage::Database db({url_, 1});
    db.write([&](jinguo::storage::WriteTx& tx) {
      long long key = old;
      tx.sql() << "UPDATE positions SET created_at = '2016-07-01T08:00:00Z' WHERE id = :id", soci::use(key);
    });
  }
  auto stored = admin_->get(position_path(old));
  EXPECT_EQ(stored.body["created_at"], "2016-07-01T08:00:00Z");
  EXPECT_EQ(stored.body["deletable"], false);
  long long records = audit_total();
  expect_error(admin_->call("DELETE", position_path(old), json{{"reason", "重复录入"}}.dump()), 422,
               "delete_too_late", "id");
  EXPECT_EQ(audit_total(), records);
  EXPECT_EQ(admin_->get(position_path(old)).status, 200);
}
