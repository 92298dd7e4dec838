// Nominations worked by staff (issue 13, step 1) against the real binary on SQLite and
// PostgreSQL: a woman nominated, listed and read with her steps; assessed, her manner decided,
// withdrawn; every event out of order refused; a second open nomination refused; bad input
// refused naming the field; another district kept out; a viewer refused every change; ID
// numbers and mobiles masked unless revealed; each change one audit record.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "api_client.h"

using jinguo::api_test::Client;
using jinguo::api_test::created;
using jinguo::api_test::expect_refused;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

using jinguo::api_test::id_number;

class NominationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("提名市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      return created(admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}}));
    };
    district_ = body(world_->city, "district", "提名一区妇联");
    other_district_ = body(world_->city, "district", "提名二区妇联");
    town_ = body(district_, "township", "提名一镇妇联");
    village_ = body(town_, "village_congress", "提名一村妇代会");
    other_town_ = body(other_district_, "township", "提名二镇妇联");
    for (const auto& [name, organisation, role] :
         {std::tuple{"nom_district", district_, "federation_admin"}, std::tuple{"nom_town", town_, "operator"},
          std::tuple{"nom_viewer", district_, "viewer"}, std::tuple{"nom_other", other_district_, "federation_admin"}})
      created(admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", organisation},
                                           {"role", role}}));
    district_client_ = std::make_unique<Client>(signed_in("nom_district"));
  }
  static void TearDownTestSuite() {
    district_client_.reset();
    world_.reset();
  }

  static Client signed_in(const std::string& username) {
    return jinguo::api_test::signed_in(*world_->server, username, kPassword);
  }
  // A valid ID number no other test of the suite uses (the n-th).
  static std::string id_of(int n) {
    return id_number("230102198" + std::to_string(n % 10) + "0101" + std::to_string(100 + 2 * n).substr(0, 3));
  }
  // A name for the n-th woman: 王一, 王一零 …
  static std::string name_of(int n) {
    std::string digits = jinguo::api_test::han_digits(n);
    for (auto at = digits.find("〇"); at != std::string::npos; at = digits.find("〇")) digits.replace(at, 3, "零");
    return "王" + digits;
  }
  // A valid nomination to the township for `n`.
  static json nomination(int n, const std::string& role = "executive") {
    return {{"organisation_id", town_}, {"role", role}, {"channel", "residents"}, {"nominated_by", "李桂兰"},
            {"name", name_of(n)}, {"id_number", id_of(n)}, {"mobile", "13804512345"}};
  }
  static std::string one(long long id) { return "/api/nominations/" + std::to_string(id); }
  static json records_of(long long id) { return jinguo::api_test::audit_records_of(*world_->admin, "nomination", id); }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<Client> district_client_;
  static inline long long district_ = 0, other_district_ = 0, town_ = 0, village_ = 0, other_town_ = 0;
};

