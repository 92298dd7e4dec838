// Exports of every list (issue 10, "Exports of lists") against the real binary on SQLite and
// PostgreSQL: each comes as .xlsx under its headings with a row per item, masks personal data
// unless asked in full (which needs the reveal permission), keeps a formula-like value as
// inert text, is one audit record, and the people export comes back through the import's dry
// run unchanged, row for row.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <set>

#include "../support/spreadsheet_fixtures.h"
#include "api_client.h"
#include "documents/spreadsheet.h"
#include "domain/id_number.h"
#include "domain/import/columns.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;
using jinguo::domain::import::ColumnKey;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

using jinguo::api_test::id_number;

struct File {
  int status = 0;
  std::string disposition, bytes;
};

// A sheet's rows as the text a reader sees (whole numbers without decimals).
using Rows = std::vector<std::vector<std::string>>;

class ExportsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("出口市妇联"));
    auto& admin = *world_->admin;
    auto created = [](const jinguo::api_test::Answer& a) {
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "出口区妇联"}}));
    town_ = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "出口镇妇联"},
                                                      {"division_code", "230102001000"}}));
    id_number_ = id_number("23010219800101002");
    long long her = created(admin.post("/api/people", {{"name", "王秀英"}, {"id_number", id_number_}, {"mobile", "13804512345"},
                                                       {"work_unit", "=1+1"}, {"notes", "老党员"}}));
    long long other = created(admin.post("/api/people", {{"name", "李桂兰"}, {"id_number", id_number("23010219750505002")},
                                                         {"ethnicity", "01"}}));
    for (long long p : {her, other})
      created(admin.post("/api/positions", {{"person_id", p}, {"organisation_id", town_}, {"role", "executive"},
                                            {"manner", "part_time"}, {"start_on", "2016-08-15"}}));
    created(admin.post("/api/archives/outstanding-women", {{"person_id", her}, {"organisation_id", town_},
                                                           {"honour", "三八红旗手"}, {"year", 2015}, {"field", "农业"}}));
    created(admin.post("/api/archives/social-organisations", {{"organisation_id", town_}, {"name", "巾帼志愿服务队"},
                                                              {"member_count", 36}, {"contact", "13804519876"},
                                                              {"founded_on", "2014-03-08"}}));
    for (const auto& [name, role] : {std::pair{"export_op", "operator"}, std::pair{"export_viewer", "viewer"}})
      created(admin.post("/api/accounts", {{"username", name}, {"password", kPassword}, {"organisation_id", district_},
                                           {"role", role}}));
  }
  static void TearDownTestSuite() { world_.reset(); }

  static File fetch(Client& c, const std::string& path) {
    httplib::Client http("127.0.0.1", world_->server->port());
    auto r = http.Get(path, {{"Cookie", c.cookie()}});
    File f;
    if (!r) return f;
    f.status = r->status;
    f.disposition = r->get_header_value("Content-Disposition");
    f.bytes = r->body;
    return f;
  }
  static Client signed_in(const std::string& username) {
    Client c(world_->server->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200);
    return c;
  }
  static Rows rows_of(const std::string& bytes) {
    auto book = jinguo::documents::read_xlsx(bytes);
    Rows rows;
    for (const auto& r : book.sheets.at(0).rows) {
      std::vector<std::string> row;
      for (const auto& c : r.cells) {
        if (row.size() < c.column) row.resize(c.column);
        bool whole = c.kind == jinguo::documents::CellKind::kNumber && std::floor(c.number) == c.number;
        row[c.column - 1] = c.kind == jinguo::documents::CellKind::kText ? c.text
                            : whole ? std::to_string(static_cast<long long>(c.number))
                                    : std::to_string(c.number);
      }
      rows.push_back(row);
    }
    return rows;
  }
  // The cell of row `row` under the heading `heading` (row 1 is the title, row 2 the heading).
  static std::string at(const Rows& rows, std::size_t row, const std::string& heading) {
    const auto& headings = rows.at(1);
    for (std::size_t c = 0; c < headings.size(); ++c)
      if (headings[c] == heading) return c < rows.at(row).size() ? rows.at(row)[c] : "";
    ADD_FAILURE() << "no heading " << heading;
    return "";
  }
  static std::string heading(ColumnKey key) { return std::string(jinguo::domain::import::canonical_heading(key)); }
  static json exports_audited() { return world_->admin->get("/api/audit?action=export&page_size=100").body; }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline jinguo::test::TempDir dir_;
  static inline long long district_ = 0, town_ = 0;
  static inline std::string id_number_;
};

