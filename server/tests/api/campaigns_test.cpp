// The campaign and its reporting chain (issue 12, first step) against the real binary on SQLite
// and PostgreSQL: the city sets the milestones; a district submits form 4 (frozen: the snapshot
// is the form as it was, with its SHA-256), the city returns it with a reason, the district
// corrects and resubmits, the city accepts; the registry changing afterwards shows as drift and
// changes nothing submitted; the dashboard names who is late; a reminder reaches the district.
// And every refusal: twice, out of order, from the wrong level, outside the scope.
#include <gtest/gtest.h>

#include <memory>

#include "api_client.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : ""; }

class CampaignsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("报市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name, bool pilot = false) {
      auto a = admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}, {"pilot", pilot}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    one_ = body(world_->city, "district", "报一区妇联");
    two_ = body(world_->city, "district", "报二区妇联");
    town_ = body(one_, "township", "报一镇妇联");
    pilot_ = body(two_, "street", "报二街道妇联", true);
    for (int i = 1; i <= 3; ++i) appoint(person(i), town_, i == 1 ? "chair" : "executive", "2016-07-01");
    for (const auto& [name, organisation, role] :
         {std::tuple{"campaign_city", world_->city, "federation_admin"}, std::tuple{"campaign_one", one_, "federation_admin"},
          std::tuple{"campaign_two", two_, "operator"}}) {
      auto a = admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", organisation},
                                            {"role", role}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
    }
    city_ = std::make_unique<Client>(signed_in("campaign_city"));
    district_ = std::make_unique<Client>(signed_in("campaign_one"));
    other_ = std::make_unique<Client>(signed_in("campaign_two"));

    auto c = city_->post("/api/campaigns", {{"name", "2016年扩大基层妇联组织成员工作"}, {"document_number", "哈妇发〔2016〕8号"},
                                            {"document_date", "2016-06-02"}, {"baseline_on", "2016-06-01"}});
    EXPECT_EQ(c.status, 201) << c.body.dump();
    campaign_ = c.body.value("id", 0LL);
    form4_ = milestone({{"title", "附表4"}, {"kind", "form"}, {"form", 4}, {"level", "district"}, {"due_on", "2016-09-20"}});
    account_ = milestone({{"title", "好的做法、经验和成效"}, {"kind", "account"}, {"level", "district"}, {"due_on", "2016-09-20"}});
    deadline_ = milestone({{"title", "全面完成"}, {"kind", "deadline"}, {"level", "district"}, {"due_on", "2016-08-31"}});
    pilots_ = milestone({{"title", "示范点"}, {"kind", "form"}, {"form", 4}, {"level", "pilot"}, {"due_on", "2016-06-25"}});
  }
  static void TearDownTestSuite() {
    city_.reset();
    district_.reset();
    other_.reset();
    world_.reset();
  }

  static Client signed_in(const std::string& username) {
    Client c(world_->server->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200);
    return c;
  }

  static long long milestone(const json& body) {
    auto a = city_->post("/api/campaigns/" + std::to_string(campaign_) + "/milestones", body);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static long long person(int i) {
    json p{{"name", "钱" + jinguo::api_test::han_digits(i)},
           {"id_number", jinguo::api_test::id_number("230103198" + std::to_string(i) + "0101" + std::to_string(300 + i * 2))}};
    auto a = world_->admin->post("/api/people", p);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static void appoint(long long who, long long body, const std::string& role, const std::string& start) {
    auto a = world_->admin->post("/api/positions", {{"person_id", who}, {"organisation_id", body}, {"role", role},
                                                    {"manner", "volunteer"}, {"start_on", start}});
    EXPECT_EQ(a.status, 201) << a.body.dump();
  }

  static std::string submissions(long long milestone) {
    return "/api/milestones/" + std::to_string(milestone) + "/submissions";
  }
  static std::string submission(long long id, const std::string& what = "") {
    return "/api/submissions/" + std::to_string(id) + (what.empty() ? "" : "/" + what);
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<Client> city_, district_, other_;
  static inline long long one_ = 0, two_ = 0, town_ = 0, pilot_ = 0, campaign_ = 0, form4_ = 0, account_ = 0,
                          deadline_ = 0, pilots_ = 0;
};

TEST_F(CampaignsTest, SubmitReturnResubmitAccept) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  // Her township is short of the staffing rule (3 of 25): the numbers need a word of explanation.
  auto unexplained = district_->post(submissions(form4_), {{"organisation_id", one_}});
  EXPECT_EQ(unexplained.status, 422);
  EXPECT_EQ(code(unexplained), "explanation_required");
  EXPECT_NE(text_of(unexplained.body["error"]["message"]).find("报一镇妇联"), std::string::npos) << unexplained.body.dump();
  auto first = district_->post(submissions(form4_), {{"organisation_id", one_}, {"explanation", "正在换届，8月底前配齐"}});
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["explanation"], "正在换届，8月底前配齐");
  EXPECT_EQ(first.body["version"], 1);
  EXPECT_EQ(first.body["state"], "submitted");
  EXPECT_EQ(text_of(first.body["sha256"]).size(), 64u);
  EXPECT_GT(first.body["days_late"].get<int>(), 0);  // the machine's today is after 2016-09-20
  // The snapshot is the form as the registry had it.
  auto form = district_->get("/api/forms/4?within=" + std::to_string(one_) + "&on=2016-09-20&baseline=2016-06-01");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(first.body["snapshot"]["rows"].size(), form.body["rows"].size());
  EXPECT_EQ(first.body["snapshot"]["totals"]["members_after"], form.body["totals"]["members_after"]);
  EXPECT_EQ(first.body["snapshot"]["totals"]["members_after"], 3);
  EXPECT_TRUE(first.body["drift"].empty());
  const long long id = first.body["id"];

  EXPECT_EQ(code(district_->post(submissions(form4_), {{"organisation_id", one_}, {"explanation", "再报"}})),
            "already_submitted");
  auto own = district_->post(submission(id, "accept"), json::object());
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(code(own), "wrong_level");
  EXPECT_EQ(code(city_->post(submission(id, "return"), {{"reason", "  "}})), "required");

  auto returned = city_->post(submission(id, "return"), {{"reason", "新增人数与花名册不符"}});
  ASSERT_EQ(returned.status, 200) << returned.body.dump();
  EXPECT_EQ(returned.body["state"], "returned");
  EXPECT_EQ(returned.body["decision_reason"], "新增人数与花名册不符");
  EXPECT_EQ(code(city_->post(submission(id, "accept"), json::object())), "not_awaiting_decision");

  // The registry moves on: the submitted numbers do not, and the drift shows it.
  appoint(person(4), town_, "executive", "2016-08-01");
  auto again = district_->get(submission(id));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["snapshot"], first.body["snapshot"]);
  EXPECT_EQ(again.body["sha256"], first.body["sha256"]);
  bool drifted = false;
  for (const auto& d : again.body["drift"])
    drifted = drifted || (d["row"] == "total" && d["column"] == "members_after" && d["submitted"] == 3 && d["live"] == 4);
  EXPECT_TRUE(drifted) << again.body["drift"].dump();

  auto second = district_->post(submissions(form4_), {{"organisation_id", one_}, {"explanation", "已按花名册更正"}});
  ASSERT_EQ(second.status, 201) << second.body.dump();
  EXPECT_EQ(second.body["version"], 2);
  EXPECT_EQ(second.body["snapshot"]["totals"]["members_after"], 4);
  EXPECT_NE(second.body["sha256"], first.body["sha256"]);
  auto accepted = city_->post(submission(second.body["id"].get<long long>(), "accept"), json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body.dump();
  EXPECT_EQ(accepted.body["state"], "accepted");
  EXPECT_EQ(code(district_->post(submissions(form4_), {{"organisation_id", one_}, {"explanation", "再报"}})),
            "already_accepted");

  auto progress = district_->get(submissions(form4_) + "?organisation_id=" + std::to_string(one_));
  ASSERT_EQ(progress.status, 200) << progress.body.dump();
  EXPECT_EQ(progress.body["state"], "accepted");
  ASSERT_EQ(progress.body["versions"].size(), 2u);
  EXPECT_EQ(progress.body["versions"][0]["version"], 2);
  EXPECT_EQ(progress.body["versions"][1]["state"], "returned");

  for (const char* action : {"submit", "return", "accept"}) {
    auto audit = world_->admin->get(std::string("/api/audit?action=") + action + "&page_size=5");
    EXPECT_GE(audit.body["items"].size(), 1u) << action;
  }
}