TEST_F(NominationsTest, AWomanIsNominatedAssessedAndHerMannerDecided) {
  Client& c = *district_client_;
  auto a = c.post("/api/nominations", {{"organisation_id", town_}, {"role", "executive"}, {"channel", "residents"},
                                       {"nominated_by", " 李桂兰 "}, {"name", " 王秀英 "}, {"id_number", id_of(1)},
                                       {"mobile", "138 0451 2345"}, {"statement", "热心社区事务"}});
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const long long id = a.body["id"];
  EXPECT_EQ(a.body["organisation_id"], town_);
  EXPECT_EQ(a.body["organisation_name"], "提名一镇妇联");
  EXPECT_EQ(a.body["organisation_type"], "township");
  EXPECT_EQ(a.body["role"], "executive");
  EXPECT_EQ(a.body["role_label"], "执委");
  EXPECT_EQ(a.body["channel"], "residents");
  EXPECT_EQ(a.body["channel_label"], "群众举荐");
  EXPECT_EQ(a.body["nominated_by"], "李桂兰");
  EXPECT_EQ(a.body["name"], "王秀英");
  EXPECT_EQ(a.body["statement"], "热心社区事务");
  EXPECT_EQ(a.body["step"], "nominated");
  EXPECT_EQ(a.body["step_label"], "已提名");
  EXPECT_EQ(a.body["final"], false);
  EXPECT_TRUE(a.body["manner"].is_null());
  EXPECT_EQ(a.body["registered"], false);
  EXPECT_TRUE(a.body["person_id"].is_null());
  EXPECT_EQ(a.body["steps"].size(), 0u);
  EXPECT_EQ(a.body["next_events"], json::array({"assess", "withdraw"}));
  EXPECT_EQ(a.body["created_by"], "nom_district");

  auto assessed = c.post(one(id) + "/assess", {{"passed", true}, {"note", " 群众基础好 "}});
  ASSERT_EQ(assessed.status, 200) << assessed.body.dump();
  EXPECT_EQ(assessed.body["step"], "assessed");
  EXPECT_EQ(assessed.body["next_events"], json::array({"decide_manner", "withdraw"}));
  auto decided = c.post(one(id) + "/decide-manner", {{"manner", "part_time"}});
  ASSERT_EQ(decided.status, 200) << decided.body.dump();
  EXPECT_EQ(decided.body["step"], "manner_decided");
  EXPECT_EQ(decided.body["manner"], "part_time");
  EXPECT_EQ(decided.body["manner_label"], "兼职");

  auto d = c.get(one(id)).body;
  ASSERT_EQ(d["steps"].size(), 2u) << d.dump();
  EXPECT_EQ(d["steps"][0]["event"], "assess");
  EXPECT_EQ(d["steps"][0]["from_step"], "nominated");
  EXPECT_EQ(d["steps"][0]["to_step"], "assessed");
  EXPECT_EQ(d["steps"][0]["to_step_label"], "考核通过");
  EXPECT_EQ(d["steps"][0]["passed"], true);
  EXPECT_EQ(d["steps"][0]["note"], "群众基础好");
  EXPECT_EQ(d["steps"][0]["done_by"], "nom_district");
  EXPECT_TRUE(d["steps"][0]["done_at"].get<std::string>().ends_with("Z"));
  EXPECT_EQ(d["steps"][1]["event"], "decide_manner");
  EXPECT_EQ(d["steps"][1]["manner"], "part_time");
  EXPECT_TRUE(d["steps"][1]["passed"].is_null());
  EXPECT_EQ(d["next_events"], json::array({"confirm", "withdraw"}));

  // one record a change, personal data masked, the step moved
  auto records = records_of(id);
  ASSERT_EQ(records.size(), 3u) << records.dump();
  EXPECT_EQ(records[0]["action"], "decide_manner");
  EXPECT_EQ(records[0]["changes"]["step"]["before"], "assessed");
  EXPECT_EQ(records[0]["changes"]["step"]["after"], "manner_decided");
  EXPECT_EQ(records[0]["changes"]["manner"]["after"], "part_time");
  EXPECT_EQ(records[1]["action"], "assess");
  EXPECT_EQ(records[1]["changes"]["passed"]["after"], true);
  EXPECT_EQ(records[1]["changes"]["note"]["after"], "群众基础好");
  EXPECT_EQ(records[2]["action"], "create");
  EXPECT_EQ(records[2]["organisation_id"], town_);
  EXPECT_EQ(records[2]["changes"]["name"]["after"], "王秀英");
  EXPECT_EQ(records[2]["changes"]["channel"]["after"], "residents");
  EXPECT_EQ(records[2]["changes"]["id_number"]["after"], id_of(1).substr(0, 6) + "********" + id_of(1).substr(14));
  EXPECT_EQ(records[2]["changes"]["mobile"]["after"], "138****2345");
}

