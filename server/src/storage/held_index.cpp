#include "storage/held_index.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "storage/query.h"
#include "storage/registry_changes.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using domain::Date;

constexpr std::int32_t kNoStart = std::numeric_limits<std::int32_t>::min();  // established: unknown
constexpr std::int32_t kNoEnd = std::numeric_limits<std::int32_t>::max();    // open

// Read in pages by id: PostgreSQL hands a whole result to the client at once, and a
// national registry's 13 million positions must not be.
constexpr int kPageRows = 50000;
constexpr const char* kBodies =
    "SELECT id, established_on, closed_on FROM organisations WHERE id > $1 ORDER BY id LIMIT 50000";
constexpr const char* kVersions =
    "SELECT organisation_id, valid_from, valid_to, COALESCE(parent_id, 0), type, name, path, depth "
    "FROM organisation_versions ORDER BY organisation_id, valid_from";
constexpr const char* kPositionColumns =
    "SELECT ps.id, ps.organisation_id, ps.person_id, ps.start_on, ps.end_on, ps.role, ps.manner, "
    "COALESCE(ps.source, ''), p.birth_date, COALESCE(p.education, ''), COALESCE(p.political_status, ''), "
    "COALESCE(p.ethnicity, '') FROM positions ps JOIN people p ON p.id = ps.person_id ";
constexpr const char* kPositionPage = "WHERE ps.id > $1 ORDER BY ps.id LIMIT 50000";
constexpr const char* kPeople =
    "SELECT id, birth_date, COALESCE(education, ''), COALESCE(political_status, ''), COALESCE(ethnicity, '') "
    "FROM people WHERE id IN ";
constexpr std::size_t kIdsPerQuery = 500;

std::int32_t day_of(const Date& d) { return d.days_since_epoch(); }

// Runs a paged query (its first column the id, its parameter the last id read) page by
// page, calling f on each row.
template <class F>
void each_page(const ReadTx& tx, const std::string& sql, F&& f) {
  for (std::int64_t last = 0;;) {
    Statement row = tx.prepare(sql);
    row.bind(last);
    int n = 0;
    while (row.step()) {
      ++n;
      last = row.integer(0);
      f(row);
    }
    if (n < kPageRows) return;
  }
}

// Small numbers for the codes of one kind (roles, manners, ...): 0 is the empty code.
class Interned {
 public:
  Interned() { codes_.emplace_back(); }
  std::uint8_t id(std::string_view code) {
    if (code.empty()) return 0;
    for (std::size_t i = 1; i < codes_.size(); ++i)
      if (codes_[i] == code) return static_cast<std::uint8_t>(i);
    if (codes_.size() > std::numeric_limits<std::uint8_t>::max())
      throw std::runtime_error("held index: more than 255 codes of one kind");
    codes_.emplace_back(code);
    return static_cast<std::uint8_t>(codes_.size() - 1);
  }
  std::string_view code(std::uint8_t id) const { return codes_[id]; }
  std::size_t size() const { return codes_.size(); }
  // Each of these codes' number in `codes` (a CodeBook's table), by this table's number.
  std::array<domain::forms::CodeId, 256> numbered_in(domain::forms::Codes& codes) const {
    std::array<domain::forms::CodeId, 256> out{};
    for (std::size_t i = 0; i < codes_.size(); ++i) out[i] = codes.id(codes_[i]);
    return out;
  }

 private:
  std::vector<std::string> codes_;  // few (dictionary codes), so a linear search is enough
};

}  // namespace

struct HeldIndex::Data {
  struct Version {
    std::int32_t from = kNoStart, to = kNoEnd;  // [from, to)
    std::uint32_t parent = 0;
    std::uint32_t name_at = 0, path_at = 0;  // into text
    std::uint16_t name_size = 0, path_size = 0;
    std::uint16_t depth = 0;
    std::uint8_t type = 0;  // domain::BodyType
  };
  struct Body {
    std::uint32_t id = 0;
    std::int32_t established = kNoStart, closed = kNoEnd;
    std::uint32_t first = 0, count = 0;  // its versions, oldest first
  };
  struct Position {
    std::uint32_t id = 0, body = 0, person = 0;
    std::int32_t start = 0, end = kNoEnd;
    std::int32_t birth = 0;
    std::uint8_t role = 0, manner = 0, source = 0, education = 0, political_status = 0, ethnicity = 0;
  };
  static_assert(sizeof(Position) == 32);

