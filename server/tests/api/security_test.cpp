// The security suite: walks every route of the served /api/openapi.json and tries it
// without a session, with an expired session, as a viewer on writes and as the
// administrator of a sibling district on the other district's ids; then the lockout,
// CSRF, session fixation, injection strings and the headers. SQLite and PostgreSQL.
#include <chrono>
#include <regex>
#include <thread>

#include "api_client.h"
#include "domain/id_number.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

using jinguo::api_test::id_number;

struct Route {
  std::string method, path;  // path as in the document: /api/people/{id}
  bool open = false;         // security: []
};

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = jinguo::test_support::fresh_database_url();
    ASSERT_EQ(jinguo::api_test::run({JINGUO_BINARY, "migrate", "--database", url_}), 0);
    jinguo::api_test::create_first_admin(url_, "admin", jinguo::api_test::kAdminPassword, "测试市妇联");
    server_ = new Server(url_);
    // The same database behind a second process whose sessions go idle after 3 seconds.
    short_server_ = new Server(url_, {"--session-idle-seconds", "3"});
    admin_ = new Client(server_->port());
    ASSERT_EQ(admin_->login("admin", jinguo::api_test::kAdminPassword).status, 200);
    build_world();
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete short_server_;
    delete server_;
  }

  static long long created(const Answer& a) {
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  // city → district one / district two, each with a township, a person and her position,
  // an administrator; district one also has a viewer.
  static void build_world() {
    long long city = admin_->get("/api/auth/me").body["organisation"]["id"];
    auto org = [&](long long parent, const char* type, const std::string& name) {
      return created(admin_->post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}}));
    };
    one_ = org(city, "district", "一区妇联");
    two_ = org(city, "district", "二区妇联");
    one_town_ = org(one_, "township", "一镇妇联");
    two_town_ = org(two_, "township", "二镇妇联");
    auto person = [&](const std::string& name, const std::string& first17) {
      return created(admin_->post("/api/people", {{"name", name}, {"id_number", id_number(first17)},
                                                  {"mobile", "13804512345"}}));
    };
    one_person_ = person("一区人", "23010219800101002");
    two_person_ = person("二区人", "23010219810101002");
    auto appoint = [&](long long p, long long o) {
      return created(admin_->post("/api/positions", {{"person_id", p}, {"organisation_id", o}, {"role", "executive"},
                                                     {"manner", "part_time"}, {"start_on", "2016-06-01"}}));
    };
    appoint(one_person_, one_town_);
    two_position_ = appoint(two_person_, two_town_);
    two_woman_ = created(admin_->post("/api/archives/outstanding-women",
                                      {{"person_id", two_person_}, {"organisation_id", two_town_}, {"honour", "三八红旗手"}}));
    two_social_ = created(admin_->post("/api/archives/social-organisations",
                                       {{"organisation_id", two_town_}, {"name", "二镇巾帼志愿服务队"}}));
    two_contact_ = created(admin_->post("/api/organisations/" + std::to_string(two_) + "/contacts",
                                        {{"name", "二区联系人"}, {"mobile", "13804512345"}}));
    two_reelection_ = created(admin_->post("/api/organisations/" + std::to_string(two_) + "/reelections",
                                           {{"held_on", "2013-11-28"}, {"delegates", 200}}));
    // A campaign the second district runs for its townships, with one report submitted.
    two_campaign_ = created(admin_->post("/api/campaigns", {{"name", "二区工作"}, {"baseline_on", "2016-06-01"},
                                                            {"organisation_id", two_}}));
    two_milestone_ = created(admin_->post("/api/campaigns/" + std::to_string(two_campaign_) + "/milestones",
                                          {{"title", "乡镇附表4"}, {"kind", "form"}, {"form", 4}, {"level", "township"},
                                           {"due_on", "2016-09-20"}}));
    two_submission_ = created(admin_->post("/api/milestones/" + std::to_string(two_milestone_) + "/submissions",
                                           {{"organisation_id", two_town_}, {"explanation", "人数未配齐"}}));
    two_spot_check_ = created(admin_->post("/api/campaigns/" + std::to_string(two_campaign_) + "/spot-checks",
                                           {{"organisation_id", two_}, {"sample_size", 1}}));
    two_member_ = created(admin_->post("/api/campaigns/" + std::to_string(two_campaign_) + "/group",
                                       {{"name", "二区组长"}, {"role", "leader"}}));
    two_attachment_ = created(admin_->call("POST", "/api/submissions/" + std::to_string(two_submission_) +
                                                       "/attachments?file_name=scan.pdf", "%PDF-1.4\n"));
    auto issued = admin_->post("/api/certificates", {{"position_ids", {two_position_}}});
    EXPECT_EQ(issued.status, 201) << issued.body.dump();
    two_certificate_ = issued.body["items"][0].value("id", 0LL);
    two_nomination_ = created(admin_->post("/api/nominations", {{"organisation_id", two_town_}, {"role", "executive"},
                                                                {"channel", "self"}, {"name", "二区人"},
                                                                {"id_number", id_number("23010219810101002")}}));
    two_notice_ = created(admin_->post("/api/notices", {{"organisation_id", two_town_}, {"title", "二镇执委招募"},
                                                        {"places", {{{"role", "executive"}, {"places", 2}}}},
                                                        {"duties", "职责"}, {"conditions", "条件"},
                                                        {"how_to_apply", "报名"}, {"deadline", "2099-12-31"}}));
    auto account = [&](const std::string& name, long long o, const char* role) {
      return created(admin_->post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", o},
                                                    {"role", role}}));
    };
    account("one_admin", one_, "federation_admin");
    account("one_viewer", one_, "viewer");
    two_account_ = account("two_admin", two_, "federation_admin");
    account("locked_user", one_, "operator");
    Client two(server_->port());
    ASSERT_EQ(two.login("two_admin", kPassword).status, 200);
    two_session_ = two.get("/api/auth/me").body["session"]["id"];
  }

  static std::vector<Route> routes() {
    Client anonymous(server_->port());
    auto doc = anonymous.get("/api/openapi.json");
    EXPECT_EQ(doc.status, 200);
    std::vector<Route> out;
    for (const auto& [path, ops] : doc.body["paths"].items())
      for (const auto& [method, op] : ops.items()) {
        std::string m = method;
        for (auto& c : m) c = static_cast<char>(std::toupper(c));
        bool open = op.contains("security") && op["security"].empty();
        out.push_back({m, path, open});
      }
    EXPECT_GE(out.size(), 30u);
    return out;
  }

  // The path with district two's ids in it.
  static std::string concrete(const Route& r) {
    std::string p = r.path;
    auto put = [&](const std::string& key, const std::string& value) {
      for (auto at = p.find(key); at != std::string::npos; at = p.find(key)) p.replace(at, key.size(), value);
    };
    std::string id = r.path.starts_with("/api/archives/outstanding-women") ? std::to_string(two_woman_)
                     : r.path.starts_with("/api/archives/social")   ? std::to_string(two_social_)
                     : r.path.starts_with("/api/contacts")   ? std::to_string(two_contact_)
                     : r.path.starts_with("/api/reelections") ? std::to_string(two_reelection_)
                     : r.path.starts_with("/api/people")       ? std::to_string(two_person_)
                     : r.path.starts_with("/api/positions")  ? std::to_string(two_position_)
                     : r.path.starts_with("/api/accounts")   ? std::to_string(two_account_)
                     : r.path.starts_with("/api/auth/sessions") ? two_session_
                     : r.path.starts_with("/api/campaigns")    ? std::to_string(two_campaign_)
                     : r.path.starts_with("/api/milestones")   ? std::to_string(two_milestone_)
                     : r.path.starts_with("/api/submissions")  ? std::to_string(two_submission_)
                     : r.path.starts_with("/api/spot-checks")  ? std::to_string(two_spot_check_)
                     : r.path.starts_with("/api/attachments")  ? std::to_string(two_attachment_)
                     : r.path.starts_with("/api/certificates") ? std::to_string(two_certificate_)
                     : r.path.starts_with("/api/nominations")  ? std::to_string(two_nomination_)
                     : r.path.starts_with("/api/notices")      ? std::to_string(two_notice_)
                                                               : std::to_string(two_town_);
    put("{id}", id);
    put("{kind}", "role");
    put("{code}", r.path.starts_with("/api/rule-sets") ? "harbin_2016" : "chair");
    put("{version}", "1");
    put("{member_id}", std::to_string(two_member_));
    put("{organisation_id}", std::to_string(two_town_));
    put("{n}", "4");
    if (r.path.starts_with("/api/milestones/") && r.path.ends_with("/submissions"))
      p += "?organisation_id=" + std::to_string(two_town_);
    if (r.path.starts_with("/api/forms/"))  // the subtree is a query parameter
      p += "?within=" + std::to_string(two_town_) + "&row=village&column=members_after";
    return p;
  }

  // A body that passes the request checks, so that the scope decides.
  static std::string body_for(const Route& r) {
    const std::string& p = r.path;
    if (p.ends_with("/move")) return json{{"parent_id", one_}}.dump();
    if (p.ends_with("/submissions") || p.ends_with("/reminders")) return json{{"organisation_id", two_town_}}.dump();
    if (p.ends_with("/return") || p.ends_with("/revoke")) return json{{"reason", "越界"}}.dump();
    if (p.ends_with("/certificate-prefix")) return json{{"prefix", "越界妇证"}}.dump();
    if (p.ends_with("/spot-checks")) return json{{"organisation_id", two_}, {"sample_size", 1}}.dump();
    if (p.ends_with("/findings")) return json{{"organisation_id", two_town_}, {"finding", "confirmed"}}.dump();
    if (p == "/api/milestones/{id}") return json{{"due_on", "2016-09-30"}}.dump();
    if (p.ends_with("/draft")) return json{{"organisation_id", two_town_}, {"explanation", "越界"}}.dump();
    if (p.ends_with("/pilots")) return json{{"organisation_id", two_town_}}.dump();
    if (p.ends_with("/group")) return json{{"name", "越界"}, {"role", "member"}}.dump();
    if (p.ends_with("/score-scheme")) return json{{"items", {{{"measure", "spot_check"}, {"weight", 10}}}}}.dump();
    if (p.ends_with("/rename")) return json{{"name", "越界妇联"}, {"on", "2016-08-01"}}.dump();
    if (p.ends_with("/convert")) return json{{"type", "community"}, {"on", "2016-08-01"}}.dump();
    if (p.ends_with("/merge")) return json{{"into_id", one_town_}, {"on", "2016-08-01"}}.dump();
    if (p.ends_with("/close")) return json{{"closed_on", "2016-08-31"}}.dump();
    if (p == "/api/contacts/{id}/end") return json{{"end_on", "2026-11-01"}}.dump();
    if (p.ends_with("/contacts")) return json{{"name", "越界"}, {"mobile", "13804512345"}}.dump();
    if (p.ends_with("/reelections")) return json{{"held_on", "2014-01-01"}, {"delegates", 10}}.dump();
    if (p.ends_with("/end")) return json{{"end_on", "2026-11-01"}, {"end_reason", "换届"}}.dump();
    if (p.starts_with("/api/archives/") && p.ends_with("/reveal")) return json{{"field", "contact"}}.dump();
    if (p.ends_with("/reveal")) return json{{"field", "mobile"}}.dump();
    if (p.ends_with("/assess")) return json{{"passed", true}}.dump();
    if (p.ends_with("/decide-manner")) return json{{"manner", "part_time"}}.dump();
    if (p == "/api/accounts/{id}") return json{{"active", false}}.dump();
    if (p == "/api/people/{id}") return json{{"notes", "x"}}.dump();
    if (p == "/api/organisations/{id}") return json{{"name", "改名妇联"}}.dump();
    return "{}";
  }

  static inline const char* kPassword = "Quiet-River-Stone-42";
  static inline std::string url_, two_session_;
  static inline Server *server_ = nullptr, *short_server_ = nullptr;
  static inline Client* admin_ = nullptr;
  static inline long long one_ = 0, two_ = 0, one_town_ = 0, two_town_ = 0, one_person_ = 0, two_person_ = 0,
                          two_position_ = 0, two_account_ = 0, two_woman_ = 0, two_social_ = 0,
                          two_contact_ = 0, two_reelection_ = 0, two_campaign_ = 0, two_milestone_ = 0,
                          two_submission_ = 0, two_spot_check_ = 0, two_member_ = 0, two_attachment_ = 0,
                          two_certificate_ = 0, two_nomination_ = 0, two_notice_ = 0;
};

