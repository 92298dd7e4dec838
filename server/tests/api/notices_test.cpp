// Recruitment notices and public self-nomination (issue 13 step 2) against the real binary on
// SQLite and PostgreSQL: a clerk writes a draft, changes it, publishes it (an unguessable public
// address and a poster), closes it; on the public page a woman reads it and nominates herself,
// gets a receipt code shown once and reads her step with it, and nothing else; limits per
// address and per ID number; bad input named where it is, nothing stored.
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "api_client.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::created;
using jinguo::api_test::expect_refused;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";
constexpr const char* kDeadline = "2099-12-31";

class NoticesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("告市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      return created(admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}}));
    };
    district_ = body(world_->city, "district", "告一区妇联");
    town_ = body(district_, "township", "告一镇妇联");
    village_ = body(town_, "village_congress", "告一村妇代会");
    other_village_ = body(town_, "village_congress", "告二村妇代会");
    other_town_ = body(district_, "township", "告二镇妇联");
    for (const auto& [name, organisation, role] :
         {std::tuple{"notice_town", town_, "federation_admin"}, std::tuple{"notice_viewer", town_, "viewer"},
          std::tuple{"notice_other", other_town_, "federation_admin"}})
      created(admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", organisation},
                                           {"role", role}}));
    town_client_ = std::make_unique<Client>(jinguo::api_test::signed_in(*world_->server, "notice_town", kPassword));
    // The public pages on a server of their own, whose per-address budget the tests do not exhaust.
    public_server_ = std::make_unique<jinguo::api_test::Server>(world_->url,
                                                                std::vector<std::string>{"--public-requests-per-minute", "1000"});
  }
  static void TearDownTestSuite() {
    public_server_.reset();
    town_client_.reset();
    world_.reset();
  }
  static json notice_body(long long body, const std::string& coverage = "own") {
    return {{"organisation_id", body},
            {"coverage", coverage},
            {"title", "妇代会成员招募公告"},
            {"places", {{{"role", "member"}, {"places", 3}}, {{"role", "director"}, {"places", 1}}}},
            {"duties", "参与村妇代会日常工作，联系服务妇女群众"},
            {"conditions", "热心妇女工作，身体健康，年满18周岁"},
            {"how_to_apply", "扫码在线自荐，或到村委会报名"},
            {"contact", "村委会 0451-84694842"},
            {"deadline", kDeadline}};
  }
  // A published notice of the township for its villages; its slug.
  static std::string published_for_villages() {
    const long long id = created(town_client_->post("/api/notices", notice_body(town_, "villages")));
    auto p = town_client_->post("/api/notices/" + std::to_string(id) + "/publish", json::object());
    EXPECT_EQ(p.status, 200) << p.body.dump();
    return p.body.value("slug", "");
  }
  static json applicant(int n, long long body, const std::string& role = "member") {
    return {{"organisation_id", body},
            {"role", role},
            {"name", "钱秀英"},
            {"id_number", jinguo::api_test::id_number("2301041988060" + std::to_string(4000 + n))},
            {"mobile", "1390451" + std::to_string(2000 + n)},
            {"statement", "我在村里做了五年妇女工作"}};
  }
  static Answer apply(const std::string& slug, const json& body, httplib::Headers headers = {}) {
    Client anonymous(public_server_->port());
    return anonymous.call("POST", "/api/public/notices/" + slug + "/nominations", body.dump(), std::move(headers));
  }
  static Answer read_public(const std::string& path) { return Client(public_server_->port()).get(path); }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<Client> town_client_;
  static inline std::unique_ptr<jinguo::api_test::Server> public_server_;
  static inline long long district_ = 0, town_ = 0, village_ = 0, other_village_ = 0, other_town_ = 0;
};

