// Who may change whose credentials (issue 8), against the real binary on SQLite and
// PostgreSQL: one's own password only with the current one; a lower role, or the same role
// at an organisation below one's own, may be managed; a peer at one's own level or a higher
// role may not; guessing the current password is throttled like a sign-in; the command
// line resets the top administrator's password.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "../support/test_database.h"
#include "api_client.h"
#include "storage/database.h"
#include "storage/repositories.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";
constexpr const char* kNewPassword = "Another-Quiet-Stone-43";

class CredentialsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = jinguo::api_test::start_world("凭据市妇联");
    url_ = world.url;
    server_ = std::move(world.server);
    admin_ = std::move(world.admin);
    city_ = world.city;
    district_ = created(admin_->post("/api/organisations", {{"parent_id", city_}, {"type", "district"}, {"name", "凭据区妇联"}}));
    township_ = created(admin_->post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "凭据镇妇联"}}));
  }
  static void TearDownTestSuite() {
    admin_.reset();
    server_.reset();
  }

  static long long created(const Answer& a) {
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static long long account(const std::string& username, long long organisation, const std::string& role) {
    return created(admin_->post("/api/accounts", {{"username", username}, {"password", kPassword},
                                                  {"organisation_id", organisation}, {"role", role}}));
  }
  static Client signed_in(const std::string& username, const std::string& password = kPassword) {
    Client c(server_->port());
    EXPECT_EQ(c.login(username, password).status, 200) << username;
    return c;
  }
  static long long my_id(Client& c) { return c.get("/api/auth/me").body["account"]["id"]; }
  static std::string path(long long id) { return "/api/accounts/" + std::to_string(id); }
  static void expect_refused(const Answer& a, int status, const std::string& code) {
    EXPECT_EQ(a.status, status) << a.body.dump();
    EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
  }

  static inline std::string url_;
  static inline std::unique_ptr<Server> server_;
  static inline std::unique_ptr<Client> admin_;
  static inline long long city_ = 0, district_ = 0, township_ = 0;
};

TEST_F(CredentialsTest, OwnPasswordOnlyWithTheCurrentOne) {
  for (const auto& [username, role] : {std::pair{"own_fed", "federation_admin"}, std::pair{"own_sys", "system_admin"}}) {
    account(username, district_, role);
    Client me = signed_in(username);
    auto refused = me.patch(path(my_id(me)), {{"password", kNewPassword}});
    expect_refused(refused, 422, "own_account");
    EXPECT_EQ(refused.body["error"]["field"], "password");
    EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("修改密码"), std::string::npos);
    EXPECT_EQ(me.get("/api/auth/me").status, 200);  // nothing changed, the session lives
    EXPECT_EQ(Client(server_->port()).login(username, kPassword).status, 200);

    auto changed = me.post("/api/auth/password", {{"current_password", kPassword}, {"new_password", kNewPassword}});
    EXPECT_EQ(changed.status, 200) << changed.body.dump();
    EXPECT_EQ(Client(server_->port()).login(username, kNewPassword).status, 200);
  }
  // the system administrator herself, through the reset path
  expect_refused(admin_->patch(path(my_id(*admin_)), {{"password", kNewPassword}}), 422, "own_account");
}

