// Archive imports (issue 10, "Archive imports") through the service classes on a real
// database, SQLite and PostgreSQL: the archive template filled in, judged by the dry run,
// committed in one transaction with an audit record an entry and one for the batch, the
// same file again unchanged; a row's mistakes named by row and column, a man's ID number
// refused, and skip_invalid storing the valid rows only.
#include <gtest/gtest.h>

#include <memory>

#include "../support/spreadsheet_fixtures.h"
#include "api_client.h"
#include "documents/spreadsheet.h"
#include "domain/clock.h"
#include "domain/id_number.h"
#include "services/archive_importing.h"
#include "services/archives.h"
#include "services/exports.h"
#include "services/spreadsheets.h"
#include "services/staffing.h"

namespace {

using jinguo::api_test::id_number;
using jinguo::services::ImportKind;
using jinguo::services::ImportReport;
using jinguo::services::RowOutcome;

class ArchiveImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("档案市妇联"));
    auto& admin = *world_->admin;
    auto created = [](const jinguo::api_test::Answer& a) {
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    district_ = created(admin.post("/api/organisations", {{"parent_id", world_->city}, {"type", "district"}, {"name", "档案区妇联"}}));
    town_ = created(admin.post("/api/organisations", {{"parent_id", district_}, {"type", "township"}, {"name", "档案镇妇联"}}));
    registered_ = id_number("23010219800101002");
    created(admin.post("/api/people", {{"name", "王秀英"}, {"id_number", registered_}}));
    db_ = std::make_unique<jinguo::storage::Database>(jinguo::storage::DatabaseConfig{world_->url, 2});
    registry_ = std::make_unique<jinguo::services::Registry>(*db_, jinguo::domain::today_in_china);
  }
  static void TearDownTestSuite() {
    registry_.reset();
    db_.reset();
    world_.reset();
  }

  // The template of a kind, its heading row kept, rows written below it as text.
  static std::string filled(ImportKind kind, const std::vector<std::vector<std::string>>& rows) {
    using jinguo::services::SheetKind;
    auto sheet_kind = kind == ImportKind::kOutstandingWomen ? SheetKind::kOutstandingWomen : SheetKind::kSocialOrganisations;
    auto tmpl = jinguo::services::Spreadsheets(*db_, *registry_).Template({sheet_kind, std::nullopt});
    auto book = jinguo::documents::read_xlsx(tmpl.bytes);
    std::vector<std::string> headings;
    for (const auto& c : book.sheets.at(0).rows.at(1).cells) headings.emplace_back(c.text);  // row 1 is the title
    return jinguo::test::make_xlsx([&](lxw_workbook* wb) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, "档案");
      worksheet_write_string(ws, 0, 0, "档案（导入）", nullptr);
      for (lxw_col_t c = 0; c < headings.size(); ++c) worksheet_write_string(ws, 1, c, headings[c].c_str(), nullptr);
      for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
          if (!rows[r][c].empty())
            worksheet_write_string(ws, static_cast<lxw_row_t>(r + 2), static_cast<lxw_col_t>(c), rows[r][c].c_str(), nullptr);
    });
  }
  static ImportReport dry_run(ImportKind kind, const std::string& bytes) {
    return jinguo::services::ArchiveImporting(*db_, *registry_, kind).DryRun(actor_, bytes, "档案.xlsx", district_);
  }
  static ImportReport commit(ImportKind kind, const std::string& bytes, bool skip_invalid = false) {
    jinguo::services::CommitOptions options;
    options.skip_invalid = skip_invalid;
    return jinguo::services::ArchiveImporting(*db_, *registry_, kind).Commit(actor_, bytes, "档案.xlsx", district_, options);
  }
  static bool has_error(const ImportReport& r, std::uint32_t row, const std::string& column, const std::string& code) {
    for (const auto& e : r.errors)
      if (e.row == row && e.column == column && e.code == code) return true;
    return false;
  }
  static std::string errors_of(const ImportReport& r) {
    std::string out;
    for (const auto& e : r.errors) out += std::to_string(e.row) + " " + e.column + " " + e.code + " " + e.message + "\n";
    return out;
  }
  static long long women_stored() {
    return jinguo::services::Archives(*db_, jinguo::domain::today_in_china)
        .OutstandingWomen(actor_, {district_, "", std::nullopt, std::nullopt}, {})
        .total;
  }
  static long long audited(const std::string& action, const std::string& entity) {
    auto r = world_->admin->get("/api/audit?action=" + action + "&entity=" + entity + "&page_size=1");
    return r.body.value("total", -1LL);
  }

  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::unique_ptr<jinguo::storage::Database> db_;
  static inline std::unique_ptr<jinguo::services::Registry> registry_;
  static inline jinguo::services::Actor actor_{"archive-import-test"};
  static inline long long district_ = 0, town_ = 0;
  static inline std::string registered_;
};