TEST_F(NoticesTest, ADraftIsChangedThenPublishedWithAPosterThenClosed) {
  auto a = town_client_->post("/api/notices", notice_body(village_));
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const long long id = a.body["id"];
  const std::string at = "/api/notices/" + std::to_string(id);
  EXPECT_EQ(a.body["state"], "draft");
  EXPECT_EQ(a.body["state_label"], "草稿");
  EXPECT_TRUE(a.body["slug"].is_null());
  EXPECT_TRUE(a.body["public_url"].is_null());
  EXPECT_FALSE(a.body["open"].get<bool>());
  EXPECT_EQ(a.body["organisation_name"], "告一村妇代会");
  ASSERT_EQ(a.body["places"].size(), 2u);
  EXPECT_EQ(a.body["places"][0]["role"], "member");
  EXPECT_EQ(a.body["places"][0]["places"], 3);
  EXPECT_EQ(a.body["places"][1]["role_label"], "主任");

  // A draft is the clerk's to change; the poster waits for publication.
  json changed = notice_body(village_);
  changed.erase("organisation_id");
  changed["title"] = "告一村妇代会成员招募公告";
  changed["places"] = {{{"role", "member"}, {"places", 2}}};
  auto put = town_client_->call("PUT", at, changed.dump());
  ASSERT_EQ(put.status, 200) << put.body.dump();
  EXPECT_EQ(put.body["title"], "告一村妇代会成员招募公告");
  EXPECT_EQ(put.body["places"].size(), 1u);
  expect_refused(town_client_->call("GET", at + "/poster.pdf"), 409, "notice_not_published");

  auto published = town_client_->post(at + "/publish", json::object());
  ASSERT_EQ(published.status, 200) << published.body.dump();
  EXPECT_EQ(published.body["state"], "published");
  EXPECT_TRUE(published.body["open"].get<bool>());
  const std::string slug = published.body["slug"];
  EXPECT_TRUE(std::regex_match(slug, std::regex("[a-z2-7]{26}"))) << slug;
  const std::string url = published.body["public_url"];
  EXPECT_TRUE(url.ends_with("/apply/" + slug)) << url;
  EXPECT_TRUE(published.body["published_at"].is_string());

  // Published: no more changes, no deletion, no second publication; the poster is a PDF.
  expect_refused(town_client_->call("PUT", at, changed.dump()), 409, "notice_published");
  expect_refused(town_client_->call("DELETE", at), 409, "notice_published");
  expect_refused(town_client_->post(at + "/publish", json::object()), 409, "notice_published");
  httplib::Client raw("127.0.0.1", world_->server->port());
  auto poster = raw.Get(at + "/poster.pdf", {{"Cookie", town_client_->cookie()}});
  ASSERT_TRUE(poster);
  EXPECT_EQ(poster->status, 200);
  EXPECT_EQ(poster->get_header_value("Content-Type"), "application/pdf");
  EXPECT_TRUE(poster->body.starts_with("%PDF"));

  auto closed = town_client_->post(at + "/close", json::object());
  ASSERT_EQ(closed.status, 200) << closed.body.dump();
  EXPECT_EQ(closed.body["state"], "closed");
  EXPECT_FALSE(closed.body["open"].get<bool>());
  EXPECT_EQ(closed.body["closed_reason"], "closed");
  expect_refused(town_client_->post(at + "/close", json::object()), 409, "notice_closed");

  // Listed for the township's subtree, by state; each change audited once.
  auto list = town_client_->get("/api/notices?organisation_id=" + std::to_string(town_) + "&state=closed").body;
  ASSERT_GE(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["id"], id);
  EXPECT_EQ(town_client_->get("/api/notices?state=open").status, 400);
  auto audit = world_->admin->get("/api/audit?entity=notice&page_size=50").body["items"];
  int create = 0, update = 0, publish = 0, close = 0;
  for (const auto& e : audit) {
    if (e["entity_id"] != std::to_string(id)) continue;
    const std::string action = e["action"];
    create += action == "create";
    update += action == "update";
    publish += action == "publish";
    close += action == "close";
  }
  EXPECT_EQ(create, 1);
  EXPECT_EQ(update, 1);
  EXPECT_EQ(publish, 1);
  EXPECT_EQ(close, 1);

  // A draft may be deleted.
  const long long draft = created(town_client_->post("/api/notices", notice_body(village_)));
  EXPECT_EQ(town_client_->call("DELETE", "/api/notices/" + std::to_string(draft)).status, 204);
  EXPECT_EQ(town_client_->get("/api/notices/" + std::to_string(draft)).status, 404);
}

TEST_F(NoticesTest, WhatTheClerkWritesIsCheckedWhereItIs) {
  auto with = [](const std::function<void(json&)>& change) {
    json b = notice_body(village_);
    change(b);
    return town_client_->post("/api/notices", b);
  };
  expect_refused(with([](json& b) { b["coverage"] = "villages"; }), 422, "coverage_not_allowed", "coverage");
  expect_refused(with([](json& b) { b["places"][1]["role"] = "chair"; }), 422, "role_not_allowed", "places[1].role");
  expect_refused(with([](json& b) { b["places"][1]["role"] = "member"; }), 422, "duplicate", "places[1].role");
  expect_refused(with([](json& b) { b["places"][0]["places"] = 0; }), 422, "out_of_range", "places[0].places");
  expect_refused(with([](json& b) { b["places"][0]["places"] = "3"; }), 400, "wrong_type", "places[0].places");
  expect_refused(with([](json& b) { b["places"][0]["seats"] = 3; }), 400, "unknown_field", "places[0].seats");
  expect_refused(with([](json& b) { b["places"] = json::array(); }), 422, "required", "places");
  expect_refused(with([](json& b) { b["places"] = "member"; }), 400, "wrong_type", "places");
  expect_refused(with([](json& b) { b["deadline"] = "2016-01-01"; }), 422, "deadline_past", "deadline");
  expect_refused(with([](json& b) { b["title"] = " "; }), 422, "required", "title");
  expect_refused(with([](json& b) { b.erase("organisation_id"); }), 422, "required", "organisation_id");
  // Another township's clerk does not see this body or its notices; a viewer writes nothing.
  auto other = jinguo::api_test::signed_in(*world_->server, "notice_other", kPassword);
  expect_refused(other.post("/api/notices", notice_body(village_)), 404, "not_found", "organisation_id");
  const long long id = created(town_client_->post("/api/notices", notice_body(village_)));
  EXPECT_EQ(other.get("/api/notices/" + std::to_string(id)).status, 404);
  auto viewer = jinguo::api_test::signed_in(*world_->server, "notice_viewer", kPassword);
  EXPECT_EQ(viewer.post("/api/notices", notice_body(village_)).status, 403);
  EXPECT_EQ(viewer.get("/api/notices/" + std::to_string(id)).status, 200);
}

