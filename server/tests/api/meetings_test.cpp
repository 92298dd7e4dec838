// The women's meeting (issue 13 step 3) against the real binary on SQLite and PostgreSQL: the
// nominees whose manner is decided are put to the meeting; the confirmed ones are appointed from
// the meeting day (registered first when they were not), the others end 会议未通过; a village
// women's congress director's seat in the township above is proposed; a nominee not ready, of
// another body, or a bad field refuses the whole meeting and stores nothing.
#include <gtest/gtest.h>

#include <memory>

#include "api_client.h"

using jinguo::api_test::Answer;
using jinguo::api_test::Client;
using jinguo::api_test::created;
using jinguo::api_test::expect_refused;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

class MeetingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("会市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      return created(admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}}));
    };
    district_ = body(world_->city, "district", "会一区妇联");
    town_ = body(district_, "township", "会一镇妇联");
    village_ = body(town_, "village_congress", "会一村妇代会");
    other_village_ = body(town_, "village_congress", "会二村妇代会");
    for (const auto& [name, organisation, role] :
         {std::tuple{"meet_town", town_, "federation_admin"}, std::tuple{"meet_viewer", town_, "viewer"}})
      created(admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", organisation},
                                           {"role", role}}));
    town_client_ = std::make_unique<Client>(jinguo::api_test::signed_in(*world_->server, "meet_town", kPassword));
  }
  static void TearDownTestSuite() {
    town_client_.reset();
    world_.reset();
  }
  // A nomination to `body`, worked up to `until` (nominated, assessed or manner_decided).
  static long long nominee(int n, long long body, const std::string& role, const std::string& until,
                           const std::string& manner = "part_time") {
    static const char* const kGiven[] = {"桂兰", "秀英", "玉梅", "淑珍", "凤英", "丽华", "春燕", "海燕"};
    auto& c = *town_client_;
    long long id = created(c.post("/api/nominations",
                                  {{"organisation_id", body}, {"role", role}, {"channel", "residents"},
                                   {"nominated_by", "村民代表"}, {"name", std::string("赵") + kGiven[n % 8]},
                                   {"id_number", jinguo::api_test::id_number("2301041985030" + std::to_string(4000 + n))},
                                   {"mobile", "1380451" + std::to_string(1000 + n)}}));
    const std::string at = "/api/nominations/" + std::to_string(id);
    if (until == "nominated") return id;
    EXPECT_EQ(c.post(at + "/assess", {{"passed", true}, {"note", "群众认可"}}).status, 200);
    if (until == "assessed") return id;
    EXPECT_EQ(c.post(at + "/decide-manner", {{"manner", manner}}).status, 200);
    return id;
  }
  static json step_of(long long nomination) {
    return town_client_->get("/api/nominations/" + std::to_string(nomination)).body["step"];
  }
  static Answer meet(const json& outcomes, long long body = 0, const std::string& held_on = "2016-07-20") {
    return town_client_->post("/api/meetings", {{"organisation_id", body ? body : village_}, {"held_on", held_on},
                                                {"place", "村委会会议室"}, {"attendance", 86}, {"outcomes", outcomes}});
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<Client> town_client_;
  static inline long long district_ = 0, town_ = 0, village_ = 0, other_village_ = 0;
};

