#pragma once
// The sheets that go out: templates to fill in and exports of what a list shows, with the
// headings the importer reads, so that export → edit → import applies exactly the edits.
// Every export of personal data is an audit record (action `export`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/xlsx_writer.h"
#include "domain/organisation.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::services {

enum class SheetKind { kMembers, kPeople, kOutstandingWomen, kSocialOrganisations };

// What a template is for: `members:<body type>`, `people`, `outstanding-women`, `social-organisations`.
struct SheetRequest {
  SheetKind kind = SheetKind::kPeople;
  std::optional<domain::BodyType> body_type;  // members: the roles offered are that type's
};
// Throws 422 unknown_sheet_kind for anything else.
SheetRequest parse_sheet_kind(std::string_view text);
std::string sheet_kind_code(const SheetRequest& request);  // the text parse_sheet_kind reads

// For the exports of lists (services/exports): the data sheet of a kind without rows and
// the instructions sheet; a dictionary code's label (the code itself when unknown, "" for none).
documents::WorkbookSpec sheet_layout(const SheetRequest& request, const std::vector<domain::DictionaryEntry>& entries,
                                     const std::string& title);
std::string dictionary_label(const std::vector<domain::DictionaryEntry>& entries, domain::DictionaryKind kind,
                             const std::optional<std::string>& code);
// A row of the members layout: the person's columns, the position's (blank without one:
// `position` null), the notes. ID numbers and phones masked unless `full`.
std::vector<documents::CellValue> member_row(const domain::Person& person, const storage::PositionRow* position,
                                             const std::string& organisation_path, const std::string& notes, bool full,
                                             const std::vector<domain::DictionaryEntry>& entries);

struct Download {
  std::string file_name;  // 成员名册_二八镇妇联_2016-09-20.xlsx
  std::string bytes;
};

class Spreadsheets {
 public:
  Spreadsheets(storage::Database& db, Registry& registry) : db_(db), registry_(registry) {}

  // An empty template with an instructions sheet and dropdowns from the live dictionaries.
  Download Template(const SheetRequest& request);
  // The roster of a body on a date, in the members template's layout. ID numbers and phones
  // are masked unless `full` (permission reveal); audited as an export either way.
  Download Roster(const Actor& actor, domain::OrganisationId id, std::optional<domain::Date> on, bool full);

 private:
  storage::Database& db_;
  Registry& registry_;
};

}  // namespace jinguo::services
