#include "storage/form_queries.h"

#include "storage/held_index.h"
#include "storage/query.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr const char* kLatestLayouts =
    "SELECT f.form, f.version, f.definition FROM form_layouts f "
    "WHERE f.version = (SELECT MAX(l.version) FROM form_layouts l WHERE l.form = f.form) ORDER BY f.form";
constexpr const char* kLatestLayout =
    "SELECT form, version, definition FROM form_layouts WHERE form = $1 ORDER BY version DESC LIMIT 1";
constexpr const char* kLayoutVersion = "SELECT form, version, definition FROM form_layouts WHERE form = $1 AND version = $2";

constexpr const char* kLevelTypes = "('street','township','community','village','village_congress')";
constexpr const char* kDistrictTypes = "('district','county','county_city')";

// Held on D: started on or before it, not ended by it ($5 $6 D), in a body whose version on D
// lies in the subtree and has a type of the form's rows.
constexpr const char* kHeldFrom =
    " FROM organisation_versions v JOIN positions ps ON ps.organisation_id = v.organisation_id "
    "JOIN people p ON p.id = ps.person_id "
    "WHERE v.path >= $1 AND v.path < $2 AND v.valid_from <= $3 AND (v.valid_to IS NULL OR v.valid_to > $4) "
    "AND ps.start_on <= $5 AND (ps.end_on IS NULL OR ps.end_on > $6) AND v.type IN ";
constexpr const char* kHeldColumns =
    "SELECT ps.organisation_id, ps.person_id, v.type, ps.role, ps.manner, COALESCE(ps.source, ''), p.birth_date, "
    "COALESCE(p.education, ''), COALESCE(p.political_status, ''), COALESCE(p.ethnicity, '')";
constexpr const char* kByType = " ORDER BY v.type, ps.person_id";
constexpr const char* kByBody = " ORDER BY ps.organisation_id, ps.person_id";
constexpr const char* kByPerson = " ORDER BY ps.person_id, v.path, ps.id";

// Open on D ($5 $6): established by then, not closed.
constexpr const char* kOpenBodiesFrom =
    " FROM organisation_versions v JOIN organisations o ON o.id = v.organisation_id "
    "WHERE v.path >= $1 AND v.path < $2 AND v.valid_from <= $3 AND (v.valid_to IS NULL OR v.valid_to > $4) "
    "AND (o.established_on IS NULL OR o.established_on <= $5) AND (o.closed_on IS NULL OR o.closed_on > $6) "
    "AND v.type IN ";
constexpr const char* kLevelCounts = "SELECT v.type, COUNT(*)";
constexpr const char* kBodies = "SELECT v.organisation_id, v.type, v.name";

constexpr const char* kCommittee =
    "SELECT v.organisation_id, v.name, p.id, p.name, p.sex, p.birth_date, p.ethnicity, p.political_status, "
    "p.education, p.work_unit, p.job_title, p.mobile, ps.role, ps.manner"
    " FROM organisation_versions v JOIN positions ps ON ps.organisation_id = v.organisation_id "
    "JOIN people p ON p.id = ps.person_id "
    "WHERE v.path >= $1 AND v.path < $2 AND v.valid_from <= $3 AND (v.valid_to IS NULL OR v.valid_to > $4) "
    "AND ps.start_on <= $5 AND (ps.end_on IS NULL OR ps.end_on > $6) "
    "AND v.type IN ('district','county','county_city') "
    "AND (ps.role IN ('standing','executive') OR (ps.role = 'vice_chair' AND ps.manner = 'part_time')) "
    "ORDER BY v.path, p.id, ps.id";

std::string types_of(FormBodies kind) { return kind == FormBodies::kLevels ? kLevelTypes : kDistrictTypes; }

domain::BodyType type_of(std::string_view code) {
  return domain::body_type_from_code(code).value_or(domain::BodyType::kCity);
}

// A statement over the subtree of the body at `path` today as it stood on `on`: binds the
// range of its root's path on that day, then `on` four times ($3 to $6).
Statement subtree_statement(const ReadTx& tx, const std::string& text, const std::string& path, const Date& on) {
  const std::string root = subtree_path_on(tx, path, on);
  Statement row = tx.prepare(text);
  row.bind(root).bind(root + "~").bind(on).bind(on).bind(on).bind(on);
  return row;
}

