// The import's dry run (issue 10) through `jinguo import --json` on SQLite and PostgreSQL: a
// WPS-style roster with the usual mistakes gets each one named by row and column, the valid
// rows judged new, updated or unchanged, nothing stored; and a roster exported in full
// comes back unchanged, row for row.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "../support/spreadsheet_fixtures.h"
#include "api_client.h"
#include "domain/id_number.h"

using jinguo::api_test::json;

namespace {

using jinguo::api_test::id_number;

class ImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("导入市妇联"));
    auto& admin = *world_->admin;
    auto created = [](const jinguo::api_test::Answer& a) {
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "导入区妇联"}}));
    town_ = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "导入镇妇联"}}));
    long long other_town = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "别的镇妇联"}}));
    // two villages of the same name under two townships: only a path tells them apart
    for (long long t : {town_, other_town})
      created(admin.post("/api/organisations", {{"parent_id", t}, {"type", "village_congress"}, {"name", "新农村妇代会"}}));
    kept_ = id_number("23010219700101002");
    changed_ = id_number("23010219710101002");
    for (const auto& [name, id] : {std::pair{"李秀兰", kept_}, std::pair{"张桂芝", changed_}}) {
      long long person = created(admin.post("/api/people", {{"name", name}, {"id_number", id}, {"mobile", "13804510001"}}));
      created(admin.post("/api/positions", {{"person_id", person}, {"organisation_id", town_}, {"role", "executive"},
                                            {"manner", "part_time"}, {"start_on", "2016-06-01"}}));
    }
  }
  static void TearDownTestSuite() { world_.reset(); }

  // `jinguo import FILE --json` as the system's account; the report and the exit code.
  static std::pair<int, json> dry_run(const std::string& file) {
    auto out = dir_.path() / "report.json";
    int code = jinguo::api_test::run_to_file({"import", file, "--within", std::to_string(district_), "--json",
                                             "--database", world_->url},
                                            out.string());
    return {code, json::parse(jinguo::test::read_file(out), nullptr, false)};
  }
  static bool has_error(const json& report, int row, const std::string& column, const std::string& code) {
    for (const auto& e : report["errors"])
      if (e["row"] == row && e["column"] == column && e["code"] == code) return true;
    return false;
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline jinguo::test::TempDir dir_;
  static inline long long district_ = 0, town_ = 0;
  static inline std::string kept_, changed_;
};

