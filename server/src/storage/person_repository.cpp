#include "storage/person_columns.h"
#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;
using domain::PersonId;

constexpr const char* kSelectPerson = "SELECT " JINGUO_PERSON_COLUMNS("p") " FROM people p";
constexpr const char* kCountPeople = "SELECT COUNT(*) FROM people p";
constexpr const char* kSelectIdByIdNumber = "SELECT id FROM people WHERE id_number = $1";
constexpr const char* kCurrentPositions =
    "SELECT ps.person_id, ps.organisation_id, o.name, COALESCE(r.label, ps.role) FROM positions ps "
    "JOIN organisations o ON o.id = ps.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = ps.role "
    "WHERE ps.start_on <= :on1 AND (ps.end_on IS NULL OR ps.end_on > :on2) "
    "AND o.path >= :low AND o.path < :high AND ps.person_id IN ";
constexpr const char* kCurrentPositionsOrder = " ORDER BY ps.person_id, r.sort_order, ps.start_on";
constexpr const char* kInsertPerson =
    "INSERT INTO people (name, id_number, birth_date, sex, ethnicity, political_status, education, "
    "work_unit, job_title, mobile, office_phone, notes, registered_in, created_at, updated_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
constexpr const char* kUpdatePerson =
    "UPDATE people SET name = :name, id_number = :id_number, birth_date = :birth_date, sex = :sex, "
    "ethnicity = :ethnicity, political_status = :political_status, education = :education, "
    "work_unit = :work_unit, job_title = :job_title, mobile = :mobile, office_phone = :office_phone, "
    "notes = :notes, updated_at = :updated_at WHERE id = :id";

// The clauses of a people query, their parameters added to `b`.
std::string name_or_id_number(Binds& b, const std::string& text) {
  return "(p.name LIKE " + b.add("%" + escape_like(text) + "%") + " ESCAPE '\\' OR p.id_number LIKE " +
         b.add(escape_like(text) + "%") + ")";
}
std::string holds_position_in(Binds& b, const std::string& path, const Date& on) {
  std::string day = b.add(on.iso());
  return "EXISTS (SELECT 1 FROM positions ps JOIN organisations o ON o.id = ps.organisation_id "
         "WHERE ps.person_id = p.id AND ps.start_on <= " + day + " AND (ps.end_on IS NULL OR ps.end_on > " + day +
         ") AND o.path >= " + b.add(path) + " AND o.path < " + b.add(path + "~") + ")";
}
// The scope of people: a position (past or present) in the subtree, or registered there.
std::string visible_in(Binds& b, const domain::Scope& scope) {
  std::string low = b.add(scope.low()), high = b.add(scope.high());
  return "(EXISTS (SELECT 1 FROM positions vs JOIN organisations vo ON vo.id = vs.organisation_id "
         "WHERE vs.person_id = p.id AND vo.path >= " + low + " AND vo.path < " + high + ") "
         "OR EXISTS (SELECT 1 FROM organisations ro WHERE ro.id = p.registered_in "
         "AND ro.path >= " + low + " AND ro.path < " + high + "))";
}

// The writable columns of a person, in the order of kInsertPerson / kUpdatePerson.
struct Values {
  std::string name, id_number, birth_date, sex;
  Nullable ethnicity, political_status, education, work_unit, job_title, mobile, office_phone, notes;
  explicit Values(const domain::Person& p)
      : name(p.name), id_number(p.id_number), birth_date(p.birth_date.iso()), sex(domain::sex_code(p.sex)),
        ethnicity(p.ethnicity), political_status(p.political_status), education(p.education),
        work_unit(p.work_unit), job_title(p.job_title), mobile(p.mobile), office_phone(p.office_phone),
        notes(p.notes) {}
  void bind(Query& q) {
    q.use(name).use(id_number).use(birth_date).use(sex).use(ethnicity).use(political_status)
        .use(education).use(work_unit).use(job_title).use(mobile).use(office_phone).use(notes);
  }
};

}  // namespace

