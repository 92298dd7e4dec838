// Staffing compliance on the Harbin demo, on SQLite and PostgreSQL (JINGUO_TEST_DATABASE):
// the service's figures recomputed body by body with plain SQL counts, the seeded rule set,
// and history judged under the rule set that was in force then.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

#include "../support/test_database.h"
#include "demo/harbin.h"
#include "domain/error.h"
#include "services/rule_set_json.h"
#include "services/staffing.h"
#include "storage/bulk_importer.h"
#include "storage/database.h"

using namespace jinguo;
using domain::Date;

namespace {

const Date kReport(2016, 9, 20);
const Date kBaseline(2016, 6, 1);
const domain::Scope kAll = domain::Scope::whole_tree();
const services::Actor kActor = [] {
  services::Actor actor;
  actor.name = "test";
  return actor;
}();

std::unique_ptr<storage::Database> demo_database() {
  auto db = std::make_unique<storage::Database>(storage::DatabaseConfig{test_support::fresh_database_url(), 2});
  db->migrate();
  storage::BulkImporter importer(*db);
  demo::generate_harbin(demo::Options{}, importer);
  return db;
}

// ---- the plain SQL recount: no domain code, the Harbin 2016 numbers written out ----------

struct Range {
  int min, max;
};
struct Expected {
  Range total;
  std::map<std::string, Range> roles;
  std::set<std::string> forbidden;
};

const std::map<std::string, Expected>& harbin_by_type() {
  static const std::map<std::string, Expected> rules = [] {
    Expected federation_big{{25, 35}, {{"chair", {1, 1}}, {"vice_chair", {2, 2}}, {"executive", {22, 32}}}, {}};
    Expected federation_small{{15, 25}, {{"chair", {1, 1}}, {"vice_chair", {2, 2}}, {"executive", {12, 22}}}, {}};
    Expected congress{{7, 13},
                      {{"director", {1, 1}}, {"deputy_director", {2, 2}}, {"member", {4, 10}}},
                      {"chair", "vice_chair", "executive"}};
    return std::map<std::string, Expected>{{"street", federation_big},     {"township", federation_big},
                                           {"community", federation_small}, {"village", federation_small},
                                           {"village_congress", congress}};
  }();
  return rules;
}

constexpr const char* kBodiesSql =
    "SELECT id, type, path FROM organisations WHERE path >= :low AND path < :high "
    "AND (established_on IS NULL OR established_on <= :on1) AND (closed_on IS NULL OR closed_on > :on2)";
constexpr const char* kRoleCountsSql =
    "SELECT ps.organisation_id, ps.role, COUNT(DISTINCT ps.person_id) FROM positions ps "
    "JOIN organisations o ON o.id = ps.organisation_id WHERE o.path >= :low AND o.path < :high "
    "AND ps.start_on <= :on1 AND (ps.end_on IS NULL OR ps.end_on > :on2) GROUP BY ps.organisation_id, ps.role";
constexpr const char* kTotalsSql =
    "SELECT ps.organisation_id, COUNT(DISTINCT ps.person_id) FROM positions ps "
    "JOIN organisations o ON o.id = ps.organisation_id WHERE o.path >= :low AND o.path < :high "
    "AND ps.start_on <= :on1 AND (ps.end_on IS NULL OR ps.end_on > :on2) GROUP BY ps.organisation_id";
// Holders of a seat-carrying office without the 执委 seat in the parent on the date.
constexpr const char* kMissingSeatsSql =
    "SELECT h.organisation_id, COUNT(DISTINCT h.person_id) FROM positions h "
    "JOIN organisations o ON o.id = h.organisation_id WHERE o.path >= :low AND o.path < :high "
    "AND h.start_on <= :on1 AND (h.end_on IS NULL OR h.end_on > :on2) "
    "AND ((o.type = 'village_congress' AND h.role = 'director') OR (o.type = 'community' AND h.role = 'chair')) "
    "AND NOT EXISTS (SELECT 1 FROM positions s WHERE s.organisation_id = o.parent_id AND s.person_id = h.person_id "
    "AND s.role = 'executive' AND s.start_on <= :on3 AND (s.end_on IS NULL OR s.end_on > :on4)) "
    "GROUP BY h.organisation_id";

struct SqlBody {
  std::string type;
  std::optional<domain::OrganisationId> district;
  std::string status = "meets";
  int seats_missing = 0;
};

std::map<domain::OrganisationId, SqlBody> recount(storage::Database& db, const std::string& path, const Date& on) {
  std::map<domain::OrganisationId, SqlBody> bodies;
  db.read([&](storage::ReadTx& tx) {
    auto& sql = tx.sql();
    std::string low = path, high = path + "~", on1 = on.iso(), on2 = on.iso();
    {
      long long id = 0;
      std::string type, body_path;
      soci::statement st = (sql.prepare << kBodiesSql, soci::into(id), soci::into(type), soci::into(body_path),
                            soci::use(low), soci::use(high), soci::use(on1), soci::use(on2));
      st.execute();
      while (st.fetch()) {
        if (!harbin_by_type().count(type)) continue;
        SqlBody b{type, std::nullopt};
        auto second = body_path.find('/', 1);  // "/1/23/...": the district is the second id
        if (second != std::string::npos && second + 1 < body_path.size())
          b.district = std::stoll(body_path.substr(second + 1, body_path.find('/', second + 1) - second - 1));
        bodies[id] = b;
      }
    }
    std::map<domain::OrganisationId, std::map<std::string, int>> roles;
    std::map<domain::OrganisationId, int> totals;
    {
      long long id = 0;
      std::string role;
      int n = 0;
      soci::statement st = (sql.prepare << kRoleCountsSql, soci::into(id), soci::into(role), soci::into(n),
                            soci::use(low), soci::use(high), soci::use(on1), soci::use(on2));
      st.execute();
      while (st.fetch()) roles[id][role] = n;
    }
    {
      long long id = 0;
      int n = 0;
      soci::statement st = (sql.prepare << kTotalsSql, soci::into(id), soci::into(n), soci::use(low),
                            soci::use(high), soci::use(on1), soci::use(on2));
      st.execute();
      while (st.fetch()) totals[id] = n;
    }
    {
      long long id = 0;
      int n = 0;
      std::string on3 = on.iso(), on4 = on.iso();
      soci::statement st = (sql.prepare << kMissingSeatsSql, soci::into(id), soci::into(n), soci::use(low),
                            soci::use(high), soci::use(on1), soci::use(on2), soci::use(on3), soci::use(on4));
      st.execute();
      while (st.fetch())
        if (bodies.count(id)) bodies[id].seats_missing = n;
    }
    for (auto& [id, b] : bodies) {
      const Expected& e = harbin_by_type().at(b.type);
      bool over = false, under = b.seats_missing > 0;
      auto judge = [&](int n, Range r) {
        over = over || n > r.max;
        under = under || n < r.min;
      };
      judge(totals[id], e.total);
      for (const auto& [role, r] : e.roles) judge(roles[id][role], r);
      for (const auto& role : e.forbidden) over = over || roles[id][role] > 0;
      b.status = over ? "over" : under ? "short" : "meets";
    }
  });
  return bodies;
}

void expect_same_counts(const domain::staffing::ComplianceCounts& service,
                        const std::vector<const SqlBody*>& bodies, const std::string& what) {
  domain::staffing::ComplianceCounts sql;
  for (const SqlBody* b : bodies) {
    ++sql.bodies;
    if (b->status == "meets") ++sql.meets;
    if (b->status == "short") ++sql.short_staffed;
    if (b->status == "over") ++sql.over_staffed;
    sql.seats_missing += b->seats_missing;
  }
  EXPECT_EQ(service.bodies, sql.bodies) << what;
  EXPECT_EQ(service.meets, sql.meets) << what;
  EXPECT_EQ(service.short_staffed, sql.short_staffed) << what;
  EXPECT_EQ(service.over_staffed, sql.over_staffed) << what;
  EXPECT_EQ(service.seats_missing, sql.seats_missing) << what;
}

void expect_side_matches(const services::ComplianceSide& side, const std::map<domain::OrganisationId, SqlBody>& sql) {
  std::vector<const SqlBody*> all;
  std::map<std::string, std::vector<const SqlBody*>> by_type;
  std::map<domain::OrganisationId, std::vector<const SqlBody*>> by_district;
  for (const auto& [id, b] : sql) {
    all.push_back(&b);
    by_type[b.type].push_back(&b);
    if (b.district) by_district[*b.district].push_back(&b);
  }
  const std::string on = side.on.iso();
  expect_same_counts(side.rollup.overall, all, "overall " + on);
  EXPECT_EQ(side.rollup.by_body_type.size(), by_type.size());
  for (const auto& [type, counts] : side.rollup.by_body_type)
    expect_same_counts(counts, by_type[std::string(domain::body_type_code(type))],
                       std::string(domain::body_type_code(type)) + " " + on);
  EXPECT_EQ(side.rollup.by_district.size(), by_district.size());
  for (const auto& [district, counts] : side.rollup.by_district)
    expect_same_counts(counts, by_district[district], "district " + std::to_string(district) + " " + on);
}

class StaffingStorageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { db_ = demo_database().release(); }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  services::Staffing staffing() { return services::Staffing(*db_, [] { return kReport; }); }

