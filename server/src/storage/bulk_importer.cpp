#include "storage/bulk_importer.h"

#include <libpq-fe.h>

#include <optional>
#include <string_view>

#include <soci/postgresql/soci-postgresql.h>

#include "domain/clock.h"
#include "domain/error.h"
#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kInsertOrganisations =
    "INSERT INTO organisations (id, parent_id, type, name, division_code, pilot, established_on, closed_on, "
    "path, depth, created_at, updated_at) VALUES (:id, :parent_id, :type, :name, :division_code, :pilot, "
    ":established_on, :closed_on, :path, :depth, :created_at, :updated_at)";
constexpr const char* kInsertPeople =
    "INSERT INTO people (id, name, id_number, birth_date, sex, ethnicity, political_status, education, "
    "work_unit, job_title, mobile, office_phone, notes, created_at, updated_at) VALUES (:id, :name, "
    ":id_number, :birth_date, :sex, :ethnicity, :political_status, :education, :work_unit, :job_title, "
    ":mobile, :office_phone, :notes, :created_at, :updated_at)";
constexpr const char* kInsertPositions =
    "INSERT INTO positions (id, person_id, organisation_id, role, manner, source, start_on, end_on, "
    "end_reason, notes, created_at, updated_at) VALUES (:id, :person_id, :organisation_id, :role, :manner, "
    ":source, :start_on, :end_on, :end_reason, :notes, :created_at, :updated_at)";
constexpr const char* kResetSequences[] = {
    "SELECT setval(pg_get_serial_sequence('organisations', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM organisations), false)",
    "SELECT setval(pg_get_serial_sequence('people', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM people), false)",
    "SELECT setval(pg_get_serial_sequence('positions', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM positions), false)"};

// PostgreSQL. The tables in the order they are sent (a table's rows may name rows of the
// tables before it) and their COPY column lists, in the order the rows are written.
constexpr const char* kFirstVersions =
    "INSERT INTO organisation_versions (organisation_id, valid_from, valid_to, parent_id, type, name, path, depth) "
    "SELECT o.id, '1900-01-01', NULL, o.parent_id, o.type, o.name, o.path, o.depth FROM organisations o "
    "WHERE NOT EXISTS (SELECT 1 FROM organisation_versions v WHERE v.organisation_id = o.id)";
constexpr const char* kCopyTables[] = {"organisations", "people", "positions"};
constexpr const char* kCopyColumns[] = {
    "(id, parent_id, type, name, division_code, pilot, established_on, closed_on, path, depth, created_at, "
    "updated_at)",
    "(id, name, id_number, birth_date, sex, ethnicity, political_status, education, work_unit, job_title, mobile, "
    "office_phone, notes, created_at, updated_at)",
    "(id, person_id, organisation_id, role, manner, source, start_on, end_on, end_reason, notes, created_at, "
    "updated_at)"};
constexpr std::size_t kCopyBufferBytes = std::size_t{1} << 20;
constexpr const char* kAnyRows =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM organisations) OR EXISTS (SELECT 1 FROM people) "
    "OR EXISTS (SELECT 1 FROM positions) THEN 1 ELSE 0 END";
constexpr const char* kLoadedTables = "('organisations'::regclass, 'people'::regclass, 'positions'::regclass)";

// One row of COPY's text format: fields separated by tabs, \N for NULL, and in a value
// backslash, newline, carriage return and tab escaped with a backslash.
class CopyRow {
 public:
  explicit CopyRow(std::string& out) : out_(out) {}
  ~CopyRow() { out_.push_back('\n'); }

  CopyRow& text(std::string_view value) {
    separate();
    for (char c : value) {
      switch (c) {
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: out_.push_back(c);
      }
    }
    return *this;
  }
  CopyRow& text(const std::string& value) { return text(std::string_view(value)); }
  CopyRow& text(const std::optional<std::string>& value) { return value ? text(*value) : null(); }
  CopyRow& date(const domain::Date& value) { return text(value.iso()); }
  CopyRow& date(const std::optional<domain::Date>& value) { return value ? date(*value) : null(); }
  CopyRow& number(std::int64_t value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }
  CopyRow& number(const std::optional<std::int64_t>& value) { return value ? number(*value) : null(); }
  CopyRow& null() {
    separate();
    out_ += "\\N";
    return *this;
  }

