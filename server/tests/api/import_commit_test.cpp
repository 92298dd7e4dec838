// The import's commit (issue 10) through `jinguo import --commit` on SQLite and PostgreSQL:
// all rows or nothing; the valid rows when the clerk chooses to skip the others; the same
// file twice changes nothing the second time; a row past a staffing maximum is an error
// unless an administrator gives a reason; an export edited in two cells comes back as
// exactly those two changes; a commit killed half-way leaves nothing of its batch.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <thread>

#include "../support/spreadsheet_fixtures.h"
#include "api_client.h"
#include "documents/spreadsheet.h"
#include "domain/date.h"

using jinguo::api_test::json;

namespace {

using jinguo::api_test::id_number;

class ImportCommitTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("提交市妇联"));
    auto& admin = *world_->admin;
    auto created = [](const jinguo::api_test::Answer& a) {
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "提交区妇联"}}));
    town_ = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "提交镇妇联"}}));
    village_ = created(admin.post("/api/organisations", {{"parent_id", town_}, {"type", "village_congress"}, {"name", "满员村妇代会"}}));
    spare_ = created(admin.post("/api/organisations", {{"parent_id", town_}, {"type", "village_congress"}, {"name", "中断村妇代会"}}));
  }
  static void TearDownTestSuite() { world_.reset(); }

  static std::string write_csv(const std::string& name, const std::string& text) {
    auto file = (dir_.path() / name).string();
    std::ofstream(file, std::ios::binary) << "\xEF\xBB\xBF" << text;
    return file;
  }
  // `jinguo import FILE --within DISTRICT --json` plus the extra arguments; the exit code and report.
  static std::pair<int, json> import(const std::string& file, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"import", file, "--within", std::to_string(district_), "--json", "--database", world_->url};
    args.insert(args.end(), extra.begin(), extra.end());
    auto out = dir_.path() / "report.json";
    int code = jinguo::api_test::run_to_file(args, out.string());
    return {code, json::parse(jinguo::test::read_file(out), nullptr, false)};
  }
  static long long people_count() {
    return world_->admin->get("/api/people?status=all&page_size=1").body.value("total", -1LL);
  }
  static long long audit_count(const std::string& query) {
    return world_->admin->get("/api/audit?page_size=1&" + query).body.value("total", -1LL);
  }
  // The k-th of many women: a name and a valid ID number of her own.
  static std::string woman(int k) {
    static const char* given[] = {"秀兰", "桂芝", "玉梅", "淑珍", "丽华", "春燕", "海燕", "红霞", "晓梅", "雪梅"};
    return std::string("赵") + given[k % 10];
  }
  static std::string id_of(int k) {
    const int day = k / 400, sequence = (k % 400) * 2;  // an even sequence: a woman
    char digits[18];
    std::snprintf(digits, sizeof digits, "230102%04d%02d%02d%03d", 1960 + day / 336, 1 + day / 28 % 12, 1 + day % 28,
                  sequence);
    return id_number(digits);
  }
  // A members sheet of `n` women for one body, from the `first`-th on.
  // The first position of the k-th woman, as her page lists it.
  static json position_of(int k) {
    auto found = world_->admin->get("/api/people?q=" + id_of(k)).body;
    auto id = found["items"][0]["id"].get<long long>();
    return world_->admin->get("/api/people/" + std::to_string(id)).body["positions"][0];
  }
  // Ends it (迁出) on the day given; 200.
  static int end_position_of(int k, const std::string& on) {
    return world_->admin
        ->post("/api/positions/" + std::to_string(position_of(k)["id"].get<long long>()) + "/end",
               {{"end_on", on}, {"end_reason", "迁出"}})
        .status;
  }
  static std::string members(const std::string& body, int first, int n, const std::string& role = "委员") {
    std::string text = "姓名,身份证号,所在组织,妇联职务,任职方式,任职时间\n";
    for (int i = first; i < first + n; ++i)
      text += woman(i) + "," + id_of(i) + "," + body + "," + role + ",兼职,2016-07-01\n";
    return text;
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline jinguo::test::TempDir dir_;
  static inline long long district_ = 0, town_ = 0, village_ = 0, spare_ = 0;
};