TEST_F(CampaignsTest, TheDashboardNamesWhoIsLateAndARemindReachesThem) {
  auto reminded = city_->post("/api/milestones/" + std::to_string(account_) + "/reminders",
                              {{"organisation_id", two_}, {"note", "请尽快报送"}});
  ASSERT_EQ(reminded.status, 201) << reminded.body.dump();
  auto board = city_->get("/api/milestones/" + std::to_string(account_) + "/dashboard");
  ASSERT_EQ(board.status, 200) << board.body.dump();
  ASSERT_EQ(board.body["items"].size(), 2u);
  for (const auto& line : board.body["items"]) {
    EXPECT_EQ(line["state"], "not_started");
    EXPECT_GT(line["overdue_days"].get<int>(), 0);
    EXPECT_EQ(line["reminders"], line["organisation_id"] == two_ ? 1 : 0);
  }
  // The district reminded sees it with its own deadlines; she cannot remind anyone.
  auto own = other_->get("/api/deadlines");
  ASSERT_EQ(own.status, 200);
  bool seen = false;
  for (const auto& d : own.body["items"])
    if (d["milestone"]["id"] == account_) seen = !d["last_reminded_at"].is_null();
  EXPECT_TRUE(seen) << own.body.dump();
  EXPECT_EQ(other_->post("/api/milestones/" + std::to_string(account_) + "/reminders", {{"organisation_id", two_}}).status,
            403);
  // A district's dashboard holds only itself.
  auto theirs = other_->get("/api/milestones/" + std::to_string(account_) + "/dashboard");
  ASSERT_EQ(theirs.status, 200);
  ASSERT_EQ(theirs.body["items"].size(), 1u);
  EXPECT_EQ(theirs.body["items"][0]["organisation_id"], two_);
}