 private:
  void separate() {
    if (!first_) out_.push_back('\t');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

// Throws a database error as SOCI would (so that constraint names map to DomainErrors).
[[noreturn]] void fail(const std::string& message) {
  try {
    throw soci::soci_error("bulk import: " + message);
  } catch (const std::exception& e) {
    rethrow_mapped(e);
  }
}

// The rows of a catalogue query whose columns are all text.
std::vector<std::vector<std::string>> text_rows(soci::session& sql, const std::string& query) {
  std::vector<std::vector<std::string>> out;
  soci::rowset<soci::row> rows = sql.prepare << query;
  for (const soci::row& row : rows) {
    auto& values = out.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) values.push_back(row.get<std::string>(i));
  }
  return out;
}

}  // namespace

// One row of each kind, bound once to a prepared statement that runs per row.
struct BulkImporter::OrganisationBatch {
  long long id = 0;
  NullableId parent_id;
  std::string type, name, path, stamp;
  int pilot = 0, depth = 0;
  Nullable division_code, established_on, closed_on;
  soci::statement statement;
  explicit OrganisationBatch(soci::session& sql)
      : statement((sql.prepare << kInsertOrganisations, soci::use(id), soci::use(parent_id.value, parent_id.ind),
                   soci::use(type), soci::use(name), soci::use(division_code.value, division_code.ind),
                   soci::use(pilot), soci::use(established_on.value, established_on.ind),
                   soci::use(closed_on.value, closed_on.ind), soci::use(path), soci::use(depth), soci::use(stamp),
                   soci::use(stamp))) {}
};

struct BulkImporter::PersonBatch {
  long long id = 0;
  std::string name, id_number, birth_date, sex, stamp;
  Nullable ethnicity, political_status, education, work_unit, job_title, mobile, office_phone, notes;
  soci::statement statement;
  explicit PersonBatch(soci::session& sql)
      : statement((sql.prepare << kInsertPeople, soci::use(id), soci::use(name), soci::use(id_number),
                   soci::use(birth_date), soci::use(sex), soci::use(ethnicity.value, ethnicity.ind),
                   soci::use(political_status.value, political_status.ind),
                   soci::use(education.value, education.ind), soci::use(work_unit.value, work_unit.ind),
                   soci::use(job_title.value, job_title.ind), soci::use(mobile.value, mobile.ind),
                   soci::use(office_phone.value, office_phone.ind), soci::use(notes.value, notes.ind),
                   soci::use(stamp), soci::use(stamp))) {}
};

struct BulkImporter::PositionBatch {
  long long id = 0, person_id = 0, organisation_id = 0;
  std::string role, manner, start_on, stamp;
  Nullable source, end_on, end_reason, notes;
  soci::statement statement;
  explicit PositionBatch(soci::session& sql)
      : statement((sql.prepare << kInsertPositions, soci::use(id), soci::use(person_id), soci::use(organisation_id),
                   soci::use(role), soci::use(manner), soci::use(source.value, source.ind), soci::use(start_on),
                   soci::use(end_on.value, end_on.ind), soci::use(end_reason.value, end_reason.ind),
                   soci::use(notes.value, notes.ind), soci::use(stamp), soci::use(stamp))) {}
};

// PostgreSQL: the COPY buffers, and what the load took down and builds again at the end.
// Runs inside the importer's transaction.
class BulkImporter::CopyLoad {
 public:
  enum Table { kOrganisations = 0, kPeople = 1, kPositions = 2 };