void expect_clean(const Answer& a, const std::string& what) {
  std::string text = a.body.dump();
  for (const char* leak : {"SELECT", "INSERT", "sqlite", "soci", "/tmp/", "/work/", ".cpp", "std::"})
    EXPECT_EQ(text.find(leak), std::string::npos) << what << " leaks " << leak << ": " << text;
}

}  // namespace

TEST_F(SecurityTest, EveryRouteRefusesAMissingSession) {
  Client anonymous(server_->port());
  for (const auto& r : routes()) {
    if (r.open) continue;
    auto a = anonymous.call(r.method, concrete(r), body_for(r));
    EXPECT_EQ(a.status, 401) << r.method << " " << r.path << " " << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], "not_authenticated") << r.method << " " << r.path;
    expect_clean(a, r.path);
  }
  // An invented cookie is no better.
  anonymous.set_cookie("jinguo_session=" + std::string(64, 'a'));
  EXPECT_EQ(anonymous.get("/api/organisations").status, 401);
}

TEST_F(SecurityTest, EveryRouteRefusesAnExpiredSession) {
  Client c(short_server_->port());
  ASSERT_EQ(c.login("one_admin", kPassword).status, 200);
  EXPECT_EQ(c.get("/api/auth/me").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(4200));
  bool first = true;
  for (const auto& r : routes()) {
    if (r.open) continue;
    auto a = c.call(r.method, concrete(r), body_for(r));
    EXPECT_EQ(a.status, 401) << r.method << " " << r.path << " " << a.body.dump();
    if (first) EXPECT_EQ(a.body["error"]["code"], "session_expired");
    first = false;
  }
  // The session is gone from the database: the other process refuses it too.
  Client other(server_->port());
  other.set_cookie(c.cookie());
  EXPECT_EQ(other.get("/api/auth/me").status, 401);
}

