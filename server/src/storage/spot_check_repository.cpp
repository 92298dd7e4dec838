#include "storage/spot_check_repository.h"

#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using namespace domain::campaign;

constexpr const char* kCandidates =
    "SELECT id, type FROM organisations WHERE path > $1 AND path < $2 AND closed_on IS NULL "
    "AND type IN ('street','township','community','village','village_congress')";
constexpr const char* kChecksFrom =
    " FROM spot_checks s JOIN organisations o ON o.id = s.organisation_id";
constexpr const char* kCounts =
    ", (SELECT COUNT(*) FROM spot_check_items i WHERE i.spot_check_id = s.id AND i.finding IS NOT NULL), "
    "(SELECT COUNT(*) FROM spot_check_items i WHERE i.spot_check_id = s.id AND i.finding = 'differences')";
constexpr const char* kItems =
    "SELECT i.organisation_id, o.name, o.type, i.stratum, i.sort_order, i.finding, i.differences, i.notes, "
    "i.checked_by, i.checked_on FROM spot_check_items i JOIN organisations o ON o.id = i.organisation_id "
    "WHERE i.spot_check_id = $1 ORDER BY i.sort_order";
constexpr const char* kInsert =
    "INSERT INTO spot_checks (campaign_id, organisation_id, seed, sample_size, drawn_at, drawn_by) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr const char* kInsertItem =
    "INSERT INTO spot_check_items (spot_check_id, organisation_id, stratum, sort_order) VALUES ($1, $2, $3, $4)";
constexpr const char* kRecord =
    "UPDATE spot_check_items SET finding = $1, differences = $2, notes = $3, checked_on = $4, checked_by = $5 "
    "WHERE spot_check_id = $6 AND organisation_id = $7";

std::string checks_sql(const ReadTx& tx, const std::string& where) {
  return "SELECT s.id, s.campaign_id, s.organisation_id, o.name, o.path, s.seed, s.sample_size, " +
         iso_timestamp_sql(tx, "s.drawn_at") + ", s.drawn_by" + kCounts + kChecksFrom + where;
}

SpotCheckRow read_check(const Statement& row) {
  SpotCheckRow r;
  r.id = row.integer(0);
  r.campaign_id = row.integer(1);
  r.organisation_id = row.integer(2);
  r.organisation_name = row.string(3);
  r.organisation_path = row.string(4);
  r.seed = static_cast<std::uint64_t>(row.integer(5));
  r.sample_size = static_cast<int>(row.integer(6));
  r.drawn_at = row.string(7);
  r.drawn_by = row.string(8);
  r.checked = static_cast<int>(row.integer(9));
  r.differences = static_cast<int>(row.integer(10));
  return r;
}

}  // namespace

std::vector<Candidate> SpotCheckQueries::candidates(const std::string& path) const {
  Statement st = tx_.prepare(kCandidates);
  st.bind(path).bind(path + "~");
  std::vector<Candidate> out;
  while (st.step()) out.push_back({st.integer(0), domain::body_type_from_code(st.text(1)).value_or(domain::BodyType::kCity)});
  return out;
}

std::vector<SpotCheckRow> SpotCheckQueries::of_campaign(CampaignId campaign, const std::string& low,
                                                        const std::string& high) const {
  Statement st = tx_.prepare(checks_sql(tx_, " WHERE s.campaign_id = $1 AND o.path >= $2 AND o.path < $3 "
                                             "ORDER BY s.drawn_at DESC, s.id DESC"));
  st.bind(campaign).bind(low).bind(high);
  std::vector<SpotCheckRow> out;
  while (st.step()) out.push_back(read_check(st));
  return out;
}

std::optional<SpotCheckRow> SpotCheckQueries::find(std::int64_t id) const {
  std::optional<SpotCheckRow> out;
  {
    Statement st = tx_.prepare(checks_sql(tx_, " WHERE s.id = $1"));
    st.bind(id);
    if (!st.step()) return std::nullopt;
    out = read_check(st);
  }
  Statement st = tx_.prepare(kItems);
  st.bind(id);
  while (st.step()) {
    SpotCheckItemRow i;
    i.organisation_id = st.integer(0);
    i.organisation_name = st.string(1);
    i.type = domain::body_type_from_code(st.text(2)).value_or(domain::BodyType::kCity);
    i.stratum = st.text(3) == "township" ? Stratum::kTownship : Stratum::kGrassroots;
    i.sort_order = static_cast<int>(st.integer(4));
    if (auto f = st.nullable_text(5)) i.finding = finding_from_code(*f);
    i.differences = st.nullable_text(6);
    i.notes = st.nullable_text(7);
    i.checked_by = st.nullable_text(8);
    i.checked_on = st.nullable_date(9);
    out->items.push_back(std::move(i));
  }
  return out;
}

std::int64_t SpotCheckRepository::insert(const SpotCheckRow& check, const std::vector<Drawn>& sample) const {
  std::int64_t id = 0;
  {
    Statement st = tx_.prepare(kInsert);
    st.bind(check.campaign_id).bind(check.organisation_id).bind(static_cast<std::int64_t>(check.seed))
        .bind(check.sample_size).bind(check.drawn_at).bind(check.drawn_by);
    st.step();
    id = st.integer(0);
  }
  int order = 0;
  for (const auto& d : sample) {
    Statement st = tx_.prepare(kInsertItem);
    st.bind(id).bind(d.id).bind(std::string(stratum_code(d.stratum))).bind(++order);
    st.run();
  }
  return id;
}

void SpotCheckRepository::record(std::int64_t check, domain::OrganisationId body, Finding finding,
                                 const std::optional<std::string>& differences, const std::optional<std::string>& notes,
                                 const domain::Date& on, const std::string& by) const {
  Statement st = tx_.prepare(kRecord);
  st.bind(std::string(finding_code(finding))).bind(differences).bind(notes).bind(on).bind(by).bind(check).bind(body);
  st.run();
}

}  // namespace jinguo::storage