  std::int64_t generation = -1;
  std::vector<Body> bodies;  // by id
  std::vector<std::uint32_t> body_at;  // id → index in bodies + 1 (0: none)
  std::vector<Version> versions;
  std::string text;
  std::vector<Position> positions;  // by person, then id: a person's positions are adjacent
  // Each body's positions, in person order: positions[by_body[i]] for i in
  // [body_first[id], body_first[id + 1]) (a counting sort of the positions by body, made again
  // whenever the positions change), so that a district's queries read its own bodies'
  // positions, not the whole country's 13 million (4 bytes a position).
  std::vector<std::uint32_t> by_body, body_first;
  Interned roles, manners, sources, educations, political_statuses, ethnicities;
  long long full_loads = 0, updates = 0;

  std::string_view text_at(std::uint32_t at, std::uint16_t size) const { return {text.data() + at, size}; }
  std::string_view path(const Version& v) const { return text_at(v.path_at, v.path_size); }
  std::string_view name(const Version& v) const { return text_at(v.name_at, v.name_size); }

  const Version* version_on(const Body& b, std::int32_t day) const {
    for (std::uint32_t i = b.first; i < b.first + b.count; ++i)
      if (versions[i].from <= day && day < versions[i].to) return &versions[i];
    return nullptr;
  }
  const Body* body(std::int64_t id) const {
    if (id <= 0 || static_cast<std::size_t>(id) >= body_at.size() || body_at[id] == 0) return nullptr;
    return &bodies[body_at[id] - 1];
  }
  static bool open_on(const Body& b, std::int32_t day) { return b.established <= day && day < b.closed; }

  // The path of the subtree's root on `day`, from its path today ("/": the whole tree);
  // its path today when it had no version that day (as subtree_path_on).
  std::string_view root_on(const std::string& today_path, std::int32_t day) const {
    const auto ids = ids_in_path(today_path);
    if (ids.empty()) return today_path;
    const Body* b = body(ids.back());
    const Version* v = b ? version_on(*b, day) : nullptr;
    return v ? path(*v) : std::string_view(today_path);
  }

  // Calls f(body, version on day) for each body whose version on `day` lies under `root`.
  template <class F>
  void each_in_subtree(std::string_view root, std::int32_t day, F&& f) const {
    if (root.empty()) return;
    for (const Body& b : bodies) {
      const Version* v = version_on(b, day);
      if (v && path(*v).starts_with(root)) f(b, *v);
    }
  }

  void load_bodies(const ReadTx& tx) {
    bodies.clear();
    versions.clear();
    text.clear();
    each_page(tx, kBodies, [&](const Statement& row) {
      Body b;
      b.id = static_cast<std::uint32_t>(row.integer(0));
      if (!row.is_null(1)) b.established = day_of(row.date(1));
      if (!row.is_null(2)) b.closed = day_of(row.date(2));
      bodies.push_back(b);
    });
    body_at.assign(bodies.empty() ? 1 : bodies.back().id + 1, 0);
    for (std::size_t i = 0; i < bodies.size(); ++i) body_at[bodies[i].id] = static_cast<std::uint32_t>(i + 1);
    Statement row = tx.prepare(kVersions);
    while (row.step()) {
      const auto id = row.integer(0);
      if (id <= 0 || static_cast<std::size_t>(id) >= body_at.size() || body_at[id] == 0) continue;
      Body& b = bodies[body_at[id] - 1];
      if (b.count == 0) b.first = static_cast<std::uint32_t>(versions.size());
      ++b.count;
      Version v;
      v.from = day_of(row.date(1));
      if (!row.is_null(2)) v.to = day_of(row.date(2));
      v.parent = static_cast<std::uint32_t>(row.integer(3));
      v.type = static_cast<std::uint8_t>(domain::body_type_from_code(row.text(4)).value_or(domain::BodyType::kCity));
      const auto name = row.text(5), path = row.text(6);
      v.name_at = static_cast<std::uint32_t>(text.size());
      v.name_size = static_cast<std::uint16_t>(name.size());
      text += name;
      v.path_at = static_cast<std::uint32_t>(text.size());
      v.path_size = static_cast<std::uint16_t>(path.size());
      text += path;
      v.depth = static_cast<std::uint16_t>(row.integer(7));
      versions.push_back(v);
    }
  }

