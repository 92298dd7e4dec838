// Templates and exports (issue 10, parts 1 and 5) against the real binary on SQLite and
// PostgreSQL: the .xlsx comes with its type and file name, reads back with Jinguo's own
// reader under headings the importer recognises, masks personal data unless asked in full
// (which needs the reveal permission), and every export is an audit record.
#include <gtest/gtest.h>

#include <memory>

#include "api_client.h"
#include "documents/spreadsheet.h"
#include "domain/id_number.h"
#include "domain/import/columns.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;

namespace {

constexpr const char* kPassword = "Quiet-River-Stone-42";

using jinguo::api_test::id_number;

// A download: status, headers and bytes (not JSON).
struct File {
  int status = 0;
  std::string type, disposition, bytes;
};

class SpreadsheetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("表格市妇联"));
    auto& admin = *world_->admin;
    auto created = [](const jinguo::api_test::Answer& a) {
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "表格区妇联"}}));
    other_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "别区妇联"}}));
    town_ = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "表格镇妇联"}}));
    id_number_ = id_number("23010219800101002");
    long long person = created(admin.post("/api/people", {{"name", "王秀英"}, {"id_number", id_number_}, {"mobile", "13804512345"},
                                                          {"work_unit", "=cmd|' /C calc'!A0"}, {"notes", "老党员"}}));
    created(admin.post("/api/positions", {{"person_id", person}, {"organisation_id", town_}, {"role", "executive"},
                                          {"manner", "part_time"}, {"start_on", "2016-08-15"}, {"notes", "换届增补"}}));
    for (const auto& [name, role] : {std::pair{"sheet_op", "operator"}, std::pair{"sheet_viewer", "viewer"}})
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
    f.type = r->get_header_value("Content-Type");
    f.disposition = r->get_header_value("Content-Disposition");
    f.bytes = r->body;
    return f;
  }
  static Client signed_in(const std::string& username) {
    Client c(world_->server->port());
    EXPECT_EQ(c.login(username, kPassword).status, 200);
    return c;
  }
  // The first sheet's rows as text, and the heading found in them.
  static std::vector<jinguo::domain::import::TextRow> rows_of(const File& f) {
    auto book = jinguo::documents::read_xlsx(f.bytes);
    std::vector<jinguo::domain::import::TextRow> rows;
    for (const auto& r : book.sheets.at(0).rows) {
      jinguo::domain::import::TextRow t{r.number, {}};
      for (const auto& c : r.cells) t.cells.push_back({c.column, c.kind == jinguo::documents::CellKind::kText ? std::string(c.text) : std::to_string(c.number)});
      rows.push_back(t);
    }
    return rows;
  }
  static std::string cell(const std::vector<jinguo::domain::import::TextRow>& rows, std::size_t row,
                          jinguo::domain::import::ColumnKey key) {
    auto header = jinguo::domain::import::find_header(rows);
    auto column = header->column_of(key);
    for (const auto& [c, text] : rows.at(row).cells)
      if (c == column) return text;
    return "";
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline long long district_ = 0, other_ = 0, town_ = 0;
  static inline std::string id_number_;
};

TEST_F(SpreadsheetsTest, TemplatesOfEveryKindCarryTheImportersHeadings) {
  Client op = signed_in("sheet_op");
  for (const char* kind : {"members:township", "members:village_congress", "people", "outstanding-women",
                           "social-organisations"}) {
    auto f = fetch(op, std::string("/api/templates/") + kind);
    ASSERT_EQ(f.status, 200) << kind;
    EXPECT_EQ(f.type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(f.disposition.find("filename*=UTF-8''"), std::string::npos);
    auto rows = rows_of(f);
    auto header = jinguo::domain::import::find_header(rows);
    ASSERT_TRUE(header) << kind;
    EXPECT_TRUE(header->unknown.empty()) << kind;
    EXPECT_GE(header->columns.size(), 7u) << kind;
  }
  // the instructions' example of 妇联职务 is a role the body type has (a 村妇代会 has 委员, no 执委)
  auto congress = jinguo::documents::read_xlsx(fetch(op, "/api/templates/members:village_congress").bytes);
  bool role_example = false;
  for (const auto& sheet : congress.sheets)
    for (const auto& r : sheet.rows)
      if (sheet.name == "填写说明" && r.at(1).text == "妇联职务") {
        EXPECT_EQ(r.at(4).text, "委员");
        role_example = true;
      }
  EXPECT_TRUE(role_example);
  auto bad = op.get("/api/templates/members:hamlet");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["error"]["code"], "unknown_sheet_kind");
  EXPECT_EQ(fetch(op, "/api/templates/people").status, 200);
  Client anonymous(world_->server->port());
  EXPECT_EQ(fetch(anonymous, "/api/templates/people").status, 401);
}

TEST_F(SpreadsheetsTest, TheRosterExportMasksUnlessAskedInFullAndIsAudited) {
  using jinguo::domain::import::ColumnKey;
  Client op = signed_in("sheet_op");
  const std::string path = "/api/organisations/" + std::to_string(town_) + "/roster.xlsx?on=2016-09-20";
  auto masked = fetch(op, path);
  ASSERT_EQ(masked.status, 200);
  auto rows = rows_of(masked);
  ASSERT_EQ(rows.size(), 3u);  // title, heading, her
  EXPECT_EQ(cell(rows, 2, ColumnKey::kName), "王秀英");
  EXPECT_EQ(cell(rows, 2, ColumnKey::kIdNumber), jinguo::domain::mask_id_number(id_number_));
  EXPECT_EQ(cell(rows, 2, ColumnKey::kMobile), "138****2345");
  EXPECT_EQ(cell(rows, 2, ColumnKey::kRole), "执委");
  EXPECT_EQ(cell(rows, 2, ColumnKey::kWorkUnit), "=cmd|' /C calc'!A0");  // inert text
  EXPECT_EQ(cell(rows, 2, ColumnKey::kOrganisation), "表格市妇联/表格区妇联/表格镇妇联");
  EXPECT_EQ(cell(rows, 2, ColumnKey::kNotes), "老党员");  // hers, as the importer reads 备注: not the position's

  auto full = fetch(op, path + "&full=true");
  ASSERT_EQ(full.status, 200);
  auto full_rows = rows_of(full);
  EXPECT_EQ(cell(full_rows, 2, ColumnKey::kIdNumber), id_number_);
  EXPECT_EQ(cell(full_rows, 2, ColumnKey::kMobile), "13804512345");

  Client viewer = signed_in("sheet_viewer");
  EXPECT_EQ(fetch(viewer, path).status, 200);
  EXPECT_EQ(fetch(viewer, path + "&full=true").status, 403);
  EXPECT_EQ(fetch(op, "/api/organisations/" + std::to_string(other_) + "/roster.xlsx").status, 404);

  auto audit = world_->admin->get("/api/audit?action=export&page_size=50").body;
  ASSERT_EQ(audit["total"], 3) << audit.dump();  // the viewer's masked one, the full one, the masked one
  EXPECT_EQ(audit["items"][0]["actor"], "sheet_viewer");
  EXPECT_EQ(audit["items"][1]["changes"]["full_personal_data"]["after"], true);
  EXPECT_EQ(audit["items"][1]["changes"]["rows"]["after"], 1);
  EXPECT_EQ(audit["items"][2]["changes"]["full_personal_data"]["after"], false);
}

}  // namespace