TEST_F(SecurityTest, AViewerIsRefusedEveryWrite) {
  Client viewer(server_->port());
  ASSERT_EQ(viewer.login("one_viewer", kPassword).status, 200);
  int writes = 0;
  for (const auto& r : routes()) {
    if (r.open || r.method == "GET" || r.path.starts_with("/api/auth/")) continue;  // her own session she may end
    ++writes;
    auto a = viewer.call(r.method, concrete(r), body_for(r));
    EXPECT_EQ(a.status, 403) << r.method << " " << r.path << " " << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], "forbidden") << r.method << " " << r.path;
  }
  EXPECT_GE(writes, 12);
  EXPECT_EQ(viewer.get("/api/organisations/" + std::to_string(one_town_)).status, 200);
  EXPECT_EQ(viewer.get("/api/audit").status, 403);
  EXPECT_EQ(viewer.get("/api/accounts").status, 403);
}

TEST_F(SecurityTest, ASiblingDistrictSeesNothingOfTheOther) {
  Client one(server_->port());
  ASSERT_EQ(one.login("one_admin", kPassword).status, 200);
  int tried = 0;
  for (const auto& r : routes()) {
    if (r.open || r.path.find('{') == std::string::npos) continue;
    if (r.path.starts_with("/api/dictionaries") || r.path.starts_with("/api/rule-sets") ||
        r.path.starts_with("/api/templates"))
      continue;  // not tree data
    ++tried;
    auto a = one.call(r.method, concrete(r), body_for(r));
    EXPECT_EQ(a.status, 404) << r.method << " " << concrete(r) << " " << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], "not_found") << r.method << " " << r.path;
  }
  EXPECT_GE(tried, 12);
  // ids in query strings and bodies
  const std::string two = std::to_string(two_), town = std::to_string(two_town_);
  for (const std::string& path :
       {"/api/organisations?parent_id=" + town, "/api/organisations/search?within=" + two,
        "/api/people?organisation_id=" + two, "/api/accounts?within=" + two, "/api/audit?within=" + two,
        "/api/people.xlsx?organisation_id=" + two, "/api/audit.xlsx?within=" + two,
        "/api/compliance/failing.xlsx?within=" + two, "/api/archives/outstanding-women.xlsx?within=" + two,
        "/api/archives/social-organisations.xlsx?within=" + two, "/api/nominations?organisation_id=" + town, "/api/notices?organisation_id=" + town})
    EXPECT_EQ(one.get(path).status, 404) << path;
  EXPECT_EQ(one.post("/api/positions", {{"person_id", two_person_}, {"organisation_id", one_town_}, {"role", "executive"},
                                        {"manner", "part_time"}, {"start_on", "2016-06-01"}})
                .status,
            404);
  EXPECT_EQ(one.post("/api/organisations", {{"parent_id", two_}, {"type", "township"}, {"name", "越界镇妇联"}}).status, 404);
  EXPECT_EQ(one.post("/api/accounts", {{"username", "intruder"}, {"password", kPassword}, {"organisation_id", two_},
                                       {"role", "viewer"}})
                .status,
            404);
  // the lists hold only her own subtree
  auto people = one.get("/api/people?status=all&page_size=200").body;
  for (const auto& p : people["items"]) EXPECT_NE(p["id"], two_person_);
  auto roots = one.get("/api/organisations").body;
  ASSERT_EQ(roots["total"], 1);
  EXPECT_EQ(roots["items"][0]["id"], one_);
  // and an existing ID number outside her subtree is named only as existing
  auto dup = one.post("/api/people", {{"name", "重复"}, {"id_number", id_number("23010219810101002")}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.body["error"]["code"], "person_exists_elsewhere");
  EXPECT_FALSE(dup.body["error"].contains("existing_id"));
}