// Columns of the outstanding women's template: 姓名, 身份证号, 荣誉, 领域, 年度, 推荐单位, 备注.
TEST_F(ArchiveImportTest, OutstandingWomenAreCreatedThenUnchangedAndAudited) {
  const std::string fresh = id_number("23010219850505002");
  auto bytes = filled(ImportKind::kOutstandingWomen,
                      {{"王秀英", registered_, "三八红旗手", "农业", "2015", "档案镇妇联", ""},
                       {"赵丽", fresh, "巾帼建功标兵", "", "2018", "", "新登记"}});
  auto report = dry_run(ImportKind::kOutstandingWomen, bytes);
  EXPECT_EQ(report.rows, 2) << errors_of(report);
  EXPECT_EQ(report.invalid, 0) << errors_of(report);
  EXPECT_EQ(report.created_entries, 2);
  EXPECT_EQ(report.created_positions, 0);  // an entry is no position
  EXPECT_EQ(report.updated_people, 0);
  EXPECT_EQ(report.created_people, 1);     // 赵丽 is registered from her row
  ASSERT_EQ(report.results.size(), 2u);
  EXPECT_EQ(report.results[0].outcome, RowOutcome::kCreate);
  EXPECT_EQ(report.results[0].organisation, "档案镇妇联");
  EXPECT_EQ(report.results[1].organisation, "档案区妇联");  // none given: within
  EXPECT_FALSE(report.committed);
  EXPECT_EQ(women_stored(), 0);

  const long long batches = audited("import", "import");
  report = commit(ImportKind::kOutstandingWomen, bytes);
  EXPECT_TRUE(report.committed) << errors_of(report);
  EXPECT_EQ(women_stored(), 2);
  EXPECT_EQ(audited("create", "outstanding_woman"), 2);
  EXPECT_EQ(audited("import", "import"), batches + 1);
  auto batch = world_->admin->get("/api/audit?action=import&entity=import&page_size=1").body["items"][0];
  EXPECT_EQ(batch["entity_id"], report.sha256);
  EXPECT_EQ(batch["changes"]["created_entries"]["after"], 2) << batch.dump();
  EXPECT_EQ(batch["changes"]["kind"]["after"], "outstanding-women");
  auto people = world_->admin->get("/api/people?q=" + fresh + "&status=all").body;
  EXPECT_EQ(people["total"], 1) << people.dump();

  report = commit(ImportKind::kOutstandingWomen, bytes);  // the same file again
  EXPECT_TRUE(report.committed);
  EXPECT_EQ(report.unchanged, 2) << errors_of(report);
  EXPECT_EQ(women_stored(), 2);
  EXPECT_EQ(audited("create", "outstanding_woman"), 2);
  EXPECT_EQ(audited("import", "import"), batches + 2);  // the batch is recorded, with zero counts

  // a changed field is an update of that field; a blank cell leaves the stored value alone
  auto edited = filled(ImportKind::kOutstandingWomen, {{"王秀英", registered_, "三八红旗手", "", "2016", "档案镇妇联", ""}});
  report = commit(ImportKind::kOutstandingWomen, edited);
  ASSERT_EQ(report.results.size(), 1u);
  EXPECT_EQ(report.results[0].outcome, RowOutcome::kUpdate) << errors_of(report);
  ASSERT_EQ(report.results[0].person_changes.size(), 1u);
  EXPECT_EQ(report.results[0].person_changes[0].field, "year");
  EXPECT_EQ(report.results[0].person_changes[0].after, "2016");
  EXPECT_EQ(audited("update", "outstanding_woman"), 1);

  // exported in full, the archive comes back unchanged
  auto today = [] { return jinguo::domain::today_in_china(); };
  jinguo::services::Staffing staffing(*db_, today);
  jinguo::services::Archives archives(*db_, today);
  jinguo::services::AuditTrail audit(*db_);
  auto exported = jinguo::services::Exports(*db_, *registry_, staffing, archives, audit)
                      .OutstandingWomen(actor_, {district_, "", std::nullopt, std::nullopt}, true);
  report = dry_run(ImportKind::kOutstandingWomen, exported.bytes);
  EXPECT_EQ(report.rows, 2);
  EXPECT_EQ(report.unchanged, 2) << errors_of(report);
}

