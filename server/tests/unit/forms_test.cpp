// The forms as data (domain/forms): a layout read from JSON and refused with the rule it
// breaks, the header grid of merged headings, the five seeded layouts, and the cell
// arithmetic (distinct people per row and cell, bands, added, 合计).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/error.h"
#include "domain/forms/counting.h"
#include "domain/forms/layout.h"
#include "storage/migration_sources.h"

using namespace jinguo::domain;
using namespace jinguo::domain::forms;

namespace {

// The definitions seeded by migration 0010, by form.
std::map<int, std::string> seeded() {
  std::map<int, std::string> out;
  for (const auto& m : jinguo::storage::migration_sources()) {
    if (m.name != "0010_forms.sql") continue;
    std::string_view sql = m.sql;
    for (std::size_t at = sql.find(", 1, '{"); at != std::string_view::npos; at = sql.find(", 1, '{", at + 1)) {
      const std::size_t from = at + 6, to = sql.find("}',", from);
      std::string text;
      for (std::size_t i = from; i <= to; ++i) {  // '' is one quote in SQL
        text.push_back(sql[i]);
        if (sql[i] == '\'' && sql[i + 1] == '\'') ++i;
      }
      out[parse_layout(text).form] = text;
    }
  }
  return out;
}

std::vector<std::string> keys_of(const Layout& l) {
  std::vector<std::string> out;
  for (const auto& c : l.columns) out.push_back(c.key);
  return out;
}

// The refusal of a definition, as "code @ field"; "" when it is read.
std::string refusal(const std::string& json) {
  try {
    parse_layout(json);
    return "";
  } catch (const DomainError& e) {
    EXPECT_FALSE(e.message_zh().empty());
    return e.code() + " @ " + e.field();
  }
}

struct BadLayout {
  const char* name;
  std::string json;
  std::string refusal;
};

class LayoutRefusal : public ::testing::TestWithParam<BadLayout> {};

TEST_P(LayoutRefusal, NamesTheRule) { EXPECT_EQ(refusal(GetParam().json), GetParam().refusal); }

const std::string kHead = R"({"form":4,"title":"表","rows":"level",)";

INSTANTIATE_TEST_SUITE_P(
    Forms, LayoutRefusal,
    ::testing::Values(
        BadLayout{"not_json", "{", "invalid_form_layout @ definition"},
        BadLayout{"form_out_of_range", R"({"form":6,"title":"t","rows":"level","columns":[]})", "invalid_form_layout @ form"},
        BadLayout{"no_title", R"({"form":1,"rows":"level","columns":[]})", "invalid_form_layout @ title"},
        BadLayout{"bad_rows", R"({"form":1,"title":"t","rows":"town","columns":[]})", "invalid_form_layout @ rows"},
        BadLayout{"no_columns", kHead + R"("columns":[]})", "invalid_form_layout @ columns"},
        BadLayout{"duplicate_key", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"bodies"}},
                  {"key":"a","label":"B","count":{"what":"bodies"}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"count_missing", kHead + R"("columns":[{"key":"a","label":"A"}]})", "invalid_form_layout @ columns.a"},
        BadLayout{"bad_what", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"all"}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"unknown_band", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"members","age":["young"]}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"bodies_filtered", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"bodies","role":["chair"]}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"unknown_count_field", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"members","sex":["f"]}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"label_not_first", kHead + R"("columns":[{"key":"a","label":"A","count":{"what":"bodies"}},
                  {"key":"label","label":"L","kind":"label"}]})",
                  "invalid_form_layout @ columns.label"},
        BadLayout{"age_band_empty", kHead + R"("bands":{"age":[{"key":"x","label":"X"}]},"columns":[{"key":"a","label":"A","count":{"what":"bodies"}}]})",
                  "invalid_form_layout @ bands.age.x"},
        BadLayout{"count_in_person_form", R"({"form":3,"title":"t","rows":"person","columns":[{"key":"a","label":"A","count":{"what":"members"}}]})",
                  "invalid_form_layout @ columns.a"},
        BadLayout{"valid", kHead + R"("columns":[{"key":"label","label":"L","kind":"label"},{"key":"a","label":"A","count":{"what":"bodies"}}]})",
                  ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FormLayouts, EachSeededDefinitionIsReadWithTheContractsColumnKeys) {
  const auto forms = seeded();
  ASSERT_EQ(forms.size(), 5u);
  std::vector<std::string> sources;
  for (const char* s : {"building_head", "unit_group_head", "business_leader", "model_post_leader", "red_banner",
                        "new_sector_leader", "self_org_leader", "expertise", "cadre_worker", "social_worker",
                        "social_org_head", "grassroots_cadre"})
    sources.push_back(std::string("source_") + s);
  std::vector<std::string> form4{"label", "bodies", "members_before", "members_after", "added", "chair", "vice_chair",
                                 "executive", "director", "deputy_director", "member", "full_time", "part_time",
                                 "seconded", "volunteer"};
  form4.insert(form4.end(), sources.begin(), sources.end());
  const std::map<int, std::vector<std::string>> expected{
      {1, {"unit", "name", "post", "office_phone", "mobile", "email"}},
      {2, {"label", "last_election", "term_years", "next_election", "executive", "standing", "delegates",
           "delegates_minority", "delegates_party", "delegates_grassroots", "delegates_under_35"}},
      {3, {"unit", "name", "sex", "birth_date", "ethnicity", "political_status", "education", "work_unit", "post",
           "manner", "phone"}},
      {4, form4},
      {5, {"label", "members_after", "age_le_35", "age_36_45", "age_46_55", "age_ge_56", "edu_postgraduate",
           "edu_university", "edu_college", "edu_secondary", "edu_junior_or_below", "party", "league",
           "democratic_parties", "masses", "minority"}}};
  for (const auto& [form, json] : forms) {
    SCOPED_TRACE(form);
    const Layout l = parse_layout(json);
    EXPECT_EQ(l.form, form);
    EXPECT_EQ(keys_of(l), expected.at(form));
    EXPECT_EQ(l.footer.size(), 5u);
  }
  const Layout five = parse_layout(forms.at(5));
  const auto& secondary = five.bands.education.at(3);
  EXPECT_EQ(secondary.key, "edu_secondary");
  EXPECT_EQ(secondary.codes, (std::vector<std::string>{"40", "60"}));
}