TEST_F(NominationsTest, FailingTheAssessmentOrWithdrawingEndsIt) {
  Client& c = *district_client_;
  const long long failed = created(c.post("/api/nominations", nomination(2)));
  auto f = c.post(one(failed) + "/assess", {{"passed", false}, {"note", "未达到条件"}});
  ASSERT_EQ(f.status, 200) << f.body.dump();
  EXPECT_EQ(f.body["step"], "failed");
  EXPECT_EQ(f.body["final"], true);
  EXPECT_EQ(f.body["next_events"], json::array());
  EXPECT_EQ(f.body["steps"][0]["passed"], false);

  const long long withdrawn = created(c.post("/api/nominations", nomination(3)));
  auto w = c.post(one(withdrawn) + "/withdraw", {{"note", "本人工作调动"}});
  ASSERT_EQ(w.status, 200) << w.body.dump();
  EXPECT_EQ(w.body["step"], "withdrawn");
  EXPECT_EQ(w.body["steps"][0]["note"], "本人工作调动");
  auto records = records_of(withdrawn);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["action"], "withdraw");
  EXPECT_EQ(records[0]["changes"]["note"]["after"], "本人工作调动");
  // withdrawing needs no reason
  const long long plain = created(c.post("/api/nominations", nomination(4)));
  EXPECT_EQ(c.post(one(plain) + "/withdraw", json::object()).body["step"], "withdrawn");
}

TEST_F(NominationsTest, AnEventOutOfOrderIsRefusedSayingWhereItStands) {
  Client& c = *district_client_;
  const long long id = created(c.post("/api/nominations", nomination(5)));
  auto early = c.post(one(id) + "/decide-manner", {{"manner", "volunteer"}});
  expect_refused(early, 409, "out_of_order", "step");
  EXPECT_NE(early.body["error"]["message"].get<std::string>().find("已提名"), std::string::npos) << early.body.dump();
  ASSERT_EQ(c.post(one(id) + "/assess", {{"passed", true}}).status, 200);
  expect_refused(c.post(one(id) + "/assess", {{"passed", true}}), 409, "out_of_order", "step");
  ASSERT_EQ(c.post(one(id) + "/withdraw", json::object()).status, 200);
  expect_refused(c.post(one(id) + "/withdraw", json::object()), 409, "out_of_order", "step");
  expect_refused(c.post(one(id) + "/decide-manner", {{"manner", "volunteer"}}), 409, "out_of_order", "step");
  // nothing refused was recorded
  EXPECT_EQ(c.get(one(id)).body["steps"].size(), 2u);
  EXPECT_EQ(records_of(id).size(), 3u);
}

TEST_F(NominationsTest, ASecondOpenNominationForTheSameBodyAndRoleIsRefused) {
  Client& c = *district_client_;
  const long long first = created(c.post("/api/nominations", nomination(6)));
  json again = nomination(6);
  again["name"] = "王六";
  again["channel"] = "self";  // however she is put forward
  auto dup = c.post("/api/nominations", again);
  expect_refused(dup, 409, "already_nominated", "id_number");
  EXPECT_EQ(dup.body["error"]["existing_id"], first) << dup.body.dump();
  // for another role, or another body, she may be nominated too
  EXPECT_EQ(c.post("/api/nominations", nomination(6, "vice_chair")).status, 201);
  json village = nomination(6, "member");
  village["organisation_id"] = village_;
  EXPECT_EQ(c.post("/api/nominations", village).status, 201);
  // once the first has ended, a new one is open to her
  ASSERT_EQ(c.post(one(first) + "/withdraw", json::object()).status, 200);
  EXPECT_EQ(c.post("/api/nominations", again).status, 201);
}