TEST_F(CampaignsTest, AccountsDeadlinesPilotsAndScope) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  auto empty = other_->post(submissions(account_), {{"organisation_id", two_}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.body["error"]["field"], "text");
  auto account = other_->post(submissions(account_), {{"organisation_id", two_}, {"text", "一、做法……二、经验……三、成效……"}});
  ASSERT_EQ(account.status, 201) << account.body.dump();
  EXPECT_EQ(account.body["snapshot"]["text"], "一、做法……二、经验……三、成效……");
  EXPECT_EQ(code(other_->post(submissions(deadline_), {{"organisation_id", two_}})), "nothing_to_submit");
  EXPECT_EQ(code(district_->post(submissions(form4_), {{"organisation_id", town_}})), "not_owed");
  EXPECT_EQ(code(other_->post(submissions(pilots_), {{"organisation_id", two_}})), "not_owed");
  auto pilot = other_->post(submissions(pilots_), {{"organisation_id", pilot_}, {"explanation", "示范点社区尚未建立"}});
  EXPECT_EQ(pilot.status, 201) << pilot.body.dump();
  // Outside her scope a district finds nothing.
  EXPECT_EQ(other_->post(submissions(form4_), {{"organisation_id", one_}}).status, 404);
  EXPECT_EQ(other_->get(submission(account.body["id"].get<long long>())).status, 200);
  EXPECT_EQ(district_->get(submission(account.body["id"].get<long long>())).status, 404);
  // Only the city changes its campaign.
  EXPECT_EQ(district_->patch("/api/milestones/" + std::to_string(form4_), {{"due_on", "2016-12-31"}}).status, 403);
  auto moved = city_->patch("/api/milestones/" + std::to_string(deadline_), {{"due_on", "2016-09-01"}});
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["due_on"], "2016-09-01");
  EXPECT_EQ(code(city_->post("/api/campaigns/" + std::to_string(campaign_) + "/milestones",
                             {{"title", "附表"}, {"kind", "form"}, {"level", "district"}, {"due_on", "2016-09-20"}})),
            "form_required");
  auto listed = district_->get("/api/campaigns");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["items"].size(), 1u);
  auto detail = district_->get("/api/campaigns/" + std::to_string(campaign_));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body["milestones"].size(), 4u);
}

TEST_F(CampaignsTest, ASpotCheckIsDrawnReproduciblyAndItsFindingsRecorded) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const std::string checks = "/api/campaigns/" + std::to_string(campaign_) + "/spot-checks";
  auto drawn = city_->post(checks, {{"organisation_id", one_}, {"sample_size", 5}, {"seed", "20160920"}});
  ASSERT_EQ(drawn.status, 201) << drawn.body.dump();
  EXPECT_EQ(drawn.body["seed"], "20160920");
  ASSERT_EQ(drawn.body["items"].size(), 1u);  // the district has one township to sample
  EXPECT_EQ(drawn.body["items"][0]["organisation_id"], town_);
  EXPECT_TRUE(drawn.body["items"][0]["finding"].is_null());
  auto again = city_->post(checks, {{"organisation_id", one_}, {"sample_size", 5}, {"seed", "20160920"}});
  EXPECT_EQ(again.body["items"], drawn.body["items"]);
  // Only the level above draws and records; the district reads its own.
  EXPECT_EQ(code(district_->post(checks, {{"organisation_id", one_}, {"sample_size", 5}})), "wrong_level");
  EXPECT_EQ(code(city_->post(checks, {{"organisation_id", town_}, {"sample_size", 5}})), "not_a_district");
  EXPECT_EQ(code(city_->post(checks, {{"organisation_id", one_}, {"sample_size", 0}})), "out_of_range");
  EXPECT_EQ(code(city_->post(checks, {{"organisation_id", one_}, {"sample_size", 5}, {"seed", "-1"}})), "invalid_seed");
  const std::string findings = "/api/spot-checks/" + std::to_string(drawn.body["id"].get<long long>()) + "/findings";
  EXPECT_EQ(code(city_->post(findings, {{"organisation_id", town_}, {"finding", "differences"}})), "required");
  EXPECT_EQ(code(city_->post(findings, {{"organisation_id", one_}, {"finding", "confirmed"}})), "not_sampled");
  EXPECT_EQ(district_->post(findings, {{"organisation_id", town_}, {"finding", "confirmed"}}).status, 403);
  auto found = city_->post(findings, {{"organisation_id", town_}, {"finding", "differences"},
                                      {"differences", "执委李某已调离，名册未更新"}, {"checked_on", "2016-09-25"}});
  ASSERT_EQ(found.status, 200) << found.body.dump();
  EXPECT_EQ(found.body["items"][0]["finding"], "differences");
  EXPECT_EQ(found.body["items"][0]["checked_on"], "2016-09-25");
  EXPECT_EQ(found.body["differences"], 1);
  auto listed = district_->get(checks);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["items"].size(), 2u);
  EXPECT_EQ(other_->get(checks).body["items"].size(), 0u);
  EXPECT_EQ(other_->get("/api/spot-checks/" + std::to_string(drawn.body["id"].get<long long>())).status, 404);
}