  Position position_of(const Statement& row) {
    Position p;
    p.id = static_cast<std::uint32_t>(row.integer(0));
    p.body = static_cast<std::uint32_t>(row.integer(1));
    p.person = static_cast<std::uint32_t>(row.integer(2));
    p.start = day_of(row.date(3));
    if (!row.is_null(4)) p.end = day_of(row.date(4));
    p.role = roles.id(row.text(5));
    p.manner = manners.id(row.text(6));
    p.source = sources.id(row.text(7));
    p.birth = day_of(row.date(8));
    p.education = educations.id(row.text(9));
    p.political_status = political_statuses.id(row.text(10));
    p.ethnicity = ethnicities.id(row.text(11));
    return p;
  }

  // Calls f(position) for each position of body `id`, in person order.
  template <class F>
  void each_of_body(std::uint32_t id, F&& f) const {
    if (static_cast<std::size_t>(id) + 1 >= body_first.size()) return;
    for (std::uint32_t i = body_first[id]; i < body_first[id + 1]; ++i) f(positions[by_body[i]]);
  }
  std::size_t positions_of_body(std::uint32_t id) const {
    return static_cast<std::size_t>(id) + 1 < body_first.size() ? body_first[id + 1] - body_first[id] : 0;
  }

  void index_by_body() {
    std::uint32_t last = 0;
    for (const Position& p : positions) last = std::max(last, p.body);
    body_first.assign(std::max<std::size_t>(body_at.size(), static_cast<std::size_t>(last) + 1) + 1, 0);
    for (const Position& p : positions) ++body_first[p.body + 1];
    for (std::size_t id = 1; id < body_first.size(); ++id) body_first[id] += body_first[id - 1];
    by_body.resize(positions.size());
    by_body.shrink_to_fit();
    std::vector<std::uint32_t> next(body_first.begin(), body_first.end() - 1);
    for (std::size_t i = 0; i < positions.size(); ++i) by_body[next[positions[i].body]++] = static_cast<std::uint32_t>(i);
  }

  static bool by_person(const Position& a, const Position& b) {
    return a.person != b.person ? a.person < b.person : a.id < b.id;
  }

  void load_positions(const ReadTx& tx) {
    positions.clear();
    each_page(tx, std::string(kPositionColumns) + kPositionPage,
              [&](const Statement& row) { positions.push_back(position_of(row)); });
    positions.shrink_to_fit();
    std::sort(positions.begin(), positions.end(), by_person);
    index_by_body();
  }

  void load_all(const ReadTx& tx) {
    load_bodies(tx);
    load_positions(tx);
    ++full_loads;
  }

  // The positions with these ids as they are now (gone ones dropped), merged in order.
  void reload_positions(const ReadTx& tx, std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    std::vector<Position> fresh;
    for (std::size_t first = 0; first < ids.size(); first += kIdsPerQuery) {
      std::vector<std::int64_t> some(ids.begin() + static_cast<std::ptrdiff_t>(first),
                                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), first + kIdsPerQuery)));
      Statement row = tx.prepare(std::string(kPositionColumns) + "WHERE ps.id IN " + id_list(some), Keep::kNo);
      while (row.step()) fresh.push_back(position_of(row));
    }
    std::sort(fresh.begin(), fresh.end(), by_person);
    std::vector<Position> kept;
    kept.reserve(positions.size() + fresh.size());
    for (const Position& p : positions)
      if (!std::binary_search(ids.begin(), ids.end(), static_cast<std::int64_t>(p.id))) kept.push_back(p);
    positions.clear();
    positions.reserve(kept.size() + fresh.size());
    std::merge(kept.begin(), kept.end(), fresh.begin(), fresh.end(), std::back_inserter(positions), by_person);
    index_by_body();
  }

  // People's form attributes, copied into each of their positions.
  void reload_people(const ReadTx& tx, std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    for (std::size_t first = 0; first < ids.size(); first += kIdsPerQuery) {
      std::vector<std::int64_t> some(ids.begin() + static_cast<std::ptrdiff_t>(first),
                                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), first + kIdsPerQuery)));
      Statement row = tx.prepare(std::string(kPeople) + id_list(some), Keep::kNo);
      while (row.step()) {
        const auto person = static_cast<std::uint32_t>(row.integer(0));
        Position probe;
        probe.person = person;
        auto it = std::lower_bound(positions.begin(), positions.end(), probe,
                                   [](const Position& a, const Position& b) { return a.person < b.person; });
        const std::int32_t birth = day_of(row.date(1));
        const std::uint8_t education = educations.id(row.text(2)), political = political_statuses.id(row.text(3)),
                           ethnicity = ethnicities.id(row.text(4));
        for (; it != positions.end() && it->person == person; ++it) {
          it->birth = birth;
          it->education = education;
          it->political_status = political;
          it->ethnicity = ethnicity;
        }
      }
    }
  }

  std::size_t bytes() const {
    return bodies.capacity() * sizeof(Body) + body_at.capacity() * sizeof(std::uint32_t) +
           versions.capacity() * sizeof(Version) + text.capacity() + positions.capacity() * sizeof(Position) +
           (by_body.capacity() + body_first.capacity()) * sizeof(std::uint32_t);
  }
};