TEST(FormLayouts, HeaderGridOfForm4MergesSharedGroupsAndSpansShortPaths) {
  const Layout l = parse_layout(seeded().at(4));
  const HeaderGrid grid = header_grid(l.columns);
  ASSERT_EQ(grid.rows, 3);  // 按职务（人） › 妇联 › 主席
  auto find = [&](const std::string& text, int row) {
    for (const auto& h : grid.headings)
      if (h.text == text && h.row == row) return h;
    ADD_FAILURE() << "no heading " << text << " at row " << row;
    return jinguo::documents::FormHeading{};
  };
  auto label = find("组织层级", 0);
  EXPECT_EQ(label.row_span, 3);
  EXPECT_EQ(label.column, 0);
  auto members = find("成员数（人）", 0);
  EXPECT_EQ(members.column, 2);
  EXPECT_EQ(members.column_span, 3);
  EXPECT_EQ(members.row_span, 1);
  auto before = find("扩大前", 1);
  EXPECT_EQ(before.row_span, 2);
  auto roles = find("按职务（人）", 0);
  EXPECT_EQ(roles.column, 5);
  EXPECT_EQ(roles.column_span, 6);
  EXPECT_EQ(find("妇联", 1).column_span, 3);
  EXPECT_EQ(find("妇代会", 1).column, 8);
  EXPECT_EQ(find("主席", 2).row_span, 1);
  EXPECT_EQ(find("按来源（人）", 0).column_span, 12);
  // The grid is covered exactly once.
  std::vector<std::vector<int>> covered(3, std::vector<int>(l.columns.size(), 0));
  for (const auto& h : grid.headings)
    for (int r = h.row; r < h.row + h.row_span; ++r)
      for (int c = h.column; c < h.column + h.column_span; ++c) ++covered[r][c];
  for (const auto& row : covered)
    for (int n : row) EXPECT_EQ(n, 1);
}

// ---- counting -------------------------------------------------------------------------