TEST_F(CampaignsTest, ADraftShowsOnTheDashboardUntilItIsSubmitted) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const long long summary = milestone({{"title", "半年小结"}, {"kind", "account"}, {"level", "district"}, {"due_on", "2016-07-20"}});
  const std::string draft = "/api/milestones/" + std::to_string(summary) + "/draft";
  auto put = [&](Client& c, const json& body) { return c.call("PUT", draft, body.dump()); };
  auto saved = put(*district_, {{"organisation_id", one_}, {"text", "一、做法（未完）"}});
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  EXPECT_EQ(saved.body["text"], "一、做法（未完）");
  EXPECT_EQ(code(put(*district_, {{"organisation_id", one_}, {"text", std::string(20001, 'x')}})), "too_long");
  EXPECT_EQ(put(*other_, {{"organisation_id", one_}, {"text", "x"}}).status, 404);
  auto board = city_->get("/api/milestones/" + std::to_string(summary) + "/dashboard");
  ASSERT_EQ(board.status, 200);
  for (const auto& line : board.body["items"])
    EXPECT_EQ(line["state"], line["organisation_id"] == one_ ? "draft" : "not_started") << line.dump();
  EXPECT_EQ(board.body["summary"][1]["draft"], 1);
  auto progress = district_->get(submissions(summary) + "?organisation_id=" + std::to_string(one_));
  EXPECT_EQ(progress.body["draft"]["text"], "一、做法（未完）");
  auto sent = district_->post(submissions(summary), {{"organisation_id", one_}, {"text", "一、做法……二、经验……"}});
  ASSERT_EQ(sent.status, 201) << sent.body.dump();
  progress = district_->get(submissions(summary) + "?organisation_id=" + std::to_string(one_));
  EXPECT_TRUE(progress.body["draft"].is_null());
  EXPECT_EQ(progress.body["state"], "submitted");
  EXPECT_EQ(code(put(*district_, {{"organisation_id", one_}, {"text", "再改"}})), "already_submitted");
  EXPECT_GE(world_->admin->get("/api/audit?action=save&page_size=5").body["items"].size(), 1u);
}

TEST_F(CampaignsTest, TheLeadershipGroupAndItsOffice) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const std::string campaign = "/api/campaigns/" + std::to_string(campaign_);
  auto changed = city_->patch(campaign, {{"office", "领导小组办公室设在市妇联组织联络部"}});
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["office"], "领导小组办公室设在市妇联组织联络部");
  EXPECT_EQ(district_->patch(campaign, {{"office", "区妇联"}}).status, 403);
  auto member = [&](const char* name, const char* role, const char* post) {
    return city_->post(campaign + "/group", {{"name", name}, {"role", role}, {"post", post}});
  };
  ASSERT_EQ(member("孙成员", "member", "组织联络部部长").status, 201);
  auto leader = member("王组长", "leader", "市妇联主席");
  ASSERT_EQ(leader.status, 201) << leader.body.dump();
  EXPECT_EQ(leader.body["role_label"], "组长");
  ASSERT_EQ(member("李副组长", "deputy", "市委组织部处长").status, 201);
  auto second = member("赵某", "leader", "");
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(code(second), "leader_exists");
  EXPECT_EQ(code(member("赵某", "chief", "")), "unknown_role");
  EXPECT_EQ(district_->post(campaign + "/group", {{"name", "区里的人"}, {"role", "member"}}).status, 403);
  auto detail = district_->get(campaign);
  ASSERT_EQ(detail.status, 200);
  ASSERT_EQ(detail.body["group"].size(), 3u);
  EXPECT_EQ(detail.body["group"][0]["name"], "王组长");  // the leader first, then deputies, then members
  EXPECT_EQ(detail.body["group"][1]["role"], "deputy");
  EXPECT_EQ(detail.body["group"][2]["post"], "组织联络部部长");
  const std::string one = campaign + "/group/" + std::to_string(detail.body["group"][2]["id"].get<long long>());
  EXPECT_EQ(district_->call("DELETE", one).status, 403);
  EXPECT_EQ(city_->call("DELETE", one).status, 204);
  EXPECT_EQ(city_->call("DELETE", one).status, 404);
  EXPECT_EQ(city_->get(campaign).body["group"].size(), 2u);
  EXPECT_GE(world_->admin->get("/api/audit?action=remove&page_size=5").body["items"].size(), 1u);
}

