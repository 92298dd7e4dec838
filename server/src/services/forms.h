#pragma once
// The five attached forms (附表) of the campaign (docs/api-contract.md, "Issue 11 (first
// step): the five forms"): each is a stored layout (domain/forms) filled from the positions
// held in a subtree on the report date and on the baseline. Reading a form needs `read` and a
// subtree in the caller's scope (else 404); form 3's phones are masked unless the caller has
// `reveal` and asks in full. Each download (.xlsx, .pdf) is one audit record (action
// `export`, entity `form`).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "documents/form_table.h"
#include "domain/date.h"
#include "domain/forms/counting.h"
#include "domain/forms/layout.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "services/actor.h"
#include "services/registry.h"
#include "services/result_cache.h"
#include "services/spreadsheets.h"
#include "storage/database.h"

namespace jinguo::storage {
class HeldIndex;
}

namespace jinguo::services {

struct FormSummary {
  int form = 0;
  std::string title;
  int version = 0;
};

// Which form, over which subtree, on which dates.
struct FormQuery {
  int form = 0;
  std::optional<domain::OrganisationId> within;  // default: the caller's organisation
  std::optional<domain::Date> on;                // default: today
  std::optional<domain::Date> baseline;          // default: the campaign_baseline setting
  bool full = false;                             // form 3's phones in full (needs reveal); ignored by the others
  std::optional<std::int64_t> campaign;          // form 1: that campaign's contacts only (else every one)
};

struct FormRow {
  std::string key;    // body type code, district id, person id or contact id
  std::string label;  // what the label column shows
  std::vector<domain::forms::Cell> cells;  // one per layout column (the label column's empty)
};

struct FormReport {
  domain::forms::Layout layout;
  domain::OrganisationId within_id = 0;  // 0: the whole tree
  std::string within_name;
  domain::Date on, baseline;
  domain::forms::HeaderGrid grid;
  std::vector<FormRow> rows;
  std::optional<std::vector<domain::forms::Cell>> totals;  // level and district forms
  bool full = false;  // form 3's phones in full
};

// Who is behind a count: people (one item a person, her first position in the row) or bodies.
struct CellPerson {
  domain::PersonId person_id = 0;
  std::string name;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  std::string role_label;
};
struct CellBody {
  domain::OrganisationId organisation_id = 0;
  std::string name;
  domain::BodyType type = domain::BodyType::kCity;
};
// One page of a drill-down (page from 1, page_size 1..200: the route checks the bounds).
struct CellPage {
  int page = 1;
  int page_size = 50;
};
// The row key of the 合计 row: the people (or bodies) of every row, one item a person.
inline constexpr const char* kTotalRow = "total";
struct CellList {
  bool people = true;  // else bodies
  long long total = 0;  // every item behind the count, not only this page's
  CellPage page;
  std::vector<CellPerson> persons;  // this page's, in person order
  std::vector<CellBody> bodies;     // this page's, in tree order
};

class PdfRenderer;  // services/pdf_renderer.h

class Forms {
 public:
  // With an index, the counting forms (2, 4, 5) count from it (storage/held_index.h); without
  // one, in SQL: the reference implementation.
  // `pdf` draws the PDFs.
  Forms(storage::Database& db, PdfRenderer& pdf, Clock today, storage::HeldIndex* index = nullptr)
      : db_(db),
        pdf_(pdf),
        today_(std::move(today)),
        index_(index),
        reports_(index ? std::make_unique<ResultCache<FormReport>>(kKeptReports) : nullptr),
        files_(index ? std::make_unique<ResultCache<std::shared_ptr<const std::string>>>(kKeptFiles) : nullptr) {}

  // The latest version of each form.
  std::vector<FormSummary> List();
  // A form filled in (400 invalid_form outside 1..5; 404 for a subtree outside the scope).
  FormReport Report(const Actor& actor, const FormQuery& query);
  // The people or bodies behind one count cell, one page of them (422 not_a_count for another
  // column); row kTotalRow is the 合计 row: everyone behind the column in any row, once.
  CellList Cell(const Actor& actor, const FormQuery& query, const std::string& row, const std::string& column,
                const CellPage& page = {});
  // The form as a file (附表N_<within>_<on>.xlsx / .pdf), audited.
  Download Workbook(const Actor& actor, const FormQuery& query);
  Download Pdf(const Actor& actor, const FormQuery& query);

  // What the writers draw: title, subtitle, the header grid, the rows, 合计, the footer.
  static documents::FormTable table_of(const FormReport& report);

 private:
  // A form filled in, the key it is kept under ("" when it is not kept) and the registry's
  // generation it was counted at.
  struct KeptReport {
    FormReport report;
    std::string key;
    std::int64_t generation = 0;
  };
  KeptReport kept_report(const Actor& actor, const FormQuery& query);
  Download download(const Actor& actor, const FormQuery& query, const std::string& format);
  static constexpr std::size_t kKeptReports = 16;
  static constexpr std::size_t kKeptFiles = 8;
  storage::Database& db_;
  PdfRenderer& pdf_;
  Clock today_;
  storage::HeldIndex* index_;
  // With the index: the last members' forms (3, 4, 5), under the registry generation they were
  // counted at (forms 1 and 2 also read contacts and re-elections, which it does not follow).
  std::unique_ptr<ResultCache<FormReport>> reports_;
  // The files of the kept reports (.pdf, .xlsx), under the report's key and the format: the
  // same report draws the same file, and a PDF is a child process's second of work (64 clerks
  // printing form 4 of the city on a deadline day). At most kKeptFiles (~200 KB a PDF).
  std::unique_ptr<ResultCache<std::shared_ptr<const std::string>>> files_;
};

}  // namespace jinguo::services
