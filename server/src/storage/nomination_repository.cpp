#include "storage/nomination_repository.h"

#include "storage/query.h"

namespace jinguo::storage {

namespace {

using domain::selection::NominationId;
using domain::selection::Step;

constexpr const char* kSelect =
    "SELECT n.id, n.organisation_id, n.role, n.channel, n.nominated_by, n.person_id, n.name, n.id_number, n.mobile, "
    "n.statement, n.step, n.manner, o.name, o.path, o.type, COALESCE(r.label, n.role), m.label, n.created_by, n.notice_id";
constexpr const char* kFrom =
    " FROM nominations n JOIN organisations o ON o.id = n.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = n.role "
    "LEFT JOIN dictionary_entries m ON m.kind = 'manner' AND m.code = n.manner";
constexpr const char* kCount = "SELECT COUNT(*) FROM nominations n JOIN organisations o ON o.id = n.organisation_id";
constexpr const char* kWhereInScope = " WHERE n.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kSelectSteps =
    "SELECT id, event, from_step, to_step, passed, manner, note, done_by, ";
constexpr const char* kFromSteps = " FROM nomination_steps WHERE nomination_id = $1 ORDER BY id";
constexpr const char* kSelectOpen =
    "SELECT id FROM nominations WHERE organisation_id = $1 AND role = $2 AND id_number = $3 "
    "AND step NOT IN ('filed', 'failed', 'not_confirmed', 'withdrawn')";
constexpr const char* kInsert =
    "INSERT INTO nominations (organisation_id, role, channel, nominated_by, person_id, name, id_number, mobile, "
    "statement, step, manner, created_at, created_by, updated_at, notice_id, receipt_code_hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id";
constexpr const char* kCountPublic =
    "SELECT COUNT(*) FROM nominations WHERE id_number = $1 AND created_at >= $2 AND created_by = $3";
constexpr const char* kAdvance =
    "UPDATE nominations SET step = $1, manner = $2, person_id = $3, updated_at = $4 WHERE id = $5 AND step = $6";
constexpr const char* kInsertStep =
    "INSERT INTO nomination_steps (nomination_id, event, from_step, to_step, passed, manner, note, done_by, done_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

std::string select_sql(const ReadTx& tx) {
  return std::string(kSelect) + ", " + iso_timestamp_sql(tx, "n.created_at") + ", " +
         iso_timestamp_sql(tx, "n.updated_at") + kFrom;
}

NominationRow read_row(const Statement& row) {
  NominationRow r;
  auto& n = r.nomination;
  n.id = row.integer(0);
  n.organisation_id = row.integer(1);
  n.role = row.string(2);
  n.channel = domain::selection::channel_from_code(row.text(3)).value_or(domain::selection::Channel::kSelf);
  n.nominated_by = row.nullable_text(4);
  n.person_id = row.nullable_integer(5);
  n.name = row.string(6);
  n.id_number = row.string(7);
  n.mobile = row.nullable_text(8);
  n.statement = row.nullable_text(9);
  n.step = domain::selection::step_from_code(row.text(10)).value_or(Step::kNominated);
  n.manner = row.nullable_text(11);
  r.organisation_name = row.string(12);
  r.organisation_path = row.string(13);
  r.organisation_type = domain::body_type_from_code(row.string(14)).value_or(domain::BodyType::kCity);
  r.role_label = row.string(15);
  r.manner_label = row.nullable_text(16);
  r.created_by = row.string(17);
  r.notice_id = row.nullable_integer(18);
  r.created_at = row.string(19);
  r.updated_at = row.string(20);
  return r;
}

}  // namespace

std::optional<NominationRow> NominationQueries::find(const domain::Scope& scope, NominationId id) const {
  Statement st = tx_.prepare(select_sql(tx_) + kWhereInScope);
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

Page<NominationRow> NominationQueries::list(const NominationFilter& filter, const PageSpec& page) const {
  Binds b;
  std::string where = " WHERE o.path >= " + b.add(filter.within_path) + " AND o.path < " + b.add(filter.within_path + "~");
  if (filter.step) where += " AND n.step = " + b.add(std::string(domain::selection::step_code(*filter.step)));
  if (filter.notice_id) where += " AND n.notice_id = " + b.add(std::int64_t{*filter.notice_id});
  Page<NominationRow> out;
  {
    Statement count = tx_.prepare(kCount + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  const std::string direction = page.descending ? " DESC" : " ASC";
  const std::string order = (page.sort == "name" ? "n.name" + direction + ", " : std::string()) + "n.id" + direction;
  std::string limit = b.add(std::int64_t{page.page_size}), offset = b.add(std::int64_t{page.offset()});
  Statement rows = tx_.prepare(select_sql(tx_) + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset);
  b.bind(rows);
  while (rows.step()) out.items.push_back(read_row(rows));
  return out;
}

std::vector<NominationStepRow> NominationQueries::steps(NominationId id) const {
  Statement st = tx_.prepare(std::string(kSelectSteps) + iso_timestamp_sql(tx_, "done_at") + kFromSteps);
  st.bind(id);
  std::vector<NominationStepRow> out;
  while (st.step()) {
    NominationStepRow r;
    r.id = st.integer(0);
    r.record.event = domain::selection::event_from_code(st.text(1)).value_or(domain::selection::Event::kAssess);
    r.record.from = domain::selection::step_from_code(st.text(2)).value_or(Step::kNominated);
    r.record.to = domain::selection::step_from_code(st.text(3)).value_or(Step::kNominated);
    if (auto passed = st.nullable_integer(4)) r.record.passed = *passed != 0;
    r.record.manner = st.nullable_text(5);
    r.record.note = st.nullable_text(6);
    r.done_by = st.string(7);
    r.done_at = st.string(8);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<NominationId> NominationQueries::open_nomination(domain::OrganisationId body, const std::string& role,
                                                               const std::string& id_number) const {
  Statement st = tx_.prepare(kSelectOpen);
  st.bind(body).bind(role).bind(id_number);
  if (!st.step()) return std::nullopt;
  return st.integer(0);
}

long long NominationQueries::public_nominations_since(const std::string& id_number, const std::string& since) const {
  Statement st = tx_.prepare(kCountPublic);
  st.bind(id_number).bind(since).bind(kPublicNominator);
  st.step();
  return st.integer(0);
}

std::optional<NominationRow> NominationQueries::find_by_receipt(const std::string& hash) const {
  Statement st = tx_.prepare(select_sql(tx_) + " WHERE n.receipt_code_hash = $1");
  st.bind(hash);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

NominationId NominationRepository::insert(const domain::selection::Nomination& n, const std::string& by,
                                          const std::string& now, std::optional<domain::selection::NoticeId> notice,
                                          std::optional<std::string> receipt_hash) const {
  Statement st = tx_.prepare(kInsert);
  st.bind(n.organisation_id).bind(n.role).bind(domain::selection::channel_code(n.channel)).bind(n.nominated_by)
      .bind(n.person_id).bind(n.name).bind(n.id_number).bind(n.mobile).bind(n.statement)
      .bind(domain::selection::step_code(n.step)).bind(n.manner).bind(now).bind(by).bind(now).bind(notice)
      .bind(receipt_hash);
  st.step();
  return st.integer(0);
}

bool NominationRepository::advance(const domain::selection::Nomination& after, Step from, const std::string& now) const {
  Statement st = tx_.prepare(kAdvance);
  st.bind(domain::selection::step_code(after.step)).bind(after.manner).bind(after.person_id).bind(now).bind(after.id)
      .bind(domain::selection::step_code(from));
  st.run();
  return st.affected_rows() == 1;
}

void NominationRepository::record_step(NominationId id, const domain::selection::StepRecord& r, const std::string& by,
                                       const std::string& now) const {
  std::optional<int> passed;
  if (r.passed) passed = *r.passed ? 1 : 0;
  Statement st = tx_.prepare(kInsertStep);
  st.bind(id).bind(domain::selection::event_code(r.event)).bind(domain::selection::step_code(r.from))
      .bind(domain::selection::step_code(r.to)).bind(passed).bind(r.manner).bind(r.note).bind(by).bind(now);
  st.run();
}

}  // namespace jinguo::storage
