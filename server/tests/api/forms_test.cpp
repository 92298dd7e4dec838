// The five forms (issue 11, first step) against the real binary on SQLite and PostgreSQL.
// The key test recounts every cell of forms 3, 4 and 5 from the roster of each body on the
// report date and on the baseline, on generated data (a district with two townships and a
// street, villages, communities, a village 妇代会; people of varied ages, education, political
// status and ethnicity; positions started before and after the baseline, some ended), and
// compares them with the form's JSON. Also: each drill-down's total equals its cell; a
// township's clerk cannot read the district's forms; downloads are audited; form 3's phones
// are masked unless asked in full by an account that may reveal them.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "api_client.h"
#include "documents/spreadsheet.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";
constexpr const char* kOn = "2016-09-20";
constexpr const char* kBaseline = "2016-06-01";

const char* const kManners[] = {"full_time", "part_time", "seconded", "volunteer"};
const char* const kSources[] = {"building_head", "unit_group_head", "business_leader", "model_post_leader",
                                "red_banner", "new_sector_leader", "self_org_leader", "expertise", "cadre_worker",
                                "social_worker", "social_org_head", "grassroots_cadre", nullptr};
const char* const kPolitical[] = {"01", "02", "03", "05", "12", "13", nullptr};
const char* const kEducation[] = {"10", "20", "30", "40", "60", "70", "80", "90", nullptr};

struct Body {
  long long id = 0;
  std::string type;
};

std::string band_of_age(int age) {
  return age <= 35 ? "age_le_35" : age <= 45 ? "age_36_45" : age <= 55 ? "age_46_55" : "age_ge_56";
}

std::string band_of_education(const std::string& code) {
  if (code == "10") return "edu_postgraduate";
  if (code == "20") return "edu_university";
  if (code == "30") return "edu_college";
  if (code == "40" || code == "60") return "edu_secondary";
  if (code == "70" || code == "80" || code == "90") return "edu_junior_or_below";
  return "";
}

std::string band_of_political(const std::string& code) {
  if (code == "01" || code == "02") return "party";
  if (code == "03") return "league";
  if (code == "13") return "masses";
  if (!code.empty()) return "democratic_parties";
  return "";
}

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : ""; }

class FormsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("表城市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      auto a = admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
      Body b{a.body.value("id", 0LL), type};
      if (type != "district") bodies_.push_back(b);
      return b.id;
    };
    district_ = body(world_->city, "district", "表区妇联");
    const long long t1 = body(district_, "township", "东镇妇联"), t2 = body(district_, "township", "西镇妇联");
    const long long s1 = body(district_, "street", "南街道妇联");
    township_ = t1;
    const long long v1 = body(t1, "village", "东一村妇联"), v2 = body(t1, "village", "东二村妇联");
    const long long v3 = body(t2, "village", "西一村妇联");
    const long long c1 = body(s1, "community", "南一社区妇联"), c2 = body(s1, "community", "南二社区妇联");
    const long long vc = body(t2, "village_congress", "西二村妇代会");

    // Each lower body: its leaders and members, people of varied attributes, started
    // before or after the baseline, some ended.
    for (long long b : {t1, t2, s1, v1, v2, v3, c1, c2, vc}) {
      const bool congress = b == vc;
      std::vector<std::string> roles = congress ? std::vector<std::string>{"director", "deputy_director",
                                                                           "deputy_director", "member", "member",
                                                                           "member", "member"}
                                                : std::vector<std::string>{"chair", "vice_chair", "vice_chair",
                                                                           "executive", "executive", "executive",
                                                                           "executive"};
      for (const auto& role : roles) {
        const int i = next_++;
        const long long who = person(i);
        const std::string start = i % 3 == 0 ? "2016-07-15" : "2016-03-01";
        const long long position = appoint(who, b, role, kManners[i % 4], kSources[i % 13], start);
        if (i % 7 == 3) end(position, "2016-08-01");
        else if (i % 11 == 5 && start == "2016-03-01") end(position, "2016-05-01");
        if (congress && role == "director") appoint(who, t2, "executive", "part_time", nullptr, "2016-03-01");
        if (b == v1 && role == "chair") appoint(who, t1, "executive", "volunteer", "social_worker", "2016-07-15");
      }
    }
    // The district's own committee (form 3): part-time vice-chair, standing, executives.
    auto committee = [&](const std::string& role, const std::string& manner, const std::string& start) {
      const int i = next_++;
      const long long who = person(i);
      committee_phones_[who] = phone(i);
      return std::pair{who, appoint(who, district_, role, manner.c_str(), nullptr, start)};
    };
    committee("chair", "full_time", "2016-03-01");
    committee_.insert(committee("vice_chair", "part_time", "2016-03-01").first);
    committee("vice_chair", "full_time", "2016-03-01");
    committee_.insert(committee("standing", "part_time", "2016-07-15").first);
    committee_.insert(committee("executive", "part_time", "2016-03-01").first);
    committee_.insert(committee("executive", "volunteer", "2016-07-15").first);
    end(committee("executive", "part_time", "2016-03-01").second, "2016-08-01");

    auto account = [&](const std::string& name, const std::string& role, long long organisation) {
      auto a = admin.post("/api/accounts",
                          {{"username", name}, {"password", kPassword}, {"organisation_id", organisation}, {"role", role}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
    };
    account("forms_clerk", "operator", township_);
    account("forms_viewer", "viewer", district_);
  }
  static void TearDownTestSuite() { world_.reset(); }

  static std::string phone(int i) { return "1380451" + std::to_string(1000 + i); }

  static long long person(int i) {
    const int year = 1950 + (i * 7) % 46;
    const std::string birth = std::to_string(year) + (i % 2 ? "0920" : "0315");  // some turn a year on the report date
    const std::string seq = std::to_string(100 + i * 2);  // even: a woman
    json p{{"name", "王" + jinguo::api_test::han_digits(i)},
           {"id_number", jinguo::api_test::id_number("230102" + birth + seq)},
           {"ethnicity", i % 5 == 0 ? "03" : "01"},
           {"mobile", phone(i)},
           {"work_unit", "单位" + jinguo::api_test::han_digits(i)}};
    if (auto s = kPolitical[i % 7]) p["political_status"] = s;
    if (auto e = kEducation[i % 9]) p["education"] = e;
    auto a = world_->admin->post("/api/people", p);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static long long appoint(long long who, long long body, const std::string& role, const char* manner,
                           const char* source, const std::string& start) {
    json p{{"person_id", who}, {"organisation_id", body}, {"role", role}, {"manner", manner}, {"start_on", start}};
    if (source) p["source"] = source;
    auto a = world_->admin->post("/api/positions", p);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  }

  static void end(long long position, const std::string& on) {
    auto a = world_->admin->post("/api/positions/" + std::to_string(position) + "/end", {{"end_on", on}, {"end_reason", "换届"}});
    EXPECT_EQ(a.status, 200) << a.body.dump();
  }

  static Client signed_in(const std::string& username) {
    Client c(world_->server->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200);
    return c;
  }

  static std::string query(int form, const std::string& extra = "") {
    return "/api/forms/" + std::to_string(form) + "?within=" + std::to_string(district_) + "&on=" + kOn +
           "&baseline=" + kBaseline + extra;
  }

  // The cells of a level form recounted from the rosters: row (body type) → column → number.
  using Counts = std::map<std::string, std::map<std::string, long long>>;
  static Counts recount() {
    Counts counts;
    std::map<std::string, std::map<std::string, std::set<long long>>> people;  // row → column → people
    for (const auto& b : bodies_) {
      ++counts[b.type]["bodies"];
      for (const char* day : {kOn, kBaseline}) {
        auto roster = world_->admin->get("/api/organisations/" + std::to_string(b.id) + "/roster?on=" + day);
        EXPECT_EQ(roster.status, 200);
        for (const auto& item : roster.body["items"]) {
          const long long who = item["person_id"];
          auto& row = people[b.type];
          if (std::string(day) == kBaseline) {
            row["members_before"].insert(who);
            continue;
          }
          std::vector<std::string> columns{"members_after", text_of(item["role"]), text_of(item["manner"]),
                                           band_of_age(item["age"].get<int>()),
                                           band_of_education(text_of(item["education"])),
                                           band_of_political(text_of(item["political_status"]))};
          if (!text_of(item["source"]).empty()) columns.push_back("source_" + text_of(item["source"]));
          const std::string ethnicity = text_of(item["ethnicity"]);
          if (!ethnicity.empty() && ethnicity != "01") columns.push_back("minority");
          for (const auto& c : columns)
            if (!c.empty()) row[c].insert(who);
        }
      }
    }
    for (const auto& [row, columns] : people)
      for (const auto& [column, who] : columns) counts[row][column] = static_cast<long long>(who.size());
    for (auto& [row, columns] : counts) columns["added"] = columns["members_after"] - columns["members_before"];
    return counts;
  }

  static void expect_recounted(const json& form, const Counts& counts) {
    std::map<std::string, long long> totals;
    std::set<std::string> rows;
    for (const auto& row : form["rows"]) {
      const std::string key = row["key"];
      rows.insert(key);
      for (const auto& [column, value] : row["cells"].items()) {
        SCOPED_TRACE(key + " / " + column);
        ASSERT_TRUE(value.is_number_integer());
        const auto& recounted = counts.at(key);
        auto it = recounted.find(column);
        EXPECT_EQ(value.get<long long>(), it == recounted.end() ? 0 : it->second);
        totals[column] += value.get<long long>();
      }
    }
    EXPECT_EQ(rows, (std::set<std::string>{"township", "street", "village", "community", "village_congress"}));
    for (const auto& [column, sum] : totals) EXPECT_EQ(form["totals"][column].get<long long>(), sum) << column;
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline long long district_ = 0, township_ = 0;
  static inline int next_ = 1;
  static inline std::vector<Body> bodies_;
  static inline std::set<long long> committee_;
  static inline std::map<long long, std::string> committee_phones_;
};

TEST_F(FormsTest, ListsTheFiveForms) {
  auto a = world_->admin->get("/api/forms");
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(a.body["items"].size(), 5u);
  EXPECT_EQ(a.body["items"][3]["form"], 4);
  EXPECT_EQ(a.body["items"][3]["title"], "扩大基层妇联组织成员情况统计表");
  EXPECT_EQ(a.body["items"][3]["version"], 1);
}

TEST_F(FormsTest, Forms4And5EqualTheirRecountFromTheRosters) {
  const Counts counts = recount();
  for (int n : {4, 5}) {
    SCOPED_TRACE(n);
    auto a = world_->admin->get(query(n));
    ASSERT_EQ(a.status, 200) << a.body.dump();
    EXPECT_EQ(a.body["within"]["id"], district_);
    EXPECT_EQ(a.body["on"], kOn);
    EXPECT_EQ(a.body["baseline"], kBaseline);
    EXPECT_EQ(a.body["footer"].size(), 5u);
    expect_recounted(a.body, counts);
  }
  // The data is varied enough for the comparison to mean something.
  EXPECT_GT(counts.at("township").at("added"), 0);
  EXPECT_GT(counts.at("village").at("members_before"), 0);
  EXPECT_GT(counts.at("village").at("minority"), 0);
  auto four = world_->admin->get(query(4)).body;
  EXPECT_EQ(four["header_rows"], 3);
  EXPECT_EQ(four["columns"][5]["group"], json({"按职务（人）", "妇联"}));
}

TEST_F(FormsTest, Form3ListsTheDistrictsCommitteeWithPhonesMaskedUnlessFull) {
  auto masked = world_->admin->get(query(3));
  ASSERT_EQ(masked.status, 200) << masked.body.dump();
  std::set<long long> listed;
  for (const auto& row : masked.body["rows"]) {
    const long long who = std::stoll(row["key"].get<std::string>());
    listed.insert(who);
    EXPECT_EQ(row["cells"]["unit"], "表区妇联");
    EXPECT_EQ(row["cells"]["sex"], "女");
    EXPECT_NE(row["cells"]["phone"], committee_phones_.at(who));
    EXPECT_NE(row["cells"]["phone"].get<std::string>().find('*'), std::string::npos);
  }
  EXPECT_EQ(listed, committee_);
  EXPECT_TRUE(masked.body["totals"].is_null());
  EXPECT_EQ(masked.body["rows"][0]["cells"]["post"], "副主席");  // role order: vice-chair, standing, executive

  auto full = world_->admin->get(query(3, "&full=true"));
  ASSERT_EQ(full.status, 200);
  for (const auto& row : full.body["rows"])
    EXPECT_EQ(row["cells"]["phone"], committee_phones_.at(std::stoll(row["key"].get<std::string>())));
  Client viewer = signed_in("forms_viewer");
  EXPECT_EQ(viewer.get(query(3, "&full=true")).status, 403);
  EXPECT_EQ(viewer.get(query(3)).status, 200);
  EXPECT_EQ(viewer.get(query(4, "&full=true")).status, 200);  // no personal data in form 4
}

TEST_F(FormsTest, Form2CountsTheDistrictsExecutiveAndStandingMembers) {
  auto a = world_->admin->get(query(2));
  ASSERT_EQ(a.status, 200) << a.body.dump();
  ASSERT_EQ(a.body["rows"].size(), 1u);
  const auto& row = a.body["rows"][0];
  EXPECT_EQ(row["key"], std::to_string(district_));
  EXPECT_EQ(row["label"], "表区妇联");
  EXPECT_EQ(row["cells"]["executive"], 2);  // one ended before the report date
  EXPECT_EQ(row["cells"]["standing"], 1);
  EXPECT_TRUE(row["cells"]["last_election"].is_null());  // no re-election recorded yet
  auto one = world_->admin->get(query(1));
  ASSERT_EQ(one.status, 200);
  EXPECT_TRUE(one.body["rows"].empty());
}

TEST_F(FormsTest, Forms1And2ShowTheDistrictsContactAndTheReelectionInForce) {
  auto& admin = *world_->admin;
  const std::string district = "/api/organisations/" + std::to_string(district_);
  ASSERT_EQ(admin.post(district + "/reelections", {{"held_on", "2011-11-20"}, {"delegates", 150}}).status, 201);
  ASSERT_EQ(admin.post(district + "/reelections", {{"held_on", "2016-08-10"}, {"term_years", 5}, {"delegates", 210},
                                                   {"delegates_minority", 12}, {"delegates_party", 150},
                                                   {"delegates_grassroots", 90}, {"delegates_under_35", 30}})
                .status,
            201);
  ASSERT_EQ(admin.post(district + "/reelections", {{"held_on", "2021-08-10"}, {"delegates", 220}}).status, 201);
  auto contact = admin.post(district + "/contacts", {{"name", "王秀英"}, {"post", "组织联络部部长"},
                                                     {"office_phone", "0451-86661234"}, {"mobile", "13804512345"},
                                                     {"email", "wangxy@example.cn"}, {"start_on", "2016-06-02"}});
  ASSERT_EQ(contact.status, 201) << contact.body.dump();

  auto two = admin.get(query(2));  // on 2016-09-20: the re-election of 2016-08-10 is in force
  ASSERT_EQ(two.status, 200) << two.body.dump();
  const auto& cells = two.body["rows"][0]["cells"];
  EXPECT_EQ(cells["last_election"], "2016-08-10");
  EXPECT_EQ(cells["term_years"], 5);
  EXPECT_EQ(cells["next_election"], "2021-08-10");
  EXPECT_EQ(cells["delegates"], 210);
  EXPECT_EQ(cells["delegates_minority"], 12);
  EXPECT_EQ(cells["delegates_under_35"], 30);
  EXPECT_TRUE(two.body["totals"]["term_years"].is_null());  // a term in years does not add up
  EXPECT_EQ(two.body["totals"]["delegates"], 210);

  auto one = admin.get(query(1));
  ASSERT_EQ(one.status, 200) << one.body.dump();
  ASSERT_EQ(one.body["rows"].size(), 1u);
  const auto& c = one.body["rows"][0]["cells"];
  EXPECT_EQ(c["unit"], "表区妇联");
  EXPECT_EQ(c["name"], "王秀英");
  EXPECT_EQ(c["office_phone"], "0451-86661234");
  EXPECT_EQ(c["mobile"], "138****2345");
  EXPECT_EQ(c["email"], "wangxy@example.cn");
  EXPECT_EQ(admin.get(query(1, "&full=true")).body["rows"][0]["cells"]["mobile"], "13804512345");
  EXPECT_EQ(signed_in("forms_viewer").get(query(1, "&full=true")).status, 403);
  auto before = admin.get("/api/forms/1?within=" + std::to_string(district_) + "&on=2016-06-01");
  EXPECT_TRUE(before.body["rows"].empty());  // she became the contact on 2016-06-02
}

TEST_F(FormsTest, EachDrillDownTotalEqualsItsCell) {
  for (int n : {4, 5}) {
    auto form = world_->admin->get(query(n)).body;
    for (const auto& row : form["rows"])
      for (const auto& [column, value] : row["cells"].items()) {
        SCOPED_TRACE(std::to_string(n) + " " + row["key"].get<std::string>() + " / " + column);
        auto cell = world_->admin->get(query(n, "&row=" + row["key"].get<std::string>() + "&column=" + column)
                                           .replace(12, 0, "/cell"));
        ASSERT_EQ(cell.status, 200) << cell.body.dump();
        if (column == "added") {
          EXPECT_LE(value.get<long long>(), cell.body["total"].get<long long>());  // the new, less those gone
        } else {
          EXPECT_EQ(cell.body["total"], value);
        }
        EXPECT_EQ(cell.body["items"].size(), cell.body["total"].get<std::size_t>());
        EXPECT_EQ(cell.body["kind"], column == "bodies" ? "bodies" : "people");
      }
  }
  auto text = world_->admin->get(query(3, "&row=1&column=name").replace(12, 0, "/cell"));
  EXPECT_EQ(text.status, 422);
  EXPECT_EQ(text.body["error"]["code"], "not_a_count");
}

TEST_F(FormsTest, ATownshipClerkSeesHerOwnSubtreeOnly) {
  Client clerk = signed_in("forms_clerk");
  auto district = clerk.get(query(4));
  EXPECT_EQ(district.status, 404);
  auto own = clerk.get(std::string("/api/forms/4?on=") + kOn + "&baseline=" + kBaseline);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["within"]["id"], township_);
  EXPECT_EQ(clerk.get(query(4, "&row=village&column=members_after").replace(12, 0, "/cell")).status, 404);
  EXPECT_EQ(clerk.get(query(4).replace(12, 0, ".xlsx")).status, 404);
}

TEST_F(FormsTest, RefusesAnUnknownFormAndABadDate) {
  auto seven = world_->admin->get("/api/forms/7");
  EXPECT_EQ(seven.status, 400);
  EXPECT_EQ(seven.body["error"]["code"], "invalid_form");
  auto date = world_->admin->get("/api/forms/4?on=2016-02-30");
  EXPECT_EQ(date.status, 422);
}

TEST_F(FormsTest, TheWorkbookDownloadIsNamedDrawnAndAudited) {
  httplib::Client http("127.0.0.1", world_->server->port());
  auto path = query(4).replace(12, 0, ".xlsx");
  auto r = http.Get(path, {{"Cookie", world_->admin->cookie()}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string disposition = r->get_header_value("Content-Disposition");
  // 附表4_表区妇联_2016-09-20.xlsx in UTF-8 (RFC 5987; httplib hands the header back decoded)
  EXPECT_NE(disposition.find("filename*=UTF-8''"), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("4_"), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("_2016-09-20.xlsx"), std::string::npos) << disposition;
  auto book = jinguo::documents::read_xlsx(r->body);
  const auto& sheet = book.sheets.at(0);
  EXPECT_EQ(sheet.value_at(1, 1).text, "附表4  扩大基层妇联组织成员情况统计表");
  EXPECT_FALSE(sheet.merged.empty());

  auto audit = world_->admin->get("/api/audit?action=export&entity=form&page_size=100");
  ASSERT_EQ(audit.status, 200) << audit.body.dump();
  bool found = false;
  for (const auto& item : audit.body["items"]) {
    const std::string changes = item.dump();
    if (changes.find("xlsx") != std::string::npos && changes.find("2016-09-20") != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << audit.body.dump();
}

TEST_F(FormsTest, TheDrillDownPagesAndItsTotalsRowListsTheDistinctPeopleOfEveryRow) {
  auto cell = [&](int n, const std::string& extra) {
    return world_->admin->get(query(n, extra).replace(12, 0, "/cell"));
  };
  auto people = [](const json& answer) {
    std::set<long long> who;
    for (const auto& item : answer["items"]) who.insert(item["person_id"].get<long long>());
    return who;
  };
  const json form = world_->admin->get(query(4)).body;

  // Paging walks every item once: the same total on each page, at most page_size items, none twice.
  const std::string members = "&row=total&column=members_after";
  auto whole = cell(4, members + "&page_size=200");
  ASSERT_EQ(whole.status, 200) << whole.body.dump();
  const long long total = whole.body["total"];
  ASSERT_GT(total, 7);
  std::vector<long long> walked;
  for (int page = 1; page < 100; ++page) {
    auto a = cell(4, members + "&page_size=7&page=" + std::to_string(page));
    ASSERT_EQ(a.status, 200) << a.body.dump();
    EXPECT_EQ(a.body["total"], total);
    EXPECT_EQ(a.body["page"], page);
    EXPECT_EQ(a.body["page_size"], 7);
    if (a.body["items"].empty()) break;
    EXPECT_LE(a.body["items"].size(), 7u);
    for (const auto& item : a.body["items"]) walked.push_back(item["person_id"]);
  }
  EXPECT_EQ(static_cast<long long>(walked.size()), total);
  EXPECT_EQ(std::set<long long>(walked.begin(), walked.end()), people(whole.body));
  EXPECT_EQ(cell(4, members).body["page_size"], 50);  // the default

  // row=total: the distinct people of the rows; the 合计 cell adds the rows up, counting twice a woman
  // who holds a position in two of them (a village chair who is also a township executive).
  for (const char* column : {"members_after", "members_before", "added", "chair", "executive"}) {
    SCOPED_TRACE(column);
    std::set<long long> of_rows;
    long long sum = 0;
    for (const auto& row : form["rows"]) {
      sum += row["cells"][column].get<long long>();
      auto one = cell(4, "&row=" + row["key"].get<std::string>() + "&column=" + column + "&page_size=200");
      ASSERT_EQ(one.status, 200);
      const auto who = people(one.body);
      of_rows.insert(who.begin(), who.end());
    }
    EXPECT_EQ(form["totals"][column], sum);
    auto all = cell(4, std::string("&row=total&column=") + column + "&page_size=200");
    ASSERT_EQ(all.status, 200) << all.body.dump();
    EXPECT_EQ(all.body["kind"], "people");
    EXPECT_EQ(people(all.body), of_rows);
    EXPECT_EQ(all.body["total"].get<std::size_t>(), of_rows.size());
    if (std::string(column) != "added") EXPECT_LE(all.body["total"].get<long long>(), sum);
  }
  EXPECT_LT(total, form["totals"]["members_after"].get<long long>());
  auto bodies = cell(4, "&row=total&column=bodies");
  ASSERT_EQ(bodies.status, 200);
  EXPECT_EQ(bodies.body["kind"], "bodies");
  EXPECT_EQ(bodies.body["total"], form["totals"]["bodies"]);
  // form 2's 合计 row: the district's executive members
  auto two = world_->admin->get(query(2)).body;
  auto executive = cell(2, "&row=total&column=executive");
  ASSERT_EQ(executive.status, 200) << executive.body.dump();
  EXPECT_EQ(executive.body["total"], two["totals"]["executive"]);

  // Bounds as every list: page_size 1–200, page from 1, integers.
  for (const char* bad : {"&page_size=0", "&page_size=201", "&page=0", "&page_size=many"}) {
    SCOPED_TRACE(bad);
    auto a = cell(4, members + bad);
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(a.body["error"]["code"], "invalid_parameter");
  }
  EXPECT_EQ(cell(4, members + "&page=1000").body["items"].size(), 0u);  // past the end: nobody, the same total
  EXPECT_EQ(cell(4, members + "&page=1000").body["total"], total);
}

// A form's file is drawn once for a report and kept: the same PDF a second later (a PDF drawn
// again would carry a later creation date); after a write that changes the form, drawn afresh.
// Dated 2016-12-31 with a position from 2016-12-01, so that the other tests' dates see nothing.
TEST_F(FormsTest, AFormsFileIsKeptUntilAWriteChangesIt) {
  httplib::Client http("127.0.0.1", world_->server->port());
  const std::string late = "/api/forms/4.pdf?within=" + std::to_string(district_) + "&on=2016-12-31";
  auto get = [&](const std::string& path) {
    auto r = http.Get(path, {{"Cookie", world_->admin->cookie()}});
    EXPECT_TRUE(r && r->status == 200) << path;
    return r ? r->body : std::string();
  };
  const std::string xlsx_path = std::string(late).replace(late.find(".pdf"), 4, ".xlsx");
  const std::string pdf = get(late), xlsx = get(xlsx_path);
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(get(late), pdf) << "the second download drew the PDF again";
  EXPECT_EQ(get(xlsx_path), xlsx) << "the second download wrote the workbook again";

  appoint(person(next_++), township_, "executive", "part_time", nullptr, "2016-12-01");
  EXPECT_NE(get(late), pdf) << "a PDF of before the write was served";
  EXPECT_NE(get(xlsx_path), xlsx) << "a workbook of before the write was served";
}

}  // namespace
