#pragma once
// Bringing a roster workbook in (issue 10): the dry run. The file is read (documents/),
// each row normalised and judged (domain/import), matched to the people and positions
// stored in the caller's subtree, and reported row by row: will create, will update
// (which fields, old → new), unchanged, or error (row, column, code, message). Nothing is
// stored. The commit judges the same way inside one write transaction and stores the valid
// rows with an audit record each, plus one record for the batch (docs/api-contract.md).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "documents/spreadsheet.h"
#include "domain/error.h"
#include "domain/import/columns.h"
#include "domain/import/values.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::services {

struct ImportError {
  std::string sheet;
  std::uint32_t row = 0;   // as the spreadsheet program numbers it
  std::string column;      // the heading as the file has it ("" for the row as a whole)
  std::string code;
  std::string message;     // Chinese, for the clerk
  std::string message_en;
};

struct FieldChange {
  std::string field;  // name, mobile, …
  std::string before, after;
};

enum class RowOutcome { kCreate, kUpdate, kUnchanged, kError };

struct ImportRow {
  std::uint32_t row = 0;
  RowOutcome outcome = RowOutcome::kUnchanged;
  std::string name;
  bool creates_person = false;
  std::vector<FieldChange> person_changes;
  bool creates_position = false;
  // The position she already holds there, when the row changes its 任职方式 or 来源 (export →
  // edit → import): corrected, with these changes, in the commit.
  domain::PositionId corrects_position = 0;
  std::vector<FieldChange> position_changes;  // start_on (dates), manner, source (labels): before → after
  std::optional<std::string> organisation;  // the body of the position, by name
  std::optional<std::string> role_label;
};

// A body that gained positions in a commit, with its members after it.
struct AffectedBody {
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  int members = 0;
};

struct ImportReport {
  std::string file_name, sha256, sheet;
  std::uint32_t header_row = 0;
  int rows = 0, valid = 0, invalid = 0;
  int created_people = 0, updated_people = 0, created_positions = 0, updated_positions = 0, unchanged = 0;
  int created_entries = 0, updated_entries = 0;  // the survey archives' entries (0 on a roster)
  std::vector<ImportRow> results;
  std::vector<ImportError> errors;
  std::vector<std::string> warnings;  // unknown columns, other sheets, ignored cells
  bool committed = false;             // a commit that stored its rows
  std::vector<AffectedBody> bodies;   // after a commit
};

// What the sheet holds: a roster (members or people) or one of the survey archives.
enum class ImportKind { kRoster, kOutstandingWomen, kSocialOrganisations };
std::string_view import_kind_code(ImportKind kind);  // roster, outstanding-women, social-organisations
std::optional<ImportKind> parse_import_kind(std::string_view text);

struct CommitOptions {
  bool skip_invalid = false;                   // store the valid rows when some have errors
  std::optional<std::string> override_reason;  // administrators: rows past a staffing maximum are stored
  // Called in the commit's transaction once the rows are stored (report.committed set): what
  // must be stored with them or not at all (the import job's end).
  std::function<void(storage::WriteTx&, ImportReport&)> on_stored;
};

// Why a commit stored nothing, in the words the job and the command line show: rows with
// errors not skipped, or, when they were skipped, no valid row left to store.
struct NotImported {
  std::string code, message_zh, message_en;
};
NotImported why_not_imported(const ImportReport& report, bool skip_invalid);

// Called now and then while rows are judged or stored: rows done of total.
using ImportProgress = std::function<void(int done, int total)>;

class Importing {
 public:
  Importing(storage::Database& db, Registry& registry) : db_(db), registry_(registry) {}

  // The dry run of a members or people sheet: bodies are found within `within` (the
  // caller's own organisation when absent). Throws DomainError for a bad file or a sheet
  // with no heading or no name and ID number columns; row problems go into the report.
  ImportReport DryRun(const Actor& actor, const std::string& bytes, const std::string& file_name,
                      std::optional<domain::OrganisationId> within, const ImportProgress& progress = {});
  // The same judgement in one write transaction: every row stored, or with skip_invalid the
  // valid ones; nothing (committed false) when some row has an error and not skip_invalid, or
  // when with skip_invalid no row is valid (why_not_imported says which).
  ImportReport Commit(const Actor& actor, const std::string& bytes, const std::string& file_name,
                      std::optional<domain::OrganisationId> within, const CommitOptions& options,
                      const ImportProgress& progress = {});

 private:
  storage::Database& db_;
  Registry& registry_;
};

std::string_view outcome_code(RowOutcome outcome);  // create, update, unchanged, error

// Between the reader and the normalisers, which do not know each other: a cell as the
// import sees it, and a row as text (for finding the heading and what each row is).
domain::import::CellValue import_value_of(const documents::Cell& cell);
domain::import::TextRow text_row(const documents::Row& row);
// The first `limit` rows of a sheet as text.
std::vector<domain::import::TextRow> text_rows(const documents::Sheet& sheet,
                                               std::size_t limit = static_cast<std::size_t>(-1));

// The sheet to import (roster or survey archive): the first visible one whose heading, near
// its top, names every `required` column; the others that do are named in a warning, and
// none at all throws `none`. Fills the report's sheet and header_row, and warns of unknown
// columns and of cells cut off on the right.
struct ChosenSheet {
  const documents::Sheet* sheet = nullptr;
  domain::import::Header header;
};
ChosenSheet choose_sheet(const documents::Workbook& book, const std::vector<domain::import::ColumnKey>& required,
                         const domain::DomainError& none, ImportReport& report);

}  // namespace jinguo::services
