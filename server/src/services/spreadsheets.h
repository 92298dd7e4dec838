#pragma once
// The sheets that go out: templates to fill in and exports of what a list shows, with the
// headings the importer reads, so that export → edit → import applies exactly the edits.
// Every export of personal data is an audit record (action `export`).
#include <optional>
#include <string>
#include <string_view>

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