TEST_F(ImportCommitTest, AllRowsOrNothingThenTheValidRowsThenNothingNew) {
  const std::string good1 = id_number("23010219900101002"), good2 = id_number("23010219900202002");
  auto file = write_csv("名单.csv",
                        "姓名,身份证号,手机,所在组织,妇联职务,任职方式\n"
                        "刘芳," + good1 + ",13900000001,提交镇妇联,执委,兼职\n"
                        "马丽," + good2 + ",13900000002,提交镇妇联,执委,兼职\n"
                        "马丽," + good2 + ",13900000002,提交区妇联,执委,兼职\n"  // the cross-level seat: two positions
                        "错号,230102198001010000,,提交镇妇联,执委,兼职\n");
  const long long before = people_count(), imports_before = audit_count("action=import");

  auto [refused, refused_report] = import(file, {"--commit"});
  EXPECT_EQ(refused, 3) << refused_report.dump(1);
  EXPECT_EQ(refused_report["committed"], false);
  EXPECT_EQ(people_count(), before);  // nothing stored
  EXPECT_EQ(audit_count("action=import"), imports_before);

  auto [skipped, report] = import(file, {"--commit", "--skip-invalid"});
  EXPECT_EQ(skipped, 3) << report.dump(1);  // some rows had errors, even though the others are stored
  EXPECT_EQ(report["committed"], true) << report.dump(1);
  EXPECT_EQ(report["created_people"], 2) << report.dump(1);
  EXPECT_EQ(report["created_positions"], 3);
  EXPECT_EQ(report["invalid"], 1);
  EXPECT_EQ(people_count(), before + 2);
  EXPECT_EQ(audit_count("action=import"), imports_before + 1);
  auto found = world_->admin->get("/api/people?q=" + good2).body;
  ASSERT_EQ(found["total"], 1) << found.dump(1);
  EXPECT_EQ(found["items"][0]["current_positions"].size(), 2u) << found.dump(1);
  bool town_listed = false;
  for (const auto& b : report["bodies"]) town_listed = town_listed || (b["organisation_id"] == town_ && b["members"] == 2);
  EXPECT_TRUE(town_listed) << report["bodies"].dump(1);
  // each change has its own record, as a single registration has
  EXPECT_GE(audit_count("action=create&entity=position&within=" + std::to_string(town_)), 2);

  auto [again, again_report] = import(file, {"--commit", "--skip-invalid"});
  EXPECT_EQ(again_report["created_people"], 0) << again_report.dump(1);
  EXPECT_EQ(again_report["created_positions"], 0);
  EXPECT_EQ(again_report["unchanged"], 3);
  EXPECT_EQ(people_count(), before + 2);
  EXPECT_EQ(again, 3);
}