std::optional<domain::Person> PersonRepository::find(const domain::Scope& scope, PersonId id) const {
  Binds b;
  std::string sql = std::string(kSelectPerson) + " WHERE p.id = " + b.add(id);
  if (!scope.is_whole_tree()) sql += " AND " + visible_in(b, scope);
  Statement row = tx_.prepare(sql);
  b.bind(row);
  if (!row.step()) return std::nullopt;
  return read_person(row);
}

std::optional<PersonId> PersonRepository::find_by_id_number(const std::string& id_number) const {
  Statement q = tx_.prepare(kSelectIdByIdNumber);  // kept: an import asks once a row
  q.bind(id_number);
  if (!q.step()) return std::nullopt;
  return q.integer(0);
}

Page<domain::Person> PersonRepository::list(const domain::Scope& scope, const PeopleFilter& filter,
                                            const PageSpec& page, const Date& on) const {
  Binds b;
  std::string where;
  auto add = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
  if (!filter.text.empty()) add(name_or_id_number(b, filter.text));
  if (filter.organisation_path)
    add(holds_position_in(b, *filter.organisation_path, on));
  else if (!scope.is_whole_tree())
    add(visible_in(b, scope));
  Page<domain::Person> out;
  {
    Statement count = tx_.prepare(kCountPeople + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  std::string column = page.sort == "birth_date" ? "p.birth_date" : page.sort == "id" ? "p.id" : "p.name";
  std::string dir = page.descending ? " DESC" : " ASC";
  std::string limit = b.add(std::int64_t{page.page_size}), offset = b.add(std::int64_t{page.offset()});
  Statement row = tx_.prepare(kSelectPerson + where + " ORDER BY " + column + dir + ", p.id" + dir + " LIMIT " +
                              limit + " OFFSET " + offset);
  b.bind(row);
  while (row.step()) out.items.push_back(read_person(row));
  return out;
}

std::vector<CurrentPosition> PersonRepository::current_positions(const domain::Scope& scope,
                                                                 const std::vector<PersonId>& people,
                                                                 const Date& on) const {
  std::vector<CurrentPosition> out;
  if (people.empty()) return out;
  CurrentPosition row;
  long long person = 0, organisation = 0;
  std::string on1 = on.iso(), on2 = on.iso(), low = scope.low(), high = scope.high();
  Query q(tx_.sql());
  q.into(person).into(organisation).into(row.organisation_name).into(row.role_label).use(on1).use(on2).use(low)
      .use(high);
  q.open(kCurrentPositions + id_list(people) + kCurrentPositionsOrder);
  while (q.fetch()) {
    row.person_id = person;
    row.organisation_id = organisation;
    out.push_back(row);
  }
  return out;
}

PersonId PersonRepository::insert(const domain::Person& p, std::optional<domain::OrganisationId> registered_in,
                                  const std::string& now) const {
  Statement q = tx_.prepare(kInsertPerson);  // kept: an import inserts thousands
  q.bind(p.name).bind(p.id_number).bind(p.birth_date).bind(domain::sex_code(p.sex)).bind(p.ethnicity)
      .bind(p.political_status).bind(p.education).bind(p.work_unit).bind(p.job_title).bind(p.mobile)
      .bind(p.office_phone).bind(p.notes);
  if (registered_in) q.bind(static_cast<std::int64_t>(*registered_in));
  else q.bind_null();
  q.bind(now).bind(now);
  if (!q.step()) throw std::runtime_error("INSERT INTO people returned no id");
  return q.integer(0);
}

void PersonRepository::update(const domain::Person& p, const std::string& now) const {
  Values v(p);
  std::string updated = now;
  long long id = p.id;
  Query q(tx_.sql());
  v.bind(q);
  q.use(updated).use(id);
  q.run(kUpdatePerson);
}

}  // namespace jinguo::storage