TEST_F(NominationsTest, BadInputIsRefusedNamingTheField) {
  Client& c = *district_client_;
  auto with = [&](const char* field, json value) {
    json body = nomination(7);
    if (value.is_discarded()) body.erase(field);
    else body[field] = std::move(value);
    return c.post("/api/nominations", body);
  };
  const json absent = json(json::value_t::discarded);
  const json stored = c.get("/api/nominations").body["total"];
  expect_refused(with("organisation_id", absent), 422, "required", "organisation_id");
  expect_refused(with("role", absent), 422, "required", "role");
  expect_refused(with("role", "bishop"), 422, "unknown_code", "role");
  expect_refused(with("role", "standing"), 422, "role_not_allowed", "role");  // 常委 only at district level
  expect_refused(with("role", "director"), 422, "role_not_allowed", "role");  // 主任 only in a 村妇代会
  expect_refused(with("channel", absent), 422, "required", "channel");
  expect_refused(with("channel", "friends"), 422, "unknown_channel", "channel");
  expect_refused(with("nominated_by", absent), 422, "required", "nominated_by");
  expect_refused(with("nominated_by", std::string(101, 'a')), 422, "too_long", "nominated_by");
  expect_refused(with("name", absent), 422, "required", "name");
  expect_refused(with("name", "王秀英2"), 422, "name_characters", "name");
  expect_refused(with("id_number", absent), 422, "required", "id_number");
  std::string wrong = id_of(7);
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  expect_refused(with("id_number", wrong), 422, "id_number_checksum", "id_number");
  expect_refused(with("id_number", "2301021980"), 422, "id_number_length", "id_number");
  expect_refused(with("mobile", "0451-86661234"), 422, "mobile_format", "mobile");
  expect_refused(with("statement", std::string(1001, 'a')), 422, "too_long", "statement");
  expect_refused(with("organisation_id", "12"), 400, "wrong_type", "organisation_id");
  expect_refused(with("rank", 1), 400, "unknown_field", "rank");
  // a closed body takes no nomination
  const long long closed = created(world_->admin->post("/api/organisations", {{"parent_id", district_}, {"type", "street"},
                                                                                {"name", "提名已撤街道妇联"}}));
  ASSERT_EQ(world_->admin->post("/api/organisations/" + std::to_string(closed) + "/close", {{"closed_on", "2016-08-31"}}).status,
            200);
  expect_refused(with("organisation_id", closed), 422, "organisation_closed", "organisation_id");
  EXPECT_EQ(c.get("/api/nominations").body["total"], stored);  // nothing refused was stored

  const long long id = created(c.post("/api/nominations", nomination(8)));
  expect_refused(c.post(one(id) + "/assess", json::object()), 422, "required", "passed");
  expect_refused(c.post(one(id) + "/assess", {{"passed", "yes"}}), 400, "wrong_type", "passed");
  expect_refused(c.post(one(id) + "/assess", {{"passed", true}, {"note", std::string(501, 'a')}}), 422, "too_long", "note");
  ASSERT_EQ(c.post(one(id) + "/assess", {{"passed", true}}).status, 200);
  expect_refused(c.post(one(id) + "/decide-manner", json::object()), 422, "required", "manner");
  expect_refused(c.post(one(id) + "/decide-manner", {{"manner", "honorary"}}), 422, "unknown_manner", "manner");
  expect_refused(c.post(one(id) + "/withdraw", {{"reason", "x"}}), 400, "unknown_field", "reason");
  expect_refused(c.get("/api/nominations?step=appointed_soon"), 400, "invalid_parameter", "step");
  expect_refused(c.get("/api/nominations?page_size=500"), 400, "invalid_parameter", "page_size");
  expect_refused(c.get(one(id) + "?full=maybe"), 400, "invalid_parameter", "full");
  expect_refused(c.get(one(999999)), 404, "not_found", "id");
}