TEST_F(CampaignsTest, AttachmentsAreJudgedByContentAndLockWithTheVersion) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const long long scans = milestone({{"title", "盖章扫描件"}, {"kind", "account"}, {"level", "district"}, {"due_on", "2016-09-20"}});
  auto sent = district_->post(submissions(scans), {{"organisation_id", one_}, {"text", "见附件"}});
  ASSERT_EQ(sent.status, 201) << sent.body.dump();
  const long long id = sent.body["id"];
  const std::string files = submission(id, "attachments") + "?file_name=";
  const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";
  auto attached = district_->call("POST", files + "%E9%99%84%E8%A1%A84.pdf", pdf);
  ASSERT_EQ(attached.status, 201) << attached.body.dump();
  EXPECT_EQ(attached.body["file_name"], "附表4.pdf");
  EXPECT_EQ(attached.body["content_type"], "application/pdf");
  EXPECT_EQ(attached.body["size"], pdf.size());
  EXPECT_EQ(text_of(attached.body["sha256"]).size(), 64u);
  // Judged by content: an HTML page named .pdf, an empty file, too large, no name.
  auto html = district_->call("POST", files + "scan.pdf", "<!DOCTYPE html><script>alert(1)</script>");
  EXPECT_EQ(html.status, 415);
  EXPECT_EQ(code(html), "unsupported_file_type");
  EXPECT_NE(text_of(html.body["error"]["message"]).find("PDF"), std::string::npos);
  EXPECT_EQ(code(district_->call("POST", files + "empty.pdf", "")), "empty_file");
  auto large = district_->call("POST", files + "big.pdf", "%PDF-" + std::string(11u << 20, 'x'));
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(code(large), "file_too_large");
  auto huge = district_->call("POST", files + "huge.pdf", "%PDF-" + std::string(30u << 20, 'x'));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(code(huge), "file_too_large");
  EXPECT_EQ(code(district_->call("POST", submission(id, "attachments"), pdf)), "required");
  // The level above reads the files but does not add them; another district does not see them.
  EXPECT_EQ(code(city_->call("POST", files + "city.pdf", pdf)), "wrong_level");
  const std::string file = "/api/attachments/" + std::to_string(attached.body["id"].get<long long>());
  auto read = city_->call("GET", file);
  ASSERT_EQ(read.status, 200);
  bool typed = false, disposed = false;
  for (const auto& [k, v] : read.headers) {
    typed = typed || (k == "Content-Type" && v == "application/pdf");
    disposed = disposed || (k == "Content-Disposition" && v.starts_with("attachment;"));
  }
  EXPECT_TRUE(typed && disposed);
  EXPECT_EQ(other_->get(file).status, 404);
  auto png = district_->call("POST", files + "seal.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_EQ(png.status, 201) << png.body.dump();
  auto detail = city_->get(submission(id));
  ASSERT_EQ(detail.body["attachments"].size(), 2u);
  EXPECT_EQ(detail.body["attachments"][0]["file_name"], "附表4.pdf");
  EXPECT_EQ(detail.body["attachment_count"], 2);
  const std::string second = "/api/attachments/" + std::to_string(png.body["id"].get<long long>());
  EXPECT_EQ(district_->call("DELETE", second).status, 204);
  EXPECT_EQ(city_->get(submission(id)).body["attachments"].size(), 1u);
  // Decided, the version's files no longer change.
  ASSERT_EQ(city_->post(submission(id, "return"), {{"reason", "扫描件缺少公章"}}).status, 200);
  auto locked = district_->call("POST", files + "again.pdf", pdf);
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(code(locked), "locked");
  EXPECT_EQ(code(district_->call("DELETE", file)), "locked");
  EXPECT_GE(world_->admin->get("/api/audit?action=attach&page_size=5").body["items"].size(), 2u);
  EXPECT_GE(world_->admin->get("/api/audit?action=detach&page_size=5").body["items"].size(), 1u);
}

