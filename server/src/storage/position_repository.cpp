#include "storage/person_columns.h"
#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr const char* kSelectPosition =
    "SELECT ps.id, ps.person_id, ps.organisation_id, ps.role, ps.manner, ps.source, ps.start_on, "
    "ps.end_on, ps.end_reason, ps.notes, pe.name, o.name, o.path, COALESCE(r.label, ps.role), "
    "COALESCE(m.label, ps.manner), s.label";
constexpr const char* kRosterPersonColumns = ", " JINGUO_PERSON_COLUMNS("pe");
constexpr const char* kFromPositions =
    " FROM positions ps JOIN people pe ON pe.id = ps.person_id "
    "JOIN organisations o ON o.id = ps.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = ps.role "
    "LEFT JOIN dictionary_entries m ON m.kind = 'manner' AND m.code = ps.manner "
    "LEFT JOIN dictionary_entries s ON s.kind = 'source' AND s.code = ps.source";
constexpr const char* kWhereId = " WHERE ps.id = :id AND o.path >= :low AND o.path < :high";
constexpr const char* kWherePerson =
    " WHERE ps.person_id = :person_id AND o.path >= :low AND o.path < :high "
    "ORDER BY ps.start_on DESC, ps.id DESC";
constexpr const char* kWhereRoster =
    " WHERE ps.organisation_id = :organisation_id AND ps.start_on <= :on1 "
    "AND (ps.end_on IS NULL OR ps.end_on > :on2) "
    "ORDER BY COALESCE(r.sort_order, 1000000), ps.start_on, ps.id";
constexpr const char* kInsertPosition =
    "INSERT INTO positions (person_id, organisation_id, role, manner, source, start_on, end_on, "
    "end_reason, notes, created_at, updated_at) VALUES (:person_id, :organisation_id, :role, :manner, "
    ":source, :start_on, :end_on, :end_reason, :notes, :created_at, :updated_at) RETURNING id";
constexpr const char* kEndPosition =
    "UPDATE positions SET end_on = :end_on, end_reason = :end_reason, updated_at = :updated_at "
    "WHERE id = :id";

struct Columns {
  long long id = 0, person_id = 0, organisation_id = 0;
  std::string role, manner, start_on, person_name, organisation_name, path, role_label, manner_label;
  Nullable source, end_on, end_reason, notes, source_label;

  void bind(Query& q) {
    q.into(id).into(person_id).into(organisation_id).into(role).into(manner).into(source).into(start_on)
        .into(end_on).into(end_reason).into(notes).into(person_name).into(organisation_name).into(path)
        .into(role_label).into(manner_label).into(source_label);
  }
  PositionRow row() const {
    PositionRow r;
    r.position.id = id;
    r.position.person_id = person_id;
    r.position.organisation_id = organisation_id;
    r.position.role = role;
    r.position.manner = manner;
    r.position.source = source.text();
    r.position.start_on = stored_date(start_on);
    r.position.end_on = end_on.date();
    r.position.end_reason = end_reason.text();
    r.position.notes = notes.text();
    r.person_name = person_name;
    r.organisation_name = organisation_name;
    r.organisation_path = path;
    r.role_label = role_label;
    r.manner_label = manner_label;
    r.source_label = source_label.text();
    return r;
  }
};

}  // namespace

std::optional<PositionRow> PositionRepository::find(const domain::Scope& scope, domain::PositionId id) const {
  Columns c;
  long long key = id;
  std::string low = scope.low(), high = scope.high();
  Query q(tx_.sql());
  c.bind(q);
  q.use(key).use(low).use(high);
  if (!q.run(std::string(kSelectPosition) + kFromPositions + kWhereId)) return std::nullopt;
  return c.row();
}

std::vector<PositionRow> PositionRepository::of_person(const domain::Scope& scope, domain::PersonId person) const {
  std::vector<PositionRow> out;
  Columns c;
  long long key = person;
  std::string low = scope.low(), high = scope.high();
  Query q(tx_.sql());
  c.bind(q);
  q.use(key).use(low).use(high);
  q.open(std::string(kSelectPosition) + kFromPositions + kWherePerson);
  while (q.fetch()) out.push_back(c.row());
  return out;
}

std::vector<RosterRow> PositionRepository::roster(domain::OrganisationId organisation, const Date& on) const {
  std::vector<RosterRow> out;
  Columns c;
  PersonColumns pc;
  long long key = organisation;
  std::string on1 = on.iso(), on2 = on.iso();
  Query q(tx_.sql());
  c.bind(q);
  pc.bind(q);
  q.use(key).use(on1).use(on2);
  q.open(std::string(kSelectPosition) + kRosterPersonColumns + kFromPositions + kWhereRoster);
  while (q.fetch()) {
    RosterRow r{c.row(), pc.person()};
    out.push_back(std::move(r));
  }
  return out;
}

domain::PositionId PositionRepository::insert(const domain::Position& p, const std::string& now) const {
  long long person = p.person_id, organisation = p.organisation_id, id = 0;
  std::string role = p.role, manner = p.manner, start_on = p.start_on.iso(), created = now, updated = now;
  Nullable source(p.source), end_on(p.end_on), end_reason(p.end_reason), notes(p.notes);
  Query q(tx_.sql());
  q.into(id).use(person).use(organisation).use(role).use(manner).use(source).use(start_on).use(end_on)
      .use(end_reason).use(notes).use(created).use(updated);
  q.run(kInsertPosition);
  return id;
}

void PositionRepository::end(domain::PositionId id, const Date& end_on, const std::string& reason,
                             const std::string& now) const {
  std::string end = end_on.iso(), why = reason, updated = now;
  long long key = id;
  Query q(tx_.sql());
  q.use(end).use(why).use(updated).use(key);
  q.run(kEndPosition);
}

}  // namespace jinguo::storage
