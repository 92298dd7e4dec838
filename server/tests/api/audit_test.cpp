// Audit completeness: every write route leaves exactly one audit record, with the right
// action, entity, actor, organisation and field-by-field before and after. SQLite and PostgreSQL.
#include <functional>

#include "api_client.h"
#include "domain/id_number.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

using jinguo::api_test::id_number;

class AuditTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string url = jinguo::test_support::fresh_database_url();
    ASSERT_EQ(jinguo::api_test::run({JINGUO_BINARY, "migrate", "--database", url}), 0);
    jinguo::api_test::create_first_admin(url, "admin", jinguo::api_test::kAdminPassword, "审计市妇联");
    server_ = new Server(url);
  }
  static void TearDownTestSuite() { delete server_; }

  long long total(Client& c) { return c.get("/api/audit?page_size=1").body["total"].get<long long>(); }
  json newest(Client& c) { return c.get("/api/audit?page_size=1").body["items"][0]; }

  // Runs a write and checks that it left exactly one record; returns it.
  json one_record(Client& auditor, const std::function<Answer()>& write, int status, const std::string& action,
                  const std::string& entity) {
    long long before = total(auditor);
    auto a = write();
    EXPECT_EQ(a.status, status) << a.body.dump();
    EXPECT_EQ(total(auditor), before + 1) << action << " " << entity;
    json e = newest(auditor);
    EXPECT_EQ(e["action"], action) << e.dump();
    EXPECT_EQ(e["entity"], entity) << e.dump();
    EXPECT_EQ(e["address"], "127.0.0.1");
    last_answer_ = a.body;
    return e;
  }
  static void expect_change(const json& e, const std::string& field, const json& before, const json& after) {
    ASSERT_TRUE(e["changes"].contains(field)) << e.dump();
    EXPECT_EQ(e["changes"][field]["before"], before) << field << " " << e.dump();
    EXPECT_EQ(e["changes"][field]["after"], after) << field << " " << e.dump();
  }

  static inline Server* server_ = nullptr;
  json last_answer_;
};

}  // namespace