HeldIndex::HeldIndex() : data_(std::make_unique<Data>()) {}
HeldIndex::~HeldIndex() = default;

HeldIndex::View HeldIndex::view(const ReadTx& tx) {
  const std::int64_t generation = registry_generation(tx);
  {
    std::shared_lock lock(mutex_);
    // An index ahead of this transaction (another request caught it up further) shows
    // changes committed since it began: newer, never older, than what it reads itself.
    if (data_->generation >= generation) return View(std::move(lock), *data_);
  }
  {
    std::unique_lock lock(mutex_);
    if (data_->generation < generation) catch_up(tx, generation);
  }
  return View(std::shared_lock(mutex_), *data_);
}

// Under the exclusive lock. Reading the generation before the rows makes this right on
// PostgreSQL's read committed too: whatever commits after it has a later generation, and
// reloading a row that already shows it is harmless.
void HeldIndex::catch_up(const ReadTx& tx, std::int64_t generation) {
  Data& d = *data_;
  bool all = d.generation < 0, bodies = false;
  std::vector<std::int64_t> positions, people;
  if (!all) {
    const auto changes = registry_changes(tx, d.generation, generation);
    // every generation lists at least one change: a gap means they were pruned
    all = changes.empty() || changes.front().generation != d.generation + 1;
    for (const auto& c : changes) {
      if (all) break;
      switch (c.entity) {
        case RegistryEntity::kAll: all = true; break;
        case RegistryEntity::kOrganisation: bodies = true; break;
        case RegistryEntity::kPerson: people.push_back(c.id); break;
        case RegistryEntity::kPosition: positions.push_back(c.id); break;
      }
    }
  }
  if (all) {
    d.load_all(tx);
  } else {
    // a body's change (a move, a rename, a closing) may touch its whole subtree's versions:
    // the bodies are few, so they are all read again
    // (a body created since by_body was made has no entry in body_first: each_of_body gives
    // it no positions, which is right until its positions arrive, and they list it again)
    if (bodies) d.load_bodies(tx);
    if (!positions.empty()) d.reload_positions(tx, std::move(positions));
    if (!people.empty()) d.reload_people(tx, std::move(people));
    ++d.updates;
  }
  d.generation = generation;
}

HeldIndex::Size HeldIndex::size() const {
  std::shared_lock lock(mutex_);
  const Data& d = *data_;
  return {d.generation, d.bodies.size(), d.versions.size(), d.positions.size(), d.bytes(), d.full_loads, d.updates};
}

// ---- the queries ---------------------------------------------------------------------