TEST_F(ArchiveImportTest, RowMistakesAreNamedAndSkipInvalidStoresTheValidRows) {
  const std::string man = id_number("23010219800101001");  // odd 17th digit: a man
  const std::string valid = id_number("23010219900909002");
  auto bytes = filled(ImportKind::kOutstandingWomen,
                      {{"钱红", man, "致富带头人", "", "", "", ""},                   // row 3
                       {"孙梅", id_number("23010219910101002"), "", "", "", "", ""},   // row 4: no honour
                       {"周燕", id_number("23010219920202002"), "好媳妇", "", "1900", "", ""},  // row 5: year
                       {"吴静", id_number("23010219930303002"), "好婆婆", "", "", "不存在镇妇联", ""},  // row 6
                       {"郑洁", valid, "最美家庭", "", "", "", ""}});                  // row 7: valid
  auto report = dry_run(ImportKind::kOutstandingWomen, bytes);
  EXPECT_TRUE(has_error(report, 3, "身份证号", "person_not_female")) << errors_of(report);
  EXPECT_TRUE(has_error(report, 4, "荣誉", "required")) << errors_of(report);
  EXPECT_TRUE(has_error(report, 5, "年度", "year_range")) << errors_of(report);
  EXPECT_TRUE(has_error(report, 6, "推荐单位", "organisation_unknown")) << errors_of(report);
  EXPECT_EQ(report.invalid, 4);
  EXPECT_EQ(report.valid, 1);

  const long long before = women_stored();
  report = commit(ImportKind::kOutstandingWomen, bytes);
  EXPECT_FALSE(report.committed);
  EXPECT_EQ(women_stored(), before);  // nothing stored
  report = commit(ImportKind::kOutstandingWomen, bytes, true);
  EXPECT_TRUE(report.committed);
  EXPECT_EQ(women_stored(), before + 1);  // the valid row only
  auto batch = world_->admin->get("/api/audit?action=import&entity=import&page_size=1").body["items"][0];
  EXPECT_EQ(batch["changes"]["skipped"]["after"], 4) << batch.dump();
}