TEST_F(AuditTest, EveryWriteRouteLeavesExactlyOneRecord) {
  Client auditor(server_->port()), admin(server_->port());
  ASSERT_EQ(auditor.login("admin", jinguo::api_test::kAdminPassword).status, 200);
  auto login = one_record(auditor, [&] { return admin.login("admin", jinguo::api_test::kAdminPassword); }, 200, "login",
                          "session");
  EXPECT_EQ(login["actor"], "admin");
  long long city = admin.get("/api/auth/me").body["organisation"]["id"];
  auto post = [&](const std::string& path, const json& body) { return [&admin, path, body] { return admin.post(path, body); }; };
  auto patch = [&](const std::string& path, const json& body) { return [&admin, path, body] { return admin.patch(path, body); }; };

  auto e = one_record(admin, post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "甲区妇联"}}),
                      201, "create", "organisation");
  long long district = last_answer_["id"];
  expect_change(e, "name", nullptr, "甲区妇联");
  EXPECT_EQ(e["organisation_id"], district);
  EXPECT_EQ(e["actor"], "admin");
  one_record(admin, post("/api/organisations", {{"parent_id", city}, {"type", "county"}, {"name", "乙县妇联"}}), 201,
             "create", "organisation");
  long long county = last_answer_["id"];
  one_record(admin, post("/api/organisations", {{"parent_id", district}, {"type", "township"}, {"name", "甲镇妇联"}}),
             201, "create", "organisation");
  long long town = last_answer_["id"];
  e = one_record(admin, patch("/api/organisations/" + std::to_string(town), {{"name", "甲新镇妇联"}}), 200, "update",
                 "organisation");
  expect_change(e, "name", "甲镇妇联", "甲新镇妇联");
  e = one_record(admin, post("/api/organisations/" + std::to_string(town) + "/move", {{"parent_id", county}}), 200,
                 "move", "organisation");
  expect_change(e, "parent_id", district, county);
  one_record(admin, post("/api/organisations", {{"parent_id", town}, {"type", "village"}, {"name", "甲村妇联"}}), 201,
             "create", "organisation");
  long long village = last_answer_["id"];
  e = one_record(admin, post("/api/organisations/" + std::to_string(village) + "/close", {{"closed_on", "2016-08-31"}}),
                 200, "close", "organisation");
  expect_change(e, "closed_on", nullptr, "2016-08-31");

  e = one_record(admin, post("/api/people", {{"name", "审计人"}, {"id_number", id_number("23010219800101002")},
                                             {"mobile", "13804512345"}}),
                 201, "create", "person");
  long long person = last_answer_["id"];
  expect_change(e, "mobile", nullptr, "138****2345");  // personal data stays masked in the audit
  EXPECT_EQ(e["person_id"], person);
  e = one_record(admin, patch("/api/people/" + std::to_string(person), {{"mobile", "13904512346"}, {"notes", "备注"}}),
                 200, "update", "person");
  expect_change(e, "mobile", "138****2345", "139****2346");
  expect_change(e, "notes", nullptr, "备注");
  EXPECT_EQ(e["changes"].size(), 2u);
  e = one_record(admin, post("/api/people/" + std::to_string(person) + "/reveal", {{"field", "id_number"}}), 200,
                 "reveal", "person");
  expect_change(e, "field", nullptr, "id_number");
  EXPECT_EQ(last_answer_["value"], id_number("23010219800101002"));

  e = one_record(admin, post("/api/positions", {{"person_id", person}, {"organisation_id", town}, {"role", "executive"},
                                                {"manner", "part_time"}, {"start_on", "2016-06-01"}}),
                 201, "create", "position");
  long long position = last_answer_["id"];
  expect_change(e, "role", nullptr, "executive");
  EXPECT_EQ(e["organisation_id"], town);
  EXPECT_EQ(e["person_id"], person);
  e = one_record(admin, post("/api/positions/" + std::to_string(position) + "/end",
                             {{"end_on", "2016-09-01"}, {"end_reason", "换届"}}),
                 200, "end", "position");
  expect_change(e, "end_on", nullptr, "2016-09-01");

  e = one_record(admin, post("/api/dictionaries/source", {{"code", "audit_src"}, {"label", "审计来源"}}), 201, "create",
                 "dictionary_entry");
  expect_change(e, "label", "", "审计来源");
  e = one_record(admin, patch("/api/dictionaries/source/audit_src", {{"label", "审计来源二"}}), 200, "update",
                 "dictionary_entry");
  expect_change(e, "label", "审计来源", "审计来源二");

  e = one_record(admin, post("/api/accounts", {{"username", "auditee"}, {"password", "Quiet-River-Stone-42"},
                                               {"organisation_id", district}, {"role", "operator"}}),
                 201, "create", "account");
  long long account = last_answer_["id"];
  expect_change(e, "role", nullptr, "operator");
  EXPECT_EQ(e["organisation_id"], district);
  EXPECT_EQ(e["changes"].dump().find("Quiet-River"), std::string::npos);  // never a password
  e = one_record(admin, patch("/api/accounts/" + std::to_string(account), {{"role", "viewer"}}), 200, "update", "account");
  expect_change(e, "role", "operator", "viewer");
  e = one_record(admin, patch("/api/accounts/" + std::to_string(account), {{"password", "Another-Quiet-Stone-43"}}), 200,
                 "update", "account");
  expect_change(e, "password", nullptr, "reset");
  EXPECT_EQ(e["changes"].dump().find("Another-Quiet"), std::string::npos);

  Client other(server_->port());
  e = one_record(admin, [&] { return other.login("auditee", "wrong-password-here"); }, 401, "login_failed", "account");
  EXPECT_EQ(e["actor"], "auditee");
  one_record(admin, [&] { return other.login("auditee", "Another-Quiet-Stone-43"); }, 200, "login", "session");
  e = one_record(admin, [&] {
    return other.post("/api/auth/password", {{"current_password", "Another-Quiet-Stone-43"}, {"new_password", "Third-Quiet-Stone-44"}});
  }, 200, "password_change", "account");
  Client third(server_->port());
  one_record(admin, [&] { return third.login("auditee", "Third-Quiet-Stone-44"); }, 200, "login", "session");
  std::string third_session = third.get("/api/auth/me").body["session"]["id"];
  e = one_record(admin, [&] { return other.call("DELETE", "/api/auth/sessions/" + third_session); }, 200, "session_end",
                 "session");
  expect_change(e, "session", third_session, nullptr);
  one_record(admin, [&] { return other.post("/api/auth/logout", json::object()); }, 200, "logout", "session");

  // A PATCH that changes nothing writes nothing; a refused write writes nothing.
  long long before = total(admin);
  EXPECT_EQ(admin.patch("/api/organisations/" + std::to_string(town), {{"name", "甲新镇妇联"}}).status, 200);
  EXPECT_EQ(admin.post("/api/positions/" + std::to_string(position) + "/end", {{"end_on", "2016-09-02"}, {"end_reason", "x"}})
                .status / 100,
            4);
  EXPECT_EQ(total(admin), before);
}

TEST_F(AuditTest, AdministratorsSeeTheAuditOfTheirSubtreeOnly) {
  Client admin(server_->port());
  ASSERT_EQ(admin.login("admin", jinguo::api_test::kAdminPassword).status, 200);
  long long city = admin.get("/api/auth/me").body["organisation"]["id"];
  long long a = admin.post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "丙区妇联"}}).body["id"];
  long long b = admin.post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "丁区妇联"}}).body["id"];
  admin.post("/api/organisations", {{"parent_id", b}, {"type", "township"}, {"name", "丁镇妇联"}});
  ASSERT_EQ(admin.post("/api/accounts", {{"username", "bing_admin"}, {"password", "Quiet-River-Stone-42"},
                                         {"organisation_id", a}, {"role", "federation_admin"}})
                .status,
            201);
  Client bing(server_->port());
  ASSERT_EQ(bing.login("bing_admin", "Quiet-River-Stone-42").status, 200);
  auto mine = bing.get("/api/audit?page_size=200").body;
  ASSERT_GE(mine["total"].get<int>(), 2);  // her district's creation, her account, her login
  for (const auto& e : mine["items"]) EXPECT_EQ(e["organisation_id"], a) << e.dump();
  EXPECT_EQ(bing.get("/api/audit?within=" + std::to_string(b)).status, 404);
  auto logins = bing.get("/api/audit?action=login&account=bing_admin").body;
  EXPECT_EQ(logins["total"], 1);
  auto today = admin.get("/api/meta").body["today"].get<std::string>();
  EXPECT_EQ(admin.get("/api/audit?from=2000-01-01&to=2000-12-31").body["total"], 0);
  EXPECT_GE(admin.get("/api/audit?entity=organisation&from=2000-01-01").body["total"].get<int>(), 3);
  (void)today;
}