  static inline storage::Database* db_ = nullptr;
};

}  // namespace

TEST_F(StaffingStorageTest, TheSeededHarbinSetIsTheBuiltInOne) {
  auto seeded = staffing().RuleSetOf("harbin_2016", 1);
  EXPECT_EQ(services::rule_set_to_json(seeded.set).dump(),
            services::rule_set_to_json(domain::staffing::harbin_2016_rule_set()).dump());
  EXPECT_EQ(staffing().InForceOn(Date(2016, 1, 1)).set.code, "harbin_2016");
  auto schedule = staffing().Schedule();
  ASSERT_EQ(schedule.size(), 1u);
  EXPECT_EQ(schedule[0].effective_from, Date(2016, 1, 1));
}

TEST_F(StaffingStorageTest, CityComplianceMatchesAPlainSqlCountBodyByBody) {
  auto report = *staffing().ComplianceOf(kAll, std::nullopt, kReport, std::nullopt);
  EXPECT_EQ(report.baseline.on, kBaseline);  // the campaign_baseline setting
  EXPECT_EQ(report.current.rollup.overall.bodies, 3031);
  auto now = recount(*db_, "/", kReport);
  expect_side_matches(report.current, now);
  expect_side_matches(report.baseline, recount(*db_, "/", kBaseline));
  // The failing list is exactly the bodies the SQL count finds short or over, with that status.
  std::map<domain::OrganisationId, std::string> failing;
  for (const auto& b : report.failing) failing[b.body.id] = std::string(domain::staffing::compliance_status_code(b.status));
  std::map<domain::OrganisationId, std::string> expected;
  for (const auto& [id, b] : now)
    if (b.status != "meets") expected[id] = b.status;
  EXPECT_EQ(failing, expected);
  // The demo has bodies on both sides of the rules after the campaign.
  EXPECT_GT(report.current.rollup.overall.meets, 0);
  EXPECT_GT(report.current.rollup.overall.over_staffed, 0);
  EXPECT_GT(report.current.rollup.overall.short_staffed, 0);
}