TEST_F(NominationsTest, TheListIsTheSubtreesPagedAndFilteredByStep) {
  Client& c = *district_client_;
  const long long a = created(c.post("/api/nominations", nomination(9)));
  json village = nomination(10, "deputy_director");
  village["organisation_id"] = village_;
  const long long b = created(c.post("/api/nominations", village));
  ASSERT_EQ(c.post(one(b) + "/assess", {{"passed", true}}).status, 200);
  const long long elsewhere = created(world_->admin->post(
      "/api/nominations", {{"organisation_id", other_town_}, {"role", "executive"}, {"channel", "direct"},
                           {"name", "赵敏"}, {"id_number", id_of(11)}}));

  auto all = c.get("/api/nominations?page_size=200").body;
  std::vector<long long> ids;
  for (const auto& n : all["items"]) ids.push_back(n["id"]);
  EXPECT_EQ(all["total"], static_cast<long long>(ids.size()));
  EXPECT_NE(std::find(ids.begin(), ids.end(), a), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), b), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), elsewhere), ids.end());  // another district's
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));                   // the oldest first
  for (const auto& n : all["items"]) {
    EXPECT_FALSE(n.contains("steps"));
    EXPECT_EQ(n["id_number"], n["id_number_masked"]);  // always masked in lists
  }

  auto village_only = c.get("/api/nominations?organisation_id=" + std::to_string(village_) + "&page_size=200").body;
  bool found = false;
  for (const auto& n : village_only["items"]) {
    EXPECT_EQ(n["organisation_id"], village_) << village_only.dump();
    if (n["id"] != b) continue;
    found = true;
    EXPECT_EQ(n["role_label"], "副主任");
  }
  EXPECT_TRUE(found) << village_only.dump();
  EXPECT_LT(village_only["total"].get<int>(), all["total"].get<int>());
  auto assessed = c.get("/api/nominations?step=assessed&page_size=200").body;
  for (const auto& n : assessed["items"]) EXPECT_EQ(n["step"], "assessed");
  EXPECT_GE(assessed["total"].get<int>(), 1);

  auto first = c.get("/api/nominations?page_size=1&page=1").body;
  auto second = c.get("/api/nominations?page_size=1&page=2").body;
  EXPECT_EQ(first["total"], all["total"]);
  EXPECT_EQ(first["page_size"], 1);
  ASSERT_EQ(first["items"].size(), 1u);
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_NE(first["items"][0]["id"], second["items"][0]["id"]);
  auto newest = c.get("/api/nominations?order=desc&page_size=1").body;
  EXPECT_EQ(newest["items"][0]["id"], ids.back());
  auto by_name = c.get("/api/nominations?sort=name&page_size=200").body;
  EXPECT_EQ(by_name["total"], all["total"]);
  // the whole city sees both districts'
  auto city = world_->admin->get("/api/nominations?page_size=200").body;
  EXPECT_GT(city["total"].get<int>(), all["total"].get<int>());
}

TEST_F(NominationsTest, AnotherDistrictSeesAndChangesNothing) {
  const long long id = created(district_client_->post("/api/nominations", nomination(12)));
  Client other = signed_in("nom_other");
  expect_refused(other.get(one(id)), 404, "not_found", "id");
  expect_refused(other.get(one(id) + "?full=true"), 404, "not_found");
  expect_refused(other.post(one(id) + "/assess", {{"passed", true}}), 404, "not_found");
  expect_refused(other.post(one(id) + "/decide-manner", {{"manner", "volunteer"}}), 404, "not_found");
  expect_refused(other.post(one(id) + "/withdraw", json::object()), 404, "not_found");
  expect_refused(other.post("/api/nominations", nomination(13)), 404, "not_found", "organisation_id");
  expect_refused(other.get("/api/nominations?organisation_id=" + std::to_string(town_)), 404, "not_found",
                 "organisation_id");
  auto listed = other.get("/api/nominations?page_size=200");  // held: the range must not be part of a temporary
  EXPECT_EQ(listed.status, 200);
  for (const auto& n : listed.body["items"]) EXPECT_NE(n["id"], id);
  // a township clerk works her own township's, not the district's other bodies'
  Client town = signed_in("nom_town");
  EXPECT_EQ(town.get(one(id)).status, 200);
  expect_refused(town.get("/api/nominations?organisation_id=" + std::to_string(district_)), 404, "not_found");
  EXPECT_EQ(town.post(one(id) + "/assess", {{"passed", true}}).status, 200);
  EXPECT_EQ(records_of(id)[0]["actor"], "nom_town");
}

