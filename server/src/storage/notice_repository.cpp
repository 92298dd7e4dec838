#include "storage/notice_repository.h"

namespace jinguo::storage {

namespace {

using domain::selection::NoticeId;

constexpr const char* kColumns =
    "SELECT n.id, n.organisation_id, n.coverage, n.title, n.duties, n.conditions, n.how_to_apply, n.contact, "
    "n.deadline, n.state, n.slug, o.name, o.path, o.type, n.created_by, "
    "(SELECT COUNT(*) FROM nominations x WHERE x.notice_id = n.id)";
constexpr const char* kFrom = " FROM recruitment_notices n JOIN organisations o ON o.id = n.organisation_id";
constexpr const char* kCount =
    "SELECT COUNT(*) FROM recruitment_notices n JOIN organisations o ON o.id = n.organisation_id";
constexpr const char* kPlaces =
    "SELECT p.role, COALESCE(r.label, p.role), r.label_en, p.places FROM notice_places p "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = p.role WHERE p.notice_id = $1 "
    "ORDER BY p.sort_order";
constexpr const char* kInsert =
    "INSERT INTO recruitment_notices (organisation_id, coverage, title, duties, conditions, how_to_apply, contact, "
    "deadline, state, created_at, created_by, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE recruitment_notices SET coverage = $1, title = $2, duties = $3, conditions = $4, how_to_apply = $5, "
    "contact = $6, deadline = $7, updated_at = $8 WHERE id = $9";
constexpr const char* kDeletePlaces = "DELETE FROM notice_places WHERE notice_id = $1";
constexpr const char* kInsertPlace =
    "INSERT INTO notice_places (notice_id, role, places, sort_order) VALUES ($1, $2, $3, $4)";
constexpr const char* kDelete = "DELETE FROM recruitment_notices WHERE id = $1";
constexpr const char* kPublish =
    "UPDATE recruitment_notices SET state = 'published', slug = $1, published_at = $2, updated_at = $3 WHERE id = $4";
constexpr const char* kClose =
    "UPDATE recruitment_notices SET state = 'closed', closed_at = $1, updated_at = $2 WHERE id = $3";

std::string select_sql(const ReadTx& tx) {
  return std::string(kColumns) + ", " + iso_timestamp_sql(tx, "n.created_at") + ", " +
         iso_timestamp_sql(tx, "n.updated_at") + ", " + iso_timestamp_sql(tx, "n.published_at") + ", " +
         iso_timestamp_sql(tx, "n.closed_at") + kFrom;
}

NoticeRow read_row(const Statement& st) {
  NoticeRow r;
  auto& n = r.notice;
  n.id = st.integer(0);
  n.organisation_id = st.integer(1);
  auto& f = n.fields;
  f.coverage = domain::selection::coverage_from_code(st.text(2)).value_or(domain::selection::Coverage::kOwn);
  f.title = st.string(3);
  f.duties = st.string(4);
  f.conditions = st.string(5);
  f.how_to_apply = st.string(6);
  f.contact = st.nullable_text(7);
  f.deadline = st.date(8);
  n.state = domain::selection::notice_state_from_code(st.text(9)).value_or(domain::selection::NoticeState::kDraft);
  n.slug = st.nullable_text(10);
  r.organisation_name = st.string(11);
  r.organisation_path = st.string(12);
  r.organisation_type = domain::body_type_from_code(st.string(13)).value_or(domain::BodyType::kCity);
  r.created_by = st.string(14);
  r.nominations = st.integer(15);
  r.created_at = st.string(16);
  r.updated_at = st.string(17);
  r.published_at = st.nullable_text(18);
  r.closed_at = st.nullable_text(19);
  return r;
}

}  // namespace

std::vector<NoticeRow> NoticeQueries::rows(const std::string& where, const Binds& binds) const {
  std::vector<NoticeRow> out;
  {
    Statement st = tx_.prepare(select_sql(tx_) + where);
    binds.bind(st);
    while (st.step()) out.push_back(read_row(st));
  }
  for (auto& r : out) {
    Statement st = tx_.prepare(kPlaces);
    st.bind(r.notice.id);
    while (st.step()) {
      NoticePlaceRow p{st.string(0), st.string(1), st.nullable_text(2), static_cast<int>(st.integer(3))};
      r.notice.fields.places.push_back({p.role, p.places});
      r.places.push_back(std::move(p));
    }
  }
  return out;
}

std::optional<NoticeRow> NoticeQueries::find(const domain::Scope& scope, NoticeId id) const {
  Binds b;
  std::string where = " WHERE n.id = " + b.add(std::int64_t{id}) + " AND o.path >= " + b.add(scope.low()) +
                      " AND o.path < " + b.add(scope.high());
  auto found = rows(where, b);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<NoticeRow> NoticeQueries::find_by_slug(const std::string& slug) const {
  Binds b;
  auto found = rows(" WHERE n.slug = " + b.add(slug) + " AND n.state <> 'draft'", b);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

Page<NoticeRow> NoticeQueries::list(const NoticeFilter& filter, const PageSpec& page) const {
  Binds b;
  std::string where = " WHERE o.path >= " + b.add(filter.within_path) + " AND o.path < " + b.add(filter.within_path + "~");
  if (filter.state) where += " AND n.state = " + b.add(std::string(domain::selection::notice_state_code(*filter.state)));
  Page<NoticeRow> out;
  {
    Statement count = tx_.prepare(kCount + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  where += " ORDER BY n.id DESC LIMIT " + b.add(std::int64_t{page.page_size}) + " OFFSET " +
           b.add(std::int64_t{page.offset()});
  out.items = rows(where, b);
  return out;
}

NoticeId NoticeRepository::insert(const domain::selection::Notice& n, const std::string& by,
                                  const std::string& now) const {
  const auto& f = n.fields;
  NoticeId id = 0;
  {
    Statement st = tx_.prepare(kInsert);
    st.bind(n.organisation_id).bind(domain::selection::coverage_code(f.coverage)).bind(f.title).bind(f.duties)
        .bind(f.conditions).bind(f.how_to_apply).bind(f.contact).bind(f.deadline).bind(now).bind(by).bind(now);
    st.step();
    id = st.integer(0);
  }
  domain::selection::Notice stored = n;
  stored.id = id;
  write_places(stored);
  return id;
}

void NoticeRepository::update(const domain::selection::Notice& n, const std::string& now) const {
  const auto& f = n.fields;
  {
    Statement st = tx_.prepare(kUpdate);
    st.bind(domain::selection::coverage_code(f.coverage)).bind(f.title).bind(f.duties).bind(f.conditions)
        .bind(f.how_to_apply).bind(f.contact).bind(f.deadline).bind(now).bind(n.id);
    st.run();
  }
  write_places(n);
}

void NoticeRepository::write_places(const domain::selection::Notice& n) const {
  {
    Statement st = tx_.prepare(kDeletePlaces);
    st.bind(n.id);
    st.run();
  }
  int order = 0;
  for (const auto& p : n.fields.places) {
    Statement st = tx_.prepare(kInsertPlace);
    st.bind(n.id).bind(p.role).bind(p.places).bind(order++);
    st.run();
  }
}

void NoticeRepository::remove(NoticeId id) const {
  for (const char* sql : {kDeletePlaces, kDelete}) {
    Statement st = tx_.prepare(sql);
    st.bind(id);
    st.run();
  }
}

void NoticeRepository::publish(NoticeId id, const std::string& slug, const std::string& now) const {
  Statement st = tx_.prepare(kPublish);
  st.bind(slug).bind(now).bind(now).bind(id);
  st.run();
}

void NoticeRepository::close(NoticeId id, const std::string& now) const {
  Statement st = tx_.prepare(kClose);
  st.bind(now).bind(now).bind(id);
  st.run();
}

}  // namespace jinguo::storage