namespace {

// A subtree holding at least 1/kWholePassShare of all positions is read in one pass over them
// all (in person order already); a smaller one through its bodies' lists, then sorted.
constexpr std::size_t kWholePassShare = 8;

bool is_level(domain::BodyType t) {
  using domain::BodyType;
  return t == BodyType::kStreet || t == BodyType::kTownship || t == BodyType::kCommunity || t == BodyType::kVillage ||
         t == BodyType::kVillageCongress;
}
bool is_district(domain::BodyType t) {
  using domain::BodyType;
  return t == BodyType::kDistrict || t == BodyType::kCounty || t == BodyType::kCountyCity;
}
bool of_kind(std::uint8_t type, FormBodies kind) {
  const auto t = static_cast<domain::BodyType>(type);
  return kind == FormBodies::kLevels ? is_level(t) : is_district(t);
}

// The positions held on `day` in the bodies of `kind` under `path` as they stood: f(group's
// body type code, position) grouped by row (a body type, or a district), then by person.
template <class F>
void each_held_in(const HeldIndex::Data& d, const std::string& path, std::int32_t day, FormBodies kind, F&& f) {
  using Data = HeldIndex::Data;
  // each body of the form's kind under the root on the day → its group (a type, or itself)
  std::vector<std::int32_t> group_of(d.body_at.size(), -1);
  std::vector<std::string_view> group_type;  // the body type code of each group
  std::int32_t type_group[16];
  std::fill(std::begin(type_group), std::end(type_group), -1);
  d.each_in_subtree(d.root_on(path, day), day, [&](const Data::Body& b, const Data::Version& v) {
    if (!of_kind(v.type, kind)) return;
    std::int32_t& g = kind == FormBodies::kLevels ? type_group[v.type] : group_of[b.id];
    if (g < 0) {
      g = static_cast<std::int32_t>(group_type.size());
      group_type.push_back(domain::body_type_code(static_cast<domain::BodyType>(v.type)));
    }
    group_of[b.id] = g;
  });
  // each held position put in its group's list, in person order (their order in positions)
  std::vector<std::vector<std::uint32_t>> groups(group_type.size());
  auto place = [&](std::uint32_t i) {
    const Data::Position& p = d.positions[i];
    if (p.start > day || day >= p.end || p.body >= group_of.size()) return;
    const std::int32_t g = group_of[p.body];
    if (g >= 0) groups[static_cast<std::size_t>(g)].push_back(i);
  };
  std::size_t in_subtree = 0;
  for (std::size_t id = 0; id < group_of.size(); ++id)
    if (group_of[id] >= 0) in_subtree += d.positions_of_body(static_cast<std::uint32_t>(id));
  if (in_subtree * kWholePassShare >= d.positions.size()) {  // most of the tree: one pass over all
    for (std::size_t i = 0; i < d.positions.size(); ++i) place(static_cast<std::uint32_t>(i));
  } else {  // a part of it: its bodies' positions, then each group sorted back into person order
    for (std::size_t id = 0; id < group_of.size(); ++id)
      if (group_of[id] >= 0)
        d.each_of_body(static_cast<std::uint32_t>(id), [&](const Data::Position& p) {
          place(static_cast<std::uint32_t>(&p - d.positions.data()));
        });
    for (auto& group : groups) std::sort(group.begin(), group.end());
  }
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (const std::uint32_t i : groups[g]) f(group_type[g], d.positions[i]);
}

}  // namespace

void HeldIndex::View::each_held(const std::string& path, const Date& on, FormBodies kind,
                                const std::function<void(const domain::forms::Held&)>& visit) const {
  const Data& d = data_;
  domain::forms::Held h;
  each_held_in(d, path, day_of(on), kind, [&](std::string_view body_type, const Data::Position& p) {
    h.body_type = body_type;
    h.organisation_id = p.body;
    h.person_id = p.person;
    h.role = d.roles.code(p.role);
    h.manner = d.manners.code(p.manner);
    h.source = d.sources.code(p.source);
    h.birth_date = Date::from_days(p.birth);
    h.education = d.educations.code(p.education);
    h.political_status = d.political_statuses.code(p.political_status);
    h.ethnicity = d.ethnicities.code(p.ethnicity);
    visit(h);
  });
}

void HeldIndex::View::each_held_facts(const std::string& path, const Date& on, FormBodies kind,
                                      domain::forms::CodeBook& codes,
                                      const std::function<void(const domain::forms::HeldFacts&)>& visit) const {
  const Data& d = data_;
  // the index's numbers → the code book's, each code's text looked up once
  const auto role = d.roles.numbered_in(codes.role), manner = d.manners.numbered_in(codes.manner),
             source = d.sources.numbered_in(codes.source), education = d.educations.numbered_in(codes.education),
             political = d.political_statuses.numbered_in(codes.political_status);
  std::array<bool, 256> minority{};
  for (std::size_t i = 1; i < d.ethnicities.size(); ++i)
    minority[i] = d.ethnicities.code(static_cast<std::uint8_t>(i)) != "01";
  domain::forms::HeldFacts h;
  each_held_in(d, path, day_of(on), kind, [&](std::string_view body_type, const Data::Position& p) {
    h.body_type = body_type;
    h.organisation_id = p.body;
    h.person_id = p.person;
    h.facts.role = role[p.role];
    h.facts.manner = manner[p.manner];
    h.facts.source = source[p.source];
    h.facts.education = education[p.education];
    h.facts.political_status = political[p.political_status];
    h.facts.minority = minority[p.ethnicity];
    h.facts.birth = p.birth;
    visit(h);
  });
}