TEST_F(SecurityTest, APersonInTwoSubtreesShowsEachOnlyItsOwnPositions) {
  Client one(server_->port()), two(server_->port());
  ASSERT_EQ(one.login("one_admin", kPassword).status, 200);
  ASSERT_EQ(two.login("two_admin", kPassword).status, 200);
  // district one appoints district two's person by her full ID number
  auto p = one.post("/api/positions", {{"id_number", id_number("23010219810101002")}, {"organisation_id", one_town_},
                                       {"role", "executive"}, {"manner", "volunteer"}, {"start_on", "2016-07-01"}});
  ASSERT_EQ(p.status, 201) << p.body.dump();
  auto seen_by_one = one.get("/api/people/" + std::to_string(two_person_));
  ASSERT_EQ(seen_by_one.status, 200);
  ASSERT_EQ(seen_by_one.body["positions"].size(), 1u);
  EXPECT_EQ(seen_by_one.body["positions"][0]["organisation_id"], one_town_);
  auto seen_by_two = two.get("/api/people/" + std::to_string(two_person_));
  ASSERT_EQ(seen_by_two.body["positions"].size(), 1u);
  EXPECT_EQ(seen_by_two.body["positions"][0]["organisation_id"], two_town_);
  EXPECT_EQ(admin_->get("/api/people/" + std::to_string(two_person_)).body["positions"].size(), 2u);
}