const std::string kCounted = R"({"form":5,"title":"t","rows":"level",
  "bands":{"age":[{"key":"young","max":35},{"key":"old","min":56}],
           "education":[{"key":"high","codes":["10","20"]}],
           "political_status":[{"key":"party","codes":["01","02"]}]},
  "columns":[{"key":"label","label":"L","kind":"label"},
    {"key":"bodies","label":"B","count":{"what":"bodies"}},
    {"key":"before","label":"b","count":{"what":"members","on":"baseline"}},
    {"key":"after","label":"a","count":{"what":"members"}},
    {"key":"added","label":"n","count":{"what":"added"}},
    {"key":"chair","label":"c","count":{"what":"members","role":["chair"]}},
    {"key":"young","label":"y","count":{"what":"members","age":["young"]}},
    {"key":"old","label":"o","count":{"what":"members","age":["old"]}},
    {"key":"high","label":"h","count":{"what":"members","education":["high"]}},
    {"key":"party","label":"p","count":{"what":"members","political_status":["party"]}},
    {"key":"minority","label":"m","count":{"what":"members","minority":true}},
    {"key":"volunteer_party","label":"vp","count":{"what":"members","manner":["volunteer"],"political_status":["party"]}}]})";

Held held(std::int64_t person, const char* role, const char* manner, Date birth, const char* education = "",
          const char* political = "", const char* ethnicity = "01") {
  Held h;
  h.person_id = person;
  h.body_type = "village";
  h.role = role;
  h.manner = manner;
  h.birth_date = birth;
  h.education = education;
  h.political_status = political;
  h.ethnicity = ethnicity;
  return h;
}

std::map<std::string, long long> numbers(const Layout& l, const std::vector<Cell>& row) {
  std::map<std::string, long long> out;
  for (std::size_t c = 0; c < l.columns.size(); ++c)
    if (row[c].number) out[l.columns[c].key] = *row[c].number;
  return out;
}

TEST(FormCounting, DistinctPeoplePerRowAndCellWithBandsAddedAndTotals) {
  const Layout l = parse_layout(kCounted);
  const Date report(2016, 9, 20), baseline(2016, 6, 1);
  CodeBook codes;
  Tally now(l, Side::kReport, 2, codes, report), then(l, Side::kBaseline, 2, codes, report);
  // Row 0: person 1 holds two positions (chair and executive): one member, one chair.
  now.add(0, held(1, "chair", "part_time", Date(1981, 9, 20), "20", "01"));  // 35 on her birthday
  now.add(0, held(1, "executive", "volunteer", Date(1981, 9, 20), "20", "01"));
  now.add(0, held(2, "executive", "volunteer", Date(1960, 9, 21), "40", "13", "03"));  // 55 the day before 56
  now.add(0, held(3, "executive", "part_time", Date(1950, 1, 1), "", "02"));
  // Row 1: one woman; the same person 1 counts again (a person in two rows counts in both).
  now.add(1, held(1, "vice_chair", "part_time", Date(1981, 9, 20), "20", "01"));
  now.finish();
  then.add(0, held(1, "chair", "part_time", Date(1981, 9, 20), "20", "01"));
  then.add(1, held(4, "executive", "part_time", Date(1990, 1, 1)));
  then.add(1, held(5, "executive", "part_time", Date(1990, 1, 1)));
  then.finish();
  const auto rows = count_cells(l, now, then, {4, 2});
  const auto first = numbers(l, rows[0]);
  EXPECT_EQ(first.at("bodies"), 4);
  EXPECT_EQ(first.at("after"), 3);
  EXPECT_EQ(first.at("before"), 1);
  EXPECT_EQ(first.at("added"), 2);
  EXPECT_EQ(first.at("chair"), 1);
  EXPECT_EQ(first.at("young"), 1);  // person 1 turns 35 on the report date
  EXPECT_EQ(first.at("old"), 1);    // person 3; person 2 is 55
  EXPECT_EQ(first.at("high"), 1);
  EXPECT_EQ(first.at("party"), 2);  // 01 and 02
  EXPECT_EQ(first.at("minority"), 1);
  EXPECT_EQ(first.at("volunteer_party"), 1);  // one position passes both filters
  const auto second = numbers(l, rows[1]);
  EXPECT_EQ(second.at("after"), 1);
  EXPECT_EQ(second.at("before"), 2);
  EXPECT_EQ(second.at("added"), -1);
  const auto totals = numbers(l, totals_of(l, rows));
  EXPECT_EQ(totals.at("after"), 4);  // the sum of the rows: person 1 twice, as on paper
  EXPECT_EQ(totals.at("added"), 1);
  EXPECT_EQ(totals.at("bodies"), 6);
  EXPECT_FALSE(totals_of(l, rows)[0].number);  // the label column
}