std::vector<BodyTypeCount> HeldIndex::View::level_counts(const std::string& path, const Date& on) const {
  const Data& d = data_;
  const std::int32_t day = day_of(on);
  long long counts[16] = {};
  d.each_in_subtree(d.root_on(path, day), day, [&](const Data::Body& b, const Data::Version& v) {
    if (Data::open_on(b, day) && of_kind(v.type, FormBodies::kLevels)) ++counts[v.type];
  });
  std::vector<BodyTypeCount> out;
  for (std::uint8_t t = 0; t < 16; ++t)
    if (counts[t]) out.push_back({static_cast<domain::BodyType>(t), counts[t]});
  return out;
}

std::vector<FormBody> HeldIndex::View::bodies(const std::string& path, const Date& on, FormBodies kind) const {
  const Data& d = data_;
  const std::int32_t day = day_of(on);
  std::vector<std::pair<const Data::Body*, const Data::Version*>> found;
  d.each_in_subtree(d.root_on(path, day), day, [&](const Data::Body& b, const Data::Version& v) {
    if (Data::open_on(b, day) && of_kind(v.type, kind)) found.emplace_back(&b, &v);
  });
  std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) { return d.path(*a.second) < d.path(*b.second); });
  std::vector<FormBody> out;
  out.reserve(found.size());
  for (const auto& [b, v] : found)
    out.push_back({b->id, static_cast<domain::BodyType>(v->type), std::string(d.name(*v))});
  return out;
}

std::vector<SubtreeBody> HeldIndex::View::subtree_bodies(const std::string& path, const Date& on) const {
  const Data& d = data_;
  const std::int32_t day = day_of(on);
  std::vector<std::pair<const Data::Body*, const Data::Version*>> found;
  d.each_in_subtree(d.root_on(path, day), day, [&](const Data::Body& b, const Data::Version& v) {
    if (Data::open_on(b, day)) found.emplace_back(&b, &v);
  });
  std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) { return d.path(*a.second) < d.path(*b.second); });
  std::vector<SubtreeBody> out;
  out.reserve(found.size());
  for (const auto& [b, v] : found) {
    SubtreeBody s;
    s.id = b->id;
    if (v->parent) s.parent_id = v->parent;
    s.type = static_cast<domain::BodyType>(v->type);
    s.name = d.name(*v);
    s.path = d.path(*v);
    s.depth = v->depth;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<HeldRow> HeldIndex::View::held_in_subtree(const std::string& path, const Date& on) const {
  const Data& d = data_;
  const std::int32_t day = day_of(on);
  // The subtree's bodies in id order, each body's rows in person order (from by_body), so that
  // a caller grouping them by body finds each body's rows together and meets each body once;
  // counted first, so that the rows are sized exactly (64 requests at once each held the
  // copies of a growing vector of a city's rows).
  std::vector<std::uint32_t> ids;
  d.each_in_subtree(d.root_on(path, day), day, [&](const Data::Body& b, const Data::Version&) { ids.push_back(b.id); });
  std::sort(ids.begin(), ids.end());
  auto held = [&](const Data::Position& p) { return p.start <= day && day < p.end; };
  std::size_t count = 0;
  for (const auto id : ids) d.each_of_body(id, [&](const Data::Position& p) { count += held(p); });
  std::vector<HeldRow> out;
  out.reserve(count);
  for (const auto id : ids)
    d.each_of_body(id, [&](const Data::Position& p) {
      if (held(p)) out.push_back({p.body, p.person, std::string(d.roles.code(p.role)), p.id});
    });
  return out;
}

std::vector<HeldRow> HeldIndex::View::ended_in(const std::vector<domain::OrganisationId>& bodies, const Date& on,
                                               const std::vector<std::string>& roles) const {
  const Data& d = data_;
  const std::int32_t day = day_of(on);
  std::vector<domain::OrganisationId> ids(bodies);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<const Data::Position*> found;
  for (const auto id : ids) {
    if (id <= 0 || id > std::numeric_limits<std::uint32_t>::max()) continue;
    d.each_of_body(static_cast<std::uint32_t>(id), [&](const Data::Position& p) {
      if (p.end == kNoEnd || p.end > day) return;
      const auto role = d.roles.code(p.role);
      if (std::find(roles.begin(), roles.end(), role) != roles.end()) found.push_back(&p);
    });
  }
  std::sort(found.begin(), found.end(), [](const Data::Position* a, const Data::Position* b) {
    return a->end != b->end ? a->end > b->end : a->id > b->id;
  });
  std::vector<HeldRow> out;
  out.reserve(found.size());
  for (const Data::Position* p : found) out.push_back({p->body, p->person, std::string(d.roles.code(p->role)), p->id});
  return out;
}

}  // namespace jinguo::storage
