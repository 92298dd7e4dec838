#pragma once
// Spot checks (抽查, issue 12): the federation running a campaign draws a reproducible,
// stratified sample of a district's bodies (listed before anyone visits) and records what it
// found at each. Drawing and recording are for the level above the district; the district
// reads its own. Each change is one transaction with one audit record.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign/spot_check.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/spot_check_repository.h"

namespace jinguo::services {

struct NewSpotCheck {
  domain::OrganisationId district = 0;
  std::int64_t sample_size = 0;
  std::optional<std::uint64_t> seed;  // default: a random one, stored
};

struct NewFinding {
  domain::OrganisationId body = 0;
  std::string finding;  // confirmed | differences
  std::optional<std::string> differences, notes;
  std::optional<domain::Date> checked_on;  // default today
};

class SpotChecks {
 public:
  SpotChecks(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  storage::SpotCheckRow Draw(const Actor& actor, domain::campaign::CampaignId campaign, const NewSpotCheck& input);
  std::vector<storage::SpotCheckRow> OfCampaign(const Actor& actor, domain::campaign::CampaignId campaign);
  storage::SpotCheckRow SpotCheck(const Actor& actor, std::int64_t id);
  storage::SpotCheckRow RecordFinding(const Actor& actor, std::int64_t id, const NewFinding& input);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