// The compiled tally (column bits per code and per span of birth dates) against a recount
// written from the layout's words alone, on generated positions, for the seeded forms 2, 4
// and 5 and the test layout above: every cell equal, including birthdays on the report date
// and on 29 February, codes outside every band and people in several rows.
bool naive_passes(const Count& c, const Bands& bands, const Held& h, const Date& report) {
  auto in = [](const std::vector<std::string>& codes, std::string_view code) {
    return codes.empty() || (!code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end());
  };
  auto band_codes = [](const std::vector<std::string>& keys, const std::vector<Band>& all) {
    std::vector<std::string> out;
    for (const auto& k : keys)
      for (const auto& b : all)
        if (b.key == k) out.insert(out.end(), b.codes.begin(), b.codes.end());
    return out;
  };
  if (!in(c.role, h.role) || !in(c.manner, h.manner) || !in(c.source, h.source)) return false;
  if (!c.education.empty() && !in(band_codes(c.education, bands.education), h.education)) return false;
  if (!c.political_status.empty() && !in(band_codes(c.political_status, bands.political_status), h.political_status))
    return false;
  if (c.minority && (h.ethnicity.empty() || h.ethnicity == "01")) return false;
  if (c.age.empty()) return true;
  const int age = age_on(h.birth_date, report);
  for (const auto& k : c.age)
    for (const auto& b : bands.age)
      if (b.key == k && age >= b.min.value_or(0) && age <= b.max.value_or(1000)) return true;
  return false;
}

TEST(FormCounting, TheCompiledTallyEqualsANaiveRecountOnGeneratedPositions) {
  const std::vector<std::string> roles{"chair", "vice_chair", "executive", "standing", "member", "", "other"},
      manners{"part_time", "full_time", "volunteer", "", "seconded"}, sources{"", "01", "02", "03", "99"},
      educations{"", "10", "20", "30", "40", "60", "90"}, politicals{"", "01", "02", "03", "13"},
      ethnicities{"", "01", "02", "03"};
  const Date report(2016, 2, 29);
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  const auto forms = seeded();
  std::vector<Layout> layouts{parse_layout(kCounted)};
  for (int n : {2, 4, 5}) layouts.push_back(parse_layout(forms.at(n)));
  for (const Layout& l : layouts) {
    for (const Date& on : {report, Date(2016, 9, 20)}) {
      constexpr std::size_t kRows = 3;
      // positions by row, then person; a person may hold several in a row and be in several rows
      std::vector<std::pair<std::size_t, Held>> positions;
      std::vector<std::string> texts;  // Held holds views
      texts.reserve(100000);
      for (std::size_t row = 0; row < kRows; ++row)
        for (std::int64_t person = 1; person <= 300; ++person) {
          if (next(3) == 0) continue;
          Date birth = Date::from_days(on.days_since_epoch() - 365 * 18 - static_cast<std::int32_t>(next(365 * 50)));
          if (next(5) == 0) {  // a birthday next to the report date's, some in leap years
            int y = on.year() - 20 - static_cast<int>(next(45));
            if (next(2)) y -= y % 4;
            const bool no_29th = on.month() == 2 && on.day() == 29 && y % 4 != 0;
            birth = Date(y, on.month(), no_29th ? 28 : on.day()).plus_days(static_cast<int>(next(3)) - 1);
          }
          const std::size_t held = 1 + next(3);
          for (std::size_t k = 0; k < held; ++k) {
            Held h;
            h.person_id = person;
            h.body_type = "village";
            h.role = roles[next(roles.size())];
            h.manner = manners[next(manners.size())];
            h.source = sources[next(sources.size())];
            h.birth_date = birth;
            h.education = educations[next(educations.size())];
            h.political_status = politicals[next(politicals.size())];
            h.ethnicity = ethnicities[next(ethnicities.size())];
            positions.emplace_back(row, h);
          }
        }
      CodeBook codes;
      Tally now(l, Side::kReport, kRows, codes, on), then(l, Side::kBaseline, kRows, codes, on);
      for (const auto& [row, h] : positions) now.add(row, h);
      // the baseline fed as numbers, as the index hands them
      for (const auto& [row, h] : positions) then.add(row, h.person_id, codes.facts(h));
      now.finish();
      then.finish();
      for (std::size_t c = 0; c < l.columns.size(); ++c) {
        if (!l.columns[c].count || l.columns[c].count->what == CountWhat::kBodies) continue;
        const Count& count = *l.columns[c].count;
        for (std::size_t row = 0; row < kRows; ++row) {
          std::set<std::int64_t> people;
          for (const auto& [r, h] : positions)
            if (r == row && naive_passes(count, l.bands, h, on)) people.insert(h.person_id);
          const auto expected = static_cast<long long>(people.size());
          if (counts_on(count, Side::kReport))
            EXPECT_EQ(now.at(row, c), expected) << "form " << l.form << " " << l.columns[c].key << " row " << row;
          if (counts_on(count, Side::kBaseline))
            EXPECT_EQ(then.at(row, c), expected) << "form " << l.form << " " << l.columns[c].key << " row " << row;
        }
      }
    }
  }
}