TEST_F(NominationsTest, AViewerReadsButChangesNothing) {
  const long long id = created(district_client_->post("/api/nominations", nomination(14)));
  Client viewer = signed_in("nom_viewer");
  EXPECT_EQ(viewer.get(one(id)).status, 200);
  EXPECT_EQ(viewer.get("/api/nominations").status, 200);
  expect_refused(viewer.post("/api/nominations", nomination(15)), 403, "forbidden");
  expect_refused(viewer.post(one(id) + "/assess", {{"passed", true}}), 403, "forbidden");
  expect_refused(viewer.post(one(id) + "/decide-manner", {{"manner", "volunteer"}}), 403, "forbidden");
  expect_refused(viewer.post(one(id) + "/withdraw", json::object()), 403, "forbidden");
  expect_refused(viewer.get(one(id) + "?full=true"), 403, "forbidden");  // she may not reveal
  EXPECT_EQ(district_client_->get(one(id)).body["step"], "nominated");
  EXPECT_EQ(records_of(id).size(), 1u);
}

TEST_F(NominationsTest, IdNumbersAndMobilesAreMaskedUnlessRevealed) {
  Client& c = *district_client_;
  const std::string number = id_of(16);
  auto a = c.post("/api/nominations", nomination(16));
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const long long id = a.body["id"];
  const std::string masked = number.substr(0, 6) + "********" + number.substr(14);
  EXPECT_EQ(a.body["id_number"], masked);
  EXPECT_EQ(a.body["id_number_masked"], masked);
  EXPECT_EQ(a.body["mobile"], "138****2345");
  EXPECT_EQ(a.body["mobile_masked"], "138****2345");
  EXPECT_EQ(c.get(one(id)).body["id_number"], masked);
  EXPECT_EQ(c.get(one(id) + "?full=false").body["mobile"], "138****2345");

  auto full = c.get(one(id) + "?full=true");
  ASSERT_EQ(full.status, 200) << full.body.dump();
  EXPECT_EQ(full.body["id_number"], number);
  EXPECT_EQ(full.body["mobile"], "13804512345");
  EXPECT_EQ(full.body["id_number_masked"], masked);
  auto records = records_of(id);
  ASSERT_EQ(records.size(), 2u) << records.dump();
  EXPECT_EQ(records[0]["action"], "reveal");
  EXPECT_EQ(records[0]["actor"], "nom_district");
  EXPECT_EQ(records[0]["changes"]["field"]["after"], json::array({"id_number", "mobile"}));
  // an event's answer is masked again
  EXPECT_EQ(c.post(one(id) + "/assess", {{"passed", true}}).body["id_number"], masked);
  // no mobile: null in both
  json bare = nomination(17);
  bare.erase("mobile");
  auto b = c.post("/api/nominations", bare);
  EXPECT_TRUE(b.body["mobile"].is_null());
  EXPECT_TRUE(b.body["mobile_masked"].is_null());
}

