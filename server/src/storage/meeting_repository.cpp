#include "storage/meeting_repository.h"

namespace jinguo::storage {

namespace {

constexpr const char* kColumns =
    "SELECT m.id, m.organisation_id, o.name, o.path, m.held_on, m.place, m.attendance, m.notes, m.created_by";
constexpr const char* kFrom = " FROM womens_meetings m JOIN organisations o ON o.id = m.organisation_id";

std::string select_sql(const ReadTx& tx, const std::string& where) {
  return std::string(kColumns) + ", " + iso_timestamp_sql(tx, "m.created_at") + kFrom + where;
}

MeetingRow read_row(const Statement& st) {
  MeetingRow m;
  m.id = st.integer(0);
  m.organisation_id = st.integer(1);
  m.organisation_name = st.string(2);
  m.organisation_path = st.string(3);
  m.held_on = st.date(4);
  m.place = st.string(5);
  m.attendance = static_cast<int>(st.integer(6));
  m.notes = st.nullable_text(7);
  m.created_by = st.string(8);
  m.created_at = st.string(9);
  return m;
}

constexpr const char* kFilingColumns =
    "SELECT f.id, f.meeting_id, m.organisation_id, o.path, m.held_on, f.recipient, f.recipient_name, f.sent_on, "
    "f.reference, f.state, f.answered_on, f.return_reason, f.created_by, ";
constexpr const char* kFilingFrom =
    " FROM filings f JOIN womens_meetings m ON m.id = f.meeting_id JOIN organisations o ON o.id = m.organisation_id";

FilingRow read_filing(const Statement& st) {
  FilingRow f;
  f.id = st.integer(0);
  f.meeting_id = st.integer(1);
  f.organisation_id = st.integer(2);
  f.organisation_path = st.string(3);
  f.held_on = st.date(4);
  f.recipient = domain::selection::recipient_from_code(st.text(5)).value_or(domain::selection::Recipient::kParty);
  f.recipient_name = st.string(6);
  f.sent_on = st.date(7);
  f.reference = st.nullable_text(8);
  f.state = domain::selection::filing_state_from_code(st.text(9)).value_or(domain::selection::FilingState::kSent);
  f.answered_on = st.nullable_date(10);
  f.return_reason = st.nullable_text(11);
  f.created_by = st.string(12);
  f.created_at = st.string(13);
  return f;
}

constexpr const char* kFileColumns =
    "SELECT id, meeting_id, file_name, content_type, size_bytes, sha256, uploaded_by, ";

MeetingFileRow read_file(const Statement& st) {
  return {st.integer(0), st.integer(1), st.string(2), st.string(3), st.integer(4), st.string(5), st.string(7),
          st.string(6)};
}

}  // namespace

std::vector<MeetingFileRow> MeetingQueries::files_of(MeetingId meeting) const {
  Statement st = tx_.prepare(std::string(kFileColumns) + iso_timestamp_sql(tx_, "uploaded_at") +
                             " FROM meeting_files WHERE meeting_id = $1 ORDER BY id");
  st.bind(meeting);
  std::vector<MeetingFileRow> out;
  while (st.step()) out.push_back(read_file(st));
  return out;
}

std::optional<MeetingFileRow> MeetingQueries::file(std::int64_t id) const {
  Statement st = tx_.prepare(std::string(kFileColumns) + iso_timestamp_sql(tx_, "uploaded_at") +
                             " FROM meeting_files WHERE id = $1");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_file(st);
}

std::string MeetingQueries::file_content(std::int64_t id) const {
  Statement st = tx_.prepare("SELECT content FROM meeting_files WHERE id = $1");
  st.bind(id);
  return st.step() ? st.string(0) : std::string();
}

std::int64_t MeetingRepository::insert_file(const MeetingFileRow& f, const std::string& base64_content) const {
  Statement st = tx_.prepare(
      "INSERT INTO meeting_files (meeting_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, "
      "uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
  st.bind(f.meeting_id).bind(f.file_name).bind(f.content_type).bind(f.size).bind(f.sha256).bind(base64_content)
      .bind(f.uploaded_at).bind(f.uploaded_by);
  st.step();
  return st.integer(0);
}

void MeetingRepository::remove_file(std::int64_t id) const {
  Statement st = tx_.prepare("DELETE FROM meeting_files WHERE id = $1");
  st.bind(id);
  st.run();
}

std::vector<FilingRow> MeetingQueries::filings_of(MeetingId meeting) const {
  Statement st = tx_.prepare(std::string(kFilingColumns) + iso_timestamp_sql(tx_, "f.created_at") + kFilingFrom +
                             " WHERE f.meeting_id = $1 ORDER BY f.id");
  st.bind(meeting);
  std::vector<FilingRow> out;
  while (st.step()) out.push_back(read_filing(st));
  return out;
}

std::optional<FilingRow> MeetingQueries::filing(const domain::Scope& scope, std::int64_t id) const {
  Statement st = tx_.prepare(std::string(kFilingColumns) + iso_timestamp_sql(tx_, "f.created_at") + kFilingFrom +
                             " WHERE f.id = $1 AND o.path >= $2 AND o.path < $3");
  st.bind(id).bind(scope.low()).bind(scope.high());
  if (!st.step()) return std::nullopt;
  return read_filing(st);
}

std::vector<UnfiledRow> MeetingQueries::unfiled(const std::string& path) const {
  Statement st = tx_.prepare(
      select_sql(tx_, " WHERE o.path >= $1 AND o.path < $2 AND (SELECT count(*) FROM filings f WHERE f.meeting_id = m.id "
                      "AND f.state = 'acknowledged') < 2 ORDER BY m.held_on, m.id"));
  st.bind(path).bind(path + "~");
  std::vector<UnfiledRow> out;
  while (st.step()) out.push_back({read_row(st), std::nullopt, std::nullopt});
  for (auto& u : out)
    for (const auto& f : filings_of(u.meeting.id)) {
      if (f.state == domain::selection::FilingState::kReturned) continue;
      (f.recipient == domain::selection::Recipient::kParty ? u.party : u.federation_above) = f.state;
    }
  return out;
}

std::optional<MeetingRow> MeetingQueries::find(const domain::Scope& scope, MeetingId id) const {
  std::optional<MeetingRow> out;
  {
    Statement st = tx_.prepare(select_sql(tx_, " WHERE m.id = $1 AND o.path >= $2 AND o.path < $3"));
    st.bind(id).bind(scope.low()).bind(scope.high());
    if (!st.step()) return std::nullopt;
    out = read_row(st);
  }
  Statement st = tx_.prepare(
      "SELECT n.id, n.name, n.role, COALESCE(d.label, n.role), mn.confirmed, mn.position_id FROM meeting_nominees mn "
      "JOIN nominations n ON n.id = mn.nomination_id "
      "LEFT JOIN dictionary_entries d ON d.kind = 'role' AND d.code = n.role "
      "WHERE mn.meeting_id = $1 ORDER BY mn.sort_order");
  st.bind(id);
  while (st.step())
    out->nominees.push_back({st.integer(0), st.string(1), st.string(2), st.string(3), st.integer(4) != 0,
                             st.nullable_integer(5)});
  return out;
}

Page<MeetingRow> MeetingQueries::list(const std::string& path, const PageSpec& page) const {
  Page<MeetingRow> out;
  {
    Statement count = tx_.prepare("SELECT count(*)" + std::string(kFrom) + " WHERE o.path >= $1 AND o.path < $2");
    count.bind(path).bind(path + "~");
    if (count.step()) out.total = count.integer(0);
  }
  Statement st = tx_.prepare(select_sql(tx_, " WHERE o.path >= $1 AND o.path < $2 ORDER BY m.held_on DESC, m.id DESC") +
                             " LIMIT " + std::to_string(page.page_size) + " OFFSET " + std::to_string(page.offset()));
  st.bind(path).bind(path + "~");
  while (st.step()) out.items.push_back(read_row(st));
  return out;
}

std::optional<domain::selection::NominationId> MeetingQueries::nomination_of(domain::PositionId position) const {
  Statement st = tx_.prepare("SELECT nomination_id FROM meeting_nominees WHERE position_id = $1");
  st.bind(position);
  if (!st.step()) return std::nullopt;
  return st.integer(0);
}

MeetingId MeetingRepository::insert(const MeetingRow& m) const {
  Statement st = tx_.prepare(
      "INSERT INTO womens_meetings (organisation_id, held_on, place, attendance, notes, created_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id");
  st.bind(m.organisation_id).bind(m.held_on).bind(m.place).bind(m.attendance).bind(m.notes).bind(m.created_at)
      .bind(m.created_by);
  st.step();
  return st.integer(0);
}

void MeetingRepository::add_nominee(MeetingId meeting, const MeetingNomineeRow& n, int order) const {
  Statement st = tx_.prepare(
      "INSERT INTO meeting_nominees (meeting_id, nomination_id, confirmed, position_id, sort_order) "
      "VALUES ($1, $2, $3, $4, $5)");
  st.bind(meeting).bind(n.nomination_id).bind(n.confirmed ? 1 : 0).bind(n.position_id).bind(order);
  st.run();
}

std::int64_t MeetingRepository::insert_filing(const FilingRow& f) const {
  Statement st = tx_.prepare(
      "INSERT INTO filings (meeting_id, recipient, recipient_name, sent_on, reference, state, created_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5, 'sent', $6, $7) RETURNING id");
  st.bind(f.meeting_id).bind(domain::selection::recipient_code(f.recipient)).bind(f.recipient_name).bind(f.sent_on)
      .bind(f.reference).bind(f.created_at).bind(f.created_by);
  st.step();
  return st.integer(0);
}

void MeetingRepository::answer_filing(std::int64_t id, domain::selection::FilingState state,
                                      const std::optional<domain::Date>& on,
                                      const std::optional<std::string>& reason) const {
  Statement st = tx_.prepare("UPDATE filings SET state = $1, answered_on = $2, return_reason = $3 WHERE id = $4");
  st.bind(domain::selection::filing_state_code(state)).bind(on).bind(reason).bind(id);
  st.run();
}

}  // namespace jinguo::storage
