#include "storage/import_repository.h"

#include <algorithm>
#include <stdexcept>

namespace jinguo::storage {

namespace {

constexpr const char* kSelectJob =
    "SELECT i.id, i.account_id, i.organisation_id, o.name, i.kind, i.state, i.file_name, i.size, i.sha256, "
    "i.progress_done, i.progress_total, i.report, i.error_code, i.error_message, i.error_message_en";
constexpr const char* kFromJob = " FROM imports i JOIN organisations o ON o.id = i.organisation_id";
constexpr const char* kInsertJob =
    "INSERT INTO imports (account_id, organisation_id, kind, state, file_name, size, sha256, content, created_at, "
    "updated_at) VALUES ($1, $2, $3, 'checking', $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kSelectContent = "SELECT content FROM imports WHERE id = $1";
constexpr const char* kSetProgress =
    "UPDATE imports SET progress_done = $1, progress_total = CASE WHEN $2 > 0 THEN $2 ELSE progress_total END, "
    "updated_at = $3 WHERE id = $4 AND state IN ('checking', 'committing')";
constexpr const char* kTouch =
    "UPDATE imports SET updated_at = $1 WHERE id = $2 AND state IN ('checking', 'committing')";
constexpr const char* kFinish =
    "UPDATE imports SET state = $1, report = COALESCE($2, report), error_code = $3, error_message = $4, "
    "error_message_en = $5, content = CASE WHEN $6 = 1 THEN NULL ELSE content END, updated_at = $7 WHERE id = $8";
constexpr const char* kBeginCommit =
    "UPDATE imports SET state = 'committing', progress_done = 0, error_code = NULL, error_message = NULL, "
    "error_message_en = NULL, updated_at = $1 WHERE id = $2 AND state IN ('checked', 'refused')";
constexpr const char* kFailStale =
    "UPDATE imports SET state = 'failed', error_code = $1, error_message = $2, error_message_en = $3, updated_at = $4 "
    "WHERE state IN ('checking', 'committing') AND updated_at < $5";
constexpr const char* kFailStaleOfAccount =
    "UPDATE imports SET state = 'failed', error_code = $1, error_message = $2, error_message_en = $3, updated_at = $4 "
    "WHERE state IN ('checking', 'committing') AND updated_at < $5 AND account_id = $6";
constexpr const char* kDeleteRows = "DELETE FROM import_rows WHERE import_id = $1";
constexpr const char* kDeleteJob = "DELETE FROM imports WHERE id = $1";
constexpr const char* kDeleteOldRows =
    "DELETE FROM import_rows WHERE import_id IN (SELECT id FROM imports WHERE created_at < $1)";
constexpr const char* kDeleteOldJobs = "DELETE FROM imports WHERE created_at < $1";
constexpr const char* kInsertRows = "INSERT INTO import_rows (import_id, row, outcome, detail) VALUES ";
constexpr const char* kSelectRows = "SELECT row, outcome, detail FROM import_rows WHERE import_id = $1";
constexpr const char* kCountRows = "SELECT COUNT(*) FROM import_rows WHERE import_id = $1";
constexpr std::size_t kRowsPerInsert = 200;  // 800 parameters a statement

constexpr const char* kInsertPeople =
    "INSERT INTO people (name, id_number, birth_date, sex, ethnicity, political_status, education, work_unit, "
    "job_title, mobile, office_phone, notes, registered_in, created_at, updated_at) VALUES ";
constexpr int kPersonColumns = 15;
constexpr const char* kReturningPeople = " RETURNING id, id_number";
constexpr const char* kInsertPositions =
    "INSERT INTO positions (person_id, organisation_id, role, manner, source, start_on, end_on, end_reason, notes, "
    "created_at, updated_at) VALUES ";
constexpr int kPositionColumns = 11;
constexpr const char* kReturningPositions = " RETURNING id, person_id, organisation_id, role, start_on";

// INSERT ... VALUES ($1, ..., $n), ($n+1, ...) ... for `count` rows of `columns` values.
std::string values_sql(const char* insert, std::size_t count, int columns, const char* returning) {
  std::string sql = insert;
  sql.reserve(sql.size() + count * static_cast<std::size_t>(columns) * 7 + 64);
  std::size_t p = 0;
  for (std::size_t i = 0; i < count; ++i) {
    sql += i ? ", (" : "(";
    for (int c = 0; c < columns; ++c) {
      if (c) sql += ", ";
      sql += "$" + std::to_string(++p);
    }
    sql += ")";
  }
  return sql + returning;
}

// A full batch is prepared once per connection and kept; a shorter one (the last) is not.
Statement batch_statement(const ReadTx& tx, const char* insert, std::size_t count, int columns,
                          const char* returning, const std::string& full_batch) {
  if (count == RegistryInserts::kRowsPerInsert) return tx.prepare(full_batch);
  return tx.prepare(values_sql(insert, count, columns, returning), Keep::kNo);
}

std::string position_key(std::int64_t person, std::int64_t body, std::string_view role, std::string_view start_on) {
  std::string key = std::to_string(person) + "|" + std::to_string(body) + "|";
  key += role;
  key += "|";
  key += start_on;
  return key;
}

std::string select_job(const ReadTx& tx) {
  return std::string(kSelectJob) + ", " + iso_timestamp_sql(tx, "i.created_at") + ", " +
         iso_timestamp_sql(tx, "i.updated_at") + kFromJob;
}

ImportJobRecord read_job(const Statement& row) {
  ImportJobRecord r;
  r.id = row.integer(0);
  r.account_id = row.integer(1);
  r.organisation_id = row.integer(2);
  r.organisation_name = row.string(3);
  r.kind = row.string(4);
  r.state = row.string(5);
  r.file_name = row.string(6);
  r.size = row.integer(7);
  r.sha256 = row.string(8);
  r.progress_done = static_cast<int>(row.integer(9));
  r.progress_total = static_cast<int>(row.integer(10));
  r.report = row.nullable_text(11);
  r.error_code = row.nullable_text(12);
  r.error_message = row.nullable_text(13);
  r.error_message_en = row.nullable_text(14);
  r.created_at = row.string(15);
  r.updated_at = row.string(16);
  return r;
}

// INSERT ... VALUES ($1, $2, $3, $4), ($5, ...) for `count` rows.
std::string insert_rows_sql(std::size_t count) {
  std::string sql = kInsertRows;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t p = i * 4;
    sql += (i ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" +
           std::to_string(p + 3) + ", $" + std::to_string(p + 4) + ")";
  }
  return sql;
}

}  // namespace

std::int64_t ImportRepository::insert(const NewImportJob& job, const std::string& now) const {
  Statement st = tx_.prepare(kInsertJob);
  st.bind(job.account_id).bind(job.organisation_id).bind(job.kind).bind(job.file_name).bind(job.size)
      .bind(job.sha256).bind(job.content).bind(now).bind(now);
  st.step();
  return st.integer(0);
}

std::optional<ImportJobRecord> ImportRepository::find(std::int64_t id, std::int64_t account_id) const {
  Statement row = tx_.prepare(select_job(tx_) + " WHERE i.id = $1 AND i.account_id = $2");
  row.bind(id).bind(account_id);
  if (!row.step()) return std::nullopt;
  return read_job(row);
}

std::vector<ImportJobRecord> ImportRepository::of_account(std::int64_t account_id, const std::string& since) const {
  Statement row =
      tx_.prepare(select_job(tx_) + " WHERE i.account_id = $1 AND i.created_at >= $2 ORDER BY i.created_at DESC, i.id DESC");
  row.bind(account_id).bind(since);
  std::vector<ImportJobRecord> out;
  while (row.step()) out.push_back(read_job(row));
  return out;
}

std::optional<std::string> ImportRepository::content(std::int64_t id) const {
  Statement row = tx_.prepare(kSelectContent);
  row.bind(id);
  if (!row.step()) return std::nullopt;
  return row.nullable_text(0);
}

void ImportRepository::set_progress(std::int64_t id, int done, int total, const std::string& now) const {
  tx_.prepare(kSetProgress).bind(done).bind(total).bind(now).bind(id).run();
}

void ImportRepository::touch(std::int64_t id, const std::string& now) const {
  tx_.prepare(kTouch).bind(now).bind(id).run();
}

void ImportRepository::finish(std::int64_t id, const ImportJobEnd& end, const std::string& now) const {
  tx_.prepare(kFinish)
      .bind(end.state)
      .bind(end.report)
      .bind(end.error_code)
      .bind(end.error_message)
      .bind(end.error_message_en)
      .bind(end.drop_content ? 1 : 0)
      .bind(now)
      .bind(id)
      .run();
}

bool ImportRepository::begin_commit(std::int64_t id, const std::string& now) const {
  Statement st = tx_.prepare(kBeginCommit);
  st.bind(now).bind(id);
  st.run();
  return st.affected_rows() == 1;
}

long long ImportRepository::fail_stale(std::optional<std::int64_t> account_id, const std::string& cutoff,
                                       const std::string& code, const std::string& message,
                                       const std::string& message_en, const std::string& now) const {
  Statement st = tx_.prepare(account_id ? kFailStaleOfAccount : kFailStale);
  st.bind(code).bind(message).bind(message_en).bind(now).bind(cutoff);
  if (account_id) st.bind(*account_id);
  st.run();
  return st.affected_rows();
}

void ImportRepository::remove(std::int64_t id) const {
  tx_.prepare(kDeleteRows).bind(id).run();
  tx_.prepare(kDeleteJob).bind(id).run();
}

long long ImportRepository::remove_created_before(const std::string& cutoff) const {
  tx_.prepare(kDeleteOldRows).bind(cutoff).run();
  Statement st = tx_.prepare(kDeleteOldJobs);
  st.bind(cutoff);
  st.run();
  return st.affected_rows();
}

void ImportRepository::replace_rows(std::int64_t id, const std::vector<ImportRowRecord>& rows) const {
  tx_.prepare(kDeleteRows).bind(id).run();
  static const std::string full_batch = insert_rows_sql(kRowsPerInsert);
  for (std::size_t first = 0; first < rows.size(); first += kRowsPerInsert) {
    const std::size_t count = std::min(kRowsPerInsert, rows.size() - first);
    // A full batch is prepared once per connection and kept; the last, shorter one is not.
    Statement st = count == kRowsPerInsert ? tx_.prepare(full_batch) : tx_.prepare(insert_rows_sql(count), Keep::kNo);
    for (std::size_t i = first; i < first + count; ++i)
      st.bind(id).bind(rows[i].row).bind(rows[i].outcome).bind(rows[i].detail);
    st.run();
  }
}

namespace {

// Lookups by key, 500 keys to a statement: `select` ends in "IN " and gets the placeholders.
constexpr std::size_t kKeysPerQuery = 500;
std::string in_keys_sql(std::string select) {
  select += "(";
  for (std::size_t i = 1; i <= kKeysPerQuery; ++i) select += (i > 1 ? ", $" : "$") + std::to_string(i);
  return select + ")";
}

// Runs `sql` (from in_keys_sql) once per 500 keys, calling f on each row. A shorter last
// chunk repeats its last key: the text (and the kept statement) stays one.
template <class Key, class F>
void each_by_keys(const ReadTx& tx, const std::string& sql, const std::vector<Key>& keys, F&& f) {
  for (std::size_t first = 0; first < keys.size(); first += kKeysPerQuery) {
    const std::size_t count = std::min(kKeysPerQuery, keys.size() - first);
    Statement st = tx.prepare(sql);
    for (std::size_t i = 0; i < kKeysPerQuery; ++i) st.bind(keys[first + std::min(i, count - 1)]);
    while (st.step()) f(st);
  }
}

}  // namespace

std::unordered_map<std::string, domain::PersonId> ImportRepository::people_by_id_number(
    const std::vector<std::string_view>& id_numbers) const {
  static const std::string sql = in_keys_sql("SELECT id, id_number FROM people WHERE id_number IN ");
  std::unordered_map<std::string, domain::PersonId> out;
  each_by_keys(tx_, sql, id_numbers,
               [&](const Statement& st) { out.insert_or_assign(std::string(st.text(1)), st.integer(0)); });
  return out;
}

std::unordered_map<domain::PersonId, std::vector<HeldBefore>> ImportRepository::positions_of_people(
    const std::vector<domain::PersonId>& people) const {
  static const std::string sql =
      in_keys_sql(
      "SELECT person_id, organisation_id, role, end_on, id, manner, source, start_on FROM positions WHERE person_id IN ");
  std::unordered_map<domain::PersonId, std::vector<HeldBefore>> out;
  each_by_keys(tx_, sql, people, [&](const Statement& st) {
    HeldBefore h{st.integer(1), st.string(2), std::nullopt, st.integer(4), st.string(5), std::nullopt, st.date(7)};
    if (!st.is_null(3)) h.end_on = st.date(3);
    if (!st.is_null(6)) h.source = st.string(6);
    out[st.integer(0)].push_back(std::move(h));
  });
  return out;
}

std::unordered_map<std::string, domain::PersonId> RegistryInserts::insert_people(
    const std::vector<domain::Person>& people, std::optional<domain::OrganisationId> registered_in,
    const std::string& now) const {
  static const std::string full_batch = values_sql(kInsertPeople, kRowsPerInsert, kPersonColumns, kReturningPeople);
  std::unordered_map<std::string, domain::PersonId> ids;
  ids.reserve(people.size());
  for (std::size_t first = 0; first < people.size(); first += kRowsPerInsert) {
    const std::size_t count = std::min(kRowsPerInsert, people.size() - first);
    Statement st = batch_statement(tx_, kInsertPeople, count, kPersonColumns, kReturningPeople, full_batch);
    for (std::size_t i = first; i < first + count; ++i) {
      const domain::Person& p = people[i];
      st.bind(p.name).bind(p.id_number).bind(p.birth_date).bind(domain::sex_code(p.sex)).bind(p.ethnicity)
          .bind(p.political_status).bind(p.education).bind(p.work_unit).bind(p.job_title).bind(p.mobile)
          .bind(p.office_phone).bind(p.notes);
      if (registered_in) st.bind(static_cast<std::int64_t>(*registered_in));
      else st.bind_null();
      st.bind(now).bind(now);
    }
    std::size_t returned = 0;
    while (st.step()) {
      ids.insert_or_assign(std::string(st.text(1)), st.integer(0));
      ++returned;
    }
    if (returned != count) throw std::runtime_error("INSERT INTO people returned fewer ids than rows");
  }
  if (ids.size() != people.size()) throw std::runtime_error("INSERT INTO people: an ID number twice in one batch");
  return ids;
}

std::vector<domain::PositionId> RegistryInserts::insert_positions(const std::vector<domain::Position>& positions,
                                                                  const std::string& now) const {
  static const std::string full_batch =
      values_sql(kInsertPositions, kRowsPerInsert, kPositionColumns, kReturningPositions);
  std::vector<domain::PositionId> out;
  out.reserve(positions.size());
  std::unordered_map<std::string, domain::PositionId> ids;
  for (std::size_t first = 0; first < positions.size(); first += kRowsPerInsert) {
    const std::size_t count = std::min(kRowsPerInsert, positions.size() - first);
    Statement st = batch_statement(tx_, kInsertPositions, count, kPositionColumns, kReturningPositions, full_batch);
    for (std::size_t i = first; i < first + count; ++i) {
      const domain::Position& p = positions[i];
      st.bind(static_cast<std::int64_t>(p.person_id)).bind(static_cast<std::int64_t>(p.organisation_id)).bind(p.role)
          .bind(p.manner).bind(p.source).bind(p.start_on).bind(p.end_on).bind(p.end_reason).bind(p.notes).bind(now)
          .bind(now);
    }
    ids.clear();
    while (st.step())
      ids.emplace(position_key(st.integer(1), st.integer(2), st.text(3), st.date(4).iso()), st.integer(0));
    for (std::size_t i = first; i < first + count; ++i) {
      const domain::Position& p = positions[i];
      auto found = ids.find(position_key(p.person_id, p.organisation_id, p.role, p.start_on.iso()));
      if (found == ids.end()) throw std::runtime_error("INSERT INTO positions: a new position's id was not returned");
      out.push_back(found->second);
      ids.erase(found);  // two equal keys in one batch would leave the second without an id
    }
  }
  return out;
}

Page<ImportRowRecord> ImportRepository::rows(std::int64_t id, const std::optional<std::string>& outcome,
                                             const PageSpec& page) const {
  const std::string where = outcome ? " AND outcome = $2" : "";
  Page<ImportRowRecord> out;
  {
    Statement count = tx_.prepare(kCountRows + where);
    count.bind(id);
    if (outcome) count.bind(*outcome);
    count.step();
    out.total = count.integer(0);
  }
  const std::string limit = outcome ? " LIMIT $3 OFFSET $4" : " LIMIT $2 OFFSET $3";
  Statement row = tx_.prepare(kSelectRows + where + " ORDER BY row" + limit);
  row.bind(id);
  if (outcome) row.bind(*outcome);
  row.bind(page.page_size).bind(page.offset());
  while (row.step()) out.items.push_back({row.integer(0), row.string(1), row.string(2)});
  return out;
}

std::vector<ImportRowRecord> ImportRepository::all_rows(std::int64_t id) const {
  Statement row = tx_.prepare(kSelectRows + std::string(" ORDER BY row"));
  row.bind(id);
  std::vector<ImportRowRecord> out;
  while (row.step()) out.push_back({row.integer(0), row.string(1), row.string(2)});
  return out;
}

}  // namespace jinguo::storage