TEST_F(CredentialsTest, PeersAreManagedFromTheLevelAbove) {
  account("peer_a", district_, "federation_admin");
  long long b = account("peer_b", district_, "federation_admin");
  Client a = signed_in("peer_a");
  expect_refused(a.patch(path(b), {{"password", kNewPassword}}), 403, "peer_account");
  expect_refused(a.patch(path(b), {{"active", false}}), 403, "peer_account");
  expect_refused(a.patch(path(b), {{"role", "viewer"}}), 403, "peer_account");
  EXPECT_EQ(Client(server_->port()).login("peer_b", kPassword).status, 200);  // untouched
  // nor may she make a peer: her own role at her own organisation, by creating or by promoting
  expect_refused(a.post("/api/accounts", {{"username", "peer_c"}, {"password", kPassword},
                                          {"organisation_id", district_}, {"role", "federation_admin"}}),
                 403, "peer_account");
  long long op = created(a.post("/api/accounts", {{"username", "peer_op"}, {"password", kPassword},
                                                  {"organisation_id", district_}, {"role", "operator"}}));
  expect_refused(a.patch(path(op), {{"role", "federation_admin"}}), 403, "peer_account");
  // her own role below her own organisation is delegation
  long long below = created(a.post("/api/accounts", {{"username", "peer_town"}, {"password", kPassword},
                                                     {"organisation_id", township_}, {"role", "federation_admin"}}));
  EXPECT_EQ(a.patch(path(below), {{"password", kNewPassword}}).status, 200);
  EXPECT_EQ(Client(server_->port()).login("peer_town", kNewPassword).status, 200);
  // …but moving it up to her own level is refused
  expect_refused(a.patch(path(below), {{"organisation_id", district_}}), 403, "peer_account");
  // the city's administrator manages both district administrators
  account("city_fed", city_, "federation_admin");
  Client city = signed_in("city_fed");
  EXPECT_EQ(city.patch(path(b), {{"password", kNewPassword}}).status, 200);
  // two system administrators of the same city are peers too
  expect_refused(admin_->post("/api/accounts", {{"username", "second_sys"}, {"password", kPassword},
                                                {"organisation_id", city_}, {"role", "system_admin"}}),
                 403, "peer_account");
}

TEST_F(CredentialsTest, HigherRolesAreOutOfReach) {
  long long high = account("high_sys", township_, "system_admin");
  account("district_fed", district_, "federation_admin");
  Client d = signed_in("district_fed");
  expect_refused(d.patch(path(high), {{"password", kNewPassword}}), 403, "role_too_high");
  expect_refused(d.patch(path(high), {{"active", false}}), 403, "role_too_high");
  expect_refused(d.post("/api/accounts", {{"username", "wannabe_sys"}, {"password", kPassword},
                                          {"organisation_id", township_}, {"role", "system_admin"}}),
                 403, "role_too_high");
  EXPECT_EQ(Client(server_->port()).login("high_sys", kPassword).status, 200);
}

TEST_F(CredentialsTest, LowerRolesAreResetAndTheirSessionsEnd) {
  long long viewer = account("low_viewer", district_, "viewer");
  account("low_fed", district_, "federation_admin");
  Client v = signed_in("low_viewer");
  Client f = signed_in("low_fed");
  auto reset = f.patch(path(viewer), {{"password", kNewPassword}});
  EXPECT_EQ(reset.status, 200) << reset.body.dump();
  EXPECT_EQ(v.get("/api/auth/me").status, 401);  // her sessions ended
  EXPECT_EQ(Client(server_->port()).login("low_viewer", kNewPassword).status, 200);
  auto audit = admin_->get("/api/audit?entity=account&action=update&page_size=200").body;
  bool recorded = false;
  for (const auto& e : audit["items"])
    if (e["entity_id"] == std::to_string(viewer) && e["actor"] == "low_fed") recorded = e["changes"].contains("password");
  EXPECT_TRUE(recorded) << audit.dump();
  // an operator manages no account at all
  account("low_op", district_, "operator");
  Client op = signed_in("low_op");
  expect_refused(op.patch(path(viewer), {{"password", kPassword}}), 403, "forbidden");
}