TEST_F(StaffingStorageTest, DistrictComplianceMatchesAPlainSqlCount) {
  const domain::OrganisationId district = 2;  // the first district of the demo
  auto report = *staffing().ComplianceOf(kAll, district, kReport, kBaseline);
  auto path = db_->read([&](storage::ReadTx& tx) { return storage::ComplianceQueries(tx).body(district)->path; });
  expect_side_matches(report.current, recount(*db_, path, kReport));
  expect_side_matches(report.baseline, recount(*db_, path, kBaseline));
  ASSERT_EQ(report.current.rollup.by_district.size(), 1u);
  EXPECT_EQ(report.current.rollup.by_district.begin()->first, district);
  EXPECT_FALSE(report.district_names.at(district).empty());
}

TEST_F(StaffingStorageTest, CompositionOfOneBodyAgreesWithTheSubtree) {
  auto report = *staffing().ComplianceOf(kAll, std::nullopt, kReport, std::nullopt);
  ASSERT_FALSE(report.failing.empty());
  const auto& failing = report.failing.front();
  auto c = staffing().CheckBody(kAll, failing.body.id, kReport);
  EXPECT_EQ(c.status, failing.status);
  ASSERT_EQ(c.findings.size(), failing.findings.size());
  for (std::size_t i = 0; i < c.findings.size(); ++i) EXPECT_EQ(c.findings[i].rule, failing.findings[i].rule);
  EXPECT_EQ(c.rule_set.code, "harbin_2016");
}