TEST_F(AuditTest, RecordsSpeakInNamesAndAreFoundByPerson) {
  Client admin(server_->port());
  ASSERT_EQ(admin.login("admin", jinguo::api_test::kAdminPassword).status, 200);
  long long city = admin.get("/api/auth/me").body["organisation"]["id"];
  long long district = admin.post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "戊区妇联"}})
                           .body["id"];
  long long town = admin.post("/api/organisations", {{"parent_id", district}, {"type", "township"}, {"name", "戊镇妇联"}})
                       .body["id"];
  long long congress =
      admin.post("/api/organisations", {{"parent_id", town}, {"type", "village_congress"}, {"name", "戊村妇代会"}})
          .body["id"];
  std::string number = id_number("23010219850101004");
  auto created = admin.post("/api/people", {{"name", "戊秀英"}, {"id_number", number}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  long long person = created.body["id"];
  admin.post("/api/people", {{"name", "戊秀兰"}, {"id_number", id_number("23010219850101006")}});

  // The registration: before null for every field, sex included, no 1970-01-01.
  auto registration = admin.get("/api/audit?entity=person&action=create&person_id=" + std::to_string(person));
  ASSERT_EQ(registration.body["items"].size(), 1u) << registration.body.dump();
  json r = registration.body["items"][0];
  expect_change(r, "sex", nullptr, "female");
  expect_change(r, "birth_date", nullptr, "1985-01-01");
  for (const auto& [field, change] : r["changes"].items()) EXPECT_TRUE(change["before"].is_null()) << field;
  EXPECT_EQ(r["changes"].dump().find("1970-01-01"), std::string::npos);
  EXPECT_EQ(r["person_name"], "戊秀英");
  EXPECT_EQ(r["entity_label"], "戊秀英");

  auto appointed = admin.post("/api/positions", {{"person_id", person}, {"organisation_id", congress}, {"role", "member"},
                                                 {"manner", "volunteer"}, {"start_on", "2016-06-01"}});
  ASSERT_EQ(appointed.status, 201) << appointed.body.dump();
  json p = newest(admin);
  EXPECT_EQ(p["entity"], "position");
  EXPECT_EQ(p["person_name"], "戊秀英");
  EXPECT_EQ(p["entity_label"], "戊秀英 · 委员 · 戊村妇代会");
  EXPECT_EQ(p["names"]["organisation_id"][std::to_string(congress)], "戊村妇代会") << p.dump();
  EXPECT_EQ(p["names"]["person_id"][std::to_string(person)], "戊秀英") << p.dump();

  long long other = admin.post("/api/organisations", {{"parent_id", city}, {"type", "district"}, {"name", "己区妇联"}})
                        .body["id"];
  ASSERT_EQ(admin.post("/api/organisations/" + std::to_string(town) + "/move", {{"parent_id", other}}).status, 200);
  json moved = newest(admin);
  EXPECT_EQ(moved["entity_label"], "戊镇妇联");
  EXPECT_EQ(moved["names"]["organisation_id"][std::to_string(district)], "戊区妇联") << moved.dump();
  EXPECT_EQ(moved["names"]["organisation_id"][std::to_string(other)], "己区妇联") << moved.dump();

  // By person: the full ID number, the exact name, or a prefix of two characters or more.
  auto by_number = admin.get("/api/audit?person=" + number);
  ASSERT_EQ(by_number.status, 200);
  EXPECT_EQ(by_number.body["total"], 2);  // registered and appointed
  for (const auto& e : by_number.body["items"]) EXPECT_EQ(e["person_id"], person);
  EXPECT_EQ(admin.get("/api/audit?person=" + number.substr(0, 10)).body["total"], 0);  // no probing by digits
  EXPECT_EQ(admin.get("/api/audit?person=%E6%88%8A%E7%A7%80%E8%8B%B1").body["total"], 2);  // 戊秀英
  EXPECT_EQ(admin.get("/api/audit?person=%E6%88%8A%E7%A7%80").body["total"], 3);           // 戊秀: both
  EXPECT_EQ(admin.get("/api/audit?person=%E6%88%8A").body["total"], 0);                    // 戊: exact only
}
