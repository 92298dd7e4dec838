#include "storage/bulk_importer.h"

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

BulkImporter::BulkImporter(Database& db, std::size_t batch_rows)
    : db_(db), backend_(db.backend()), batch_rows_(batch_rows), sql_(db.dedicated_session()),
      now_(domain::utc_timestamp_now()) {}

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
  ++organisation_count_;
}

void BulkImporter::add(const domain::Person& p) {
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
  ++person_count_;
}

void BulkImporter::add(const domain::Position& p) {
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
  ++position_count_;
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
  commit();
  if (backend_ == Backend::kPostgresql)
    for (const char* reset : kResetSequences) *sql_ << reset;
}

}  // namespace jinguo::storage