TEST_F(NominationsTest, ARegisteredWomanIsLinkedWithHerPositions) {
  auto& admin = *world_->admin;
  Client& c = *district_client_;
  // registered and serving in the township
  const long long person = created(admin.post("/api/people", {{"name", "孙梅"}, {"id_number", id_of(18)}}));
  ASSERT_EQ(admin.post("/api/positions", {{"person_id", person}, {"organisation_id", town_}, {"role", "executive"},
                                          {"manner", "volunteer"}, {"start_on", "2016-06-01"}})
                .status,
            201);
  json vice = nomination(18, "vice_chair");
  auto a = c.post("/api/nominations", vice);
  ASSERT_EQ(a.status, 201) << a.body.dump();
  EXPECT_EQ(a.body["registered"], true);
  EXPECT_EQ(a.body["person_id"], person);
  ASSERT_EQ(a.body["current_positions"].size(), 1u) << a.body.dump();
  EXPECT_EQ(a.body["current_positions"][0]["organisation_id"], town_);
  EXPECT_EQ(a.body["current_positions"][0]["role_label"], "执委");
  EXPECT_EQ(records_of(a.body["id"])[0]["person_id"], person);

  // registered only in the other district: linked, but not shown to this one
  const long long stranger = created(admin.post("/api/people", {{"name", "周芳"}, {"id_number", id_of(19)}}));
  ASSERT_EQ(admin.post("/api/positions", {{"person_id", stranger}, {"organisation_id", other_town_},
                                          {"role", "executive"}, {"manner", "volunteer"}, {"start_on", "2016-06-01"}})
                .status,
            201);
  auto s = c.post("/api/nominations", nomination(19));
  ASSERT_EQ(s.status, 201) << s.body.dump();
  EXPECT_EQ(s.body["registered"], true);
  EXPECT_TRUE(s.body["person_id"].is_null());
  EXPECT_EQ(s.body["current_positions"].size(), 0u);
  EXPECT_EQ(admin.get(one(s.body["id"])).body["person_id"], stranger);  // the city sees her

  // registered after she was nominated: the next event links her
  const long long later = created(c.post("/api/nominations", nomination(20)));
  EXPECT_EQ(c.get(one(later)).body["registered"], false);
  const long long registered = created(c.post("/api/people", {{"name", "王二十"}, {"id_number", id_of(20)}}));
  auto linked = c.post(one(later) + "/assess", {{"passed", true}});
  ASSERT_EQ(linked.status, 200) << linked.body.dump();
  EXPECT_EQ(linked.body["registered"], true);
  EXPECT_EQ(linked.body["person_id"], registered);
  auto record = records_of(later)[0];
  EXPECT_TRUE(record["changes"]["person_id"]["before"].is_null());
  EXPECT_EQ(record["changes"]["person_id"]["after"], registered);
}

}  // namespace

namespace {

TEST_F(NominationsTest, ARegisteredWomanIsNominatedByHerRecordAsTheArchiveProposesHer) {
  auto& admin = *world_->admin;
  Client& c = *district_client_;
  const long long person = created(admin.post("/api/people", {{"name", "赵玉兰"}, {"id_number", id_of(31)},
                                                              {"mobile", "13904519999"}}));
  ASSERT_EQ(admin.post("/api/positions", {{"person_id", person}, {"organisation_id", town_}, {"role", "executive"},
                                          {"manner", "volunteer"}, {"start_on", "2016-06-01"}})
                .status,
            201);
  json by_record = {{"organisation_id", town_}, {"role", "vice_chair"}, {"channel", "direct"}, {"person_id", person}};
  auto a = c.post("/api/nominations", by_record);
  ASSERT_EQ(a.status, 201) << a.body.dump();
  EXPECT_EQ(a.body["name"], "赵玉兰");
  EXPECT_EQ(a.body["person_id"], person);
  EXPECT_EQ(a.body["mobile_masked"].get<std::string>().substr(0, 3), "139");
  // her record or her fields, not both; a person the caller cannot see does not exist
  json both = by_record;
  both["role"] = "chair";
  both["name"] = "赵玉兰";
  expect_refused(c.post("/api/nominations", both), 400, "person_and_fields", "person_id");
  const long long stranger = created(admin.post("/api/people", {{"name", "钱玉兰"}, {"id_number", id_of(32)}}));
  ASSERT_EQ(admin.post("/api/positions", {{"person_id", stranger}, {"organisation_id", other_town_}, {"role", "executive"},
                                          {"manner", "volunteer"}, {"start_on", "2016-06-01"}})
                .status,
            201);
  json elsewhere = by_record;
  elsewhere["person_id"] = stranger;
  expect_refused(c.post("/api/nominations", elsewhere), 404, "not_found", "person_id");
}

}  // namespace