TEST_F(ImportCommitTest, ARowPastAMaximumIsAnErrorUnlessAnAdministratorGivesAReason) {
  // a village 妇代会 has at most 10 委员: the 11th row is refused, naming the rule
  auto file = write_csv("满员.csv", members("满员村妇代会", 100, 11));
  auto [code, report] = import(file);
  EXPECT_EQ(code, 3) << report.dump(1);
  ASSERT_EQ(report["errors"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["errors"][0]["row"], 12);  // the heading is row 1
  EXPECT_EQ(report["errors"][0]["code"], "staffing_rule_broken");
  EXPECT_EQ(report["errors"][0]["column"], "妇联职务");

  auto [overridden, stored] = import(file, {"--commit", "--override-reason", "换届过渡期，经区妇联同意"});
  EXPECT_EQ(overridden, 0) << stored.dump(1);
  EXPECT_EQ(stored["committed"], true);
  EXPECT_EQ(stored["created_positions"], 11);
  auto audit = world_->admin->get("/api/audit?action=import&page_size=1").body;
  ASSERT_EQ(audit["items"].size(), 1u);
  EXPECT_EQ(audit["items"][0]["changes"]["override_reason"]["after"], "换届过渡期，经区妇联同意") << audit.dump(1);
}

TEST_F(ImportCommitTest, AnExportEditedInTwoCellsComesBackAsExactlyThoseTwoChanges) {
  auto seed = write_csv("seed.csv", members("提交镇妇联", 300, 3, "执委"));
  ASSERT_EQ(import(seed, {"--commit"}).first, 0);
  auto exported = (dir_.path() / "roster.xlsx").string();
  ASSERT_EQ(jinguo::api_test::run_to_file({"export", "roster", "--within", std::to_string(town_), "--full", "-o",
                                           exported, "--database", world_->url},
                                          "/dev/null"),
            0);
  // the clerk's edit: the sheet as it came out, two cells changed (a mobile and a work unit)
  auto book = jinguo::documents::read_spreadsheet(jinguo::test::read_file(exported), "roster.xlsx");
  const auto& sheet = book.sheets.front();
  std::uint32_t heading = 0;
  std::map<std::string, std::uint32_t> column;
  for (const auto& row : sheet.rows)
    for (const auto& cell : row.cells)
      if (cell.text == "姓名") heading = row.number;
  std::string csv;
  int people_rows = 0;
  for (const auto& row : sheet.rows) {
    if (row.number < heading) continue;
    std::string line;
    std::uint32_t max_column = 0;
    for (const auto& cell : row.cells) max_column = std::max(max_column, cell.column);
    for (std::uint32_t c = 1; c <= max_column; ++c) {
      std::string text;
      for (const auto& cell : row.cells) {
        if (cell.column != c) continue;
        if (cell.kind != jinguo::documents::CellKind::kNumber) text = cell.text;
        else if (cell.date_formatted)  // an Excel serial day: as a clerk types it
          text = jinguo::domain::Date(1899, 12, 30).plus_days(static_cast<int>(cell.number)).iso();
        else text = std::to_string(static_cast<long long>(cell.number));
      }
      if (row.number == heading) column[text] = c;
      if (row.number == heading + 1 && c == column["手机"]) text = "13911112222";
      if (row.number == heading + 2 && c == column["工作单位"]) text = "提交镇中心小学";
      line += (c > 1 ? "," : "") + text;
    }
    if (row.number > heading) ++people_rows;
    csv += line + "\n";
  }
  ASSERT_GE(people_rows, 3) << csv;
  const long long updates_before = audit_count("action=update&entity=person");
  auto [code, report] = import(write_csv("edited.csv", csv), {"--commit"});
  EXPECT_EQ(code, 0) << report.dump(1) << csv;
  EXPECT_EQ(report["updated_people"], 2) << report.dump(1);
  EXPECT_EQ(report["created_people"], 0);
  EXPECT_EQ(report["created_positions"], 0);
  EXPECT_EQ(report["unchanged"], people_rows - 2);
  EXPECT_EQ(audit_count("action=update&entity=person"), updates_before + 2);
}

// The cells of her position in an exported roster edited: 任职方式 and 来源 correct the position
// she holds (a 更正 with the file as its reason), not silently dropped; a new 妇联职务 where she
// holds another role is refused with what to do, unless the file lists both roles.
TEST_F(ImportCommitTest, AnEditedMannerOrSourceCorrectsHerPositionAndANewRoleIsNotAddedBesideTheOld) {
  auto made = world_->admin->post("/api/organisations",
                                  {{"parent_id", town_}, {"type", "village_congress"}, {"name", "更正村妇代会"}});
  ASSERT_EQ(made.status, 201) << made.body.dump();
  ASSERT_EQ(import(write_csv("更正.csv", members("更正村妇代会", 30000, 3)), {"--commit"}).first, 0);
  auto line = [](int k, const std::string& role, const std::string& manner, const std::string& source) {
    return woman(k) + "," + id_of(k) + ",更正村妇代会," + role + "," + manner + "," + source + ",2016-07-01\n";
  };
  const std::string heading = "姓名,身份证号,所在组织,妇联职务,任职方式,来源,任职时间\n";
  const std::string edited =
      heading + line(30000, "委员", "专职", "") + line(30001, "委员", "兼职", "女性楼栋长") + line(30002, "副主任", "兼职", "");
  auto [code, report] = import(write_csv("更正后.csv", edited));
  EXPECT_EQ(code, 3) << report.dump(1);
  EXPECT_EQ(report["updated_positions"], 2) << report.dump(1);
  EXPECT_EQ(report["created_positions"], 0);
  const auto& results = report["results"];
  EXPECT_EQ(results[0]["outcome"], "update");
  EXPECT_EQ(results[0]["position_changes"], json::parse(R"([{"field":"manner","before":"兼职","after":"专职"}])"));
  EXPECT_EQ(results[1]["position_changes"], json::parse(R"([{"field":"source","before":"","after":"女性楼栋长"}])"));
  ASSERT_EQ(report["errors"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["errors"][0]["row"], 4);
  EXPECT_EQ(report["errors"][0]["column"], "妇联职务");
  EXPECT_EQ(report["errors"][0]["code"], "role_held_already");

  const long long corrections = audit_count("action=correct&entity=position");
  auto [stored, committed] = import(write_csv("更正后.csv", edited), {"--commit", "--skip-invalid"});
  EXPECT_EQ(stored, 3) << committed.dump(1);  // stored, but some rows had errors
  EXPECT_EQ(committed["committed"], true);
  EXPECT_EQ(audit_count("action=correct&entity=position"), corrections + 2);
  auto again = import(write_csv("更正后.csv", edited)).second;  // applied: nothing to correct now
  EXPECT_EQ(again["updated_positions"], 0) << again.dump(1);
  EXPECT_EQ(again["unchanged"], 2);

  // both roles listed: the new one is appointed beside the one she keeps
  auto [both, both_report] = import(write_csv("两职.csv", heading + line(30002, "委员", "兼职", "") +
                                                              line(30002, "副主任", "兼职", "")));
  EXPECT_EQ(both, 0) << both_report.dump(1);
  EXPECT_EQ(both_report["created_positions"], 1);
  EXPECT_EQ(both_report["unchanged"], 1);
}

// The 任职时间 of an exported roster edited corrects the start of the position she holds (as a
// 更正); a blank cell, or one that gives the same month as the stored day, changes nothing; a
// start moved earlier is judged by the staffing rules; before 1949 it is refused.
TEST_F(ImportCommitTest, AnEditedStartCorrectsHerPosition) {
  auto made = world_->admin->post("/api/organisations",
                                  {{"parent_id", town_}, {"type", "village_congress"}, {"name", "任职时间村妇代会"}});
  ASSERT_EQ(made.status, 201) << made.body.dump();
  const std::string heading = "姓名,身份证号,所在组织,妇联职务,任职方式,任职时间\n";
  auto line = [](int k, const std::string& start) {
    return woman(k) + "," + id_of(k) + ",任职时间村妇代会,委员,兼职," + start + "\n";
  };
  // 10 委员 (the most a 妇代会 has) from 2015; one of them leaves at the end of 2015, and an
  // 11th comes in July 2016: 10 on every day
  std::string first = heading;
  for (int k = 31000; k < 31010; ++k) first += line(k, "2015-01-01");
  auto [first_code, first_report] = import(write_csv("任职时间.csv", first), {"--commit"});
  ASSERT_EQ(first_code, 0) << first_report["errors"].dump(1);
  ASSERT_EQ(import(write_csv("任职时间2.csv", heading + line(31010, "2016-07-01")), {"--commit"}).first, 3);
  ASSERT_EQ(end_position_of(31009, "2016-01-01"), 200);
  ASSERT_EQ(import(write_csv("任职时间2.csv", heading + line(31010, "2016-07-01")), {"--commit"}).first, 0);

  const std::string edited = heading + line(31000, "2014-03-01") + line(31001, "2015.01") + line(31002, "") +
                             line(31003, "1948-05-01") + line(31010, "2015-06-01");
  auto [code, report] = import(write_csv("任职时间改.csv", edited));
  EXPECT_EQ(code, 3) << report.dump(1);
  const auto& results = report["results"];
  EXPECT_EQ(results[0]["outcome"], "update") << report.dump(1);
  EXPECT_EQ(results[0]["position_changes"],
            json::parse(R"([{"field":"start_on","before":"2015-01-01","after":"2014-03-01"}])"));
  EXPECT_EQ(results[1]["outcome"], "unchanged");  // 2015.01: the month she began
  EXPECT_EQ(results[2]["outcome"], "unchanged");  // blank: left as stored
  EXPECT_EQ(report["updated_positions"], 1);
  EXPECT_EQ(report["created_positions"], 0);
  ASSERT_EQ(report["errors"].size(), 2u) << report.dump(1);
  EXPECT_EQ(report["errors"][0]["row"], 5);
  EXPECT_EQ(report["errors"][0]["column"], "任职时间");
  EXPECT_EQ(report["errors"][0]["code"], "start_too_early");
  EXPECT_EQ(report["errors"][1]["row"], 6);  // 11 on her new first day, when the 10th had not left
  EXPECT_EQ(report["errors"][1]["code"], "staffing_rule_broken");

  const long long corrections = audit_count("action=correct&entity=position");
  EXPECT_EQ(import(write_csv("任职时间改.csv", edited), {"--commit", "--skip-invalid"}).first, 3);
  EXPECT_EQ(audit_count("action=correct&entity=position"), corrections + 1);
  EXPECT_EQ(position_of(31000)["start_on"], "2014-03-01");
  EXPECT_EQ(position_of(31001)["start_on"], "2015-01-01");
  EXPECT_EQ(position_of(31010)["start_on"], "2016-07-01");

  // an administrator's reason lets the 11th's earlier start through, the reason kept with it
  auto [overridden, over] = import(write_csv("任职时间越过.csv", heading + line(31010, "2015-06-01")),
                                   {"--commit", "--override-reason", "2015年6月起实际到岗"});
  EXPECT_EQ(overridden, 0) << over.dump(1);
  EXPECT_EQ(over["updated_positions"], 1);
  EXPECT_EQ(position_of(31010)["start_on"], "2015-06-01");
  auto record = world_->admin->get("/api/audit?action=correct&entity=position&person_id=" +
                                   std::to_string(position_of(31010)["person_id"].get<long long>()))
                    .body;
  ASSERT_EQ(record["items"].size(), 1u) << record.dump(1);
  EXPECT_NE(record["items"][0].dump().find("2015年6月起实际到岗"), std::string::npos) << record.dump(1);
}

// A start moved earlier is judged on every day it newly covers where a count can rise, not only
// on its new first day: here the body has room on that day and is full from a later one.
TEST_F(ImportCommitTest, AnEarlierStartIsJudgedOnEachDayItNewlyCovers) {
  auto made = world_->admin->post("/api/organisations",
                                  {{"parent_id", town_}, {"type", "village_congress"}, {"name", "跨日村妇代会"}});
  ASSERT_EQ(made.status, 201) << made.body.dump();
  const std::string heading = "姓名,身份证号,所在组织,妇联职务,任职方式,任职时间\n";
  auto line = [](int k, const std::string& start) {
    return woman(k) + "," + id_of(k) + ",跨日村妇代会,委员,兼职," + start + "\n";
  };
  // 9 委员 from 2015, a 10th from March 2016; the first leaves in June and an 11th comes in July
  std::string first = heading;
  for (int k = 32000; k < 32009; ++k) first += line(k, "2015-01-01");
  first += line(32009, "2016-03-01");
  auto [first_code, first_report] = import(write_csv("跨日.csv", first), {"--commit"});
  ASSERT_EQ(first_code, 0) << first_report["errors"].dump(1);
  ASSERT_EQ(end_position_of(32000, "2016-06-01"), 200);
  ASSERT_EQ(import(write_csv("跨日2.csv", heading + line(32010, "2016-07-01")), {"--commit"}).first, 0);

  // moved to February: 10 on that day, 11 from 1 March, when the 10th came
  auto [code, report] = import(write_csv("跨日改.csv", heading + line(32010, "2016-02-01")));
  EXPECT_EQ(code, 3) << report.dump(1);
  ASSERT_EQ(report["errors"].size(), 1u) << report.dump(1);
  EXPECT_EQ(report["errors"][0]["code"], "staffing_rule_broken");
  EXPECT_EQ(report["errors"][0]["message"].get<std::string>().rfind("2016-03-01起", 0), 0u) << report.dump(1);
  // moved to June, after the first left: 10 on every day it newly covers
  auto [june, june_report] = import(write_csv("跨日改2.csv", heading + line(32010, "2016-06-15")));
  EXPECT_EQ(june, 0) << june_report.dump(1);
  EXPECT_EQ(june_report["updated_positions"], 1);
}

// The people and positions go in a few hundred to an INSERT, their ids matched back by key:
// 1,300 rows over several batches, women on two and three rows (the second row next to the
// first, in the same batch, or hundreds of rows later, after her first was stored), each
// position under its own woman, with one audit record naming her.
TEST_F(ImportCommitTest, ManyRowsInBatchesKeepEachPositionWithItsOwnWoman) {
  const int n = 1100;
  std::string text = "姓名,身份证号,所在组织,妇联职务,任职方式,任职时间\n";
  auto row = [&](int k, const std::string& body, const std::string& role) {
    text += woman(k) + "," + id_of(k) + "," + body + "," + role + ",兼职,2016-07-01\n";
  };
  int rows = 0;
  for (int k = 20000; k < 20000 + n; ++k) {
    row(k, "提交镇妇联", "执委"), ++rows;
    if (k % 5 == 0) row(k, "提交区妇联", "执委"), ++rows;  // next to her first row
  }
  for (int k = 20000; k < 20000 + n; k += 7) row(k, "中断村妇代会", "委员"), ++rows;  // far below it
  const long long before = people_count();
  const long long positions_before = audit_count("action=create&entity=position");
  auto [code, report] =
      import(write_csv("多批.csv", text), {"--commit", "--override-reason", "批量导入测试：超出配备标准"});
  EXPECT_EQ(code, 0) << report.dump(1).substr(0, 2000);
  EXPECT_EQ(report["committed"], true);
  EXPECT_EQ(report["created_people"], n);
  EXPECT_EQ(report["created_positions"], rows);
  EXPECT_EQ(people_count(), before + n);
  EXPECT_EQ(audit_count("action=create&entity=position"), positions_before + rows);
  for (int k : {20000, 20001, 20005, 20007, 20035, 20499, 20500, 20501, 20994, 21000, 21099}) {
    auto found = world_->admin->get("/api/people?q=" + id_of(k)).body;
    ASSERT_EQ(found["total"], 1) << k << found.dump(1);
    const auto& person = found["items"][0];
    EXPECT_EQ(person["name"], woman(k)) << k;
    std::set<long long> bodies;
    for (const auto& p : person["current_positions"]) bodies.insert(p["organisation_id"].get<long long>());
    std::set<long long> expected{town_};
    if (k % 5 == 0) expected.insert(district_);
    if ((k - 20000) % 7 == 0) expected.insert(spare_);
    EXPECT_EQ(bodies, expected) << k << person.dump(1);
    EXPECT_EQ(person["current_positions"].size(), expected.size()) << k << person.dump(1);
    const std::string id = std::to_string(person["id"].get<long long>());
    EXPECT_EQ(audit_count("action=create&entity=position&person_id=" + id), static_cast<long long>(expected.size()))
        << k;
    EXPECT_EQ(audit_count("action=create&entity=person&person_id=" + id), 1) << k;
  }
}

TEST_F(ImportCommitTest, ACommitKilledHalfWayLeavesNothingOfItsBatch) {
  auto file = write_csv("big.csv", [] {
    std::string text = "姓名,身份证号\n";
    for (int i = 10000; i < 14000; ++i) text += woman(i) + "," + id_of(i) + "\n";
    return text;
  }());
  std::mt19937 random(20160620);
  for (int attempt = 0; attempt < 3; ++attempt) {
    const long long before = people_count();
    pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(JINGUO_BINARY, JINGUO_BINARY, "import", file.c_str(), "--within", std::to_string(district_).c_str(),
              "--commit", "--database", world_->url.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 600));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const long long after = people_count();
    EXPECT_TRUE(after == before || after == before + 4000) << before << " → " << after;
    if (after == before + 4000) break;  // it finished first: the rest has nothing to prove
  }
}

}  // namespace