TEST_F(MeetingsTest, TheMeetingAppointsTheConfirmedAndProposesTheSeatAbove) {
  const long long director = nominee(1, village_, "director", "manner_decided");
  const long long member = nominee(2, village_, "member", "manner_decided", "volunteer");
  const long long refused = nominee(3, village_, "member", "manner_decided");
  auto a = meet({{{"nomination_id", director}, {"confirmed", true}},
                 {{"nomination_id", member}, {"confirmed", true}},
                 {{"nomination_id", refused}, {"confirmed", false}}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  EXPECT_EQ(a.body["organisation_id"], village_);
  EXPECT_EQ(a.body["attendance"], 86);
  ASSERT_EQ(a.body["nominees"].size(), 3u);
  EXPECT_TRUE(a.body["nominees"][0]["position_id"].is_number());
  EXPECT_EQ(a.body["nominees"][0]["role_label"], "主任");
  EXPECT_TRUE(a.body["nominees"][2]["position_id"].is_null());
  EXPECT_EQ(step_of(director), "appointed");
  EXPECT_EQ(step_of(member), "appointed");
  EXPECT_EQ(step_of(refused), "not_confirmed");
  // The director's 执委 seat in the township above is proposed.
  ASSERT_EQ(a.body["seats"].size(), 1u) << a.body.dump();
  EXPECT_EQ(a.body["seats"][0]["person_name"], "赵秀英");
  // named, not numbered, in what the clerk reads
  const std::string seat_message = a.body["seats"][0]["finding"]["message"];
  EXPECT_NE(seat_message.find("赵秀英"), std::string::npos) << seat_message;
  EXPECT_EQ(seat_message.find("人员 "), std::string::npos) << seat_message;

  // On the roster from the meeting day, registered now, the manner as decided.
  auto roster = town_client_->get("/api/organisations/" + std::to_string(village_) + "/roster?on=2016-07-20").body;
  ASSERT_EQ(roster["items"].size(), 2u) << roster.dump();
  auto before = town_client_->get("/api/organisations/" + std::to_string(village_) + "/roster?on=2016-07-19").body;
  EXPECT_EQ(before["items"].size(), 0u);
  auto detail = town_client_->get("/api/nominations/" + std::to_string(member)).body;
  EXPECT_TRUE(detail["registered"].get<bool>());
  EXPECT_TRUE(detail["person_id"].is_number());
  const json steps = detail["steps"];
  EXPECT_EQ(steps[steps.size() - 1]["event"], "appoint");
  EXPECT_EQ(steps[steps.size() - 2]["event"], "confirm");

  // Read back, listed, audited.
  const long long id = a.body["id"];
  auto read = town_client_->get("/api/meetings/" + std::to_string(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.body["nominees"].size(), 3u);
  EXPECT_EQ(town_client_->get("/api/meetings?organisation_id=" + std::to_string(town_)).body["total"], 1);
  auto records = world_->admin->get("/api/audit?entity=womens_meeting").body["items"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["changes"]["outcomes"]["after"].size(), 3u);
  EXPECT_GE(world_->admin->get("/api/audit?entity=nomination&action=appoint").body["items"].size(), 2u);

  // The township issues the director's certificate: her nomination stands 已发证.
  auto issued = town_client_->post("/api/certificates", {{"position_ids", {a.body["nominees"][0]["position_id"]}}});
  ASSERT_EQ(issued.status, 201) << issued.body.dump();
  EXPECT_EQ(step_of(director), "certified");
  EXPECT_EQ(step_of(member), "appointed");

  // Filing: the meeting is unfiled until both recipients acknowledge; then the certified are filed.
  const std::string unfiled = "/api/filings/unfiled?organisation_id=" + std::to_string(town_);
  ASSERT_EQ(town_client_->get(unfiled).body["items"].size(), 1u);
  const std::string filings = "/api/meetings/" + std::to_string(id) + "/filings";
  auto party = town_client_->post(filings, {{"recipient", "party"}, {"recipient_name", "中共会一村支部委员会"},
                                            {"sent_on", "2016-07-22"}, {"reference", "会一村备〔2016〕1号"}});
  ASSERT_EQ(party.status, 201) << party.body.dump();
  EXPECT_EQ(party.body["state"], "sent");
  auto above = town_client_->post(filings, {{"recipient", "federation_above"}, {"sent_on", "2016-07-22"}});
  ASSERT_EQ(above.status, 201) << above.body.dump();
  EXPECT_EQ(above.body["recipient_name"], "会一镇妇联");
  expect_refused(town_client_->post(filings, {{"recipient", "party"}, {"sent_on", "2016-07-23"}}), 409, "already_filed");
  expect_refused(town_client_->post(filings, {{"recipient", "county"}, {"sent_on", "2016-07-23"}}), 422,
                 "unknown_recipient", "recipient");
  expect_refused(town_client_->post(filings, {{"recipient", "party"}, {"sent_on", "2016-07-01"}}), 422,
                 "sent_before_meeting", "sent_on");
  const std::string party_at = "/api/filings/" + std::to_string(party.body["id"].get<long long>());
  const std::string above_at = "/api/filings/" + std::to_string(above.body["id"].get<long long>());
  // The party organisation returns it; it is sent again and acknowledged.
  auto back = town_client_->post(party_at + "/return", {{"reason", "缺少会议签到表"}});
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["state"], "returned");
  expect_refused(town_client_->post(party_at + "/acknowledge", {{"on", "2016-07-25"}}), 409, "filing_answered");
  auto again = town_client_->post(filings, {{"recipient", "party"}, {"sent_on", "2016-07-26"}});
  ASSERT_EQ(again.status, 201) << again.body.dump();
  EXPECT_EQ(town_client_->get(unfiled).body["items"][0]["party"], "sent");
  ASSERT_EQ(town_client_->post("/api/filings/" + std::to_string(again.body["id"].get<long long>()) + "/acknowledge",
                               {{"on", "2016-07-28"}}).status, 200);
  EXPECT_EQ(step_of(director), "certified");  // the federation above has not answered yet
  auto ack = town_client_->post(above_at + "/acknowledge", {{"on", "2016-07-29"}});
  ASSERT_EQ(ack.status, 200) << ack.body.dump();
  EXPECT_EQ(step_of(director), "filed");
  EXPECT_EQ(step_of(member), "appointed");  // no certificate yet
  EXPECT_EQ(town_client_->get(unfiled).body["items"].size(), 0u);
  EXPECT_EQ(town_client_->get(filings).body["items"].size(), 3u);
  EXPECT_GE(world_->admin->get("/api/audit?entity=filing").body["items"].size(), 5u);
}

TEST_F(MeetingsTest, WhenTheDirectorLeavesHerSeatAboveIsProposedForEnding) {
  const long long director = nominee(20, other_village_, "director", "manner_decided");
  auto a = meet({{{"nomination_id", director}, {"confirmed", true}}}, other_village_, "2016-08-01");
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const long long office = a.body["nominees"][0]["position_id"];
  const long long person = a.body["seats"][0]["person_id"];
  // The township gives her the seat the meeting proposed.
  const long long seat = created(town_client_->post("/api/positions", {{"person_id", person}, {"organisation_id", town_},
                                                                       {"role", "executive"}, {"manner", "part_time"},
                                                                       {"start_on", "2016-08-02"}}));
  auto ended = town_client_->post("/api/positions/" + std::to_string(office) + "/end",
                                  {{"end_on", "2016-12-31"}, {"end_reason", "调离"}});
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(ended.body["end_on"], "2016-12-31");
  ASSERT_TRUE(ended.body["seat_above"].is_object()) << ended.body.dump();
  EXPECT_EQ(ended.body["seat_above"]["id"], seat);
  EXPECT_EQ(ended.body["seat_above"]["organisation_id"], town_);
  EXPECT_TRUE(ended.body["seat_above"]["may_end"].get<bool>());
  // Ending the seat too: nothing more to propose; an office without a seat proposes nothing.
  auto seat_ended = town_client_->post("/api/positions/" + std::to_string(seat) + "/end",
                                       {{"end_on", "2016-12-31"}, {"end_reason", "调离"}});
  ASSERT_EQ(seat_ended.status, 200) << seat_ended.body.dump();
  EXPECT_TRUE(seat_ended.body["seat_above"].is_null());
}

TEST_F(MeetingsTest, TheMinutesAreAttachedAsFiles) {
  const long long n = nominee(30, other_village_, "member", "manner_decided");
  auto a = meet({{{"nomination_id", n}, {"confirmed", true}}}, other_village_, "2016-08-10");
  ASSERT_EQ(a.status, 201) << a.body.dump();
  EXPECT_EQ(a.body["files"].size(), 0u);
  const std::string at = "/api/meetings/" + std::to_string(a.body["id"].get<long long>());
  const std::string pdf = "%PDF-1.4\n% 签到表\n";
  auto up = town_client_->call("POST", at + "/files?file_name=%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body.dump();
  EXPECT_EQ(up.body["file_name"], "签到表.pdf");
  EXPECT_EQ(up.body["content_type"], "application/pdf");
  const long long file = up.body["id"];
  auto detail = town_client_->get(at).body;
  ASSERT_EQ(detail["files"].size(), 1u);
  EXPECT_EQ(detail["files"][0]["id"], file);
  httplib::Client raw("127.0.0.1", world_->server->port());
  auto got = raw.Get("/api/meeting-files/" + std::to_string(file), {{"Cookie", town_client_->cookie()}});
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, pdf);
  // judged by content; a viewer changes nothing; removed and audited
  expect_refused(town_client_->call("POST", at + "/files?file_name=minutes.pdf", "not a pdf at all"), 415,
                 "unsupported_file_type");
  auto viewer = jinguo::api_test::signed_in(*world_->server, "meet_viewer", kPassword);
  EXPECT_EQ(viewer.call("POST", at + "/files?file_name=a.pdf", pdf).status, 403);
  EXPECT_EQ(viewer.call("DELETE", "/api/meeting-files/" + std::to_string(file)).status, 403);
  EXPECT_EQ(town_client_->call("DELETE", "/api/meeting-files/" + std::to_string(file)).status, 204);
  EXPECT_EQ(town_client_->get(at).body["files"].size(), 0u);
  EXPECT_EQ(town_client_->call("GET", "/api/meeting-files/" + std::to_string(file)).status, 404);
  auto audit = world_->admin->get("/api/audit?entity=womens_meeting&page_size=50").body["items"];
  int attach = 0, detach = 0;
  for (const auto& e : audit) {
    attach += e["action"] == "attach";
    detach += e["action"] == "detach";
  }
  EXPECT_EQ(attach, 1);
  EXPECT_EQ(detach, 1);
}

TEST_F(MeetingsTest, ANomineeNotReadyOrOfAnotherBodyRefusesTheWholeMeeting) {
  const long long ready = nominee(4, village_, "member", "manner_decided");
  const long long early = nominee(5, village_, "member", "assessed");
  const long long elsewhere = nominee(6, other_village_, "member", "manner_decided");
  auto total = [&] { return town_client_->get("/api/meetings").body["total"].get<int>(); };
  const int meetings = total();
  auto out_of_order = meet({{{"nomination_id", ready}, {"confirmed", true}}, {{"nomination_id", early}, {"confirmed", true}}});
  EXPECT_EQ(out_of_order.status, 409) << out_of_order.body.dump();
  EXPECT_EQ(out_of_order.body["error"]["code"], "out_of_order");
  expect_refused(meet({{{"nomination_id", ready}, {"confirmed", true}}, {{"nomination_id", elsewhere}, {"confirmed", true}}}),
                 422, "other_body", "outcomes[1].nomination_id");
  EXPECT_EQ(total(), meetings);  // nothing stored
  EXPECT_EQ(step_of(ready), "manner_decided");

  expect_refused(meet(json::array()), 422, "required", "outcomes");
  expect_refused(meet({{{"nomination_id", ready}}}), 422, "required", "outcomes[0].confirmed");
  expect_refused(meet({{{"nomination_id", ready}, {"confirmed", "yes"}}}), 400, "wrong_type", "outcomes[0].confirmed");
  expect_refused(meet({{{"nomination_id", ready}, {"confirmed", true}}, {{"nomination_id", ready}, {"confirmed", true}}}),
                 422, "duplicate", "outcomes[1].nomination_id");
  expect_refused(meet({{{"nomination_id", ready}, {"confirmed", true}}}, 0, "2999-01-01"), 422, "held_on_future", "held_on");
  expect_refused(town_client_->post("/api/meetings", {{"organisation_id", village_}, {"held_on", "2016-07-20"},
                                                      {"attendance", 0}, {"place", "村部"},
                                                      {"outcomes", {{{"nomination_id", ready}, {"confirmed", true}}}}}),
                 422, "out_of_range", "attendance");
  Client viewer = jinguo::api_test::signed_in(*world_->server, "meet_viewer", kPassword);
  expect_refused(viewer.post("/api/meetings", {{"organisation_id", village_}}), 403, "forbidden");
  EXPECT_EQ(step_of(ready), "manner_decided");
}

}  // namespace