TEST_F(CredentialsTest, GuessingTheCurrentPasswordIsThrottled) {
  account("guessed", district_, "operator");
  Client thief = signed_in("guessed");
  for (int i = 0; i < 5; ++i)
    expect_refused(thief.post("/api/auth/password", {{"current_password", "Wrong-Guess-" + std::to_string(i)},
                                                     {"new_password", kNewPassword}}),
                   422, "wrong_password");
  // locked now, even with the right current password, and the sign-in is locked too
  expect_refused(thief.post("/api/auth/password", {{"current_password", kPassword}, {"new_password", kNewPassword}}),
                 429, "login_locked");
  expect_refused(Client(server_->port()).login("guessed", kPassword), 429, "login_locked");
  auto audit = admin_->get("/api/audit?action=login_failed&page_size=200").body;
  int wrong = 0;
  for (const auto& e : audit["items"])
    if (e["actor"] == "guessed" && e["changes"]["reason"]["after"] == "wrong_current_password") ++wrong;
  EXPECT_EQ(wrong, 5) << audit.dump();
}

TEST_F(CredentialsTest, TheCommandLineResetsTheTopAdministrator) {
  auto file = std::filesystem::temp_directory_path() / ("jinguo-reset-" + std::to_string(::getpid()));
  std::ofstream(file) << kNewPassword << "\n";
  Client before = signed_in("admin", jinguo::api_test::kAdminPassword);
  EXPECT_EQ(jinguo::api_test::run({JINGUO_BINARY, "accounts", "reset-password", "--database", url_, "--username",
                                   "admin", "--password-file", file.string()}),
            0);
  EXPECT_EQ(jinguo::api_test::run({JINGUO_BINARY, "accounts", "reset-password", "--database", url_, "--username",
                                   "nobody_here", "--password-file", file.string()}),
            2);
  std::filesystem::remove(file);
  EXPECT_EQ(before.get("/api/auth/me").status, 401);
  EXPECT_EQ(Client(server_->port()).login("admin", kNewPassword).status, 200);
  ASSERT_EQ(admin_->login("admin", kNewPassword).status, 200);  // the fixture's client signs in again
}

// A password hashed with libsodium's interactive limits (64 MiB, as before issue 14) still signs
// in, and that sign-in stores a hash of the server's cost (9 MiB, 4 passes) in its place: the same
// password, password_changed_at untouched, audited with the sign-in.
TEST_F(CredentialsTest, AnOldHashIsReplacedAtItsNextSignIn) {
  auto file = std::filesystem::temp_directory_path() / ("jinguo-old-hash-" + std::to_string(::getpid()));
  std::ofstream(file) << kPassword << "\n";
  EXPECT_EQ(jinguo::api_test::run({JINGUO_BINARY, "create-admin", "--database", url_, "--username", "old_hash",
                                   "--organisation-id", std::to_string(township_), "--role", "operator",
                                   "--password-memory-kib", "65536", "--password-passes", "2", "--password-file",
                                   file.string()}),
            0);
  std::filesystem::remove(file);
  jinguo::storage::Database db({url_, 1});
  auto stored = [&] {
    return *db.read([](jinguo::storage::ReadTx& tx) {
      return jinguo::storage::AccountRepository(tx).find_by_username("old_hash");
    });
  };
  const auto before = stored();
  ASSERT_TRUE(before.password_hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << before.password_hash;

  Client first = signed_in("old_hash");
  const auto after = stored();
  EXPECT_TRUE(after.password_hash.starts_with("$argon2id$v=19$m=9216,t=4,p=1$")) << after.password_hash;
  EXPECT_EQ(after.password_changed_at, before.password_changed_at);
  signed_in("old_hash");  // the new hash verifies
  EXPECT_EQ(stored().password_hash, after.password_hash) << "a hash of the server's cost is kept";
  EXPECT_EQ(Client(server_->port()).login("old_hash", kNewPassword).status, 401);

  const auto audit = admin_->get("/api/audit?account=old_hash&action=login").body;
  int rehashed = 0;
  for (const auto& record : audit["items"])
    if (record["changes"].contains("password") && record["changes"]["password"]["after"] == "rehashed") ++rehashed;
  EXPECT_EQ(rehashed, 1) << audit.dump();
}

}  // namespace