TEST_F(ExportsTest, PeopleExportMasksUnlessFullKeepsFormulasInertAndIsAudited) {
  Client op = signed_in("export_op");
  const std::string path = "/api/people.xlsx?organisation_id=" + std::to_string(district_);
  auto masked = fetch(op, path);
  ASSERT_EQ(masked.status, 200);
  EXPECT_NE(masked.disposition.find("filename*=UTF-8''"), std::string::npos);
  auto rows = rows_of(masked.bytes);
  ASSERT_EQ(rows.size(), 4u);  // title, heading, two people
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kName)), "李桂兰");  // by name
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kName)), "王秀英");
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kIdNumber)), jinguo::domain::mask_id_number(id_number_));
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kMobile)), "138****2345");
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kWorkUnit)), "=1+1");  // a text cell, never a formula
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kRole)), "执委");
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kOrganisation)), "出口市妇联/出口区妇联/出口镇妇联");
  EXPECT_EQ(at(rows, 3, heading(ColumnKey::kNotes)), "老党员");
  auto header = jinguo::domain::import::find_header([&] {
    std::vector<jinguo::domain::import::TextRow> text;
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
      jinguo::domain::import::TextRow t{i + 1, {}};
      for (std::uint32_t c = 0; c < rows[i].size(); ++c)
        if (!rows[i][c].empty()) t.cells.push_back({c + 1, rows[i][c]});
      text.push_back(t);
    }
    return text;
  }());
  ASSERT_TRUE(header);
  EXPECT_TRUE(header->unknown.empty());

  auto full = fetch(op, path + "&full=true");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(at(rows_of(full.bytes), 3, heading(ColumnKey::kIdNumber)), id_number_);
  Client viewer = signed_in("export_viewer");
  EXPECT_EQ(fetch(viewer, path).status, 200);
  EXPECT_EQ(fetch(viewer, path + "&full=true").status, 403);
  EXPECT_EQ(fetch(op, "/api/people.xlsx?organisation_id=" + std::to_string(world_->city)).status, 404);  // above her

  const auto audit = exports_audited();
  int people = 0;
  for (const auto& r : audit["items"]) {
    if (r["changes"]["kind"]["after"] != "people") continue;
    ++people;
    EXPECT_EQ(r["changes"]["rows"]["after"], 2) << r.dump();
    EXPECT_EQ(r["changes"]["organisation_id"]["after"], district_) << r.dump();
  }
  EXPECT_EQ(people, 3);  // the masked, the full and the viewer's: the refused one is not an export
  EXPECT_EQ(audit["items"][1]["changes"]["full_personal_data"]["after"], true) << audit.dump();
}