TEST_F(CampaignsTest, PilotsAreComparedWithTheRest) {
  auto pilots = city_->get("/api/campaigns/" + std::to_string(campaign_) + "/pilots?on=2016-09-20");
  ASSERT_EQ(pilots.status, 200) << pilots.body.dump();
  EXPECT_EQ(pilots.body["on"], "2016-09-20");
  ASSERT_EQ(pilots.body["items"].size(), 1u);
  EXPECT_EQ(pilots.body["items"][0]["organisation_id"], pilot_);
  EXPECT_EQ(pilots.body["items"][0]["district_name"], "报二区妇联");
  EXPECT_EQ(pilots.body["items"][0]["status"], "short");
  EXPECT_EQ(pilots.body["items"][0]["total"], 0);
  ASSERT_EQ(pilots.body["comparison"].size(), 2u);
  EXPECT_EQ(pilots.body["comparison"][0]["group"], "pilots");
  EXPECT_EQ(pilots.body["comparison"][0]["bodies"], 1);
  EXPECT_EQ(pilots.body["comparison"][0]["share"], 0);
  EXPECT_EQ(pilots.body["comparison"][1]["group"], "others");
  EXPECT_EQ(pilots.body["comparison"][1]["bodies"], 1);  // 报一镇妇联: a township like the pilot street
  EXPECT_EQ(district_->get("/api/campaigns/" + std::to_string(campaign_) + "/pilots").body["items"].size(), 0u);
  auto board = city_->get("/api/milestones/" + std::to_string(pilots_) + "/dashboard");
  ASSERT_EQ(board.status, 200);
  ASSERT_EQ(board.body["summary"].size(), 2u);
  EXPECT_EQ(board.body["summary"][0]["group"], "pilots");
  EXPECT_EQ(board.body["summary"][0]["bodies"], 1);
  EXPECT_EQ(board.body["summary"][0]["submitted"], 1);

  // Pilots belong to the campaign: the level above marks and unmarks them.
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const std::string pilots_path = "/api/campaigns/" + std::to_string(campaign_) + "/pilots";
  auto marked = district_->post(pilots_path, {{"organisation_id", town_}});
  ASSERT_EQ(marked.status, 200) << marked.body.dump();
  EXPECT_EQ(marked.body["items"].size(), 1u);  // her own subtree's pilots: the township now
  EXPECT_EQ(code(district_->post(pilots_path, {{"organisation_id", town_}})), "already_pilot");
  EXPECT_EQ(code(city_->post(pilots_path, {{"organisation_id", one_}})), "not_pilot_level");
  EXPECT_EQ(code(district_->post(pilots_path, {{"organisation_id", one_}})), "wrong_level");
  EXPECT_EQ(other_->post(pilots_path, {{"organisation_id", town_}}).status, 404);
  auto owing = city_->get("/api/milestones/" + std::to_string(pilots_) + "/dashboard");
  EXPECT_EQ(owing.body["items"].size(), 2u);
  EXPECT_EQ(city_->get(pilots_path).body["items"].size(), 2u);
  const std::string town_pilot = pilots_path + "/" + std::to_string(town_);
  EXPECT_EQ(other_->call("DELETE", town_pilot).status, 404);
  EXPECT_EQ(district_->call("DELETE", town_pilot).status, 204);
  EXPECT_EQ(district_->call("DELETE", town_pilot).status, 404);
  EXPECT_EQ(city_->get(pilots_path).body["items"].size(), 1u);
  // A new campaign starts with the pilots the registry marks; its own changes stay its own.
  auto next = city_->post("/api/campaigns", {{"name", "2017年工作"}, {"baseline_on", "2017-01-01"}});
  ASSERT_EQ(next.status, 201) << next.body.dump();
  const std::string next_pilots = "/api/campaigns/" + std::to_string(next.body["id"].get<long long>()) + "/pilots";
  ASSERT_EQ(city_->get(next_pilots).body["items"].size(), 1u);
  EXPECT_EQ(city_->get(next_pilots).body["items"][0]["organisation_id"], pilot_);
  EXPECT_EQ(city_->call("DELETE", next_pilots + "/" + std::to_string(pilot_)).status, 204);
  EXPECT_EQ(city_->get(next_pilots).body["items"].size(), 0u);
  EXPECT_EQ(city_->get(pilots_path).body["items"].size(), 1u);
}