// Changing the set in force never rewrites history: dates before the new entry are still
// judged under the set of then, with the same findings.
TEST(StaffingHistoryTest, ASetScheduledLaterLeavesPastFindingsAlone) {
  auto db = demo_database();
  services::Staffing staffing(*db, [] { return kReport; });
  auto before_baseline = *staffing.ComplianceOf(kAll, std::nullopt, kBaseline, kBaseline);
  auto before_report = *staffing.ComplianceOf(kAll, std::nullopt, kReport, kBaseline);

  auto strict = domain::staffing::harbin_2016_rule_set();
  strict.code = "strict_2016";
  strict.name = "更严的标准";
  for (auto& rules : strict.rules_by_type)
    if (rules.body_type == "village_congress") rules.total_min = 11;
  auto saved = staffing.SaveRuleSet(kActor, strict);
  EXPECT_EQ(saved.set.version, 1);
  EXPECT_EQ(staffing.SaveRuleSet(kActor, strict).set.version, 2);  // a new version, never an edit
  staffing.ScheduleRuleSet(kActor, Date(2016, 9, 1), "strict_2016", 1);

  auto after_baseline = *staffing.ComplianceOf(kAll, std::nullopt, kBaseline, kBaseline);
  auto after_report = *staffing.ComplianceOf(kAll, std::nullopt, kReport, kBaseline);
  EXPECT_EQ(after_baseline.current.rule_set.code, "harbin_2016");
  EXPECT_EQ(after_baseline.current.rollup.overall, before_baseline.current.rollup.overall);
  EXPECT_EQ(after_baseline.failing.size(), before_baseline.failing.size());
  EXPECT_EQ(after_report.baseline.rollup.overall, before_report.baseline.rollup.overall);
  EXPECT_EQ(after_report.current.rule_set.code, "strict_2016");
  EXPECT_GT(after_report.current.rollup.overall.short_staffed, before_report.current.rollup.overall.short_staffed);
  for (const auto& b : after_report.failing)
    for (const auto& f : b.findings) EXPECT_EQ(f.rule_set.code, "strict_2016");

  // Refusals: a set that contradicts itself, a date already scheduled, an unknown version.
  auto broken = strict;
  broken.rules_by_type[0].role_counts[2].min = 40;
  try {
    staffing.SaveRuleSet(kActor, broken);
    ADD_FAILURE() << "saved a set whose minimum is above its maximum";
  } catch (const domain::DomainError& e) {
    EXPECT_EQ(e.code(), "rule_min_above_max");
    EXPECT_EQ(e.field(), "rules.township.role_counts.executive");
  }
  EXPECT_THROW(staffing.ScheduleRuleSet(kActor, Date(2016, 9, 1), "harbin_2016", 1), domain::DomainError);
  EXPECT_THROW(staffing.ScheduleRuleSet(kActor, Date(2016, 10, 1), "harbin_2016", 7), domain::DomainError);
}

// Within an account's scope (issue 3): its own subtree by default, anything else not found.
TEST_F(StaffingStorageTest, AScopeSeesItsSubtreeOnly) {
  auto body = [&](domain::OrganisationId id) {
    return db_->read([&](storage::ReadTx& tx) { return *storage::ComplianceQueries(tx).body(id); });
  };
  auto district = body(2);
  domain::Scope scope{district.id, district.path};
  auto mine = *staffing().ComplianceOf(scope, std::nullopt, kReport, kBaseline);
  EXPECT_EQ(mine.within, district.id);
  EXPECT_EQ(mine.current.rollup.overall, staffing().ComplianceOf(kAll, district.id, kReport, kBaseline)->current.rollup.overall);
  auto other = staffing().ComplianceOf(kAll, std::nullopt, kReport, kBaseline)->current.rollup.by_district.rbegin()->first;
  ASSERT_NE(other, district.id);
  auto code_of = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const domain::DomainError& e) {
      return e.code() + ":" + e.field();
    }
    return std::string();
  };
  EXPECT_EQ(code_of([&] { staffing().ComplianceOf(scope, other, kReport, std::nullopt); }), "not_found:within");
  EXPECT_EQ(code_of([&] { staffing().CheckBody(scope, other, kReport); }), "not_found:id");
  EXPECT_EQ(code_of([&] { staffing().CheckBody(scope, district.id, kReport); }), "");
}