TEST_F(SecurityTest, DelegationNeverEscalates) {
  Client one(server_->port());
  ASSERT_EQ(one.login("one_admin", kPassword).status, 200);
  auto high = one.post("/api/accounts", {{"username", "wannabe"}, {"password", kPassword}, {"organisation_id", one_},
                                         {"role", "system_admin"}});
  EXPECT_EQ(high.status, 403);
  EXPECT_EQ(high.body["error"]["code"], "role_too_high");
  auto ok = one.post("/api/accounts", {{"username", "one_operator"}, {"password", kPassword},
                                       {"organisation_id", one_town_}, {"role", "operator"}});
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  long long id = ok.body["id"];
  EXPECT_EQ(one.patch("/api/accounts/" + std::to_string(id), {{"organisation_id", two_}}).status, 404);
  EXPECT_EQ(one.patch("/api/accounts/" + std::to_string(id), {{"role", "system_admin"}}).status, 403);
  // her own organisation cannot be moved or closed from inside
  EXPECT_EQ(one.post("/api/organisations/" + std::to_string(one_) + "/move", {{"parent_id", two_}}).status, 404);
  EXPECT_EQ(one.post("/api/organisations/" + std::to_string(one_town_) + "/move", {{"parent_id", two_}}).status, 404);
  auto me = one.get("/api/auth/me").body;
  EXPECT_EQ(one.patch("/api/accounts/" + std::to_string(me["account"]["id"].get<long long>()), {{"role", "viewer"}})
                .body["error"]["code"],
            "own_account");
  auto weak = one.post("/api/accounts", {{"username", "weakling"}, {"password", "password123"},
                                         {"organisation_id", one_}, {"role", "viewer"}});
  EXPECT_EQ(weak.status, 422);
}