  explicit CopyLoad(soci::session& sql)
      : sql_(sql), conn_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_) {
    int any_rows = 1;
    sql_ << kAnyRows, soci::into(any_rows);
    if (any_rows != 0) return;
    // Secondary indexes (not those of a constraint: the primary keys stay), built at the
    // end by sorting instead of row by row.
    for (const auto& index : text_rows(sql_, std::string("SELECT quote_ident(i.relname), pg_get_indexdef(i.oid) "
                                                         "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                                                         "WHERE x.indrelid IN ") +
                                                 kLoadedTables +
                                                 " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
                                                 "c.conindid = x.indexrelid) ORDER BY 1")) {
      sql_ << "DROP INDEX " + index[0];
      rebuild_.push_back(index[1]);
    }
    // Foreign keys on or to the loaded tables: added again after the indexes, each checked
    // in one pass instead of a lookup per row.
    for (const auto& key : text_rows(sql_, std::string("SELECT conrelid::regclass::text, quote_ident(conname), "
                                                       "pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                                                       "contype = 'f' AND (conrelid IN ") +
                                               kLoadedTables + " OR confrelid IN " + kLoadedTables +
                                               ") ORDER BY 1, 2")) {
      sql_ << "ALTER TABLE " + key[0] + " DROP CONSTRAINT " + key[1];
      rebuild_.push_back("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + key[1] + " " + key[2]);
    }
    // Truncated in this transaction, so COPY may write the rows frozen.
    sql_ << "TRUNCATE organisations, people, positions";
    freeze_ = true;
  }

  std::string& buffer(Table t) { return buffers_[t]; }
  void row_written(Table t) {
    if (buffers_[t].size() >= kCopyBufferBytes) flush(t);
  }

  // Sends what is left, builds the indexes and keys again, moves the sequences on.
  void finish() {
    flush(kPositions);
    for (const std::string& statement : rebuild_) sql_ << statement;
    for (const char* reset : kResetSequences) sql_ << reset;
    sql_ << "ANALYZE organisations, people, positions";
  }

 private:
  // A table's buffer, after those of the tables before it.
  void flush(Table t) {
    for (int i = kOrganisations; i <= t; ++i) send(static_cast<Table>(i));
  }

  void send(Table t) {
    std::string& data = buffers_[t];
    if (data.empty()) return;
    std::string copy = std::string("COPY ") + kCopyTables[t] + " " + kCopyColumns[t] + " FROM STDIN" +
                       (freeze_ ? " WITH (FREEZE)" : "");
    PGresult* started = PQexec(conn_, copy.c_str());
    bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying) fail(PQerrorMessage(conn_));
    std::string error;
    if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) error = PQerrorMessage(conn_);
    if (PQputCopyEnd(conn_, error.empty() ? nullptr : "bulk import failed") != 1 && error.empty())
      error = PQerrorMessage(conn_);
    while (PGresult* result = PQgetResult(conn_)) {
      if (PQresultStatus(result) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(result);
      PQclear(result);
    }
    if (!error.empty()) fail(error);
    data.clear();
  }

  soci::session& sql_;
  PGconn* conn_;
  std::string buffers_[3];
  bool freeze_ = false;
  std::vector<std::string> rebuild_;  // the indexes, then the foreign keys
};

BulkImporter::BulkImporter(Database& db, std::size_t batch_rows)
    : db_(db), backend_(db.backend()), batch_rows_(batch_rows), sql_(db.dedicated_session()),
      now_(domain::utc_timestamp_now()) {
  if (backend_ == Backend::kPostgresql) {
    begin();
    copy_ = std::make_unique<CopyLoad>(*sql_);
  }
}

BulkImporter::~BulkImporter() {
  if (in_transaction_) {
    try {
      *sql_ << "ROLLBACK";
    } catch (...) {  // nothing more to do while unwinding
    }
  }
}

void BulkImporter::begin() {
  if (in_transaction_) return;
  *sql_ << (backend_ == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  in_transaction_ = true;
}

void BulkImporter::commit() {
  if (!in_transaction_) return;
  *sql_ << "COMMIT";
  in_transaction_ = false;
  rows_in_transaction_ = 0;
}

void BulkImporter::add(const domain::Organisation& o) {
  std::string path = "/";
  int depth = 0;
  if (o.parent_id) {
    auto it = paths_.find(*o.parent_id);
    if (it == paths_.end()) throw std::runtime_error("bulk import: a body came before its parent");
    path = it->second.first;
    depth = it->second.second + 1;
  }
  path += std::to_string(o.id) + "/";
  paths_[o.id] = {path, depth};
  ++organisation_count_;
  if (copy_) {
    CopyRow(copy_->buffer(CopyLoad::kOrganisations))
        .number(o.id)
        .number(o.parent_id)
        .text(domain::body_type_code(o.type))
        .text(o.name)
        .text(o.division_code)
        .number(o.pilot ? 1 : 0)
        .date(o.established_on)
        .date(o.closed_on)
        .text(path)
        .number(depth)
        .text(now_)
        .text(now_);
    copy_->row_written(CopyLoad::kOrganisations);
    return;
  }
  if (!organisations_) organisations_ = std::make_unique<OrganisationBatch>(*sql_);
  auto& b = *organisations_;
  b.id = o.id;
  b.parent_id = NullableId(o.parent_id);
  b.type = std::string(domain::body_type_code(o.type));
  b.name = o.name;
  b.path = path;
  b.stamp = now_;
  b.pilot = o.pilot ? 1 : 0;
  b.depth = depth;
  b.division_code = Nullable(o.division_code);
  b.established_on = Nullable(o.established_on);
  b.closed_on = Nullable(o.closed_on);
  insert(b.statement);
}

void BulkImporter::add(const domain::Person& p) {
  ++person_count_;
  if (copy_) {
    CopyRow(copy_->buffer(CopyLoad::kPeople))
        .number(p.id)
        .text(p.name)
        .text(p.id_number)
        .date(p.birth_date)
        .text(domain::sex_code(p.sex))
        .text(p.ethnicity)
        .text(p.political_status)
        .text(p.education)
        .text(p.work_unit)
        .text(p.job_title)
        .text(p.mobile)
        .text(p.office_phone)
        .text(p.notes)
        .text(now_)
        .text(now_);
    copy_->row_written(CopyLoad::kPeople);
    return;
  }
  if (!people_) people_ = std::make_unique<PersonBatch>(*sql_);
  auto& b = *people_;
  b.id = p.id;
  b.name = p.name;
  b.id_number = p.id_number;
  b.birth_date = p.birth_date.iso();
  b.sex = domain::sex_code(p.sex);
  b.stamp = now_;
  b.ethnicity = Nullable(p.ethnicity);
  b.political_status = Nullable(p.political_status);
  b.education = Nullable(p.education);
  b.work_unit = Nullable(p.work_unit);
  b.job_title = Nullable(p.job_title);
  b.mobile = Nullable(p.mobile);
  b.office_phone = Nullable(p.office_phone);
  b.notes = Nullable(p.notes);
  insert(b.statement);
}

void BulkImporter::add(const domain::Position& p) {
  ++position_count_;
  if (copy_) {
    CopyRow(copy_->buffer(CopyLoad::kPositions))
        .number(p.id)
        .number(p.person_id)
        .number(p.organisation_id)
        .text(p.role)
        .text(p.manner)
        .text(p.source)
        .date(p.start_on)
        .date(p.end_on)
        .text(p.end_reason)
        .text(p.notes)
        .text(now_)
        .text(now_);
    copy_->row_written(CopyLoad::kPositions);
    return;
  }
  if (!positions_) positions_ = std::make_unique<PositionBatch>(*sql_);
  auto& b = *positions_;
  b.id = p.id;
  b.person_id = p.person_id;
  b.organisation_id = p.organisation_id;
  b.role = p.role;
  b.manner = p.manner;
  b.start_on = p.start_on.iso();
  b.stamp = now_;
  b.source = Nullable(p.source);
  b.end_on = Nullable(p.end_on);
  b.end_reason = Nullable(p.end_reason);
  b.notes = Nullable(p.notes);
  insert(b.statement);
}

void BulkImporter::insert(soci::statement& statement) {
  begin();
  try {
    statement.execute(true);
  } catch (const std::exception& e) {
    rethrow_mapped(e);
  }
  if (++rows_in_transaction_ >= batch_rows_) commit();
}

void BulkImporter::finish() {
  if (copy_) {
    try {
      copy_->finish();
    } catch (const std::exception& e) {
      rethrow_mapped(e);
    }
  }
  // Every body loaded gets its first version (migration 0011), in one statement.
  *sql_ << kFirstVersions;
  commit();
}

}  // namespace jinguo::storage
