#pragma once
// The composition root: each command wires configuration → database → services → http.
#include <cstdint>
#include <optional>
#include <string>

#include "app/config.h"
#include "domain/date.h"

namespace jinguo::app {

int serve(const Config& config);
// `jinguo render`: the PDF job on standard input (documents/pdf_job.h) drawn to standard
// output. Exit 0; 2 for input that is not a job; 1 when drawing failed (why on stderr).
int render_pdf();
int migrate(const Config& config);
int check_db(const Config& config);
int demo(const Config& config, std::uint64_t seed, bool force, const std::string& scale = {});

struct AdminRequest {
  std::string username;
  std::int64_t organisation_id = 0;
  std::string role = "system_admin";
  std::string password_file;  // empty: read one line from standard input
  std::string new_root;       // on an empty database: the name of the city federation to create first
};
// Creates an account from the command line (the first administrator), with the system's scope.
int create_admin(const Config& config, const AdminRequest& request);
// Sets a new password of an account from the command line (the recovery path of the top
// administrators, whom no account above them can reset) and ends its sessions.
int reset_password(const Config& config, const std::string& username, const std::string& password_file);
// Writes an empty import template (`members:<body type>`, `people`, `outstanding-women`,
// `social-organisations`) to `out`.
int write_template(const Config& config, const std::string& kind, const std::string& out);

struct ExportRequest {
  std::int64_t within = 0;           // the body whose roster (children) goes out, or the subtree
  std::optional<domain::Date> on;    // default today
  std::string out;
  std::string as;                    // the account whose scope and permissions apply (default: the system's)
  bool full = false;                 // ID numbers and phones in full
};
// Writes the roster of a body on a date as .xlsx (audited as an export).
int export_roster(const Config& config, const ExportRequest& request);
// Writes a list as .xlsx (audited as an export): `kind` people, children, failing, audit,
// outstanding-women or social-organisations, of the subtree of request.within.
int export_list(const Config& config, const std::string& kind, const ExportRequest& request);

struct FormRequest {
  int form = 0;
  std::int64_t within = 0;
  domain::Date on;
  std::optional<domain::Date> baseline;  // default: the campaign_baseline setting
  std::string format = "json";           // json, xlsx or pdf
  std::string out;                       // json: standard output when empty
  std::string as;
  bool full = false;                     // form 3's phones in full (permission reveal)
  std::optional<std::int64_t> campaign;  // form 1: that campaign's contacts only
};
// Writes a form (附表N) of a subtree on a date: JSON, .xlsx or PDF (the files are audited).
// Exit 0, 2 on bad arguments, 1 otherwise.
int write_form(const Config& config, const FormRequest& request);

struct ImportRequest {
  std::string file;
  std::optional<std::int64_t> within;  // the organisation whose subtree the rows name (default: the account's own)
  std::string as;                      // the account whose scope and permissions apply
  bool json = false;
  std::string kind = "roster";  // or outstanding-women, social-organisations
  bool commit = false;        // store (one transaction); else a dry run
  bool skip_invalid = false;  // with commit: the valid rows only
  std::optional<std::string> override_reason;
};
// An import: each row judged and matched; with `commit` stored in one transaction. Exit 0
// when every row is valid (and, committing, stored), 3 when some rows have errors.
int import_file(const Config& config, const ImportRequest& request);

// Lists the accounts; `as` limits it to the subtree of that account (and her permissions).
int list_accounts(const Config& config, const std::string& as);

}  // namespace jinguo::app