TEST_F(ExportsTest, ThePeopleExportInFullImportsAgainUnchanged) {
  auto file = (dir_.path() / "people.xlsx").string();
  ASSERT_EQ(jinguo::api_test::run_to_file({"export", "people", "--within", std::to_string(district_), "--full", "-o",
                                           file, "--database", world_->url},
                                          "/dev/null"),
            0);
  auto out = (dir_.path() / "report.json").string();
  int code = jinguo::api_test::run_to_file(
      {"import", file, "--within", std::to_string(district_), "--json", "--database", world_->url}, out);
  auto report = json::parse(jinguo::test::read_file(out), nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(code, 0) << report.dump(1);
  EXPECT_EQ(report["rows"], 2);
  EXPECT_EQ(report["unchanged"], 2) << report.dump(1);
  for (const auto& r : report["results"]) EXPECT_EQ(r["outcome"], "unchanged") << r.dump();
}

TEST_F(ExportsTest, ChildrenFailingAndArchivesComeUnderTheirHeadings) {
  Client op = signed_in("export_op");
  auto children = fetch(op, "/api/organisations/" + std::to_string(district_) + "/children.xlsx");
  ASSERT_EQ(children.status, 200);
  auto rows = rows_of(children.bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(at(rows, 2, "名称"), "出口镇妇联");
  EXPECT_EQ(at(rows, 2, "区划代码"), "230102001000");
  EXPECT_EQ(at(rows, 2, "成员数"), "2");
  EXPECT_EQ(fetch(op, "/api/organisations/" + std::to_string(world_->city) + "/children.xlsx").status, 404);

  auto failing = fetch(op, "/api/compliance/failing.xlsx?within=" + std::to_string(district_) + "&on=2017-01-01");
  ASSERT_EQ(failing.status, 200);
  rows = rows_of(failing.bytes);
  ASSERT_GE(rows.size(), 3u);  // the township has two executives only: short
  EXPECT_EQ(rows[1], (std::vector<std::string>{"组织", "类型", "状态", "问题", "建议"}));
  bool town = false;
  for (std::size_t i = 2; i < rows.size(); ++i)
    town = town || (at(rows, i, "组织") == "出口市妇联/出口区妇联/出口镇妇联" && !at(rows, i, "问题").empty());
  EXPECT_TRUE(town);

  auto women = fetch(op, "/api/archives/outstanding-women.xlsx?full=true");
  ASSERT_EQ(women.status, 200);
  rows = rows_of(women.bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kIdNumber)), id_number_);
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kHonour)), "三八红旗手");
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kYear)), "2015");
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kProposedBy)), "出口市妇联/出口区妇联/出口镇妇联");
  EXPECT_EQ(at(rows_of(fetch(op, "/api/archives/outstanding-women.xlsx").bytes), 2, heading(ColumnKey::kIdNumber)),
            jinguo::domain::mask_id_number(id_number_));
  Client viewer = signed_in("export_viewer");
  EXPECT_EQ(fetch(viewer, "/api/archives/outstanding-women.xlsx?full=true").status, 403);

  auto social = fetch(op, "/api/archives/social-organisations.xlsx?within=" + std::to_string(district_));
  ASSERT_EQ(social.status, 200);
  rows = rows_of(social.bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kOrgName)), "巾帼志愿服务队");
  EXPECT_EQ(at(rows, 2, "联系电话"), "138****9876");  // personal data: in full only when asked
  EXPECT_EQ(at(rows_of(fetch(op, "/api/archives/social-organisations.xlsx?full=true").bytes), 2, "联系电话"), "13804519876");
  EXPECT_EQ(fetch(viewer, "/api/archives/social-organisations.xlsx?full=true").status, 403);
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kMemberCount)), "36");
  EXPECT_EQ(at(rows, 2, heading(ColumnKey::kOrganisation)), "出口市妇联/出口区妇联/出口镇妇联");

  std::set<std::string> kinds;
  const auto audit = exports_audited();
  for (const auto& r : audit["items"]) kinds.insert(r["changes"]["kind"]["after"].get<std::string>());
  for (const char* kind : {"children", "failing", "outstanding-women", "social-organisations"})
    EXPECT_TRUE(kinds.contains(kind)) << kind;

  // The kind filter of the social organisations is recorded beside the export's own kind.
  ASSERT_EQ(fetch(op, "/api/archives/social-organisations.xlsx?kind=%E5%BF%97%E6%84%BF").status, 200);  // 志愿
  const auto last = world_->admin->get("/api/audit?action=export&page_size=1").body["items"][0];
  EXPECT_EQ(last["changes"]["kind"]["after"], "social-organisations") << last.dump();
  EXPECT_EQ(last["changes"]["organisation_kind"]["after"], "志愿") << last.dump();
}

TEST_F(ExportsTest, TheAuditExportNeedsViewAuditAndSpeaksInNames) {
  Client viewer = signed_in("export_viewer");
  EXPECT_EQ(fetch(viewer, "/api/audit.xlsx").status, 403);
  auto audit = fetch(*world_->admin, "/api/audit.xlsx?entity=person&action=create");
  ASSERT_EQ(audit.status, 200);
  auto rows = rows_of(audit.bytes);
  EXPECT_EQ(rows.at(1), (std::vector<std::string>{"时间", "账号", "操作", "对象", "人员", "组织", "变更"}));
  ASSERT_EQ(rows.size(), 4u);  // title, heading, the two people registered
  bool her = false;
  for (std::size_t i = 2; i < rows.size(); ++i)
    if (at(rows, i, "人员") == "王秀英") {
      her = true;
      EXPECT_EQ(at(rows, i, "操作"), "新建");
      EXPECT_NE(at(rows, i, "变更").find("姓名：（空） → 王秀英"), std::string::npos) << at(rows, i, "变更");
    }
  EXPECT_TRUE(her);
  auto last = exports_audited()["items"][0];
  EXPECT_EQ(last["changes"]["kind"]["after"], "audit");
  EXPECT_EQ(last["changes"]["entity"]["after"], "person");
}

}  // namespace