// More codes of one kind than a byte numbers (a dictionary is editable): each code keeps its
// own number, and so its own count, whether a filter, an earlier count or the positions
// number it first.
TEST(FormCounting, MoreThan255CodesOfAKindAreCountedApart) {
  constexpr int kCodes = 300;
  std::vector<std::string> sources;
  for (int i = 0; i < kCodes; ++i) sources.push_back("s" + std::to_string(i));
  Codes table;
  std::set<CodeId> ids;
  for (const auto& s : sources) ids.insert(table.id(s));
  EXPECT_EQ(ids.size(), sources.size());
  EXPECT_EQ(table.id(sources.back()), table.id(std::string(sources.back())));  // the same code, the same number
  EXPECT_EQ(ids.count(0), 0u);

  // "every": all the codes; "first", "last": one each, named after the others
  std::string every;
  for (const auto& s : sources) every += (every.empty() ? "\"" : ",\"") + s + "\"";
  const Layout l = parse_layout(R"({"form":5,"title":"t","rows":"level","columns":[
    {"key":"label","label":"L","kind":"label"},
    {"key":"after","label":"a","count":{"what":"members"}},
    {"key":"every","label":"e","count":{"what":"members","source":[)" + every + R"(]}},
    {"key":"first","label":"f","count":{"what":"members","source":["s0"]}},
    {"key":"last","label":"z","count":{"what":"members","source":["s299"]}},
    {"key":"before_last","label":"bz","count":{"what":"members","on":"baseline","source":["s299"]}},
    {"key":"missing","label":"m","count":{"what":"members","source":["s300"]}}]})");
  const Date on(2016, 9, 20);
  auto position = [&](int i) { return held(i + 1, "executive", "part_time", Date(1980, 1, 1)); };
  for (const bool numbered_first : {false, true}) {
    CodeBook codes;
    std::vector<Held> positions;
    for (int i = 0; i < kCodes; ++i) {
      positions.push_back(position(i));
      positions.back().source = sources[static_cast<std::size_t>(i)];
    }
    // the index numbers every code it holds before the tallies see them
    if (numbered_first)
      for (const auto& h : positions) codes.facts(h);
    Tally now(l, Side::kReport, 1, codes, on);
    for (const auto& h : positions) now.add(0, h);
    now.finish();
    // made after the report's positions numbered their codes, as the service does
    Tally then(l, Side::kBaseline, 1, codes, on);
    for (const auto& h : positions) then.add(0, h.person_id, codes.facts(h));
    then.finish();
    const auto row = numbers(l, count_cells(l, now, then, {1})[0]);
    const std::string where = numbered_first ? "numbered first" : "numbered by the filters";
    EXPECT_EQ(row.at("after"), kCodes) << where;
    EXPECT_EQ(row.at("every"), kCodes) << where;
    EXPECT_EQ(row.at("first"), 1) << where;
    EXPECT_EQ(row.at("last"), 1) << where;
    EXPECT_EQ(row.at("missing"), 0) << where;
    EXPECT_EQ(then.at(0, 5), 1) << where;  // before_last
  }
}

TEST(FormCounting, TheLastBirthOfAnAgeFollowsAgeOn) {
  for (const Date& on : {Date(2016, 2, 29), Date(2016, 3, 1), Date(2015, 2, 28), Date(2016, 12, 31), Date(2016, 1, 1)})
    for (int age : {0, 1, 35, 36, 56, 150}) {
      const Date last = Date::from_days(last_birth_of_age(on, age));
      EXPECT_GE(age_on(last, on), age) << on.iso() << " " << age;
      EXPECT_LT(age_on(last.plus_days(1), on), age) << on.iso() << " " << age;
    }
}

}  // namespace
