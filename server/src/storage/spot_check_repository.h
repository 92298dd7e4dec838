#pragma once
// Spot checks and their sampled bodies as stored (migration 0014).
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign/campaign.h"
#include "domain/campaign/spot_check.h"
#include "domain/date.h"
#include "storage/database.h"

namespace jinguo::storage {

struct SpotCheckItemRow {
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  domain::BodyType type = domain::BodyType::kCity;
  domain::campaign::Stratum stratum = domain::campaign::Stratum::kTownship;
  int sort_order = 0;
  std::optional<domain::campaign::Finding> finding;
  std::optional<std::string> differences, notes, checked_by;
  std::optional<domain::Date> checked_on;
};

struct SpotCheckRow {
  std::int64_t id = 0;
  domain::campaign::CampaignId campaign_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name, organisation_path;
  std::uint64_t seed = 0;
  int sample_size = 0;
  std::string drawn_at, drawn_by;
  std::vector<SpotCheckItemRow> items;  // filled by find(); list() leaves it empty
  int checked = 0, differences = 0;     // items with a finding, and of those with differences
};

class SpotCheckQueries {
 public:
  explicit SpotCheckQueries(const ReadTx& tx) : tx_(tx) {}
  // The open streets, townships and grassroots bodies under `path`.
  std::vector<domain::campaign::Candidate> candidates(const std::string& path) const;
  // The spot checks of a campaign of districts inside [low, high), the latest first, with their counts.
  std::vector<SpotCheckRow> of_campaign(domain::campaign::CampaignId campaign, const std::string& low,
                                        const std::string& high) const;
  std::optional<SpotCheckRow> find(std::int64_t id) const;

 protected:
  const ReadTx& tx_;
};

class SpotCheckRepository : public SpotCheckQueries {
 public:
  explicit SpotCheckRepository(const WriteTx& tx) : SpotCheckQueries(tx) {}
  std::int64_t insert(const SpotCheckRow& check, const std::vector<domain::campaign::Drawn>& sample) const;
  void record(std::int64_t check, domain::OrganisationId body, domain::campaign::Finding finding,
              const std::optional<std::string>& differences, const std::optional<std::string>& notes,
              const domain::Date& on, const std::string& by) const;
};

}  // namespace jinguo::storage