TEST_F(CampaignsTest, TheScoresRankTheDistricts) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const std::string scheme = "/api/campaigns/" + std::to_string(campaign_) + "/score-scheme";
  auto put = [&](Client& c, const json& body) { return c.call("PUT", scheme, body.dump()); };
  json items = json::array({{{"measure", "compliance"}, {"weight", 40}, {"on", "2016-09-20"}},
                            {{"measure", "timeliness"}, {"weight", 20}, {"milestone_id", form4_}},
                            {{"measure", "spot_check"}, {"weight", 20}},
                            {{"measure", "accepted"}, {"weight", 20}, {"milestone_id", account_}, {"label", "书面总结被采纳"}}});
  auto wrong = items;
  wrong[1]["weight"] = 101;
  auto refused = put(*city_, {{"items", wrong}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["error"]["field"], "items[1].weight");
  wrong = items;
  wrong[2]["milestone_id"] = deadline_;
  EXPECT_EQ(put(*city_, {{"items", wrong}}).body["error"]["field"], "items[2].milestone_id");
  wrong = items;
  wrong[0]["colour"] = "red";
  EXPECT_EQ(put(*city_, {{"items", wrong}}).body["error"]["field"], "items[0].colour");
  EXPECT_EQ(code(put(*city_, {{"items", json::array()}})), "required");
  EXPECT_EQ(put(*district_, {{"items", items}}).status, 403);
  auto saved = put(*city_, {{"items", items}});
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  ASSERT_EQ(saved.body["items"].size(), 4u);
  EXPECT_EQ(saved.body["items"][1]["label"], "按时报送：附表4");
  EXPECT_EQ(saved.body["items"][1]["per_day_penalty"], 10);
  EXPECT_EQ(saved.body["items"][3]["milestone_title"], "好的做法、经验和成效");

  // 报一区: its township short on the day (0 of 1), form 4 late, one finding of differences, no
  // account; 报二区: its pilot street short, no spot check yet (full), its account not accepted.
  auto scores = city_->get("/api/campaigns/" + std::to_string(campaign_) + "/scores");
  ASSERT_EQ(scores.status, 200) << scores.body.dump();
  EXPECT_EQ(scores.body["max"], 100);
  ASSERT_EQ(scores.body["items"].size(), 2u);
  const auto& first = scores.body["items"][0];
  EXPECT_EQ(first["organisation_id"], two_);
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["total"], 20);
  EXPECT_EQ(first["parts"][2]["detail"], "未抽查");
  EXPECT_EQ(first["parts"][3]["detail"], "未采纳");
  const auto& second = scores.body["items"][1];
  EXPECT_EQ(second["organisation_id"], one_);
  EXPECT_EQ(second["rank"], 2);
  EXPECT_EQ(second["total"], 0);
  EXPECT_EQ(second["parts"][0]["detail"], "达标 0/1（0.0%）");
  EXPECT_EQ(second["parts"][2]["detail"], "抽查 1 个，属实 0 个");
  // A district sees its own line with its rank; only the city exports.
  auto own = district_->get("/api/campaigns/" + std::to_string(campaign_) + "/scores");
  ASSERT_EQ(own.body["items"].size(), 1u);
  EXPECT_EQ(own.body["items"][0]["rank"], 2);
  EXPECT_EQ(district_->get("/api/campaigns/" + std::to_string(campaign_) + "/scores.xlsx").status, 403);
  auto book = city_->call("GET", "/api/campaigns/" + std::to_string(campaign_) + "/scores.xlsx");
  EXPECT_EQ(book.status, 200);
  EXPECT_GE(world_->admin->get("/api/audit?entity=score_scheme&page_size=5").body["items"].size(), 1u);
}