domain::forms::Held held_of(const Statement& row) {
  domain::forms::Held h;
  h.organisation_id = row.integer(0);
  h.person_id = row.integer(1);
  h.body_type = row.text(2);
  h.role = row.text(3);
  h.manner = row.text(4);
  h.source = row.text(5);
  h.birth_date = row.date(6);
  h.education = row.text(7);
  h.political_status = row.text(8);
  h.ethnicity = row.text(9);
  return h;
}

std::optional<FormLayoutRow> one_layout(Statement& row) {
  if (!row.step()) return std::nullopt;
  return FormLayoutRow{static_cast<int>(row.integer(0)), static_cast<int>(row.integer(1)), row.string(2)};
}

}  // namespace

std::vector<FormLayoutRow> FormQueries::latest_layouts() const {
  std::vector<FormLayoutRow> out;
  Statement row = tx_.prepare(kLatestLayouts);
  while (row.step()) out.push_back({static_cast<int>(row.integer(0)), static_cast<int>(row.integer(1)), row.string(2)});
  return out;
}

std::optional<FormLayoutRow> FormQueries::layout(int form, std::optional<int> version) const {
  if (version) {
    Statement row = tx_.prepare(kLayoutVersion);
    row.bind(form).bind(*version);
    return one_layout(row);
  }
  Statement row = tx_.prepare(kLatestLayout);
  row.bind(form);
  return one_layout(row);
}

void FormQueries::each_held(const std::string& path, const Date& on, FormBodies kind,
                            const std::function<void(const domain::forms::Held&)>& visit) const {
  if (index_) return index_->view(tx_).each_held(path, on, kind, visit);
  Statement row = subtree_statement(tx_, std::string(kHeldColumns) + kHeldFrom + types_of(kind) +
                                          (kind == FormBodies::kLevels ? kByType : kByBody),
                                 path, on);
  while (row.step()) visit(held_of(row));
}

void FormQueries::each_held_facts(const std::string& path, const Date& on, FormBodies kind,
                                  domain::forms::CodeBook& codes,
                                  const std::function<void(const domain::forms::HeldFacts&)>& visit) const {
  if (index_) return index_->view(tx_).each_held_facts(path, on, kind, codes, visit);
  each_held(path, on, kind, [&](const domain::forms::Held& h) {
    visit({h.body_type, h.organisation_id, h.person_id, codes.facts(h)});
  });
}

void FormQueries::each_held_named(const std::string& path, const Date& on, FormBodies kind,
                                  const std::function<void(const HeldNamed&)>& visit) const {
  Statement row =
      subtree_statement(tx_, std::string(kHeldColumns) + ", p.name, v.name" + kHeldFrom + types_of(kind) + kByPerson, path, on);
  while (row.step()) visit({held_of(row), row.text(10), row.text(11)});
}

std::vector<BodyTypeCount> FormQueries::level_counts(const std::string& path, const Date& on) const {
  if (index_) return index_->view(tx_).level_counts(path, on);
  std::vector<BodyTypeCount> out;
  Statement row = subtree_statement(tx_, std::string(kLevelCounts) + kOpenBodiesFrom + kLevelTypes + " GROUP BY v.type",
                                    path, on);
  while (row.step()) out.push_back({type_of(row.text(0)), row.integer(1)});
  return out;
}

std::vector<FormBody> FormQueries::bodies(const std::string& path, const Date& on, FormBodies kind) const {
  if (index_) return index_->view(tx_).bodies(path, on, kind);
  std::vector<FormBody> out;
  Statement row = subtree_statement(tx_, std::string(kBodies) + kOpenBodiesFrom + types_of(kind) + " ORDER BY v.path",
                                    path, on);
  while (row.step()) out.push_back({row.integer(0), type_of(row.text(1)), row.string(2)});
  return out;
}

std::vector<CommitteeRow> FormQueries::committee(const std::string& path, const Date& on) const {
  std::vector<CommitteeRow> out;
  Statement row = subtree_statement(tx_, kCommittee, path, on);
  while (row.step()) {
    CommitteeRow r;
    r.organisation_id = row.integer(0);
    r.organisation_name = row.string(1);
    r.person_id = row.integer(2);
    r.name = row.string(3);
    r.sex = row.string(4);
    r.birth_date = row.date(5);
    r.ethnicity = row.nullable_text(6);
    r.political_status = row.nullable_text(7);
    r.education = row.nullable_text(8);
    r.work_unit = row.nullable_text(9);
    r.job_title = row.nullable_text(10);
    r.mobile = row.nullable_text(11);
    r.role = row.string(12);
    r.manner = row.string(13);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace jinguo::storage