// The job's end (CommitOptions::on_stored) is written in the transaction that stores the
// entries: when it fails, no entry, person or audit record of the batch is left either.
TEST_F(ArchiveImportTest, TheJobsEndIsStoredInTheTransactionOfTheEntries) {
  const std::string fresh = id_number("23010219870707002");
  auto bytes = filled(ImportKind::kOutstandingWomen, {{"冯兰", fresh, "巾帼文明岗标兵", "", "2017", "", ""}});
  const long long before = women_stored(), batches = audited("import", "import");
  jinguo::services::CommitOptions options;
  bool called = false;
  options.on_stored = [&](jinguo::storage::WriteTx&, ImportReport& report) {
    called = true;
    EXPECT_TRUE(report.committed);
    throw std::runtime_error("the job's end could not be written");
  };
  jinguo::services::ArchiveImporting importing(*db_, *registry_, ImportKind::kOutstandingWomen);
  EXPECT_THROW(importing.Commit(actor_, bytes, "档案.xlsx", district_, options), std::runtime_error);
  EXPECT_TRUE(called);
  EXPECT_EQ(women_stored(), before);
  EXPECT_EQ(audited("import", "import"), batches);
  EXPECT_EQ(world_->admin->get("/api/people?q=" + fresh + "&status=all").body["total"], 0);

  options.on_stored = [&](jinguo::storage::WriteTx&, ImportReport&) { called = true; };
  called = false;
  EXPECT_TRUE(importing.Commit(actor_, bytes, "档案.xlsx", district_, options).committed);
  EXPECT_TRUE(called);
  EXPECT_EQ(women_stored(), before + 1);
}

// Columns of the social organisations' template: 社会组织名称, 类型, 领域, 负责人, 成员数, 联系电话,
// 成立时间, 所在组织, 备注.
TEST_F(ArchiveImportTest, SocialOrganisationsAreKeyedByBodyAndName) {
  auto bytes = filled(ImportKind::kSocialOrganisations,
                      {{"巾帼志愿服务队", "社区社会组织", "养老", "赵丽", "36", "13804512345", "2014-03-08", "档案镇妇联", ""},
                       {"妇女手工协会", "", "", "", "12", "0451-84694842", "", "", ""},    // row 4: a landline
                       {"家庭教育服务站", "", "", "", "很多", "12345", "", "", ""},          // row 5: count, contact
                       {"编织协会", "", "", "李😀", "", "", "", "", ""}});                  // row 6: the head's name
  auto report = dry_run(ImportKind::kSocialOrganisations, bytes);
  EXPECT_TRUE(has_error(report, 5, "成员数", "member_count_invalid")) << errors_of(report);
  EXPECT_TRUE(has_error(report, 6, "负责人", "name_characters")) << errors_of(report);
  EXPECT_EQ(report.results.at(0).outcome, RowOutcome::kCreate) << errors_of(report);
  report = commit(ImportKind::kSocialOrganisations, bytes, true);
  EXPECT_TRUE(report.committed) << errors_of(report);
  EXPECT_EQ(audited("create", "social_organisation"), report.created_entries);
  report = dry_run(ImportKind::kSocialOrganisations, bytes);
  EXPECT_EQ(report.results.at(0).outcome, RowOutcome::kUnchanged) << errors_of(report);
  // an export without full numbers comes back masked: the stored contact is left alone
  auto masked = filled(ImportKind::kSocialOrganisations,
                       {{"巾帼志愿服务队", "社区社会组织", "养老", "赵丽", "36", "138****2345", "2014-03-08", "档案镇妇联", ""}});
  report = dry_run(ImportKind::kSocialOrganisations, masked);
  EXPECT_EQ(report.results.at(0).outcome, RowOutcome::kUnchanged) << errors_of(report);
  // a new number: the stored one shown masked, as every answer has it
  auto renumbered = filled(ImportKind::kSocialOrganisations,
                           {{"巾帼志愿服务队", "社区社会组织", "养老", "赵丽", "36", "13904519999", "2014-03-08", "档案镇妇联", ""}});
  report = dry_run(ImportKind::kSocialOrganisations, renumbered);
  ASSERT_EQ(report.results.at(0).person_changes.size(), 1u) << errors_of(report);
  EXPECT_EQ(report.results.at(0).person_changes[0].before, "138****2345");
  EXPECT_EQ(report.results.at(0).person_changes[0].after, "13904519999");
  EXPECT_THROW(jinguo::services::ArchiveImporting(*db_, *registry_, ImportKind::kRoster), jinguo::domain::DomainError);
}

}  // namespace