// Contact people (工作联系人) belong to a campaign: a new contact goes to the newest campaign
// holding her body unless she names one; the campaign lists each district with its contacts and
// counts those with none; form 1 and a form-1 submission read the campaign's own. This test
// starts further campaigns, so it comes last.
TEST_F(CampaignsTest, ContactPeopleBelongToACampaign) {
  auto code = [](const jinguo::api_test::Answer& a) { return text_of(a.body["error"]["code"]); };
  const std::string of_one = "/api/organisations/" + std::to_string(one_) + "/contacts";
  auto first = district_->post(of_one, {{"name", "李红"}, {"post", "组织部长"}, {"mobile", "13804510001"},
                                        {"start_on", "2016-06-03"}, {"campaign_id", campaign_}});
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["campaign_id"], campaign_);
  EXPECT_EQ(first.body["campaign_name"], "2016年扩大基层妇联组织成员工作");

  const std::string listed = "/api/campaigns/" + std::to_string(campaign_) + "/contacts?on=2016-06-20";
  auto all = city_->get(listed);
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["missing"], 1);  // 报二区 has named nobody
  ASSERT_EQ(all.body["items"].size(), 2u) << all.body.dump();
  EXPECT_EQ(all.body["items"][0]["organisation_id"], one_);
  ASSERT_EQ(all.body["items"][0]["contacts"].size(), 1u);
  EXPECT_EQ(all.body["items"][0]["contacts"][0]["name"], "李红");
  EXPECT_EQ(all.body["items"][1]["organisation_id"], two_);
  EXPECT_TRUE(all.body["items"][1]["contacts"].empty());
  auto own = other_->get(listed);  // 报二区 sees its own line
  ASSERT_EQ(own.body["items"].size(), 1u) << own.body.dump();
  EXPECT_EQ(own.body["items"][0]["organisation_id"], two_);
  EXPECT_EQ(own.body["missing"], 1);

  // The newest campaign takes new contacts by default; one may still name an earlier one.
  auto later = city_->post("/api/campaigns", {{"name", "2018年巩固提升工作"}, {"document_number", "哈妇发〔2018〕3号"},
                                              {"document_date", "2018-03-01"}, {"baseline_on", "2018-03-01"}});
  ASSERT_EQ(later.status, 201) << later.body.dump();
  const long long campaign2018 = later.body["id"];
  auto second = district_->post(of_one, {{"name", "赵敏"}, {"email", "zhaomin@example.cn"}, {"start_on", "2016-06-04"}});
  ASSERT_EQ(second.status, 201) << second.body.dump();
  EXPECT_EQ(second.body["campaign_id"], campaign2018);
  auto named = district_->post(of_one, {{"name", "周红"}, {"mobile", "13804510003"}, {"start_on", "2016-06-05"},
                                        {"campaign_id", campaign_}});
  ASSERT_EQ(named.status, 201) << named.body.dump();
  EXPECT_EQ(named.body["campaign_id"], campaign_);
  EXPECT_EQ(district_->get(of_one + "?on=2016-06-20&campaign=" + std::to_string(campaign_)).body["items"].size(), 2u);
  EXPECT_EQ(district_->get(of_one + "?on=2016-06-20").body["items"].size(), 3u);

  // A campaign of 报一区 alone: 报二区 cannot see it, and the city cannot tie 报二区's contact to it.
  auto own_campaign = district_->post("/api/campaigns", {{"name", "一区试点工作"}, {"document_number", "一妇发〔2016〕1号"},
                                                         {"document_date", "2016-06-10"}, {"baseline_on", "2016-06-01"}});
  ASSERT_EQ(own_campaign.status, 201) << own_campaign.body.dump();
  const long long local = own_campaign.body["id"];
  const std::string of_two = "/api/organisations/" + std::to_string(two_) + "/contacts";
  auto unseen = other_->post(of_two, {{"name", "孙丽"}, {"mobile", "13804510004"}, {"campaign_id", local}});
  EXPECT_EQ(unseen.status, 404) << unseen.body.dump();
  EXPECT_EQ(unseen.body["error"]["field"], "campaign_id");
  auto outside = city_->post(of_two, {{"name", "孙丽"}, {"mobile", "13804510004"}, {"campaign_id", local}});
  EXPECT_EQ(outside.status, 422) << outside.body.dump();
  EXPECT_EQ(code(outside), "not_in_campaign");
  EXPECT_EQ(outside.body["error"]["field"], "campaign_id");

  // Form 1: all contacts, or the campaign's own; a form-1 report reads its campaign's.
  const std::string form1 = "/api/forms/1?within=" + std::to_string(one_) + "&on=2016-06-20";
  EXPECT_EQ(city_->get(form1).body["rows"].size(), 3u);
  auto of_2016 = city_->get(form1 + "&campaign=" + std::to_string(campaign_));
  ASSERT_EQ(of_2016.status, 200) << of_2016.body.dump();
  EXPECT_EQ(of_2016.body["rows"].size(), 2u);
  EXPECT_EQ(city_->get(form1 + "&campaign=" + std::to_string(campaign2018)).body["rows"].size(), 1u);
  EXPECT_EQ(other_->get("/api/forms/1?on=2016-06-20&campaign=" + std::to_string(local)).status, 404);
  auto form1_due = milestone({{"title", "附表1"}, {"kind", "form"}, {"form", 1}, {"level", "district"}, {"due_on", "2016-06-20"}});
  auto sent = district_->post(submissions(form1_due), {{"organisation_id", one_}});
  ASSERT_EQ(sent.status, 201) << sent.body.dump();
  EXPECT_EQ(sent.body["snapshot"]["rows"].size(), 2u) << sent.body["snapshot"].dump();

  auto created = world_->admin->get("/api/audit?entity=contact&action=create&page_size=5").body["items"];
  ASSERT_FALSE(created.empty());
  EXPECT_EQ(created[0]["changes"]["campaign_id"]["after"], campaign_) << created[0].dump();
}

}  // namespace