TEST_F(ImportTest, EveryMistakeIsNamedByRowAndColumnAndNothingIsStored) {
  const std::string fresh15 = "230102750815002";  // a 15-digit number, converted to 18
  std::string bytes = jinguo::test::make_xlsx([&](lxw_workbook* book) {
    lxw_worksheet* ws = workbook_add_worksheet(book, "执委名单");
    worksheet_merge_range(ws, 0, 0, 0, 8, "导入镇妇联执委名单（2016年）", nullptr);
    const char* headings[] = {"序号", "姓  名", "公民身份号码", "性别", "文化程度", "联系电话", "所在妇联", "担任职务",
                              "任职方式", "任职时间"};
    for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(ws, 2, c, headings[c], nullptr);
    struct Row {
      std::string name, id, sex, education, phone, body, role, manner, start;
    };
    const Row rows[] = {
        {"王  芳", fresh15, "女", "本科", "139 1234 5678", "导入镇妇联", "执委", "兼职", "2016.8.15"},  // row 4: new
        {"李秀兰", kept_, "女", "", "13804510001", "导入镇妇联", "执委", "兼职", ""},                 // row 5: unchanged
        {"张桂芝", changed_, "", "", "13804519999", "导入镇妇联", "执委", "兼职", ""},               // row 6: mobile changed
        {"赵丽", "230102198001010000", "女", "", "", "导入镇妇联", "执委", "兼职", ""},                      // row 7: checksum
        {"钱红", id_number("23010219820202002"), "男", "", "", "导入镇妇联", "执委", "兼职", ""},  // row 8: sex
        {"孙梅", id_number("23010219830303002"), "", "", "", "导入镇妇联", "主任", "兼职", ""},    // row 9: role
        {"周燕", id_number("23010219840404002"), "", "", "", "导入镇", "执委", "兼职", ""},  // row 10
        {"吴静", id_number("23010219850505002"), "", "", "", "新农村妇代会", "委员", "兼职", ""},  // row 11
        {"郑洁", id_number("23010219860606002"), "", "", "", "导入镇妇联/新农村妇代会", "委员", "志愿者", ""},
        {"陈晨😀", id_number("23010219870707002"), "", "", "", "导入镇妇联", "执委", "兼职", ""},  // row 13
    };
    lxw_row_t r = 3;
    for (const auto& row : rows) {
      const std::string* cells[] = {nullptr, &row.name, &row.id, &row.sex, &row.education, &row.phone,
                                    &row.body, &row.role, &row.manner, &row.start};
      worksheet_write_number(ws, r, 0, r - 2, nullptr);
      for (lxw_col_t c = 1; c < 10; ++c)
        if (!cells[c]->empty()) worksheet_write_string(ws, r, c, cells[c]->c_str(), nullptr);
      ++r;
    }
    worksheet_write_string(ws, r + 1, 0, "填表人：刘洋    审核人：王丽", nullptr);
  });
  auto file = (dir_.path() / "执委名单.xlsx").string();
  std::ofstream(file, std::ios::binary) << bytes;
  auto before = world_->admin->get("/api/people?page_size=1").body["total"];

  auto [code, report] = dry_run(file);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(code, 3) << report.dump(1);  // some rows have errors
  EXPECT_EQ(report["sheet"], "执委名单");
  EXPECT_EQ(report["rows"], 10) << report.dump(1);
  EXPECT_TRUE(has_error(report, 7, "公民身份号码", "id_number_checksum")) << report["errors"].dump(1);
  EXPECT_TRUE(has_error(report, 8, "性别", "id_number_sex_mismatch")) << report["errors"].dump(1);
  EXPECT_TRUE(has_error(report, 9, "担任职务", "role_not_allowed")) << report["errors"].dump(1);
  EXPECT_TRUE(has_error(report, 10, "所在妇联", "organisation_unknown")) << report["errors"].dump(1);
  EXPECT_TRUE(has_error(report, 11, "所在妇联", "organisation_ambiguous")) << report["errors"].dump(1);
  EXPECT_TRUE(has_error(report, 13, "姓 名", "name_characters")) << report["errors"].dump(1);
  EXPECT_EQ(report["invalid"], 6) << report["errors"].dump(1);  // rows 7–11 and 13
  EXPECT_EQ(report["valid"], 4);
  EXPECT_EQ(report["created_people"], 2);     // rows 4 and 12
  EXPECT_EQ(report["updated_people"], 1);     // row 6
  EXPECT_EQ(report["created_positions"], 2);  // rows 4 and 12
  EXPECT_EQ(report["unchanged"], 1);          // row 5
  const auto& results = report["results"];
  EXPECT_EQ(results[0]["outcome"], "create");
  EXPECT_EQ(results[0]["name"], "王芳");  // the spaces that aligned a two-character name are dropped
  EXPECT_EQ(results[2]["person_changes"][0]["field"], "mobile");
  EXPECT_EQ(results[2]["person_changes"][0]["before"], "138****0001");  // stored: masked, as in every answer
  EXPECT_EQ(results[2]["person_changes"][0]["after"], "13804519999");   // hers, from the file
  EXPECT_EQ(results[8]["organisation"], "新农村妇代会");
  // what a faulty row says it is, and what she may write instead
  EXPECT_EQ(results[5]["outcome"], "error");
  EXPECT_EQ(results[5]["role"], "主任");
  EXPECT_EQ(results[6]["organisation"], "导入镇");  // as she wrote it
  for (const auto& e : report["errors"]) {
    if (e["code"] == "role_not_allowed")
      EXPECT_NE(e["message"].get<std::string>().find("，可填：主席、副主席"), std::string::npos) << e.dump();
    if (e["row"] == 10)
      EXPECT_NE(e["message"].get<std::string>().find("您是否要写“导入镇妇联”？"), std::string::npos) << e.dump();
  }
  EXPECT_EQ(world_->admin->get("/api/people?page_size=1").body["total"], before);  // nothing stored
}

