#include "storage/people_search.h"

#include "storage/person_columns.h"
#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kFormerPositions =
    "SELECT ps.person_id, ps.organisation_id, o.name, COALESCE(r.label, ps.role), ps.end_on FROM positions ps "
    "JOIN organisations o ON o.id = ps.organisation_id "
    "LEFT JOIN dictionary_entries r ON r.kind = 'role' AND r.code = ps.role "
    "WHERE o.path >= $1 AND o.path < $2 AND ps.end_on IS NOT NULL AND ps.end_on <= $3 AND ps.person_id IN ";
constexpr const char* kFormerOrder = " ORDER BY ps.person_id, ps.end_on DESC, ps.id DESC";

// The search's condition on the person (an ID number, or a name prefix) on the people `p`;
// empty without one.
std::string person_text(Binds& b, const PeopleSearch& s, const std::string& p) {
  if (s.name) return " AND " + p + ".name LIKE " + b.add(escape_like(*s.name) + "%") + " ESCAPE '\\'";
  if (s.id_number) return " AND " + p + ".id_number = " + b.add(*s.id_number);
  return "";
}

// The people of the search with the latest start of a matching position, as a subquery `u`
// (columns: the person, then latest_start). Parameters are added to `b`.
std::string people_of(Binds& b, const PeopleSearch& s) {
  std::string low = b.add(s.path), high = b.add(s.path + "~"), on = b.add(s.on.iso());
  const std::string text = person_text(b, s, "p");
  std::string matching = "SELECT ps.person_id, MAX(ps.start_on) AS latest_start, "
                         "MAX(CASE WHEN ps.end_on IS NULL OR ps.end_on > " + on + " THEN 1 ELSE 0 END) AS held "
                         "FROM positions ps JOIN organisations o ON o.id = ps.organisation_id ";
  // With a name or an ID number, only the positions of the people it finds are grouped: not
  // every position of the subtree (52,000 for the city), which SQLite sorted in memory for each
  // search (~2 MB a search, 31 MiB at once under 64 connections). A join, read from the
  // subtree's positions: an IN (SELECT ... FROM people) made SQLite read every person of the
  // country first (e040739: a district's search 3 -> 9 ms on Harbin; worse the larger the
  // country). The city's search for 王: 46 -> 21 ms; a district's: 3.2 -> 2.2 ms.
  if (!text.empty()) matching += "JOIN people t ON t.id = ps.person_id" + person_text(b, s, "t") + " ";
  matching += "WHERE o.path >= " + low + " AND o.path < " + high + " AND ps.start_on <= " + on;
  if (s.role) matching += " AND ps.role = " + b.add(*s.role);
  if (s.manner) matching += " AND ps.manner = " + b.add(*s.manner);
  if (s.source) matching += " AND ps.source = " + b.add(*s.source);
  matching += " GROUP BY ps.person_id";
  std::string held = s.status == HoldingStatus::kCurrent ? " AND m.held = 1"
                     : s.status == HoldingStatus::kFormer ? " AND m.held = 0"
                                                          : "";
  std::string sql = "SELECT " JINGUO_PERSON_COLUMNS("p") ", m.latest_start AS latest_start FROM people p JOIN (" +
                    matching + ") m ON m.person_id = p.id WHERE 1 = 1" + held + text;
  if (s.with_unplaced)
    sql += " UNION ALL SELECT " JINGUO_PERSON_COLUMNS("p") ", NULL FROM people p "
           "JOIN organisations ro ON ro.id = p.registered_in WHERE ro.path >= " + low + " AND ro.path < " + high +
           " AND NOT EXISTS (SELECT 1 FROM positions np WHERE np.person_id = p.id)" + text;
  return "(" + sql + ") u";
}

}  // namespace

// One query for the page and its total (COUNT(*) OVER () is counted before LIMIT): a second,
// COUNT only, when the page lies past the end and has no row to carry the total. The count and
// the order see only each person's id, name and latest start (`k`); the page's people are read
// whole afterwards: SQLite otherwise kept every person of the subtree, all columns, for the
// count and the sort (3,469 in a district: 8.7 -> 5.1 ms, 0.7 -> 0.3 MB; bench/README Memory).
Page<domain::Person> PeopleSearchQueries::find(const PeopleSearch& search, const PageSpec& page) const {
  Page<domain::Person> out;
  Binds b;
  std::string from = " FROM " + people_of(b, search);
  std::string dir = page.descending ? " DESC" : " ASC";
  auto order = [&](const std::string& t) {
    return (page.sort == "start_on" ? t + ".latest_start" + dir + ", " + t + ".name" : t + ".name" + dir) + ", " +
           t + ".id" + dir;
  };
  Binds counted = b;  // the count needs only the search's parameters
  std::string limit = b.add(std::int64_t{page.page_size}), offset = b.add(std::int64_t{page.offset()});
  Statement row = tx_.prepare("SELECT k.total, " JINGUO_PERSON_COLUMNS("p") " FROM (SELECT COUNT(*) OVER () AS total, "
                              "u.id, u.name, u.latest_start" + from + " ORDER BY " + order("u") + " LIMIT " + limit +
                              " OFFSET " + offset + ") k JOIN people p ON p.id = k.id ORDER BY " + order("k"));
  b.bind(row);
  while (row.step()) {
    if (out.items.empty()) out.total = row.integer(0);
    out.items.push_back(read_person(row, 1));
  }
  if (out.items.empty() && page.offset() > 0) {
    Statement count = tx_.prepare("SELECT COUNT(*)" + from);
    counted.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  return out;
}

std::vector<FormerPosition> PeopleSearchQueries::former_positions(const std::string& path,
                                                                  const std::vector<domain::PersonId>& people,
                                                                  const domain::Date& on) const {
  std::vector<FormerPosition> out;
  if (people.empty()) return out;
  Statement row = tx_.prepare(kFormerPositions + id_list(people) + kFormerOrder, Keep::kNo);
  row.bind(path).bind(path + "~").bind(on);
  while (row.step())
    out.push_back({row.integer(0), row.integer(1), row.string(2), row.string(3), row.date(4)});
  return out;
}

}  // namespace jinguo::storage