TEST_F(NoticesTest, AWomanNominatesHerselfAndReadsHerStepWithTheReceiptOnly) {
  const std::string slug = published_for_villages();
  ASSERT_EQ(slug.size(), 26u);

  // The public page: the notice, the villages to choose from, nothing of anyone.
  auto page = read_public("/api/public/notices/" + slug);
  ASSERT_EQ(page.status, 200) << page.body.dump();
  EXPECT_EQ(page.body["organisation_name"], "告一镇妇联");
  EXPECT_TRUE(page.body["open"].get<bool>());
  ASSERT_EQ(page.body["bodies"].size(), 2u);
  EXPECT_EQ(page.body["bodies"][0]["name"], "告一村妇代会");
  EXPECT_EQ(page.body["bodies"][0]["roles"], json({"member", "director"}));
  EXPECT_EQ(page.body["places"][0]["role_label_en"].is_string(), true);
  EXPECT_FALSE(page.body.contains("id"));
  EXPECT_FALSE(page.body.contains("created_by"));
  EXPECT_FALSE(page.body.contains("nominations"));
  auto unknown = read_public("/api/public/notices/" + std::string(26, 'a'));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(read_public("/api/public/notices/12").body, unknown.body);
  const long long draft = created(town_client_->post("/api/notices", notice_body(town_, "villages")));
  EXPECT_EQ(read_public("/api/public/notices/draft" + std::to_string(draft)).status, 404);

  // She applies: a receipt code, shown once.
  auto a = apply(slug, applicant(1, village_));
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const std::string receipt = a.body["receipt_code"];
  EXPECT_TRUE(std::regex_match(receipt, std::regex("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"))) << receipt;
  EXPECT_EQ(a.body["step"], "nominated");
  EXPECT_EQ(a.body["step_label"], "已提名");
  EXPECT_FALSE(a.body.contains("id"));

  // Read back with the code, in any case, with or without dashes: the step and where, nothing else.
  std::string lower;
  for (char c : receipt)
    if (c != '-') lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto status = read_public("/api/public/nominations/" + lower);
  ASSERT_EQ(status.status, 200) << status.body.dump();
  EXPECT_EQ(status.body["step"], "nominated");
  EXPECT_EQ(status.body["organisation_name"], "告一村妇代会");
  EXPECT_EQ(status.body["notice_title"], "妇代会成员招募公告");
  EXPECT_FALSE(status.body.contains("name"));
  EXPECT_FALSE(status.body.contains("id_number"));
  EXPECT_FALSE(status.body.contains("mobile"));
  auto no_code = read_public("/api/public/nominations/0000-0000-0000-0000-0000");
  EXPECT_EQ(no_code.status, 404);
  EXPECT_EQ(read_public("/api/public/nominations/x").body, no_code.body);

  // The staff see it: channel self, by the public, from the notice; a reveal shows her in full.
  auto notices = town_client_->get("/api/notices?organisation_id=" + std::to_string(town_)).body["items"];
  long long notice_id = 0;
  for (const auto& n : notices)
    if (n["slug"] == slug) {
      notice_id = n["id"];
      EXPECT_EQ(n["nominations"], 1);
    }
  ASSERT_NE(notice_id, 0);
  auto from = town_client_->get("/api/nominations?notice_id=" + std::to_string(notice_id)).body["items"];
  ASSERT_EQ(from.size(), 1u);
  EXPECT_EQ(from[0]["channel"], "self");
  EXPECT_EQ(from[0]["created_by"], "public");
  EXPECT_EQ(from[0]["notice_id"], notice_id);
  EXPECT_EQ(from[0]["organisation_id"], village_);
  // Staff moving it on shows in her receipt.
  const long long nomination = from[0]["id"];
  ASSERT_EQ(town_client_->post("/api/nominations/" + std::to_string(nomination) + "/assess", {{"passed", true}}).status, 200);
  EXPECT_EQ(read_public("/api/public/nominations/" + receipt).body["step"], "assessed");
  auto audit = world_->admin->get("/api/audit?entity=nomination&action=create&page_size=50").body["items"];
  bool by_public = false;
  for (const auto& e : audit) by_public |= e["entity_id"] == std::to_string(nomination) && e["actor"] == "public";
  EXPECT_TRUE(by_public) << audit.dump();

  // The same application again: refused naming nothing but what she typed.
  auto again = apply(slug, applicant(1, village_));
  expect_refused(again, 409, "already_nominated", "id_number");
  EXPECT_FALSE(again.body["error"].contains("existing_id"));

  // Bad input, named where it is; nothing stored.
  expect_refused(apply(slug, applicant(2, other_town_)), 422, "not_in_notice", "organisation_id");
  expect_refused(apply(slug, applicant(2, village_, "chair")), 422, "role_not_in_notice", "role");
  json no_mobile = applicant(2, village_);
  no_mobile.erase("mobile");
  expect_refused(apply(slug, no_mobile), 422, "required", "mobile");
  json bad_id = applicant(2, village_);
  std::string wrong = bad_id["id_number"];
  wrong.back() = wrong.back() == '0' ? '1' : '0';  // the check character no longer fits
  bad_id["id_number"] = wrong;
  EXPECT_EQ(apply(slug, bad_id).status, 422);
  json extra = applicant(2, village_);
  extra["channel"] = "direct";
  expect_refused(apply(slug, extra), 400, "unknown_field", "channel");
  EXPECT_EQ(apply(slug, applicant(2, village_), {{"Origin", "http://evil.example"}}).status, 403);
  EXPECT_EQ(apply(std::string(26, 'a'), applicant(2, village_)).status, 404);
  json heavy = applicant(2, village_);
  heavy["statement"] = std::string(20000, 'a');
  EXPECT_EQ(apply(slug, heavy).status, 413);
  EXPECT_EQ(town_client_->get("/api/nominations?notice_id=" + std::to_string(notice_id)).body["items"].size(), 1u);

  // A role the notice offers that this body does not have.
  json places = notice_body(town_, "villages");
  places["places"] = {{{"role", "member"}, {"places", 2}}, {{"role", "chair"}, {"places", 1}}};
  const long long mixed = created(town_client_->post("/api/notices", places));
  const std::string mixed_slug =
      town_client_->post("/api/notices/" + std::to_string(mixed) + "/publish", json::object()).body["slug"];
  auto mixed_page = read_public("/api/public/notices/" + mixed_slug).body;
  EXPECT_EQ(mixed_page["bodies"][0]["roles"], json({"member"})) << mixed_page.dump();
  expect_refused(apply(mixed_slug, applicant(4, village_, "chair")), 422, "role_not_in_body", "role");

  // Closed: no more applications; the page says why.
  ASSERT_EQ(town_client_->post("/api/notices/" + std::to_string(notice_id) + "/close", json::object()).status, 200);
  expect_refused(apply(slug, applicant(3, village_)), 409, "notice_closed");
  auto after = read_public("/api/public/notices/" + slug).body;
  EXPECT_FALSE(after["open"].get<bool>());
  EXPECT_EQ(after["closed_reason"], "closed");
}

TEST_F(NoticesTest, OneIdNumberNominatesHerselfAtMostThreeTimesADay) {
  const std::string slug = published_for_villages();
  auto same_person = [&](long long body, const std::string& role) {
    json b = applicant(10, body, role);
    return apply(slug, b);
  };
  EXPECT_EQ(same_person(village_, "member").status, 201);
  EXPECT_EQ(same_person(village_, "director").status, 201);
  EXPECT_EQ(same_person(other_village_, "member").status, 201);
  auto fourth = same_person(other_village_, "director");
  EXPECT_EQ(fourth.status, 429) << fourth.body.dump();
  EXPECT_EQ(fourth.body["error"]["code"], "too_many_requests");
  EXPECT_EQ(fourth.body["error"]["field"], "id_number");

  // Attempts, even refused ones, are counted per ID number: ten an hour.
  json bad = applicant(11, village_);
  bad.erase("name");
  for (int i = 0; i < 10; ++i) EXPECT_EQ(apply(slug, bad).status, 422);
  auto throttled = apply(slug, bad);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(throttled.headers.find("Retry-After") == throttled.headers.end());
  // Another woman is not held up by her.
  EXPECT_EQ(apply(slug, applicant(12, village_)).status, 201);
}

}  // namespace
