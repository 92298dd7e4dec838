// The templates' layout (services/spreadsheets, issue 10 part 1): which columns offer a dropdown
// and what it lists — the dictionaries' labels, roles only those of the body type, and 性别.
#include <gtest/gtest.h>

#include "domain/import/columns.h"
#include "services/spreadsheets.h"

using namespace jinguo;

namespace {

domain::DictionaryEntry entry(domain::DictionaryKind kind, std::string code, std::string label,
                              std::optional<std::vector<std::string>> body_types = std::nullopt) {
  domain::DictionaryEntry e;
  e.kind = kind;
  e.code = std::move(code);
  e.label = std::move(label);
  e.body_types = std::move(body_types);
  return e;
}

std::vector<std::string> choices_under(const documents::WorkbookSpec& spec, domain::import::ColumnKey key) {
  for (const auto& c : spec.tables.at(0).columns)
    if (c.header == domain::import::canonical_heading(key)) return c.choices;
  ADD_FAILURE() << "no column " << domain::import::canonical_heading(key);
  return {};
}

TEST(TemplateLayout, DropdownsListTheLiveChoices) {
  using domain::DictionaryKind;
  using domain::import::ColumnKey;
  const std::vector<domain::DictionaryEntry> entries = {
      entry(DictionaryKind::kRole, "chair", "主席", std::vector<std::string>{"township", "village"}),
      entry(DictionaryKind::kRole, "director", "主任", std::vector<std::string>{"village_congress"}),
      entry(DictionaryKind::kEthnicity, "han", "汉族"),
      entry(DictionaryKind::kEducation, "bachelor", "大学本科教育")};
  const auto spec = services::sheet_layout({services::SheetKind::kMembers, domain::BodyType::kTownship}, entries, "名册");
  EXPECT_EQ(choices_under(spec, ColumnKey::kSex), (std::vector<std::string>{"女", "男"}));
  EXPECT_EQ(choices_under(spec, ColumnKey::kEthnicity), (std::vector<std::string>{"汉族"}));
  EXPECT_EQ(choices_under(spec, ColumnKey::kEducation), (std::vector<std::string>{"大学本科教育"}));
  EXPECT_EQ(choices_under(spec, ColumnKey::kRole), (std::vector<std::string>{"主席"}));  // not 主任: a 村妇代会's
  EXPECT_TRUE(choices_under(spec, ColumnKey::kName).empty());
  const auto people = services::sheet_layout({services::SheetKind::kPeople, std::nullopt}, entries, "名单");
  EXPECT_EQ(choices_under(people, ColumnKey::kSex), (std::vector<std::string>{"女", "男"}));
}

}  // namespace
