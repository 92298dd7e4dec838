// Certificates (issue 13 §5) against the real binary on SQLite and PostgreSQL: the level above
// issues them (a village cannot certify its own), numbered per issuer and year without gaps, even
// when a batch fails or two clerks issue at once; printed as PDF with each print recorded; the
// public verification answers only to the code and stars the name; a certificate no longer
// holds once its position ends, is removed or the issuer revokes it; the issuer's prefix.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <thread>

#include "api_client.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::api_test::Server;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

std::string header(const Answer& a, const std::string& name) {
  auto it = a.headers.find(name);
  return it == a.headers.end() ? "" : it->second;
}

class CertificatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("证市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      auto a = admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = body(world_->city, "district", "证一区妇联");
    town_ = body(district_, "township", "证一镇妇联");
    village_ = body(town_, "village_congress", "证一村妇代会");
    second_village_ = body(town_, "village_congress", "证二村妇代会");
    for (const auto& [name, organisation, role] :
         {std::tuple{"cert_town", town_, "operator"}, std::tuple{"cert_village", village_, "federation_admin"},
          std::tuple{"cert_district", district_, "federation_admin"}}) {
      auto a = admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", organisation},
                                            {"role", role}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
    }
    town_client_ = std::make_unique<Client>(signed_in("cert_town"));
  }
  static void TearDownTestSuite() {
    town_client_.reset();
    world_.reset();
  }
  static Client signed_in(const std::string& username) {
    Client c(world_->server->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200);
    return c;
  }
  // A woman appointed in the village; `n` keeps ID numbers apart.
  static long long appointed(int n, const std::string& role, const std::string& manner, long long in = 0) {
    static const char* const kGiven[] = {"丽", "一", "娟", "芳", "敏", "静", "红", "霞", "燕", "梅"};
    json p{{"name", std::string("孙") + kGiven[n % 10] + "英"},
           {"id_number", jinguo::api_test::id_number("23010419" + std::to_string(70 + n % 30) + "0202" + std::to_string(100 + n))}};
    auto person = world_->admin->post("/api/people", p);
    EXPECT_EQ(person.status, 201) << person.body.dump();
    auto a = world_->admin->post("/api/positions", {{"person_id", person.body.value("id", 0LL)}, {"organisation_id", in ? in : village_},
                                                    {"role", role}, {"manner", manner}, {"start_on", "2016-07-01"}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }
  static Answer issue(Client& c, const json& ids) { return c.post("/api/certificates", {{"position_ids", ids}}); }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<Client> town_client_;
  static inline long long district_ = 0, town_ = 0, village_ = 0, second_village_ = 0;
};

TEST_F(CertificatesTest, TheLevelAboveIssuesNumberedCertificatesThatThePublicCanVerify) {
  const long long director = appointed(1, "director", "part_time"), helper = appointed(2, "member", "volunteer");
  // The village cannot certify its own members.
  Client village = signed_in("cert_village");
  auto own = issue(village, {director});
  EXPECT_EQ(own.status, 403) << own.body.dump();
  EXPECT_EQ(own.body["error"]["code"], "wrong_level");

  auto issued = issue(*town_client_, {director, helper});
  ASSERT_EQ(issued.status, 201) << issued.body.dump();
  ASSERT_EQ(issued.body["items"].size(), 2u);
  const auto& first = issued.body["items"][0];
  const auto& second = issued.body["items"][1];
  const std::string y = first["issued_on"].get<std::string>().substr(0, 4);
  EXPECT_EQ(first["number"], "证一镇妇证〔" + y + "〕第0001号");
  EXPECT_EQ(second["number"], "证一镇妇证〔" + y + "〕第0002号");
  EXPECT_EQ(first["kind"], "appointment");
  EXPECT_EQ(first["kind_label"], "任职证书");
  EXPECT_EQ(second["kind"], "volunteer");
  EXPECT_EQ(first["issuer_id"], town_);
  EXPECT_EQ(first["holder_name"], "孙一英");
  EXPECT_EQ(first["role_label"], "主任");
  EXPECT_TRUE(first["valid"].get<bool>());
  const std::string url = first["verify_url"];
  const std::string code = url.substr(url.rfind('/') + 1);
  EXPECT_NE(url.find("/verify/"), std::string::npos);
  EXPECT_EQ(code.size(), 26u);

  // Once only: a second issue names the position and the certificate it has.
  auto again = issue(*town_client_, {director});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["error"]["code"], "already_certified");
  EXPECT_EQ(again.body["error"]["field"], "position_ids[0]");

  // The public page: no sign-in, the name starred; any other code, however shaped, the same 404.
  Client anonymous(world_->server->port());
  auto check = anonymous.get("/api/public/certificates/" + code);
  ASSERT_EQ(check.status, 200) << check.body.dump();
  EXPECT_EQ(check.body["status"], "valid");
  EXPECT_EQ(check.body["holder"], "孙*英");
  EXPECT_EQ(check.body["issuer_name"], "证一镇妇联");
  EXPECT_EQ(check.body["organisation_name"], "证一村妇代会");
  EXPECT_FALSE(check.body.contains("person_id"));
  EXPECT_FALSE(check.body.contains("id"));
  auto unknown = anonymous.get("/api/public/certificates/" + std::string(26, 'a'));
  auto malformed = anonymous.get("/api/public/certificates/123");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(malformed.status, 404);
  EXPECT_EQ(unknown.body, malformed.body);
  EXPECT_EQ(anonymous.get("/api/public/certificates/abc-def%20x").body, unknown.body);

  // Printing: a PDF, each print counted and audited.
  const long long id = first["id"];
  auto pdf = town_client_->call("GET", "/api/certificates/" + std::to_string(id) + ".pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(header(pdf, "Content-Type"), "application/pdf");
  auto two = town_client_->call("GET", "/api/certificates.pdf?ids=" + std::to_string(id) + "," +
                                           std::to_string(second["id"].get<long long>()));
  EXPECT_EQ(two.status, 200);
  EXPECT_EQ(town_client_->get("/api/certificates/" + std::to_string(id)).body["prints"], 2);
  EXPECT_EQ(town_client_->call("GET", "/api/certificates.pdf?ids=1,x").status, 400);
  auto prints = world_->admin->get("/api/audit?entity=certificate&action=print&page_size=10").body["items"];
  EXPECT_EQ(prints.size(), 3u);

  // The position ends: the certificate no longer holds.
  auto ended = world_->admin->post("/api/positions/" + std::to_string(director) + "/end",
                                   {{"end_on", "2016-12-31"}, {"end_reason", "换届"}});
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  auto after = anonymous.get("/api/public/certificates/" + code);
  EXPECT_EQ(after.body["status"], "revoked");
  EXPECT_EQ(after.body["revoked_on"], "2016-12-31");
  EXPECT_EQ(after.body["revoke_reason"], "任职已结束");
  auto closed = issue(*town_client_, {director});
  EXPECT_EQ(closed.body["error"]["code"], "position_ended");
}

TEST_F(CertificatesTest, ABatchIsAllOrNoneAndNumbersHaveNoGaps) {
  const long long a = appointed(3, "member", "part_time"), b = appointed(4, "member", "part_time");
  ASSERT_EQ(issue(*town_client_, {a}).status, 201);
  const auto before = town_client_->get("/api/certificates?organisation_id=" + std::to_string(village_)).body;
  // b is fine, a is certified already: nothing is issued and no number is spent.
  auto refused = issue(*town_client_, {b, a});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"]["field"], "position_ids[1]");
  EXPECT_EQ(town_client_->get("/api/certificates?organisation_id=" + std::to_string(village_)).body["total"],
            before["total"]);
  auto next = issue(*town_client_, {b});
  ASSERT_EQ(next.status, 201);
  const std::string last = before["items"][0]["number"], now = next.body["items"][0]["number"];
  const int n_last = std::stoi(last.substr(last.find("第") + 3, 4)), n_now = std::stoi(now.substr(now.find("第") + 3, 4));
  EXPECT_EQ(n_now, n_last + 1) << last << " then " << now;

  EXPECT_EQ(issue(*town_client_, json::array()).body["error"]["code"], "required");
  EXPECT_EQ(issue(*town_client_, {999999}).status, 404);
  EXPECT_EQ(town_client_->post("/api/certificates", {{"position_ids", "1"}}).status, 400);
}

TEST_F(CertificatesTest, TwoClerksIssuingAtOnceGetDistinctConsecutiveNumbers) {
  std::vector<long long> positions;
  for (int i = 0; i < 8; ++i) positions.push_back(appointed(10 + i, "member", "volunteer", second_village_));
  Client district = signed_in("cert_district");
  std::vector<std::string> numbers[2];
  auto run = [&](Client& c, int from, std::vector<std::string>& out) {
    for (int i = from; i < 8; i += 2) {
      auto a = issue(c, {positions[static_cast<std::size_t>(i)]});
      EXPECT_EQ(a.status, 201) << a.body.dump();
      if (a.status == 201) out.push_back(a.body["items"][0]["number"]);
    }
  };
  std::thread one([&] { run(*town_client_, 0, numbers[0]); });
  std::thread two([&] { run(district, 1, numbers[1]); });
  one.join();
  two.join();
  std::set<int> seen;
  for (const auto& list : numbers)
    for (const auto& n : list) seen.insert(std::stoi(n.substr(n.find("第") + 3, 4)));
  ASSERT_EQ(seen.size(), 8u);
  EXPECT_EQ(*seen.rbegin() - *seen.begin(), 7);  // consecutive
}

TEST_F(CertificatesTest, TheIssuerRevokesAndSetsItsPrefix) {
  const long long p = appointed(30, "deputy_director", "part_time");
  auto made = issue(*town_client_, {p});
  ASSERT_EQ(made.status, 201);
  const long long id = made.body["items"][0]["id"];
  const std::string revoke = "/api/certificates/" + std::to_string(id) + "/revoke";
  Client village = signed_in("cert_village");
  EXPECT_EQ(village.get("/api/certificates/" + std::to_string(id)).status, 200);  // she sees her members'
  EXPECT_EQ(village.post(revoke, {{"reason", "写错了"}}).body["error"]["code"], "wrong_level");
  EXPECT_EQ(town_client_->post(revoke, json::object()).body["error"]["code"], "required");
  auto revoked = town_client_->post(revoke, {{"reason", "姓名有误，重新颁发"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body.dump();
  EXPECT_EQ(revoked.body["status"], "revoked");
  EXPECT_EQ(revoked.body["revoke_reason"], "姓名有误，重新颁发");
  EXPECT_EQ(town_client_->post(revoke, {{"reason", "again"}}).body["error"]["code"], "already_revoked");

  const std::string prefix = "/api/organisations/" + std::to_string(town_) + "/certificate-prefix";
  EXPECT_EQ(town_client_->get(prefix).body["prefix"], "证一镇妇证");
  auto bad = town_client_->call("PUT", prefix, json{{"prefix", "证镇2016"}}.dump());
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["code"], "prefix_characters");
  auto set = town_client_->call("PUT", prefix, json{{"prefix", "哈证镇妇证"}}.dump());
  ASSERT_EQ(set.status, 200) << set.body.dump();
  // Reissued after the revocation, under the new prefix.
  auto reissued = issue(*town_client_, {p});
  ASSERT_EQ(reissued.status, 201) << reissued.body.dump();
  EXPECT_EQ(reissued.body["items"][0]["number"].get<std::string>().rfind("哈证镇妇证〔", 0), 0u);
  EXPECT_GE(world_->admin->get("/api/audit?entity=certificate_prefix").body["items"].size(), 1u);

  // A position removed as a mistake takes its certificate's validity with it.
  const std::string url = reissued.body["items"][0]["verify_url"];
  auto removed = world_->admin->call("DELETE", "/api/positions/" + std::to_string(p), json{{"reason", "录入错误"}}.dump());
  ASSERT_EQ(removed.status, 200) << removed.body.dump();
  Client anonymous(world_->server->port());
  auto check = anonymous.get("/api/public/certificates/" + url.substr(url.rfind('/') + 1));
  EXPECT_EQ(check.body["status"], "revoked");
  EXPECT_EQ(check.body["revoke_reason"], "任职记录已删除");
}

// Two townships of one name in two districts: the first to issue numbers with the name's
// prefix, the other with its district's name before it; a prefix another issuer holds is refused.
TEST_F(CertificatesTest, SameNamedIssuersNeverShareAPrefix) {
  auto& admin = *world_->admin;
  auto body = [&](long long parent, const std::string& type, const std::string& name) {
    auto a = admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  };
  const long long east = body(body(world_->city, "district", "证东区妇联"), "township", "同名镇妇联");
  const long long west = body(body(world_->city, "district", "证西区妇联"), "township", "同名镇妇联");
  const long long east_member = appointed(61, "member", "part_time", body(east, "village_congress", "东村妇代会"));
  const long long west_member = appointed(62, "member", "part_time", body(west, "village_congress", "西村妇代会"));
  auto prefix_of = [&](long long issuer) {
    return admin.get("/api/organisations/" + std::to_string(issuer) + "/certificate-prefix").body.value("prefix", "");
  };
  EXPECT_EQ(prefix_of(east), "同名镇妇证");
  EXPECT_EQ(prefix_of(west), "同名镇妇证");  // neither has numbered yet

  auto first = issue(admin, {east_member});
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["items"][0]["number"].get<std::string>().rfind("同名镇妇证〔", 0), 0u) << first.body.dump();
  EXPECT_EQ(prefix_of(west), "证西区同名镇妇证");
  auto second = issue(admin, {west_member});
  ASSERT_EQ(second.status, 201) << second.body.dump();
  EXPECT_EQ(second.body["items"][0]["number"].get<std::string>().rfind("证西区同名镇妇证〔", 0), 0u) << second.body.dump();
  EXPECT_NE(first.body["items"][0]["number"], second.body["items"][0]["number"]);

  auto taken = admin.call("PUT", "/api/organisations/" + std::to_string(west) + "/certificate-prefix",
                          json{{"prefix", "同名镇妇证"}}.dump());
  EXPECT_EQ(taken.status, 409) << taken.body.dump();
  EXPECT_EQ(taken.body["error"]["code"], "prefix_taken");
  EXPECT_EQ(prefix_of(west), "证西区同名镇妇证");
  // Each issuer's prefix, taken at its first certificate, is on record.
  auto records = admin.get("/api/audit?entity=certificate_prefix&action=create").body;
  EXPECT_GE(records["items"].size(), 2u) << records.dump(1);
}

TEST_F(CertificatesTest, ThePublicCheckIsRateLimitedPerAddress) {
  Server limited(world_->url, {"--public-requests-per-minute", "3"});
  Client anonymous(limited.port());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(anonymous.get("/api/public/certificates/" + std::string(26, 'b')).status, 404);
  auto throttled = anonymous.get("/api/public/certificates/" + std::string(26, 'b'));
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.body["error"]["code"], "too_many_requests");
  EXPECT_FALSE(header(throttled, "Retry-After").empty());
}

}  // namespace