TEST_F(SecurityTest, FailedLoginsLockTheAccountForAWhile) {
  Client c(server_->port());
  for (int i = 0; i < 5; ++i) {
    auto a = c.login("locked_user", "Wrong-Password-" + std::to_string(i));
    EXPECT_EQ(a.status, 401);
    EXPECT_EQ(a.body["error"]["code"], "login_failed");
  }
  auto locked = c.login("locked_user", kPassword);  // even the right password
  EXPECT_EQ(locked.status, 429) << locked.body.dump();
  EXPECT_EQ(locked.body["error"]["code"], "login_locked");
  EXPECT_TRUE(locked.body["error"]["locked_until"].is_string());
  bool retry_after = false;
  for (const auto& [k, v] : locked.headers) retry_after = retry_after || k == "Retry-After";
  EXPECT_TRUE(retry_after);
  // an unknown name answers exactly like a wrong password
  auto unknown = c.login("nobody_here", "Whatever-Password-1");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body["error"]["code"], "login_failed");
  auto failures = admin_->get("/api/audit?action=login_failed&page_size=50").body;
  EXPECT_GE(failures["total"].get<int>(), 7);
}

TEST_F(SecurityTest, StateChangesNeedTheCsrfTokenAndOurOrigin) {
  Client c(server_->port());
  ASSERT_EQ(c.login("one_admin", kPassword).status, 200);
  json body = {{"name", "跨站"}, {"id_number", id_number("23010219820101002")}};
  c.send_csrf(false);
  auto a = c.post("/api/people", body);
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(a.body["error"]["code"], "csrf_failed");
  auto wrong = c.call("POST", "/api/people", body.dump(), {{"X-CSRF-Token", std::string(64, '0')}});
  EXPECT_EQ(wrong.body["error"]["code"], "csrf_failed");
  c.send_csrf(true);
  auto cross = c.call("POST", "/api/people", body.dump(), {{"Origin", "https://evil.example"}});
  EXPECT_EQ(cross.body["error"]["code"], "csrf_failed");
  auto site = c.call("POST", "/api/people", body.dump(), {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(site.body["error"]["code"], "csrf_failed");
  EXPECT_EQ(c.post("/api/people", body).status, 201);
}

TEST_F(SecurityTest, EveryLoginGetsANewTokenAndLogoutEndsIt) {
  Client c(server_->port());
  c.set_cookie("jinguo_session=attacker-chosen-value");
  ASSERT_EQ(c.login("one_admin", kPassword).status, 200);
  std::string first = c.cookie();
  EXPECT_NE(first, "jinguo_session=attacker-chosen-value");
  EXPECT_EQ(first.size(), std::string("jinguo_session=").size() + 64);
  ASSERT_EQ(c.login("one_admin", kPassword).status, 200);
  EXPECT_NE(c.cookie(), first);
  // the cookie's attributes
  Client d(server_->port());
  auto a = d.login("one_admin", kPassword);
  std::string set_cookie;
  for (const auto& [k, v] : a.headers)
    if (k == "Set-Cookie") set_cookie = v;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  // she sees her sessions and ends another one
  auto sessions = d.get("/api/auth/sessions").body["items"];
  EXPECT_GE(sessions.size(), 3u);
  std::string other;
  for (const auto& s : sessions)
    if (!s["current"].get<bool>()) other = s["id"];
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(d.call("DELETE", "/api/auth/sessions/" + other).status, 200);
  EXPECT_EQ(d.get("/api/auth/sessions").body["items"].size(), sessions.size() - 1);
  EXPECT_EQ(d.post("/api/auth/logout", json::object()).status, 200);
  EXPECT_EQ(d.get("/api/auth/me").status, 401);
}

TEST_F(SecurityTest, InjectionStringsAreStoredAndReturnedInert) {
  const std::string sql = "Robert'); DROP TABLE people;--";
  const std::string script = "<script>alert('x')</script>";
  // A name holds letters only: the injection string is refused there, and kept inert elsewhere.
  auto refused = admin_->post("/api/people", {{"name", sql}, {"id_number", id_number("23010219830101002")}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["error"]["code"], "name_characters");
  auto p = admin_->post("/api/people", {{"name", "罗伯特"}, {"id_number", id_number("23010219830101002")},
                                        {"notes", script}, {"work_unit", "\" OR 1=1 --"}, {"job_title", sql}});
  ASSERT_EQ(p.status, 201) << p.body.dump();
  auto back = admin_->get("/api/people/" + std::to_string(p.body["id"].get<long long>()));
  EXPECT_EQ(back.body["job_title"], sql);
  EXPECT_EQ(back.body["notes"], script);
  EXPECT_EQ(back.body["work_unit"], "\" OR 1=1 --");
  bool json_type = false;
  for (const auto& [k, v] : back.headers) json_type = json_type || (k == "Content-Type" && v.starts_with("application/json"));
  EXPECT_TRUE(json_type);
  auto found = admin_->get("/api/people?q=" + std::string("%27%20OR%201%3D1%20--"));
  EXPECT_EQ(found.status, 200);
  EXPECT_EQ(found.body["total"], 0);
  auto org = admin_->post("/api/organisations", {{"parent_id", one_}, {"type", "township"}, {"name", script}});
  EXPECT_EQ(org.status, 201);
  EXPECT_GE(admin_->get("/api/people?status=all&page_size=5").body["total"].get<int>(), 3);  // the table is still there
}

TEST_F(SecurityTest, HeadersAndCleanErrors) {
  Client anonymous(server_->port());
  for (const std::string& path : {"/api/health", "/api/organisations", "/api/no-such-route", "/some/page"}) {
    auto a = anonymous.get(path);
    std::map<std::string, std::string> h(a.headers.begin(), a.headers.end());
    EXPECT_EQ(h["X-Frame-Options"], "DENY") << path;
    EXPECT_EQ(h["X-Content-Type-Options"], "nosniff") << path;
    EXPECT_EQ(h["Referrer-Policy"], "no-referrer") << path;
    EXPECT_NE(h["Content-Security-Policy"].find("frame-ancestors 'none'"), std::string::npos) << path;
  }
  auto big = admin_->call("POST", "/api/people", std::string(2 << 20, 'x'));
  EXPECT_EQ(big.status, 413);
  auto bad = admin_->call("POST", "/api/people", "{\"name\": ");
  EXPECT_EQ(bad.status, 400);
  expect_clean(bad, "malformed json");
}