TEST_F(ImportTest, AnExportInFullComesBackUnchanged) {
  auto exported = (dir_.path() / "roster.xlsx").string();
  ASSERT_EQ(jinguo::api_test::run_to_file({"export", "roster", "--within", std::to_string(town_), "--full", "-o",
                                           exported, "--database", world_->url},
                                          "/dev/null"),
            0);
  auto [code, report] = dry_run(exported);
  EXPECT_EQ(code, 0) << report.dump(1);
  EXPECT_EQ(report["rows"], 2);
  EXPECT_EQ(report["unchanged"], 2) << report.dump(1);
  // masked, it cannot name the people: each row says how to get the full numbers
  auto masked = (dir_.path() / "masked.xlsx").string();
  ASSERT_EQ(jinguo::api_test::run_to_file({"export", "roster", "--within", std::to_string(town_), "-o", masked,
                                           "--database", world_->url},
                                          "/dev/null"),
            0);
  auto [masked_code, masked_report] = dry_run(masked);
  EXPECT_EQ(masked_code, 3);
  EXPECT_TRUE(has_error(masked_report, 3, "身份证号", "id_number_masked")) << masked_report.dump(1);
}

// A division code names its body however many bodies the subtree holds (the lookup once read only
// the first 200 of the subtree, so a code in a district of 3,000 bodies was "not found").
TEST_F(ImportTest, ADivisionCodeFindsItsBodyInASubtreeOfMoreThanAPage) {
  auto& admin = *world_->admin;
  auto body = [&](long long parent, const std::string& type, const std::string& name, const std::string& code) {
    json b = {{"parent_id", parent}, {"type", type}, {"name", name}};
    if (!code.empty()) b["division_code"] = code;
    auto a = admin.post("/api/organisations", b);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", 0LL);
  };
  const long long district = body(world_->city, "district", "编码区妇联", "");
  for (int i = 0; i < 205; ++i) body(district, "township", "编码" + std::to_string(i) + "镇妇联", "");
  body(district, "township", "编码末镇妇联", "230188999000");
  auto run = [&](const std::string& file, const std::string& kind) {
    auto out = dir_.path() / "coded.json";
    int code = jinguo::api_test::run_to_file({"import", file, "--within", std::to_string(district), "--kind", kind,
                                             "--json", "--database", world_->url},
                                            out.string());
    return std::pair{code, json::parse(jinguo::test::read_file(out), nullptr, false)};
  };
  const std::string id = id_number("23018819800101002");
  const std::pair<std::string, std::string> files[] = {
      {"roster", "姓名,身份证号,所在组织,妇联职务,任职方式\n王丽," + id + ",230188999000,执委,兼职\n"},
      {"outstanding-women", "姓名,身份证号,推荐单位,荣誉称号\n王丽," + id + ",230188999000,三八红旗手\n"}};
  for (const auto& [kind, text] : files) {
    auto file = (dir_.path() / (kind + ".csv")).string();
    std::ofstream(file) << text;
    auto [code, report] = run(file, kind);
    EXPECT_EQ(code, 0) << kind << report.dump(1);
    EXPECT_EQ(report["results"][0]["organisation"], "编码末镇妇联") << kind << report.dump(1);
  }
}

TEST_F(ImportTest, AFileThatIsNoSpreadsheetIsRefusedPlainly) {
  auto file = (dir_.path() / "notes.xlsx").string();
  std::ofstream(file, std::ios::binary) << "%PDF-1.4\n\x01\x02\x03 not a workbook";
  EXPECT_EQ(jinguo::api_test::run_to_file({"import", file, "--within", std::to_string(district_), "--database",
                                           world_->url},
                                          "/dev/null"),
            1);
  EXPECT_EQ(jinguo::api_test::run_to_file({"import", (dir_.path() / "missing.xlsx").string(), "--database", world_->url},
                                          "/dev/null"),
            2);
  // Bad arguments are exit 2 (section 8): no --within for the system's account, a blank override reason.
  auto roster = (dir_.path() / "plain.csv").string();
  std::ofstream(roster) << "姓名,身份证号\n王丽," << id_number("23018819800101002") << "\n";
  EXPECT_EQ(jinguo::api_test::run_to_file({"import", roster, "--database", world_->url}, "/dev/null"), 2);
  EXPECT_EQ(jinguo::api_test::run_to_file({"import", roster, "--within", std::to_string(district_), "--commit",
                                           "--override-reason", " ", "--database", world_->url},
                                          "/dev/null"),
            2);
}

}  // namespace
